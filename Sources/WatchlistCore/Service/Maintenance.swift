import Foundation

extension Watchlist {
    /// Runs every check: the schema exactly watchlist's, SQLite's integrity and foreign-key
    /// checks, and every stored value in range; databaseDamaged names each problem.
    public func check() throws {
        let problems = try database.problems()
        guard problems.isEmpty else { throw WatchlistError.databaseDamaged(path: database.path, problems: problems) }
    }

    /// Writes a consistent copy of the database to `path` (VACUUM INTO a temporary file, then
    /// into place), private to the user like the database (0600); an existing file is
    /// replaced only with `force`. A copy that cannot be written (a full disk) is the output's
    /// failure (73), not the database's.
    public func backup(to path: String, force: Bool) throws {
        try OutputFile.create(path: path, force: force, protecting: database.path, mode: 0o600) { temporary, _ in
            do {
                try database.vacuum(into: temporary)
            } catch WatchlistError.databaseUnavailable(_, let reason) {
                throw WatchlistError.outputNotWritable(path: path, reason: reason)
            }
        }
    }

    /// Replaces the database's content with the backup at `path`, after checking it (a SQLite
    /// database whose schema is exactly watchlist's, sound, from this version or an older
    /// one). The current content is first kept in a copy beside the database, whose path is
    /// returned; the restore is recorded in the history, and `undo` restores that copy.
    public func restore(from path: String) throws -> String {
        if database.exists, database.isSameFile(as: path) {
            throw WatchlistError.invalidArgument("\(path) is the database itself; restore another file.")
        }
        let backup = try AppDatabase.openBackup(path: path)
        let at = now
        let stamp = at.replacingOccurrences(of: ":", with: "")
        let keptPath = database.path + ".before-restore-" + stamp
        if !database.exists { try database.write { _ in } }
        try self.backup(to: keptPath, force: false)
        try database.restore(from: backup)
        try database.write { store in
            let id = try store.beginRecording(command: command, at: at, keep: Watchlist.historyLimit, safetyCopy: keptPath)
            try store.execute("DELETE FROM undoRecording")
            try store.execute("UPDATE history SET summary = ? WHERE id = ?", ["Restored the database from \(path)", id])
        }
        return keptPath
    }

    /// Undoes a restore: the copy it kept becomes the database again (checked like any backup).
    func undoRestore(_ entry: HistoryEntry, copy: String) throws -> HistoryEntry {
        let backup = try AppDatabase.openBackup(path: copy)
        try database.restore(from: backup)
        return entry
    }
}
