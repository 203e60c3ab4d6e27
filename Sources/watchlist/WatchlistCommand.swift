import ArgumentParser
import Foundation
import WatchlistCore

@main
struct WatchlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watchlist",
        abstract: "Keep a diary of a curated film collection: what you watched and when, ratings, notes, exports.",
        discussion: """
            A <film> is an id ("3"), a title ("the ascent", "ASCENT"), a title with its year \
            ("The Star (2002)"), or a part of a title that only one film has ("red tent").
            Run 'watchlist' alone for a summary of your progress.
            """,
        subcommands: [
            ListCommand.self, ShowCommand.self, WatchCommand.self, UnwatchCommand.self, RateCommand.self, UnrateCommand.self,
            NoteCommand.self, TagCommand.self, UntagCommand.self, FilmCommand.self, CollectionCommand.self, StatsCommand.self, SearchCommand.self,
            NextCommand.self, HistoryCommand.self, UndoCommand.self, ImportCommand.self, ExportCommand.self, DatabaseCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try WatchlistCommand.perform(global.values)
    }

    static func perform(_ global: Globals) throws {
        let summary = try global.open().summary()
        var lines = summary.collections.map(ProgressLine.render)
        if let latest = summary.latest {
            lines.append("Latest viewing: \(latest.film.displayTitle) \(latest.viewing.watchedOn.onDay).")
        } else {
            lines.append("No viewings yet: log one with 'watchlist watch <film>'.")
        }
        lines.append("Run 'watchlist list' to see the films, 'watchlist --help' for every command.")
        Terminal.out(lines.joined(separator: "\n"))
    }

    /// The shell named by `--generate-completion-script SHELL` alone, or nil.
    static func completionScriptRequest(_ arguments: [String]) -> String? {
        if arguments.count == 2, arguments[0] == "--generate-completion-script" { return arguments[1] }
        if arguments.count == 1, arguments[0].hasPrefix("--generate-completion-script=") {
            return String(arguments[0].dropFirst("--generate-completion-script=".count))
        }
        return nil
    }

    /// Parses and runs the command; a WatchlistError becomes its message (and the hint that
    /// names what to type) on stderr, and its documented exit status.
    static func main() {
        if let problem = Terminal.firstNonUTF8Argument() {
            Terminal.error("argument \(problem) is not valid UTF-8.")
            Foundation.exit(ExitStatus.dataError)
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let shell = completionScriptRequest(arguments), let script = CompletionScript.script(for: shell) {
            print(script)
            return
        }
        if let problem = ArgumentLimits.problem(Array(CommandLine.arguments.dropFirst())) {
            Terminal.error(problem)
            Foundation.exit(ExitStatus.usage)
        }
        do {
            if let command = FastCommand.parse(Array(CommandLine.arguments.dropFirst())) {
                try command.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let error as WatchlistError {
            Terminal.error(error.localizedDescription + (error.hint.map { " " + $0 } ?? ""))
            Foundation.exit(error.exitStatus)
        } catch {
            // The parser's messages quote what was typed: shown safely, like every message.
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((Terminal.shown(message) + "\n").utf8)) }
            Foundation.exit(code.rawValue)
        }
    }
}
