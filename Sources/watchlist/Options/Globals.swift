import Foundation
import WatchlistCore

/// The global options as plain values: what every command needs to open the database and to
/// write for people. `GlobalOptions` (swift-argument-parser) and `FastCommand` both make one.
struct Globals: Equatable {
    /// The database file to use instead of the default.
    var db: String?
    /// When to use colour and emphasis.
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
        try DatabaseLocation.resolve(explicit: db, environment: Environment.locationVariables)
    }

    /// Opens the database, which a first change creates with the built-in collection; the
    /// history records the command as typed. Reading a database that does not exist shows the
    /// built-in collection at the default path, and fails (66) at a path the person chose.
    func open(schemaCheck: SchemaCheckMode = .enforce) throws -> Watchlist {
        let chosen = DatabaseLocation.isChosen(explicit: db, environment: Environment.locationVariables)
        return try Watchlist.open(path: databasePath(), clock: Environment.clock(), command: Globals.typedCommand(CommandLine.arguments.dropFirst()),
                                  busyTimeout: Environment.lockTimeout(), schemaCheck: schemaCheck, missing: chosen ? .refused : .builtIn)
    }

    /// The command as the history shows it: the arguments without the database's path and the
    /// colour choice, each quoted only where a shell needs it (`ShellWords`).
    static func typedCommand(_ arguments: ArraySlice<String>) -> String {
        var words: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--db" || argument == "--color" { skipNext = true; continue }
            if argument.hasPrefix("--db=") || argument.hasPrefix("--color=") { continue }
            words.append(argument)
        }
        return ShellWords.joined(words)
    }
}

/// When to use colour and emphasis.
enum ColorMode: String, CaseIterable {
    case auto, always, never
}
