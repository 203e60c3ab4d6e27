/// The ids other services give a film: IMDb's title id (`tt0076064`), Letterboxd's film link
/// (`https://boxd.it/2aHi`), TMDB's id (`42`), Trakt's id (`1390`). Files that carry them let
/// an import know a film for certain instead of by its title.
public struct FilmIdentifiers: Hashable, Sendable {
    public var imdb: String?
    public var letterboxd: String?
    public var tmdb: Int64?
    public var trakt: Int64?

    public init(imdb: String? = nil, letterboxd: String? = nil, tmdb: Int64? = nil, trakt: Int64? = nil) {
        (self.imdb, self.letterboxd, self.tmdb, self.trakt) = (imdb, letterboxd, tmdb, trakt)
    }

    public var isEmpty: Bool { imdb == nil && letterboxd == nil && tmdb == nil && trakt == nil }

    /// The ids as (kind, value) pairs, in a fixed order: what the database stores.
    public var pairs: [(kind: String, value: String)] {
        var pairs: [(kind: String, value: String)] = []
        if let imdb { pairs.append(("imdb", imdb)) }
        if let letterboxd { pairs.append(("letterboxd", letterboxd)) }
        if let tmdb { pairs.append(("tmdb", String(tmdb))) }
        if let trakt { pairs.append(("trakt", String(trakt))) }
        return pairs
    }

    /// Sets the id of `kind` from its stored text; an unknown kind or a bad value is ignored.
    public mutating func set(kind: String, value: String) {
        switch kind {
        case "imdb": imdb = value
        case "letterboxd": letterboxd = value
        case "tmdb": tmdb = Int64(value)
        case "trakt": trakt = Int64(value)
        default: break
        }
    }

    /// Whether the two name different films: a kind both have, with values that differ.
    /// Letterboxd links compare only in the same form (two short links, or two film pages).
    public func conflicts(with other: FilmIdentifiers) -> Bool {
        if let a = imdb, let b = other.imdb, a != b { return true }
        if let a = tmdb, let b = other.tmdb, a != b { return true }
        if let a = trakt, let b = other.trakt, a != b { return true }
        if let a = letterboxd, let b = other.letterboxd, a != b,
           FilmIdentifiers.isShortLink(a) == FilmIdentifiers.isShortLink(b) { return true }
        return false
    }

    /// Forgets the id of `kind`.
    public mutating func remove(kind: String) {
        switch kind {
        case "imdb": imdb = nil
        case "letterboxd": letterboxd = nil
        case "tmdb": tmdb = nil
        case "trakt": trakt = nil
        default: break
        }
    }

    /// Fills the kinds this lacks from `other`.
    public mutating func merge(_ other: FilmIdentifiers) {
        imdb = imdb ?? other.imdb
        letterboxd = letterboxd ?? other.letterboxd
        tmdb = tmdb ?? other.tmdb
        trakt = trakt ?? other.trakt
    }

    // MARK: Reading ids from files

    /// `tt0076064` from a Const cell or an IMDb title URL (`https://www.imdb.com/title/tt0076064/`);
    /// nil for anything else.
    public static func imdb(parsing text: String) -> String? {
        var candidate = Substring(text.trimmingSpaces)
        if let range = candidate.range(of: "/title/") {
            candidate = candidate[range.upperBound...].prefix { $0 != "/" && $0 != "?" }
        }
        guard candidate.count >= 3, candidate.count <= 20, candidate.hasPrefix("tt"),
              candidate.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(candidate)
    }

    /// A Letterboxd film link, in one form: `https://boxd.it/2aHi` (what exports carry) or
    /// `https://letterboxd.com/film/stalker/`; nil for anything else, an entry's link included
    /// (`https://letterboxd.com/someone/film/stalker/`).
    public static func letterboxd(parsing text: String) -> String? {
        var link = text.trimmingSpaces
        guard !link.isEmpty, link.utf8.count <= 200, link.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        if link.hasPrefix("http://") { link = "https://" + link.dropFirst(7) }
        if !link.hasPrefix("https://") { link = "https://" + link }
        if let query = link.firstIndex(where: { $0 == "?" || $0 == "#" }) { link = String(link[..<query]) }
        let rest = link.dropFirst("https://".count)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true)
        guard let host = parts.first?.lowercased() else { return nil }
        let parsed: String
        switch host {
        case "boxd.it":
            guard parts.count == 2, parts[1].allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            parsed = "https://boxd.it/" + parts[1]
        case "letterboxd.com", "www.letterboxd.com":
            guard parts.count == 3, parts[1] == "film", !parts[2].isEmpty else { return nil }
            parsed = "https://letterboxd.com/film/" + parts[2].lowercased() + "/"
        default:
            return nil
        }
        // The link as stored is within the limit the schema holds, whatever was written.
        return TextLimit.identifier.allows(parsed) ? parsed : nil
    }

    /// The film a Letterboxd entry's link names: `https://letterboxd.com/<user>/film/<slug>/`,
    /// with or without the entry's number after it, is the film `https://letterboxd.com/film/<slug>/`.
    /// The entry's own link is never taken as a film's id. Nil for anything else.
    public static func letterboxd(entry text: String) -> String? {
        // Most links are short ones (boxd.it): those are refused before any work.
        guard text.utf8.count > 24, text.lowercased().utf8.containsSequence("letterboxd.com/".utf8) else { return nil }
        let link = text.trimmingSpaces
        // Bytes, not characters: a diary of a million rows asks this a million times.
        guard !link.isEmpty, link.utf8.count <= 300, link.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        var rest = Substring(link)
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == 4 || parts.count == 5, ["letterboxd.com", "www.letterboxd.com"].contains(parts[0].lowercased()),
              parts[1] != "film", parts[2] == "film", !parts[3].isEmpty,
              parts.count == 4 || parts[4].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return letterboxd(parsing: "https://letterboxd.com/film/" + parts[3] + "/")
    }

    /// Trakt's id: a positive whole number.
    public static func trakt(parsing value: Int64?) -> Int64? {
        guard let value, value > 0 else { return nil }
        return value
    }

    /// TMDB's id: a positive whole number.
    public static func tmdb(parsing text: String) -> Int64? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.count <= 12, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }),
              let id = Int64(trimmed), id > 0 else { return nil }
        return id
    }

    static func isShortLink(_ link: String) -> Bool { link.hasPrefix("https://boxd.it/") }
}

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in these bytes.
    func containsSequence(_ needle: some Collection<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].starts(with: needle) { return true }
            index = self.index(after: found)
        }
        return false
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
