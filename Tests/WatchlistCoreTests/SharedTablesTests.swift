import Foundation
import GRDB
import Testing
@testable import WatchlistCore

/// The one description of the tables (`SharedTables`) against the live schema: every table is
/// shared or local, the film columns are where it says, and the shared tables come children
/// first and refer only to each other.
@Suite("the shared and local tables, described once")
struct SharedTablesTests {
    func schema() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try SchemaMigrations.migrator(SchemaMigrations.all).migrate(queue)
        return queue
    }

    @Test("every table of the schema is described, as shared or local, and nothing else is")
    func everyTable() throws {
        let tables = try schema().read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
            .filter { !SharedTables.isSearchShadow($0) }
        #expect(Set(tables) == Set(SharedTables.names + SharedTables.local))
        #expect(Set(SharedTables.names).isDisjoint(with: SharedTables.local))
    }

    @Test("the film column of each shared table is its film's id, and the key holds it where it says")
    func filmColumns() throws {
        try schema().read { db in
            for table in SharedTables.all {
                let columns = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table.name])
                guard let position = table.searchFilmColumn else { continue }
                let name: String = columns[position][0]
                #expect(name == (table.name == "film" ? "id" : "filmId"), "\(table.name)")
                #expect((columns[position][1] as Int > 0) == table.filmColumnInKey, "\(table.name)")
            }
        }
    }

    @Test("shared tables refer only to shared tables, and each comes before the tables it refers to")
    func childrenFirst() throws {
        try schema().read { db in
            for (index, table) in SharedTables.names.enumerated() {
                let parents = try String.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)", arguments: [table])
                for parent in parents {
                    let at = try #require(SharedTables.names.firstIndex(of: parent), "\(table) refers to \(parent), which is not shared")
                    #expect(at > index, "\(table) comes before its parent \(parent)")
                }
            }
        }
    }
}

/// The keys' hash, against FIPS 180-4's own examples, and the rule's first 63 bits.
@Suite("row keys")
struct RowKeyTests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("SHA-256 of the standard's messages (empty, abc, two blocks, a million a's)")
    func vectors() {
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a derived key is the first 63 bits of the SHA-256 of its parts joined by U+001F; never 0 or negative")
    func derived() {
        // hashlib.sha256("film\x1ftitle\x1fThe Ascent\x1f1977".encode()).digest()[:8] >> 1
        #expect(RowKey.film(title: "The Ascent", year: 1977) == 5_096_368_595_733_750_218)
        #expect(RowKey.derived("a", "b") != RowKey.derived("ab") && RowKey.derived("a", "b") != RowKey.derived("b", "a"))
        for index in 0..<1000 { #expect(RowKey.derived(String(index)) > 0) }
        #expect(RowKey.random() > 0 && RowKey.random() != RowKey.random())
    }
}
