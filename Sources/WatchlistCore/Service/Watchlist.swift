import Foundation

/// Told how far a long use case (an export, an import) has come: done of total.
public typealias ProgressHandler = (_ done: Int, _ total: Int) -> Void

/// The use cases. Each one that changes data is one transaction, recorded in the history: it
/// happens whole or not at all, and a refused command changes nothing.
public final class Watchlist {
    let database: AppDatabase
    let clock: WatchlistClock
    /// The command as typed, for the history (`history`, `undo`).
    let command: String

    /// How many changes `undo` can go back: older entries are forgotten.
    public static let historyLimit = 100

    public init(database: AppDatabase, clock: WatchlistClock = .system, command: String = "") {
        (self.database, self.clock, self.command) = (database, clock, command)
    }

    /// Opens the database at `path`; a new one holds the built-in collection and is created by
    /// the first change. `command` is what the history records for the changes made.
    /// With `schemaCheck: .report` (for `db check`), a schema that is not exactly watchlist's
    /// is opened to be reported instead of refused. With `missing: .refused`, reading a database
    /// that does not exist fails (unreadableInput) instead of showing the built-in collection.
    public static func open(path: String, clock: WatchlistClock = .system, command: String = "",
                            busyTimeout: TimeInterval = AppDatabase.defaultBusyTimeout,
                            schemaCheck: SchemaCheckMode = .enforce, missing: MissingDatabase = .builtIn) throws -> Watchlist {
        let database = try AppDatabase.open(path: path, seed: BuiltInCollection.seed, now: Timestamp.iso(clock.now()),
                                            busyTimeout: busyTimeout, schemaCheck: schemaCheck)
        database.missing = missing
        return Watchlist(database: database, clock: clock, command: command)
    }

    /// A new in-memory database holding the built-in collection: for tests.
    public static func inMemory(clock: WatchlistClock = .system, command: String = "") throws -> Watchlist {
        Watchlist(database: try AppDatabase.inMemory(seed: try BuiltInCollection.seed(), now: Timestamp.iso(clock.now())),
                  clock: clock, command: command)
    }

    var now: String { Timestamp.iso(clock.now()) }

    /// Where the database lives, for messages.
    public var databasePath: String { database.path }

    /// Runs a change in one write transaction and records it in the history, with its
    /// changeset (`AppDatabase.change`), so that `undo` can take it back exactly. `changed`
    /// tells whether the result changed anything; an entry that did not is dropped.
    func recorded<T>(_ summary: (T) -> String, changed: (T) -> Bool = { _ in true }, sendsToFolder: Bool = true,
                     _ body: (Store) throws -> T) throws -> T {
        let command = self.command, at = now
        return try database.write { store in
            let id = try store.beginRecording(command: command, at: at, keep: Watchlist.historyLimit, sendsToFolder: sendsToFolder)
            let result = try body(store)
            try store.endRecording(id, summary: summary(result), keep: changed(result))
            return result
        }
    }

    /// The id of the collection with this slug, or collectionNotFound naming the known slugs.
    func collectionId(slug: String, in store: Store) throws -> Int64 {
        if let collection = try store.collection(slug: slug) { return collection.id }
        throw WatchlistError.collectionNotFound(slug: slug, known: try store.collectionProgress().map(\.collection.slug))
    }

    // MARK: Reading

    /// Every collection's progress, the built-in one first, then the most recently active (a
    /// viewing, rating or note of one of its films), and the latest viewing.
    public func summary() throws -> Summary {
        try database.read { store in
            Summary(collections: try store.collectionProgressByActivity(), latest: try store.latestViewing())
        }
    }

    public func list(_ query: FilmListQuery = FilmListQuery()) throws -> [FilmSummary] {
        var summaries: [FilmSummary] = []
        try forEachFilm(query) { summaries.append($0) }
        return summaries
    }

    /// `list`, one film at a time as it is read, in one read transaction: for output that
    /// streams (`list --json`), whose memory stays flat however many films there are.
    public func forEachFilm(_ query: FilmListQuery = FilmListQuery(), _ body: (FilmSummary) throws -> Void) throws {
        try database.read { store in
            try store.forEachFilmSummary(query, collectionId: query.collection.map { try collectionId(slug: $0, in: store) }, body)
        }
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
            let filmId = try reference.map { try FilmQuery.resolve($0, in: store).id }
            return try store.notes(filmId: filmId)
        }
    }

    // MARK: History

    /// The recorded changes, newest first.
    public func history() throws -> [HistoryEntry] {
        try database.read { store in try store.history() }
    }

    /// Reverts the latest recorded change exactly, and says which it was. A restore is undone
    /// by restoring the copy of the database it kept.
    public func undo() throws -> HistoryEntry {
        let latest = try database.read { store in try store.history().first }
        guard let entry = latest else { throw WatchlistError.nothingChanged("There is nothing to undo: no change is recorded") }
        guard entry.undoable else {
            throw WatchlistError.nothingChanged("The latest change ('\(entry.command)' at \(entry.at): \(entry.summary)) was recorded "
                                                 + "by an earlier version of watchlist, whose undo this version does not keep")
        }
        if let token = entry.safetyCopy { return try undoRestore(entry, token: token) }
        return try database.write { store in
            // Another process may have recorded a change since: undo the latest, whichever it is.
            guard let latest = try store.history().first else {
                throw WatchlistError.nothingChanged("There is nothing to undo: no change is recorded")
            }
            guard latest.safetyCopy == nil, latest.undoable else { throw WatchlistError.databaseLocked(path: database.path) }
            try store.undo(latest, at: now)
            return latest
        }
    }
}
