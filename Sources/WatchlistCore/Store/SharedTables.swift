/// The one description of the database's tables by what they are for: the tables a person's
/// diary lives in, which every device shares (a changeset records them, undo and sync apply
/// them), and the tables a device keeps for itself (never recorded, never applied from a
/// changeset). A new table is one or the other: `SharedTablesTests` checks this description
/// against the live schema (`pragma table_info`, `pragma foreign_key_list`), so a table or a
/// film column it does not describe fails the build's tests.
struct SharedTable: Sendable {
    let name: String
    /// The position of the column that names the film a row is about (film's own id, a child's
    /// filmId), when a change to the row changes what search finds; nil when it does not
    /// (viewings, ratings, ids, collections).
    let searchFilmColumn: Int?
    /// Whether that column is part of the primary key, so that every change of the row carries
    /// it (an update in a changeset holds the key and the changed columns only).
    let filmColumnInKey: Bool

    init(_ name: String, searchFilmColumn: Int? = nil, filmColumnInKey: Bool = true) {
        (self.name, self.searchFilmColumn, self.filmColumnInKey) = (name, searchFilmColumn, filmColumnInKey)
    }
}

enum SharedTables {
    /// Children before their parents: the order a recording attaches them in, so that a
    /// changeset's inverse deletes a film's rows before the film, and no cascade deletes a row
    /// the inverse then looks for (keys.md: attached children first, the undo is exact).
    static let all: [SharedTable] = [
        SharedTable("collectionFilm"),
        SharedTable("viewing"),
        SharedTable("rating"),
        SharedTable("note", searchFilmColumn: 1, filmColumnInKey: false),
        SharedTable("filmTag", searchFilmColumn: 0),
        SharedTable("filmIdentifier"),
        SharedTable("filmTitle", searchFilmColumn: 0),
        SharedTable("filmFact", searchFilmColumn: 1, filmColumnInKey: false),
        SharedTable("film", searchFilmColumn: 0),
        SharedTable("collection"),
    ]

    static let names = all.map(\.name)

    /// What a device keeps for itself: its history and the changesets that undo it, the numbers
    /// it shows for films and notes, its sync state (its name, clock and outbox, what it applied
    /// of other devices', the times that decide conflicts), the search index (made from the
    /// shared tables), and SQLite's and the migrations' bookkeeping. The search index's own
    /// tables (`filmSearch_data`…) belong to `filmSearch`.
    static let local = ["history", "historyChange", "filmNumber", "noteNumber", "syncDevice", "syncOutbox", "syncPeer", "syncRowTime",
                        "filmSearch", "grdb_migrations", "sqlite_sequence"]

    /// Whether `table` is one of SQLite's tables behind the search index.
    static func isSearchShadow(_ table: String) -> Bool { table.hasPrefix("filmSearch_") }
}
