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

/// What an items file says of its Trakt list: the ids of its `list` object, and its own name.
struct TraktListReference: Sendable {
    var id: Int64?
    var slug: String?
    var fileName: String

    /// Whether `list` is this file's list: by the ids the file gives when it gives them; else
    /// by the file's whole name, which is the list's slug or id, alone or after `list`/`lists`
    /// and `-` or `_`, or before `-items`/`_items` (`top-2023.json`, `lists_23.json`,
    /// `top-2023_items.json`). Never by a part of a name: `top-2023.json` is not list 23's.
    func names(_ list: TraktList) -> Bool {
        if let id { return list.id == id }
        if let slug { return list.slug?.lowercased() == slug.lowercased() }
        var name = Substring(fileName.lowercased())
        for prefix in ["lists-", "lists_", "list-", "list_"] where name.hasPrefix(prefix) && name.count > prefix.count {
            name = name.dropFirst(prefix.count)
            break
        }
        for suffix in ["-items", "_items"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name = name.dropLast(suffix.count)
            break
        }
        return list.slug.map { $0.lowercased() == name } == true || list.id.map { String($0) == name } == true
    }
}

/// What the Trakt reader keeps across the files of one import, settled at the end
/// (`settleTrakt`): the lists `lists.json` names, the films with plays in a history file, what
/// watched files say of the others, and the lists' items waiting for their names.
struct TraktState {
    var lists: [TraktList] = []
    var historyFilms = Set<Int>()
    var watched: [Int: TraktPlays] = [:]
    /// The plays on days not known that the watched files' counts make, over the whole import.
    var playsFromCounts = 0
    var pendingLists: [ImportedCollection] = []
}

/// What Trakt's watched files say of a film: its latest play, and how many plays it has.
struct TraktPlays {
    var last: String?
    var plays: Int

    /// The most plays one film may have.
    static let maximumPerFilm = 100_000
    /// The most plays on days not known the counts of one import may make: a file of a few
    /// kilobytes must not become millions of rows.
    static let maximumFromCounts = 100_000
}

/// A Trakt list (`lists.json`): what its items file is matched to.
struct TraktList: Sendable {
    var name: String
    var description: String
    var slug: String?
    var id: Int64?
}

extension ImportReader {
    mutating func readTrakt(_ file: TraktReader.File, source: ImportSource) throws -> Int {
        let name = source.name, kind = file.kind, items = file.items, listMeta = file.list
        func fail(_ problem: String) -> WatchlistError { .malformedFile(source: name, line: nil, problem: problem) }
        // The file is Trakt's by its shape: a value of the wrong kind is named where it is.
        if let problem = (listMeta?.problems ?? []).map({ "list." + $0 }).first ?? items.lazy.compactMap(\.problems.first).first {
            throw fail(problem)
        }
        if kind == .traktLists {
            for (index, item) in items.enumerated() {
                guard let listName = item.name.map({ InputText.normalized($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
                      !listName.isEmpty, TextLimit.collectionTitle.allows(listName) else {
                    throw fail("[\(index)].name is not a list's name of 1 to \(TextLimit.collectionTitle.maximum) characters")
                }
                let description = InputText.normalized((item.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
                guard TextLimit.collectionDescription.allows(description) else { throw fail("[\(index)].description is longer than its limit") }
                trakt.lists.append(TraktList(name: listName, description: description, slug: item.ids?.slug, id: item.ids?.trakt?.value))
            }
            return items.count
        }
        var entries: [(rank: Int64, index: Int, entry: ImportedCollection.Entry)] = []
        for (index, item) in items.enumerated() {
            let at = "[\(index)]"
            guard let movie = item.movie, item.type == nil || item.type == "movie" else {
                batch.skippedTitleTypes[item.type ?? "not a film", default: 0] += 1
                continue
            }
            let film = try traktFilm(movie, at: at, source: name, inHistory: kind != .traktWatchlist && kind != .traktList)
            switch kind {
            case .traktRatings:
                guard let value = item.rating.flatMap({ StarRating(halfStars: Int(clamping: $0.value)) }) else {
                    throw fail("\(at).rating is not a rating from 1 to 10")
                }
                let ratedAt = try traktInstant(item.ratedAt, at: "\(at).rated_at", source: name)
                offerRating(ImportedRating(value: value, ratedAt: ratedAt, current: true), to: film)
                batch.films[film].addPlaceholder(loggedAt: ratedAt)
            case .traktHistory:
                guard let watchedAt = try traktInstant(item.watchedAt, at: "\(at).watched_at", source: name) else {
                    throw fail("\(at).watched_at is missing: every play has its time")
                }
                let day = Day(iso: String(watchedAt.prefix(10)))!
                batch.films[film].viewings.append(ImportedViewing(watchedOn: day, rewatch: false, loggedAt: watchedAt, rewatchUnknown: true))
                trakt.historyFilms.insert(film)
            case .traktWatched:
                let plays = Int(clamping: item.plays?.value ?? 1)
                guard (1...TraktPlays.maximumPerFilm).contains(plays) else {
                    throw fail("\(at).plays is not a number of plays from 1 to 100,000")
                }
                let last = try traktInstant(item.lastWatchedAt, at: "\(at).last_watched_at", source: name)
                // A newer snapshot of the same film in the same import: its latest day and count.
                var known = trakt.watched[film] ?? TraktPlays(last: nil, plays: 0)
                trakt.playsFromCounts += max(0, plays - known.plays)
                guard trakt.playsFromCounts <= TraktPlays.maximumFromCounts else {
                    throw fail("\(at).plays: the watched files' play counts add up to more than 100,000 plays, "
                               + "the most one import makes from counts (a history file gives each play its own item)")
                }
                known.plays = max(known.plays, plays)
                if let last, known.last.map({ $0 < last }) ?? true { known.last = last }
                trakt.watched[film] = known
            case .traktWatchlist, .traktList:
                _ = try traktInstant(item.listedAt, at: "\(at).listed_at", source: name)
                let note = try item.notes.map { text -> String in
                    let note = InputText.normalized(text.trimmingCharacters(in: .whitespacesAndNewlines))
                    guard TextLimit.entryNote.allows(note) else { throw fail("\(at).notes is longer than its limit") }
                    return note
                } ?? ""
                entries.append((item.rank?.value ?? Int64(index + 1), index, .init(film: film, note: note)))
            default:
                break
            }
        }
        if kind == .traktWatchlist || kind == .traktList {
            var collection = kind == .traktWatchlist
                ? ImportedCollection(kind: .list, slug: "trakt-watchlist", title: "Trakt watchlist",
                                     description: "The films on your Trakt watchlist.", origin: "trakt-watchlist")
                : traktListCollection(meta: listMeta, source: source)
            collection.entries = entries.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.entry)
            if kind == .traktWatchlist { addList(collection) } else { trakt.pendingLists.append(collection) }
        }
        return items.count
    }

    /// The film of a Trakt item: title, year and ids checked as every reader checks them.
    private mutating func traktFilm(_ movie: TraktReader.Media, at: String, source: String, inHistory: Bool) throws -> Int {
        func fail(_ problem: String) -> WatchlistError { .malformedFile(source: source, line: nil, problem: problem) }
        let title = InputText.normalized((movie.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        guard !title.isEmpty else { throw fail("\(at).movie.title is missing: every film has a title") }
        guard TextLimit.title.allows(title), !title.contains("\0") else { throw fail("\(at).movie.title is longer than \(TextLimit.title.maximum) code points") }
        var year: Int?
        if let written = movie.year?.value {
            guard (1870...2999).contains(written) else { throw fail("\(at).movie.year \(written) is not a film's year") }
            year = Int(written)
        }
        var ids = FilmIdentifiers()
        ids.trakt = FilmIdentifiers.trakt(parsing: movie.ids?.trakt?.value)
        ids.imdb = movie.ids?.imdb.flatMap(FilmIdentifiers.imdb(parsing:))
        if let tmdb = movie.ids?.tmdb?.value, tmdb > 0 { ids.tmdb = tmdb }
        let film = position(title: title, year: year, ids: ids, place: "\(source) \(at)")
        if inHistory { batch.films[film].inHistory = true }
        return film
    }

    /// A Trakt time, checked and made the tool's form; nil when absent. A time after today is refused.
    private func traktInstant(_ text: String?, at: String, source: String) throws -> String? {
        guard let text else { return nil }
        guard let instant = TraktReader.instant(text) else {
            throw WatchlistError.malformedFile(source: source, line: nil, problem: "\(at) '\(text.prefix(40))' is not a time such as 2019-03-01T21:03:00.000Z")
        }
        if let day = Day(iso: String(instant.prefix(10))), day > today.next {
            throw WatchlistError.malformedFile(source: source, line: nil, problem: "\(at) \(instant) is in the future (today is \(today.iso))")
        }
        return instant
    }

    /// A list's collection, before `lists.json` (read before or after) gives it its name: named
    /// after what its file says (a `list` object) or after the file, for now.
    private func traktListCollection(meta: TraktReader.Item?, source: ImportSource) -> ImportedCollection {
        let file = source.place.isEmpty ? "trakt-list.json" : (source.place as NSString).lastPathComponent
        let name = (file as NSString).deletingPathExtension
        let slug = InputText.slug(fromFileName: meta?.ids?.slug ?? name)
        let title = InputText.normalized((meta?.name ?? name).trimmingCharacters(in: .whitespacesAndNewlines))
        var collection = ImportedCollection(kind: .list, slug: slug.isEmpty ? "trakt-list" : slug,
                                            title: String(title.unicodeScalars.prefix(TextLimit.collectionTitle.maximum)),
                                            description: InputText.normalized(meta?.description ?? ""),
                                            origin: meta?.ids?.trakt.map { "trakt-list:\($0.value)" } ?? ImportedCollection.origin("trakt-list:", file))
        collection.traktList = TraktListReference(id: meta?.ids?.trakt?.value, slug: meta?.ids?.slug, fileName: name)
        return collection
    }

    /// At the end of the files: history, when a film has any, gives its viewings, else what
    /// watched says (one viewing on the last day, and a count of plays: the import adds plays
    /// on a day not known until the film has that many, so that a newer snapshot adds only
    /// the plays that are new); each
    /// list's items take their list's name and description from `lists.json`.
    mutating func settleTrakt() {
        for (film, watched) in trakt.watched.sorted(by: { $0.key < $1.key }) where !trakt.historyFilms.contains(film) {
            if let last = watched.last {
                // Of several plays, the last is a rewatch; of one, the film's other files decide.
                batch.films[film].viewings.append(ImportedViewing(watchedOn: Day(iso: String(last.prefix(10)))!, rewatch: watched.plays > 1,
                                                                  loggedAt: last, rewatchUnknown: watched.plays == 1))
            }
            if watched.plays > (watched.last == nil ? 0 : 1) { batch.films[film].plays = watched.plays }
        }
        trakt.watched = [:]
        for var collection in trakt.pendingLists {
            if let reference = collection.traktList, let list = trakt.lists.first(where: reference.names) {
                collection.title = list.name
                collection.description = list.description
                if let slug = list.slug, !InputText.slug(fromFileName: slug).isEmpty { collection.slug = InputText.slug(fromFileName: slug) }
                if let id = list.id { collection.origin = "trakt-list:\(id)" }
            }
            addList(collection)
        }
        trakt.pendingLists = []
    }
}
