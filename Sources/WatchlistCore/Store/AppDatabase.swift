import Foundation
import GRDB

/// The schema migrations, in order: each is a file in Schema/, embedded in the binary.
/// A shipped migration is never edited; a new one is a new file and a new line here.
enum SchemaMigrations {
    static let all: [(identifier: String, sql: String)] = [
        ("v1_initial", String(decoding: PackageResources.v1_initial_sql, as: UTF8.self)),
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
public final class AppDatabase: Sendable {
    private let dbQueue: DatabaseQueue
    /// Where the database lives, for messages; ":memory:" for a test database.
    public let path: String

    private init(_ dbQueue: DatabaseQueue, path: String) {
        self.dbQueue = dbQueue
        self.path = path
    }

    // MARK: Configuration

    /// Shared by the on-disk and the in-memory database. GRDB sets the busy timeout first,
    /// before any pragma, then turns foreign keys on. The rollback journal (SQLite's default)
    /// is kept on purpose: SQLite before 3.51.3 can corrupt a WAL database under concurrent
    /// writers.
    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.journalMode = .default
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    static func makeMigrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in SchemaMigrations.all {
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
        let queue = try DatabaseQueue(configuration: makeConfiguration())
        let database = AppDatabase(queue, path: ":memory:")
        try database.run {
            try makeMigrator().migrate(queue)
            if let seed {
                try queue.write { db in try Store(db).insertCollection(seed, now: now) }
            }
        }
        return database
    }

    /// Opens the database at `path`, creating it (and its folders, mode 0700) holding `seed`
    /// when the file does not exist. A new database is built in a temporary file beside
    /// `path` and linked into place only when complete, so that no process ever sees a
    /// half-created database, and processes racing to create the same path all succeed.
    public static func open(path: String, seed: CollectionSeed, now: Date = Date()) throws -> AppDatabase {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw WatchlistError.databaseUnavailable(path: path, reason: String(cString: strerror(errno)))
            }
            try create(path: path, seed: seed, now: now)
        }
        return try openExisting(path: path)
    }

    private static func openExisting(path: String) throws -> AppDatabase {
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
        let database: AppDatabase
        do {
            database = AppDatabase(try DatabaseQueue(path: path, configuration: makeConfiguration()), path: path)
        } catch {
            throw mapError(error, path: path)
        }
        try database.prepareSchema()
        return database
    }

    /// Refuses files that are not ours or are from a newer version, and brings an older
    /// schema up to date. Reads first, so that an up-to-date database is never written to
    /// (a read-only database still serves the read commands).
    private func prepareSchema() throws {
        let migrator = AppDatabase.makeMigrator()
        let state: (ours: Bool, superseded: Bool, complete: Bool) = try run {
            try dbQueue.read { db in
                guard try db.tableExists("grdb_migrations") else { return (false, false, false) }
                return (true, try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
        }
        guard state.ours else {
            throw WatchlistError.notADatabase(path: path, reason: "it holds no watchlist schema")
        }
        if state.superseded { throw WatchlistError.newerDatabase(path: path) }
        if !state.complete { try run { try migrator.migrate(dbQueue) } }
    }

    private static func create(path: String, seed: CollectionSeed, now: Date) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try makeFolders(folder, databasePath: path)
        let temporary = folder + "/." + url.lastPathComponent + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
        }
        let descriptor = posixOpen(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw WatchlistError.databaseUnavailable(path: path, reason: "cannot create a file in \(folder): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: makeConfiguration())
            try makeMigrator().migrate(queue)
            try queue.write { db in try Store(db).insertCollection(seed, now: now) }
            try queue.close()
        } catch {
            throw mapError(error, path: path)
        }
        // link() never replaces: if another process created the database first, use theirs.
        if link(temporary, path) != 0 && errno != EEXIST {
            throw WatchlistError.databaseUnavailable(path: path, reason: "cannot create it: \(String(cString: strerror(errno)))")
        }
        syncFolder(folder)
    }

    /// Creates the missing folders on the way to the database with mode 0700.
    private static func makeFolders(_ folder: String, databasePath: String) throws {
        var missing: [String] = []
        var current = folder
        var info = stat()
        while !current.isEmpty, current != "/", stat(current, &info) != 0 {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() where mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw WatchlistError.databaseUnavailable(path: databasePath, reason: "cannot create the folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    // MARK: Transactions

    /// Runs `body` in one read transaction: every read in it sees the same state.
    public func read<T>(_ body: (Store) throws -> T) throws -> T {
        try run { try dbQueue.read { db in try body(Store(db)) } }
    }

    /// Runs `body` in one IMMEDIATE write transaction: all of it is committed, or none.
    public func write<T>(_ body: (Store) throws -> T) throws -> T {
        try run { try dbQueue.write { db in try body(Store(db)) } }
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

/// `open(2)`, named apart from the Swift overloads that Foundation adds.
private func posixOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

/// Makes a new directory entry durable.
func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
}
