import ArgumentParser
import WatchlistCore

struct WatchCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Log a viewing of a film.",
        discussion: """
            A viewing after an earlier one is a rewatch. --rewatch marks a first logged viewing \
            as a rewatch: a film you saw before you kept this diary. The same command run twice \
            in one second logs one viewing (the second exits 1: nothing was changed).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// The day of the viewing.
    @Option(name: .customLong("on"), help: ArgumentHelp("The day: YYYY-MM-DD, today, yesterday or unknown.", valueName: "date"))
    var day: String = "today"
    /// Mark the viewing as a rewatch.
    @Flag(help: "Mark the viewing as a rewatch even if it is the first one logged.") var rewatch = false

    struct Request: Equatable {
        var film: String
        var day: DayChoice = .today
        var rewatch = false

        /// `watch <film> [--on <date>] [--rewatch]` as typed.
        init(film: String, day: String = "today", rewatch: Bool = false) throws {
            (self.film, self.day, self.rewatch) = (film, try DayChoice(parsing: day), rewatch)
        }
    }

    func request() throws -> Request { try Request(film: target.film, day: day, rewatch: rewatch) }

    static func perform(_ request: Request, _ context: Context) throws -> WatchResult {
        try context.watchlist().watch(request.film, on: request.day, markedRewatch: request.rewatch)
    }

    static func render(_ result: WatchResult, for request: Request, _ context: Context) throws {
        Terminal.out("Watched \(result.film.displayTitle) \(result.viewing.watchedOn.onDay)" + (result.viewing.rewatch ? " (rewatch)" : ""))
    }
}

struct UnwatchCommand: Performing {
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

    struct Request: Equatable {
        var film: String
        var selection: ViewingSelection
    }

    func request() throws -> Request {
        if all && day != nil { throw ValidationError("Use --all or --on, not both.") }
        guard let day else { return Request(film: target.film, selection: all ? .all : .latest) }
        switch try DayChoice(parsing: day) {
        case .day(let date): return Request(film: target.film, selection: .on(date))
        case .unknown: return Request(film: target.film, selection: .on(nil))
        case .today, .yesterday: throw ValidationError("--on takes YYYY-MM-DD or unknown.")
        }
    }

    static func perform(_ request: Request, _ context: Context) throws -> UnwatchResult {
        try context.watchlist().unwatch(request.film, request.selection)
    }

    static func render(_ result: UnwatchResult, for request: Request, _ context: Context) throws {
        if result.removed.count == 1 {
            Terminal.out("Removed the viewing of \(result.film.displayTitle) \(result.removed[0].watchedOn.onDay)")
        } else {
            Terminal.out("Removed \(result.removed.count) viewings of \(result.film.displayTitle)")
        }
    }
}
