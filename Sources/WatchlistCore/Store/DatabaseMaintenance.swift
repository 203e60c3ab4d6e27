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
        try run { try dbQueue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [AppDatabase.literalPath(path)]) } }
    }

    /// Replaces the whole content of this database with the database `source` (opened by
    /// `openBackup`, so of the same schema), in one IMMEDIATE transaction: `before` runs in it
    /// first (to check, after the slow work, that the database is still what the caller saw),
    /// then every table's rows are replaced by the source's (`Store.replaceContent`), then
    /// `after` (to record the change). The file is never renamed while in use, and another
    /// process's commit either comes before the whole of it (and `before` sees it) or after.
    func restore(from source: AppDatabase, before: (Store) throws -> Void = { _ in }, after: (Store) throws -> Void = { _ in }) throws {
        if let unborn { _ = try createWithFirstWrite(seed: unborn.seed, now: unborn.now) { _ in } }
        // The source is in memory: a private file of it is what the transaction can attach.
        let scratch = try PrivateFolder()
        defer { scratch.remove() }
        let file = scratch.path + "/restored.sqlite"
        try run {
            let copy = try DatabaseQueue(path: file, configuration: AppDatabase.configuration(busyTimeout: busyTimeout))
            try source.dbQueue.backup(to: copy)
            try copy.close()
            try dbQueue.inDatabase { db in
                try db.execute(sql: "ATTACH DATABASE ? AS restored", arguments: [file])
                // Every row of every table is replaced: no cascade has anything to do, and the
                // rows come from a copy whose foreign keys were checked. They are checked again
                // before the commit (`replaceContent`), without a cascade lookup a row.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer {
                    try? db.execute(sql: "PRAGMA foreign_keys = ON")
                    try? db.execute(sql: "DETACH DATABASE restored")
                }
                try db.inTransaction(.immediate) {
                    try AppDatabase.change(db) { store in
                        try before(store)
                        // Every row is replaced: nothing of it is recorded, and the whole index is made again.
                        store.recording?.pause()
                        try store.replaceContent(from: "restored")
                        store.recording?.resume()
                        store.recording?.replacedEverything()
                        try after(store)
                    }
                    return .commit
                }
            }
        }
    }

    /// How many times this connection has seen another connection commit (`PRAGMA
    /// data_version`): two equal readings mean nobody else changed the database in between.
    func changesByOthers() throws -> Int64 {
        try run { try dbQueue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 } }
    }

    /// Opens a backup file to check it before a restore. Nothing is ever written to it: the
    /// file, with the journal or write-ahead log beside it when there is one, is copied into a
    /// private folder and opened there, so that an unfinished transaction it holds is rolled
    /// back (or a log replayed) in the copy, as SQLite would do on the file itself. It must be
    /// readable (else 66), a SQLite database (else 65), exactly watchlist's schema for its
    /// recorded migrations, from this version or an older one (else 74, like any database
    /// watchlist refuses to open), and sound (else 65). What is returned is a copy in memory,
    /// in the rollback journal's mode, without planner statistics, migrated to the current
    /// schema, whose values are checked there.
    static func openBackup(path: String) throws -> AppDatabase {
        guard let info = POSIX.status(path) else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        guard POSIX.isRegularFile(info), info.st_size > 0 else {
            throw WatchlistError.notABackup(path: path, reason: "it is empty or not a file")
        }
        guard access(path, R_OK) == 0 else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        let scratch = try PrivateFolder()
        defer { scratch.remove() }
        let copyPath = scratch.path + "/backup.sqlite"
        try scratch.copy(path, to: copyPath)
        for suffix in ["-journal", "-wal"] where POSIX.status(path + suffix) != nil {
            guard access(path + suffix, R_OK) == 0 else { throw WatchlistError.unreadableInput(path: path + suffix, reason: POSIX.lastError) }
            try scratch.copy(path + suffix, to: copyPath + suffix)
        }
        do {
            let queue = try DatabaseQueue(path: copyPath, configuration: configuration(busyTimeout: defaultBusyTimeout))
            // Recovers a hot journal or a log, and leaves the copy in the rollback journal's mode.
            try queue.inDatabase { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
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
            // The copy is ours and writable: any error of SQLite's is the file's.
            throw WatchlistError.notABackup(path: path, reason: error.resultCode == .SQLITE_NOTADB
                ? "it is not a SQLite database" : "it is damaged (SQLite reported error \(error.extendedResultCode.rawValue))")
        } catch WatchlistError.databaseDamaged(_, let problems) {
            throw WatchlistError.notABackup(path: path, reason: "it is damaged: \(problems.prefix(3).joined(separator: "; "))")
        } catch WatchlistError.notADatabase(_, let reason) where reason.hasPrefix("it is not a SQLite database") {
            throw WatchlistError.notABackup(path: path, reason: "it is not a SQLite database, or it is damaged")
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
