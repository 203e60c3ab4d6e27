import WatchlistCore

/// `show`: everything about one film, as text.
enum FilmText {
    static func render(_ detail: FilmDetail) -> String {
        var lines = ["\(detail.film.displayTitle)  [id \(detail.film.number)]"]
        if !detail.alternativeTitles.isEmpty { lines.append("Also known as: " + detail.alternativeTitles.map(\.oneLine).joined(separator: "; ")) }
        if !detail.collections.isEmpty { lines.append("Collections: " + detail.collections.joined(separator: ", ")) }
        let matched = detail.metadataBySource[.datasets]?.imdbMatch
        let ids = detail.ids.pairs.map {
            "\(FilmText.idNames[$0.kind] ?? $0.kind) \($0.value)" + ($0.kind == "imdb" && $0.value == matched ? " (found by matching)" : "")
        }
        if !ids.isEmpty { lines.append("Ids: " + ids.joined(separator: ", ")) }
        lines += facts(detail.metadata)
        if !detail.film.description.isEmpty { lines += ["", detail.film.description] }
        if !detail.film.fact.isEmpty { lines += ["", "Fact: " + detail.film.fact] }
        lines.append("")
        if let rating = detail.rating {
            lines.append("Rating: \(Glyphs.current.rating(rating.value)), rated \(rating.ratedAt.prefix(10))")
        } else {
            lines.append("Rating: none")
        }
        lines.append("Tags: " + (detail.tags.isEmpty ? "none" : detail.tags.joined(separator: ", ")))
        if detail.viewings.isEmpty {
            lines.append("Viewings: none")
        } else {
            lines.append("Viewings (\(detail.viewings.count)):")
            for viewing in detail.viewings {
                lines.append("  " + (viewing.watchedOn?.iso ?? (viewing.placeholder ? "watched, day not known (imported)" : "unknown day"))
                    + (viewing.rewatch ? "  rewatch" : ""))
            }
        }
        if detail.notes.isEmpty {
            lines.append("Notes: none")
        } else {
            lines.append("Notes (\(detail.notes.count)):")
            for note in detail.notes {
                lines.append("  [\(note.number)] \(note.createdAt.prefix(10))")
                lines += indented(note.text, by: 6)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "Directed by …", genres, countries, language, runtime, release date: the lines of what is known.
    static func facts(_ metadata: FilmMetadata) -> [String] {
        var lines: [String] = []
        if !metadata.directors.isEmpty { lines.append("Directed by: " + metadata.directors.joined(separator: ", ")) }
        if !metadata.genres.isEmpty { lines.append("Genres: " + metadata.genres.joined(separator: ", ")) }
        if !metadata.countries.isEmpty { lines.append("Countries: " + metadata.countries.joined(separator: ", ")) }
        if let language = metadata.language { lines.append("Language: " + language) }
        if let runtime = metadata.runtime { lines.append("Runtime: \(runtime) min" + (runtime >= 60 ? " (\(FilmMetadata.runtimeText(runtime)))" : "")) }
        if let released = metadata.released { lines.append("Released: " + released.iso) }
        return lines
    }

    static let idNames = ["imdb": "IMDb", "letterboxd": "Letterboxd", "tmdb": "TMDB", "trakt": "Trakt"]

    /// `note list`: each note with its id, film and day, its text indented.
    static func notes(_ notes: [FilmNote]) -> String {
        notes.map { item in
            let when = item.note.updatedAt == item.note.createdAt
                ? String(item.note.createdAt.prefix(10))
                : "\(item.note.createdAt.prefix(10)), edited \(item.note.updatedAt.prefix(10))"
            return (["[\(item.note.number)] \(item.film.displayTitle) \(Glyphs.current.separator) \(when)"] + indented(item.note.text, by: 4)).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// `next`: the film suggested, its description, and what to type after watching it.
    static func suggestion(_ suggestion: Suggestion) -> String {
        let film = suggestion.film
        var text = "\(film.displayTitle)  [id \(film.number)]"
        if !film.description.isEmpty { text += "\n\n" + film.description }
        let choices = plural(suggestion.choices, "unwatched film")
        return text + "\n\nChosen from \(choices). After watching: watchlist watch \(film.number)"
    }

    private static func indented(_ text: String, by spaces: Int) -> [String] {
        let margin = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { margin + $0 }
    }
}
