internal import GRDB

extension Store {
    /// The columns of a note as `Decode.note` reads them, for a query of `note n`.
    static let noteColumns = "n.*, (SELECT number FROM noteNumber WHERE noteId = n.id) AS number"

    /// Inserts a note under `key` (`RowKey`), with the entry it was imported from, and gives it
    /// the next note number of this device.
    @discardableResult
    func insertNote(key: Int64, filmId: Int64, text: String, createdAt: String, updatedAt: String, source: String? = nil,
                    importedText: String? = nil) throws -> Note {
        let id = try insertKeyed(key) { key in
            try execute("INSERT INTO note (id, filmId, text, createdAt, updatedAt, source, importedText) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [key, filmId, text, createdAt, updatedAt, source, importedText])
        }
        return Note(id: id, number: try number(noteId: id), filmId: filmId, text: text, createdAt: createdAt, updatedAt: updatedAt,
                    source: source, importedText: importedText)
    }

    /// The number this device shows for the note: its own, or the next one.
    func number(noteId: Int64) throws -> Int64 {
        try value(Int64.self, """
            INSERT INTO noteNumber (noteId) VALUES (?) ON CONFLICT (noteId) DO UPDATE SET noteId = excluded.noteId RETURNING number
            """, [noteId]) ?? 0
    }

    /// The note imported from this entry.
    func note(source: String) throws -> Note? {
        try one("SELECT \(Store.noteColumns) FROM note n WHERE source = ?", [source], Decode.note)
    }

    /// Makes a note say what its entry says now: its text and times, the entry, and the text
    /// the entry last gave it.
    func rewrite(_ note: Note) throws {
        try execute("UPDATE note SET filmId = ?, text = ?, createdAt = ?, updatedAt = ?, source = ?, importedText = ? WHERE id = ?",
                    [note.filmId, note.text, note.createdAt, note.updatedAt, note.source, note.importedText, note.id])
    }

    func note(id: Int64) throws -> Note? {
        try one("SELECT \(Store.noteColumns) FROM note n WHERE id = ?", [id], Decode.note)
    }

    /// The note this device shows as `number` (`note edit 12`).
    func note(number: Int64) throws -> Note? {
        try one("SELECT \(Store.noteColumns) FROM note n WHERE id = (SELECT noteId FROM noteNumber WHERE number = ?)", [number], Decode.note)
    }

    /// Replaces a note's text (the person's edit); nil when no note has that number. A note from
    /// an imported entry keeps the text the entry gave it, so that no later import takes the
    /// person's text back.
    func updateNote(number: Int64, text: String, at timestamp: String) throws -> Note? {
        guard var note = try note(number: number) else { return nil }
        let id = note.id
        if note.source != nil, note.importedText == nil { note.importedText = note.text }
        note.text = text
        note.updatedAt = timestamp
        try execute("UPDATE note SET text = ?, updatedAt = ?, importedText = ? WHERE id = ?", [text, timestamp, note.importedText, id])
        return note
    }

    /// Removes a note and returns it; nil when no note has that number.
    func deleteNote(number: Int64) throws -> Note? {
        guard let note = try note(number: number) else { return nil }
        try execute("DELETE FROM note WHERE id = ?", [note.id])
        return note
    }

    /// A film's notes, oldest first.
    func notes(ofFilm filmId: Int64) throws -> [Note] {
        try all("SELECT \(Store.noteColumns) FROM note n WHERE filmId = ? ORDER BY number", [filmId], Decode.note)
    }

    /// Notes with their films, in film order and then oldest first; one film's when `filmId` is set.
    func notes(filmId: Int64?) throws -> [FilmNote] {
        let notes = try all("""
            SELECT \(Store.noteColumns) FROM note n WHERE ?1 IS NULL OR filmId = ?1
            ORDER BY (SELECT number FROM filmNumber WHERE filmId = n.filmId), number
            """, [filmId], Decode.note)
        var films: [Int64: Film] = [:]
        return try notes.map { note in
            if let film = films[note.filmId] { return FilmNote(film: film, note: note) }
            guard let film = try film(id: note.filmId) else {
                throw DamagedValue(table: "note", row: note.id, problem: "its film \(note.filmId) does not exist")
            }
            films[note.filmId] = film
            return FilmNote(film: film, note: note)
        }
    }
}
