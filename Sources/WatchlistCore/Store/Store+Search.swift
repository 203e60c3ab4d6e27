internal import GRDB

extension Store {
    /// Films whose title, description, fact, notes or tags hold every word of `words`, best
    /// first (BM25, a title match counting most), with a snippet of the best matching part
    /// where the matches are wrapped in `open` and `close`.
    func search(_ words: [String], open: String, close: String, limit: Int) throws -> [SearchHit] {
        // Each word is an FTS5 string (quotes doubled), so that nothing typed is query syntax;
        // the last one also matches as a prefix.
        let query = words.enumerated().map { index, word in
            "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (index == words.count - 1 ? "*" : "")
        }.joined(separator: " ")
        return try all("""
            SELECT film.*, snippet(filmSearch, -1, ?2, ?3, '…', 16) AS snippet,
                   bm25(filmSearch, 10.0, 2.0, 2.0, 3.0, 5.0) AS rank, \(Store.identifiersOf("film.id")) AS ids
            FROM filmSearch JOIN film ON film.id = filmSearch.rowid
            WHERE filmSearch MATCH ?1 ORDER BY rank, film.id LIMIT ?4
            """, [query, open, close, limit]) { row in
            SearchHit(film: try Decode.film(row), snippet: row["snippet"], score: -(row["rank"] as Double), ids: Decode.identifiers(row["ids"]))
        }
    }
}
