import Foundation
import GRDB
import Testing

/// Keys that mean the same row on every device, and the short numbers each device shows.
@Suite("keys and numbers")
struct KeysCLITests {
    /// Every shared table's rows, keys included (a film named by title and year where a row
    /// refers to it), as the round-trip test reads them.
    func content(_ sandbox: Sandbox) throws -> [String: [String]] {
        try RoundTripCLITests.content(sandbox.db)
    }

    /// The first table whose rows differ, with what differs, or nil.
    func difference(_ a: [String: [String]], _ b: [String: [String]]) -> String? {
        for table in Set(a.keys).union(b.keys).sorted() where a[table] != b[table] {
            let only = Set(a[table] ?? []).symmetricDifference(b[table] ?? [])
            return "\(table): \(only.sorted().prefix(4))"
        }
        return nil
    }

    static var realFolders: [String] { RealExportTests.folders }

    @Test("two fresh databases importing the same real export hold the same key for every film, viewing, note, rating, fact and list, and the same numbers",
          .enabled(if: realExportsRoot != nil, "../shared/fixtures/real-exports is not here"), arguments: realFolders)
    func sameExportSameKeys(folder: String) throws {
        let path = realExportsRoot! + "/" + folder
        let one = try Sandbox(), other = try Sandbox()
        #expect(try one.run("import", path, "--add-missing").status == 0)
        #expect(try other.run("import", path, "--add-missing").status == 0)
        let first = try content(one)
        #expect((first["film"] ?? []).count > 10, "the export holds films")
        #expect(difference(first, try content(other)) == nil)
        let numbers = "SELECT number || ' ' || filmId FROM filmNumber ORDER BY number"
        #expect(try one.query(numbers) == other.query(numbers))
    }

    @Test("two databases each noting and logging offline make different keys; the ten built-in films have the same keys in every install")
    func offlineRowsDiffer() throws {
        let one = try Sandbox(), other = try Sandbox()
        for sandbox in [one, other] {
            #expect(try sandbox.run("note", "ascent", "The same words.").status == 0)
            #expect(try sandbox.run("watch", "ascent", "--on", "2024-01-01").status == 0)
        }
        for table in ["note", "viewing"] {
            let keys = try one.query("SELECT id FROM \(table)") + other.query("SELECT id FROM \(table)")
            #expect(keys.count == 2 && Set(keys).count == 2, "\(table): \(keys)")
        }
        // Both are note 1 on their own device.
        #expect(try one.query("SELECT number FROM noteNumber") == ["1"] && other.query("SELECT number FROM noteNumber") == ["1"])
        let films = "SELECT f.id || ' ' || n.number || ' ' || f.title FROM film f JOIN filmNumber n ON n.filmId = f.id ORDER BY n.number"
        let builtIn = try one.query(films)
        #expect(builtIn.count == 10)
        #expect(builtIn == (try other.query(films)))
        // The Ascent's key is the SHA-256 of "film␟title␟The Ascent␟1977", its first 63 bits.
        #expect(builtIn.first == "5096368595733750218 1 The Ascent")
        let shown = try #require(try one.parseJSON(one.run("show", "1", "--json").stdout) as? [String: Any])
        #expect(shown["id"] as? Int == 1 && shown["key"] as? String == "5096368595733750218")
    }

    @Test("a database the previous version (schema 9) made by importing the examples, migrated, holds the keys a fresh import makes, and shows the numbers it showed")
    func migratedSameKeys() throws {
        let fixture = projectRoot + "/Tests/Fixtures/v9-imported-examples.sqlite"
        let before = try DatabaseQueue(path: fixture, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let shown = try before.read { db in
            (films: try String.fetchAll(db, sql: "SELECT id || ' ' || title FROM film ORDER BY id"),
             notes: try String.fetchAll(db, sql: "SELECT id || ' ' || text FROM note ORDER BY id"))
        }
        try before.close()
        let migrated = try Sandbox()
        try FileManager.default.createDirectory(atPath: (migrated.db as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture, toPath: migrated.db)
        #expect(try migrated.run("db", "check").status == 0)
        // The fixture: made by the previous version with WATCHLIST_NOW at the sandbox's time, by
        // these two imports, then `note stalker "Written before keys."` and `watch ascent --on 2024-05-05`.
        let fresh = try Sandbox()
        for path in ["docs/examples/letterboxd-export", "docs/examples/trakt-backup"] {
            #expect(try fresh.run("import", projectRoot + "/" + path, "--add-missing").status == 0)
        }
        #expect(try fresh.run("note", "stalker", "Written before keys.").status == 0)
        #expect(try fresh.run("watch", "ascent", "--on", "2024-05-05").status == 0)
        #expect(try migrated.query("SELECT identifier FROM grdb_migrations ORDER BY rowid").contains("v10_keys"))
        // The rows the commands made have new keys here (random) and derived ones in the migrated file.
        func imported(_ content: [String: [String]]) -> [String: [String]] {
            content.mapValues { $0.filter { !$0.contains("Written before keys.") && !$0.contains("'2024-05-05'") } }
        }
        let after = try content(migrated)
        #expect((after["viewing"] ?? []).count == 7)
        let differs = difference(imported(after), imported(try content(fresh)))
        #expect(differs == nil, "\(differs ?? "")")
        // Every number shown before names the same film and note after.
        #expect(try migrated.query("SELECT n.number || ' ' || f.title FROM filmNumber n JOIN film f ON f.id = n.filmId ORDER BY n.number") == shown.films)
        #expect(try migrated.query("SELECT n.number || ' ' || o.text FROM noteNumber n JOIN note o ON o.id = n.noteId ORDER BY n.number") == shown.notes)
        #expect(try migrated.run("show", "11").stdout.hasPrefix(String(shown.films[10].drop { $0 != " " }.dropFirst())))
    }
}
