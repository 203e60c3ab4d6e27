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

    /// Whether standard output gets colour and emphasis.
    var colors: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: Terminal.isTerminal(STDOUT_FILENO) && (Environment.value("NO_COLOR") ?? "").isEmpty
        }
    }

    /// The database's path: --db, else the environment's choice.
    func databasePath() throws -> String {
        try DatabaseLocation.resolve(explicit: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the database, which a first change creates with the built-in collection; the
    /// history records the command as typed.
    func open(schemaCheck: SchemaCheckMode = .enforce) throws -> Watchlist {
        try Watchlist.open(path: databasePath(), clock: Environment.clock(), command: GlobalOptions.typedCommand(CommandLine.arguments.dropFirst()),
                           busyTimeout: Environment.lockTimeout(), schemaCheck: schemaCheck)
    }

    /// The command as the history shows it: the arguments without the database's path and the
    /// colour choice, quoted where they hold spaces.
    static func typedCommand(_ arguments: ArraySlice<String>) -> String {
        var words: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--db" || argument == "--color" { skipNext = true; continue }
            if argument.hasPrefix("--db=") || argument.hasPrefix("--color=") { continue }
            words.append(argument.contains(" ") || argument.isEmpty ? "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'" : argument)
        }
        return words.joined(separator: " ")
    }
}

enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}
