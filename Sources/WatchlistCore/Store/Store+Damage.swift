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
        // Keys are positive 63-bit integers (`RowKey`); every film and note has this device's number.
        ("film", "id", "id > 0", "the key is not one watchlist makes"),
        ("viewing", "id", "id > 0", "the key is not one watchlist makes"),
        ("note", "id", "id > 0", "the key is not one watchlist makes"),
        ("filmFact", "id", "id > 0", "the key is not one watchlist makes"),
        ("collection", "id", "id > 0", "the key is not one watchlist makes"),
        ("film", "id", "id IN (SELECT filmId FROM filmNumber)", "the film has no number on this device"),
        ("note", "id", "id IN (SELECT noteId FROM noteNumber)", "the note has no number on this device"),
    ]

    /// "rating row 3: the rating is not 1 to 10 half stars", for every row that breaks a check.
    func damagedValues() throws -> [String] {
        var problems: [String] = []
        for check in Store.valueChecks {
            let keys = try values(Int64.self, "SELECT \(check.key) FROM \(check.table) WHERE NOT (\(check.valid)) LIMIT 1000")
            problems += keys.map { "\(check.table) row \($0): \(check.what)" }
        }
        // The numbers people type are counted up by AUTOINCREMENT: a sequence at the end of the
        // numbers JSON tools read exactly (2^53 - 1) leaves no number for the next film or note.
        for table in ["filmNumber", "noteNumber"] {
            if let next = try value(Int64.self, "SELECT seq FROM sqlite_sequence WHERE name = ? AND seq > 9007199254740991", [table]) {
                problems.append("sqlite_sequence row \(table): the next number (after \(next)) is beyond the numbers watchlist gives")
            }
        }
        return problems
    }
}
