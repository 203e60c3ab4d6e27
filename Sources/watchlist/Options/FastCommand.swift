import ArgumentParser
import WatchlistCore

/// The commands people type most (`watchlist`, `list`, `show`, `watch`, `rate`, `unrate`,
/// `note`, `tag`, `untag`), read without swift-argument-parser: its parsing reflects over
/// every property wrapper of the command, and the Swift runtime's first protocol-conformance
/// lookups that this sets off cost more than the command's own work (BENCHMARKS.md).
///
/// It reads a strict subset of what the parser reads — the global options before or after
/// the command's name, the command's own flags and options (`--name value` or
/// `--name=value`), and positionals — and gives up (nil) on anything else: help, completion,
/// an unknown or repeated option, an option value that starts with '-', `--`, a missing or
/// extra positional, a combination the command refuses. swift-argument-parser then parses the
/// same arguments and says what it always says. `FastCommandTests` checks that every command
/// line it reads means what the parser makes of it.
enum FastCommand: Equatable {
    case summary(Globals, WatchlistCommand.Request)
    case list(Globals, ListCommand.Request)
    case show(Globals, ShowCommand.Request)
    case watch(Globals, WatchCommand.Request)
    case rate(Globals, RateCommand.Request)
    case unrate(Globals, UnrateCommand.Request)
    case note(Globals, NoteCommand.Add.Request)
    case tag(Globals, TagCommand.Request)
    case untag(Globals, TagCommand.Request)

    /// The flags and options each command is read with here: the commands' own declarations
    /// say the same (FastCommandTests checks every name against them).
    static let names: [String: (command: ParsableCommand.Type, flags: Set<String>, options: Set<String>)] = [
        "list": (ListCommand.self, ["--watched", "--unwatched", "--rated", "--unrated", "--reverse", "--json"], ["--sort", "--tag", "--collection"]),
        "show": (ShowCommand.self, ["--json"], []),
        "watch": (WatchCommand.self, ["--rewatch"], ["--on"]),
        "rate": (RateCommand.self, [], []),
        "unrate": (UnrateCommand.self, [], []),
        "note": (NoteCommand.Add.self, [], []),
        "tag": (TagCommand.self, [], []),
        "untag": (UntagCommand.self, [], []),
    ]

    /// The words after a command's name, read with that command's flags and options.
    private static func words(_ name: String, _ rest: [String], globals: Globals, seen: Set<String>) -> Words? {
        guard let known = names[name] else { return nil }
        return Words(rest, globals: globals, seen: seen, flags: known.flags, options: known.options)
    }

    /// The command these arguments (without the program's name) mean, or nil; a value the
    /// command refuses (a rating that is none) throws, as it does through the parser.
    static func parse(_ arguments: [String]) throws -> FastCommand? {
        var globals = Globals()
        var seen = Set<String>()
        var index = 0
        var all = false
        // The global options before the command's name (and the summary's --all).
        while index < arguments.count, arguments[index].hasPrefix("-") {
            if arguments[index] == "--all", !all {
                all = true
                index += 1
                continue
            }
            guard let next = readGlobal(arguments, at: index, into: &globals, seen: &seen) else { return nil }
            index = next
        }
        guard index < arguments.count else { return .summary(globals, WatchlistCommand.Request(all: all)) }
        guard !all else { return nil }
        let name = arguments[index]
        var rest = Array(arguments[(index + 1)...])
        switch name {
        case "list":
            guard let words = words(name, rest, globals: globals, seen: seen), words.positionals.isEmpty else { return nil }
            let flags = words.flags
            if flags.contains("--watched") && flags.contains("--unwatched") || flags.contains("--rated") && flags.contains("--unrated") { return nil }
            var sort = FilmSort.id
            if let text = words.options["--sort"] {
                guard let chosen = FilmSort(rawValue: text) else { return nil }
                sort = chosen
            }
            let query = try FilmListQuery.parsing(watched: flags.contains("--watched"), unwatched: flags.contains("--unwatched"),
                                                  rated: flags.contains("--rated"), unrated: flags.contains("--unrated"),
                                                  tag: words.options["--tag"], collection: words.options["--collection"], sort: sort,
                                                  reverse: flags.contains("--reverse"))
            return .list(words.globals, ListCommand.Request(query: query, json: flags.contains("--json")))
        case "show":
            guard let words = words(name, rest, globals: globals, seen: seen), words.positionals.count == 1 else { return nil }
            return .show(words.globals, ShowCommand.Request(film: words.positionals[0], json: words.flags.contains("--json")))
        case "watch":
            guard let words = words(name, rest, globals: globals, seen: seen), words.positionals.count == 1 else { return nil }
            return .watch(words.globals, try WatchCommand.Request(film: words.positionals[0], day: words.options["--on"] ?? "today",
                                                                  rewatch: words.flags.contains("--rewatch")))
        case "rate":
            guard let words = words(name, rest, globals: globals, seen: seen), words.positionals.count == 2 else { return nil }
            return .rate(words.globals, try RateCommand.Request(film: words.positionals[0], rating: words.positionals[1]))
        case "unrate":
            guard let words = words(name, rest, globals: globals, seen: seen), words.positionals.count == 1 else { return nil }
            return .unrate(words.globals, UnrateCommand.Request(film: words.positionals[0]))
        case "note":
            // `note <film> <text>` and `note add <film> <text>`; the other subcommands, and a
            // film that shares their name, go to the parser.
            if rest.first == "add" { rest.removeFirst() } else if let first = rest.first, ["list", "edit", "delete"].contains(first) { return nil }
            guard let words = words(name, rest, globals: globals, seen: seen), words.positionals.count == 2 else { return nil }
            return .note(words.globals, try NoteCommand.Add.Request(film: words.positionals[0], text: words.positionals[1]))
        case "tag", "untag":
            guard let words = words(name, rest, globals: globals, seen: seen), words.positionals.count >= 2 else { return nil }
            let request = try TagCommand.Request(film: words.positionals[0], tags: Array(words.positionals.dropFirst()))
            return name == "tag" ? .tag(words.globals, request) : .untag(words.globals, request)
        default:
            return nil
        }
    }

    func run() throws {
        switch self {
        case let .summary(global, request): try WatchlistCommand.execute(request, Context(global))
        case let .list(global, request): try ListCommand.execute(request, Context(global))
        case let .show(global, request): try ShowCommand.execute(request, Context(global))
        case let .watch(global, request): try WatchCommand.execute(request, Context(global))
        case let .rate(global, request): try RateCommand.execute(request, Context(global))
        case let .unrate(global, request): try UnrateCommand.execute(request, Context(global))
        case let .note(global, request): try NoteCommand.Add.execute(request, Context(global))
        case let .tag(global, request): try TagCommand.execute(request, Context(global))
        case let .untag(global, request): try UntagCommand.execute(request, Context(global))
        }
    }

    /// Reads `--db` or `--color` at `index` into `globals`, once each; the index after it, or nil.
    fileprivate static func readGlobal(_ arguments: [String], at index: Int, into globals: inout Globals, seen: inout Set<String>) -> Int? {
        guard let (name, value, next) = option(arguments, at: index), ["--db", "--color"].contains(name), seen.insert(name).inserted else {
            return nil
        }
        if name == "--db" {
            globals.db = value
        } else {
            guard let color = ColorMode(rawValue: value) else { return nil }
            globals.color = color
        }
        return next
    }

    /// The option at `index` with its value (`--name value` or `--name=value`) and the index
    /// after it; nil when the value is missing, empty or starts with '-'.
    fileprivate static func option(_ arguments: [String], at index: Int) -> (name: String, value: String, next: Int)? {
        let word = arguments[index]
        if let equals = word.firstIndex(of: "=") {
            let value = String(word[word.index(after: equals)...])
            return value.isEmpty ? nil : (String(word[..<equals]), value, index + 1)
        }
        guard index + 1 < arguments.count, !arguments[index + 1].isEmpty, !arguments[index + 1].hasPrefix("-") else { return nil }
        return (word, arguments[index + 1], index + 2)
    }
}

/// A command's arguments, sorted into global options, the command's flags and options, and
/// positionals; nil for anything else.
private struct Words {
    var globals: Globals
    var seen: Set<String>
    var flags: Set<String> = []
    var options: [String: String] = [:]
    var positionals: [String] = []

    init?(_ arguments: [String], globals: Globals, seen: Set<String>, flags known: Set<String> = [], options knownOptions: Set<String> = []) {
        self.globals = globals
        self.seen = seen
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            guard word.hasPrefix("-"), word != "-" else {
                positionals.append(word)
                index += 1
                continue
            }
            if known.contains(word) {
                guard flags.insert(word).inserted else { return nil }
                index += 1
            } else if let (name, value, next) = FastCommand.option(arguments, at: index), knownOptions.contains(name) {
                guard options.updateValue(value, forKey: name) == nil else { return nil }
                index = next
            } else {
                guard let next = FastCommand.readGlobal(arguments, at: index, into: &self.globals, seen: &self.seen) else { return nil }
                index = next
            }
        }
    }
}
