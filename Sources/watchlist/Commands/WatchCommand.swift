import ArgumentParser
import WatchlistCore

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Log a viewing of a film.",
        discussion: """
            A viewing after an earlier one is a rewatch. --rewatch marks a first logged viewing \
            as a rewatch: a film you saw before you kept this diary.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// The day of the viewing.
    @Option(name: .customLong("on"), help: ArgumentHelp("The day: YYYY-MM-DD, today, yesterday or unknown.", valueName: "date"))
    var day: String = "today"
    /// Mark the viewing as a rewatch.
    @Flag(help: "Mark the viewing as a rewatch even if it is the first one logged.") var rewatch = false

    func run() throws {
        try WatchCommand.perform(global.values, film: target.film, day: day, rewatch: rewatch)
    }

    static func perform(_ global: Globals, film: String, day: String, rewatch: Bool) throws {
        let result = try global.open().watch(film, on: DayChoice(parsing: day), markedRewatch: rewatch)
        Terminal.out("Watched \(result.film.displayTitle) \(result.viewing.watchedOn.onDay)" + (result.viewing.rewatch ? " (rewatch)" : ""))
    }
}

struct UnwatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unwatch",
        abstract: "Remove the latest viewing of a film, the one on a given day, or all of them.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// Remove every viewing.
    @Flag(help: "Remove every viewing of the film.") var all = false
    /// Remove the viewing on this day.
    @Option(name: .customLong("on"), help: ArgumentHelp("Remove the viewing on this day (YYYY-MM-DD or unknown) instead of the latest.", valueName: "date"))
    var day: String?

    func validate() throws {
        if all && day != nil { throw ValidationError("Use --all or --on, not both.") }
    }

    func selection() throws -> ViewingSelection {
        guard let day else { return all ? .all : .latest }
        switch try DayChoice(parsing: day) {
        case .day(let date): return .on(date)
        case .unknown: return .on(nil)
        case .today, .yesterday: throw ValidationError("--on takes YYYY-MM-DD or unknown.")
        }
    }

    func run() throws {
        let result = try global.open().unwatch(target.film, selection())
        if result.removed.count == 1 {
            Terminal.out("Removed the viewing of \(result.film.displayTitle) \(result.removed[0].watchedOn.onDay)")
        } else {
            Terminal.out("Removed \(result.removed.count) viewings of \(result.film.displayTitle)")
        }
    }
}
