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
        try backup(to: path, force: force, safetyCopy: false)
    }

    private func backup(to path: String, force: Bool, safetyCopy: Bool) throws {
        guard database.exists else { throw WatchlistError.unreadableInput(path: database.path, reason: "no database exists there yet") }
        try OutputFile.create(path: path, force: force, protecting: database.path, mode: 0o600, safetyCopy: safetyCopy) { temporary, _ in
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
        // Another process may change the database while the copy is made: the copy is made
        // again until the restore's transaction finds nothing changed since it began.
        for attempt in 1...3 {
            let seen = try database.changesByOthers()
            let token = try keepSafetyCopy(in: copies, at: at)
            do {
                try database.restore(from: backup, before: { store in
                    guard try store.value(Int64.self, "PRAGMA data_version") == seen else { throw RestoreRace.changedSinceCopy }
                }, after: { store in
                    let id = try store.beginRecording(command: command, at: at, keep: Watchlist.historyLimit, safetyCopy: token)
                    try store.endRecordingRestore(id, summary: "Restored the database from \(path)")
                })
                return copies.path(of: token)
            } catch RestoreRace.changedSinceCopy {
                unlink(copies.path(of: token))
                if attempt == 3 { throw WatchlistError.databaseLocked(path: database.path) }
            }
        }
        throw WatchlistError.databaseLocked(path: database.path)
    }

    private enum RestoreRace: Error { case changedSinceCopy }

    /// Keeps the database's content in a new safety copy, named by the first free number of
    /// this second (two restores in one second keep two copies); returns its token.
    private func keepSafetyCopy(in copies: SafetyCopies, at: String) throws -> String {
        var number = 1
        while true {
            let token = SafetyCopies.token(at: at, number: number)
            do {
                try backup(to: copies.path(of: token), force: false, safetyCopy: true)
                return token
            } catch WatchlistError.outputExists where number < 999 {
                number += 1
            }
        }
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
        let copies: SafetyCopies
        do {
            copies = try SafetyCopies(databasePath: database.path, create: false)
        } catch WatchlistError.outputNotWritable(let folder, let reason) {
            throw WatchlistError.nothingChanged("The latest change ('\(entry.command)' at \(entry.at)) is a restore whose safety copies "
                + "are in \(folder), but \(reason), so it cannot be undone")
        }
        let (found, problem) = copies.existingCopy(of: token)
        guard let copy = found else {
            throw WatchlistError.nothingChanged("The latest change ('\(entry.command)' at \(entry.at)) is a restore whose safety copy "
                + "\(copies.path(of: token)) " + (problem.map { "cannot be trusted: \($0)" } ?? "is gone") + ", so it cannot be undone")
        }
        let backup = try AppDatabase.openBackup(path: copy)
        // The checks took a while: the entry is undone only if it is still the latest.
        try database.restore(from: backup, before: { store in
            guard let latest = try store.history().first, latest.id == entry.id else {
                let since = try store.history().first
                throw WatchlistError.nothingChanged("Another change was recorded while the restore's safety copy was being checked"
                    + (since.map { " ('\($0.command)' at \($0.at))" } ?? "") + "; run undo again to undo the latest change first")
            }
        })
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

    /// Opens the folder, made when missing (with `create`). A folder that is not the user's, or
    /// that others may write to (anyone could put their file in place of a copy), is refused.
    init(databasePath: String, create: Bool = true) throws {
        folder = databasePath + ".restores"
        if let info = POSIX.linkStatus(folder) {
            if let problem = SafetyCopies.untrusted(info, what: "folder") {
                throw WatchlistError.outputNotWritable(path: folder, reason: "\(problem), so it cannot hold safety copies")
            }
        } else if create {
            guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
                throw WatchlistError.outputNotWritable(path: folder, reason: POSIX.lastError)
            }
        }
    }

    /// Why a file or folder of safety copies cannot be trusted, if it cannot: not the user's,
    /// not of its kind (a link), or writable by others than its owner.
    static func untrusted(_ info: stat, what: String) -> String? {
        let isKind = what == "folder" ? POSIX.isFolder(info) : POSIX.isRegularFile(info)
        guard isKind else { return "it is not a \(what) (a link, or another kind of file)" }
        guard info.st_uid == getuid() else { return "it is not a \(what) of yours" }
        guard info.st_mode & 0o022 == 0 else {
            return "others may write to it (mode \(String(info.st_mode & 0o777, radix: 8)))"
        }
        return nil
    }

    func path(of token: String) -> String { folder + "/" + token + ".sqlite" }

    /// The copy's path when it is a file of the folder the user owns and only they may write
    /// (not a link); else nil and why.
    func existingCopy(of token: String) -> (path: String?, problem: String?) {
        let path = path(of: token)
        guard let info = POSIX.linkStatus(path) else { return (nil, nil) }
        if let problem = SafetyCopies.untrusted(info, what: "file") { return (nil, problem) }
        return (path, nil)
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
