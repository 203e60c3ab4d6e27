internal import GRDB

// Rows become the model's values here, by hand and by column position: Codable decoding, or
// looking columns up by name (case-insensitively, hashing each name), costs several times more
// per row, and imports and exports read rows by the million. Every query that builds a value
// selects the table's columns first, in the table's order (`SELECT *` or `t.*`); migrations
// only ever append columns (ColumnOrderTests checks it).
//
// A value the schema's CHECKs should have kept out (a file changed by another program) is
// not trusted: it becomes a DamagedValue naming the table and row, never a crash.

/// A value in the database that no version of watchlist writes.
struct DamagedValue: Error, Equatable {
    var table: String
    var row: Int64
    var problem: String

    var description: String { "\(table) row \(row): \(problem)" }
}

enum Decode {
    /// id, title, year, description, fact, titleKey.
    static func film(_ row: Row) throws -> Film {
        Film(id: row[0], title: row[1], year: row[2], description: row[3], fact: row[4], titleKey: row[5])
    }

    /// id, slug, title, description, builtIn, createdAt, origin.
    static func collection(_ row: Row) throws -> FilmCollection {
        FilmCollection(id: row[0], slug: row[1], title: row[2], description: row[3], builtIn: row[4], createdAt: row[5], origin: row[6])
    }

    /// id, filmId, watchedOn, rewatch, loggedAt, placeholder.
    static func viewing(_ row: Row) throws -> Viewing {
        let id: Int64 = row[0]
        return Viewing(id: id, filmId: row[1], watchedOn: try day(row[2], table: "viewing", row: id), rewatch: row[3], loggedAt: row[4],
                       placeholder: row[5])
    }

    /// filmId, halfStars, ratedAt.
    static func rating(_ row: Row) throws -> Rating {
        let filmId: Int64 = row[0]
        return Rating(filmId: filmId, value: try rating(filmId: filmId, halfStars: row[1]), ratedAt: row[2])
    }

    /// A film's rating as stored, in half stars.
    static func rating(filmId: Int64, halfStars: Int64) throws -> StarRating {
        guard let value = StarRating(halfStars: Int(clamping: halfStars)) else {
            throw DamagedValue(table: "rating", row: filmId, problem: "\(halfStars) half stars is not a rating from 1 to 10")
        }
        return value
    }

    /// id, filmId, text, createdAt, updatedAt, source.
    static func note(_ row: Row) throws -> Note {
        Note(id: row[0], filmId: row[1], text: row[2], createdAt: row[3], updatedAt: row[4], source: row[5])
    }

    /// "imdb tt0076064\nletterboxd https://boxd.it/2aHi": a film's ids as one text
    /// (`group_concat(kind || ' ' || value, char(10))`).
    static func identifiers(_ text: String?) -> FilmIdentifiers {
        var ids = FilmIdentifiers()
        for line in (text ?? "").split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { ids.set(kind: String(parts[0]), value: String(parts[1])) }
        }
        return ids
    }

    /// A day as stored (`YYYY-MM-DD`), nil when unknown.
    static func day(_ text: String?, table: String, row: Int64) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw DamagedValue(table: table, row: row, problem: "'\(text)' is not a day") }
        return day
    }
}
