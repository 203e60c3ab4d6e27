internal import GRDB

extension Store {
    /// The numbers of `stats`, over every film or the films of collection `collectionId`.
    func stats(collectionId: Int64?) throws -> Stats {
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
                throw DamagedValue(table: "rating", row: 0, problem: "\(count) rating(s) of \(halfStars) half stars, not 1 to 10")
            }
            histogram[halfStars] = count
        }
        let ratings = StarRating.all.map { Stats.Count(label: $0.decimal, count: histogram[$0.halfStars] ?? 0) }
        let average = try value(Double.self, "SELECT avg(halfStars) / 2.0 FROM rating WHERE \(scope)", arguments)
        let rewatched = try all("""
            SELECT f.*, v.n FROM (SELECT filmId, count(*) AS n FROM viewing WHERE \(scope) GROUP BY filmId HAVING n > 1) v
            JOIN film f ON f.id = v.filmId ORDER BY v.n DESC, f.id LIMIT 5
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
        return Stats(collections: try collectionProgress(collectionId: collectionId), viewings: viewings,
                     viewingsByYear: byYear, filmsByDecade: byDecade, ratings: ratings, averageRating: average,
                     mostRewatched: rewatched, longestGap: gap)
    }
}
