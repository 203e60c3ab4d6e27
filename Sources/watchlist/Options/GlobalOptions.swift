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

    /// When to use colour and emphasis.
    @Option(help: "Colour and emphasis: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    /// The same, as plain values.
    var values: Globals { Globals(db: db, color: color) }

    var colors: Bool { values.colors }

    func databasePath() throws -> String { try values.databasePath() }

    func open(schemaCheck: SchemaCheckMode = .enforce) throws -> Watchlist { try values.open(schemaCheck: schemaCheck) }
}

extension ColorMode: ExpressibleByArgument {}
