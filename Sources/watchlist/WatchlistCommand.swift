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
            List.self, Show.self, Watch.self, Unwatch.self, Rate.self, Unrate.self,
            NoteCommand.self, Tag.self, Untag.self, CollectionCommand.self, StatsCommand.self, Search.self, Next.self, History.self, Undo.self, Import.self, Export.self, DatabaseCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let watchlist = try global.open()
        let summary = try watchlist.summary()
        for progress in summary.collections {
            Terminal.out(Progress.line(progress))
        }
        if let latest = summary.latest {
            let day = latest.viewing.watchedOn.map { "on \($0)" } ?? "on an unknown day"
            Terminal.out("Latest viewing: \(latest.film.displayTitle) \(day).")
        } else {
            Terminal.out("No viewings yet: log one with 'watchlist watch <film>'.")
        }
        Terminal.out("Run 'watchlist list' to see the films, 'watchlist --help' for every command.")
    }

    /// Parses and runs the command; a WatchlistError becomes its message on stderr and its
    /// documented exit status.
    static func main() {
        if let problem = Terminal.firstNonUTF8Argument() {
            Terminal.error("argument \(problem) is not valid UTF-8.")
            Foundation.exit(ExitStatus.dataError)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as WatchlistError {
            Terminal.error(error.localizedDescription)
            Foundation.exit(error.exitStatus)
        } catch {
            exit(withError: error)
        }
    }
}
