internal import GRDB

/// Values no version of watchlist writes, which a file changed by another program may hold
/// (with CHECKs turned off): every one of them, for `db check`. The conditions are the
/// schema's own CHECKs, asked the other way round.
extension Store {
    static let valueChecks: [(table: String, key: String, valid: String, what: String)] = [
        ("rating", "filmId", "halfStars BETWEEN 1 AND 10", "the rating is not 1 to 10 half stars"),
        ("rating", "filmId", "ratedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'", "ratedAt is not a time"),
        ("viewing", "id", "watchedOn IS NULL OR (watchedOn GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(watchedOn, '+0 days') IS watchedOn)",
         "watchedOn is not a day"),
        ("viewing", "id", "rewatch IN (0, 1) AND placeholder IN (0, 1)", "rewatch or placeholder is not 0 or 1"),
        ("film", "id", "length(trim(title)) > 0", "the title is blank"),
        ("film", "id", "year IS NULL OR year BETWEEN 1870 AND 2999", "the year is not a film's year"),
        ("note", "id", "length(trim(text, ' ' || char(9, 10, 13))) > 0", "the note is blank"),
        ("filmTag", "filmId", "length(tag) BETWEEN 1 AND 1000 AND tag = lower(tag) AND tag = trim(tag) AND instr(tag, ',') = 0",
         "the tag is not one watchlist writes"),
        ("collection", "id", "length(slug) BETWEEN 1 AND 64 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*'",
         "the slug is not a slug"),
        ("collectionFilm", "filmId", "position >= 1", "the position is not 1 or more"),
        // Ids are the tool's own, from 1 up: none beyond 2^53 - 1 (the most JSON tools read exactly).
        ("film", "id", "id BETWEEN 1 AND 9007199254740991", "the id is not one watchlist gives"),
        ("note", "id", "id BETWEEN 1 AND 9007199254740991", "the id is not one watchlist gives"),
    ]

    /// "rating row 3: the rating is not 1 to 10 half stars", for every row that breaks a check.
    func damagedValues() throws -> [String] {
        var problems: [String] = []
        for check in Store.valueChecks {
            let keys = try values(Int64.self, "SELECT \(check.key) FROM \(check.table) WHERE NOT (\(check.valid)) LIMIT 1000")
            problems += keys.map { "\(check.table) row \($0): \(check.what)" }
        }
        // AUTOINCREMENT gives the next note after the largest ever given: a sequence at the end
        // of the numbers leaves no id for the next note.
        if let next = try value(Int64.self, "SELECT seq FROM sqlite_sequence WHERE name = 'note' AND seq > 9007199254740991") {
            problems.append("sqlite_sequence row note: the next note id (after \(next)) is beyond the ids watchlist gives")
        }
        return problems
    }
}
