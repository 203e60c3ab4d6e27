import ArgumentParser
import Testing
@testable import watchlist
import Foundation
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

    @Test("every accepted command line means what the parser makes of it: the same request, or the same refusal", arguments: accepted)
    func sameMeaning(arguments: [String]) throws {
        let fast = Result { try FastCommand.parse(arguments) }
        let parsed = Result { try FastCommandTests.meaning(of: WatchlistCommand.parseAsRoot(arguments)) }
        switch (fast, parsed) {
        case let (.success(fast), .success(parsed)):
            #expect(fast != nil, "the fast path reads \(arguments)")
            #expect(fast == parsed, "\(arguments)")
        case let (.failure(fast), .failure(parsed)):
            #expect(fast.localizedDescription == parsed.localizedDescription, "\(arguments)")
        default:
            Issue.record("\(arguments): the fast path gives \(fast), the parser \(parsed)")
        }
    }

    @Test("anything else is left to the parser", arguments: refused)
    func leftToTheParser(arguments: [String]) throws {
        #expect(try FastCommand.parse(arguments) == nil, "\(arguments)")
    }

    @Test("a value the command refuses is refused by both paths alike", arguments: [
        ["rate", "ascent", "7"], ["watch", "ascent", "--on", "2026-02-30"], ["tag", "ascent", "a,b"], ["list", "--tag", " "],
    ])
    func sameRefusal(arguments: [String]) throws {
        #expect(throws: WatchlistError.self) { try FastCommand.parse(arguments) }
        let command = try WatchlistCommand.parseAsRoot(arguments)
        #expect(throws: WatchlistError.self) { try FastCommandTests.meaning(of: command) }
    }

    /// The parser's command as a FastCommand: the same request, built by the command.
    static func meaning(of command: ParsableCommand) throws -> FastCommand? {
        switch command {
        case let root as WatchlistCommand: .summary(root.global.values, root.request())
        case let list as ListCommand: .list(list.global.values, try list.request())
        case let show as ShowCommand: .show(show.global.values, show.request())
        case let watch as WatchCommand: .watch(watch.global.values, try watch.request())
        case let rate as RateCommand: .rate(rate.global.values, try rate.request())
        case let unrate as UnrateCommand: .unrate(unrate.global.values, unrate.request())
        case let note as NoteCommand.Add: .note(note.global.values, try note.request())
        case let tag as TagCommand: .tag(tag.global.values, try tag.request())
        case let untag as UntagCommand: .untag(untag.global.values, try untag.request())
        default: nil
        }
    }

    @Test("every flag and option the fast path reads is one its command declares")
    func namesAreTheCommandsOwn() {
        for (name, known) in FastCommand.names {
            let declared = Set(CommandWords.options(of: known.command))
            #expect(!declared.isEmpty, "\(name)")
            #expect(known.flags.union(known.options).isSubset(of: declared), "\(name): \(known.flags.union(known.options).subtracting(declared))")
            #expect(CommandWords.name(of: known.command) == (name == "note" ? "add" : name))
        }
    }
}
