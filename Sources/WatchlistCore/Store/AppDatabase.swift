import Foundation
import GRDB

/// The schema migrations, in order: each is a file in Schema/, embedded in the binary.
/// A shipped migration is never edited; a new one is a new file and a new line here.
enum SchemaMigrations {
    static let all: [(identifier: String, sql: String)] = [
        ("v1_initial", String(decoding: PackageResources.v1_initial_sql, as: UTF8.self)),
        ("v2_tags", String(decoding: PackageResources.v2_tags_sql, as: UTF8.self)),
        ("v3_search", String(decoding: PackageResources.v3_search_sql, as: UTF8.self)),
        ("v4_history", String(decoding: PackageResources.v4_history_sql, as: UTF8.self)),
    ]
}

/// A collection to create, with its films in order.
public struct CollectionSeed: Sendable {
    public var slug: String
    public var title: String
    public var description: String
    public var builtIn: Bool
    public var films: [Film]

    public init(slug: String, title: String, description: String, builtIn: Bool, films: [Film]) {
        self.slug = slug
        self.title = title
        self.description = description
        self.builtIn = builtIn
        self.films = films
    }
}

/// The one owner of the SQLite connection: its configuration, the migrator, and every
/// transaction. Each `write` is one IMMEDIATE transaction that keeps every invariant.
///
/// A database file is created by the first change, never by a read: until then reads see an
/// in-memory copy of the new database, so that a command that fails, or only reads, leaves
/// no file behind.
public final class AppDatabase {
    private var dbQueue: DatabaseQueue
    /// Set while the file does not exist yet: what the first write needs to create it.
    private var unborn: (seed: CollectionSeed, now: Date)?
    private let migrations: [(identifier: String, sql: String)]
    /// Where the database lives, for messages; ":memory:" for a test database.
    public let path: String

    private init(_ dbQueue: DatabaseQueue, path: String, migrations: [(identifier: String, sql: String)],
                 unborn: (seed: CollectionSeed, now: Date)? = nil) {
        self.dbQueue = dbQueue
        self.path = path
        self.migrations = migrations
        self.unborn = unborn
    }

    /// True once the database exists on disk (always true in memory).
    public var exists: Bool { unborn == nil }

    // MARK: Configuration

    /// Shared by the on-disk and the in-memory database. GRDB sets the busy timeout first,
    /// before any pragma, then turns foreign keys on. The rollback journal (SQLite's default)
    /// is kept on purpose: SQLite before 3.51.3 can corrupt a WAL database under concurrent
    /// writers.
    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.journalMode = .default
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// How long a command waits for another process's transaction, in seconds.
    public static let busyTimeout: TimeInterval = 5

    static func makeMigrator(_ migrations: [(identifier: String, sql: String)]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }

    // MARK: Opening

    /// A new in-memory database, migrated and holding `seed`: for tests.
    public static func inMemory(seed: CollectionSeed?, now: Date = Date()) throws -> AppDatabase {
        try AppDatabase(makeInMemory(seed: seed, now: now, migrations: SchemaMigrations.all),
                        path: ":memory:", migrations: SchemaMigrations.all)
    }

    private static func makeInMemory(seed: CollectionSeed?, now: Date,
                                     migrations: [(identifier: String, sql: String)]) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(configuration: makeConfiguration())
            try populate(queue, seed: seed, now: now, migrations: migrations)
            return queue
        } catch {
            throw mapError(error, path: ":memory:")
        }
    }

    private static func populate(_ queue: DatabaseQueue, seed: CollectionSeed?, now: Date,
                                 migrations: [(identifier: String, sql: String)]) throws {
        try makeMigrator(migrations).migrate(queue)
        if let seed {
            try queue.write { db in try Store(db).insertCollection(seed, now: now) }
        }
    }

    /// Opens the database at `path`. When the file does not exist, the database holds what
    /// `seed` gives (asked for only then) and is created, with its missing folders (mode 0700)
    /// and mode 0600, by the first write.
    public static func open(path: String, seed: () throws -> CollectionSeed, now: Date = Date()) throws -> AppDatabase {
        try open(path: path, seed: seed, now: now, migrations: SchemaMigrations.all)
    }

    /// `open`, with the list of migrations this build knows: tests pass a longer one to
    /// play a later version of the tool.
    static func open(path: String, seed: () throws -> CollectionSeed, now: Date,
                     migrations: [(identifier: String, sql: String)]) throws -> AppDatabase {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw WatchlistError.databaseUnavailable(path: path, reason: String(cString: strerror(errno)))
            }
            let seed = try seed()
            return AppDatabase(try makeInMemory(seed: seed, now: now, migrations: migrations), path: path,
                               migrations: migrations, unborn: (seed, now))
        }
        return AppDatabase(try openExisting(path: path, migrations: migrations), path: path, migrations: migrations)
    }

    private static func openExisting(path: String, migrations: [(identifier: String, sql: String)]) throws -> DatabaseQueue {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw WatchlistError.databaseUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw WatchlistError.notADatabase(path: path, reason: "it is not a regular file")
        }
        // SQLite would treat an empty file as a new database and write into it.
        guard info.st_size > 0 else {
            throw WatchlistError.notADatabase(path: path, reason: "the file is empty")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: makeConfiguration())
            try prepareSchema(queue, path: path, migrator: makeMigrator(migrations))
            return queue
        } catch {
            throw mapError(error, path: path)
        }
    }

    /// Refuses files that are not ours or are from a newer version, and brings an older
    /// schema up to date. Reads first, so that an up-to-date database is never written to
    /// (a read-only database still serves the read commands).
    private static func prepareSchema(_ queue: DatabaseQueue, path: String, migrator: DatabaseMigrator) throws {
        let state: (ours: Bool, superseded: Bool, complete: Bool) = try queue.read { db in
            guard try db.tableExists("grdb_migrations") else { return (false, false, false) }
            return (true, try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        guard state.ours else {
            throw WatchlistError.notADatabase(path: path, reason: "it holds no watchlist schema")
        }
        if state.superseded { throw WatchlistError.newerDatabase(path: path) }
        if !state.complete { try migrator.migrate(queue) }
    }

    /// Creates the database file by running the first write in a new database built in a
    /// temporary file beside `path`, then linking that file into place. link() never
    /// replaces a file: when another process created the database first, the write runs
    /// again on theirs. Either way no process ever sees a half-created database, and a
    /// failed write leaves nothing behind.
    private func createWithFirstWrite<T>(seed: CollectionSeed, now: Date, _ body: (Store) throws -> T) throws -> T {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let createdFolders = try AppDatabase.makeFolders(folder, databasePath: path)
        let temporary = folder + "/." + url.lastPathComponent + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var linked = false
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
            if !linked {
                for created in createdFolders.reversed() { rmdir(created) }
            }
        }
        let descriptor = createFileExclusively(temporary, mode: 0o600)
        guard descriptor >= 0 else {
            throw WatchlistError.databaseUnavailable(path: path, reason: "cannot create a file in \(folder): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        let result: T
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: AppDatabase.makeConfiguration())
            try AppDatabase.populate(queue, seed: seed, now: now, migrations: migrations)
            result = try queue.write { db in try body(Store(db)) }
            try queue.close()
        } catch {
            throw AppDatabase.mapError(error, path: path)
        }
        if link(temporary, path) == 0 {
            linked = true
            syncFolder(folder)
            dbQueue = try AppDatabase.openExisting(path: path, migrations: migrations)
            unborn = nil
            return result
        }
        guard errno == EEXIST else {
            throw WatchlistError.databaseUnavailable(path: path, reason: "cannot create it: \(String(cString: strerror(errno)))")
        }
        linked = true
        dbQueue = try AppDatabase.openExisting(path: path, migrations: migrations)
        unborn = nil
        return try run { try dbQueue.write { db in try body(Store(db)) } }
    }

    /// Creates the missing folders on the way to the database with mode 0700 and returns them.
    private static func makeFolders(_ folder: String, databasePath: String) throws -> [String] {
        var missing: [String] = []
        var current = folder
        var info = stat()
        while !current.isEmpty, current != "/", stat(current, &info) != 0 {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        var created: [String] = []
        for path in missing.reversed() {
            if mkdir(path, 0o700) == 0 {
                created.append(path)
            } else if errno != EEXIST {
                for made in created.reversed() { rmdir(made) }
                throw WatchlistError.databaseUnavailable(path: databasePath, reason: "cannot create the folder \(path): \(String(cString: strerror(errno)))")
            }
        }
        return created
    }

    // MARK: Transactions

    /// Runs `body` in one read transaction: every read in it sees the same state.
    public func read<T>(_ body: (Store) throws -> T) throws -> T {
        try run { try dbQueue.read { db in try body(Store(db)) } }
    }

    /// Runs `body` in one IMMEDIATE write transaction: all of it is committed, or none.
    public func write<T>(_ body: (Store) throws -> T) throws -> T {
        if let unborn { return try createWithFirstWrite(seed: unborn.seed, now: unborn.now, body) }
        return try run { try dbQueue.write { db in try body(Store(db)) } }
    }

    /// Runs `body` in one IMMEDIATE write transaction and rolls it back: what a change would
    /// do, without doing it (`import --dry-run`). Never creates the database file.
    public func writeAndRollBack<T>(_ body: (Store) throws -> T) throws -> T {
        try run {
            try dbQueue.inDatabase { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(Store(db))
                    return .rollback
                }
                return result!
            }
        }
    }

    // MARK: Maintenance

    /// Problems `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find; empty when sound.
    public func problems() throws -> [String] {
        try run {
            try dbQueue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                    "row \(row[1] as Int64? ?? 0) of \(row[0] as String? ?? "?") refers to a missing row of \(row[2] as String? ?? "?")"
                }
                return integrity + foreignKeys
            }
        }
    }

    /// Writes a consistent copy of the database into the empty file at `path` (VACUUM INTO).
    public func vacuum(into path: String) throws {
        try run { try dbQueue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) } }
    }

    /// Replaces the whole content of this database with the database at `source`, through
    /// SQLite's backup API (the file is never renamed while in use), then migrates it when it
    /// is older. The caller checks `source` first.
    public func restore(from source: AppDatabase) throws {
        if let unborn { _ = try createWithFirstWrite(seed: unborn.seed, now: unborn.now) { _ in } }
        try run {
            try source.dbQueue.backup(to: dbQueue)
            try AppDatabase.prepareSchema(dbQueue, path: path, migrator: AppDatabase.makeMigrator(migrations))
        }
    }

    /// Opens a database file read-only to check it before a restore: it must be a watchlist
    /// database that this version can read, and sound. Problems are malformed input (65).
    public static func openBackup(path: String) throws -> AppDatabase {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw WatchlistError.unreadableInput(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else {
            throw WatchlistError.malformedInput("\(path) is not a watchlist backup: it is empty or not a file.")
        }
        var config = makeConfiguration()
        config.readonly = true
        let migrator = makeMigrator(SchemaMigrations.all)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            let (ours, newer): (Bool, Bool) = try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return (false, false) }
                return (true, try migrator.hasBeenSuperseded(db))
            }
            guard ours else { throw WatchlistError.malformedInput("\(path) is a SQLite database, but not a watchlist backup.") }
            guard !newer else {
                throw WatchlistError.malformedInput("\(path) was written by a newer version of watchlist; upgrade watchlist to restore it.")
            }
            let backup = AppDatabase(queue, path: path, migrations: SchemaMigrations.all)
            let problems = try backup.problems()
            guard problems.isEmpty else {
                throw WatchlistError.malformedInput("\(path) is damaged: \(problems.prefix(3).joined(separator: "; ")).")
            }
            return backup
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                throw WatchlistError.malformedInput("\(path) is not a SQLite database, or it is damaged.")
            }
            throw mapError(error, path: path)
        }
    }

    /// Runs SQL for diagnostics and tests, such as `PRAGMA integrity_check`; returns the rows'
    /// first columns as text.
    public func textRows(_ sql: String) throws -> [String] {
        try run { try dbQueue.read { db in try String.fetchAll(db, sql: sql) } }
    }

    private func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw AppDatabase.mapError(error, path: path)
        }
    }

    /// Turns SQLite's errors into messages a person can act on; a raw DatabaseError (which
    /// prints SQL) never leaves Store.
    static func mapError(_ error: Error, path: String) -> Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return WatchlistError.databaseLocked(path: path)
        case .SQLITE_READONLY:
            return WatchlistError.databaseReadOnly(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return WatchlistError.notADatabase(path: path, reason: "it is not a SQLite database, or it is damaged")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return WatchlistError.databaseUnavailable(path: path, reason: "it cannot be opened")
        case .SQLITE_FULL:
            return WatchlistError.databaseUnavailable(path: path, reason: "the disk is full")
        case .SQLITE_IOERR:
            return WatchlistError.databaseUnavailable(path: path, reason: "the disk reported an input/output error")
        case .SQLITE_CONSTRAINT:
            return WatchlistError.internalError("a database constraint refused the change (code \(error.extendedResultCode.rawValue))")
        default:
            return WatchlistError.databaseUnavailable(path: path, reason: "SQLite error \(error.resultCode.rawValue)")
        }
    }
}

/// Creates a new file for writing; fails (returning -1) when the path exists.
func createFileExclusively(_ path: String, mode: mode_t) -> Int32 {
    open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
}

/// Makes a new directory entry durable.
func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
}
