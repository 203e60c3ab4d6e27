import Foundation
import GRDB
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// The session extension's changesets on the real schema: the groundwork of sync and of undo
/// by inverse changesets.
@Suite("changesets", .enabled(if: Changeset.isAvailable, "the system's SQLite has no session extension"))
struct ChangesetTests {
    /// A change made through SQL on the shared tables: a viewing, a rating and a note of film 1
    /// (film number 1; its key is its row's id).
    private static let change = """
        INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES ((SELECT filmId FROM filmNumber WHERE number = 1), '2024-01-01', 0, '2026-11-26T12:00:00Z');
        INSERT INTO rating (filmId, halfStars, ratedAt) VALUES ((SELECT filmId FROM filmNumber WHERE number = 1), 9, '2026-11-26T12:00:00Z');
        INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES ((SELECT filmId FROM filmNumber WHERE number = 1), 'Snow.', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00Z');
        UPDATE film SET description = description || ' (seen)' WHERE id = (SELECT filmId FROM filmNumber WHERE number = 2);
        """

    /// The change recorded in a transaction of its own: a recording cannot run inside
    /// `AppDatabase.change`, whose tracker holds the connection's preupdate hook.
    private func recorded(_ watchlist: Watchlist) throws -> Changeset {
        try watchlist.database.dbQueue.write { db in
            try Changeset.record(Store(db)) { try db.execute(sql: ChangesetTests.change) }.1
        }
    }

    /// Applies a changeset in a transaction of its own.
    private func apply(_ changeset: Changeset, to watchlist: Watchlist) throws {
        try watchlist.database.run { try watchlist.database.dbQueue.write { db in try changeset.apply(Store(db)) } }
    }

    @Test("a recording runs beside every change's own (sessions share the connection), and both see the change")
    func besideAChange() throws {
        let watchlist = try makeWatchlist()
        let inner = try watchlist.database.write { store in
            try Changeset.record(store) { _ = try store.insertNote(key: RowKey.random(), filmId: try store.film(number: 1)!.id, text: "Whispered radios.", createdAt: "2026-11-26T12:00:00Z", updatedAt: "2026-11-26T12:00:00Z") }.1
        }
        #expect(try inner.rows(of: "note", column: 0).count == 1)
        // The change's own recording fed the search index.
        #expect(try watchlist.search("radios", limit: nil).hits.count == 1)
    }

    @Test("a transaction's changes to the shared tables are recorded, and say which rows they touched")
    func records() throws {
        let watchlist = try makeWatchlist()
        let changeset = try recorded(watchlist)
        #expect(!changeset.isEmpty)
        #expect(try changeset.rows(of: "viewing", column: 0).count == 1)
        #expect(try changeset.rows(of: "rating", column: 0).map { String($0.key) } == [try watchlist.key(filmKey(1))])
        #expect(try changeset.rows(of: "film", column: 0).map { String($0.key) } == [try watchlist.key(filmKey(2))])
        #expect(try changeset.rows(of: "history", column: 0).isEmpty)
    }

    @Test("the inverse changeset puts the database back exactly")
    func inverts() throws {
        let watchlist = try makeWatchlist()
        let before = try visibleState(watchlist)
        let changeset = try recorded(watchlist)
        #expect(try visibleState(watchlist) != before)
        try apply(try changeset.inverted(), to: watchlist)
        #expect(try visibleState(watchlist) == before)
        try watchlist.check()
    }

    @Test("applied on another database in the state it was made from, it makes the same change")
    func appliesElsewhere() throws {
        let here = try makeWatchlist(), there = try makeWatchlist()
        let changeset = try recorded(here)
        try apply(changeset, to: there)
        #expect(try visibleState(there) == visibleState(here))
    }

    @Test("applied where its rows are not as it expects, it aborts and changes nothing")
    func conflictAborts() throws {
        let watchlist = try makeWatchlist()
        let changeset = try recorded(watchlist)
        let state = try visibleState(watchlist)
        #expect(throws: WatchlistError.nothingChanged("the changeset does not fit this database: the viewing row 1 is there already")) {
            try apply(changeset, to: watchlist)
        }
        #expect(try visibleState(watchlist) == state)
    }

    @Test("a changeset of another table, or damaged bytes, is refused before anything is applied")
    func foreignTables() throws {
        let watchlist = try makeWatchlist()
        let state = try visibleState(watchlist)
        // A changeset of a table called history, made on a scratch database.
        let scratch = try DatabaseQueue()
        let foreign = try scratch.write { db -> Changeset in
            try db.execute(sql: "CREATE TABLE history (id INTEGER PRIMARY KEY, command TEXT)")
            return try Changeset.record(Store(db), tables: ["history"]) {
                try db.execute(sql: "INSERT INTO history (id, command) VALUES (1, 'rm -rf')")
            }.1
        }
        #expect(!foreign.isEmpty)
        #expect(throws: WatchlistError.malformedFile(source: "the changeset", line: nil, problem: "it changes a table that is not one devices share")) {
            try apply(foreign, to: watchlist)
        }
        let valid = try recorded(try makeWatchlist())
        for damaged in [Changeset(bytes: Array(valid.bytes.prefix(valid.bytes.count / 2))), Changeset(bytes: [0x54, 0xFF, 0xFF])] {
            #expect {
                try apply(damaged, to: watchlist)
            } throws: { error in
                guard case WatchlistError.malformedFile(_, _, let problem) = error else { return false }
                return problem.contains("damaged")
            }
        }
        #expect(try visibleState(watchlist) == state)
    }
}

/// The search index follows every change from one place: the change's changeset says which
/// films it touched, whatever made it.
@Suite("the search index follows every change")
struct SearchFollowsTests {
    @Test("a change made by any statement on the shared tables reaches the index; so does its undo")
    func anyStatement() throws {
        let watchlist = try makeWatchlist()
        #expect(try watchlist.search("walrus", limit: nil).hits.isEmpty)
        try watchlist.database.write { store in
            try store.db.execute(sql: """
                INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES (\(filmKey(1)), 'A walrus on the ice.', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00Z');
                INSERT INTO filmTag (filmId, tag, addedAt) VALUES (\(filmKey(2)), 'icebreaker', '2026-11-26T12:00:00Z');
                UPDATE film SET description = 'Penguins.' WHERE id = \(filmKey(3));
                """)
        }
        #expect(try watchlist.search("walrus", limit: nil).hits.map(\.film.number) == [1])
        #expect(try watchlist.search("icebreaker", limit: nil).hits.map(\.film.number) == [2])
        #expect(try watchlist.search("penguins", limit: nil).hits.map(\.film.number) == [3])
        try watchlist.database.write { store in
            try store.db.execute(sql: "UPDATE note SET text = 'A seal.' WHERE filmId = \(filmKey(1)); DELETE FROM filmTag WHERE tag = 'icebreaker'")
        }
        #expect(try watchlist.search("walrus", limit: nil).hits.isEmpty)
        #expect(try watchlist.search("seal", limit: nil).hits.map(\.film.number) == [1])
        #expect(try watchlist.search("icebreaker", limit: nil).hits.isEmpty)
    }

    @Test("a note added, a film's facts set, and each undone: the index says what the films hold after each")
    func undo() throws {
        let watchlist = try makeWatchlist()
        _ = try watchlist.addNote("ascent", text: "Whispered radios.")
        _ = try watchlist.setFacts("red tent", FilmMetadata(directors: ["Mikhail Kalatozov"]))
        #expect(try watchlist.search("radios", limit: nil).hits.count == 1)
        #expect(try watchlist.search("kalatozov", limit: nil).hits.count == 1)
        _ = try watchlist.undo()
        #expect(try watchlist.search("kalatozov", limit: nil).hits.isEmpty)
        _ = try watchlist.undo()
        #expect(try watchlist.search("radios", limit: nil).hits.isEmpty)
    }

    @Test("many films at once (an import's) are indexed in one pass, and leave with their collection")
    func many() throws {
        let watchlist = try makeWatchlist()
        let films = (1...200).map { "Iceberg Film \($0) (1970)\nDescription: A film about a floe.\n" }.joined(separator: "\n")
        let text = "Many icebergs.\n\n" + films
        _ = try watchlist.importCollection(text: Array(text.utf8), source: "icebergs.txt", slug: "icebergs", title: nil)
        #expect(try watchlist.search("iceberg", limit: nil).total == 200)
        _ = try watchlist.removeCollection("icebergs", force: true)
        #expect(try watchlist.search("iceberg", limit: nil).total == 0)
    }
}
