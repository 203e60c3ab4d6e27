internal import GRDB

/// Turns SQLite's errors into messages a person can act on, by result code, never by message
/// text; a raw DatabaseError (which prints SQL) never leaves the store.
enum DatabaseErrors {
    static func map(_ error: Error, path: String) -> Error {
        if let damaged = error as? DamagedValue {
            return WatchlistError.databaseDamaged(path: path, problems: [damaged.description])
        }
        if error is RowDecodingError {
            // GRDB's message quotes the SQL and the value: the problem is named, not printed.
            return WatchlistError.databaseDamaged(path: path, problems: ["a stored value is not of the type its column holds"])
        }
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_INTERRUPT:
            return WatchlistError.interrupted(signal: Interruption.signal ?? 2, outcome: "nothing was changed")
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
            return WatchlistError.internalError("SQLite reported error \(error.extendedResultCode.rawValue)")
        }
    }
}
