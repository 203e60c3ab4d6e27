import Foundation

/// The shapes of the document as JSON gives them, before any value is checked: every field
/// that an older version lacks is optional, and numbers are read so that one too large for
/// any type is named as such.
extension WatchlistDocumentReader {
    struct Document: Decodable {
        var format: String
        var version: VersionIn
        var collections: [CollectionIn]?
        var films: [FilmIn]?
    }

    /// The version as written, whatever it is: a number too large for any type (1e400) is
    /// named as such, not called invalid JSON.
    struct VersionIn: Decodable {
        var number: Int?
        var written: String

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                (self.number, written) = (number, String(number))
            } else if let number = try? container.decode(Double.self) {
                (self.number, written) = (nil, String(number))
            } else if let text = try? container.decode(String.self) {
                (self.number, written) = (nil, "'\(text.prefix(40))'")
            } else {
                (self.number, written) = (nil, "a number beyond any version")
            }
        }
    }

    /// A whole number of at most 64 bits. Foundation's decoder reports a number that is not
    /// one (90.5, 99999999999999999999) as "not valid JSON" with no place; read through this
    /// type, it is a type mismatch at its own place, which the message names.
    struct WholeNumber: Decodable {
        var value: Int64

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            guard let value = try? container.decode(Int64.self) else {
                throw DecodingError.typeMismatch(Int64.self, .init(codingPath: decoder.codingPath, debugDescription: "not a whole number"))
            }
            self.value = value
        }
    }

    /// Deeper than any document watchlist writes (4 levels) by far; JSONDecoder refuses 512
    /// and calls the file invalid, so the depth is measured first, to say what is wrong.
    static let maximumDepth = 64

    struct CollectionIn: Decodable {
        var slug: String
        var title: String
        var description: String?
        var films: [WholeNumber]?
        var origin: String?
        var entryNotes: [String]?
        var createdAt: String?
    }

    struct IdsIn: Decodable {
        var imdb: String?
        var letterboxd: String?
        var tmdb: WholeNumber?
        var trakt: WholeNumber?
    }

    struct FilmIn: Decodable {
        var id: WholeNumber?
        var key: String?
        var title: String
        var year: WholeNumber?
        var description: String?
        var fact: String?
        var collections: [String]?
        var viewings: [ViewingIn]?
        var rating: Double?
        var ratedAt: String?
        var notes: [NoteIn]?
        var tags: [String]?
        var ids: IdsIn?
        var alternativeTitles: [String]?
        var facts: [String: FactsIn]?
        var tagsAddedAt: [String: String]?
    }

    struct FactsIn: Decodable {
        var directors: [String]?
        var genres: [String]?
        var countries: [String]?
        var language: String?
        var runtime: WholeNumber?
        var released: String?
        var imdbMatch: String?
        var imdbRefused: [String]?
        var originalTitle: String?
    }

    struct ViewingIn: Decodable {
        var key: String?
        var date: String?
        var rewatch: Bool?
        var loggedAt: String?
        var placeholder: Bool?
    }

    struct NoteIn: Decodable {
        var id: WholeNumber?
        var key: String?
        var text: String
        var createdAt: String?
        var updatedAt: String?
        var source: String?
        var importedText: String?
    }
}
