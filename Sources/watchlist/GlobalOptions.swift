import ArgumentParser
import Foundation
import WatchlistCore

/// Options every command takes, before or after the subcommand's name.
struct GlobalOptions: ParsableArguments {
    /// The database file to use instead of the default.
    @Option(name: .long, help: ArgumentHelp(
        "The database file. Default: $WATCHLIST_DB, else $XDG_DATA_HOME/watchlist/watchlist.sqlite, else ~/.local/share/watchlist/watchlist.sqlite.",
        valueName: "path"))
    var db: String?

    /// Opens the database, creating it with the built-in collection when it does not exist.
    func open() throws -> Watchlist {
        try Watchlist.open(path: DatabaseLocation.resolve(explicit: db, environment: ProcessInfo.processInfo.environment))
    }
}
