internal import GRDB

extension Store {
    /// Logs a viewing. It is a rewatch when `markedRewatch`, or when the film already has a
    /// viewing before it: on an earlier or the same day, or on an unknown day, which counts as
    /// earlier than any dated one. A first viewing turns the film's later ones into rewatches.
    func logViewing(filmId: Int64, watchedOn: Day?, markedRewatch: Bool, loggedAt: String) throws -> Viewing {
        let earlier = try value(Bool.self, """
            SELECT EXISTS (SELECT 1 FROM viewing WHERE filmId = ?1 AND (watchedOn IS NULL OR watchedOn <= ?2))
            """, [filmId, watchedOn?.iso]) ?? false
        let viewing = try insertViewing(key: RowKey.random(), filmId: filmId, watchedOn: watchedOn, rewatch: markedRewatch || earlier,
                                        loggedAt: loggedAt)
        if !earlier {
            // Every other viewing of the film is later: dated after this one, or any dated one
            // when this one's day is unknown.
            try execute("""
                UPDATE viewing SET rewatch = 1
                WHERE filmId = ?1 AND id <> ?3 AND watchedOn IS NOT NULL AND (?2 IS NULL OR watchedOn > ?2) AND rewatch = 0
                """, [filmId, watchedOn?.iso, viewing.id])
        }
        return viewing
    }

    /// Inserts a viewing as it is, its rewatch flag included (imports keep the source's flag),
    /// under `key` (`RowKey`).
    @discardableResult
    func insertViewing(key: Int64, filmId: Int64, watchedOn: Day?, rewatch: Bool, loggedAt: String, placeholder: Bool = false) throws -> Viewing {
        let id = try insertKeyed(key) { key in
            try execute("INSERT INTO viewing (id, filmId, watchedOn, rewatch, loggedAt, placeholder) VALUES (?, ?, ?, ?, ?, ?)",
                        [key, filmId, watchedOn?.iso, rewatch, loggedAt, placeholder])
        }
        return Viewing(id: id, filmId: filmId, watchedOn: watchedOn, rewatch: rewatch, loggedAt: loggedAt, placeholder: placeholder)
    }

    /// Removes a film's placeholder viewings (a dated viewing replaces them) and says how many.
    func deletePlaceholders(filmId: Int64) throws -> Int {
        try execute("DELETE FROM viewing WHERE filmId = ? AND placeholder = 1", [filmId])
        return changes
    }

    /// Removes viewings of a film and returns them, oldest first; none when nothing matched.
    func deleteViewings(filmId: Int64, _ selection: ViewingSelection) throws -> [Viewing] {
        let chosen: [Viewing]
        switch selection {
        case .all:
            chosen = try viewings(filmId: filmId)
        case .latest:
            chosen = try all("SELECT * FROM viewing WHERE filmId = ? ORDER BY watchedOn DESC, loggedAt DESC, id DESC LIMIT 1", [filmId], Decode.viewing)
        case .on(let day):
            chosen = try all("SELECT * FROM viewing WHERE filmId = ? AND watchedOn IS ? ORDER BY loggedAt DESC, id DESC LIMIT 1",
                             [filmId, day?.iso], Decode.viewing)
        }
        for viewing in chosen { try execute("DELETE FROM viewing WHERE id = ?", [viewing.id]) }
        return chosen
    }

    /// A film's viewings, oldest first.
    func viewings(filmId: Int64) throws -> [Viewing] {
        try all("SELECT * FROM viewing WHERE filmId = ? ORDER BY watchedOn, loggedAt, id", [filmId], Decode.viewing)
    }

    /// The viewing on the latest known day (the latest logged on that day); a viewing on
    /// an unknown day only when no viewing has a day.
    func latestViewing() throws -> FilmViewing? {
        guard let viewing = try one("SELECT * FROM viewing ORDER BY watchedOn DESC, id DESC LIMIT 1", [], Decode.viewing),
              let film = try film(id: viewing.filmId) else { return nil }
        return FilmViewing(film: film, viewing: viewing)
    }
}
