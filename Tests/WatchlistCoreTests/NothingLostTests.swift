import Foundation
import GRDB
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// The core side of the issue "nothing a person wrote is ever lost": the one definition of
/// length against the live schema, shown facts at any number of them, and what schema v8 does
/// to a database an older version left.
@Suite("nothing lost: limits, facts and the v8 migration")
struct NothingLostTests {
    /// Writes `value` into `column` of a row of `table` the way the store would, on a migrated
    /// in-memory database: the schema's CHECK decides.
    func schemaAccepts(_ table: String, _ value: String) throws -> Bool {
        let watchlist = try makeWatchlist()
        let sql: String
        switch table {
        case "filmTag": sql = "INSERT INTO filmTag (filmId, tag, addedAt) VALUES (\(filmKey(1)), ?, '2026-01-01T00:00:00Z')"
        case "filmFact": sql = "INSERT INTO filmFact (filmId, source, field, position, value, valueKey) VALUES (\(filmKey(1)), 'user', 'director', 0, ?, 'x')"
        case "note.source": sql = "INSERT INTO note (filmId, text, createdAt, updatedAt, source) VALUES (\(filmKey(1)), 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?)"
        case "collection.origin": sql = "INSERT INTO collection (slug, title, createdAt, origin) VALUES ('x', 'x', '2026-01-01T00:00:00Z', ?)"
        case "filmIdentifier": sql = "INSERT INTO filmIdentifier (kind, value, filmId) VALUES ('letterboxd', 'https://' || ?, \(filmKey(1)))"
        default: Issue.record("no table \(table)"); return false
        }
        do {
            try watchlist.database.dbQueue.write { db in try db.execute(sql: sql, arguments: [value]) }
            return true
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return false
        }
    }

    @Test("every limit the schema checks holds a value at the tool's limit, counted in code points (é twice: 2 bytes each)",
          arguments: [(TextLimit.tag, "filmTag"), (.factValue, "filmFact"), (.noteSource, "note.source"), (.origin, "collection.origin")])
    func limitsFitTheSchema(limit: TextLimit, table: String) throws {
        let atLimit = String(repeating: "\u{E9}", count: limit.maximum)
        #expect(limit.allows(atLimit))
        #expect(!limit.allows(atLimit + "e"))
        #expect(try schemaAccepts(table, atLimit), "\(limit) at \(limit.maximum) code points")
    }

    @Test("a Letterboxd link at the id limit fits the schema's CHECK; one that would not is no link")
    func identifierLimit() throws {
        let slug = String(repeating: "x", count: 200 - "https://letterboxd.com/film//".count)
        #expect(FilmIdentifiers.letterboxd(parsing: "letterboxd.com/film/\(slug)/") == "https://letterboxd.com/film/\(slug)/")
        #expect(FilmIdentifiers.letterboxd(parsing: "letterboxd.com/film/\(slug)x/") == nil)
        #expect(try schemaAccepts("filmIdentifier", "letterboxd.com/film/\(slug)/"))
    }

    @Test("2,000 films of 200 facts each: the facts every film shows come from one pass, in seconds, whatever their number")
    func manyFacts() throws {
        let watchlist = try makeWatchlist()
        try watchlist.database.dbQueue.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 11 UNION ALL SELECT i + 1 FROM n WHERE i < 2010)
                INSERT INTO film (id, title, year, titleKey) SELECT i, 'Film ' || i, 2000, 'film ' || i FROM n
                """)
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99)
                INSERT INTO filmFact (filmId, source, field, position, value, valueKey)
                SELECT f.id, 'imdb', field, n.i, field || ' ' || f.id || '-' || n.i, field || ' ' || f.id || ' ' || n.i
                FROM film f, n, (SELECT 'director' AS field UNION ALL SELECT 'genre')
                """)
            try db.execute(sql: "INSERT INTO filmFact (filmId, source, field, position, value, valueKey) VALUES (11, 'user', 'director', 0, 'Mine', 'mine')")
        }
        let started = Date()
        let count = try watchlist.database.textRows("SELECT count(*) FROM (\(Store.shownFacts))")
        #expect(Date().timeIntervalSince(started) < 5, "one pass over 400,000 facts")
        #expect(count == ["2010"])
        let film = try watchlist.show("film 11")
        #expect(film.metadata.directors == ["Mine"], "the person's directors show, the file's stay behind")
        #expect(film.metadata.genres.count == 100)
        #expect(try watchlist.list(FilmListQuery(director: "director 12-5")).map(\.film.title) == ["Film 12"])
        #expect(try watchlist.list(FilmListQuery(director: "director 11-5")).isEmpty, "a hidden source's value is not shown")
    }

    @Test("v8: a film's tags that were one tag in NFC and NFD become one; a note id of 2^63 - 1 is renumbered and the next note is added")
    func migration() throws {
        let path = try temporaryFolder() + "/w.sqlite"
        try makeOlderDatabase(path, version: 7, then: [
            "INSERT INTO filmTag (filmId, tag, addedAt) VALUES (1, 'caf\u{E9}', '2026-01-02T00:00:00Z')",
            "INSERT INTO filmTag (filmId, tag, addedAt) VALUES (1, 'cafe\u{301}', '2026-01-01T00:00:00Z')",
            "INSERT INTO filmTag (filmId, tag, addedAt) VALUES (2, 'cafe\u{301}', '2026-01-03T00:00:00Z')",
            "INSERT INTO note (id, filmId, text, createdAt, updatedAt) VALUES (5, 1, 'Five.', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            "INSERT INTO note (id, filmId, text, createdAt, updatedAt) VALUES (9223372036854775807, 1, 'Far.', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        ])
        let watchlist = try Watchlist.open(path: path, clock: .fixed(testNow))
        #expect(try watchlist.database.textRows("SELECT hex(tag) || ' ' || addedAt FROM filmTag ORDER BY (SELECT number FROM filmNumber WHERE filmId = filmTag.filmId)")
                == ["636166C3A9 2026-01-01T00:00:00Z", "636166C3A9 2026-01-03T00:00:00Z"])
        #expect(try watchlist.notes(of: "ascent").map(\.note.number) == [5, 6])
        #expect(try watchlist.addNote("ascent", text: "Next.").note.number == 7)
        try watchlist.check()
    }

    @Test("v8: a restore recorded with a path by an earlier version stays in the history and cannot be undone")
    func olderRestore() throws {
        let path = try temporaryFolder() + "/w.sqlite"
        try makeOlderDatabase(path, version: 7, then: [
            "INSERT INTO history (at, command, summary, safetyCopy) VALUES ('2026-01-01T10:00:00Z', 'db restore b.sqlite', 'Restored', '/etc/passwd')",
        ])
        let watchlist = try Watchlist.open(path: path, clock: .fixed(testNow))
        #expect(try watchlist.history().map(\.undoable) == [false])
        #expect {
            _ = try watchlist.undo()
        } throws: { error in
            guard case WatchlistError.nothingChanged = error else { return false }
            return true
        }
    }
}
