import Foundation
internal import WatchlistSQLiteShim

/// Ctrl-C (SIGINT) and SIGTERM during long work. While `during` runs its work, the signals
/// are caught instead of ending the process: the running SQLite statement stops
/// (SQLITE_INTERRUPT), the loops of an import or an export stop at their next check, the
/// transaction rolls back, and the work throws `WatchlistError.interrupted` saying what was
/// left undone. A second signal ends the process at once. Outside long work the signals keep
/// their default action: every change is one transaction, so a command ended anywhere changes
/// nothing.
public enum Interruption {
    /// Runs `body` with the signals caught; `outcome` says what an interruption leaves undone
    /// ("nothing was imported").
    public static func during<T>(outcome: String, _ body: () throws -> T) throws -> T {
        watchlist_catch_interruptions(1)
        defer { watchlist_catch_interruptions(0) }
        do {
            // Work that finished is reported as done, even if a signal came after it did.
            return try body()
        } catch WatchlistError.interrupted(let signal, _) {
            throw WatchlistError.interrupted(signal: self.signal ?? (signal == 0 ? SIGINT : signal), outcome: outcome)
        }
    }

    /// The signal caught, if one was.
    public static var signal: Int32? {
        let caught = watchlist_interruption()
        return caught == 0 ? nil : caught
    }

    /// Throws `interrupted` once a signal was caught.
    static func check(outcome: String = "nothing was changed") throws {
        if let signal { throw WatchlistError.interrupted(signal: signal, outcome: outcome) }
    }

    /// The check, for the readers of the model, which know nothing of signals.
    static let requested: @Sendable () -> Bool = { watchlist_interruption() != 0 }
}
