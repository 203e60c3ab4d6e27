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

    /// Calls `body` with every film's detail in id order (only the films of the collection
    /// `collectionId` when it is set), reading each table once in film order, so that memory
    /// stays flat however many films and viewings there are. A row whose values no version of
    /// watchlist writes is left out, and named in what this returns.
    @discardableResult
    func forEachFilmDetail(collectionId: Int64? = nil, _ body: (FilmDetail) throws -> Void) throws -> [String] {
        let leftOut = LeftOut()
        var films = try PeekingCursor(Row.fetchCursor(db, sql: """
            SELECT * FROM film
            WHERE ?1 IS NULL OR id IN (SELECT filmId FROM collectionFilm WHERE collectionId = ?1)
            ORDER BY id
            """, arguments: [collectionId]), decode: Decode.film, filmId: \.id, leftOut: leftOut)
        var viewings = try PeekingCursor(Row.fetchCursor(db, sql: "SELECT * FROM viewing ORDER BY filmId, watchedOn, id"),
                                         decode: Decode.viewing, filmId: \.filmId, leftOut: leftOut)
        var ratings = try PeekingCursor(Row.fetchCursor(db, sql: "SELECT * FROM rating ORDER BY filmId"),
                                        decode: Decode.rating, filmId: \.filmId, leftOut: leftOut)
        var notes = try PeekingCursor(Row.fetchCursor(db, sql: "SELECT * FROM note ORDER BY filmId, id"),
                                      decode: Decode.note, filmId: \.filmId, leftOut: leftOut)
        var tags = try PeekingCursor(Row.fetchCursor(db, sql: "SELECT filmId, tag, addedAt FROM filmTag ORDER BY filmId, tag"),
                                     decode: { (filmId: try $0.value(0, "filmTag") as Int64, tag: try $0.value(1, "filmTag") as String,
                                                addedAt: try $0.value(2, "filmTag") as String) },
                                     filmId: \.filmId, leftOut: leftOut)
        var memberships = try PeekingCursor(Row.fetchCursor(db, sql: """
            SELECT cf.filmId, c.slug FROM collectionFilm cf JOIN collection c ON c.id = cf.collectionId
            ORDER BY cf.filmId, c.id
            """), decode: { (filmId: try $0.value(0, "collectionFilm") as Int64, slug: try $0.value(1, "collection") as String) },
                                            filmId: \.filmId, leftOut: leftOut)
        var identifiers = try PeekingCursor(Row.fetchCursor(db, sql: "SELECT filmId, kind, value FROM filmIdentifier ORDER BY filmId, kind"),
                                            decode: {
                                                (filmId: try $0.value(0, "filmIdentifier") as Int64, kind: try $0.value(1, "filmIdentifier") as String,
                                                 value: try $0.value(2, "filmIdentifier") as String)
                                            }, filmId: \.filmId, leftOut: leftOut)
        var titles = try PeekingCursor(Row.fetchCursor(db, sql: "SELECT filmId, title FROM filmTitle ORDER BY filmId, title"),
                                       decode: { (filmId: try $0.value(0, "filmTitle") as Int64, title: try $0.value(1, "filmTitle") as String) },
                                       filmId: \.filmId, leftOut: leftOut)
        var facts = try PeekingCursor(Row.fetchCursor(db, sql: """
            SELECT id, filmId, source, field, value FROM filmFact ORDER BY filmId, source, field, position
            """), decode: Decode.fact, filmId: \.filmId, leftOut: leftOut)
        while let film = try films.next() {
            let metadata: [MetadataSource: FilmMetadata]
            do {
                metadata = try Decode.metadata(try facts.take(filmId: film.id))
            } catch let damage as DamagedValue {
                leftOut.rows.append(damage.description)
                metadata = [:]
            }
            let filmTags = try tags.take(filmId: film.id)
            try body(FilmDetail(
                film: film,
                collections: try memberships.take(filmId: film.id).map(\.slug),
                viewings: try viewings.take(filmId: film.id),
                rating: try ratings.take(filmId: film.id).first,
                notes: try notes.take(filmId: film.id),
                tags: filmTags.map(\.tag),
                ids: try identifiers.take(filmId: film.id).reduce(into: FilmIdentifiers()) { $0.set(kind: $1.kind, value: $1.value) },
                alternativeTitles: try titles.take(filmId: film.id).map(\.title),
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

/// Rows sorted by film id, decoded one at a time, with a look at the next one without taking
/// it: for merging several such cursors. A row that cannot be decoded is skipped and noted in
/// `leftOut`.
struct PeekingCursor<Element> {
    private let rows: RowCursor
    private let decode: (Row) throws -> Element
    private let filmId: (Element) -> Int64
    private let leftOut: LeftOut
    private var peeked: Element?

    init(_ rows: RowCursor, decode: @escaping (Row) throws -> Element, filmId: @escaping (Element) -> Int64, leftOut: LeftOut) throws {
        self.rows = rows
        self.decode = decode
        self.filmId = filmId
        self.leftOut = leftOut
        self.peeked = nil
        self.peeked = try nextDecoded()
    }

    private func nextDecoded() throws -> Element? {
        while let row = try rows.next() {
            do {
                return try decode(row)
            } catch let damage as DamagedValue {
                leftOut.rows.append(damage.description)
            }
        }
        return nil
    }

    /// Takes the next element.
    mutating func next() throws -> Element? {
        let element = peeked
        if element != nil { peeked = try nextDecoded() }
        return element
    }

    /// Skips the elements of earlier films, then takes the run of elements of film `id`.
    mutating func take(filmId id: Int64) throws -> [Element] {
        while let element = peeked, filmId(element) < id { peeked = try nextDecoded() }
        var taken: [Element] = []
        while let element = peeked, filmId(element) == id {
            taken.append(element)
            peeked = try nextDecoded()
        }
        return taken
    }
}
