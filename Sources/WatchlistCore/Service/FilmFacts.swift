import Foundation

/// A person's own film facts: `film set` and `film unset`. Imports give theirs as their source
/// (Importer); what the person sets is shown before any file's, and undo takes it back.
extension Watchlist {
    /// Sets the person's values of the fields `metadata` has (replacing their earlier values of
    /// those fields; other fields and other sources stay). Fails with nothingChanged when the
    /// film already had exactly these.
    /// `year` gives the film its year (a film Netflix's history named without one).
    public func setFacts(_ reference: String, _ metadata: FilmMetadata, year: Int? = nil) throws -> FilmMetadataResult {
        guard !metadata.isEmpty || year != nil else {
            throw WatchlistError.invalidArgument("Name at least one fact to set: --director, --genre, --country, --language, --runtime, --released or --year.")
        }
        if let year, !(1870...2999).contains(year) { throw WatchlistError.invalidArgument("\(year) is not a film's year (1870 to 2999).") }
        return try recorded({ ($0.yearSet != nil ? "Set the year of \($0.film.title) to \($0.yearSet!)" : "")
            + ($0.yearSet != nil && !$0.changed.isEmpty ? "; " : "")
            + ($0.changed.isEmpty ? "" : "Set the \(Watchlist.fieldList($0.changed)) of \($0.film.displayTitle)") }) { store in
            var film = try FilmQuery.resolve(reference, in: store)
            let newYear = year.flatMap { $0 == film.year ? nil : $0 }
            if let newYear {
                try store.setYear(newYear, filmId: film.id)
                film.year = newYear
            }
            let changed = metadata.isEmpty ? [] : try store.setMetadata(filmId: film.id, source: .user, metadata, fields: metadata.fields)
            guard !changed.isEmpty || newYear != nil else {
                throw WatchlistError.nothingChanged("\(film.displayTitle) already has these facts")
            }
            var result = FilmMetadataResult(film: film, changed: changed, shown: FilmMetadata.shown(try store.metadataBySource(filmId: film.id)))
            result.yearSet = newYear
            return result
        }
    }

    /// Forgets the person's values of `fields` (every field when empty); what a file gave shows
    /// again. Fails with nothingChanged when the person had set none of them.
    public func unsetFacts(_ reference: String, _ fields: [MetadataField]) throws -> FilmMetadataResult {
        let fields = fields.isEmpty ? MetadataField.facts : fields
        return try recorded({ "Unset the \(Watchlist.fieldList($0.changed)) of \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            let removed = try store.removeMetadata(filmId: film.id, source: .user, fields: fields)
            guard !removed.isEmpty else {
                throw WatchlistError.nothingChanged("\(film.displayTitle) has no \(Watchlist.fieldList(fields)) you set")
            }
            return FilmMetadataResult(film: film, changed: removed, shown: FilmMetadata.shown(try store.metadataBySource(filmId: film.id)))
        }
    }

    /// Takes a film's IMDb id away (a match `facts import` found, or one a file gave), with
    /// the facts IMDb's datasets gave for it; no later run gives the id back. Fails with
    /// nothingChanged when the film has none. Returns the film and the id.
    public func unsetIMDbId(_ reference: String) throws -> (film: Film, id: String) {
        try recorded({ "Took the IMDb id \($0.id) away from \($0.film.displayTitle)" }) { store in
            let film = try FilmQuery.resolve(reference, in: store)
            guard let id = try store.removeIMDbId(filmId: film.id) else {
                throw WatchlistError.nothingChanged("\(film.displayTitle) has no IMDb id")
            }
            return (film, id)
        }
    }

    /// "director, runtime".
    static func fieldList(_ fields: [MetadataField]) -> String {
        fields.map(\.rawValue).joined(separator: ", ")
    }
}
