import ArgumentParser
import Foundation
import WatchlistCore

/// The <film> argument of every command that takes one.
struct FilmArgument: ParsableArguments {
    /// The film.
    @Argument(help: "The film: an id, a title, 'Title (Year)' or part of a title.", completion: FilmCompletion.kind)
    var film: String
}

/// Completes a <film> argument with the titles in the user's database (the one `--db`, if it
/// is among the words typed so far, or the default names).
///
/// A title is data from a file: a candidate is written so that the shell reading it takes it
/// as one word and nothing else — quoted for bash (which inserts a candidate as it is: `$(…)`
/// in a title would otherwise run when the line is run), with `:` escaped for zsh's `_describe`,
/// as it is for fish (which quotes what it inserts) — and a title holding anything a terminal
/// acts on (an escape, a line break, a bidirectional override) is offered as its id instead.
/// The bash script itself is patched so that candidates never go through `compgen -W`, which
/// would expand them (`CompletionScript`).
enum FilmCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in titles(words: words, prefix: prefix) }

    static func titles(words: [String], prefix: String) -> [String] {
        var explicit: String?
        if let flag = words.firstIndex(of: "--db"), flag + 1 < words.count { explicit = words[flag + 1] }
        guard let path = try? DatabaseLocation.resolve(explicit: explicit, environment: Environment.locationVariables),
              let films = try? Watchlist.open(path: path).list() else { return [] }
        return candidates(films.map(\.film), typed: prefix, shell: CompletionShell.requesting)
    }

    /// The candidates for the films whose title starts with what was typed (as the shell passes
    /// it: with its quotes and backslashes), each written for `shell`.
    static func candidates(_ films: [Film], typed: String, shell: CompletionShell?) -> [String] {
        let prefix = unquoted(typed)
        let key = TitleKey.fold(prefix)
        var result: [String] = []
        for film in films {
            let title = film.title
            guard SafeText.visible(title, newlines: false) == title else {
                // Shown and inserted as its number: the number names the same film.
                if prefix.isEmpty || String(film.number).hasPrefix(prefix) { result.append(String(film.number)) }
                continue
            }
            guard key.isEmpty || TitleKey.fold(title).hasPrefix(key) || title.hasPrefix(prefix) else { continue }
            result.append(quoted(title, for: shell))
        }
        return result
    }

    /// A title as `shell` must read it to take it as one plain word.
    static func quoted(_ title: String, for shell: CompletionShell?) -> String {
        switch shell {
        case .bash?:
            var quoted = ""
            for character in title {
                if character.isASCII, !(character.isLetter || character.isNumber || "._+,:@%/=-".contains(character)) {
                    quoted.append("\\")
                }
                quoted.append(character)
            }
            return quoted
        case .zsh?:
            return title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        default:
            return title
        }
    }

    /// What was typed, without the shell's quoting: `The\ As` and `'The As` are `The As`.
    static func unquoted(_ typed: String) -> String {
        var result = ""
        var escaped = false
        for character in typed {
            if escaped { result.append(character); escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "'", "\"": continue
            default: result.append(character)
            }
        }
        return result
    }
}

/// The completion scripts, as ArgumentParser writes them, made safe: its bash script passes a
/// custom completion's candidates to `compgen -W`, which expands them as shell words (a
/// title `$(touch ~/pwned)` ran at TAB). Each such call is replaced by one that reads the
/// candidates, already quoted by `FilmCompletion`, line by line into COMPREPLY, expanding
/// nothing. zsh and fish take candidates as data already.
enum CompletionScript {
    static let unsafeCall = "__watchlist_add_completions -W \"$(__watchlist_custom_complete "
    static let safeCall = "__watchlist_add_custom_completions "
    static let safeFunction = """
        __watchlist_add_custom_completions() {
            local completion
            while IFS='' read -r completion; do
                [[ -n "${completion}" ]] && COMPREPLY+=("${completion}")
            done < <(__watchlist_custom_complete "${@}")
        }


        """

    /// The shell named by `--generate-completion-script SHELL` alone, or nil.
    static func request(_ arguments: [String]) -> String? {
        if arguments.count == 2, arguments[0] == "--generate-completion-script" { return arguments[1] }
        if arguments.count == 1, arguments[0].hasPrefix("--generate-completion-script=") {
            return String(arguments[0].dropFirst("--generate-completion-script=".count))
        }
        return nil
    }

    /// The script for `shell`, or nil when ArgumentParser knows no such shell.
    static func script(for name: String) -> String? {
        guard let shell = CompletionShell(rawValue: name) else { return nil }
        let script = WatchlistCommand.completionScript(for: shell)
        return shell == .bash ? patched(script) : script
    }

    static func patched(_ bash: String) -> String {
        var lines: [String] = []
        for line in bash.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.contains(unsafeCall), line.hasSuffix(")\")\"") else {
                lines.append(line)
                continue
            }
            // `… -W "$(__watchlist_custom_complete ARGS)"` becomes `__watchlist_add_custom_completions ARGS`.
            lines.append(String(line.replacingOccurrences(of: unsafeCall, with: safeCall).dropLast(2)))
        }
        let script = lines.joined(separator: "\n")
        guard let start = script.range(of: "__watchlist_custom_complete() {") else { return script }
        return script.replacingCharacters(in: start.lowerBound..<start.lowerBound, with: safeFunction)
    }
}
