import GRDB

// The model's plain values become GRDB records here, so that nothing outside Store needs GRDB.

extension Film: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "film"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension FilmCollection: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "collection"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CollectionFilm: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "collectionFilm"
}

extension Viewing: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "viewing"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Rating: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "rating"
}

extension Note: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "note"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
