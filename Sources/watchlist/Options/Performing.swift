import ArgumentParser
import WatchlistCore

/// The one shape of every command:
///
/// - `request()` turns the arguments into a typed request: the values the core takes (a
///   `StarRating`, a `DayChoice`, `Tag`s, a `FilmListQuery`), never the text as typed, so that
///   a bad value fails before the database is opened;
/// - `perform` runs the request and returns what happened;
/// - `render` writes that for people (text fitted to the terminal) or, with `--json`, for scripts.
///
/// `FastCommand` builds the same requests from the same words and calls the same `execute`.
protocol Performing: ParsableCommand {
    associatedtype Request
    associatedtype Outcome
    var global: GlobalOptions { get }
    func request() throws -> Request
    static func perform(_ request: Request, _ context: Context) throws -> Outcome
    static func render(_ outcome: Outcome, for request: Request, _ context: Context) throws
    /// For long work that Ctrl-C or SIGTERM may stop (import, export, db check, backup, restore,
    /// undo): what an interruption leaves undone ("nothing was imported"). Nil: the signals keep
    /// their default action (every change is one transaction).
    static func interrupted(_ request: Request) -> String?
}

extension Performing {
    func run() throws {
        try Self.execute(request(), Context(global.values))
    }

    static func interrupted(_ request: Request) -> String? { nil }

    /// The one way every command runs: perform (inside `Interruption.during` for long work),
    /// then render.
    static func execute(_ request: Request, _ context: Context) throws {
        let outcome = try interrupted(request).map { undone in try Interruption.during(outcome: undone) { try perform(request, context) } }
            ?? perform(request, context)
        try render(outcome, for: request, context)
    }
}

/// What a command runs with: the global options, the database opened on first use, and how
/// to write for people.
final class Context {
    let globals: Globals
    private var opened: Watchlist?

    init(_ globals: Globals) {
        self.globals = globals
    }

    /// The database (opened once).
    func watchlist(schemaCheck: SchemaCheckMode = .enforce) throws -> Watchlist {
        if let opened { return opened }
        let watchlist = try globals.open(schemaCheck: schemaCheck)
        opened = watchlist
        return watchlist
    }

    /// Whether stdout gets colour and emphasis.
    var colors: Bool { globals.colors }
    /// The width to fit lines to, when stdout is a terminal or COLUMNS is set.
    var width: Int? { Terminal.width }
    var glyphs: Glyphs { Glyphs.current }
}

/// The outcome of a command whose output is its work's own (an export on stdout) or that
/// prints nothing more.
struct Done {}
