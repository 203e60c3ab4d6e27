import Foundation
import GRDB
import Testing

/// Every column of every table a person's diary lives in survives `export` → `import` into
/// another database. The tables and columns are read from the live schema: a new column that
/// the document does not carry fails this test.
@Suite("the JSON document round trip keeps every column of the diary")
struct RoundTripCLITests {
    /// What a device keeps for itself and never exports: the history and its changesets, the
    /// numbers it shows, the search index, SQLite's and the migrations' bookkeeping.
    static let localTables: Set<String> = ["history", "historyChange", "filmNumber", "noteNumber", "grdb_migrations", "sqlite_sequence"]
    /// Columns a database gives, never a document (none since keys: every row's key survives).
    static let localColumns: Set<String> = []

    /// Each table's rows as text, sorted: every column but the local ones, a film named by its
    /// title and year and a collection by its slug instead of their numbers.
    static func content(_ path: String) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'filmSearch%'
                """).filter { !localTables.contains($0) }
            var content: [String: [String]] = [:]
            for table in tables {
                let references = Dictionary(try Row.fetchAll(db, sql: "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)", arguments: [table])
                    .map { (($0[0] as String), ($0[1] as String)) }, uniquingKeysWith: { a, _ in a })
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                    .filter { !localColumns.contains($0) }
                let expressions = columns.map { column -> String in
                    switch references[column] {
                    case "film": "(SELECT title || ' (' || ifnull(year, '') || ')' FROM film WHERE id = t.\(column))"
                    case "collection": "(SELECT slug FROM collection WHERE id = t.\(column))"
                    default: "quote(t.\(column))"
                    }
                }
                let rows = try String.fetchAll(db, sql: "SELECT " + expressions.joined(separator: " || '|' || ") + " FROM \(table) AS t")
                content[table] = rows.sorted().map { "\(columns.joined(separator: "|")): \($0)" }
            }
            return content
        }
    }

    @Test("a diary with every kind of row, exported and imported into a new database, has the same rows in every table")
    func everyColumnRoundTrips() throws {
        let sandbox = try Sandbox()
        let export = projectRoot + "/docs/examples/letterboxd-export"
        #expect(try sandbox.run("import", export, "--add-missing").status == 0)
        let reviews = try sandbox.write("lb/reviews.csv", "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n"
                                        + "2024-03-02,Stalker,1979,https://letterboxd.com/someone/film/stalker/,5,,\"The room.\",zone,2024-03-01\n")
        #expect(try sandbox.run("import", reviews, "--add-missing").status == 0)
        let noteId = try #require(try sandbox.query("SELECT number FROM noteNumber WHERE noteId = (SELECT id FROM note WHERE source IS NOT NULL)").first)
        #expect(try sandbox.run("note", "edit", noteId, "My own words on the Zone.").status == 0)
        let list = "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-03-01,Zones,,https://boxd.it/zz1,\"Places.\"\n\n"
            + "Position,Name,Year,URL,Description\n1,Stalker,1979,https://boxd.it/2aHi,\"The one.\"\n2,Solaris,1972,,\n"
        #expect(try sandbox.run("import", try sandbox.write("lb/lists/zones.csv", list), "--add-missing").status == 0)
        #expect(try sandbox.run("collection", "import", projectRoot + "/docs/examples/tarkovsky.txt").status == 0)
        #expect(try sandbox.run("watch", "ascent", "--on", "2024-01-02").status == 0)
        #expect(try sandbox.run("watch", "ascent", "--on", "unknown").status == 0)
        #expect(try sandbox.run("rate", "ascent", "3.5").status == 0)
        #expect(try sandbox.run("tag", "ascent", "winter", "partisans").status == 0)
        #expect(try sandbox.run("note", "ascent", "Shepitko's last finished film.").status == 0)
        #expect(try sandbox.run("film", "set", "ascent", "--director", "Larisa Shepitko", "--runtime", "111", "--genre", "War",
                                "--country", "USSR", "--language", "Russian", "--released", "1977-04-02").status == 0)
        #expect(try sandbox.run("import", projectRoot + "/docs/examples/trakt-backup", "--add-missing").status == 0)
        let document = sandbox.folder + "/everything.json"
        #expect(try sandbox.run("export", "-o", document).status == 0)

        let other = try Sandbox()
        // Another day: a value the document does not carry would take the time of the import.
        let run = try other.run(["import", document], with: ["WATCHLIST_NOW": "2026-11-30T08:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let before = try Self.content(sandbox.db), after = try Self.content(other.db)
        #expect(before.keys.sorted() == after.keys.sorted())
        for table in before.keys.sorted() {
            let lost = Set(before[table] ?? []).subtracting(after[table] ?? [])
            let added = Set(after[table] ?? []).subtracting(before[table] ?? [])
            #expect(lost.isEmpty && added.isEmpty, "\(table): lost \(lost.sorted()), added \(added.sorted())")
        }
    }
}
