import Foundation

/// What `watchlist` alone shows.
public struct Summary: Sendable {
    public var collections: [CollectionProgress]
    public var latest: FilmViewing?
}

/// A logged viewing and its film.
public struct WatchResult: Sendable {
    public var film: Film
    public var viewing: Viewing
}

/// A rating set, with the one it replaced.
public struct RateResult: Sendable {
    public var film: Film
    public var rating: StarRating
    public var previous: StarRating?
}

/// Told how far a long use case (an export, an import) has come: done of total.
public typealias ProgressHandler = (_ done: Int, _ total: Int) -> Void

/// The use cases. Each one that changes data is one transaction: it happens whole or not
/// at all, and a refused command changes nothing.
public final class Watchlist {
    public let database: AppDatabase
    let clock: WatchlistClock
    /// The command as typed, for the history (`history`, `undo`); the executable sets it.
    public var command = ""

    public init(database: AppDatabase, clock: WatchlistClock = .system) {
        self.database = database
        self.clock = clock
    }

    /// Opens (creating when missing) the database at `path`; a new one holds the built-in collection.
    public static func open(path: String, clock: WatchlistClock = .system) throws -> Watchlist {
        Watchlist(database: try AppDatabase.open(path: path, seed: BuiltInCollection.seed, now: clock.now()), clock: clock)
    }

    /// A new in-memory database holding the built-in collection: for tests.
    public static func inMemory(clock: WatchlistClock = .system) throws -> Watchlist {
        Watchlist(database: try AppDatabase.inMemory(seed: try BuiltInCollection.seed(), now: clock.now()), clock: clock)
    }

    var now: String { Timestamp.iso(clock.now()) }

    /// Runs a change in one write transaction and records it in the history, with the SQL that
    /// reverts it (see Schema/v4_history.sql), so that `undo` can take it back exactly.
    /// `changed` tells whether the result changed anything; an entry that did not is dropped.
    func recorded<T>(_ summary: (T) -> String, changed: (T) -> Bool = { _ in true }, _ body: (Store) throws -> T) throws -> T {
        let command = self.command, at = now
        return try database.write { store in
            let id = try store.beginRecording(command: command, at: at)
            let result = try body(store)
            try store.endRecording(id, summary: summary(result), keep: changed(result))
            return result
        }
    }

    /// The recorded changes, newest first.
    public func history() throws -> [HistoryEntry] {
        try database.read { store in try store.history() }
    }

    /// Reverts the latest recorded change exactly, and says which it was.
    public func undo() throws -> HistoryEntry {
        try database.write { store in
            guard let entry = try store.undoLatest() else {
                throw WatchlistError.nothingToRemove("There is nothing to undo: no change is recorded.")
            }
            return entry
        }
    }

    // MARK: Reading

    public func summary() throws -> Summary {
        try database.read { store in
            Summary(collections: try store.collectionProgress(), latest: try store.latestViewing())
        }
    }

    public func list(_ query: FilmListQuery = FilmListQuery()) throws -> [FilmSummary] {
        let tag = try query.tag.map(InputText.tag)
        return try database.read { store in
            var query = query
            query.tag = tag
            return try store.filmSummaries(query, collectionId: query.collection.map { try collectionId(slug: $0, in: store) })
        }
    }

    /// The id of the collection with this slug, or collectionNotFound naming the known slugs.
    func collectionId(slug: String, in store: Store) throws -> Int64 {
        if let collection = try store.collection(slug: slug) { return collection.id! }
        throw WatchlistError.collectionNotFound(slug: slug, known: try store.collectionProgress().map(\.collection.slug))
    }

    public func resolve(_ reference: String) throws -> Film {
        try database.read { store in try FilmQuery.resolve(reference, in: store) }
    }

    public func show(_ reference: String) throws -> FilmDetail {
        try database.read { store in try store.filmDetail(FilmQuery.resolve(reference, in: store)) }
    }

    /// Every note, or one film's.
    public func notes(of reference: String?) throws -> [FilmNote] {
        try database.read { store in
            let filmId = try reference.map { try FilmQuery.resolve($0, in: store).id! }
            return try store.notes(filmId: filmId)
        }
    }

    // MARK: Viewings

    /// Logs a viewing on `day`. The day must exist, not be in the future, and not come
    /// before the film's year.
    public func watch(_ reference: String, on choice: DayChoice = .today, markedRewatch: Bool = false) throws -> WatchResult {
        let today = clock.today
        let day = choice.resolve(today: today)
        if let day, day > today { throw WatchlistError.futureDate(day.iso, today: today.iso) }
        return try recorded({ "Watched \($0.film.displayTitle) on \($0.viewing.watchedOn ?? "an unknown day")" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            if let day, let year = film.year, day.year < year {
                throw WatchlistError.dateBeforeRelease(day.iso, film: film.displayTitle, year: year)
            }
            let viewing = try store.insertViewing(filmId: film.id!, watchedOn: day, markedRewatch: markedRewatch, loggedAt: now)
            return WatchResult(film: film, viewing: viewing)
        }
    }

    /// Removes viewings; fails with nothingToRemove when none matched.
    public func unwatch(_ reference: String, _ selection: ViewingSelection = .latest) throws -> (film: Film, removed: [Viewing]) {
        try recorded({ "Removed \($0.removed.count) viewing(s) of \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let removed = try store.deleteViewings(filmId: film.id!, selection)
            guard !removed.isEmpty else {
                if case .on(let day) = selection {
                    throw WatchlistError.nothingToRemove("\(film.displayTitle) has no viewing on \(day?.iso ?? "an unknown day"); nothing was removed.")
                }
                throw WatchlistError.nothingToRemove("\(film.displayTitle) has no viewing to remove.")
            }
            return (film, removed)
        }
    }

    // MARK: Ratings

    /// Rates a film; `ratingText` as people type it ("4.5", "4½", "★★★★½", "9/10").
    public func rate(_ reference: String, _ ratingText: String) throws -> RateResult {
        guard let rating = StarRating(parsing: ratingText) else { throw WatchlistError.invalidRating(ratingText) }
        return try recorded({ "Rated \($0.film.displayTitle) \($0.rating.starsText)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let previous = try store.setRating(filmId: film.id!, rating, ratedAt: now)
            return RateResult(film: film, rating: rating, previous: previous?.value)
        }
    }

    public func unrate(_ reference: String) throws -> (film: Film, removed: StarRating) {
        try recorded({ "Removed the rating of \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            guard let removed = try store.deleteRating(filmId: film.id!) else {
                throw WatchlistError.nothingToRemove("\(film.displayTitle) has no rating to remove.")
            }
            return (film, removed.value)
        }
    }

    // MARK: Tags

    /// Tags a film; tags it already has are left as they are.
    public func tag(_ reference: String, _ rawTags: [String]) throws -> (film: Film, added: [String], kept: [String]) {
        let tags = try normalizedTags(rawTags)
        return try recorded({ "Tagged \($0.film.displayTitle) \($0.added.joined(separator: ", "))" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let added = try store.addTags(filmId: film.id!, tags, at: now)
            return (film, added, tags.filter { !added.contains($0) })
        }
    }

    /// Removes tags from a film; fails with nothingToRemove when it had none of them.
    public func untag(_ reference: String, _ rawTags: [String]) throws -> (film: Film, removed: [String], missing: [String]) {
        let tags = try normalizedTags(rawTags)
        return try recorded({ "Removed \($0.removed.joined(separator: ", ")) from \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let removed = try store.removeTags(filmId: film.id!, tags)
            guard !removed.isEmpty else {
                throw WatchlistError.nothingToRemove("\(film.displayTitle) has no tag \(tags.joined(separator: ", ")); nothing was removed.")
            }
            return (film, removed, tags.filter { !removed.contains($0) })
        }
    }

    private func normalizedTags(_ raw: [String]) throws -> [String] {
        guard !raw.isEmpty else { throw WatchlistError.invalidArgument("Name at least one tag.") }
        var seen = Set<String>()
        return try raw.map(InputText.tag).filter { seen.insert($0).inserted }
    }

    // MARK: Notes

    public func addNote(_ reference: String, text: String) throws -> FilmNote {
        let text = try InputText.note(text)
        return try recorded({ "Added note \($0.note.id!) to \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            return FilmNote(film: film, note: try store.insertNote(filmId: film.id!, text: text, at: now))
        }
    }

    public func editNote(id: Int64, text: String) throws -> FilmNote {
        let text = try InputText.note(text)
        return try recorded({ "Edited note \($0.note.id!) on \($0.film.displayTitle)" }) { store in
            guard let note = try store.updateNote(id: id, text: text, at: now),
                  let film = try store.film(id: note.filmId) else { throw WatchlistError.noteNotFound(id: id) }
            return FilmNote(film: film, note: note)
        }
    }

    public func deleteNote(id: Int64) throws -> FilmNote {
        try recorded({ "Deleted note \($0.note.id!) from \($0.film.displayTitle)" }) { store in
            guard let note = try store.deleteNote(id: id),
                  let film = try store.film(id: note.filmId) else { throw WatchlistError.noteNotFound(id: id) }
            return FilmNote(film: film, note: note)
        }
    }

    // MARK: Export

    /// Writes every collection and film (or one collection's) in `format` to `output`, from
    /// one consistent read.
    public func export(_ format: ExportFormat, collection slug: String? = nil, to output: TextOutput,
                       progress: ProgressHandler? = nil) throws {
        var writer = format.makeWriter(output)
        let exportedAt = now
        try database.read { store in
            let only = try slug.map { try self.collectionId(slug: $0, in: store) }
            let total = try store.filmCount(collectionId: only)
            var done = 0
            try writer.begin(exportedAt: exportedAt, collections: store.collectionContents(collectionId: only))
            try store.forEachFilmDetail(collectionId: only) { film in
                try writer.add(film)
                done += 1
                progress?(done, total)
            }
            try writer.finish()
        }
        try output.flush()
    }

    /// Writes the export to the file at `path`: it appears whole or not at all, and an
    /// existing file is replaced only with `force`.
    public func export(_ format: ExportFormat, collection slug: String? = nil, toFile path: String, force: Bool,
                       progress: ProgressHandler? = nil) throws {
        if let slug { _ = try database.read { store in try collectionId(slug: slug, in: store) } }
        try OutputFile.write(path: path, force: force, protecting: database.path) { output in
            try export(format, collection: slug, to: output, progress: progress)
        }
    }
}

/// The collection that ships inside the tool.
public enum BuiltInCollection {
    public static let slug = "soviet-survival"
    public static let title = "Soviet Survival Films"

    /// The built-in collection parsed from Schema/collections/soviet-survival-films.txt.
    public static func seed() throws -> CollectionSeed {
        let parsed = try CollectionText.parse(bytes: PackageResources.soviet_survival_films_txt, source: "soviet-survival-films.txt")
        return CollectionSeed(slug: slug, title: title, description: parsed.introduction, builtIn: true,
                              films: parsed.films.map { film in
                                  Film(title: film.title, year: film.year, description: film.description,
                                       fact: film.fact, titleKey: TitleKey.fold(film.title))
                              })
    }
}

extension Store: FilmLookup {}
