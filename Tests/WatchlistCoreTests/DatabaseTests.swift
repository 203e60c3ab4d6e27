import Foundation
import GRDB
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("the database on disk")
struct DatabaseTests {
    let folder: String
    init() throws { folder = try temporaryFolder() }

    func open(_ path: String, migrations: [SchemaMigrations.Migration] = SchemaMigrations.all,
              busyTimeout: TimeInterval = AppDatabase.defaultBusyTimeout) throws -> AppDatabase {
        try AppDatabase.open(path: path, seed: BuiltInCollection.seed, now: Timestamp.iso(testNow), busyTimeout: busyTimeout,
                             migrations: migrations)
    }

    @Test("the first change creates the file (0600) and its folders (0700), holding films 1–10 of soviet-survival")
    func creation() throws {
        let path = folder + "/a/b/watchlist.sqlite"
        let watchlist = Watchlist(database: try open(path), clock: .fixed(testNow))
        #expect(try watchlist.list().count == 10)
        #expect(!FileManager.default.fileExists(atPath: folder + "/a"), "reading creates nothing")
        _ = try watchlist.watch("ascent")
        #expect(try filePermissions(path) == 0o600)
        #expect(try filePermissions(folder + "/a") == 0o700)
        #expect(try filePermissions(folder + "/a/b") == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b") == ["watchlist.sqlite"])
        let reopened = Watchlist(database: try open(path), clock: .fixed(testNow))
        let films = try reopened.list()
        #expect(films.map { $0.film.number } == Array(1...10))
        #expect(films.map(\.film.title).first == "The Ascent")
        #expect(films[0].viewingCount == 1)
        #expect(try reopened.summary().collections.map(\.collection.slug) == ["soviet-survival"])
    }

    @Test("a failed first change leaves no file and no folder behind")
    func failedCreation() throws {
        let path = folder + "/new/watchlist.sqlite"
        let watchlist = Watchlist(database: try open(path), clock: .fixed(testNow))
        #expect(throws: WatchlistError.self) { try watchlist.watch("no such film") }
        #expect(throws: WatchlistError.self) { try watchlist.rate("no such film", "4") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("pragmas: busy timeout, rollback journal, synchronous FULL, foreign keys")
    func pragmas() throws {
        let path = folder + "/w.sqlite"
        let database = try open(path)
        _ = try Watchlist(database: database, clock: .fixed(testNow)).watch("1")
        #expect(try database.textRows("PRAGMA journal_mode") == ["delete"])
        #expect(try database.textRows("PRAGMA synchronous") == ["2"])
        #expect(try database.textRows("PRAGMA foreign_keys") == ["1"])
        #expect(try Int(database.textRows("PRAGMA busy_timeout").first ?? "0")! >= 5000)
        #expect(try database.textRows("PRAGMA integrity_check") == ["ok"])
        #expect(try database.textRows("PRAGMA foreign_key_check").isEmpty)
    }

    @Test("the tables are STRICT and their CHECKs hold the invariants")
    func constraints() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            for migration in SchemaMigrations.all { try db.execute(sql: migration.sql) }
        }
        let strict = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main' ORDER BY name")
        }
        #expect(Set(strict).isSuperset(of: ["collection", "collectionFilm", "film", "note", "rating", "viewing", "filmTag"]))
        try queue.write { db in
            try db.execute(sql: "INSERT INTO film (id, title, year, titleKey) VALUES (1, 'X', 2000, 'x')")
        }
        let refused = [
            "INSERT INTO rating VALUES (1, 0, '2026-01-01T00:00:00Z')",
            "INSERT INTO rating VALUES (1, 11, '2026-01-01T00:00:00Z')",
            "INSERT INTO rating VALUES (1, '4.5', '2026-01-01T00:00:00Z')",
            "INSERT INTO viewing (filmId, watchedOn, loggedAt) VALUES (1, '2026-02-30', '2026-01-01T00:00:00Z')",
            "INSERT INTO viewing (filmId, watchedOn, loggedAt) VALUES (1, '26-1-1', '2026-01-01T00:00:00Z')",
            "INSERT INTO viewing (filmId, watchedOn, loggedAt) VALUES (1, '2026-01-01', 'yesterday')",
            "INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES (1, '  ', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            "INSERT INTO film (title, year, titleKey) VALUES ('', 2000, '')",
            "INSERT INTO collection (slug, title, createdAt) VALUES ('Bad Slug', 'x', '2026-01-01T00:00:00Z')",
            "INSERT INTO filmTag VALUES (1, 'Upper', '2026-01-01T00:00:00Z')",
            "INSERT INTO filmTag VALUES (1, 'a,b', '2026-01-01T00:00:00Z')",
            "INSERT INTO filmTag VALUES (1, '', '2026-01-01T00:00:00Z')",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
        }
    }

    /// Records the same things in a database of any schema version: what the migration test
    /// carries across. In SQL that v1 takes, as an older version of the tool wrote them (the
    /// service writes the current schema only). Films by title: their ids are keys from v10.
    static let recorded = [
        "INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES ((SELECT id FROM film WHERE title = 'The Ascent'), '2020-01-01', 0, '2026-11-26T12:00:00Z')",
        "INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt) VALUES ((SELECT id FROM film WHERE title = 'The Ascent'), NULL, 1, '2026-11-26T12:00:00Z')",
        "INSERT INTO rating (filmId, halfStars, ratedAt) VALUES ((SELECT id FROM film WHERE title = 'The Red Tent'), 8, '2026-11-26T12:00:00Z')",
        "INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES ((SELECT id FROM film WHERE title = 'The Star'), 'kept across versions', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00Z')",
    ]

    func record(_ watchlist: Watchlist) throws {
        try watchlist.database.write { store in
            for statement in DatabaseTests.recorded { try store.execute(statement) }
            // The numbers of the notes written in SQL, which a database before v10 did not keep.
            try store.execute("INSERT INTO noteNumber (noteId) SELECT id FROM note WHERE id NOT IN (SELECT noteId FROM noteNumber)")
        }
    }

    @Test("each shipped schema version migrates to the next, and on to the current one, with nothing lost")
    func migrationOfEachVersion() throws {
        let reference = Watchlist(database: try open(folder + "/reference.sqlite"), clock: .fixed(testNow))
        try record(reference)
        let expected = try visibleState(reference)
        for version in 1..<SchemaMigrations.all.count {
            let path = folder + "/v\(version).sqlite"
            try makeOlderDatabase(path, version: version, then: DatabaseTests.recorded)
            let upgraded = try open(path)
            #expect(try upgraded.textRows("SELECT identifier FROM grdb_migrations ORDER BY rowid") == SchemaMigrations.all.map(\.identifier))
            // The rows recorded here in SQL have keys of SQLite's choosing in the reference, and
            // derived ones in the migrated file (SchemaFixtureTests checks those): the rest is the same.
            #expect(try withoutRowKeys(visibleState(Watchlist(database: upgraded, clock: .fixed(testNow)))) == withoutRowKeys(expected), "from v\(version)")
            #expect(try upgraded.textRows("PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test("the migration machinery carries the data to a next version")
    func migrationToNext() throws {
        let path = folder + "/w.sqlite"
        let current = Watchlist(database: try open(path), clock: .fixed(testNow))
        try record(current)
        _ = try current.tag("ascent", ["winter"])
        let before = try visibleState(current)
        let next = SchemaMigrations.all + [(
            "v99_test",
            "ALTER TABLE viewing ADD COLUMN place TEXT; CREATE TABLE extra (filmId INTEGER NOT NULL REFERENCES film(id)) STRICT;"
        )]
        let upgraded = try open(path, migrations: next)
        #expect(try upgraded.textRows("SELECT identifier FROM grdb_migrations ORDER BY rowid") == next.map(\.identifier))
        #expect(try upgraded.textRows("SELECT name FROM pragma_table_info('viewing') WHERE name = 'place'") == ["place"])
        #expect(try visibleState(Watchlist(database: upgraded, clock: .fixed(testNow))) == before)
    }

    @Test("a database from a newer version is refused and left byte for byte unchanged")
    func newer() throws {
        let path = folder + "/w.sqlite"
        let future = SchemaMigrations.all + [("v9_future", "CREATE TABLE future (x INTEGER) STRICT;")]
        _ = try Watchlist(database: try open(path, migrations: future), clock: .fixed(testNow)).watch("1")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: WatchlistError.newerDatabase(path: path)) { try open(path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a file that is not a SQLite database, an empty file, and another program's database are refused and unchanged",
          arguments: ["garbage", "empty", "foreign"])
    func notOurs(kind: String) throws {
        let path = folder + "/w.sqlite"
        switch kind {
        case "garbage": try Data("this is not a database, just text\n".utf8).write(to: URL(fileURLWithPath: path))
        case "empty": try Data().write(to: URL(fileURLWithPath: path))
        default:
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE other (x); INSERT INTO other VALUES (1)") }
            try queue.close()
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            try open(path)
        } throws: { error in
            guard case WatchlistError.notADatabase(let errorPath, _) = error else { return false }
            return errorPath == path
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a database locked by another connection past the timeout gives databaseLocked, and the write is not made")
    func locked() throws {
        let path = folder + "/w.sqlite"
        let timeout: TimeInterval = 0.5
        let watchlist = Watchlist(database: try open(path, busyTimeout: timeout), clock: .fixed(testNow))
        _ = try watchlist.watch("1")
        // Another connection holds an exclusive lock on its own thread until told to let go.
        let holder = LockHolder(path)
        let started = Date()
        #expect(throws: WatchlistError.databaseLocked(path: path)) { try watchlist.watch("2") }
        #expect(Date().timeIntervalSince(started) >= timeout - 0.05, "it waited for the other transaction")
        holder.release()
        #expect(try watchlist.list(FilmListQuery(watched: true)).map(\.film.number) == [1])
    }
}

@Suite("column order")
struct ColumnOrderTests {
    /// Records are decoded by column position (RecordDecoding.swift): each table's columns
    /// must stay in this order, whatever migrations add after them.
    @Test("each table starts with the columns its record reads, in order")
    func order() throws {
        let database = try AppDatabase.inMemory(seed: nil, now: Timestamp.iso(testNow))
        let expected = [
            "film": ["id", "title", "year", "description", "fact", "titleKey"],
            "collection": ["id", "slug", "title", "description", "builtIn", "createdAt"],
            "viewing": ["id", "filmId", "watchedOn", "rewatch", "loggedAt"],
            "rating": ["filmId", "halfStars", "ratedAt"],
            "note": ["id", "filmId", "text", "createdAt", "updatedAt"],
            "filmTag": ["filmId", "tag"],
        ]
        for (table, columns) in expected {
            let actual = try database.textRows("SELECT name FROM pragma_table_info('\(table)') ORDER BY cid")
            #expect(Array(actual.prefix(columns.count)) == columns, "\(table)")
        }
    }
}

/// An export without the keys of viewings and notes.
private func withoutRowKeys(_ text: String) -> String {
    text.replacingOccurrences(of: #","key":"\d+","source""#, with: #","source""#, options: .regularExpression)
        .replacingOccurrences(of: #""key":"\d+","loggedAt""#, with: #""loggedAt""#, options: .regularExpression)
}
