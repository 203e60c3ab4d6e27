import Foundation

extension Watchlist {
    /// The longest search accepted, in characters.
    public static let maximumSearchLength = TextLimit.search.maximum

    /// Full-text search over titles, descriptions, facts, notes and tags: every match, best first.
    public func search(_ text: String, open: String = "", close: String = "") throws -> [SearchHit] {
        try search(text, open: open, close: close, limit: nil).hits
    }

    /// Full-text search over titles, descriptions, facts, notes and tags, best first: the first
    /// `limit` matches (nil: all) and how many there are. Matches are wrapped in `open` and
    /// `close` in each hit's snippet, which starts or ends with `ellipsis` where it was cut.
    public func search(_ text: String, open: String = "", close: String = "", ellipsis: String = "…", limit: Int?) throws -> SearchResults {
        guard !text.contains("\0") else { throw WatchlistError.invalidText(what: "search", problem: "holds a NUL byte") }
        guard TextLimit.search.allows(text) else {
            throw WatchlistError.textTooLong(what: "search", length: TextLimit.length(text), limit: Watchlist.maximumSearchLength)
        }
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
        guard !words.isEmpty else {
            throw WatchlistError.invalidArgument("Search for one or more words, such as: watchlist search arctic.")
        }
        if let limit, limit < 0 { throw WatchlistError.invalidArgument("A limit is a number of matches, 0 or more; \(limit) is not.") }
        return try database.read { store in
            let hits = try store.search(words, open: open, close: close, ellipsis: ellipsis, limit: limit ?? -1)
            let total = limit.map { hits.count < $0 } ?? true ? hits.count : try store.searchCount(words)
            return SearchResults(hits: hits, total: total)
        }
    }

    /// The diary in numbers, over every film or one collection's.
    /// `year`: the year in review is of that year's viewings (the rest of the numbers stay of every year).
    public func stats(collection slug: String? = nil, year: Int? = nil) throws -> Stats {
        try database.read { store in
            try store.stats(collectionId: slug.map { try collectionId(slug: $0, in: store) }, year: year)
        }
    }

    /// An unwatched film, chosen at random; the same `seed` on the same database chooses the
    /// same film.
    public func next(collection slug: String? = nil, seed: UInt64? = nil) throws -> Suggestion {
        let unwatched = try list(FilmListQuery(watched: false, collection: slug))
        guard !unwatched.isEmpty else { throw WatchlistError.nothingToSuggest(collection: slug) }
        var generator: any RandomNumberGenerator = seed.map { SplitMix64(seed: $0) } ?? SystemRandomNumberGenerator()
        let index = Int.random(in: 0..<unwatched.count, using: &generator)
        return Suggestion(film: unwatched[index].film, choices: unwatched.count)
    }
}

/// A small, fast generator whose sequence depends only on its seed (Steele, Lea and Flood's
/// SplitMix64), so that `next --seed N` is reproducible on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
