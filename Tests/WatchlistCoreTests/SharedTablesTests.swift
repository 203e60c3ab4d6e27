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
