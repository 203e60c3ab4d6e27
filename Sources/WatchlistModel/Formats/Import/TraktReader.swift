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

    struct Ids: Decodable {
        var trakt: WholeNumber?
        var slug: String?
        var imdb: String?
        var tmdb: WholeNumber?
    }

    struct Media: Decodable {
        var title: String?
        var year: WholeNumber?
        var ids: Ids?
    }

    /// Anything at all: a show's or an episode's object is only counted.
    struct Present: Decodable {
        init(from decoder: Decoder) throws {}
    }

    struct Item: Decodable {
        var type: String?
        var movie: Media?
        var show: Present?
        var season: Present?
        var episode: Present?
        var person: Present?
        var ratedAt: String?
        var rating: WholeNumber?
        var plays: WholeNumber?
        var lastWatchedAt: String?
        var watchedAt: String?
        var listedAt: String?
        var rank: WholeNumber?
        var notes: String?
        var collectedAt: String?
        // A list of lists.json.
        var name: String?
        var description: String?
        var ids: Ids?

        enum CodingKeys: String, CodingKey {
            case type, movie, show, season, episode, person, rating, plays, rank, notes, name, description, ids
            case ratedAt = "rated_at", lastWatchedAt = "last_watched_at", watchedAt = "watched_at", listedAt = "listed_at"
            case collectedAt = "collected_at"
        }

        var isMedia: Bool { movie != nil || show != nil || season != nil || episode != nil || person != nil }
    }

    /// A list with its items in one file.
    struct ListFile: Decodable {
        var list: Item?
        var items: [Item]?
    }

    /// The kind of a JSON file that is Trakt's, by the shape of its items (and its name, for a
    /// watchlist); nil for any other JSON (a watchlist document, or none the tool reads).
    static func kind(of bytes: [UInt8], name: String, source: String) throws -> ImportKind? {
        let items: [Item]
        if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") {
            guard let file = try? JSONDecoder().decode(ListFile.self, from: Data(bytes)), file.items != nil else { return nil }
            return .traktList
        }
        do {
            items = try JSONDecoder().decode([Item].self, from: Data(bytes))
        } catch {
            return nil
        }
        if items.isEmpty {
            for (word, kind) in [("rating", ImportKind.traktRatings), ("watchlist", .traktWatchlist), ("history", .traktHistory),
                                 ("watched", .traktWatched), ("list", .traktLists)] where name.contains(word) { return kind }
            return .traktHistory
        }
        if items.contains(where: { $0.ratedAt != nil && $0.rating != nil }) { return .traktRatings }
        if items.contains(where: { $0.plays != nil }) { return .traktWatched }
        if items.contains(where: { $0.watchedAt != nil }) { return .traktHistory }
        if items.contains(where: { $0.listedAt != nil }) { return name.contains("watchlist") ? .traktWatchlist : .traktList }
        if items.allSatisfy({ !$0.isMedia && $0.name != nil }) { return .traktLists }
        return nil
    }

    /// Whether the JSON is Trakt's collection (`collected_at`): what a person owns, not what they
    /// watched; read as nothing, and said so.
    static func isCollection(_ bytes: [UInt8]) -> Bool {
        guard let items = try? JSONDecoder().decode([Item].self, from: Data(bytes)), !items.isEmpty else { return false }
        return items.allSatisfy { $0.collectedAt != nil }
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

/// A Trakt list (`lists.json`): what its items file is matched to.
struct TraktList: Sendable {
    var name: String
    var description: String
    var slug: String?
    var id: Int64?
}

extension ImportReader {
    mutating func readTrakt(_ bytes: [UInt8], kind: ImportKind, source: ImportSource) throws -> Int {
        let name = source.name
        func fail(_ problem: String) -> WatchlistError { .malformedFile(source: name, line: nil, problem: problem) }
        var items: [TraktReader.Item]
        var listMeta: TraktReader.Item?
        do {
            if kind == .traktList, let file = try? JSONDecoder().decode(TraktReader.ListFile.self, from: Data(bytes)) {
                items = file.items ?? []
                listMeta = file.list
            } else {
                items = try JSONDecoder().decode([TraktReader.Item].self, from: Data(bytes))
            }
        } catch {
            throw fail("it is not Trakt's JSON as its other files are")
        }
        if kind == .traktLists {
            for (index, item) in items.enumerated() {
                guard let listName = item.name.map({ InputText.normalized($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
                      !listName.isEmpty, TextLimit.collectionTitle.allows(listName) else {
                    throw fail("[\(index)].name is not a list's name of 1 to \(TextLimit.collectionTitle.maximum) characters")
                }
                let description = InputText.normalized((item.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
                guard TextLimit.collectionDescription.allows(description) else { throw fail("[\(index)].description is longer than its limit") }
                traktLists.append(TraktList(name: listName, description: description, slug: item.ids?.slug, id: item.ids?.trakt?.value))
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
                traktHistoryFilms.insert(film)
            case .traktWatched:
                let plays = Int(clamping: item.plays?.value ?? 1)
                guard (1...100_000).contains(plays) else { throw fail("\(at).plays is not a number of plays from 1 to 100,000") }
                let last = try traktInstant(item.lastWatchedAt, at: "\(at).last_watched_at", source: name)
                var viewings: [ImportedViewing] = []
                if let last {
                    viewings.append(ImportedViewing(watchedOn: Day(iso: String(last.prefix(10)))!, rewatch: false, loggedAt: last, rewatchUnknown: true))
                }
                for _ in viewings.count..<plays { viewings.append(ImportedViewing(watchedOn: nil, rewatch: false, loggedAt: last, rewatchUnknown: true)) }
                traktWatchedViewings[film, default: []] += viewings
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
            if kind == .traktWatchlist { batch.collections.append(collection) } else { traktPendingLists.append(collection) }
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
        let film = position(title: title, year: year, ids: ids)
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
    /// after its file for now.
    private func traktListCollection(meta: TraktReader.Item?, source: ImportSource) -> ImportedCollection {
        let file = source.place.isEmpty ? "trakt-list.json" : (source.place as NSString).lastPathComponent
        let name = (file as NSString).deletingPathExtension
        let slug = InputText.slug(fromFileName: meta?.ids?.slug ?? name)
        let title = InputText.normalized((meta?.name ?? name).trimmingCharacters(in: .whitespacesAndNewlines))
        var collection = ImportedCollection(kind: .list, slug: slug.isEmpty ? "trakt-list" : slug,
                                            title: String(title.unicodeScalars.prefix(TextLimit.collectionTitle.maximum)),
                                            description: InputText.normalized(meta?.description ?? ""),
                                            origin: meta?.ids?.trakt.map { "trakt-list:\($0.value)" } ?? ImportedCollection.origin("trakt-list:", file))
        collection.traktFile = name.lowercased()
        return collection
    }

    /// At the end of the files: history, when a film has any, gives its viewings, else what
    /// watched says (one viewing on the last day, the other plays on a day not known); each
    /// list's items take their list's name and description from `lists.json`.
    mutating func settleTrakt() {
        for (film, viewings) in traktWatchedViewings.sorted(by: { $0.key < $1.key }) where !traktHistoryFilms.contains(film) {
            batch.films[film].viewings += viewings
        }
        traktWatchedViewings = [:]
        for var collection in traktPendingLists {
            let file = collection.traktFile ?? ""
            let match = traktLists.filter { list in
                list.slug.map { file.contains($0.lowercased()) } == true || list.id.map { file.contains(String($0)) } == true
                    || (collection.origin ?? "").hasSuffix(":\(list.id.map(String.init) ?? "-")")
            }.max { ($0.slug?.count ?? 0) < ($1.slug?.count ?? 0) }
            if let list = match {
                collection.title = list.name
                collection.description = list.description
                if let slug = list.slug, !InputText.slug(fromFileName: slug).isEmpty { collection.slug = InputText.slug(fromFileName: slug) }
                if let id = list.id { collection.origin = "trakt-list:\(id)" }
            }
            addList(collection)
        }
        traktPendingLists = []
    }
}
