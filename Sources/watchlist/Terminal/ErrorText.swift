import ArgumentParser
import Foundation
import WatchlistCore

/// Every error as one style on stderr — `watchlist: error: ` and the message, then a hint where
/// one helps — and its documented exit status: the core's errors (`WatchlistError`), and the
/// argument parser's, whose messages are rewritten into the same style, with "did you mean"
/// for a mistyped command or option.
enum ErrorText {
    static func exit(with error: Error, arguments: [String]) -> Never {
        if let error = error as? WatchlistError {
            if case .interrupted = error, Terminal.isTerminal(STDERR_FILENO) {
                // The terminal echoed ^C (and a progress bar may be on the line): start clean.
                FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
            }
            Terminal.error(error.localizedDescription + (error.hint.map { "\n" + $0 } ?? ""))
            Foundation.exit(error.exitStatus)
        }
        if let code = error as? ExitCode {
            // A command that said why already (search's "Nothing matches").
            Foundation.exit(code.rawValue)
        }
        let code = WatchlistCommand.exitCode(for: error)
        if code == .success {
            // Help is for people: fitted to the width like every other line. Anything else the
            // parser ends with (--version, a completion script) is printed by it as it is.
            let message = WatchlistCommand.fullMessage(for: error)
            guard message.hasPrefix("OVERVIEW:") || message.hasPrefix("USAGE:") else { WatchlistCommand.exit(withError: error) }
            Terminal.out(Glyphs.current.stored(HelpText.fitted(message, width: Terminal.width)))
            Foundation.exit(0)
        }
        let message = WatchlistCommand.fullMessage(for: error)
        if !message.isEmpty { Terminal.error(rewritten(message, arguments: arguments)) }
        Foundation.exit(code.rawValue)
    }

    /// The parser's message in the tool's style: without its "Error: ", with "did you mean",
    /// and its usage and help lines as the hint.
    static func rewritten(_ message: String, arguments: [String]) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { return message }
        var first = lines.removeFirst()
        if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
        let path = CommandWords.path(arguments)
        // A word under a group that reads it with its default command (`note lst`, `collection
        // lst`) failed: when it is near a subcommand's name, that is what was meant.
        if let (group, word) = path.underDefault, let suggestion = CommandWords.suggestCommand(word, under: group) {
            let meant = CommandWords.words(suggestion, under: group)
            return "Unknown command '\(word.oneLine)'. Did you mean '\(meant)'?\nUsage: watchlist \(meant) (see 'watchlist \(meant) --help')"
        }
        if let unknown = unknownOption(first) {
            first = "Unknown option '\(unknown)'."
            if let suggestion = CommandWords.suggestOption(unknown, for: path.command) { first += " Did you mean '\(suggestion)'?" }
        } else if let word = unexpectedWord(first), word == path.firstUnknownWord, let suggestion = CommandWords.suggestCommand(word, under: path.command) {
            first = "Unknown command '\(word)'. Did you mean '\(suggestion)'?"
        }
        let rest = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return ([first] + rest).joined(separator: "\n")
    }

    /// The option of "Unknown option '--date'" (with or without the parser's own suggestion).
    private static func unknownOption(_ line: String) -> String? {
        guard line.hasPrefix("Unknown option '") else { return nil }
        return line.dropFirst("Unknown option '".count).split(separator: "'", maxSplits: 1).first.map(String.init)
    }

    /// The first word of "Unexpected argument 'wach'" or "2 unexpected arguments: 'wach', 'ascent'".
    private static func unexpectedWord(_ line: String) -> String? {
        guard line.hasPrefix("Unexpected argument '") || line.contains("unexpected arguments: '") else { return nil }
        guard let start = line.firstIndex(of: "'") else { return nil }
        return line[line.index(after: start)...].split(separator: "'", maxSplits: 1).first.map(String.init)
    }
}

/// The commands and options the parser knows, for "did you mean".
enum CommandWords {
    /// Options that people type for one the tool names otherwise.
    static let synonyms: [String: String] = [
        "--date": "--on", "--day": "--on", "--when": "--on", "--watched-on": "--on",
        "--out": "--output", "--file": "--output", "--to": "--output",
        "--type": "--format", "--kind": "--format",
        "--stars": "--rating", "--limit-to": "--limit", "--max": "--limit", "--number": "--limit",
        "--yes": "--force", "--overwrite": "--force",
    ]

    /// The command the words name (the deepest subcommand typed), the first word that is no
    /// subcommand where one was expected, and the first word that is none under a group with a
    /// default subcommand (`note lst` reads as `note add lst`), with that group.
    static func path(_ arguments: [String]) -> (command: ParsableCommand.Type, firstUnknownWord: String?,
                                                underDefault: (group: ParsableCommand.Type, word: String)?) {
        var command: ParsableCommand.Type = WatchlistCommand.self
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--db" || word == "--color" { index += 2; continue }
            if word.hasPrefix("-") { index += 1; continue }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return (command, nil, nil) }
            guard let next = subcommands.first(where: { name(of: $0) == word }) else {
                if command.configuration.defaultSubcommand == nil { return (command, word, nil) }
                return (command, nil, (command, word))
            }
            command = next
            index += 1
        }
        return (command, nil, nil)
    }

    /// "note list", for a subcommand of a group: the words that name it.
    static func words(_ subcommand: String, under group: ParsableCommand.Type) -> String {
        group == WatchlistCommand.self ? subcommand : "\(name(of: group)) \(subcommand)"
    }

    static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? command._commandName
    }

    /// The subcommand of `command` nearest to `word`, if one is near enough.
    static func suggestCommand(_ word: String, under command: ParsableCommand.Type) -> String? {
        nearest(word, among: command.configuration.subcommands.map(name(of:)))
    }

    /// The option of `command` that `option` most likely meant: a synonym's, else the nearest.
    static func suggestOption(_ option: String, for command: ParsableCommand.Type) -> String? {
        let name = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? option
        let known = options(of: command)
        if let synonym = synonyms[name], known.contains(synonym) { return synonym }
        return nearest(name, among: known)
    }

    /// The long options `command` takes, from the parser's own description of it.
    static func options(of command: ParsableCommand.Type) -> [String] {
        guard let data = command._dumpHelp().data(using: .utf8),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let info = root["command"] as? [String: Any], let arguments = info["arguments"] as? [[String: Any]] else { return [] }
        var result: [String] = []
        for argument in arguments {
            for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                if let text = name["name"] as? String { result.append("--" + text) }
            }
        }
        return result
    }

    /// The candidate nearest to `word` by edit distance, if it is at most a third of the
    /// word's length (at least 1) away; the first of equals.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.trimmingCharacters(in: CharacterSet(charactersIn: "-")).count / 3)
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Levenshtein distance, with a swap of two neighbours counting one (Damerau's).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
