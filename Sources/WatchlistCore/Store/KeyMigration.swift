import Foundation
internal import GRDB

/// v10: every row that existed before keys is given the key it would have now (`RowKey`'s
/// derived rules: a film by its title and year, a viewing by its film, day
/// and place among that day's viewings, a note by its entry or its film and text, a fact by its
/// film, source, field and place, a collection by its origin or slug), so that two devices that
/// imported the same export before this version hold the same keys after it. Every reference
/// follows; the numbers people saw stay theirs (`filmNumber`, `noteNumber`, filled by the SQL).
/// The recording is paused: every row is rewritten, and the whole search index is made again.
extension SchemaMigrations {
    static func assignKeys(_ store: Store) throws {
        store.recording?.pause()
        store.recording?.replacedEverything()
        let db = store.db
        var taken = Set<Int64>()
        /// The key, or the same derived again until no other row of the table has it.
        func unique(_ key: Int64) -> Int64 {
            var key = key
            while !taken.insert(key).inserted { key = RowKey.derived(String(key), "again") }
            return key
        }
        var films: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, title, year FROM film ORDER BY id") {
            let id: Int64 = row[0]
            films[id] = unique(RowKey.film(title: row[1], year: row[2]))
        }
        try rekey(db, table: "film", films, references: [("viewing", "filmId"), ("rating", "filmId"), ("note", "filmId"),
                                                         ("filmTag", "filmId"), ("filmTitle", "filmId"), ("filmIdentifier", "filmId"),
                                                         ("filmFact", "filmId"), ("collectionFilm", "filmId"), ("filmNumber", "filmId")])
        taken = []
        var viewings: [Int64: Int64] = [:]
        var seen: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, filmId, watchedOn, placeholder FROM viewing ORDER BY id") {
            let film: Int64 = row[1], day: String? = row[2], placeholder: Bool = row[3]
            let slot = "\(film) \(placeholder ? "placeholder" : day ?? "unknown")"
            let occurrence = seen[slot, default: 0]
            seen[slot] = occurrence + 1
            viewings[row[0]] = unique(RowKey.viewing(filmId: film, day: day.flatMap(Day.init(iso:)), placeholder: placeholder, occurrence: occurrence))
        }
        try rekey(db, table: "viewing", viewings, references: [])
        taken = []
        var notes: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, filmId, source, text FROM note ORDER BY id") {
            notes[row[0]] = unique(RowKey.note(filmId: row[1], source: row[2], text: row[3]))
        }
        try rekey(db, table: "note", notes, references: [("noteNumber", "noteId")])
        taken = []
        var facts: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, filmId, source, field, position FROM filmFact ORDER BY id") {
            facts[row[0]] = unique(RowKey.fact(filmId: row[1], source: row[2], field: row[3], position: row[4]))
        }
        try rekey(db, table: "filmFact", facts, references: [])
        taken = []
        var collections: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, origin, slug FROM collection ORDER BY id") {
            collections[row[0]] = unique(RowKey.collection(origin: row[1], slug: row[2]))
        }
        try rekey(db, table: "collection", collections, references: [("collectionFilm", "collectionId")])
        store.recording?.resume()
    }

    /// Gives `table`'s rows their new keys, and every column that refers to them the same: through
    /// negative ids first, so that no new key meets an old one still in place.
    private static func rekey(_ db: Database, table: String, _ keys: [Int64: Int64], references: [(table: String, column: String)]) throws {
        guard !keys.isEmpty else { return }
        try db.execute(sql: "CREATE TEMP TABLE rekeyed (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
        defer { try? db.execute(sql: "DROP TABLE temp.rekeyed") }
        let insert = try db.makeStatement(sql: "INSERT INTO temp.rekeyed (old, new) VALUES (?, ?)")
        for (old, new) in keys { try insert.execute(arguments: [old, new]) }
        for (child, column) in references {
            try db.execute(sql: "UPDATE \(child) SET \(column) = (SELECT new FROM temp.rekeyed WHERE old = \(child).\(column)) WHERE \(column) IN (SELECT old FROM temp.rekeyed)")
        }
        try db.execute(sql: "UPDATE \(table) SET id = -id")
        try db.execute(sql: "UPDATE \(table) SET id = (SELECT new FROM temp.rekeyed WHERE old = -\(table).id)")
    }
}
