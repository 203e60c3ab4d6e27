import ArgumentParser
import WatchlistCore

struct Unwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unwatch",
        abstract: "Remove the latest viewing of a film, the one on a given day, or all of them.")

    @OptionGroup var global: GlobalOptions
    /// The film.
    @Argument(help: "The film: an id, a title, 'Title (Year)' or part of a title.", completion: FilmCompletion.kind) var film: String
    /// Remove every viewing.
    @Flag(help: "Remove every viewing of the film.") var all = false
    /// Remove the viewing on this day.
    @Option(name: .customLong("on"), help: ArgumentHelp("Remove the viewing on this day (YYYY-MM-DD or unknown) instead of the latest.", valueName: "date"))
    var day: String?

    func validate() throws {
        if all && day != nil { throw ValidationError("Use --all or --on, not both.") }
    }

    func run() throws {
        var selection = all ? ViewingSelection.all : .latest
        if let day {
            let choice = try DayChoice(parsing: day)
            if case .day(let date) = choice { selection = .on(date) }
            else if choice == .unknown { selection = .on(nil) }
            else { throw ValidationError("--on takes YYYY-MM-DD or unknown.") }
        }
        let result = try global.open().unwatch(film, selection)
        if result.removed.count == 1 {
            let when = result.removed[0].watchedOn.map { "on \($0)" } ?? "on an unknown day"
            Terminal.out("Removed the viewing of \(result.film.displayTitle) \(when)")
        } else {
            Terminal.out("Removed \(result.removed.count) viewings of \(result.film.displayTitle)")
        }
    }
}
