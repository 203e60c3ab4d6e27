import ArgumentParser
import WatchlistCore

struct TagCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Tag a film: tags are lower case, without commas.",
        discussion: "Tagging a film with tags it has already changes nothing (exit 1).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// The tags.
    @Argument(help: "One or more tags, such as arctic or \"seen in cinema\".") var tags: [String]

    struct Request: Equatable {
        var film: String
        var tags: [Tag]

        /// `tag <film> <tag>...` as typed.
        init(film: String, tags: [String]) throws {
            (self.film, self.tags) = (film, try Tag.list(tags))
        }
    }

    func request() throws -> Request { try Request(film: target.film, tags: tags) }

    static func perform(_ request: Request, _ context: Context) throws -> TagResult {
        try context.watchlist().tag(request.film, request.tags)
    }

    static func render(_ result: TagResult, for request: Request, _ context: Context) throws {
        var line = "Tagged \(result.film.displayTitle) \(result.added.joined(separator: ", "))"
        if !result.kept.isEmpty { line += " (it had \(result.kept.joined(separator: ", ")) already)" }
        Terminal.out(line)
    }
}

struct UntagCommand: Performing {
    static let configuration = CommandConfiguration(commandName: "untag", abstract: "Remove tags from a film.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: FilmArgument
    /// The tags.
    @Argument(help: "One or more tags to remove.") var tags: [String]

    typealias Request = TagCommand.Request

    func request() throws -> Request { try Request(film: target.film, tags: tags) }

    static func perform(_ request: Request, _ context: Context) throws -> UntagResult {
        try context.watchlist().untag(request.film, request.tags)
    }

    static func render(_ result: UntagResult, for request: Request, _ context: Context) throws {
        var line = "Removed \(result.removed.joined(separator: ", ")) from \(result.film.displayTitle)"
        if !result.missing.isEmpty { line += " (it had no \(result.missing.joined(separator: ", ")))" }
        Terminal.out(line)
    }
}
