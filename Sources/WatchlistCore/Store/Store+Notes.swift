internal import GRDB

extension Store {
    /// Inserts a note with an id the database gives (never one read from a file), and the
    /// entry it was imported from.
    @discardableResult
    func insertNote(filmId: Int64, text: String, createdAt: String, updatedAt: String, source: String? = nil,
                    importedText: String? = nil) throws -> Note {
        try execute("INSERT INTO note (filmId, text, createdAt, updatedAt, source, importedText) VALUES (?, ?, ?, ?, ?, ?)",
                    [filmId, text, createdAt, updatedAt, source, importedText])
        let note = Note(id: db.lastInsertedRowID, filmId: filmId, text: text, createdAt: createdAt, updatedAt: updatedAt, source: source,
                        importedText: importedText)
        return note
    }

    /// The note imported from this entry.
    func note(source: String) throws -> Note? {
        try one("SELECT * FROM note WHERE source = ?", [source], Decode.note)
    }

    /// Makes a note say what its entry says now: its text and times, the entry, and the text
    /// the entry last gave it.
    func rewrite(_ note: Note) throws {
        try execute("UPDATE note SET filmId = ?, text = ?, createdAt = ?, updatedAt = ?, source = ?, importedText = ? WHERE id = ?",
                    [note.filmId, note.text, note.createdAt, note.updatedAt, note.source, note.importedText, note.id])
    }

    func note(id: Int64) throws -> Note? {
        try one("SELECT * FROM note WHERE id = ?", [id], Decode.note)
    }

    /// Replaces a note's text (the person's edit); nil when no note has that id. A note from an
    /// imported entry keeps the text the entry gave it, so that no later import takes the
    /// person's text back.
    func updateNote(id: Int64, text: String, at timestamp: String) throws -> Note? {
        guard var note = try note(id: id) else { return nil }
        if note.source != nil, note.importedText == nil { note.importedText = note.text }
        note.text = text
        note.updatedAt = timestamp
        try execute("UPDATE note SET text = ?, updatedAt = ?, importedText = ? WHERE id = ?", [text, timestamp, note.importedText, id])
        return note
    }

    /// Removes a note and returns it; nil when no note has that id.
    func deleteNote(id: Int64) throws -> Note? {
        guard let note = try note(id: id) else { return nil }
        try execute("DELETE FROM note WHERE id = ?", [id])
        return note
    }

    /// A film's notes, oldest first.
    func notes(ofFilm filmId: Int64) throws -> [Note] {
        try all("SELECT * FROM note WHERE filmId = ? ORDER BY id", [filmId], Decode.note)
    }

    /// Notes with their films, in film order and then oldest first; one film's when `filmId` is set.
    func notes(filmId: Int64?) throws -> [FilmNote] {
        let notes = try all("SELECT * FROM note WHERE ?1 IS NULL OR filmId = ?1 ORDER BY filmId, id", [filmId], Decode.note)
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
