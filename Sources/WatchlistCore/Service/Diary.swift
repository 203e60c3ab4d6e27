import Foundation

/// The diary's changes: viewings, ratings, tags and notes.
extension Watchlist {
    // MARK: Viewings

    /// Logs a viewing on `day`. The day must exist, not be in the future, and not come
    /// before the film's year.
    public func watch(_ reference: String, on choice: DayChoice = .today, markedRewatch: Bool = false) throws -> WatchResult {
        let today = clock.today
        let day = choice.resolve(today: today)
        if let day, day > today { throw WatchlistError.futureDate(day.iso, today: today.iso) }
        return try recorded({ "Watched \($0.film.displayTitle) \($0.viewing.watchedOn.onDay)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            if let day, let year = film.year, day.year < year {
                throw WatchlistError.dateBeforeRelease(day.iso, film: film.displayTitle, year: year)
            }
            // The same command run twice in one second (a key held, a script retried) logs one viewing.
            let loggedAt = now
            if try store.viewings(filmId: film.id).contains(where: { $0.watchedOn == day && $0.loggedAt == loggedAt && !$0.placeholder }) {
                throw WatchlistError.nothingChanged("\(film.displayTitle) was logged as watched \(day.onDay) a moment ago (at \(loggedAt))")
            }
            let viewing = try store.logViewing(filmId: film.id, watchedOn: day, markedRewatch: markedRewatch, loggedAt: loggedAt)
            return WatchResult(film: film, viewing: viewing)
        }
    }

    /// Removes viewings; fails with nothingChanged when none matched.
    public func unwatch(_ reference: String, _ selection: ViewingSelection = .latest) throws -> UnwatchResult {
        try recorded({ "Removed \(plural($0.removed.count, "viewing")) of \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let removed = try store.deleteViewings(filmId: film.id, selection)
            guard !removed.isEmpty else {
                if case .on(let day) = selection {
                    throw WatchlistError.nothingChanged("\(film.displayTitle) has no viewing \(day.onDay)")
                }
                throw WatchlistError.nothingChanged("\(film.displayTitle) has no viewing to remove")
            }
            return UnwatchResult(film: film, removed: removed)
        }
    }

    // MARK: Ratings

    /// Rates a film; fails with nothingChanged when it already has this rating.
    public func rate(_ reference: String, _ rating: StarRating) throws -> RateResult {
        try recorded({ "Rated \($0.film.displayTitle) \($0.rating.starsText)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            if let current = try store.rating(filmId: film.id), current.value == rating {
                throw WatchlistError.nothingChanged("\(film.displayTitle) is already rated \(rating.decimal) of 5")
            }
            let previous = try store.setRating(filmId: film.id, rating, ratedAt: now)
            return RateResult(film: film, rating: rating, previous: previous?.value)
        }
    }

    public func unrate(_ reference: String) throws -> UnrateResult {
        try recorded({ "Removed the rating of \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            guard let removed = try store.deleteRating(filmId: film.id) else {
                throw WatchlistError.nothingChanged("\(film.displayTitle) has no rating to remove")
            }
            return UnrateResult(film: film, removed: removed.value)
        }
    }

    // MARK: Tags

    /// Tags a film; tags it already has are left as they are, and fails with nothingChanged when
    /// it had them all.
    public func tag(_ reference: String, _ tags: [Tag]) throws -> TagResult {
        let tags = try Watchlist.names(tags)
        return try recorded({ "Tagged \($0.film.displayTitle) \($0.added.joined(separator: ", "))" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let added = try store.addTags(filmId: film.id, tags, at: now)
            guard !added.isEmpty else {
                throw WatchlistError.nothingChanged("\(film.displayTitle) already has the \(tags.count == 1 ? "tag" : "tags") \(tags.joined(separator: ", "))")
            }
            return TagResult(film: film, added: added, kept: tags.filter { !added.contains($0) })
        }
    }

    /// Removes tags from a film; fails with nothingChanged when it had none of them.
    public func untag(_ reference: String, _ tags: [Tag]) throws -> UntagResult {
        let tags = try Watchlist.names(tags)
        return try recorded({ "Removed \($0.removed.joined(separator: ", ")) from \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let removed = try store.removeTags(filmId: film.id, tags)
            guard !removed.isEmpty else {
                throw WatchlistError.nothingChanged("\(film.displayTitle) has no tag \(tags.joined(separator: ", "))")
            }
            return UntagResult(film: film, removed: removed, missing: tags.filter { !removed.contains($0) })
        }
    }

    /// The tags' names, each once; at least one.
    private static func names(_ tags: [Tag]) throws -> [String] {
        guard !tags.isEmpty else { throw WatchlistError.invalidArgument("Name at least one tag.") }
        var seen = Set<Tag>()
        return tags.filter { seen.insert($0).inserted }.map(\.name)
    }

    // MARK: Notes

    /// Adds a note; fails with nothingChanged when the film has a note with this very text.
    public func addNote(_ reference: String, text note: NoteText) throws -> FilmNote {
        let text = note.text
        return try recorded({ "Added note \($0.note.number) to \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            if let same = try store.notes(ofFilm: film.id).first(where: { $0.text == text }) {
                throw WatchlistError.nothingChanged("\(film.displayTitle) already has this note (note \(same.number))")
            }
            return FilmNote(film: film, note: try store.insertNote(key: RowKey.random(), filmId: film.id, text: text, createdAt: now, updatedAt: now))
        }
    }

    /// Replaces a note's text (the note this device shows as `id`); fails with nothingChanged
    /// when it has this text already.
    public func editNote(number id: Int64, text note: NoteText) throws -> FilmNote {
        let text = note.text
        return try recorded({ "Edited note \($0.note.number) on \($0.film.displayTitle)" }) { store in
            if let current = try store.note(number: id), current.text == text {
                throw WatchlistError.nothingChanged("Note \(id) already has this text")
            }
            guard let note = try store.updateNote(number: id, text: text, at: now),
                  let film = try store.film(id: note.filmId) else { throw WatchlistError.noteNotFound(id: id) }
            return FilmNote(film: film, note: note)
        }
    }

    public func deleteNote(number id: Int64) throws -> FilmNote {
        try recorded({ "Deleted note \($0.note.number) from \($0.film.displayTitle)" }) { store in
            guard let note = try store.deleteNote(number: id),
                  let film = try store.film(id: note.filmId) else { throw WatchlistError.noteNotFound(id: id) }
            return FilmNote(film: film, note: note)
        }
    }
}
