import ArgumentParser
import Foundation
import WatchlistCore

@main
struct WatchlistCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "watchlist",
        abstract: "Keep a diary of a curated film collection: what you watched and when, ratings, notes, exports.",
        discussion: """
            A <film> is an id ("3"), a title ("the ascent", "ASCENT"), a title with its year \
            ("The Star (2002)"), or a part of a title that only one film has ("red tent").
            Run 'watchlist' alone for a summary of your progress: the built-in collection and the \
            \(SummaryText.collectionsShown - 1) most recently active; 'watchlist --all' shows every collection.
            """,
        version: WatchlistVersion.description,
        subcommands: [
            ListCommand.self, ShowCommand.self, WatchCommand.self, UnwatchCommand.self, RateCommand.self, UnrateCommand.self,
            NoteCommand.self, TagCommand.self, UntagCommand.self, FilmCommand.self, CollectionCommand.self, StatsCommand.self, SearchCommand.self,
            NextCommand.self, HistoryCommand.self, UndoCommand.self, ImportCommand.self, FactsCommand.self, ExportCommand.self, SyncCommand.self, DatabaseCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    /// The summary: every collection, or the built-in one and the most recently active.
    struct Request: Equatable {
        var all = false
    }

    /// `--all` is read by the fast path only (`FastCommand`): a flag of the root command would
    /// take the `--all` of `unwatch` and `film unset` too.
    func request() -> Request { Request() }

    static func perform(_ request: Request, _ context: Context) throws -> Summary {
        try context.watchlist().summary()
    }

    static func render(_ summary: Summary, for request: Request, _ context: Context) throws {
        Terminal.out(SummaryText.render(summary, all: request.all, width: context.width))
    }

    /// Parses and runs the command; every error — a WatchlistError, the argument parser's —
    /// becomes one message on stderr (`ErrorText`) and its documented exit status.
    static func main() {
        if let problem = Terminal.firstNonUTF8Argument() {
            Terminal.error("argument \(problem) is not valid UTF-8.")
            Foundation.exit(ExitStatus.dataError)
        }
        Environment.settleColumns()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let shell = CompletionScript.request(arguments), let script = CompletionScript.script(for: shell) {
            print(script)
            return
        }
        if let problem = ArgumentLimits.problem(arguments) {
            Terminal.error(problem)
            Foundation.exit(ExitStatus.usage)
        }
        do {
            if let command = try FastCommand.parse(arguments) {
                try command.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            ErrorText.exit(with: error, arguments: arguments)
        }
    }
}
