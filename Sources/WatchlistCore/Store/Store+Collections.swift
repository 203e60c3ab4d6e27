internal import GRDB

extension Store {
    /// Creates a collection and its films, in order.
    func insertCollection(_ seed: CollectionSeed, now: String) throws {
        let collection = try insertCollection(slug: seed.slug, title: seed.title, description: seed.description,
                                              builtIn: seed.builtIn, createdAt: now)
        for film in seed.films {
            try addToCollection(filmId: try insertFilm(film).id, collectionId: collection.id)
        }
    }

    func collection(slug: String) throws -> FilmCollection? {
        try one("SELECT * FROM collection WHERE slug = ?", [slug], Decode.collection)
    }

    @discardableResult
    func insertCollection(slug: String, title: String, description: String, builtIn: Bool, createdAt: String) throws -> FilmCollection {
        try execute("INSERT INTO collection (slug, title, description, builtIn, createdAt) VALUES (?, ?, ?, ?, ?)",
                    [slug, title, description, builtIn, createdAt])
        return FilmCollection(id: db.lastInsertedRowID, slug: slug, title: title, description: description,
                              builtIn: builtIn, createdAt: createdAt)
    }

    /// Puts a film at the end of a collection, unless it is already in it.
    func addToCollection(filmId: Int64, collectionId: Int64) throws {
        try execute("""
            INSERT INTO collectionFilm (collectionId, filmId, position)
            VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM collectionFilm WHERE collectionId = ?1))
            ON CONFLICT (collectionId, filmId) DO NOTHING
            """, [collectionId, filmId])
    }

    /// The films of collection ?1 that are in no other collection: what removing it deletes.
    private static let filmsOnlyIn = """
        SELECT filmId FROM collectionFilm cf WHERE cf.collectionId = ?1
        AND NOT EXISTS (SELECT 1 FROM collectionFilm o WHERE o.filmId = cf.filmId AND o.collectionId <> ?1)
        """

    /// What removing a collection would delete: the films in no other collection, and how
    /// many viewings, ratings, notes and tags they carry.
    func removalImpact(collectionId: Int64) throws -> CollectionRemoval {
        func count(_ table: String) throws -> Int {
            // Table names come from the fixed list below, never from input.
            try value(Int.self, "SELECT count(*) FROM \(table) WHERE filmId IN (\(Store.filmsOnlyIn))", [collectionId]) ?? 0
        }
        return CollectionRemoval(
            films: try value(Int.self, "SELECT count(*) FROM (\(Store.filmsOnlyIn))", [collectionId]) ?? 0,
            viewings: try count("viewing"), ratings: try count("rating"), notes: try count("note"), tags: try count("filmTag"))
    }

    /// Removes a collection and the films that were in no other collection, with all that was
    /// recorded about them.
    func deleteCollection(id: Int64) throws {
        try execute("DELETE FROM film WHERE id IN (\(Store.filmsOnlyIn))", [id])
        try execute("DELETE FROM collection WHERE id = ?", [id])
    }

    /// Every collection, oldest first (or only `collectionId`'s), with how many films it has
    /// and how many of them are watched, in one pass over the memberships.
    func collectionProgress(collectionId: Int64? = nil) throws -> [CollectionProgress] {
        try all("""
            SELECT c.*,
                   (SELECT count(*) FROM collectionFilm cf WHERE cf.collectionId = c.id) AS filmCount,
                   (SELECT count(*) FROM collectionFilm cf WHERE cf.collectionId = c.id
                        AND EXISTS (SELECT 1 FROM viewing v WHERE v.filmId = cf.filmId)) AS watchedCount
            FROM collection c WHERE ?1 IS NULL OR c.id = ?1 ORDER BY c.id
            """, [collectionId]) { row in
            CollectionProgress(collection: try Decode.collection(row), filmCount: row["filmCount"], watchedCount: row["watchedCount"])
        }
    }

    /// `collectionProgress` with each collection's film ids in collection order, for exports.
    func collectionContents(collectionId: Int64? = nil) throws -> [CollectionContents] {
        try collectionProgress(collectionId: collectionId).map { progress in
            CollectionContents(progress: progress, filmIds: try values(Int64.self, """
                SELECT filmId FROM collectionFilm WHERE collectionId = ? ORDER BY position
                """, [progress.collection.id]))
        }
    }

    /// The slugs of the collections that hold a film, oldest collection first.
    func collectionSlugs(filmId: Int64) throws -> [String] {
        try values(String.self, """
            SELECT c.slug FROM collectionFilm cf JOIN collection c ON c.id = cf.collectionId
            WHERE cf.filmId = ? ORDER BY c.id
            """, [filmId])
    }
}
