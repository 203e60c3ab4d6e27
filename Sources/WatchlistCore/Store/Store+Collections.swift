internal import GRDB

extension Store {
    /// Creates a collection and its films, in order, with the keys derived from what they are
    /// (the built-in collection has the same keys in every install).
    func insertCollection(_ seed: CollectionSeed, now: String) throws {
        let collection = try insertCollection(slug: seed.slug, title: seed.title, description: seed.description,
                                              builtIn: seed.builtIn, createdAt: now)
        for film in seed.films {
            let key = RowKey.film(title: film.title, year: film.year)
            try addToCollection(filmId: try insertFilm(film, key: key).id, collectionId: collection.id)
        }
    }

    func collection(slug: String) throws -> FilmCollection? {
        try one("SELECT * FROM collection WHERE slug = ?", [slug], Decode.collection)
    }

    /// The imported list from this origin (its link, "letterboxd-watchlist"…).
    func collection(origin: String) throws -> FilmCollection? {
        try one("SELECT * FROM collection WHERE origin = ?", [origin], Decode.collection)
    }

    /// When the collection was made (a document's earlier time for the same collection).
    func setCreatedAt(_ createdAt: String, collectionId: Int64) throws {
        try execute("UPDATE collection SET createdAt = ? WHERE id = ?", [createdAt, collectionId])
    }

    /// Creates a collection under its key: derived from its origin (an imported list) or slug
    /// (`RowKey.collection`), so that the same collection made on two devices is one.
    @discardableResult
    func insertCollection(slug: String, title: String, description: String, builtIn: Bool, createdAt: String,
                          origin: String? = nil) throws -> FilmCollection {
        let id = try insertKeyed(RowKey.collection(origin: origin, slug: slug)) { key in
            try execute("INSERT INTO collection (id, slug, title, description, builtIn, createdAt, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [key, slug, title, description, builtIn, createdAt, origin])
        }
        return FilmCollection(id: id, slug: slug, title: title, description: description,
                              builtIn: builtIn, createdAt: createdAt, origin: origin)
    }

    /// Gives an imported list the origin it is now found by.
    func setOrigin(collectionId: Int64, _ origin: String) throws {
        try execute("UPDATE collection SET origin = ? WHERE id = ?", [origin, collectionId])
    }

    /// Gives a collection a title and description.
    func describeCollection(id: Int64, title: String, description: String) throws {
        try execute("UPDATE collection SET title = ?, description = ? WHERE id = ? AND (title <> ? OR description <> ?)",
                    [title, description, id, title, description])
    }

    /// Puts a film at the end of a collection, unless it is already in it.
    func addToCollection(filmId: Int64, collectionId: Int64, note: String = "") throws {
        try execute("""
            INSERT INTO collectionFilm (collectionId, filmId, position)
            VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM collectionFilm WHERE collectionId = ?1))
            ON CONFLICT (collectionId, filmId) DO NOTHING
            """, [collectionId, filmId])
        if !note.isEmpty, changes > 0 {
            try execute("UPDATE collectionFilm SET note = ? WHERE collectionId = ? AND filmId = ?", [note, collectionId, filmId])
        }
    }

    /// A collection's entries in order: each film and what the collection says of it.
    func entries(collectionId: Int64) throws -> [(filmId: Int64, note: String)] {
        try all("SELECT filmId, note FROM collectionFilm WHERE collectionId = ? ORDER BY position", [collectionId]) {
            (filmId: try $0.value(0, "collectionFilm") as Int64, note: try $0.value(1, "collectionFilm") as String)
        }
    }

    /// The numbers this device shows for a collection's films, in collection order (0 for a film
    /// without one, which `db check` names).
    func entryNumbers(collectionId: Int64) throws -> [Int64] {
        try all("""
            SELECT coalesce((SELECT number FROM filmNumber WHERE filmId = cf.filmId), 0) FROM collectionFilm cf
            WHERE collectionId = ? ORDER BY position
            """, [collectionId]) { try $0.value(0, "filmNumber") as Int64 }
    }

    /// Makes a collection hold exactly these entries, in this order; an unchanged membership is
    /// left as it is. Returns whether anything changed.
    func replaceEntries(collectionId: Int64, with entries: [(filmId: Int64, note: String)]) throws -> Bool {
        let current = try self.entries(collectionId: collectionId)
        guard current.map(\.filmId) != entries.map(\.filmId) || current.map(\.note) != entries.map(\.note) else { return false }
        try execute("DELETE FROM collectionFilm WHERE collectionId = ?", [collectionId])
        for (index, entry) in entries.enumerated() {
            try execute("INSERT INTO collectionFilm (collectionId, filmId, position, note) VALUES (?, ?, ?, ?)",
                        [collectionId, entry.filmId, index + 1, entry.note])
        }
        return true
    }

    /// Puts a collection's films in title order (folded title, year, title as written, then
    /// ids), moving only the ones out of place: the order of the collections imports fill,
    /// whatever order the files came in.
    func sortByTitle(collectionId: Int64) throws {
        let offset = (try value(Int64.self, "SELECT coalesce(max(position), 0) + count(*) FROM collectionFilm WHERE collectionId = ?",
                                [collectionId]) ?? 0) + 1
        // The ranks go through a temporary table keyed by film: looked up from a CTE, each
        // row's rank would be a scan of them all.
        try execute("CREATE TEMP TABLE IF NOT EXISTS filmRank (filmId INTEGER PRIMARY KEY, rank INTEGER NOT NULL)")
        try execute("DELETE FROM temp.filmRank")
        try execute("""
            INSERT INTO temp.filmRank (filmId, rank)
            SELECT cf.filmId, row_number() OVER (ORDER BY f.titleKey, f.year, f.title, \(Store.identifiersOf("f.id")), f.id)
            FROM collectionFilm cf JOIN film f ON f.id = cf.filmId WHERE cf.collectionId = ?1
            """, [collectionId])
        try execute("""
            UPDATE collectionFilm SET position = r.rank + ?2 FROM temp.filmRank r
            WHERE collectionFilm.collectionId = ?1 AND r.filmId = collectionFilm.filmId AND collectionFilm.position <> r.rank
            """, [collectionId, offset])
        try execute("UPDATE collectionFilm SET position = position - ?2 WHERE collectionId = ?1 AND position >= ?2", [collectionId, offset])
        try execute("DELETE FROM temp.filmRank")
    }

    /// What a person records about a film, table by table: a viewing, a rating, a note, a tag,
    /// a fact they set (`film set`; an imported file's facts are the file's). One list for every
    /// rule that must not lose them: a film holding any is never removed as an orphan by an
    /// import, and removing the collection it is only in needs --force. Table names and
    /// conditions come from this list, never from input.
    static let personalRecords: [(table: String, condition: String)] = [
        ("viewing", "1"), ("rating", "1"), ("note", "1"), ("filmTag", "1"), ("filmFact", "source = 'user'"),
    ]

    /// True (in SQL) when the film whose id is `film` holds something the person recorded.
    static func holdsPersonalRecords(_ film: String) -> String {
        "(" + personalRecords.map { "EXISTS (SELECT 1 FROM \($0.table) WHERE filmId = \(film) AND \($0.condition))" }
            .joined(separator: " OR ") + ")"
    }

    /// Removes the films that are in no collection and hold nothing the person recorded (what a
    /// list's newer export leaves behind), and says how many.
    func deleteOrphanFilms() throws -> Int {
        let orphans = """
            SELECT id FROM film WHERE NOT EXISTS (SELECT 1 FROM collectionFilm WHERE filmId = film.id)
            AND NOT \(Store.holdsPersonalRecords("film.id"))
            """
        try execute("DELETE FROM film WHERE id IN (\(orphans))")
        return changes
    }

    /// The films of collection ?1 that are in no other collection: what removing it deletes.
    private static let filmsOnlyIn = """
        SELECT filmId FROM collectionFilm cf WHERE cf.collectionId = ?1
        AND NOT EXISTS (SELECT 1 FROM collectionFilm o WHERE o.filmId = cf.filmId AND o.collectionId <> ?1)
        """

    /// What removing a collection would delete: the films in no other collection, and how
    /// many of the person's records they carry.
    func removalImpact(collectionId: Int64) throws -> CollectionRemoval {
        var counts: [Int] = []
        for record in Store.personalRecords {
            counts.append(try value(Int.self, "SELECT count(*) FROM \(record.table) WHERE filmId IN (\(Store.filmsOnlyIn)) AND \(record.condition)",
                                    [collectionId]) ?? 0)
        }
        return CollectionRemoval(
            films: try value(Int.self, "SELECT count(*) FROM (\(Store.filmsOnlyIn))", [collectionId]) ?? 0,
            viewings: counts[0], ratings: counts[1], notes: counts[2], tags: counts[3], facts: counts[4])
    }

    /// Removes a collection and the films that were in no other collection, with all that was
    /// recorded about them.
    func deleteCollection(id: Int64) throws {
        try execute("DELETE FROM film WHERE id IN (\(Store.filmsOnlyIn))", [id])
        try execute("DELETE FROM collection WHERE id = ?", [id])
    }

    /// Every collection, the built-in first, then oldest first (then by slug; or only `collectionId`'s), with how many films it has
    /// and how many of them are watched, in one pass over the memberships.
    func collectionProgress(collectionId: Int64? = nil) throws -> [CollectionProgress] {
        try all("""
            SELECT c.*,
                   (SELECT count(*) FROM collectionFilm cf WHERE cf.collectionId = c.id) AS filmCount,
                   (SELECT count(*) FROM collectionFilm cf WHERE cf.collectionId = c.id
                        AND EXISTS (SELECT 1 FROM viewing v WHERE v.filmId = cf.filmId)) AS watchedCount
            FROM collection c WHERE ?1 IS NULL OR c.id = ?1 ORDER BY c.builtIn DESC, c.createdAt, c.slug
            """, [collectionId]) { row in
            CollectionProgress(collection: try Decode.collection(row), filmCount: try row.value("filmCount", "collectionFilm"),
                               watchedCount: try row.value("watchedCount", "viewing"))
        }
    }

    /// The collections' ids, the most recently active first: by the latest viewing logged,
    /// rating given or note written of one of its films, or its creation; the oldest first
    /// among equals.
    func collectionIdsByActivity() throws -> [Int64] {
        try values(Int64.self, """
            SELECT c.id FROM collection c
            ORDER BY max(c.createdAt,
                         coalesce((SELECT max(v.loggedAt) FROM collectionFilm cf JOIN viewing v ON v.filmId = cf.filmId
                                   WHERE cf.collectionId = c.id), ''),
                         coalesce((SELECT max(r.ratedAt) FROM collectionFilm cf JOIN rating r ON r.filmId = cf.filmId
                                   WHERE cf.collectionId = c.id), ''),
                         coalesce((SELECT max(n.updatedAt) FROM collectionFilm cf JOIN note n ON n.filmId = cf.filmId
                                   WHERE cf.collectionId = c.id), '')) DESC, c.createdAt, c.slug
            """)
    }

    /// `collectionProgress`: the built-in collection first, then the most recently active.
    func collectionProgressByActivity() throws -> [CollectionProgress] {
        let progress = try collectionProgress()
        var rank: [Int64: Int] = [:]
        for (index, id) in try collectionIdsByActivity().enumerated() { rank[id] = index }
        return progress.sorted { a, b in
            if a.collection.builtIn != b.collection.builtIn { return a.collection.builtIn }
            return (rank[a.collection.id] ?? .max, a.collection.slug) < (rank[b.collection.id] ?? .max, b.collection.slug)
        }
    }

    /// `collectionProgress` with each collection's film ids in collection order, and what it
    /// says of each, for exports.
    func collectionContents(collectionId: Int64? = nil) throws -> [CollectionContents] {
        try collectionProgress(collectionId: collectionId).map { progress in
            let entries = try self.entries(collectionId: progress.collection.id)
            return CollectionContents(progress: progress, filmIds: entries.map(\.filmId), filmNumbers: try entryNumbers(collectionId: progress.collection.id),
                                      entryNotes: entries.map(\.note))
        }
    }

    /// Whether the collection with this slug holds the film.
    func isMember(filmId: Int64, ofCollection slug: String) throws -> Bool {
        try value(Bool.self, """
            SELECT EXISTS (SELECT 1 FROM collectionFilm cf JOIN collection c ON c.id = cf.collectionId WHERE c.slug = ? AND cf.filmId = ?)
            """, [slug, filmId]) ?? false
    }

    /// The slugs of the collections that hold a film, oldest collection first.
    func collectionSlugs(filmId: Int64) throws -> [String] {
        try values(String.self, """
            SELECT c.slug FROM collectionFilm cf JOIN collection c ON c.id = cf.collectionId
            WHERE cf.filmId = ? ORDER BY c.builtIn DESC, c.createdAt, c.slug
            """, [filmId])
    }
}
