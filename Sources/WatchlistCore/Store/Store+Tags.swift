internal import GRDB

extension Store {
    /// A film's tags, sorted.
    func tags(filmId: Int64) throws -> [String] {
        try values(String.self, "SELECT tag FROM filmTag WHERE filmId = ? ORDER BY tag", [filmId])
    }

    /// When each of the film's tags was added, by tag.
    func tagsAddedAt(filmId: Int64) throws -> [String: String] {
        var times: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT tag, addedAt FROM filmTag WHERE filmId = ?", arguments: [filmId]) {
            times[try row.value(0, "filmTag") as String] = try row.value(1, "filmTag") as String
        }
        return times
    }

    /// Adds the tags the film does not have yet and returns them. Only the uniqueness of a
    /// film's tag is let pass: a tag the schema refuses is an error, never silently dropped.
    func addTags(filmId: Int64, _ tags: [String], at timestamp: String) throws -> [String] {
        var added: [String] = []
        for tag in tags {
            try execute("INSERT INTO filmTag (filmId, tag, addedAt) VALUES (?, ?, ?) ON CONFLICT (filmId, tag) DO NOTHING",
                        [filmId, tag, timestamp])
            if changes > 0 { added.append(tag) }
        }
        return added
    }

    /// Removes the tags the film has and returns them.
    func removeTags(filmId: Int64, _ tags: [String]) throws -> [String] {
        var removed: [String] = []
        for tag in tags {
            try execute("DELETE FROM filmTag WHERE filmId = ? AND tag = ?", [filmId, tag])
            if changes > 0 { removed.append(tag) }
        }
        return removed
    }
}
