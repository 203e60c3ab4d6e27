internal import GRDB

/// The database's content as a whole: what `db restore` and the undo of a restore replace.
extension Store {
    /// The tables whose rows are the database's content: every table of the schema but
    /// SQLite's own, the migrations' bookkeeping, the search index (which follows the films,
    /// `AppDatabase.change`) and this device's sync state (its name, clock and what it
    /// applied: what the folder knows of this device, not what a backup held).
    func contentTables() throws -> [String] {
        try values(String.self, """
            SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
              AND name <> 'grdb_migrations' AND name NOT LIKE 'filmSearch%' AND name NOT LIKE 'sync%' ORDER BY name
            """)
    }

    /// Replaces every content table's rows with those of the same table of the attached
    /// database `schema` (of the same schema version), inside the caller's transaction (whose
    /// connection runs without foreign-key actions: every row goes anyway). The foreign keys
    /// are checked once at the end: a row that refers to nothing fails the whole replacement.
    /// AUTOINCREMENT counters are the source's (the sync state's stay this device's).
    func replaceContent(from schema: String) throws {
        let tables = try contentTables()
        for table in tables.reversed() { try execute("DELETE FROM main.\(table)") }
        for table in tables { try execute("INSERT INTO main.\(table) SELECT * FROM \(schema).\(table)") }
        if try value(Int.self, "SELECT count(*) FROM main.sqlite_master WHERE name = 'sqlite_sequence'") == 1 {
            try execute("DELETE FROM main.sqlite_sequence WHERE name NOT LIKE 'sync%'")
            try execute("INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM \(schema).sqlite_sequence WHERE name NOT LIKE 'sync%'")
        }
        // What replaced everything is sent whole at the next sync: a snapshot. The changes not
        // written yet changed what is gone: they are not sent.
        try execute("UPDATE main.syncDevice SET needsSnapshot = 1")
        try execute("DELETE FROM main.syncOutbox")
        if try value(Int.self, "SELECT count(*) FROM pragma_foreign_key_check") ?? 0 > 0 {
            throw WatchlistError.internalError("a restored row refers to a row the backup does not hold")
        }
    }
}
