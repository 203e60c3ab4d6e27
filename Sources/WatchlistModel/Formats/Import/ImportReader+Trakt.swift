import Foundation

/// An import's Trakt files read into its batch: ratings, plays, watchlists and lists, settled
/// across the files at the end (`TraktState`).
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
