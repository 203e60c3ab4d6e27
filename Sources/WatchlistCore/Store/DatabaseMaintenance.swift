import Foundation
internal import GRDB

extension AppDatabase {
    /// Problems `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find; empty when sound.
    func problems() throws -> [String] {
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
    func vacuum(into path: String) throws {
        try run { try dbQueue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) } }
    }

    /// Replaces the whole content of this database with the database at `source`, through
    /// SQLite's backup API (the file is never renamed while in use), then migrates it when it
    /// is older. The caller checks `source` first.
    func restore(from source: AppDatabase) throws {
        if let unborn { _ = try createWithFirstWrite(seed: unborn.seed, now: unborn.now) { _ in } }
        try run {
            try source.dbQueue.backup(to: dbQueue)
            try AppDatabase.prepareSchema(dbQueue, path: path, migrator: SchemaMigrations.migrator(migrations))
        }
    }

    /// Opens a database file read-only to check it before a restore: it must be a watchlist
    /// database that this version can read, and sound. Problems are malformed input (65).
    static func openBackup(path: String) throws -> AppDatabase {
        guard let info = POSIX.status(path) else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        guard POSIX.isRegularFile(info), info.st_size > 0 else {
            throw WatchlistError.notABackup(path: path, reason: "it is empty or not a file")
        }
        let migrator = SchemaMigrations.migrator(SchemaMigrations.all)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(busyTimeout: defaultBusyTimeout, readonly: true))
            let (ours, newer): (Bool, Bool) = try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return (false, false) }
                return (true, try migrator.hasBeenSuperseded(db))
            }
            guard ours else { throw WatchlistError.notABackup(path: path, reason: "it is a SQLite database, but not a watchlist backup") }
            guard !newer else {
                throw WatchlistError.notABackup(path: path, reason: "it was written by a newer version of watchlist; upgrade watchlist to restore it")
            }
            let backup = AppDatabase(queue, path: path, migrations: SchemaMigrations.all, busyTimeout: defaultBusyTimeout)
            let problems = try backup.problems()
            guard problems.isEmpty else {
                throw WatchlistError.notABackup(path: path, reason: "it is damaged: \(problems.prefix(3).joined(separator: "; "))")
            }
            return backup
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                throw WatchlistError.notABackup(path: path, reason: "it is not a SQLite database, or it is damaged")
            }
            throw DatabaseErrors.map(error, path: path)
        }
    }

    /// Runs SQL for diagnostics and tests, such as `PRAGMA integrity_check`; returns the rows'
    /// first columns as text.
    func textRows(_ sql: String) throws -> [String] {
        try run { try dbQueue.read { db in try String.fetchAll(db, sql: sql) } }
    }
}
