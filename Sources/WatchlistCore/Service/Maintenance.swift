import Foundation

extension Watchlist {
    /// Runs SQLite's integrity and foreign-key checks; databaseDamaged names what is wrong.
    public func check() throws {
        let problems = try database.problems()
        guard problems.isEmpty else { throw WatchlistError.databaseDamaged(path: database.path, problems: problems) }
    }

    /// Writes a consistent copy of the database to `path` (VACUUM INTO a temporary file, then
    /// into place), private to the user like the database (0600); an existing file is
    /// replaced only with `force`.
    public func backup(to path: String, force: Bool) throws {
        try OutputFile.create(path: path, force: force, protecting: database.path, mode: 0o600) { temporary, _ in
            try database.vacuum(into: temporary)
        }
    }

    /// Replaces the database's content with the backup at `path`, after checking the backup's
    /// integrity and schema version. The current content is first kept in a backup beside the
    /// database, whose path is returned (nil when the database did not exist yet).
    public func restore(from path: String) throws -> String? {
        let backup = try AppDatabase.openBackup(path: path)
        var kept: String?
        if database.exists {
            let stamp = Timestamp.iso(clock.now()).replacingOccurrences(of: ":", with: "")
            let keptPath = database.path + ".before-restore-" + stamp
            try self.backup(to: keptPath, force: false)
            kept = keptPath
        }
        try database.restore(from: backup)
        return kept
    }
}
