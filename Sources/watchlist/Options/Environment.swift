import ArgumentParser
import Foundation
import WatchlistCore

/// The environment variables the tool reads besides the database's (README, "Environment").
enum Environment {
    static func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// COLUMNS as the tool reads it: a number below the narrowest width the tool fits lines to
    /// is that width, and a value that is not a positive whole number is no width at all
    /// (`Terminal.width`). The argument parser reads the variable too, when it writes help,
    /// and cannot write narrower than its own columns (below about 30 it stops the process):
    /// on a terminal narrower than `helpWidth` it is given a width no line reaches, and the
    /// tool fits its help to the real width like every other line (`HelpText`). Called first,
    /// before anything reads the width.
    static func settleColumns() {
        // Both are read now, from the variable as the person set it.
        let (output, errors) = (Terminal.width, Terminal.errorWidth)
        let width = output ?? errors
        if let width, width < helpWidth {
            setenv("COLUMNS", String(HelpText.unwrappedWidth), 1)
        } else if let width {
            setenv("COLUMNS", String(width), 1)
        } else if value("COLUMNS") != nil {
            unsetenv("COLUMNS")
        }
    }

    /// The narrowest terminal the argument parser lays its help out for.
    static let helpWidth = 80

    /// The variables that choose the database's path (`DatabaseLocation`).
    static var locationVariables: [String: String] {
        var variables: [String: String] = [:]
        for name in ["WATCHLIST_DB", "XDG_DATA_HOME", "HOME"] { variables[name] = value(name) }
        return variables
    }

    /// The clock: the system's, or the instant WATCHLIST_NOW names (`2026-11-26T20:00:00Z`), for
    /// scripts and examples whose output must not change from run to run.
    static func clock() throws -> WatchlistClock {
        guard let text = value("WATCHLIST_NOW"), !text.isEmpty else { return .system }
        guard let instant = Timestamp.date(iso: text) else {
            throw ValidationError("WATCHLIST_NOW is '\(text)'; give an instant such as 2026-11-26T20:00:00Z, or unset it.")
        }
        return WatchlistClock(now: { instant })
    }

    /// How long to wait for another process's transaction: WATCHLIST_LOCK_TIMEOUT seconds, or 5.
    static func lockTimeout() throws -> TimeInterval {
        guard let text = value("WATCHLIST_LOCK_TIMEOUT"), !text.isEmpty else { return AppDatabase.defaultBusyTimeout }
        guard let seconds = Double(text), seconds >= 0, seconds <= 3600 else {
            throw ValidationError("WATCHLIST_LOCK_TIMEOUT is '\(text)'; give a number of seconds from 0 to 3600, or unset it.")
        }
        return seconds
    }
}
