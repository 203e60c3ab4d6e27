import ArgumentParser
import WatchlistCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything about one film: description, fact, viewings, rating, tags and notes.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON object, shaped like a film of the JSON export.") var json = false

    func run() throws {
        try ShowCommand.perform(global.values, film: target.film, json: json)
    }

    static func perform(_ global: Globals, film: String, json: Bool) throws {
        let detail = try global.open().show(film)
        if json { return Terminal.json(JSONOutput.film(detail)) }
        Terminal.out(FilmText.render(detail))
    }
}
