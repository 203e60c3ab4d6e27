import Foundation
internal import GRDB

extension AppDatabase {
    /// Everything wrong with the database: a schema that is not exactly watchlist's,
    /// `PRAGMA integrity_check` and `foreign_key_check`, and every stored value no version of
    /// watchlist writes (`Store.damagedValues`); empty when sound.
    func problems() throws -> [String] {
        try run {
            try dbQueue.read { db in
                var problems = schemaProblems
                problems += try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                    "row \(row[1] as Int64? ?? 0) of \(row[0] as String? ?? "?") refers to a missing row of \(row[2] as String? ?? "?")"
                }
                // With the schema altered, the checks of values may meet a table they cannot read.
                if schemaProblems.isEmpty { problems += try Store(db).damagedValues() }
                return problems
            }
        }
    }

    /// Writes a consistent copy of the database into the empty file at `path` (VACUUM INTO).
    func vacuum(into path: String) throws {
        try run { try dbQueue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) } }
    }

    /// Replaces the whole content of this database with the database `source` (opened by
    /// `openBackup`), through SQLite's backup API: the file is never renamed while in use.
    func restore(from source: AppDatabase) throws {
        if let unborn { _ = try createWithFirstWrite(seed: unborn.seed, now: unborn.now) { _ in } }
        try run {
            try source.dbQueue.backup(to: dbQueue)
            _ = try AppDatabase.prepareSchema(dbQueue, path: path, migrations: migrations)
        }
    }

    /// Opens a database file read-only to check it before a restore: it must be a SQLite
    /// database (else 65), exactly watchlist's schema for its recorded migrations, from this
    /// version or an older one (else 74, like any database watchlist refuses to open), and
    /// sound (else 65). Nothing is written to it: what is returned is a copy in memory,
    /// migrated to the current schema, whose values are checked there.
    static func openBackup(path: String) throws -> AppDatabase {
        guard let info = POSIX.status(path) else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        guard POSIX.isRegularFile(info), info.st_size > 0 else {
            throw WatchlistError.notABackup(path: path, reason: "it is empty or not a file")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(busyTimeout: defaultBusyTimeout, readonly: true))
            let (ours, newer): (Bool, Bool) = try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return (false, false) }
                let known = Set(SchemaMigrations.all.map(\.identifier))
                return (true, !Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")).isSubset(of: known))
            }
            guard ours else { throw WatchlistError.notABackup(path: path, reason: "it is a SQLite database, but not a watchlist backup") }
            guard !newer else {
                throw WatchlistError.notABackup(path: path, reason: "it was written by a newer version of watchlist; upgrade watchlist to restore it")
            }
            // An older schema is compared with its own version's, then migrated in the copy.
            let problems = try prepareSchema(queue, path: path, migrations: SchemaMigrations.all, mode: .report, migrate: false)
            guard problems.isEmpty else {
                throw WatchlistError.notADatabase(path: path, reason: "its schema is not watchlist's, or it was altered: "
                    + problems.prefix(3).joined(separator: "; "))
            }
            let copy = try DatabaseQueue(configuration: configuration(busyTimeout: defaultBusyTimeout))
            try queue.backup(to: copy)
            try queue.close()
            _ = try prepareSchema(copy, path: path, migrations: SchemaMigrations.all)
            let backup = AppDatabase(copy, path: path, migrations: SchemaMigrations.all, busyTimeout: defaultBusyTimeout)
            let damage = try backup.problems()
            guard damage.isEmpty else {
                throw WatchlistError.notABackup(path: path, reason: "it is damaged: \(damage.prefix(3).joined(separator: "; "))")
            }
            return backup
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                throw WatchlistError.notABackup(path: path, reason: "it is not a SQLite database, or it is damaged")
            }
            throw DatabaseErrors.map(error, path: path)
        }
    }

    /// Whether `path` names this database's own file.
    func isSameFile(as path: String) -> Bool {
        guard let mine = POSIX.status(self.path), let other = POSIX.status(path) else { return false }
        return mine.st_dev == other.st_dev && mine.st_ino == other.st_ino
    }

    /// Runs SQL for diagnostics and tests, such as `PRAGMA integrity_check`; returns the rows'
    /// first columns as text.
    func textRows(_ sql: String) throws -> [String] {
        try run { try dbQueue.read { db in try String.fetchAll(db, sql: sql) } }
    }
}
