internal import GRDB

extension Store {
    /// The numbers of `stats`, over every film or the films of collection `collectionId`.
    func stats(collectionId: Int64?, year: Int? = nil) throws -> Stats {
        // The films in scope, as a condition on a film id column.
        let scope = "(?1 IS NULL OR filmId IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1))"
        let arguments: StatementArguments = [collectionId]
        let viewings = try value(Int.self, "SELECT count(*) FROM viewing WHERE \(scope)", arguments) ?? 0
        let byYear = try all("""
            SELECT substr(watchedOn, 1, 4), count(*) FROM viewing WHERE watchedOn IS NOT NULL AND \(scope)
            GROUP BY 1 ORDER BY 1
            """, arguments) { Stats.Count(label: try $0.value(0, "viewing"), count: try $0.value(1, "viewing")) }
        let byDecade = try all("""
            SELECT year / 10 * 10, count(*) FROM film
            WHERE year IS NOT NULL AND id IN (SELECT DISTINCT filmId FROM viewing WHERE \(scope))
            GROUP BY 1 ORDER BY 1
            """, arguments) { Stats.Count(label: "\(try $0.value(0, "film") as Int)s", count: try $0.value(1, "film")) }
        var histogram: [Int: Int] = [:]
        for (halfStars, count) in try all("SELECT halfStars, count(*) FROM rating WHERE \(scope) GROUP BY halfStars", arguments,
                                          { (try $0.value(0, "rating") as Int, try $0.value(1, "rating") as Int) }) {
            guard StarRating(halfStars: halfStars) != nil else {
                throw DamagedValue(table: "rating", row: 0, problem: "\(plural(count, "rating")) of \(halfStars) half stars, not 1 to 10")
            }
            histogram[halfStars] = count
        }
        let ratings = StarRating.all.map { Stats.Count(label: $0.decimal, count: histogram[$0.halfStars] ?? 0) }
        let average = try value(Double.self, "SELECT avg(halfStars) / 2.0 FROM rating WHERE \(scope)", arguments)
        let rewatched = try all("""
            SELECT \(Store.filmColumns), v.n FROM (SELECT filmId, count(*) AS n FROM viewing WHERE \(scope) GROUP BY filmId HAVING n > 1) v
            JOIN film f ON f.id = v.filmId ORDER BY v.n DESC, number LIMIT 5
            """, arguments) { row in
            Stats.Rewatched(film: try Decode.film(row).displayTitle, viewings: try row.value("n", "viewing"))
        }
        let gap = try one("""
            SELECT previous, watchedOn, julianday(watchedOn) - julianday(previous) AS days FROM (
                SELECT watchedOn, lag(watchedOn) OVER (ORDER BY watchedOn) AS previous
                FROM viewing WHERE watchedOn IS NOT NULL AND \(scope))
            WHERE previous IS NOT NULL ORDER BY days DESC, watchedOn LIMIT 1
            """, arguments) { row -> Stats.Gap? in
            guard let from = Day(iso: try row.value(0, "viewing")), let to = Day(iso: try row.value(1, "viewing")),
                  let days = Int(exactly: (try row.value(2, "viewing") as Double).rounded()) else { return nil }
            return Stats.Gap(from: from, to: to, days: days)
        } ?? nil
        return Stats(collections: try collectionId.map { try collectionProgress(collectionId: $0) } ?? collectionProgressByActivity(), viewings: viewings,
                     viewingsByYear: byYear, filmsByDecade: byDecade, ratings: ratings, averageRating: average,
                     mostRewatched: rewatched, longestGap: gap, review: try review(collectionId: collectionId, year: year))
    }

    /// The year in review over the viewings of `year` (every year when nil); a viewing on an
    /// unknown day counts in the year it was logged.
    func review(collectionId: Int64?, year: Int?) throws -> YearInReview {
        let scope = """
            (?1 IS NULL OR v.filmId IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1))
            AND (?2 IS NULL OR CAST(substr(coalesce(v.watchedOn, v.loggedAt), 1, 4) AS INTEGER) = ?2)
            """
        let arguments: StatementArguments = [collectionId, year]
        let watched = try all("""
            SELECT \(Store.filmColumns), count(*) AS n, sum(v.rewatch) AS rewatches, r.halfStars AS halfStars, shown.facts AS facts
            FROM viewing v JOIN film f ON f.id = v.filmId LEFT JOIN rating r ON r.filmId = f.id
                 LEFT JOIN (\(Store.shownFacts)) AS shown ON shown.filmId = f.id
            WHERE \(scope) GROUP BY f.id ORDER BY number
            """, arguments) { row in
            let film = try Decode.film(row)
            let halfStars: Int64? = try row.value("halfStars", "rating")
            return YearInReview.Watched(film: film, metadata: try Decode.shownMetadata(try row.value("facts", "filmFact"), filmId: film.id),
                                        rating: try halfStars.map { try Decode.rating(filmId: film.id, halfStars: $0) },
                                        viewings: try row.value("n", "viewing"), rewatches: try row.value("rewatches", "viewing"))
        }
        let years = try all("""
            SELECT y, count(*), coalesce(sum(runtime), 0), sum(runtime IS NULL) FROM (
                SELECT CAST(substr(coalesce(v.watchedOn, v.loggedAt), 1, 4) AS INTEGER) AS y, shown.runtime AS runtime
                FROM viewing v LEFT JOIN (\(Store.shownFacts)) AS shown ON shown.filmId = v.filmId WHERE \(scope))
            GROUP BY y ORDER BY y
            """, arguments) { row in
            YearInReview.Year(year: try row.value(0, "viewing"), viewings: try row.value(1, "viewing"), minutes: try row.value(2, "viewing"),
                              viewingsOfUnknownRuntime: try row.value(3, "viewing"))
        }
        let unknownDays = try value(Int.self, "SELECT count(*) FROM viewing v WHERE v.watchedOn IS NULL AND \(scope)", arguments) ?? 0
        return YearInReview(year: year, watched: watched, years: years, viewingsOnUnknownDays: unknownDays)
    }
}
