import ArgumentParser
import WatchlistCore

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Tag a film: tags are lower case, without commas.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// The tags.
    @Argument(help: "One or more tags, such as arctic or \"seen in cinema\".") var tags: [String]

    func run() throws {
        try TagCommand.perform(global.values, film: target.film, tags: tags)
    }

    static func perform(_ global: Globals, film: String, tags: [String]) throws {
        let result = try global.open().tag(film, tags)
        var line = "Tagged \(result.film.displayTitle)"
        line += result.added.isEmpty ? ": it already had \(result.kept.joined(separator: ", "))" : " \(result.added.joined(separator: ", "))"
        if !result.added.isEmpty && !result.kept.isEmpty { line += " (already had \(result.kept.joined(separator: ", ")))" }
        Terminal.out(line)
    }
}

struct UntagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untag", abstract: "Remove tags from a film.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// The tags.
    @Argument(help: "One or more tags to remove.") var tags: [String]

    func run() throws {
        try UntagCommand.perform(global.values, film: target.film, tags: tags)
    }

    static func perform(_ global: Globals, film: String, tags: [String]) throws {
        let result = try global.open().untag(film, tags)
        var line = "Removed \(result.removed.joined(separator: ", ")) from \(result.film.displayTitle)"
        if !result.missing.isEmpty { line += " (it had no \(result.missing.joined(separator: ", ")))" }
        Terminal.out(line)
    }
}
