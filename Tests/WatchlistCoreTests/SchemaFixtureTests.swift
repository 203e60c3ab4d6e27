import Foundation
import GRDB
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// Tests/Fixtures/schema-vN.sqlite: a database as each shipped schema version left it, made by
/// scripts/make-schema-fixtures.py from Schema/.
@Suite("schema fixtures")
struct SchemaFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures").standardized.path

    @Test("the schema snapshot compiled into the binary is exactly what each version's migrations make in this SQLite")
    func snapshot() throws {
        for count in 1...SchemaMigrations.all.count {
            let migrations = Array(SchemaMigrations.all.prefix(count))
            let snapshot = try SchemaCheck.expected(migrations: migrations)
            #expect(snapshot.count > 5)
            #expect(snapshot == (try SchemaCheck.built(migrations: migrations)), "v\(count)")
            // The text a database is asked first is the snapshot's: an up-to-date database is
            // checked by one comparison.
            let queue = try DatabaseQueue()
            try SchemaMigrations.migrator(migrations).migrate(queue)
            let asked = try queue.read { db in try SchemaCheck.text(db) }
            #expect(asked.hasMigrations)
            #expect(asked.text == (try SchemaCheck.expectedText(migrations: migrations)), "v\(count)")
        }
    }

    @Test("there is a fixture for every shipped schema version")
    func everyVersion() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: SchemaFixtureTests.fixtures).filter { $0.hasPrefix("schema-v") && $0.hasSuffix(".sqlite") }
        #expect(Set(names) == Set((1...SchemaMigrations.all.count).map { "schema-v\($0).sqlite" }))
    }

    @Test("each version's database opens, migrates to the current schema, and keeps everything", arguments: 1...SchemaMigrations.all.count)
    func migrates(version: Int) throws {
        let folder = try temporaryFolder()
        let path = folder + "/w.sqlite"
        try FileManager.default.copyItem(atPath: SchemaFixtureTests.fixtures + "/schema-v\(version).sqlite", toPath: path)
        let watchlist = try Watchlist.open(path: path, clock: .fixed(testNow))
        #expect(try watchlist.database.textRows("SELECT identifier FROM grdb_migrations ORDER BY rowid") == SchemaMigrations.all.map(\.identifier))
        try watchlist.check()
        let ascent = try watchlist.show("ascent")
        #expect(ascent.viewings.map(\.watchedOn) == ["2020-01-01", "2021-02-02"])
        #expect(ascent.viewings.map(\.rewatch) == [false, true])
        #expect(ascent.rating?.value.halfStars == (version >= 6 ? 10 : 9))
        #expect(ascent.notes.map(\.text) == ["Written by schema version \(version)."])
        #expect(ascent.tags == (version >= 2 ? ["winter"] : []))
        #expect(try watchlist.show("red tent").viewings.map(\.watchedOn) == [nil])
        if version >= 5 {
            #expect(ascent.ids == FilmIdentifiers(imdb: "tt0075404"))
            #expect(try watchlist.resolve("voskhozhdenie").number == 1, "found by its other title")
            #expect(try watchlist.show("star").viewings.map(\.placeholder) == [true])
        }
        #expect(try watchlist.list().count == (version >= 6 ? 11 : 10))
        if version >= 7 {
            #expect(ascent.metadata.runtime == 111)
            #expect(try watchlist.show("stalker").metadata == FilmMetadata(directors: ["Andrei Tarkovsky"], runtime: 162))
            #expect(try watchlist.search("tarkovsky").map(\.film.title) == ["Stalker"])
        }
        // The search index holds what was there before it existed.
        #expect(try watchlist.search("written schema").map(\.film.title) == ["The Ascent"])
        #expect(try watchlist.search("winter").map(\.film.title).contains("The Ascent"))
        // The migrated database takes every kind of change.
        _ = try watchlist.tag("red tent", ["arctic"])
        _ = try watchlist.watch("alive", on: .day(Day(iso: "2024-01-01")!))
        try watchlist.check()
        // The two changes just made undo, by their changesets.
        for _ in 0..<2 { _ = try watchlist.undo() }
        #expect(try watchlist.show("red tent").tags == [])
        if (6...9).contains(version) {
            // An undo log from before v9 is gone with its triggers, and v9's changesets named
            // rows by the numbers they had before v10's keys: those entries stay in the history
            // and cannot be undone, and undo says so and changes nothing.
            #expect(try watchlist.history().allSatisfy { !$0.undoable })
            let before = try visibleState(watchlist)
            #expect {
                _ = try watchlist.undo()
            } throws: { error in
                guard case WatchlistError.nothingChanged(let message) = error else { return false }
                return message.contains("earlier version")
            }
            #expect(try visibleState(watchlist) == before)
        }
        if version >= 10 {
            // A v10 history holds changesets that name rows by their keys: they undo.
            if version >= 8 {
                #expect(try watchlist.notes(of: "stalker").map(\.note.importedText) == ["The review as imported."])
                #expect(try watchlist.undo().command == "note edit 40 'My own words.'")
                let note = try watchlist.notes(of: "stalker").first?.note
                #expect(note?.text == "The review as imported." && note?.importedText == nil)
            }
            if version >= 7 {
                #expect(try watchlist.undo().command == "film set ascent --runtime 111")
                #expect(try watchlist.show("ascent").metadata.runtime == nil)
            }
            #expect(try watchlist.undo().command == "rate ascent 5")
            #expect(try watchlist.show("ascent").rating?.value.halfStars == 9)
            // The import was recorded before v9's changesets (its fixture says so): it stays.
            #expect(throws: WatchlistError.self) { try watchlist.undo() }
            #expect(try watchlist.list().count == 11)
            try watchlist.check()
        }
    }

    @Test("each version's database migrated to v10 holds the keys the v10 fixture holds (derived apart, by the script), and shows the numbers it showed", arguments: 1...9)
    func sameKeys(version: Int) throws {
        let folder = try temporaryFolder()
        let path = folder + "/w.sqlite"
        try FileManager.default.copyItem(atPath: SchemaFixtureTests.fixtures + "/schema-v\(version).sqlite", toPath: path)
        let before = try DatabaseQueue(path: SchemaFixtureTests.fixtures + "/schema-v\(version).sqlite")
        let oldIds = try before.read { db in try Row.fetchAll(db, sql: "SELECT id, title FROM film ORDER BY id").map { "\($0[1] as String) \($0[0] as Int64)" } }
        let migrated = try Watchlist.open(path: path, clock: .fixed(testNow)).database
        let keyed = try DatabaseQueue(path: SchemaFixtureTests.fixtures + "/schema-v10.sqlite")
        let films = "SELECT f.title || ' ' || n.number || ' ' || f.id FROM film f JOIN filmNumber n ON n.filmId = f.id ORDER BY n.number"
        let newFilms = try migrated.textRows(films)
        // The numbers are the ids the films had.
        #expect(newFilms.map { $0.split(separator: " ").dropLast().joined(separator: " ") } == oldIds)
        let expected = try keyed.read { db in try String.fetchAll(db, sql: films) }
        #expect(Set(newFilms).isSubset(of: Set(expected)), "v\(version): \(Set(newFilms).subtracting(expected))")
        for table in ["viewing", "filmFact", "collection"] {
            let sql = "SELECT CAST(id AS TEXT) FROM \(table)"
            let mine = Set(try migrated.textRows(sql))
            let theirs = Set(try keyed.read { db in try String.fetchAll(db, sql: sql) })
            #expect(!mine.isEmpty || table == "filmFact")
            #expect(mine.isSubset(of: theirs), "v\(version) \(table)")
        }
        // Notes of the same film and text, or the same review, have the same key.
        let notes = "SELECT CAST(id AS TEXT) FROM note WHERE text NOT LIKE 'Written by schema version%'"
        let migratedNotes = try migrated.textRows(notes)
        #expect(migratedNotes.count == (version >= 8 ? 2 : version >= 3 ? 1 : 0))
        #expect(Set(migratedNotes).isSubset(of: Set(try keyed.read { db in try String.fetchAll(db, sql: notes) })))
    }

    @Test("a change recorded before v6 stays in the history, and undo says it cannot revert it and changes nothing")
    func olderHistory() throws {
        let path = try temporaryFolder() + "/w.sqlite"
        try makeOlderDatabase(path, version: 5, then: [
            "INSERT INTO history (at, command, summary) VALUES ('2026-01-01T10:00:00Z', 'watch ascent', 'Watched The Ascent (1977)')",
            "INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES (1, '2025-01-01', 0, '2026-01-01T10:00:00Z')",
            "INSERT INTO undoLog (historyId, statement) VALUES (1, 'DELETE FROM viewing WHERE id = 1')",
        ])
        let watchlist = try Watchlist.open(path: path, clock: .fixed(testNow))
        #expect(try watchlist.history().map(\.undoable) == [false])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            _ = try watchlist.undo()
        } throws: { error in
            guard case WatchlistError.nothingChanged(let message) = error else { return false }
            return message.contains("earlier version") && message.contains("watch ascent")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try watchlist.show("ascent").viewings.count == 1)
        // A new change is recorded and undone as usual.
        _ = try watchlist.rate("ascent", "4")
        #expect(try watchlist.undo().command != "watch ascent")
        #expect(try watchlist.show("ascent").rating == nil)
    }
}
