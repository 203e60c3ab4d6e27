import GRDB

// The model's plain values become GRDB records here, so that nothing outside Store needs GRDB.
// Rows are decoded by hand and by column position: Codable decoding, or looking columns up
// by name (case-insensitively, hashing each name), costs several times more per row, and
// imports and exports read rows by the million. Every query that builds a record selects the
// table's columns first, in the table's order (`SELECT *` or `t.*`); migrations only ever
// append columns. Writes are SQL in Store, through cached statements.

extension Film: FetchableRecord {
    /// id, title, year, description, fact, titleKey.
    public init(row: Row) throws {
        self.init(id: row[0], title: row[1], year: row[2], description: row[3], fact: row[4], titleKey: row[5])
    }
}

extension FilmCollection: FetchableRecord {
    /// id, slug, title, description, builtIn, createdAt.
    public init(row: Row) throws {
        self.init(id: row[0], slug: row[1], title: row[2], description: row[3], builtIn: row[4], createdAt: row[5])
    }
}

extension Viewing: FetchableRecord {
    /// id, filmId, watchedOn, rewatch, loggedAt.
    public init(row: Row) throws {
        self.init(id: row[0], filmId: row[1], watchedOn: row[2], rewatch: row[3], loggedAt: row[4])
    }
}

extension Rating: FetchableRecord {
    /// filmId, halfStars, ratedAt.
    public init(row: Row) throws {
        self.init(filmId: row[0], halfStars: row[1], ratedAt: row[2])
    }
}

extension Note: FetchableRecord {
    /// id, filmId, text, createdAt, updatedAt.
    public init(row: Row) throws {
        self.init(id: row[0], filmId: row[1], text: row[2], createdAt: row[3], updatedAt: row[4])
    }
}
