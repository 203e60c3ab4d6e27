import ArgumentParser
import WatchlistCore

extension FilmSort: ExpressibleByArgument {}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the films: id, title, year, times watched and the last day, rating, notes.")

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
    @Option(help: "Order by id (collection order), title, year, rating (highest first) or watched (latest first).")
    var sort: FilmSort = .id
    /// Reverse the order.
    @Flag(help: "Reverse the order.") var reverse = false
    /// Only films with this tag.
    @Option(help: "Only films with this tag.") var tag: String?
    /// Only this collection's films.
    @Option(help: ArgumentHelp("Only this collection's films, in its order.", valueName: "slug")) var collection: String?
    /// Print JSON instead of a table.
    @Flag(help: "Print one JSON array of film summaries.") var json = false

    func validate() throws {
        if watched && unwatched { throw ValidationError("Use --watched or --unwatched, not both.") }
        if rated && unrated { throw ValidationError("Use --rated or --unrated, not both.") }
    }

    func run() throws {
        let query = FilmListQuery(watched: watched ? true : unwatched ? false : nil,
                                  rated: rated ? true : unrated ? false : nil,
                                  tag: tag, collection: collection, sort: sort, reverse: reverse)
        let watchlist = try global.open()
        let films = try watchlist.list(query)
        if json { return Terminal.json(JSONDocument.summaries(films)) }
        if films.isEmpty {
            Terminal.note("No films match.")
        } else {
            Terminal.out(FilmTable.render(films, global: global))
        }
        if collection == nil {
            Terminal.out("\n" + (try watchlist.collections().map(Progress.line).joined(separator: "\n")))
        }
    }
}

/// The table of films that list and collection show print.
enum FilmTable {
    /// Fitted to the terminal's width: long titles are shortened with ….
    static func render(_ films: [FilmSummary], global: GlobalOptions) -> String {
        var table = Table(columns: [("ID", .right), ("Title", .left), ("Year", .right), ("Seen", .right),
                                    ("Last watched", .left), ("Rating", .left), ("Notes", .right), ("Tags", .left)],
                          shrinkable: 1)
        for summary in films {
            table.rows.append([
                String(summary.film.id!), summary.film.title, summary.film.year.map(String.init) ?? "-",
                summary.viewingCount == 0 ? "-" : "\(summary.viewingCount)×",
                summary.lastWatched ?? (summary.viewingCount > 0 ? "unknown day" : "-"),
                summary.rating?.starsText ?? "-",
                summary.noteCount == 0 ? "-" : String(summary.noteCount),
                summary.tags.joined(separator: ", "),
            ])
        }
        return table.render(maxWidth: Terminal.width, bold: global.colors)
    }
}
