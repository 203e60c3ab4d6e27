internal import GRDB

extension Store {
    /// The films `query` selects; `collectionId` is the id of `query.collection`, which the
    /// caller has looked up.
    func filmSummaries(_ query: FilmListQuery, collectionId: Int64? = nil) throws -> [FilmSummary] {
        var summaries: [FilmSummary] = []
        try forEachFilmSummary(query, collectionId: collectionId) { summaries.append($0) }
        return summaries
    }

    /// The same, one at a time as the rows are read: memory stays flat however many there are.
    func forEachFilmSummary(_ query: FilmListQuery, collectionId: Int64? = nil, _ body: (FilmSummary) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: StatementArguments = [collectionId]
        switch query.watched {
        case true?: conditions.append("viewingCount > 0")
        case false?: conditions.append("viewingCount = 0")
        case nil: break
        }
        switch query.rated {
        case true?: conditions.append("halfStars IS NOT NULL")
        case false?: conditions.append("halfStars IS NULL")
        case nil: break
        }
        if let tag = query.tag {
            conditions.append("EXISTS (SELECT 1 FROM filmTag t WHERE t.filmId = id AND t.tag = ?)")
            arguments += [tag.name]
        }
        // A fact filter matches a film one of whose shown values has a word starting with the
        // folded text, as a part of a title does (FilmQuery).
        for (field, text) in [(MetadataField.director, query.director), (.genre, query.genre), (.country, query.country)] {
            guard let text else { continue }
            conditions.append("""
                EXISTS (SELECT 1 FROM filmFact d WHERE d.filmId = listed.id AND d.field = '\(field.rawValue)'
                        AND instr(' ' || d.valueKey, ' ' || ?) > 0 AND \(Store.isShown("d")))
                """)
            arguments += [TitleKey.fold(text)]
        }
        if let decade = query.decade {
            conditions.append("year BETWEEN ? AND ?")
            arguments += [decade, decade + 9]
        }
        if let maxRuntime = query.maxRuntime {
            conditions.append("runtime <= ?")
            arguments += [maxRuntime]
        }
        if collectionId != nil { conditions.append("position IS NOT NULL") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT * FROM (
                SELECT f.id, f.title, f.year, f.description, f.fact, f.titleKey,
                       (SELECT count(*) FROM viewing v WHERE v.filmId = f.id) AS viewingCount,
                       (SELECT max(v.watchedOn) FROM viewing v WHERE v.filmId = f.id) AS lastWatched,
                       r.halfStars AS halfStars,
                       (SELECT count(*) FROM note n WHERE n.filmId = f.id) AS noteCount,
                       (SELECT group_concat(tag, ',') FROM (SELECT tag FROM filmTag t WHERE t.filmId = f.id ORDER BY tag)) AS tags,
                       (SELECT cf.position FROM collectionFilm cf WHERE cf.filmId = f.id AND cf.collectionId = ?1) AS position,
                       \(Store.identifiersOf("f.id")) AS ids,
                       shown.facts AS facts, shown.runtime AS runtime,
                       (SELECT number FROM filmNumber WHERE filmId = f.id) AS number
                FROM film f LEFT JOIN rating r ON r.filmId = f.id LEFT JOIN (\(Store.shownFacts)) AS shown ON shown.filmId = f.id
            ) AS listed \(filter)
            ORDER BY \(Store.order(query))
            """), arguments: arguments)
        // By position, in the order of the SELECT: a film's six columns, then the computed ones.
        while let row = try rows.next() {
            let film = try Decode.film(row)
            let halfStars: Int64? = try row.value(8, "rating")
            try body(FilmSummary(
                film: film,
                viewingCount: try row.value(6, "viewing"),
                lastWatched: try Decode.day(try row.value(7, "viewing"), table: "viewing of film", row: film.id),
                rating: try halfStars.map { try Decode.rating(filmId: film.id, halfStars: $0) },
                noteCount: try row.value(9, "note"),
                tags: (try row.value(10, "filmTag") as String?).map { $0.split(separator: ",").map(String.init) } ?? [],
                ids: Decode.identifiers(try row.value(12, "filmIdentifier")),
                metadata: try Decode.shownMetadata(try row.value(13, "filmFact"), filmId: film.id)))
        }
    }

    /// The ORDER BY of a listing: sort keys come from this fixed list only, and films without
    /// the value always go last.
    private static func order(_ query: FilmListQuery) -> String {
        let ascending = query.reverse ? "DESC" : "ASC"
        let descending = query.reverse ? "ASC" : "DESC"
        switch query.sort {
        case .id: return "position \(ascending), number \(ascending)"
        case .title: return "titleKey \(ascending), year \(ascending) NULLS LAST, number \(ascending)"
        case .year: return "year \(ascending) NULLS LAST, number \(ascending)"
        case .rating: return "halfStars \(descending) NULLS LAST, number \(ascending)"
        case .watched: return "lastWatched \(descending) NULLS LAST, viewingCount \(descending), number \(ascending)"
        case .runtime: return "runtime \(ascending) NULLS LAST, number \(ascending)"
        }
    }
}
