internal import GRDB

/// What `facts import` reads of the diary and writes back: the films as the matching sees
/// them, and the `datasets` source's facts (Schema/v12_datasets.sql).
extension Store {
    /// A film of the diary for the matching, with the title a report names it by.
    struct FilmForMatching {
        let matching: IMDbMatching.Film
        let displayTitle: String
    }

    /// Every film: its key, IMDb id, titles (its own and its other titles), year, and the ids
    /// the person took away from it.
    func filmsForMatching() throws -> [FilmForMatching] {
        try all("""
            SELECT f.id, f.title, f.year,
                   (SELECT value FROM filmIdentifier WHERE filmId = f.id AND kind = 'imdb'),
                   (SELECT group_concat(title, char(30)) FROM filmTitle WHERE filmId = f.id),
                   (SELECT group_concat(value, char(30)) FROM filmFact WHERE filmId = f.id AND source = 'datasets' AND field = 'imdbRefused')
            FROM film f ORDER BY f.id
            """, [], { row in
            let title: String = try row.value(1, "film"), year: Int? = try row.value(2, "film")
            let others = (try row.value(4, "filmTitle") as String?)?.split(separator: "\u{1E}").map(String.init) ?? []
            let refused = (try row.value(5, "filmFact") as String?)?.split(separator: "\u{1E}").map(String.init) ?? []
            return FilmForMatching(matching: IMDbMatching.Film(key: try row.value(0, "film"), imdb: try row.value(3, "filmIdentifier"),
                                                               titles: [title] + others, year: year, refused: Set(refused)),
                                   displayTitle: FilmDraft.displayTitle(title, year))
        })
    }

    /// Writes a run's decisions: the ids found by title (with their mark), then each matched
    /// film's facts, the fields the files could say replacing this source's values of them.
    /// A film removed, or given an IMDb id, since the files were read is left as it is now.
    func applyDatasets(_ decisions: [IMDbMatching.Decision], facts: [Int64: (FilmMetadata, [MetadataField])],
                       into report: inout DatasetsReport) throws {
        for (index, decision) in decisions.enumerated() {
            if index % 1024 == 1023 { try Interruption.check() }
            guard let key = decision.film, let film = try film(id: key) else { continue }
            if case .byTitle(_, let id, _) = decision {
                guard try identifiers(filmId: key).imdb == nil, try self.film(identifiedBy: "imdb", id) == nil else { continue }
                try addIdentifiers(FilmIdentifiers(imdb: id), to: key)
                var mark = FilmMetadata()
                mark.imdbMatch = id
                try setMetadata(filmId: key, source: .datasets, mark, fields: [.imdbMatch])
            }
            guard var (metadata, fields) = facts[key] else { continue }
            let before = try metadataBySource(filmId: key)[.datasets] ?? FilmMetadata()
            if fields.contains(.originalTitle) {
                metadata.originalTitle = try placeOriginalTitle(metadata.originalTitle, replacing: before.originalTitle, of: film)
            }
            let changed = try setMetadata(filmId: key, source: .datasets, metadata, fields: fields)
            for field in changed {
                if before.values(of: field).isEmpty { report.factsAdded += 1 } else { report.factsChanged += 1 }
            }
            if !changed.isEmpty { report.filmsChanged += 1 }
        }
    }

    /// Makes the title an earlier run added to a film's other titles `title` instead, when the
    /// film has no title that folds as it does; returns the title added (to be recorded), or
    /// nil. A title longer than a fact holds is not added.
    private func placeOriginalTitle(_ title: String?, replacing old: String?, of film: Film) throws -> String? {
        guard title != old else { return old }
        if let old { try execute("DELETE FROM filmTitle WHERE filmId = ? AND title = ?", [film.id, old]) }
        guard let title, TextLimit.factValue.allows(title) else { return nil }
        let key = TitleKey.fold(title)
        let held = try value(Bool.self, """
            SELECT ?2 = (SELECT titleKey FROM film WHERE id = ?1) OR EXISTS (SELECT 1 FROM filmTitle WHERE filmId = ?1 AND titleKey = ?2)
            """, [film.id, key])
        guard held == false else { return nil }
        return try addAlternativeTitle(title, to: film) ? title : nil
    }

    /// Takes a film's IMDb id away (`film unset --imdb`), with what the datasets gave for it:
    /// the id is remembered as refused, so that no later run gives it back. Returns the id.
    func removeIMDbId(filmId: Int64) throws -> String? {
        guard let id = try identifiers(filmId: filmId).imdb else { return nil }
        try execute("DELETE FROM filmIdentifier WHERE filmId = ? AND kind = 'imdb'", [filmId])
        let before = try metadataBySource(filmId: filmId)[.datasets] ?? FilmMetadata()
        if let title = before.originalTitle { try execute("DELETE FROM filmTitle WHERE filmId = ? AND title = ?", [filmId, title]) }
        var after = FilmMetadata()
        after.imdbRefused = Array(([id] + before.imdbRefused.filter { $0 != id }).prefix(MetadataField.maximumValues))
        try setMetadata(filmId: filmId, source: .datasets, after, fields: MetadataField.allCases)
        return id
    }
}
