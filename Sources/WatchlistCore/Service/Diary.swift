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
            let viewing = try store.logViewing(filmId: film.id, watchedOn: day, markedRewatch: markedRewatch, loggedAt: now)
            return WatchResult(film: film, viewing: viewing)
        }
    }

    /// Removes viewings; fails with nothingToRemove when none matched.
    public func unwatch(_ reference: String, _ selection: ViewingSelection = .latest) throws -> UnwatchResult {
        try recorded({ "Removed \($0.removed.count) viewing(s) of \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let removed = try store.deleteViewings(filmId: film.id, selection)
            guard !removed.isEmpty else {
                if case .on(let day) = selection {
                    throw WatchlistError.nothingToRemove("\(film.displayTitle) has no viewing \(day.onDay); nothing was removed.")
                }
                throw WatchlistError.nothingToRemove("\(film.displayTitle) has no viewing to remove.")
            }
            return UnwatchResult(film: film, removed: removed)
        }
    }

    // MARK: Ratings

    /// Rates a film; `ratingText` as people type it ("4.5", "4½", "★★★★½", "9/10").
    public func rate(_ reference: String, _ ratingText: String) throws -> RateResult {
        guard let rating = StarRating(parsing: ratingText) else { throw WatchlistError.invalidRating(ratingText) }
        return try recorded({ "Rated \($0.film.displayTitle) \($0.rating.starsText)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let previous = try store.setRating(filmId: film.id, rating, ratedAt: now)
            return RateResult(film: film, rating: rating, previous: previous?.value)
        }
    }

    public func unrate(_ reference: String) throws -> UnrateResult {
        try recorded({ "Removed the rating of \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            guard let removed = try store.deleteRating(filmId: film.id) else {
                throw WatchlistError.nothingToRemove("\(film.displayTitle) has no rating to remove.")
            }
            return UnrateResult(film: film, removed: removed.value)
        }
    }

    // MARK: Tags

    /// Tags a film; tags it already has are left as they are.
    public func tag(_ reference: String, _ rawTags: [String]) throws -> TagResult {
        let tags = try normalizedTags(rawTags)
        return try recorded({ "Tagged \($0.film.displayTitle) \($0.added.joined(separator: ", "))" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let added = try store.addTags(filmId: film.id, tags, at: now)
            return TagResult(film: film, added: added, kept: tags.filter { !added.contains($0) })
        }
    }

    /// Removes tags from a film; fails with nothingToRemove when it had none of them.
    public func untag(_ reference: String, _ rawTags: [String]) throws -> UntagResult {
        let tags = try normalizedTags(rawTags)
        return try recorded({ "Removed \($0.removed.joined(separator: ", ")) from \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let removed = try store.removeTags(filmId: film.id, tags)
            guard !removed.isEmpty else {
                throw WatchlistError.nothingToRemove("\(film.displayTitle) has no tag \(tags.joined(separator: ", ")); nothing was removed.")
            }
            return UntagResult(film: film, removed: removed, missing: tags.filter { !removed.contains($0) })
        }
    }

    private func normalizedTags(_ raw: [String]) throws -> [String] {
        guard !raw.isEmpty else { throw WatchlistError.invalidArgument("Name at least one tag.") }
        var seen = Set<String>()
        return try raw.map(InputText.tag).filter { seen.insert($0).inserted }
    }

    // MARK: Notes

    public func addNote(_ reference: String, text: String) throws -> FilmNote {
        let text = try InputText.note(text)
        return try recorded({ "Added note \($0.note.id) to \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            return FilmNote(film: film, note: try store.insertNote(filmId: film.id, text: text, createdAt: now, updatedAt: now))
        }
    }

    public func editNote(id: Int64, text: String) throws -> FilmNote {
        let text = try InputText.note(text)
        return try recorded({ "Edited note \($0.note.id) on \($0.film.displayTitle)" }) { store in
            guard let note = try store.updateNote(id: id, text: text, at: now),
                  let film = try store.film(id: note.filmId) else { throw WatchlistError.noteNotFound(id: id) }
            return FilmNote(film: film, note: note)
        }
    }

    public func deleteNote(id: Int64) throws -> FilmNote {
        try recorded({ "Deleted note \($0.note.id) from \($0.film.displayTitle)" }) { store in
            guard let note = try store.deleteNote(id: id),
                  let film = try store.film(id: note.filmId) else { throw WatchlistError.noteNotFound(id: id) }
            return FilmNote(film: film, note: note)
        }
    }
}
