/// What a matched or created film holds: the viewings, the rating and the notes an import adds.
extension Importer {
    /// Adds the viewings the film does not have yet: one imported viewing per existing one on
    /// the same day (or on an unknown day) is already there. A dated viewing replaces the
    /// film's placeholders; a placeholder is added only to a film with no viewing at all.
    mutating func addViewings(_ imported: ImportedFilm, to filmId: Int64, isNew: Bool) throws {
        let current = isNew ? [] : try store.viewings(filmId: filmId)
        var existing: [Day?: Int] = [:]
        for viewing in current where !viewing.placeholder { existing[viewing.watchedOn, default: 0] += 1 }
        let real = imported.viewings.filter { !$0.placeholder }
        let addedBefore = report.added.viewings
        // A viewing's key is its film's, its day and which of the film's viewings of that day it
        // is: the same file imported anywhere makes the same keys.
        var occurrences: [Day?: Int] = [:]
        for viewing in real {
            let occurrence = occurrences[viewing.watchedOn, default: 0]
            occurrences[viewing.watchedOn] = occurrence + 1
            if let count = existing[viewing.watchedOn], count > 0 {
                existing[viewing.watchedOn] = count - 1
                report.unchanged.viewings += 1
                continue
            }
            let key = viewing.key != 0 ? viewing.key : RowKey.viewing(filmId: filmId, day: viewing.watchedOn, placeholder: false, occurrence: occurrence)
            try store.insertViewing(key: key,
                                    filmId: filmId, watchedOn: viewing.watchedOn, rewatch: viewing.rewatch, loggedAt: loggedAt(viewing))
            report.added.viewings += 1
        }
        // A file that counts plays (Trakt's watched): plays on a day not known until the film
        // has as many viewings, whatever earlier imports of the count gave.
        if let plays = imported.plays {
            let have = current.count(where: { !$0.placeholder }) + report.added.viewings - addedBefore
            var first = !current.contains { !$0.placeholder && !$0.rewatch } && !real.contains { !$0.rewatch }
            let unknown = current.count { $0.watchedOn == nil && !$0.placeholder } + occurrences[nil, default: 0]
            for play in 0..<max(0, plays - have) {
                try store.insertViewing(key: RowKey.viewing(filmId: filmId, day: nil, placeholder: false, occurrence: unknown + play),
                                        filmId: filmId, watchedOn: nil, rewatch: !first, loggedAt: now)
                first = false
                report.added.viewings += 1
            }
        }
        let dated = current.contains { $0.watchedOn != nil } || real.contains { $0.watchedOn != nil }
        if dated {
            if current.contains(where: \.placeholder) { report.placeholdersReplaced += try store.deletePlaceholders(filmId: filmId) }
        } else if let placeholder = imported.viewings.first(where: \.placeholder) {
            if current.isEmpty && real.isEmpty {
                let key = placeholder.key != 0 ? placeholder.key : RowKey.viewing(filmId: filmId, day: nil, placeholder: true, occurrence: 0)
                try store.insertViewing(key: key,
                                        filmId: filmId, watchedOn: nil, rewatch: placeholder.rewatch, loggedAt: loggedAt(placeholder),
                                        placeholder: true)
                report.added.placeholders += 1
            } else {
                report.unchanged.placeholders += 1
            }
        }
    }

    /// When a viewing was logged, as stored; the time of the import when the file does not
    /// say. A diary's viewings are logged on a few thousand days: each text is made once.
    mutating func loggedAt(_ viewing: ImportedViewing) -> String {
        guard let seconds = viewing.loggedAtSecondsSince1970 else { return now }
        if let text = loggedAtTexts[seconds] { return text }
        let text = Timestamp.iso(seconds: seconds)
        loggedAtTexts[seconds] = text
        return text
    }

    mutating func addRating(_ imported: ImportedFilm, to film: Film, isNew: Bool) throws {
        guard let theirs = imported.rating else { return }
        guard let ours = isNew ? nil : try store.rating(filmId: film.id) else {
            try store.save(Rating(filmId: film.id, value: theirs.value, ratedAt: theirs.ratedAt ?? now))
            report.added.ratings += 1
            return
        }
        if ours.value == theirs.value {
            report.unchanged.ratings += 1
            return
        }
        // The later rating wins; a date in the future (which an older version took from a
        // file) is no date, so that it cannot win forever.
        let ourDate = ours.ratedAt <= now ? ours.ratedAt : nil
        let importedWon = theirs.ratedAt.map { theirDate in
            guard theirDate <= now else { return false }
            guard let ourDate else { return true }
            return theirDate > ourDate || (theirDate == ourDate && theirs.current)
        } ?? false
        report.conflicts.append(ImportReport.Conflict(film: film.displayTitle, ours: ours.value, theirs: theirs.value, importedWon: importedWon))
        if importedWon, let ratedAt = theirs.ratedAt {
            try store.save(Rating(filmId: film.id, value: theirs.value, ratedAt: ratedAt))
        }
    }

    /// Adds the notes the film does not have. A note whose entry the database knows follows
    /// the entry's edits while the person has not edited the note; once they have, their text
    /// stays, and an entry's new text becomes a note of its own (nothing either side wrote is
    /// lost). Otherwise a note whose text equals one of the film's notes, or all of them joined
    /// by blank lines (as a Letterboxd review carries them), is there.
    /// Says whether any note changed.
    mutating func addNotes(_ imported: ImportedFilm, to filmId: Int64, isNew: Bool) throws -> Bool {
        guard !imported.notes.isEmpty else { return false }
        var changed = false
        let current = isNew ? [] : try store.notes(ofFilm: filmId)
        var known = Set(current.map(\.text))
        known.insert(current.map(\.text).joined(separator: "\n\n"))
        for note in imported.notes {
            let createdAt = note.createdAt ?? now
            if imported.format == .watchlist, let source = note.source, var existing = try store.note(source: source) {
                // A document's note of a review, as another database holds it.
                if existing.filmId == filmId, note.text == existing.text || note.text == existing.importedText {
                    report.unchanged.notes += 1
                    continue
                }
                if existing.filmId == filmId, existing.importedText == nil, note.importedText == existing.text {
                    // Edited there, not here: the edit arrives, and the review's text stays known.
                    (existing.text, existing.importedText, existing.updatedAt) = (note.text, note.importedText, note.updatedAt ?? createdAt)
                    try store.rewrite(existing)
                    report.notesUpdated += 1
                    changed = true
                    continue
                }
                // Both changed: the text here stays the review's note, the document's becomes a
                // note of its own (below), so that neither is lost.
                if known.contains(note.text) {
                    report.unchanged.notes += 1
                    continue
                }
                try store.insertNote(key: RowKey.note(filmId: filmId, source: nil, text: note.text),
                                     filmId: filmId, text: note.text, createdAt: createdAt, updatedAt: note.updatedAt ?? createdAt)
                known.insert(note.text)
                report.added.notes += 1
                changed = true
                continue
            }
            if let source = note.source, var existing = try store.note(source: source) {
                let lastImported = existing.importedText ?? existing.text
                if lastImported == note.text && existing.filmId == filmId {
                    report.unchanged.notes += 1
                    continue
                }
                if existing.importedText == nil {
                    (existing.filmId, existing.text, existing.createdAt, existing.updatedAt) = (filmId, note.text, createdAt, note.updatedAt ?? createdAt)
                    try store.rewrite(existing)
                    report.notesUpdated += 1
                    changed = true
                    continue
                }
                // Edited here and there: the person's text stays the entry's note, and the
                // entry's new text is added below as a note of its own.
                existing.importedText = note.text
                try store.rewrite(existing)
                report.editedNotesKept += 1
                changed = true
                if known.contains(note.text) { continue }
                try store.insertNote(key: RowKey.note(filmId: filmId, source: nil, text: note.text),
                                     filmId: filmId, text: note.text, createdAt: createdAt, updatedAt: note.updatedAt ?? createdAt)
                known.insert(note.text)
                report.added.notes += 1
                report.reviewsAddedBeside += 1
                continue
            }
            if known.contains(note.text) {
                // The same text, noted before its entry was known: it is now that entry's note.
                if let source = note.source, var same = current.first(where: { $0.text == note.text && $0.source == nil }) {
                    same.source = source
                    try store.rewrite(same)
                }
                report.unchanged.notes += 1
                continue
            }
            try store.insertNote(key: note.key ?? RowKey.note(filmId: filmId, source: note.source, text: note.text),
                                 filmId: filmId, text: note.text, createdAt: createdAt, updatedAt: note.updatedAt ?? createdAt,
                                 source: note.source, importedText: note.importedText)
            known.insert(note.text)
            report.added.notes += 1
            changed = true
        }
        return changed
    }
}
