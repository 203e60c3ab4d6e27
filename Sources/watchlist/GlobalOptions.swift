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
        case .auto: Terminal.isTerminal(STDOUT_FILENO) && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }
    }

    /// Opens the database, creating it with the built-in collection when it does not exist.
    func open() throws -> Watchlist {
        let watchlist = try Watchlist.open(path: DatabaseLocation.resolve(explicit: db, environment: ProcessInfo.processInfo.environment))
        watchlist.command = GlobalOptions.typedCommand(CommandLine.arguments.dropFirst())
        return watchlist
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

/// Completes a <film> argument with the titles in the user's database (the one `--db`, if it
/// is among the words typed so far, or the default names).
enum FilmCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in titles(words: words, prefix: prefix) }

    static func titles(words: [String], prefix: String) -> [String] {
        var explicit: String?
        if let flag = words.firstIndex(of: "--db"), flag + 1 < words.count { explicit = words[flag + 1] }
        guard let path = try? DatabaseLocation.resolve(explicit: explicit, environment: ProcessInfo.processInfo.environment),
              let films = try? Watchlist.open(path: path).list() else { return [] }
        let key = TitleKey.fold(prefix)
        let titles = films.map(\.film.title).filter { key.isEmpty || TitleKey.fold($0).hasPrefix(key) || $0.hasPrefix(prefix) }
        // bash splits candidates on spaces; zsh and fish take them whole.
        return CompletionShell.requesting == .bash ? titles.map { $0.replacingOccurrences(of: " ", with: "\\ ") } : titles
    }
}
