import ArgumentParser
import WatchlistCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything about one film: description, fact, viewings, rating and notes.")

    @OptionGroup var global: GlobalOptions
    /// The film.
    @Argument(help: "The film: an id, a title, 'Title (Year)' or part of a title.", completion: FilmCompletion.kind) var film: String
    /// Print JSON instead of text.
    @Flag(help: "Print one JSON object, shaped like a film of the JSON export.") var json = false

    func run() throws {
        let detail = try global.open().show(film)
        if json { return Terminal.json(JSONDocument.film(detail)) }
        var lines = ["\(detail.film.displayTitle)  [id \(detail.film.id!)]"]
        if !detail.collections.isEmpty { lines.append("Collections: " + detail.collections.joined(separator: ", ")) }
        if !detail.film.description.isEmpty { lines += ["", detail.film.description] }
        if !detail.film.fact.isEmpty { lines += ["", "Fact: " + detail.film.fact] }
        lines.append("")
        if let rating = detail.rating {
            lines.append("Rating: \(rating.value.starsText) (\(rating.value.decimal)), rated \(rating.ratedAt.prefix(10))")
        } else {
            lines.append("Rating: none")
        }
        lines.append("Tags: " + (detail.tags.isEmpty ? "none" : detail.tags.joined(separator: ", ")))
        if detail.viewings.isEmpty {
            lines.append("Viewings: none")
        } else {
            lines.append("Viewings (\(detail.viewings.count)):")
            for viewing in detail.viewings {
                lines.append("  " + (viewing.watchedOn ?? "unknown day") + (viewing.rewatch ? "  rewatch" : ""))
            }
        }
        if detail.notes.isEmpty {
            lines.append("Notes: none")
        } else {
            lines.append("Notes (\(detail.notes.count)):")
            for note in detail.notes {
                lines.append("  [\(note.id!)] \(note.createdAt.prefix(10))")
                lines += note.text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
            }
        }
        Terminal.out(lines.joined(separator: "\n"))
    }
}
