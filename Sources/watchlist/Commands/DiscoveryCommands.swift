import ArgumentParser
import WatchlistCore

struct StatsCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Your diary in numbers: progress, viewings, hours, directors, genres, countries, ratings, rewatches.",
        discussion: """
            The text fits two screens (70 lines): the built-in collection and the most recently active \
            ones, the last years, the top directors, genres and countries, each part saying what it left \
            out. --all shows everything; --json holds everything.
            """)

    @OptionGroup var global: GlobalOptions
    /// Only this collection's films.
    @Option(help: ArgumentHelp("Only this collection's films.", valueName: "slug")) var collection: String?
    /// The year in review.
    @Option(help: ArgumentHelp("The year in review: hours, directors, genres, countries of that year's viewings.", valueName: "YYYY"))
    var year: Int?
    /// Everything.
    @Flag(help: "Show every collection, year, director, genre and country, however many.") var all = false
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON document.") var json = false

    struct Request: Equatable {
        var collection: String?
        var year: Int?
        var all = false
        var json = false
    }

    func request() throws -> Request {
        if let year, !(1870...9999).contains(year) { throw ValidationError("\(year) is not a year to review (1870 to 9999).") }
        return Request(collection: collection, year: year, all: all, json: json)
    }

    static func perform(_ request: Request, _ context: Context) throws -> Stats {
        try context.watchlist().stats(collection: request.collection, year: request.year)
    }

    static func render(_ stats: Stats, for request: Request, _ context: Context) throws {
        if request.json { return Terminal.json(JSONOutput.stats(stats)) }
        let text = StatsText(width: context.width, all: request.all, glyphs: context.glyphs)
        Terminal.out(request.year == nil ? text.render(stats) : text.review(stats.review))
    }
}

struct SearchCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, descriptions, facts, notes, tags and directors; best matches first.",
        discussion: """
            Every word must match (the last one also as the start of a word); case and accents are ignored. \
            The first \(SearchCommand.shownByDefault) matches are shown, and how many more there are; \
            --limit N shows N, --all every one. --json prints every match unless --limit is given.
            """)

    /// How many matches the text shows unless told.
    static let shownByDefault = 20

    @OptionGroup var global: GlobalOptions
    /// The words.
    @Argument(help: "The words to look for, such as: arctic survival.") var words: [String]
    /// How many.
    @Option(help: ArgumentHelp("Show at most this many matches (default: \(SearchCommand.shownByDefault); with --json, all).", valueName: "N"))
    var limit: Int?
    /// Every match.
    @Flag(help: "Show every match.") var all = false
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON array of matches.") var json = false

    struct Request: Equatable {
        var text: String
        /// nil: every match.
        var limit: Int?
        var json = false
    }

    func request() throws -> Request {
        if all && limit != nil { throw ValidationError("Use --all or --limit, not both.") }
        if let limit, limit < 1 { throw ValidationError("--limit takes a number of matches, 1 or more.") }
        return Request(text: words.joined(separator: " "), limit: all ? nil : limit ?? (json ? nil : SearchCommand.shownByDefault), json: json)
    }

    static func perform(_ request: Request, _ context: Context) throws -> SearchResults {
        let highlight = !request.json && context.colors
        return try context.watchlist().search(request.text, open: highlight ? Style.highlightMarker : "", close: highlight ? Style.endMarker : "",
                                              ellipsis: request.json ? "…" : context.glyphs.ellipsis, limit: request.limit)
    }

    static func render(_ results: SearchResults, for request: Request, _ context: Context) throws {
        if request.json { return Terminal.json(JSONOutput.searchHits(results.hits)) }
        guard !results.hits.isEmpty else {
            Terminal.note("Nothing matches '\(request.text)'.")
            throw ExitCode(ExitStatus.notFound)
        }
        Terminal.out(Listings.searchHits(results.hits))
        if results.leftOut > 0 {
            Terminal.note("Showing \(results.hits.count) of \(plural(results.total, "match", "matches")): --limit N shows more, --all every one.")
        }
    }
}

struct NextCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Suggest an unwatched film, at random; --seed makes the choice reproducible.")

    @OptionGroup var global: GlobalOptions
    /// Only this collection's films.
    @Option(help: ArgumentHelp("Choose from this collection's films.", valueName: "slug")) var collection: String?
    /// The seed.
    @Option(help: "Choose the same film for the same number (on the same database).") var seed: UInt64?

    struct Request: Equatable {
        var collection: String?
        var seed: UInt64?
    }

    func request() -> Request { Request(collection: collection, seed: seed) }

    static func perform(_ request: Request, _ context: Context) throws -> Suggestion {
        try context.watchlist().next(collection: request.collection, seed: request.seed)
    }

    static func render(_ suggestion: Suggestion, for request: Request, _ context: Context) throws {
        Terminal.out(FilmText.suggestion(suggestion))
    }
}
