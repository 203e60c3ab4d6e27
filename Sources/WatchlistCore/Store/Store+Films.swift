internal import GRDB

extension Store {
    func film(id: Int64) throws -> Film? {
        try one("SELECT * FROM film WHERE id = ?", [id], Decode.film)
    }

    /// Films with this folded title, or another title that folds to it, and year (nil matches
    /// only an unknown year).
    func films(titleKey: String, year: Int?) throws -> [Film] {
        try all("""
            SELECT * FROM film WHERE (titleKey = ?1 OR id IN (SELECT filmId FROM filmTitle WHERE titleKey = ?1)) AND year IS ?2
            ORDER BY id
            """, [titleKey, year], Decode.film)
    }

    /// Gives a film its year.
    func setYear(_ year: Int, filmId: Int64) throws {
        try execute("UPDATE film SET year = ? WHERE id = ?", [year, filmId])
    }

    /// Films titled exactly `title` (or with it as another title) and of this year.
    func films(exactTitle title: String, year: Int?) throws -> [Film] {
        try all("""
            SELECT * FROM film WHERE (id IN (SELECT id FROM film WHERE titleKey = ?3 AND title = ?1)
                                      OR id IN (SELECT filmId FROM filmTitle WHERE titleKey = ?3 AND title = ?1)) AND year IS ?2
            ORDER BY id
            """, [title, year, TitleKey.fold(title)], Decode.film)
    }

    /// Films whose folded title (or another title) is exactly `titleKey`, oldest first.
    func films(titleKey: String) throws -> [Film] {
        try all("""
            SELECT * FROM film WHERE titleKey = ?1 OR id IN (SELECT filmId FROM filmTitle WHERE titleKey = ?1) ORDER BY year, id
            """, [titleKey], Decode.film)
    }

    /// Films whose folded title (or another title) has a word that starts with `fragment`, at
    /// most `limit` of them.
    func films(titleKeyContaining fragment: String, limit: Int) throws -> [Film] {
        // The scan reads the titleKey index, a fraction of the table's size. Folded titles are
        // words separated by single spaces.
        try all("""
            SELECT * FROM film WHERE id IN (SELECT id FROM film INDEXED BY film_titleKey WHERE instr(' ' || titleKey, ' ' || ?1) > 0)
                                  OR id IN (SELECT filmId FROM filmTitle WHERE instr(' ' || titleKey, ' ' || ?1) > 0)
            ORDER BY year, id LIMIT ?2
            """, [fragment, limit], Decode.film)
    }

    /// Every film, in id order.
    func allFilms() throws -> [Film] {
        try all("SELECT * FROM film ORDER BY id", [], Decode.film)
    }

    /// How many films there are, or how many in collection `collectionId`.
    func filmCount(collectionId: Int64?) throws -> Int {
        try value(Int.self, """
            SELECT count(*) FROM film WHERE ?1 IS NULL OR id IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1)
            """, [collectionId]) ?? 0
    }

    /// Creates a film with an id the database gives (never one read from a file).
    @discardableResult
    func insertFilm(_ draft: FilmDraft) throws -> Film {
        try execute("INSERT INTO film (title, year, description, fact, titleKey) VALUES (?, ?, ?, ?, ?)",
                    [draft.title, draft.year, draft.description, draft.fact, draft.titleKey])
        let film = Film(id: db.lastInsertedRowID, title: draft.title, year: draft.year, description: draft.description,
                        fact: draft.fact, titleKey: draft.titleKey)
        return film
    }
}
