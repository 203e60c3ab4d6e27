import ArgumentParser
import WatchlistCore

struct ShowCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything about one film: description, fact, viewings, rating, tags and notes.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON object, shaped like a film of the JSON export.") var json = false

    struct Request: Equatable {
        var film: String
        var json = false
    }

    func request() -> Request { Request(film: target.film, json: json) }

    static func perform(_ request: Request, _ context: Context) throws -> FilmDetail {
        try context.watchlist().show(request.film)
    }

    static func render(_ detail: FilmDetail, for request: Request, _ context: Context) throws {
        if request.json { return Terminal.json(JSONOutput.film(detail)) }
        Terminal.out(FilmText.render(detail))
    }
}
