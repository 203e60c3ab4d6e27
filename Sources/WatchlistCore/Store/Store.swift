import Foundation
import GRDB

/// The queries and changes the service composes, run inside one of AppDatabase's
/// transactions. All the project's SQL lives here and in Schema/.
public struct Store {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    // Every statement is prepared once per connection and reused (GRDB's statement cache):
    // preparing SQL costs more than running it, and imports run these by the hundred thousand.

    private func all<Record: FetchableRecord>(_ type: Record.Type, _ sql: String, _ arguments: StatementArguments = []) throws -> [Record] {
        try Record.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    private func one<Record: FetchableRecord>(_ type: Record.Type, _ sql: String, _ arguments: StatementArguments = []) throws -> Record? {
        try Record.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    private func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type, _ sql: String, _ arguments: StatementArguments = []
    ) throws -> Value? {
        try Value.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    private func values<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type, _ sql: String, _ arguments: StatementArguments = []
    ) throws -> [Value] {
        try Value.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    private func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    // MARK: Films

    public func film(id: Int64) throws -> Film? {
        try one(Film.self, "SELECT * FROM film WHERE id = ?", [id])
    }

    /// Films with this folded title and year (nil matches only an unknown year).
    public func films(titleKey: String, year: Int?) throws -> [Film] {
        try all(Film.self, "SELECT * FROM film WHERE titleKey = ? AND year IS ? ORDER BY id", [titleKey, year])
    }

    /// Films whose folded title is exactly `titleKey`, oldest first.
    public func films(titleKey: String) throws -> [Film] {
        try all(Film.self, "SELECT * FROM film WHERE titleKey = ? ORDER BY year, id", [titleKey])
    }

    /// Films whose folded title contains `fragment`, at most `limit` of them.
    public func films(titleKeyContaining fragment: String, limit: Int) throws -> [Film] {
        // The scan reads the titleKey index, a fraction of the table's size.
        try all(Film.self, """
            SELECT * FROM film WHERE id IN (SELECT id FROM film INDEXED BY film_titleKey WHERE instr(titleKey, ?1) > 0)
            ORDER BY year, id LIMIT ?2
            """, [fragment, limit])
    }

    /// Every film, in id order.
    public func allFilms() throws -> [Film] {
        try all(Film.self, "SELECT * FROM film ORDER BY id")
    }

    @discardableResult
    public func insertFilm(_ film: Film) throws -> Film {
        var film = film
        try execute("INSERT INTO film (id, title, year, description, fact, titleKey) VALUES (?, ?, ?, ?, ?, ?)",
                    [film.id, film.title, film.year, film.description, film.fact, film.titleKey])
        film.id = db.lastInsertedRowID
        return film
    }

    // MARK: Collections

    /// Creates a collection and its films, in order.
    public func insertCollection(_ seed: CollectionSeed, now: Date) throws {
        let collection = try insertCollection(FilmCollection(slug: seed.slug, title: seed.title, description: seed.description,
                                                             builtIn: seed.builtIn, createdAt: Timestamp.iso(now)))
        for film in seed.films {
            try addToCollection(filmId: try insertFilm(film).id!, collectionId: collection.id!)
        }
    }

    public func collection(slug: String) throws -> FilmCollection? {
        try one(FilmCollection.self, "SELECT * FROM collection WHERE slug = ?", [slug])
    }

    @discardableResult
    public func insertCollection(_ collection: FilmCollection) throws -> FilmCollection {
        var collection = collection
        try execute("INSERT INTO collection (id, slug, title, description, builtIn, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                    [collection.id, collection.slug, collection.title, collection.description, collection.builtIn, collection.createdAt])
        collection.id = db.lastInsertedRowID
        return collection
    }

    /// Puts a film at the end of a collection, unless it is already in it.
    public func addToCollection(filmId: Int64, collectionId: Int64) throws {
        try execute("""
            INSERT OR IGNORE INTO collectionFilm (collectionId, filmId, position)
            VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM collectionFilm WHERE collectionId = ?1))
            """, [collectionId, filmId])
    }

    /// What removing a collection would delete: the films in no other collection, and how
    /// many viewings, ratings, notes and tags they carry.
    public func removalImpact(collectionId: Int64) throws -> CollectionRemoval {
        let orphans = """
            SELECT filmId FROM collectionFilm cf WHERE cf.collectionId = ?1
            AND NOT EXISTS (SELECT 1 FROM collectionFilm o WHERE o.filmId = cf.filmId AND o.collectionId <> ?1)
            """
        func count(_ table: String) throws -> Int {
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE filmId IN (\(orphans))", arguments: [collectionId]) ?? 0
        }
        return CollectionRemoval(
            films: try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(orphans))", arguments: [collectionId]) ?? 0,
            viewings: try count("viewing"), ratings: try count("rating"), notes: try count("note"), tags: try count("filmTag"))
    }

    /// Removes a collection and the films that were in no other collection, with all that was
    /// recorded about them.
    public func deleteCollection(id: Int64) throws {
        try db.execute(sql: """
            DELETE FROM film WHERE id IN (
                SELECT filmId FROM collectionFilm cf WHERE cf.collectionId = ?1
                AND NOT EXISTS (SELECT 1 FROM collectionFilm o WHERE o.filmId = cf.filmId AND o.collectionId <> ?1))
            """, arguments: [id])
        try db.execute(sql: "DELETE FROM collection WHERE id = ?", arguments: [id])
    }

    /// Every collection, oldest first (or only `collectionId`'s), with how many films it has
    /// and how many of them are watched, in one pass over the memberships.
    public func collectionProgress(collectionId: Int64? = nil) throws -> [CollectionProgress] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.*,
                   (SELECT count(*) FROM collectionFilm cf WHERE cf.collectionId = c.id) AS filmCount,
                   (SELECT count(*) FROM collectionFilm cf WHERE cf.collectionId = c.id
                        AND EXISTS (SELECT 1 FROM viewing v WHERE v.filmId = cf.filmId)) AS watchedCount
            FROM collection c WHERE ?1 IS NULL OR c.id = ?1 ORDER BY c.id
            """), arguments: [collectionId])
        return try rows.map { row in
            CollectionProgress(collection: try FilmCollection(row: row), filmCount: row["filmCount"], watchedCount: row["watchedCount"])
        }
    }

    /// `collectionProgress` with each collection's film ids in collection order, for exports.
    public func collectionContents(collectionId: Int64? = nil) throws -> [CollectionContents] {
        try collectionProgress(collectionId: collectionId).map { progress in
            CollectionContents(progress: progress, filmIds: try values(Int64.self, """
                SELECT filmId FROM collectionFilm WHERE collectionId = ? ORDER BY position
                """, [progress.collection.id]))
        }
    }

    /// How many films there are, or how many in collection `collectionId`.
    public func filmCount(collectionId: Int64?) throws -> Int {
        try value(Int.self, """
            SELECT count(*) FROM film WHERE ?1 IS NULL OR id IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1)
            """, [collectionId]) ?? 0
    }

    public func collectionSlugs(filmId: Int64) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT c.slug FROM collectionFilm cf JOIN collection c ON c.id = cf.collectionId
            WHERE cf.filmId = ? ORDER BY c.id
            """, arguments: [filmId])
    }

    // MARK: Listing

    /// The films `query` selects; `collectionId` is the id of `query.collection`, which the
    /// caller has looked up.
    public func filmSummaries(_ query: FilmListQuery, collectionId: Int64? = nil) throws -> [FilmSummary] {
        var conditions: [String] = []
        var arguments: StatementArguments = [collectionId]
        switch query.watched {
        case true?: conditions.append("viewingCount > 0")
        case false?: conditions.append("viewingCount = 0")
        case nil: break
        }
        switch query.rated {
        case true?: conditions.append("halfStars IS NOT NULL")
        case false?: conditions.append("halfStars IS NULL")
        case nil: break
        }
        if let tag = query.tag {
            conditions.append("EXISTS (SELECT 1 FROM filmTag t WHERE t.filmId = id AND t.tag = ?)")
            arguments += [tag]
        }
        if collectionId != nil { conditions.append("position IS NOT NULL") }
        let ascending = query.reverse ? "DESC" : "ASC"
        let descending = query.reverse ? "ASC" : "DESC"
        // Sort keys come from this fixed list only; films without the value always go last.
        let order: String
        switch query.sort {
        case .id: order = "position \(ascending), id \(ascending)"
        case .title: order = "titleKey \(ascending), year \(ascending) NULLS LAST, id \(ascending)"
        case .year: order = "year \(ascending) NULLS LAST, id \(ascending)"
        case .rating: order = "halfStars \(descending) NULLS LAST, id \(ascending)"
        case .watched: order = "lastWatched \(descending) NULLS LAST, viewingCount \(descending), id \(ascending)"
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM (
                SELECT f.*,
                       (SELECT count(*) FROM viewing v WHERE v.filmId = f.id) AS viewingCount,
                       (SELECT max(v.watchedOn) FROM viewing v WHERE v.filmId = f.id) AS lastWatched,
                       r.halfStars AS halfStars,
                       (SELECT count(*) FROM note n WHERE n.filmId = f.id) AS noteCount,
                       (SELECT group_concat(tag, ',') FROM (SELECT tag FROM filmTag t WHERE t.filmId = f.id ORDER BY tag)) AS tags,
                       (SELECT cf.position FROM collectionFilm cf WHERE cf.filmId = f.id AND cf.collectionId = ?1) AS position
                FROM film f LEFT JOIN rating r ON r.filmId = f.id
            ) \(filter)
            ORDER BY \(order)
            """, arguments: arguments)
        return try rows.map { row in
            FilmSummary(film: try Film(row: row),
                        viewingCount: row["viewingCount"],
                        lastWatched: row["lastWatched"],
                        rating: (row["halfStars"] as Int?).flatMap { StarRating(halfStars: $0) },
                        noteCount: row["noteCount"],
                        tags: (row["tags"] as String?).map { $0.split(separator: ",").map(String.init) } ?? [])
        }
    }

    // MARK: History

    /// How many changes `undo` can go back: older entries are forgotten.
    public static let historyLimit = 100

    /// Starts recording a change: until `endRecording`, the triggers of Schema/v4 write the SQL
    /// that reverts every row the transaction changes.
    public func beginRecording(command: String, at timestamp: String) throws -> Int64 {
        try execute("INSERT INTO history (at, command, summary) VALUES (?, ?, '')", [timestamp, command])
        let id = db.lastInsertedRowID
        try execute("DELETE FROM history WHERE id <= ?", [id - Int64(Store.historyLimit)])
        try execute("INSERT INTO undoRecording (historyId) VALUES (?)", [id])
        return id
    }

    /// From here to the end of the recording, the viewings inserted are reverted by one range
    /// delete (their ids all follow today's largest), not a statement each: for imports.
    public func recordViewingsInBulk() throws {
        let largest = try value(Int64.self, "SELECT coalesce(max(id), 0) FROM viewing") ?? 0
        try execute("""
            INSERT INTO undoLog (historyId, statement) SELECT historyId, 'DELETE FROM viewing WHERE id > ' || ? FROM undoRecording
            """, [largest])
        try execute("UPDATE undoRecording SET bulkViewings = 1")
    }

    /// Ends the recording begun by `beginRecording`; a change that changed nothing (no row, or
    /// `keep` false) leaves no entry.
    public func endRecording(_ id: Int64, summary: String, keep: Bool = true) throws {
        try execute("DELETE FROM undoRecording")
        if keep, try value(Bool.self, "SELECT EXISTS (SELECT 1 FROM undoLog WHERE historyId = ?)", [id]) == true {
            try execute("UPDATE history SET summary = ? WHERE id = ?", [summary, id])
        } else {
            try execute("DELETE FROM history WHERE id = ?", [id])
        }
    }

    /// The recorded changes, newest first.
    public func history() throws -> [HistoryEntry] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT id, at, command, summary FROM history ORDER BY id DESC")).map {
            HistoryEntry(id: $0[0], at: $0[1], command: $0[2], summary: $0[3])
        }
    }

    /// Reverts the latest recorded change exactly and forgets it; nil when there is none.
    public func undoLatest() throws -> HistoryEntry? {
        guard let entry = try history().first else { return nil }
        // Rows come back parents and children in any order; the keys are checked at commit.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let statements = try values(String.self, "SELECT statement FROM undoLog WHERE historyId = ? ORDER BY id DESC", [entry.id])
        for statement in statements { try db.execute(sql: statement) }
        try execute("DELETE FROM history WHERE id = ?", [entry.id])
        return entry
    }

    // MARK: Search

    /// Films whose title, description, fact, notes or tags hold every word of `words`, best
    /// first (BM25, a title match counting most), with a snippet of the best matching part
    /// where the matches are wrapped in `open` and `close`.
    public func search(_ words: [String], open: String, close: String, limit: Int) throws -> [SearchHit] {
        // Each word is an FTS5 string (quotes doubled), so that nothing typed is query syntax;
        // the last one also matches as a prefix.
        let query = words.enumerated().map { index, word in
            "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (index == words.count - 1 ? "*" : "")
        }.joined(separator: " ")
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT film.*, snippet(filmSearch, -1, ?2, ?3, '…', 16) AS snippet,
                   bm25(filmSearch, 10.0, 2.0, 2.0, 3.0, 5.0) AS rank
            FROM filmSearch JOIN film ON film.id = filmSearch.rowid
            WHERE filmSearch MATCH ?1 ORDER BY rank, film.id LIMIT ?4
            """), arguments: [query, open, close, limit])
        return try rows.map { SearchHit(film: try Film(row: $0), snippet: $0["snippet"], score: -($0["rank"] as Double)) }
    }

    // MARK: Statistics

    /// The numbers of `stats`, over every film or the films of collection `collectionId`.
    public func stats(collectionId: Int64?) throws -> Stats {
        // The films in scope, as a condition on a film id column.
        let scope = "(?1 IS NULL OR filmId IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1))"
        let arguments: StatementArguments = [collectionId]
        let viewings = try value(Int.self, "SELECT count(*) FROM viewing WHERE \(scope)", arguments) ?? 0
        let byYear = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT substr(watchedOn, 1, 4), count(*) FROM viewing WHERE watchedOn IS NOT NULL AND \(scope)
            GROUP BY 1 ORDER BY 1
            """), arguments: arguments).map { Stats.Count(label: $0[0], count: $0[1]) }
        let byDecade = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT year / 10 * 10, count(*) FROM film
            WHERE year IS NOT NULL AND id IN (SELECT DISTINCT filmId FROM viewing WHERE \(scope))
            GROUP BY 1 ORDER BY 1
            """), arguments: arguments).map { Stats.Count(label: "\($0[0] as Int)s", count: $0[1]) }
        let histogram = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db.cachedStatement(sql: """
            SELECT halfStars, count(*) FROM rating WHERE \(scope) GROUP BY halfStars
            """), arguments: arguments).map { ($0[0] as Int, $0[1] as Int) })
        let ratings = (1...10).map { Stats.Count(label: StarRating(halfStars: $0)!.decimal, count: histogram[$0] ?? 0) }
        let average = try value(Double.self, "SELECT avg(halfStars) / 2.0 FROM rating WHERE \(scope)", arguments)
        let rewatched = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT filmId, count(*) AS n FROM viewing WHERE \(scope) GROUP BY filmId HAVING n > 1
            ORDER BY n DESC, filmId LIMIT 5
            """), arguments: arguments).map { row in
            Stats.Rewatched(film: try film(id: row[0])?.displayTitle ?? "?", viewings: row[1])
        }
        let gap = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT previous, watchedOn, julianday(watchedOn) - julianday(previous) AS days FROM (
                SELECT watchedOn, lag(watchedOn) OVER (ORDER BY watchedOn) AS previous
                FROM viewing WHERE watchedOn IS NOT NULL AND \(scope))
            WHERE previous IS NOT NULL ORDER BY days DESC, watchedOn LIMIT 1
            """), arguments: arguments).map { Stats.Gap(from: $0[0], to: $0[1], days: Int($0[2] as Double)) }
        return Stats(collections: try collectionProgress(collectionId: collectionId), viewings: viewings,
                     viewingsByYear: byYear, filmsByDecade: byDecade, ratings: ratings, averageRating: average,
                     mostRewatched: rewatched, longestGap: gap)
    }

    // MARK: One film

    public func filmDetail(_ film: Film) throws -> FilmDetail {
        let id = film.id!
        return FilmDetail(
            film: film,
            collections: try collectionSlugs(filmId: id),
            viewings: try viewings(filmId: id),
            rating: try rating(filmId: id),
            notes: try notes(ofFilm: id),
            tags: try tags(filmId: id))
    }

    /// Calls `body` with every film's detail in id order (only the films of the collection
    /// `collectionId` when it is set), reading each table once in film order, so that memory
    /// stays flat however many films and viewings there are.
    public func forEachFilmDetail(collectionId: Int64? = nil, _ body: (FilmDetail) throws -> Void) throws {
        let films = try Film.fetchCursor(db, sql: """
            SELECT * FROM film
            WHERE ?1 IS NULL OR id IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1)
            ORDER BY id
            """, arguments: [collectionId])
        var viewings = try PeekingCursor(Viewing.fetchCursor(db, sql: "SELECT * FROM viewing ORDER BY filmId, watchedOn, id"), \.filmId)
        var ratings = try PeekingCursor(Rating.fetchCursor(db, sql: "SELECT * FROM rating ORDER BY filmId"), \.filmId)
        var notes = try PeekingCursor(Note.fetchCursor(db, sql: "SELECT * FROM note ORDER BY filmId, id"), \.filmId)
        var tags = try PeekingCursor(FilmTag.fetchCursor(db, sql: "SELECT filmId, tag FROM filmTag ORDER BY filmId, tag"), \.filmId)
        var memberships = try PeekingCursor(Membership.fetchCursor(db, sql: """
            SELECT cf.filmId, c.slug FROM collectionFilm cf JOIN collection c ON c.id = cf.collectionId
            ORDER BY cf.filmId, c.id
            """), \.filmId)
        while let film = try films.next() {
            let id = film.id!
            try body(FilmDetail(
                film: film,
                collections: try memberships.take(filmId: id).map(\.slug),
                viewings: try viewings.take(filmId: id),
                rating: try ratings.take(filmId: id).first,
                notes: try notes.take(filmId: id),
                tags: try tags.take(filmId: id).map(\.tag)))
        }
    }

    /// The viewing on the latest known day (the latest logged on that day); a viewing on
    /// an unknown day only when no viewing has a day.
    public func latestViewing() throws -> FilmViewing? {
        guard let viewing = try one(Viewing.self, "SELECT * FROM viewing ORDER BY watchedOn DESC, id DESC LIMIT 1"),
              let film = try film(id: viewing.filmId) else { return nil }
        return FilmViewing(film: film, viewing: viewing)
    }

    // MARK: Viewings

    /// Logs a viewing. It is a rewatch when `markedRewatch`, or when the film already has a
    /// viewing on an earlier or the same day or on an unknown day; a first viewing dated
    /// before existing ones turns those into rewatches.
    public func insertViewing(filmId: Int64, watchedOn: Day?, markedRewatch: Bool, loggedAt: String) throws -> Viewing {
        let earlier: Bool
        if let watchedOn {
            earlier = try value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM viewing WHERE filmId = ? AND (watchedOn IS NULL OR watchedOn <= ?))
                """, [filmId, watchedOn.iso]) ?? false
        } else {
            earlier = try value(Bool.self, "SELECT EXISTS (SELECT 1 FROM viewing WHERE filmId = ?)", [filmId]) ?? false
        }
        let viewing = try insert(Viewing(filmId: filmId, watchedOn: watchedOn?.iso, rewatch: markedRewatch || earlier, loggedAt: loggedAt))
        if !earlier, let watchedOn {
            try execute("UPDATE viewing SET rewatch = 1 WHERE filmId = ? AND watchedOn > ? AND rewatch = 0", [filmId, watchedOn.iso])
        }
        return viewing
    }

    /// Removes viewings of a film and returns them, oldest first; none when nothing matched.
    public func deleteViewings(filmId: Int64, _ selection: ViewingSelection) throws -> [Viewing] {
        let chosen: [Viewing]
        switch selection {
        case .all:
            chosen = try viewings(filmId: filmId)
        case .latest:
            chosen = try all(Viewing.self, "SELECT * FROM viewing WHERE filmId = ? ORDER BY watchedOn DESC, id DESC LIMIT 1", [filmId])
        case .on(let day):
            chosen = try all(Viewing.self, "SELECT * FROM viewing WHERE filmId = ? AND watchedOn IS ? ORDER BY id DESC LIMIT 1",
                             [filmId, day?.iso])
        }
        for viewing in chosen { try execute("DELETE FROM viewing WHERE id = ?", [viewing.id]) }
        return chosen
    }

    /// A film's viewings, oldest first.
    public func viewings(filmId: Int64) throws -> [Viewing] {
        try all(Viewing.self, "SELECT * FROM viewing WHERE filmId = ? ORDER BY watchedOn, id", [filmId])
    }

    /// Inserts a viewing as it is, its rewatch flag included (imports keep the source's flag).
    @discardableResult
    public func insert(_ viewing: Viewing) throws -> Viewing {
        var viewing = viewing
        try execute("INSERT INTO viewing (id, filmId, watchedOn, rewatch, loggedAt) VALUES (?, ?, ?, ?, ?)",
                    [viewing.id, viewing.filmId, viewing.watchedOn, viewing.rewatch, viewing.loggedAt])
        viewing.id = db.lastInsertedRowID
        return viewing
    }

    // MARK: Ratings

    public func rating(filmId: Int64) throws -> Rating? {
        try one(Rating.self, "SELECT * FROM rating WHERE filmId = ?", [filmId])
    }

    /// Sets a rating as it is, its date included.
    public func save(_ rating: Rating) throws {
        try execute("""
            INSERT INTO rating (filmId, halfStars, ratedAt) VALUES (?, ?, ?)
            ON CONFLICT (filmId) DO UPDATE SET halfStars = excluded.halfStars, ratedAt = excluded.ratedAt
            """, [rating.filmId, rating.halfStars, rating.ratedAt])
    }

    /// Sets a film's rating and returns the one it replaced.
    public func setRating(filmId: Int64, _ rating: StarRating, ratedAt: String) throws -> Rating? {
        let previous = try self.rating(filmId: filmId)
        try save(Rating(filmId: filmId, halfStars: rating.halfStars, ratedAt: ratedAt))
        return previous
    }

    /// Removes a film's rating and returns it; nil when the film had none.
    public func deleteRating(filmId: Int64) throws -> Rating? {
        guard let previous = try rating(filmId: filmId) else { return nil }
        try execute("DELETE FROM rating WHERE filmId = ?", [filmId])
        return previous
    }

    // MARK: Tags

    /// A film's tags, sorted.
    public func tags(filmId: Int64) throws -> [String] {
        try values(String.self, "SELECT tag FROM filmTag WHERE filmId = ? ORDER BY tag", [filmId])
    }

    /// Adds the tags the film does not have yet and returns them.
    public func addTags(filmId: Int64, _ tags: [String], at timestamp: String) throws -> [String] {
        var added: [String] = []
        for tag in tags {
            try execute("INSERT OR IGNORE INTO filmTag (filmId, tag, addedAt) VALUES (?, ?, ?)", [filmId, tag, timestamp])
            if db.changesCount > 0 { added.append(tag) }
        }
        return added
    }

    /// Removes the tags the film has and returns them.
    public func removeTags(filmId: Int64, _ tags: [String]) throws -> [String] {
        var removed: [String] = []
        for tag in tags {
            try execute("DELETE FROM filmTag WHERE filmId = ? AND tag = ?", [filmId, tag])
            if db.changesCount > 0 { removed.append(tag) }
        }
        return removed
    }

    // MARK: Notes

    public func insertNote(filmId: Int64, text: String, at timestamp: String) throws -> Note {
        try insert(Note(filmId: filmId, text: text, createdAt: timestamp, updatedAt: timestamp))
    }

    /// Inserts a note as it is: with its id when it has one (the caller checks it is free).
    @discardableResult
    public func insert(_ note: Note) throws -> Note {
        var note = note
        try execute("INSERT INTO note (id, filmId, text, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)",
                    [note.id, note.filmId, note.text, note.createdAt, note.updatedAt])
        note.id = db.lastInsertedRowID
        return note
    }

    public func note(id: Int64) throws -> Note? {
        try one(Note.self, "SELECT * FROM note WHERE id = ?", [id])
    }

    /// Replaces a note's text; nil when no note has that id.
    public func updateNote(id: Int64, text: String, at timestamp: String) throws -> Note? {
        guard var note = try note(id: id) else { return nil }
        note.text = text
        note.updatedAt = timestamp
        try execute("UPDATE note SET text = ?, updatedAt = ? WHERE id = ?", [text, timestamp, id])
        return note
    }

    /// Removes a note and returns it; nil when no note has that id.
    public func deleteNote(id: Int64) throws -> Note? {
        guard let note = try note(id: id) else { return nil }
        try execute("DELETE FROM note WHERE id = ?", [id])
        return note
    }

    /// A film's notes, oldest first.
    public func notes(ofFilm filmId: Int64) throws -> [Note] {
        try all(Note.self, "SELECT * FROM note WHERE filmId = ? ORDER BY id", [filmId])
    }

    /// Notes with their films, in film order and then oldest first; one film's when `filmId` is set.
    public func notes(filmId: Int64?) throws -> [FilmNote] {
        let notes = try all(Note.self, "SELECT * FROM note WHERE ?1 IS NULL OR filmId = ?1 ORDER BY filmId, id", [filmId])
        var films: [Int64: Film] = [:]
        return try notes.map { note in
            if films[note.filmId] == nil { films[note.filmId] = try film(id: note.filmId) }
            return FilmNote(film: films[note.filmId]!, note: note)
        }
    }
}

/// A film's membership of a collection, named by the collection's slug.
private struct Membership: FetchableRecord {
    var filmId: Int64
    var slug: String

    init(row: Row) throws {
        filmId = row[0]
        slug = row[1]
    }
}

/// One tag of one film.
private struct FilmTag: FetchableRecord {
    var filmId: Int64
    var tag: String

    init(row: Row) throws {
        filmId = row[0]
        tag = row[1]
    }
}

/// A cursor sorted by film id that can look at its next element without taking it, for
/// merging several such cursors.
struct PeekingCursor<Base: Cursor> {
    private var base: Base
    private var peeked: Base.Element?
    private let filmId: (Base.Element) -> Int64

    init(_ base: Base, _ filmId: @escaping (Base.Element) -> Int64) throws {
        self.base = base
        self.filmId = filmId
        self.peeked = try base.next()
    }

    /// Skips the elements of earlier films, then takes the run of elements of film `id`.
    mutating func take(filmId id: Int64) throws -> [Base.Element] {
        while let element = peeked, filmId(element) < id { peeked = try base.next() }
        var taken: [Base.Element] = []
        while let element = peeked, filmId(element) == id {
            taken.append(element)
            peeked = try base.next()
        }
        return taken
    }
}
