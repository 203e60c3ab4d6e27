import Foundation

/// Where FilmQuery looks films up; Store provides it inside a transaction.
public protocol FilmLookup {
    /// The film this device shows as `number`.
    func film(number: Int64) throws -> Film?
    func films(titleKey: String) throws -> [Film]
    /// Films with a title whose folded form has a word starting with `fragment`.
    func films(titleKeyContaining fragment: String, limit: Int) throws -> [Film]
    func allFilms() throws -> [Film]
}

/// Turns what a person types for a <film> into one film: its number on this device, the id
/// `list` shows ("3"); a title, ignoring
/// case, accents and a leading article ("the ascent"); a title with its year
/// ("The Star (2002)"); or a part of a title that only one film has ("red tent"): at least
/// two characters, at least one a letter, matching from the start of a word of the title.
/// A number is an id only when it is all digits: "#3", "-1" or "3." name no film.
public enum FilmQuery {
    /// How many candidates an ambiguity message lists.
    static let candidateLimit = 10
    /// The longest reference accepted.
    public static let maximumLength = TextLimit.reference.maximum

    public static func resolve(_ reference: String, in films: some FilmLookup) throws -> Film {
        let text = InputText.normalized(reference.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !text.isEmpty else {
            throw WatchlistError.invalidArgument("The film reference is empty. Name a film by id, by title, or by title and year, such as 'The Ascent (1977)'.")
        }
        guard TextLimit.reference.allows(text) else {
            throw WatchlistError.textTooLong(what: "film reference", length: TextLimit.length(text), limit: maximumLength)
        }
        // An id first; digits that are no film's id are read as (part of) a title: "1917".
        if text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int64(text), let film = try films.film(number: number) {
            return film
        }
        // "#3" is no id (ids are digits alone) and no title: the film 3 is suggested, by its id.
        if text.hasPrefix("#"), text.count > 1, text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
            let film = try Int64(text.dropFirst()).flatMap { try films.film(number: $0) }
            throw WatchlistError.filmNotFound(query: reference, suggestions: film.map { ["\($0.number) (\($0.displayTitle))"] } ?? [])
        }
        if let (title, year) = splitYear(text) {
            let key = TitleKey.fold(title)
            let matches = try films.films(titleKey: key).filter { $0.year == year }
            if let only = matches.first, matches.count == 1 { return only }
            if matches.count > 1 { throw ambiguity(reference, matches) }
            throw WatchlistError.filmNotFound(query: reference, suggestions: try suggestions(for: key, in: films))
        }
        let key = TitleKey.fold(text)
        guard !key.isEmpty else {
            throw WatchlistError.filmNotFound(query: reference, suggestions: [])
        }
        let exact = try films.films(titleKey: key)
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { throw ambiguity(reference, exact) }
        if isTitlePart(key) {
            let partial = try films.films(titleKeyContaining: key, limit: candidateLimit + 1)
            if partial.count == 1 { return partial[0] }
            if partial.count > 1 { throw ambiguity(reference, partial) }
        }
        throw WatchlistError.filmNotFound(query: reference, suggestions: try suggestions(for: key, in: films))
    }

    /// Whether a folded reference may name a film by a part of its title: two characters or
    /// more, one of them a letter.
    static func isTitlePart(_ key: String) -> Bool {
        key.count >= 2 && key.contains(where: \.isLetter)
    }

    /// "The Star (2002)" → ("The Star", 2002).
    static func splitYear(_ text: String) -> (String, Int)? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard inside.count == 4, inside.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(inside) else { return nil }
        let title = text[..<open].trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : (title, year)
    }

    static func ambiguity(_ reference: String, _ films: [Film]) -> WatchlistError {
        var lines = films.prefix(candidateLimit).map { "\($0.number)  \($0.displayTitle)" }
        if films.count > candidateLimit { lines.append("… and more: type more of the title") }
        return .ambiguousFilm(query: reference, candidates: lines)
    }

    /// Up to three titles close to `key`: the fewest edits to turn it into a part of the title.
    static func suggestions(for key: String, in films: some FilmLookup) throws -> [String] {
        let query = Array(key.unicodeScalars)
        guard !query.isEmpty else { return [] }
        // An edit for every three characters: a short reference is suggested only the titles
        // that hold it as it is.
        let allowed = query.count / 3
        var scored: [(distance: Int, film: Film)] = []
        for film in try films.allFilms() {
            let distance = substringEditDistance(query, Array(film.titleKey.unicodeScalars))
            if distance <= allowed { scored.append((distance, film)) }
        }
        return scored.sorted { ($0.distance, $0.film.number) < ($1.distance, $1.film.number) }
            .prefix(3).map(\.film.displayTitle)
    }

    /// The fewest insertions, deletions and substitutions that turn `pattern` into some
    /// substring of `text` (Sellers' algorithm).
    static func substringEditDistance(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Int {
        var previous = Array(0...pattern.count)
        var best = previous[pattern.count]
        var current = previous
        for character in text {
            current[0] = 0
            for index in 1...pattern.count {
                let substitution = previous[index - 1] + (pattern[index - 1] == character ? 0 : 1)
                current[index] = min(substitution, previous[index] + 1, current[index - 1] + 1)
            }
            best = min(best, current[pattern.count])
            swap(&previous, &current)
        }
        return best
    }
}
