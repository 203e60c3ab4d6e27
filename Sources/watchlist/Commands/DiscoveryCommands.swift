import ArgumentParser
import WatchlistCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Your diary in numbers: progress, viewings, hours, directors, genres, countries, ratings, rewatches.")

    @OptionGroup var global: GlobalOptions
    /// Only this collection's films.
    @Option(help: ArgumentHelp("Only this collection's films.", valueName: "slug")) var collection: String?
    /// The year in review.
    @Option(help: ArgumentHelp("The year in review: hours, directors, genres, countries of that year's viewings.", valueName: "YYYY"))
    var year: Int?
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON document.") var json = false

    func validate() throws {
        if let year, !(1870...9999).contains(year) { throw ValidationError("\(year) is not a year to review (1870 to 9999).") }
    }

    func run() throws {
        let stats = try global.open().stats(collection: collection, year: year)
        if json { return Terminal.json(JSONOutput.stats(stats)) }
        Terminal.out(year == nil ? StatsText.render(stats) : StatsText.review(stats.review))
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, descriptions, facts, notes, tags and directors; best matches first.",
        discussion: "Every word must match (the last one also as the start of a word); case and accents are ignored.")

    @OptionGroup var global: GlobalOptions
    /// The words.
    @Argument(help: "The words to look for, such as: arctic war.") var words: [String]
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON array of matches.") var json = false

    func run() throws {
        let highlight = !json && global.colors
        let hits = try global.open().search(words.joined(separator: " "), open: highlight ? Style.highlightMarker : "",
                                            close: highlight ? Style.endMarker : "")
        if json { return Terminal.json(JSONOutput.searchHits(hits)) }
        guard !hits.isEmpty else {
            Terminal.note("Nothing matches '\(words.joined(separator: " "))'.")
            throw ExitCode(ExitStatus.notFound)
        }
        Terminal.out(Listings.searchHits(hits))
    }
}

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Suggest an unwatched film, at random; --seed makes the choice reproducible.")

    @OptionGroup var global: GlobalOptions
    /// Only this collection's films.
    @Option(help: ArgumentHelp("Choose from this collection's films.", valueName: "slug")) var collection: String?
    /// The seed.
    @Option(help: "Choose the same film for the same number (on the same database).") var seed: UInt64?

    func run() throws {
        Terminal.out(FilmText.suggestion(try global.open().next(collection: collection, seed: seed)))
    }
}
