import Foundation
internal import GRDB

/// v10: every row that existed before keys is given the key it would have now (`RowKey`'s
/// derived rules: a film by its title and year, a viewing by its film, day
/// and place among that day's viewings, a note by its entry or its film and text, a fact by its
/// film, source, field and place, a collection by its origin or slug), so that two devices that
/// imported the same export before this version hold the same keys after it. Every reference
/// follows; the numbers people saw stay theirs (`filmNumber`, `noteNumber`, filled by the SQL).
/// The recording is paused: every row is rewritten, and the whole search index is made again.
/// The rows are read a table at a time through a cursor, their new keys written to a temporary
/// table as they come, so that memory holds the keys' set, not the rows (a million viewings).
extension SchemaMigrations {
    static func assignKeys(_ store: Store) throws {
        store.recording?.pause()
        store.recording?.replacedEverything()
        let db = store.db
        try db.execute(sql: "PRAGMA cache_size = -16384")
        try rekey(db, table: "film", rows: "SELECT id, title, year FROM film", references: [
            ("viewing", "filmId"), ("rating", "filmId"), ("note", "filmId"), ("filmTag", "filmId"), ("filmTitle", "filmId"),
            ("filmIdentifier", "filmId"), ("filmFact", "filmId"), ("collectionFilm", "filmId"), ("filmNumber", "filmId"),
        ]) { row in RowKey.film(title: row[1], year: row[2]) }
        // A viewing's place among its film's viewings of its day: the rows of a day come together, by id.
        var slot: (film: Int64, day: String?, placeholder: Bool)?
        var occurrence = 0
        try rekey(db, table: "viewing", rows: "SELECT id, filmId, watchedOn, placeholder FROM viewing ORDER BY filmId, placeholder, watchedOn, id") { row in
            let here = (film: row[1] as Int64, day: row[2] as String?, placeholder: row[3] as Bool)
            if let slot, slot == here { occurrence += 1 } else { occurrence = 0 }
            slot = here
            return RowKey.viewing(filmId: here.film, day: here.day.flatMap(Day.init(iso:)), placeholder: here.placeholder, occurrence: occurrence)
        }
        try rekey(db, table: "note", rows: "SELECT id, filmId, source, text FROM note", references: [("noteNumber", "noteId")]) { row in
            RowKey.note(filmId: row[1], source: row[2], text: row[3])
        }
        try rekey(db, table: "filmFact", rows: "SELECT id, filmId, source, field, position FROM filmFact") { row in
            RowKey.fact(filmId: row[1], source: row[2], field: row[3], position: row[4])
        }
        try rekey(db, table: "collection", rows: "SELECT id, origin, slug FROM collection", references: [("collectionFilm", "collectionId")]) { row in
            RowKey.collection(origin: row[1], slug: row[2])
        }
        store.recording?.resume()
    }

    /// Gives each row of `rows` (its id first) of `table` the key `key` derives from it (or, when
    /// another row of the table has that key, the key derived again), and every column that
    /// refers to it the same: through negative ids first, so that no new key meets an old one.
    private static func rekey(_ db: Database, table: String, rows: String, references: [(table: String, column: String)] = [],
                              key: (Row) throws -> Int64) throws {
        try db.execute(sql: "CREATE TEMP TABLE rekeyed (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
        defer { try? db.execute(sql: "DROP TABLE temp.rekeyed") }
        let insert = try db.makeStatement(sql: "INSERT INTO temp.rekeyed (old, new) VALUES (?, ?)")
        var taken = Set<Int64>()
        let cursor = try Row.fetchCursor(db, sql: rows)
        while let row = try cursor.next() {
            var new = try key(row)
            while !taken.insert(new).inserted { new = RowKey.derived(String(new), "again") }
            try insert.execute(arguments: [row[0] as Int64, new])
        }
        guard !taken.isEmpty else { return }
        for (child, column) in references {
            try db.execute(sql: "UPDATE \(child) SET \(column) = (SELECT new FROM temp.rekeyed WHERE old = \(child).\(column)) WHERE \(column) IN (SELECT old FROM temp.rekeyed)")
        }
        try db.execute(sql: "UPDATE \(table) SET id = -id")
        try db.execute(sql: "UPDATE \(table) SET id = (SELECT new FROM temp.rekeyed WHERE old = -\(table).id)")
    }
}
