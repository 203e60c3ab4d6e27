internal import GRDB

// Rows become the model's values here, by hand and by column position: Codable decoding, or
// looking columns up by name (case-insensitively, hashing each name), costs several times more
// per row, and imports and exports read rows by the million. Every query that builds a value
// selects the table's columns first, in the table's order (`SELECT *` or `t.*`); migrations
// only ever append columns (ColumnOrderTests checks it).
//
// A value the schema's CHECKs should have kept out (a file changed by another program) is
// not trusted: it becomes a DamagedValue naming the table and row, never a crash. Columns are
// read with `Row.value(_:_:)`, never with GRDB's subscripts, which trap on a value of another
// type.

/// A value in the database that no version of watchlist writes.
struct DamagedValue: Error, Equatable {
    var table: String
    var row: Int64
    var problem: String

    var description: String { "\(table) row \(row): \(problem)" }
}

extension Row {
    /// The value of column `index` as `T`, or a DamagedValue naming `table`, the row (by its
    /// first column) and the column.
    func value<T: DatabaseValueConvertible>(_ index: Int, _ table: String) throws -> T {
        let stored: DatabaseValue = index < count ? self[index] : .null
        if let value = T.fromDatabaseValue(stored) { return value }
        let column = index < count ? Array(columnNames)[index] : "column \(index + 1)"
        throw DamagedValue(table: table, row: Int64.fromDatabaseValue(self[0]) ?? 0,
                           problem: "\(column) holds \(Row.kind(of: stored)), not \(Row.kind(of: T.self))")
    }

    /// The value of the column named `name` as `T`, or a DamagedValue.
    func value<T: DatabaseValueConvertible>(_ name: String, _ table: String) throws -> T {
        // Walking the names costs no array (Array(columnNames) did, at every lookup).
        var index = 0
        for column in columnNames {
            if column == name { return try value(index, table) }
            index += 1
        }
        throw DamagedValue(table: table, row: Int64.fromDatabaseValue(self[0]) ?? 0, problem: "\(name) is missing")
    }

    private static func kind(of value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64: "an integer"
        case .double: "a real number"
        case .string: "text"
        case .blob: "a blob"
        }
    }

    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is Int64.Type, is Int.Type, is Int64?.Type, is Int?.Type: "an integer"
        case is Bool.Type, is Bool?.Type: "0 or 1"
        case is Double.Type, is Double?.Type: "a number"
        case is String?.Type: "text or NULL"
        default: "text"
        }
    }
}

enum Decode {
    /// id, title, year, description, fact, titleKey (the table's order), and the `number` this device shows.
    static func film(_ row: Row) throws -> Film {
        let table = "film"
        return Film(id: try row.value(0, table), number: try row.value("number", table), title: try row.value(1, table),
                    year: try row.value(2, table), description: try row.value(3, table), fact: try row.value(4, table),
                    titleKey: try row.value(5, table))
    }

    /// id, slug, title, description, builtIn, createdAt, origin.
    static func collection(_ row: Row) throws -> FilmCollection {
        let table = "collection"
        return FilmCollection(id: try row.value(0, table), slug: try row.value(1, table), title: try row.value(2, table),
                              description: try row.value(3, table), builtIn: try row.value(4, table),
                              createdAt: try row.value(5, table), origin: try row.value(6, table))
    }

    /// id, filmId, watchedOn, rewatch, loggedAt, placeholder.
    static func viewing(_ row: Row) throws -> Viewing {
        let table = "viewing"
        let id: Int64 = try row.value(0, table)
        return Viewing(id: id, filmId: try row.value(1, table), watchedOn: try day(try row.value(2, table), table: table, row: id),
                       rewatch: try row.value(3, table), loggedAt: try row.value(4, table), placeholder: try row.value(5, table))
    }

    /// filmId, halfStars, ratedAt.
    static func rating(_ row: Row) throws -> Rating {
        let table = "rating"
        let filmId: Int64 = try row.value(0, table)
        return Rating(filmId: filmId, value: try rating(filmId: filmId, halfStars: try row.value(1, table)), ratedAt: try row.value(2, table))
    }

    /// A film's rating as stored, in half stars.
    static func rating(filmId: Int64, halfStars: Int64) throws -> StarRating {
        guard let value = StarRating(halfStars: Int(clamping: halfStars)) else {
            throw DamagedValue(table: "rating", row: filmId, problem: "\(halfStars) half stars is not a rating from 1 to 10")
        }
        return value
    }

    /// id, filmId, text, createdAt, updatedAt, source, importedText (the table's order), and its `number`.
    static func note(_ row: Row) throws -> Note {
        let table = "note"
        return Note(id: try row.value(0, table), number: try row.value("number", table), filmId: try row.value(1, table), text: try row.value(2, table),
                    createdAt: try row.value(3, table), updatedAt: try row.value(4, table), source: try row.value(5, table),
                    importedText: try row.value(6, table))
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
