internal import GRDB

extension Store {
    /// Everything recorded about one film.
    func filmDetail(_ film: Film) throws -> FilmDetail {
        FilmDetail(
            film: film,
            collections: try collectionSlugs(filmId: film.id),
            viewings: try viewings(filmId: film.id),
            rating: try rating(filmId: film.id),
            notes: try notes(ofFilm: film.id),
            tags: try tags(filmId: film.id),
            ids: try identifiers(filmId: film.id),
            alternativeTitles: try alternativeTitles(filmId: film.id),
            metadataBySource: try metadataBySource(filmId: film.id),
            tagsAddedAt: try tagsAddedAt(filmId: film.id))
    }

    /// Calls `body` with every film's detail in the order of the numbers this device shows
    /// (only the films of the collection `collectionId` when it is set), reading each table once
    /// in that order (each row joined to its film's number, which the indexes give in order), so
    /// that memory stays flat however many films and viewings there are. A row whose values no
    /// version of watchlist writes, and a film without a number, is left out, and named in
    /// what this returns.
    @discardableResult
    func forEachFilmDetail(collectionId: Int64? = nil, _ body: (FilmDetail) throws -> Void) throws -> [String] {
        let leftOut = LeftOut()
        leftOut.rows += try values(Int64.self, """
            SELECT id FROM film WHERE id NOT IN (SELECT filmId FROM filmNumber)
              AND (?1 IS NULL OR id IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1))
            """, [collectionId]).map { "film row \($0): the film has no number on this device" }
        /// The rows of `sql`, a table joined to the numbers (`n`), each with its film's number.
        func cursor<Element>(_ sql: String, _ arguments: StatementArguments = [], _ decode: @escaping (Row) throws -> Element) throws -> PeekingCursor<Element> {
            try PeekingCursor(Row.fetchCursor(db, sql: sql, arguments: arguments), decode: decode, leftOut: leftOut)
        }
        var films = try cursor("""
            SELECT f.*, n.number AS number, n.number AS filmNumber FROM filmNumber n JOIN film f ON f.id = n.filmId
            WHERE ?1 IS NULL OR f.id IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1)
            ORDER BY n.number
            """, [collectionId], Decode.film)
        var viewings = try cursor("""
            SELECT v.*, n.number AS filmNumber FROM filmNumber n JOIN viewing v ON v.filmId = n.filmId
            ORDER BY n.number, v.watchedOn, v.loggedAt, v.id
            """, [], Decode.viewing)
        var ratings = try cursor("SELECT r.*, n.number AS filmNumber FROM filmNumber n JOIN rating r ON r.filmId = n.filmId ORDER BY n.number",
                                 [], Decode.rating)
        var notes = try cursor("""
            SELECT o.*, (SELECT number FROM noteNumber WHERE noteId = o.id) AS number, n.number AS filmNumber
            FROM filmNumber n JOIN note o ON o.filmId = n.filmId ORDER BY n.number, (SELECT number FROM noteNumber WHERE noteId = o.id)
            """, [], Decode.note)
        var tags = try cursor("SELECT t.tag, t.addedAt, n.number AS filmNumber FROM filmNumber n JOIN filmTag t ON t.filmId = n.filmId ORDER BY n.number, t.tag") {
            (tag: try $0.value(0, "filmTag") as String, addedAt: try $0.value(1, "filmTag") as String)
        }
        var memberships = try cursor("""
            SELECT c.slug, n.number AS filmNumber FROM filmNumber n JOIN collectionFilm cf ON cf.filmId = n.filmId
            JOIN collection c ON c.id = cf.collectionId ORDER BY n.number, c.builtIn DESC, c.createdAt, c.slug
            """) { try $0.value(0, "collection") as String }
        var identifiers = try cursor("""
            SELECT i.kind, i.value, n.number AS filmNumber FROM filmNumber n JOIN filmIdentifier i ON i.filmId = n.filmId ORDER BY n.number, i.kind
            """) { (kind: try $0.value(0, "filmIdentifier") as String, value: try $0.value(1, "filmIdentifier") as String) }
        var titles = try cursor("SELECT t.title, n.number AS filmNumber FROM filmNumber n JOIN filmTitle t ON t.filmId = n.filmId ORDER BY n.number, t.title") {
            try $0.value(0, "filmTitle") as String
        }
        var facts = try cursor("""
            SELECT x.id, x.filmId, x.source, x.field, x.value, n.number AS filmNumber FROM filmNumber n JOIN filmFact x ON x.filmId = n.filmId
            ORDER BY n.number, x.source, x.field, x.position
            """, [], Decode.fact)
        while let film = try films.next() {
            let metadata: [MetadataSource: FilmMetadata]
            do {
                metadata = try Decode.metadata(try facts.take(number: film.number))
            } catch let damage as DamagedValue {
                leftOut.rows.append(damage.description)
                metadata = [:]
            }
            let filmTags = try tags.take(number: film.number)
            try body(FilmDetail(
                film: film,
                collections: try memberships.take(number: film.number),
                viewings: try viewings.take(number: film.number),
                rating: try ratings.take(number: film.number).first,
                notes: try notes.take(number: film.number),
                tags: filmTags.map(\.tag),
                ids: try identifiers.take(number: film.number).reduce(into: FilmIdentifiers()) { $0.set(kind: $1.kind, value: $1.value) },
                alternativeTitles: try titles.take(number: film.number),
                metadataBySource: metadata,
                tagsAddedAt: Dictionary(filmTags.map { ($0.tag, $0.addedAt) }, uniquingKeysWith: { a, _ in a })))
        }
        return leftOut.rows
    }
}

/// The rows an export could not read, shared by its cursors.
final class LeftOut {
    var rows: [String] = []
}

/// Rows sorted by their film's number (the column `filmNumber`), decoded one at a time, with
/// a look at the next one without taking it: for merging several such cursors. A row that
/// cannot be decoded is skipped and noted in `leftOut`.
struct PeekingCursor<Element> {
    private let rows: RowCursor
    private let decode: (Row) throws -> Element
    private let leftOut: LeftOut
    private var peeked: (number: Int64, element: Element)?

    init(_ rows: RowCursor, decode: @escaping (Row) throws -> Element, leftOut: LeftOut) throws {
        self.rows = rows
        self.decode = decode
        self.leftOut = leftOut
        self.peeked = nil
        self.peeked = try nextDecoded()
    }

    private func nextDecoded() throws -> (number: Int64, element: Element)? {
        while let row = try rows.next() {
            do {
                return (try row.value("filmNumber", "filmNumber"), try decode(row))
            } catch let damage as DamagedValue {
                leftOut.rows.append(damage.description)
            }
        }
        return nil
    }

    /// Takes the next element.
    mutating func next() throws -> Element? {
        let element = peeked?.element
        if element != nil { peeked = try nextDecoded() }
        return element
    }

    /// Skips the elements of earlier films, then takes the run of elements of the film with
    /// this number.
    mutating func take(number: Int64) throws -> [Element] {
        while let element = peeked, element.number < number { peeked = try nextDecoded() }
        var taken: [Element] = []
        while let element = peeked, element.number == number {
            taken.append(element.element)
            peeked = try nextDecoded()
        }
        return taken
    }
}
