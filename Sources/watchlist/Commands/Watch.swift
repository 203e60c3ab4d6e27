import ArgumentParser
import WatchlistCore

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Log a viewing of a film.",
        discussion: """
            A viewing after an earlier one is a rewatch. --rewatch marks a first logged viewing \
            as a rewatch: a film you saw before you kept this diary.
            """)

    @OptionGroup var global: GlobalOptions
    /// The film.
    @Argument(help: "The film: an id, a title, 'Title (Year)' or part of a title.", completion: FilmCompletion.kind) var film: String
    /// The day of the viewing.
    @Option(name: .customLong("on"), help: ArgumentHelp("The day: YYYY-MM-DD, today, yesterday or unknown.", valueName: "date"))
    var day: String = "today"
    /// Mark the viewing as a rewatch.
    @Flag(help: "Mark the viewing as a rewatch even if it is the first one logged.") var rewatch = false

    func run() throws {
        let choice = try DayChoice(parsing: day)
        let result = try global.open().watch(film, on: choice, markedRewatch: rewatch)
        let when = result.viewing.watchedOn.map { "on \($0)" } ?? "on an unknown day"
        Terminal.out("Watched \(result.film.displayTitle) \(when)" + (result.viewing.rewatch ? " (rewatch)" : ""))
    }
}
