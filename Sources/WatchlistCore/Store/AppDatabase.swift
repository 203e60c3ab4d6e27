import Foundation
internal import GRDB
internal import WatchlistSQLiteShim

/// The one owner of the SQLite connection: its configuration, the migrator, and every
/// transaction. Each `write` is one IMMEDIATE transaction that keeps every invariant.
///
/// A database file is created by the first change, never by a read: until then reads see an
/// in-memory copy of the new database (DatabaseCreation.swift), so that a command that fails,
/// or only reads, leaves no file behind.
public final class AppDatabase {
    var dbQueue: DatabaseQueue
    /// Set while the file does not exist yet: what the first write needs to create it.
    var unborn: (seed: CollectionSeed, now: String)?
    let migrations: [SchemaMigrations.Migration]
    let busyTimeout: TimeInterval
    /// Where the database lives, for messages; ":memory:" for a test database.
    public let path: String
    /// How the database's schema differs from watchlist's, when it was opened to be checked
    /// (`SchemaCheckMode.report`); empty otherwise.
    var schemaProblems: [String] = []

    init(_ dbQueue: DatabaseQueue, path: String, migrations: [SchemaMigrations.Migration], busyTimeout: TimeInterval,
         unborn: (seed: CollectionSeed, now: String)? = nil) {
        (self.dbQueue, self.path, self.migrations, self.busyTimeout, self.unborn) = (dbQueue, path, migrations, busyTimeout, unborn)
    }

    /// True once the database exists on disk (always true in memory).
    public var exists: Bool { unborn == nil }
    /// What a read of a database that does not exist yet sees.
    var missing: MissingDatabase = .builtIn

    // MARK: Configuration

    /// How long a command waits for another process's transaction by default, in seconds.
    public static let defaultBusyTimeout: TimeInterval = 5

    /// Shared by the on-disk and the in-memory database. GRDB sets the busy timeout first,
    /// before any pragma, then turns foreign keys on. The rollback journal (SQLite's default)
    /// is kept on purpose: SQLite before 3.51.3 can corrupt a WAL database under concurrent
    /// writers. Nothing a database file holds is trusted: `trusted_schema = OFF` keeps its
    /// triggers and views from calling functions that have effects, and the defensive flag
    /// keeps any SQL from writing its schema or shadow tables.
    static func configuration(busyTimeout: TimeInterval, readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.journalMode = .default
        config.readonly = readonly
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            guard let connection = db.sqliteConnection, watchlist_sqlite_set_defensive(connection) == SQLITE_OK else {
                throw WatchlistError.internalError("SQLite's defensive flag could not be set")
            }
            watchlist_sqlite_stop_on_interruption(connection)
        }
        return config
    }

    // MARK: Opening

    /// A path as SQLite must be given it to open that file and no other: SQLite reads a name
    /// that starts with `file:` as a URI (`file:/x.sqlite?mode=memory`) and `:memory:` as a
    /// database in memory, so a relative path is given with `./` before it. A `--db` value is
    /// a path, opened as a path, always.
    static func literalPath(_ path: String) -> String {
        path.hasPrefix("/") ? path : "./" + path
    }

    /// A new in-memory database, migrated and holding `seed`: for tests.
    public static func inMemory(seed: CollectionSeed?, now: String) throws -> AppDatabase {
        try AppDatabase(makeInMemory(seed: seed, now: now, migrations: SchemaMigrations.all), path: ":memory:",
                        migrations: SchemaMigrations.all, busyTimeout: defaultBusyTimeout)
    }

    static func makeInMemory(seed: CollectionSeed?, now: String, migrations: [SchemaMigrations.Migration]) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(configuration: configuration(busyTimeout: defaultBusyTimeout))
            try populate(queue, seed: seed, now: now, migrations: migrations)
            return queue
        } catch {
            throw DatabaseErrors.map(error, path: ":memory:")
        }
    }

    static func populate(_ queue: DatabaseQueue, seed: CollectionSeed?, now: String, migrations: [SchemaMigrations.Migration]) throws {
        try SchemaMigrations.migrator(migrations).migrate(queue)
        if let seed {
            try queue.write { db in try AppDatabase.change(db) { try $0.insertCollection(seed, now: now) } }
        }
    }

    /// Opens the database at `path`. When the file does not exist, the database holds what
    /// `seed` gives (asked for only then) and is created, with its missing folders (mode 0700)
    /// and mode 0600, by the first write. A write waits up to `busyTimeout` seconds for
    /// another process's transaction.
    public static func open(path: String, seed: () throws -> CollectionSeed, now: String,
                            busyTimeout: TimeInterval = defaultBusyTimeout, schemaCheck: SchemaCheckMode = .enforce) throws -> AppDatabase {
        try open(path: path, seed: seed, now: now, busyTimeout: busyTimeout, migrations: SchemaMigrations.all, schemaCheck: schemaCheck)
    }

    /// `open`, with the list of migrations this build knows: tests pass a longer one to
    /// play a later version of the tool.
    static func open(path: String, seed: () throws -> CollectionSeed, now: String, busyTimeout: TimeInterval,
                     migrations: [SchemaMigrations.Migration], schemaCheck: SchemaCheckMode = .enforce) throws -> AppDatabase {
        guard POSIX.linkStatus(path) != nil else {
            guard errno == ENOENT else { throw WatchlistError.databaseUnavailable(path: path, reason: POSIX.lastError) }
            let seed = try seed()
            return AppDatabase(try makeInMemory(seed: seed, now: now, migrations: migrations), path: path,
                               migrations: migrations, busyTimeout: busyTimeout, unborn: (seed, now))
        }
        let (queue, problems) = try openExisting(path: path, migrations: migrations, busyTimeout: busyTimeout, schemaCheck: schemaCheck)
        let database = AppDatabase(queue, path: path, migrations: migrations, busyTimeout: busyTimeout)
        database.schemaProblems = problems
        return database
    }

    static func openExisting(path: String, migrations: [SchemaMigrations.Migration], busyTimeout: TimeInterval,
                             schemaCheck: SchemaCheckMode = .enforce) throws -> (DatabaseQueue, [String]) {
        guard let info = POSIX.status(path) else { throw WatchlistError.databaseUnavailable(path: path, reason: POSIX.lastError) }
        guard POSIX.isRegularFile(info) else { throw WatchlistError.notADatabase(path: path, reason: "it is not a regular file") }
        // SQLite would treat an empty file as a new database and write into it.
        guard info.st_size > 0 else { throw WatchlistError.notADatabase(path: path, reason: "the file is empty") }
        do {
            var queue = try DatabaseQueue(path: literalPath(path), configuration: configuration(busyTimeout: busyTimeout))
            var statistics = false
            let problems = try prepareSchema(queue, path: path, migrations: migrations, mode: schemaCheck, statistics: &statistics)
            if isWriteAheadLog(path) { try useRollbackJournal(queue) }
            if statistics {
                // The connection keeps the statistics it loaded before they were dropped: a new
                // one reads the file without them.
                try queue.close()
                queue = try DatabaseQueue(path: literalPath(path), configuration: configuration(busyTimeout: busyTimeout))
            }
            // Only a file this process cannot write can still hold statistics (they are dropped
            // when it is opened): the one extra query is asked of such a file alone.
            let folder = (path as NSString).deletingLastPathComponent
            if problems.isEmpty, access(path, W_OK) != 0 || access(folder.isEmpty ? "." : folder, W_OK) != 0,
               try queue.read({ try SchemaCheck.text($0).hasStatistics }) {
                // Statistics a file that cannot be written keeps (they could not be dropped):
                // the file is read from a copy in memory without them, which refuses every write
                // as the file would.
                queue = try withoutStatistics(queue)
            }
            return (queue, problems)
        } catch {
            throw DatabaseErrors.map(error, path: path)
        }
    }

    /// Refuses files that are not ours, are from a newer version, or whose schema is not
    /// exactly the one their recorded migrations make (`SchemaCheck`), and then brings an
    /// older schema up to date. Reads first, so that an up-to-date database is never written
    /// to (a read-only database still serves the read commands). With `.report`, a schema that
    /// differs is returned, not refused, and nothing is migrated: for `db check`. Without
    /// `migrate`, an older schema is checked and left as it is.
    static func prepareSchema(_ queue: DatabaseQueue, path: String, migrations: [SchemaMigrations.Migration],
                              mode: SchemaCheckMode = .enforce, migrate: Bool = true) throws -> [String] {
        var statistics = false
        return try prepareSchema(queue, path: path, migrations: migrations, mode: mode, migrate: migrate, statistics: &statistics)
    }

    /// The same; `statistics` is set when the file held planner statistics.
    static func prepareSchema(_ queue: DatabaseQueue, path: String, migrations: [SchemaMigrations.Migration],
                              mode: SchemaCheckMode = .enforce, migrate: Bool = true, statistics: inout Bool) throws -> [String] {
        // The schema as one text, then the migrations it records: two small queries.
        let state: (applied: Set<String>?, text: String, statistics: Bool) = try queue.read { db in
            let (text, hasMigrations, statistics) = try SchemaCheck.text(db)
            guard hasMigrations else { return (nil, text, statistics) }
            return (Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")), text, statistics)
        }
        guard let applied = state.applied else { throw WatchlistError.notADatabase(path: path, reason: "it holds no watchlist schema") }
        let known = migrations.map(\.identifier)
        if !applied.isSubset(of: known) { throw WatchlistError.newerDatabase(path: path) }
        let count = known.prefix { applied.contains($0) }.count
        var problems = count == applied.count ? [] : ["its recorded migrations skip one"]
        let recorded = Array(migrations.prefix(count))
        if problems.isEmpty, state.text != (try SchemaCheck.expectedText(migrations: recorded)) {
            problems = try SchemaCheck.problems(try queue.read(SchemaCheck.objects), migrations: recorded)
        }
        if !problems.isEmpty {
            if mode == .report { return problems }
            throw WatchlistError.notADatabase(path: path, reason: "its schema is not watchlist's, or it was altered: "
                + problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; and \(problems.count - 3) more" : ""))
        }
        if state.statistics {
            statistics = true
            try dropStatistics(queue)
        }
        if migrate, count < known.count { try SchemaMigrations.migrator(migrations).migrate(queue) }
        return []
    }

    // MARK: Transactions

    /// Runs `body` in one read transaction: every read in it sees the same state.
    func read<T>(_ body: (Store) throws -> T) throws -> T {
        if unborn != nil, missing == .refused {
            throw WatchlistError.unreadableInput(path: path, reason: "no database exists there yet; the first change made with this path creates it")
        }
        return try run { try dbQueue.read { db in try body(Store(db)) } }
    }

    /// Runs `body` in one IMMEDIATE write transaction: all of it is committed, or none.
    func write<T>(_ body: (Store) throws -> T) throws -> T {
        if let unborn { return try createWithFirstWrite(seed: unborn.seed, now: unborn.now, body) }
        return try run { try dbQueue.write { db in try AppDatabase.change(db, body) } }
    }

    /// A change, and what follows from it in one place: SQLite's session extension records
    /// every change the transaction makes to the shared tables, whatever made it (a command,
    /// an import, an undo, a migration's data step) — the changeset a history entry keeps for
    /// undo, and the films whose search rows are then made again, once each
    /// (`ChangeRecorder`). Without the extension, every film's search row is made again.
    static func change<T>(_ db: Database, _ body: (Store) throws -> T) throws -> T {
        guard let recorder = try ChangeRecorder.begin(db) else {
            let store = Store(db)
            let result = try body(store)
            try store.rebuildSearch()
            return result
        }
        let store = Store(db, recording: recorder)
        let result: T
        do {
            result = try body(store)
        } catch {
            recorder.discard()
            throw error
        }
        try recorder.finish(store)
        return result
    }

    /// Runs `body` in one IMMEDIATE write transaction and rolls it back: what a change would
    /// do, without doing it (`import --dry-run`). Never creates the database file.
    func writeAndRollBack<T>(_ body: (Store) throws -> T) throws -> T {
        try run {
            try dbQueue.inDatabase { db in
                var result: Result<T, Error>?
                try db.inTransaction(.immediate) {
                    result = Result { try body(Store(db)) }
                    return .rollback
                }
                guard let result else { throw WatchlistError.internalError("a dry run's transaction did not run") }
                return try result.get()
            }
        }
    }

    /// Runs `body`, turning SQLite's errors into ones a person can act on.
    func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw DatabaseErrors.map(error, path: path)
        }
    }
}

/// Whether opening a database refuses a schema that is not exactly watchlist's (every command)
/// or reports it (`db check`, which lists every problem).
public enum SchemaCheckMode: Sendable {
    case enforce, report
}

/// What reading a database that does not exist yet gives: the new database, holding the
/// built-in collection (at the default path, where a new user starts), or an error (66) naming
/// the path (a path the person chose, where a missing file is most likely a mistyped one).
public enum MissingDatabase: Sendable {
    case builtIn, refused
}
