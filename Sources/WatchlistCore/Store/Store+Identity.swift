internal import GRDB

/// What films are known by besides their title: other services' ids and other titles.
extension Store {
    /// The film with this id of another service.
    func film(identifiedBy kind: String, _ value: String) throws -> Film? {
        try one("SELECT \(Store.filmColumns) FROM filmIdentifier i JOIN film f ON f.id = i.filmId WHERE i.kind = ? AND i.value = ?", [kind, value], Decode.film)
    }

    func identifiers(filmId: Int64) throws -> FilmIdentifiers {
        Decode.identifiers(try value(String.self, "SELECT " + Store.identifiersOf("?"), [filmId]))
    }

    /// The subquery that gives a film's ids as one text, for the film id column `film`.
    static func identifiersOf(_ film: String) -> String {
        "(SELECT group_concat(kind || ' ' || value, char(10)) FROM filmIdentifier WHERE filmId = \(film))"
    }

    /// Gives a film the ids it lacks; an id another film has, or a kind the film has already
    /// with another value, is left as it is. Returns how many it added.
    @discardableResult
    func addIdentifiers(_ ids: FilmIdentifiers, to filmId: Int64) throws -> Int {
        var added = 0
        for pair in ids.pairs {
            try execute("""
                INSERT INTO filmIdentifier (filmId, kind, value)
                SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM filmIdentifier WHERE filmId = ?1 AND kind = ?2)
                ON CONFLICT (kind, value) DO NOTHING
                """, [filmId, pair.kind, pair.value])
            added += changes
        }
        return added
    }

    /// A film's other titles, sorted.
    func alternativeTitles(filmId: Int64) throws -> [String] {
        try values(String.self, "SELECT title FROM filmTitle WHERE filmId = ? ORDER BY title", [filmId])
    }

    /// Gives a film another title, unless it has it (as its title or another); says whether it
    /// added it. The search index is the caller's to refresh.
    @discardableResult
    func addAlternativeTitle(_ title: String, to film: Film) throws -> Bool {
        guard title != film.title else { return false }
        try execute("""
            INSERT INTO filmTitle (filmId, title, titleKey) VALUES (?, ?, ?)
            ON CONFLICT (filmId, title) DO NOTHING
            """, [film.id, title, TitleKey.fold(title)])
        return changes > 0
    }
}
