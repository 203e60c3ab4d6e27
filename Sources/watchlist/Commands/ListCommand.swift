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

    func validate() throws {
        if watched && unwatched { throw ValidationError("Use --watched or --unwatched, not both.") }
        if rated && unrated { throw ValidationError("Use --rated or --unrated, not both.") }
    }

    func query() throws -> FilmListQuery {
        FilmListQuery(watched: watched ? true : unwatched ? false : nil, rated: rated ? true : unrated ? false : nil,
                      tag: tag, collection: collection, sort: sort, reverse: reverse,
                      director: try director.map { try InputText.metadataValue($0, field: .director) },
                      genre: try genre.map { try InputText.metadataValue($0, field: .genre) },
                      country: try country.map { try InputText.metadataValue($0, field: .country) },
                      decade: try decade.map(InputText.decade), maxRuntime: try maxRuntime.map(InputText.runtime))
    }

    func run() throws {
        try ListCommand.perform(global.values, query: try query(), json: json)
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
