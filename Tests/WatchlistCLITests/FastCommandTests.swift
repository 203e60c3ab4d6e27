import ArgumentParser
import Testing
@testable import watchlist
import WatchlistCore

/// The fast path reads what swift-argument-parser reads: for every command line it accepts,
/// the parser makes the same command with the same values.
@Suite("the fast path for common commands")
struct FastCommandTests {
    static let accepted: [[String]] = [
        [], ["--db", "/x.sqlite"], ["--color", "never"], ["--db=/x.sqlite", "--color=always"],
        ["list"], ["list", "--json"], ["--db", "/x", "list", "--watched", "--sort", "rating", "--reverse"],
        ["list", "--db", "/x", "--unwatched", "--tag", "arctic", "--collection", "soviet-survival"],
        ["list", "--rated", "--sort=title", "--color", "never"], ["list", "--unrated", "--json", "--tag=war"],
        ["show", "ascent"], ["show", "The Star (2002)", "--json"], ["--db", "/x", "show", "--json", "3"],
        ["watch", "ascent"], ["watch", "ascent", "--on", "2024-01-01"], ["watch", "--rewatch", "red tent", "--on=unknown"],
        ["watch", "ascent", "--on", "yesterday", "--db", "/y"],
        ["rate", "ascent", "4.5"], ["rate", "ascent", "★★★★½"], ["rate", "--db", "/x", "3", "9/10"],
        ["unrate", "ascent"], ["note", "ascent", "Bleak."], ["note", "add", "ascent", "-"], ["note", "ascent", ""],
        ["tag", "ascent", "winter"], ["tag", "ascent", "winter", "seen in cinema"], ["untag", "ascent", "winter", "war"],
        ["show", ""], ["show", "-"],
    ]

    static let refused: [[String]] = [
        ["--help"], ["list", "--help"], ["-h"], ["list", "--watched", "--unwatched"], ["list", "--sort", "nonsense"],
        ["list", "extra"], ["show"], ["show", "a", "b"], ["show", "-1"], ["show", "--", "-1"], ["rate", "ascent"],
        ["watch", "ascent", "--on"], ["watch", "ascent", "--on", "--json"], ["list", "--json", "--json"],
        ["--db", "/x", "list", "--db", "/y"], ["note", "list"], ["note", "edit", "1", "x"], ["note", "ascent"],
        ["tag", "ascent"], ["stats"], ["--color", "purple", "list"], ["--generate-completion-script", "bash"],
        ["list", "--db="], ["--version"], ["history"],
    ]

    @Test("every accepted command line means what the parser makes of it", arguments: accepted)
    func sameMeaning(arguments: [String]) throws {
        let fast = try #require(FastCommand.parse(arguments), "the fast path reads \(arguments)")
        let parsed = try WatchlistCommand.parseAsRoot(arguments)
        #expect(FastCommandTests.meaning(of: parsed) == fast, "\(arguments)")
    }

    @Test("anything else is left to the parser", arguments: refused)
    func leftToTheParser(arguments: [String]) {
        #expect(FastCommand.parse(arguments) == nil, "\(arguments)")
    }

    /// The parser's command as a FastCommand.
    static func meaning(of command: ParsableCommand) -> FastCommand? {
        switch command {
        case let root as WatchlistCommand: .summary(root.global.values)
        case let list as ListCommand: .list(list.global.values, (try? list.query()) ?? FilmListQuery(), json: list.json)
        case let show as ShowCommand: .show(show.global.values, film: show.target.film, json: show.json)
        case let watch as WatchCommand: .watch(watch.global.values, film: watch.target.film, day: watch.day, rewatch: watch.rewatch)
        case let rate as RateCommand: .rate(rate.global.values, film: rate.target.film, rating: rate.rating)
        case let unrate as UnrateCommand: .unrate(unrate.global.values, film: unrate.target.film)
        case let note as NoteCommand.Add: .note(note.global.values, film: note.target.film, text: note.text)
        case let tag as TagCommand: .tag(tag.global.values, film: tag.target.film, tags: tag.tags)
        case let untag as UntagCommand: .untag(untag.global.values, film: untag.target.film, tags: untag.tags)
        default: nil
        }
    }
}
