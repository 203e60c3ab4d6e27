import Foundation

extension Watchlist {
    /// Runs every check: the schema exactly watchlist's, SQLite's integrity and foreign-key
    /// checks, and every stored value in range; databaseDamaged names each problem. A path
    /// where no database exists is said to be so (66), not described as a sound database.
    public func check() throws {
        guard database.exists else { throw WatchlistError.unreadableInput(path: database.path, reason: "no database exists there yet") }
        let problems = try database.problems()
        guard problems.isEmpty else { throw WatchlistError.databaseDamaged(path: database.path, problems: problems) }
    }

    /// Writes a consistent copy of the database to `path` (VACUUM INTO a temporary file, then
    /// into place), private to the user like the database (0600); an existing file is
    /// replaced only with `force`. A copy that cannot be written (a full disk) is the output's
    /// failure (73), not the database's. A path where no database exists is said to be so (66).
    public func backup(to path: String, force: Bool) throws {
        guard database.exists else { throw WatchlistError.unreadableInput(path: database.path, reason: "no database exists there yet") }
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
    /// one). The current content is first kept in a safety copy (`SafetyCopies`), whose path
    /// is returned; the restore is recorded in the history, and `undo` restores that copy.
    public func restore(from path: String) throws -> String {
        if database.exists, database.isSameFile(as: path) {
            throw WatchlistError.invalidArgument("\(path) is the database itself; restore another file.")
        }
        let backup = try AppDatabase.openBackup(path: path)
        let at = now
        if !database.exists { try database.write { _ in } }
        let copies = try SafetyCopies(databasePath: database.path)
        // The first free number of this second: two restores in one second keep two copies.
        var number = 1
        var token = SafetyCopies.token(at: at, number: number)
        while true {
            do {
                try self.backup(to: copies.path(of: token), force: false)
                break
            } catch WatchlistError.outputExists where number < 999 {
                number += 1
                token = SafetyCopies.token(at: at, number: number)
            }
        }
        let keptPath = copies.path(of: token)
        try database.restore(from: backup)
        try database.write { store in
            let id = try store.beginRecording(command: command, at: at, keep: Watchlist.historyLimit, safetyCopy: token)
            try store.execute("DELETE FROM undoRecording")
            try store.execute("UPDATE history SET summary = ? WHERE id = ?", ["Restored the database from \(path)", id])
        }
        return keptPath
    }

    /// Undoes a restore: the safety copy it kept becomes the database again (checked like any
    /// backup). The copy is found in the tool's own folder by its own name pattern
    /// (`SafetyCopies`); the entry's token only picks which of those copies, and a token that is
    /// not one the tool makes, or a copy that is not there, undoes nothing (exit 1).
    func undoRestore(_ entry: HistoryEntry, token: String) throws -> HistoryEntry {
        guard SafetyCopies.isToken(token) else {
            throw WatchlistError.nothingChanged("The latest change ('\(entry.command)' at \(entry.at)) is a restore whose safety copy "
                + "is not one this version of watchlist keeps, so it cannot be undone (restore a copy you kept with 'watchlist db restore FILE')")
        }
        let copies = try SafetyCopies(databasePath: database.path, create: false)
        guard let copy = copies.existingCopy(of: token) else {
            throw WatchlistError.nothingChanged("The latest change ('\(entry.command)' at \(entry.at)) is a restore whose safety copy "
                + "\(copies.path(of: token)) is gone, so it cannot be undone")
        }
        let backup = try AppDatabase.openBackup(path: copy)
        try database.restore(from: backup)
        return entry
    }
}

/// Where `db restore` keeps the content it replaces: a folder of the tool's own beside the
/// database (`watchlist.sqlite.restores/`, mode 0700), one file a restore, named by a token the
/// tool makes (`2026-11-26T210000Z-1.sqlite`: the time and a number, so that two restores in
/// one second keep two copies). The history stores only the token; undo
/// builds the path from the folder and the token after checking the token's pattern, so a
/// history row can never point undo at a file elsewhere (a database's content is data).
struct SafetyCopies {
    let folder: String

    init(databasePath: String, create: Bool = true) throws {
        folder = databasePath + ".restores"
        if let info = POSIX.linkStatus(folder) {
            guard POSIX.isFolder(info), info.st_uid == getuid() else {
                throw WatchlistError.outputNotWritable(path: folder, reason: "it is not a folder of yours, where watchlist keeps safety copies")
            }
        } else if create {
            guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
                throw WatchlistError.outputNotWritable(path: folder, reason: POSIX.lastError)
            }
        }
    }

    func path(of token: String) -> String { folder + "/" + token + ".sqlite" }

    /// The copy's path when it is a regular file of the folder (not a link), else nil.
    func existingCopy(of token: String) -> String? {
        let path = path(of: token)
        guard let info = POSIX.linkStatus(path), POSIX.isRegularFile(info) else { return nil }
        return path
    }

    /// "2026-11-26T210000Z-1" for the first restore at 2026-11-26T21:00:00Z.
    static func token(at timestamp: String, number: Int) -> String {
        timestamp.replacingOccurrences(of: ":", with: "") + "-" + String(number)
    }

    /// Whether `text` is a token `token(at:number:)` makes: `YYYY-MM-DDTHHMMSSZ-N`, N from 1 to 999.
    static func isToken(_ text: String) -> Bool {
        let bytes = Array(text.utf8), pattern = Array("0000-00-00T000000Z-".utf8)
        guard bytes.count > pattern.count, bytes.count <= pattern.count + 3 else { return false }
        let number = bytes[pattern.count...]
        return zip(bytes, pattern).allSatisfy { byte, shape in
            shape == UInt8(ascii: "0") ? (48...57).contains(byte) : byte == shape
        } && number.allSatisfy { (48...57).contains($0) } && number.first != UInt8(ascii: "0")
    }
}
