internal import GRDB

extension Store {
    /// Inserts a note, with the id `id` when given (the caller checks it is free), and the
    /// entry it was imported from.
    @discardableResult
    func insertNote(filmId: Int64, text: String, createdAt: String, updatedAt: String, id: Int64? = nil, source: String? = nil,
                    reindex: Bool = true) throws -> Note {
        try execute("INSERT INTO note (id, filmId, text, createdAt, updatedAt, source, importId) VALUES (?, ?, ?, ?, ?, ?, \(Store.importId))",
                    [id, filmId, text, createdAt, updatedAt, source])
        let note = Note(id: db.lastInsertedRowID, filmId: filmId, text: text, createdAt: createdAt, updatedAt: updatedAt, source: source)
        if reindex { try refreshSearch(filmId: filmId) }
        return note
    }

    /// The note imported from this entry.
    func note(source: String) throws -> Note? {
        try one("SELECT * FROM note WHERE source = ?", [source], Decode.note)
    }

    /// Makes a note say what its entry says now: its text and times, and the entry.
    func rewrite(_ note: Note) throws {
        let before = try self.note(id: note.id)
        try execute("UPDATE note SET filmId = ?, text = ?, createdAt = ?, updatedAt = ?, source = ? WHERE id = ?",
                    [note.filmId, note.text, note.createdAt, note.updatedAt, note.source, note.id])
        try refreshSearch(filmIds: Set([note.filmId] + (before.map { [$0.filmId] } ?? [])))
    }

    func note(id: Int64) throws -> Note? {
        try one("SELECT * FROM note WHERE id = ?", [id], Decode.note)
    }

    /// Replaces a note's text; nil when no note has that id.
    func updateNote(id: Int64, text: String, at timestamp: String) throws -> Note? {
        guard var note = try note(id: id) else { return nil }
        note.text = text
        note.updatedAt = timestamp
        try execute("UPDATE note SET text = ?, updatedAt = ? WHERE id = ?", [text, timestamp, id])
        try refreshSearch(filmId: note.filmId)
        return note
    }

    /// Removes a note and returns it; nil when no note has that id.
    func deleteNote(id: Int64) throws -> Note? {
        guard let note = try note(id: id) else { return nil }
        try execute("DELETE FROM note WHERE id = ?", [id])
        try refreshSearch(filmId: note.filmId)
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
