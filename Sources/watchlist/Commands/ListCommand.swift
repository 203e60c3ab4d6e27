import ArgumentParser
import Foundation
import WatchlistCore

extension FilmSort: ExpressibleByArgument {}

struct ListCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the films: id, title, year, times watched and the last day, rating, notes, tags.",
        discussion: """
            The table fits the terminal: long titles and tags are shortened first, and when that is \
            not enough the Tags, Notes, Last watched and Seen columns are left out, in that order. \
            --json prints every film whatever the width.
            """)

    @OptionGroup var global: GlobalOptions
    /// Only films with at least one viewing.
    @Flag(help: "Only films you have watched.") var watched = false
    /// Only films with no viewing.
    @Flag(help: "Only films you have not watched.") var unwatched = false
    /// Only rated films.
    @Flag(help: "Only films you have rated.") var rated = false
    /// Only unrated films.
    @Flag(help: "Only films you have not rated.") var unrated = false
    /// The order of the list.
    @Option(help: "Order by id (collection order), title, year, rating (highest first), watched (latest first) or runtime (shortest first).")
    var sort: FilmSort = .id
    /// Reverse the order.
    @Flag(help: "Reverse the order.") var reverse = false
    /// Only films with this tag.
    @Option(help: "Only films with this tag.") var tag: String?
    /// Only this collection's films.
    @Option(help: ArgumentHelp("Only this collection's films, in its order.", valueName: "slug")) var collection: String?
    /// Only films by this director (a word of the name: "shepitko").
    @Option(help: ArgumentHelp("Only films one of whose directors has a word starting with this (\"shepitko\").", valueName: "name"))
    var director: String?
    @Option(help: ArgumentHelp("Only films of this genre (\"drama\", \"sci\").", valueName: "genre")) var genre: String?
    @Option(help: ArgumentHelp("Only films from this country.", valueName: "country")) var country: String?
    @Option(help: ArgumentHelp("Only films that came out in this decade (1970s).", valueName: "decade")) var decade: String?
    @Option(name: .customLong("max-runtime"),
            help: ArgumentHelp("Only films known to run at most this long (100, 1h40); films of unknown runtime are left out.", valueName: "minutes"))
    var maxRuntime: String?
    /// Print JSON instead of a table.
    @Flag(help: "Print one JSON array of film summaries.") var json = false

    struct Request: Equatable {
        var query = FilmListQuery()
        var json = false
    }

    func request() throws -> Request {
        Request(query: try FilmListQuery.parsing(watched: watched, unwatched: unwatched, rated: rated, unrated: unrated, tag: tag,
                                                 collection: collection, sort: sort, reverse: reverse, director: director, genre: genre,
                                                 country: country, decade: decade, maxRuntime: maxRuntime),
                json: json)
    }

    /// The films, read as they are written (`--json` streams them, whatever their number), and
    /// the collections' progress under a list of every film.
    struct Listing {
        let forEach: (_ body: (FilmSummary) throws -> Void) throws -> Void
        let progress: (() throws -> [CollectionProgress])?
    }

    static func perform(_ request: Request, _ context: Context) throws -> Listing {
        let watchlist = try context.watchlist()
        return Listing(forEach: { try watchlist.forEachFilm(request.query, $0) },
                       progress: request.query.collection == nil ? { try watchlist.summary().collections } : nil)
    }

    static func render(_ listing: Listing, for request: Request, _ context: Context) throws {
        if request.json {
            var lines = try JSONOutput.summaryLines(to: TextOutput(descriptor: STDOUT_FILENO, name: "standard output"))
            try listing.forEach { try lines.add($0) }
            return try lines.finish()
        }
        var films: [FilmSummary] = []
        try listing.forEach { films.append($0) }
        if films.isEmpty { Terminal.note("No films match.") } else {
            Terminal.out(FilmTable.render(films, maxWidth: context.width, bold: context.colors))
        }
        if let progress = listing.progress {
            Terminal.out("\n" + SummaryText.progress(try progress(), limit: 5, width: context.width).joined(separator: "\n"))
        }
    }
}
