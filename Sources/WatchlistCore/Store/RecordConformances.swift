import GRDB

// The model's plain values become GRDB records here, so that nothing outside Store needs GRDB.
// Rows are decoded by hand: Codable decoding costs several times more per row, and imports and
// exports read rows by the million. Writes are SQL in Store, through cached statements.

extension Film: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: row["id"], title: row["title"], year: row["year"], description: row["description"],
                  fact: row["fact"], titleKey: row["titleKey"])
    }
}

extension FilmCollection: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: row["id"], slug: row["slug"], title: row["title"], description: row["description"],
                  builtIn: row["builtIn"], createdAt: row["createdAt"])
    }
}

extension Viewing: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: row["id"], filmId: row["filmId"], watchedOn: row["watchedOn"], rewatch: row["rewatch"],
                  loggedAt: row["loggedAt"])
    }
}

extension Rating: FetchableRecord {
    public init(row: Row) throws {
        self.init(filmId: row["filmId"], halfStars: row["halfStars"], ratedAt: row["ratedAt"])
    }
}

extension Note: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: row["id"], filmId: row["filmId"], text: row["text"], createdAt: row["createdAt"], updatedAt: row["updatedAt"])
    }
}
