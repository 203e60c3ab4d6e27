internal import GRDB

extension Store {
    /// The columns of a film as `Decode.film` reads them, for a query of `film f`: the row and
    /// the number this device shows for it.
    static let filmColumns = "f.*, (SELECT number FROM filmNumber WHERE filmId = f.id) AS number"

    func film(id: Int64) throws -> Film? {
        try one("SELECT \(Store.filmColumns) FROM film f WHERE id = ?", [id], Decode.film)
    }

    /// The film this device shows as `number` (`watch 3`).
    func film(number: Int64) throws -> Film? {
        try one("SELECT \(Store.filmColumns) FROM film f WHERE id = (SELECT filmId FROM filmNumber WHERE number = ?)", [number], Decode.film)
    }

    /// Films with this folded title, or another title that folds to it, and year (nil matches
    /// only an unknown year).
    func films(titleKey: String, year: Int?) throws -> [Film] {
        try all("""
            SELECT \(Store.filmColumns) FROM film f WHERE (titleKey = ?1 OR id IN (SELECT filmId FROM filmTitle WHERE titleKey = ?1)) AND year IS ?2
            ORDER BY number
            """, [titleKey, year], Decode.film)
    }

    /// Gives a film its year.
    func setYear(_ year: Int, filmId: Int64) throws {
        try execute("UPDATE film SET year = ? WHERE id = ?", [year, filmId])
    }

    /// Films titled exactly `title` (or with it as another title) and of this year.
    func films(exactTitle title: String, year: Int?) throws -> [Film] {
        try all("""
            SELECT \(Store.filmColumns) FROM film f WHERE (id IN (SELECT id FROM film WHERE titleKey = ?3 AND title = ?1)
                                      OR id IN (SELECT filmId FROM filmTitle WHERE titleKey = ?3 AND title = ?1)) AND year IS ?2
            ORDER BY number
            """, [title, year, TitleKey.fold(title)], Decode.film)
    }

    /// Films whose folded title (or another title) is exactly `titleKey`, oldest first.
    func films(titleKey: String) throws -> [Film] {
        try all("""
            SELECT \(Store.filmColumns) FROM film f WHERE titleKey = ?1 OR id IN (SELECT filmId FROM filmTitle WHERE titleKey = ?1) ORDER BY year, number
            """, [titleKey], Decode.film)
    }

    /// Films whose folded title (or another title) has a word that starts with `fragment`, at
    /// most `limit` of them.
    func films(titleKeyContaining fragment: String, limit: Int) throws -> [Film] {
        // The scan reads the titleKey index, a fraction of the table's size. Folded titles are
        // words separated by single spaces.
        try all("""
            SELECT \(Store.filmColumns) FROM film f WHERE id IN (SELECT id FROM film INDEXED BY film_titleKey WHERE instr(' ' || titleKey, ' ' || ?1) > 0)
                                  OR id IN (SELECT filmId FROM filmTitle WHERE instr(' ' || titleKey, ' ' || ?1) > 0)
            ORDER BY year, number LIMIT ?2
            """, [fragment, limit], Decode.film)
    }

    /// Every film, in the order of its number.
    func allFilms() throws -> [Film] {
        try all("SELECT \(Store.filmColumns) FROM film f ORDER BY number", [], Decode.film)
    }

    /// How many films there are, or how many in collection `collectionId`.
    func filmCount(collectionId: Int64?) throws -> Int {
        try value(Int.self, """
            SELECT count(*) FROM film WHERE ?1 IS NULL OR id IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1)
            """, [collectionId]) ?? 0
    }

    /// Creates a film under `key` (`RowKey`: derived from what it is, or random for a command's),
    /// and gives it the next number of this device. A derived key another row holds already (a
    /// collision, or a file's hostile key) is derived again with a count, then made random.
    @discardableResult
    func insertFilm(_ draft: FilmDraft, key: Int64) throws -> Film {
        let id = try insertKeyed(key) { key in
            try execute("INSERT INTO film (id, title, year, description, fact, titleKey) VALUES (?, ?, ?, ?, ?, ?)",
                        [key, draft.title, draft.year, draft.description, draft.fact, draft.titleKey])
        }
        return Film(id: id, number: try number(filmId: id), title: draft.title, year: draft.year, description: draft.description,
                    fact: draft.fact, titleKey: draft.titleKey)
    }

    /// The number this device shows for the film: its own, or the next one when it has none
    /// (a film new here). A number never moves to another film, and stays the film's when it
    /// is deleted, so that an undo brings it back under the same number.
    func number(filmId: Int64) throws -> Int64 {
        // One statement either way: the no-op update returns the number the film has.
        try value(Int64.self, """
            INSERT INTO filmNumber (filmId) VALUES (?) ON CONFLICT (filmId) DO UPDATE SET filmId = excluded.filmId RETURNING number
            """, [filmId]) ?? 0
    }

    /// Gives every film and note without a number of this device the next ones, in key order:
    /// rows that arrived by a changeset (an undo, and later a sync) rather than by a command.
    func numberNewRows() throws {
        try execute("INSERT INTO filmNumber (filmId) SELECT id FROM film WHERE id NOT IN (SELECT filmId FROM filmNumber) ORDER BY id")
        try execute("INSERT INTO noteNumber (noteId) SELECT id FROM note WHERE id NOT IN (SELECT noteId FROM noteNumber) ORDER BY id")
    }

    /// Runs `insert` with `key`; when the key is taken (SQLite's PRIMARY KEY conflict), with
    /// the key derived again from it, up to three times, then a random one. Returns the key used.
    func insertKeyed(_ key: Int64, _ insert: (Int64) throws -> Void) throws -> Int64 {
        var key = key
        for attempt in 0...4 {
            do {
                try insert(key)
                return key
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY && attempt < 4 {
                key = attempt < 3 ? RowKey.derived(String(key), "again") : RowKey.random()
            }
        }
        return key
    }
}
