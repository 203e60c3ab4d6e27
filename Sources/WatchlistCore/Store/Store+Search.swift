internal import GRDB

/// `filmSearch` (Schema/v7_metadata.sql) holds one row per film: its titles, description, fact,
/// notes, tags and directors (every source's). The store keeps it in step with every change: SQLite refuses FTS5 in
/// triggers under `trusted_schema = OFF`, which every connection runs with.
extension Store {
    /// The search row of a film as it is now, for the film ids `?` names.
    private static let searchRow = """
        SELECT f.id, f.title || coalesce((SELECT ' / ' || group_concat(title, ' / ') FROM filmTitle WHERE filmId = f.id), ''),
               f.description, f.fact,
               (SELECT group_concat(text, ' ') FROM note WHERE filmId = f.id),
               (SELECT group_concat(tag, ' ') FROM filmTag WHERE filmId = f.id),
               (SELECT group_concat(value, ' ') FROM filmFact WHERE filmId = f.id AND field = 'director')
        FROM film f
        """

    /// Makes a film's search row what the film holds now; removes it when the film is gone.
    func refreshSearch(filmId: Int64) throws {
        try execute("DELETE FROM filmSearch WHERE rowid = ?", [filmId])
        try execute("INSERT INTO filmSearch (rowid, title, description, fact, notes, tags, people) \(Store.searchRow) WHERE f.id = ?", [filmId])
    }

    /// The same for many films: a few one at a time, many (an import's) through a temporary
    /// table, in two statements.
    func refreshSearch(filmIds: Set<Int64>) throws {
        guard filmIds.count > 32 else {
            for id in filmIds.sorted() { try refreshSearch(filmId: id) }
            return
        }
        try execute("CREATE TEMP TABLE IF NOT EXISTS searchRefresh (id INTEGER PRIMARY KEY)")
        // One statement for all the ids (a restore touches every film: one a statement cost it
        // a quarter of its time).
        var list = "["
        for id in filmIds { list += list.utf8.count == 1 ? String(id) : "," + String(id) }
        try execute("INSERT INTO temp.searchRefresh (id) SELECT value FROM json_each(?)", [list + "]"])
        try execute("DELETE FROM filmSearch WHERE rowid IN (SELECT id FROM temp.searchRefresh)")
        try execute("""
            INSERT INTO filmSearch (rowid, title, description, fact, notes, tags, people)
            \(Store.searchRow) WHERE f.id IN (SELECT id FROM temp.searchRefresh)
            """)
        try execute("DELETE FROM temp.searchRefresh")
    }

    /// Every film's search row made again (a SQLite without the session extension cannot say
    /// which films a change touched).
    func rebuildSearch() throws {
        try execute("DELETE FROM filmSearch")
        try execute("INSERT INTO filmSearch (rowid, title, description, fact, notes, tags, people) \(Store.searchRow)")
    }

    /// Films whose title, description, fact, notes, tags or directors hold every word of `words`, best
    /// first (BM25, a title match counting most), with a snippet of the best matching part
    /// where the matches are wrapped in `open` and `close`.
    /// `limit` -1: every match.
    func search(_ words: [String], open: String, close: String, ellipsis: String, limit: Int) throws -> [SearchHit] {
        try all("""
            SELECT film.*, (SELECT number FROM filmNumber WHERE filmId = film.id) AS number, snippet(filmSearch, -1, ?2, ?3, ?5, 16) AS snippet,
                   bm25(filmSearch, 10.0, 2.0, 2.0, 3.0, 5.0, 5.0) AS rank, \(Store.identifiersOf("film.id")) AS ids,
                   \(Store.shownFactsOf("film.id")) AS facts
            FROM filmSearch JOIN film ON film.id = filmSearch.rowid
            WHERE filmSearch MATCH ?1 ORDER BY rank, number LIMIT ?4
            """, [Store.matchQuery(words), open, close, limit, ellipsis]) { row in
            SearchHit(film: try Decode.film(row), snippet: try row.value("snippet", "filmSearch"), score: -(try row.value("rank", "filmSearch") as Double),
                      ids: Decode.identifiers(try row.value("ids", "filmIdentifier")),
                      metadata: try Decode.shownMetadata(try row.value("facts", "filmFact"), filmId: try row.value(0, "film")))
        }
    }

    /// How many films hold every word.
    func searchCount(_ words: [String]) throws -> Int {
        try value(Int.self, "SELECT count(*) FROM filmSearch WHERE filmSearch MATCH ?", [Store.matchQuery(words)]) ?? 0
    }

    /// The FTS5 query of `words`: each an FTS5 string (quotes doubled), so that nothing typed is
    /// query syntax; the last one also matches as a prefix.
    private static func matchQuery(_ words: [String]) -> String {
        words.enumerated().map { index, word in
            "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (index == words.count - 1 ? "*" : "")
        }.joined(separator: " ")
    }
}
