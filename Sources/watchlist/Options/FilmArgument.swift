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
enum FilmCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in titles(words: words, prefix: prefix) }

    static func titles(words: [String], prefix: String) -> [String] {
        var explicit: String?
        if let flag = words.firstIndex(of: "--db"), flag + 1 < words.count { explicit = words[flag + 1] }
        guard let path = try? DatabaseLocation.resolve(explicit: explicit, environment: Environment.locationVariables),
              let films = try? Watchlist.open(path: path).list() else { return [] }
        let key = TitleKey.fold(prefix)
        let titles = films.map(\.film.title).filter { key.isEmpty || TitleKey.fold($0).hasPrefix(key) || $0.hasPrefix(prefix) }
        // bash splits candidates on spaces; zsh and fish take them whole.
        return CompletionShell.requesting == .bash ? titles.map { $0.replacingOccurrences(of: " ", with: "\\ ") } : titles
    }
}
