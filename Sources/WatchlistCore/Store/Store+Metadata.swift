internal import GRDB

/// `filmFact` (Schema/v7_metadata.sql): directors, genres, countries, language, runtime and
/// release date, one value a row, kept per source. What a film shows for a field is the values
/// of the first source that has any (user, imdb, letterboxd, datasets).
extension Store {
    /// The rank of a source, in SQL: its place in MetadataSource's order, the one the model shows by.
    static let sourceRank = "CASE source "
        + MetadataSource.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset) " }.joined() + "END"

    /// True for a filmFact row (aliased `alias`) whose source is the one its film shows for its
    /// field: no source before it has a value of that field. Each test is one seek in the
    /// (filmId, field, source) index, so a film's hundred directors cost a hundred seeks, not a
    /// hundred scans of the hundred (the cost of `list` on many facts was their square).
    static func isShown(_ alias: String) -> String {
        let sources = MetadataSource.allCases
        var tests: [String] = []
        for (index, worse) in sources.enumerated() {
            for better in sources[..<index] {
                tests.append("""
                    NOT (\(alias).source = '\(worse.rawValue)' AND EXISTS (SELECT 1 FROM filmFact y
                         WHERE y.filmId = \(alias).filmId AND y.field = \(alias).field AND y.source = '\(better.rawValue)'))
                    """)
            }
        }
        return "(" + tests.joined(separator: " AND ") + ")"
    }

    /// One shown fact as text: field, position and value, with unit separators between.
    private static let factText = "x.field || char(31) || x.position || char(31) || x.value"

    /// The facts a film shows, as one text (facts separated by record separators), for a few
    /// rows: decoded by `Decode.shownMetadata`.
    static func shownFactsOf(_ film: String) -> String {
        "(SELECT group_concat(\(factText), char(30)) FROM filmFact x WHERE x.filmId = \(film) AND \(isShown("x")))"
    }

    /// The same for every film at once, with its runtime: a table (filmId, facts, runtime) that
    /// a listing joins, which SQLite makes once instead of a lookup a film.
    static let shownFacts = """
        SELECT x.filmId, group_concat(\(factText), char(30)) AS facts,
               max(CASE WHEN x.field = 'runtime' THEN CAST(x.value AS INTEGER) END) AS runtime
        FROM filmFact x WHERE \(isShown("x")) GROUP BY x.filmId
        """

    /// What each source says about a film.
    func metadataBySource(filmId: Int64) throws -> [MetadataSource: FilmMetadata] {
        let rows = try all("SELECT id, filmId, source, field, value FROM filmFact WHERE filmId = ? ORDER BY source, field, position",
                           [filmId], Decode.fact)
        return try Decode.metadata(rows)
    }

    /// Makes `source`'s values of `fields` for a film exactly those of `metadata` (none, for a
    /// field `metadata` lacks). Returns the fields whose values changed; a field whose values
    /// are already these is not touched.
    @discardableResult
    func setMetadata(filmId: Int64, source: MetadataSource, _ metadata: FilmMetadata, fields: [MetadataField]) throws -> [MetadataField] {
        var changed: [MetadataField] = []
        for field in fields {
            let values = metadata.values(of: field)
            let current = try self.values(String.self, """
                SELECT value FROM filmFact WHERE filmId = ? AND source = ? AND field = ? ORDER BY position
                """, [filmId, source.rawValue, field.rawValue])
            guard current != values else { continue }
            try execute("DELETE FROM filmFact WHERE filmId = ? AND source = ? AND field = ?", [filmId, source.rawValue, field.rawValue])
            for (position, value) in values.enumerated() {
                _ = try insertKeyed(RowKey.fact(filmId: filmId, source: source.rawValue, field: field.rawValue, position: position)) { key in
                    try execute("""
                        INSERT INTO filmFact (id, filmId, source, field, position, value, valueKey)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, [key, filmId, source.rawValue, field.rawValue, position, value, TitleKey.fold(value)])
                }
            }
            changed.append(field)
        }
        return changed
    }

    /// Forgets `source`'s values of `fields` for a film; returns the fields it had.
    func removeMetadata(filmId: Int64, source: MetadataSource, fields: [MetadataField]) throws -> [MetadataField] {
        var removed: [MetadataField] = []
        for field in fields {
            try execute("DELETE FROM filmFact WHERE filmId = ? AND source = ? AND field = ?", [filmId, source.rawValue, field.rawValue])
            if changes > 0 { removed.append(field) }
        }
        return removed
    }
}

extension Decode {
    typealias Fact = (id: Int64, filmId: Int64, source: String, field: String, value: String)

    /// id, filmId, source, field, value.
    static func fact(_ row: Row) throws -> Fact {
        let table = "filmFact"
        return (try row.value(0, table), try row.value(1, table), try row.value(2, table), try row.value(3, table), try row.value(4, table))
    }

    /// Facts in source, field and position order, as metadata per source. A source, field or
    /// value no version of watchlist writes is damage.
    static func metadata(_ facts: [Fact]) throws -> [MetadataSource: FilmMetadata] {
        var result: [MetadataSource: FilmMetadata] = [:]
        var index = 0
        while index < facts.count {
            let first = facts[index]
            var end = index
            while end < facts.count, facts[end].source == first.source, facts[end].field == first.field { end += 1 }
            guard let source = MetadataSource(rawValue: first.source) else {
                throw DamagedValue(table: "filmFact", row: first.id, problem: "'\(first.source)' is not a source of film facts")
            }
            guard let field = MetadataField(rawValue: first.field) else {
                throw DamagedValue(table: "filmFact", row: first.id, problem: "'\(first.field)' is not a film fact")
            }
            var metadata = result[source] ?? FilmMetadata()
            guard metadata.set(field, stored: facts[index..<end].map(\.value)) else {
                throw DamagedValue(table: "filmFact", row: first.id, problem: "'\(first.value)' is not a \(field.rawValue)")
            }
            result[source] = metadata
            index = end
        }
        return result
    }

    /// The facts a film shows, from `Store.shownFactsOf` or `Store.shownFacts`: in any order
    /// (group_concat promises none), put in field and position order here.
    static func shownMetadata(_ text: String?, filmId: Int64) throws -> FilmMetadata {
        guard let text, !text.isEmpty else { return FilmMetadata() }
        var facts: [(field: MetadataField, position: Int, value: String)] = []
        for record in text.split(separator: "\u{1E}", omittingEmptySubsequences: false) {
            let parts = record.split(separator: "\u{1F}", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let field = MetadataField(rawValue: String(parts[0])), let position = Int(parts[1]) else {
                throw DamagedValue(table: "filmFact", row: filmId, problem: "a fact of film \(filmId) is not one watchlist writes")
            }
            facts.append((field, position, String(parts[2])))
        }
        facts.sort { ($0.field.order, $0.position) < ($1.field.order, $1.position) }
        var metadata = FilmMetadata()
        for field in MetadataField.allCases {
            let values = facts.filter { $0.field == field }.map(\.value)
            guard !values.isEmpty else { continue }
            guard metadata.set(field, stored: values) else {
                throw DamagedValue(table: "filmFact", row: filmId, problem: "a \(field.rawValue) of film \(filmId) is not one watchlist writes")
            }
        }
        return metadata
    }
}
