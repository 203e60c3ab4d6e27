import Foundation

/// Trakt's JSON, as its API returns it and the backup tools people use save it (whatever the
/// files are named): arrays of items, each of a `type` and its `movie` (or show, season,
/// episode), told apart by what the items hold:
/// - ratings: `rated_at`, `rating` (1–10, halved to stars);
/// - watched: `plays`, `last_watched_at`;
/// - history: `watched_at`, `action` — one item a play;
/// - watchlist and a list's items: `listed_at`, `rank`, `notes` (a file named for the
///   watchlist is the watchlist, any other a list's items);
/// - lists: `name`, `description`, `ids` (`lists.json`), and a list with its items in one
///   object (`{"list": {…}, "items": […]}`).
/// Films only: shows, seasons and episodes are counted and skipped, as IMDb's series are.
enum TraktReader {
    typealias WholeNumber = WatchlistDocumentReader.WholeNumber

    /// A field's value when it is of the kind Trakt writes there; else nil, and the field's
    /// place and what it should hold are noted (`[3].movie.year is not a year…`), so that a file
    /// known to be Trakt's by its shape names its bad value instead of being taken for
    /// something else.
    struct Fields<Key: CodingKey> {
        let container: KeyedDecodingContainer<Key>
        var problems: [String] = []

        mutating func value<T: Decodable>(_ key: Key) -> T? {
            do {
                return try container.decodeIfPresent(T.self, forKey: key)
            } catch {
                problems.append("\(TraktReader.path(container.codingPath + [key])) is not \(TraktReader.expected(key.stringValue))")
                return nil
            }
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop(while: { $0 == "." }).description
    }

    static func expected(_ key: String) -> String {
        switch key {
        case "year": "a year, a whole number such as 1977"
        case "rating": "a rating, a whole number from 1 to 10"
        case "plays": "a number of plays, a whole number"
        case "rank", "trakt", "tmdb": "a whole number"
        case "rated_at", "watched_at", "last_watched_at", "listed_at", "collected_at": "a time such as 2019-03-01T21:03:00.000Z"
        case "movie", "ids", "list": "an object"
        default: "text"
        }
    }

    struct Ids: Decodable {
        var trakt: WholeNumber?
        var slug: String?
        var imdb: String?
        var tmdb: WholeNumber?
        var problems: [String]

        enum CodingKeys: String, CodingKey { case trakt, slug, imdb, tmdb }

        init(from decoder: Decoder) throws {
            var fields = Fields(container: try decoder.container(keyedBy: CodingKeys.self))
            (trakt, slug, imdb, tmdb) = (fields.value(.trakt), fields.value(.slug), fields.value(.imdb), fields.value(.tmdb))
            problems = fields.problems
        }
    }

    struct Media: Decodable {
        var title: String?
        var year: WholeNumber?
        var ids: Ids?
        var problems: [String]

        enum CodingKeys: String, CodingKey { case title, year, ids }

        init(from decoder: Decoder) throws {
            var fields = Fields(container: try decoder.container(keyedBy: CodingKeys.self))
            (title, year, ids) = (fields.value(.title), fields.value(.year), fields.value(.ids))
            problems = fields.problems + (ids?.problems ?? [])
        }
    }

    struct Item: Decodable {
        var type: String?
        var movie: Media?
        var ratedAt: String?
        var rating: WholeNumber?
        var plays: WholeNumber?
        var lastWatchedAt: String?
        var watchedAt: String?
        var listedAt: String?
        var rank: WholeNumber?
        var notes: String?
        // A list of lists.json.
        var name: String?
        var description: String?
        var ids: Ids?
        /// The fields the item has, whatever their values: what decides the file's kind.
        var keys: Set<String>
        /// The fields whose values are not of their kind, by place.
        var problems: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case type, movie, show, season, episode, person, rating, plays, rank, notes, name, description, ids
            case ratedAt = "rated_at", lastWatchedAt = "last_watched_at", watchedAt = "watched_at", listedAt = "listed_at"
            case collectedAt = "collected_at"
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var fields = Fields(container: container)
            keys = Set(CodingKeys.allCases.filter { container.contains($0) }.map(\.rawValue))
            (type, movie, rating, plays, rank, notes) = (fields.value(.type), fields.value(.movie), fields.value(.rating),
                                                          fields.value(.plays), fields.value(.rank), fields.value(.notes))
            (name, description, ids) = (fields.value(.name), fields.value(.description), fields.value(.ids))
            (ratedAt, lastWatchedAt, watchedAt, listedAt) = (fields.value(.ratedAt), fields.value(.lastWatchedAt),
                                                              fields.value(.watchedAt), fields.value(.listedAt))
            problems = fields.problems + (movie?.problems ?? []) + (ids?.problems ?? [])
        }

        func has(_ key: CodingKeys) -> Bool { keys.contains(key.rawValue) }

        var isMedia: Bool { has(.movie) || has(.show) || has(.season) || has(.episode) || has(.person) }
    }

    /// A list with its items in one file.
    struct ListFile: Decodable {
        var list: Item?
        var items: [Item]?
    }

    /// A JSON file of Trakt's: its kind, its items, and the list a list's file names. Trakt's
    /// collection (`collected_at`: what a person owns, not what they watched) is read as nothing.
    struct File {
        var kind: ImportKind
        var items: [Item]
        var list: Item?
        var isCollection = false
    }

    /// Whether the JSON is an object, or a list of objects, none of which names a film, show
    /// or episode (`movie`, `show`, `items`…): what a backup holds besides the diary (a
    /// profile, settings, statistics, followers).
    static func holdsNoFilm(_ bytes: [UInt8]) -> Bool {
        let media: Set<String> = ["movie", "show", "season", "episode", "items", "films", "list"]
        guard WatchlistDocumentReader.depth(bytes) <= WatchlistDocumentReader.maximumDepth,
              let value = try? JSONSerialization.jsonObject(with: Data(bytes)) else { return false }
        if let object = value as? [String: Any] { return media.isDisjoint(with: object.keys) }
        guard let list = value as? [Any], !list.isEmpty else { return false }
        return list.allSatisfy { ($0 as? [String: Any]).map { media.isDisjoint(with: $0.keys) } ?? false }
    }

    /// A JSON file as Trakt's, by the shape of its items (which fields they have, whatever
    /// their values) and its name, for a watchlist; nil for any other JSON (a watchlist
    /// document, or none the tool reads). The file is decoded once.
    static func read(_ bytes: [UInt8], name: String) -> File? {
        if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") {
            guard let file = try? JSONDecoder().decode(ListFile.self, from: Data(bytes)), let items = file.items else { return nil }
            return File(kind: .traktList, items: items, list: file.list)
        }
        guard let items = try? JSONDecoder().decode([Item].self, from: Data(bytes)) else { return nil }
        if items.isEmpty {
            for (word, kind) in [("rating", ImportKind.traktRatings), ("watchlist", .traktWatchlist), ("history", .traktHistory),
                                 ("watched", .traktWatched), ("list", .traktLists)] where name.contains(word) {
                return File(kind: kind, items: [])
            }
            return File(kind: .traktHistory, items: [])
        }
        func any(_ test: (Item) -> Bool) -> Bool { items.contains(where: test) }
        let kind: ImportKind
        if any({ $0.has(.ratedAt) && $0.has(.rating) }) {
            kind = .traktRatings
        } else if any({ $0.has(.plays) }) {
            kind = .traktWatched
        } else if any({ $0.has(.watchedAt) }) {
            kind = .traktHistory
        } else if any({ $0.has(.listedAt) }) {
            kind = name.contains("watchlist") ? .traktWatchlist : .traktList
        } else if items.allSatisfy({ !$0.isMedia && $0.has(.name) }) {
            kind = .traktLists
        } else if items.allSatisfy({ $0.has(.collectedAt) }) {
            return File(kind: .traktLists, items: [], isCollection: true)
        } else {
            return nil
        }
        return File(kind: kind, items: items)
    }

    /// `2019-03-01T21:03:00.000Z` as the tool keeps instants, `2019-03-01T21:03:00Z`; nil for
    /// anything else.
    static func instant(_ text: String?) -> String? {
        guard let text, text.utf8.count >= 20, text.utf8.count <= 40 else { return nil }
        let head = String(text.prefix(19))
        let pattern = Array("0000-00-00T00:00:00".utf8)
        guard zip(head.utf8, pattern).allSatisfy({ $1 == UInt8(ascii: "0") ? (48...57).contains($0) : $0 == $1 }),
              text.hasSuffix("Z"), Day(iso: String(head.prefix(10))) != nil else { return nil }
        return head + "Z"
    }
}
