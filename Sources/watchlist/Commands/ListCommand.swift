import ArgumentParser
import Foundation
import WatchlistCore

extension FilmSort: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the films: id, title, year, times watched and the last day, rating, notes, tags.")

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

    var query: FilmListQuery {
        FilmListQuery(watched: watched ? true : unwatched ? false : nil, rated: rated ? true : unrated ? false : nil,
                      tag: tag, collection: collection, sort: sort, reverse: reverse)
    }

    func run() throws {
        try ListCommand.perform(global.values, query: query, json: json)
    }

    static func perform(_ global: Globals, query: FilmListQuery, json: Bool) throws {
        let watchlist = try global.open()
        if json {
            var lines = try JSONOutput.summaryLines(to: TextOutput(descriptor: STDOUT_FILENO, name: "standard output"))
            try watchlist.forEachFilm(query) { try lines.add($0) }
            return try lines.finish()
        }
        let films = try watchlist.list(query)
        if films.isEmpty { Terminal.note("No films match.") } else {
            Terminal.out(FilmTable.render(films, maxWidth: Terminal.width, bold: global.colors))
        }
        if query.collection == nil { Terminal.out("\n" + (try watchlist.collections().map(ProgressLine.render).joined(separator: "\n"))) }
    }
}
