import Foundation

/// Who said what is known about a film. A film shows, for each field, the values of the first
/// source in this order that has any: what the person set, then IMDb's exports, then
/// Letterboxd's import format. Each source keeps its own values (Schema/v7_metadata.sql).
/// `datasets` is IMDb's public catalogue (`watchlist facts import`), ranked last: what the person
/// and their own exports say comes first.
public enum MetadataSource: String, Sendable, CaseIterable, Comparable {
    case user, imdb, letterboxd, datasets

    public static func < (lhs: MetadataSource, rhs: MetadataSource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A kind of fact about a film; directors, genres and countries are lists (in the order the
/// source gives them), the others one value.
/// `imdbMatch`, `imdbRefused` and `originalTitle` are not facts a film shows but the datasets
/// source's record of what it did: the IMDb id a run found by title and year, the ids the
/// person took away, and the title a run added to the film's other titles.
public enum MetadataField: String, Sendable, CaseIterable {
    case director, genre, country, language, runtime, released, imdbMatch, imdbRefused, originalTitle

    /// The facts a film shows and a person sets: every field but the datasets source's ids.
    public static let facts: [MetadataField] = [.director, .genre, .country, .language, .runtime, .released]

    public var isList: Bool { self == .director || self == .genre || self == .country || self == .imdbRefused }

    /// Its place in `allCases`.
    public var order: Int { MetadataField.allCases.firstIndex(of: self)! }

    /// The most values a list field keeps (the schema's bound).
    public static let maximumValues = 100
    /// The longest value (a name, a genre, a country), counted as TextLimit counts.
    public static let maximumLength = TextLimit.factValue.maximum
    /// The longest runtime, in minutes (the longest film ever shown runs 857 hours).
    public static let maximumRuntime = 99_999
}

/// What is known about a film beyond its title and year. Unknown stays unknown: an empty list
/// or nil, never zero.
public struct FilmMetadata: Hashable, Sendable {
    /// In credit order.
    public var directors: [String]
    public var genres: [String]
    public var countries: [String]
    /// The original language.
    public var language: String?
    /// In minutes.
    public var runtime: Int?
    public var released: Day?
    /// The IMDb id the datasets source found by matching (its own source only).
    public var imdbMatch: String?
    /// The IMDb ids the person took away from the film, never matched to it again.
    public var imdbRefused: [String] = []
    /// The title the datasets source added to the film's other titles.
    public var originalTitle: String?

    public init(directors: [String] = [], genres: [String] = [], countries: [String] = [], language: String? = nil,
                runtime: Int? = nil, released: Day? = nil) {
        (self.directors, self.genres, self.countries, self.language, self.runtime, self.released)
            = (directors, genres, countries, language, runtime, released)
    }

    public var isEmpty: Bool { fields.isEmpty }

    /// The fields that have a value.
    public var fields: [MetadataField] { MetadataField.allCases.filter { !values(of: $0).isEmpty } }

    /// A field's values as they are stored: text, runtime in decimal, released as YYYY-MM-DD.
    public func values(of field: MetadataField) -> [String] {
        switch field {
        case .director: directors
        case .genre: genres
        case .country: countries
        case .language: language.map { [$0] } ?? []
        case .runtime: runtime.map { [String($0)] } ?? []
        case .released: released.map { [$0.iso] } ?? []
        case .imdbMatch: imdbMatch.map { [$0] } ?? []
        case .imdbRefused: imdbRefused
        case .originalTitle: originalTitle.map { [$0] } ?? []
        }
    }

    /// Sets a field from stored values; nil when a runtime or a day does not read as one.
    public mutating func set(_ field: MetadataField, stored values: [String]) -> Bool {
        switch field {
        case .director: directors = values
        case .genre: genres = values
        case .country: countries = values
        case .language: language = values.first
        case .runtime:
            guard let text = values.first else { runtime = nil; return true }
            guard let minutes = Int(text), (1...MetadataField.maximumRuntime).contains(minutes) else { return false }
            runtime = minutes
        case .released:
            guard let text = values.first else { released = nil; return true }
            guard let day = Day(iso: text) else { return false }
            released = day
        case .imdbMatch:
            guard let text = values.first else { imdbMatch = nil; return true }
            guard FilmIdentifiers.imdb(parsing: text) == text else { return false }
            imdbMatch = text
        case .imdbRefused:
            guard values.allSatisfy({ FilmIdentifiers.imdb(parsing: $0) == $0 }) else { return false }
            imdbRefused = values
        case .originalTitle: originalTitle = values.first
        }
        return true
    }

    /// This metadata with `other`'s values for the fields `other` has.
    public func overlaid(by other: FilmMetadata) -> FilmMetadata {
        var result = self
        for field in other.fields { _ = result.set(field, stored: other.values(of: field)) }
        return result
    }

    /// What a film shows: for each field, the values of the first source that has any.
    public static func shown(_ bySource: [MetadataSource: FilmMetadata]) -> FilmMetadata {
        var result = FilmMetadata()
        for source in MetadataSource.allCases.reversed() {
            if let metadata = bySource[source] { result = result.overlaid(by: metadata) }
        }
        return result
    }

    /// "1 h 51 min", "45 min".
    public static func runtimeText(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h" + (minutes % 60 == 0 ? "" : " \(minutes % 60) min")
    }
}

extension FilmMetadata {
    /// The facts a person typed (`film set`): each value checked and normalised as the
    /// database keeps it, repeated values once, at most `MetadataField.maximumValues` of a field.
    public static func parsing(directors: [String] = [], genres: [String] = [], countries: [String] = [], language: String? = nil,
                               runtime: String? = nil, released: String? = nil) throws -> FilmMetadata {
        func values(_ raw: [String], _ field: MetadataField) throws -> [String] {
            // Counted before any value is looked at: ten thousand of them are refused at once.
            guard raw.count <= MetadataField.maximumValues else {
                throw WatchlistError.invalidArgument("At most \(MetadataField.maximumValues) values of --\(field.rawValue); \(raw.count) were given.")
            }
            var result: [String] = []
            var seen = Set<String>()
            for value in try raw.map({ try InputText.metadataValue($0, field: field) }) where seen.insert(value).inserted { result.append(value) }
            return result
        }
        var metadata = FilmMetadata(directors: try values(directors, .director), genres: try values(genres, .genre),
                                    countries: try values(countries, .country),
                                    language: try language.map { try InputText.metadataValue($0, field: .language) },
                                    runtime: try runtime.map(InputText.runtime))
        if let released {
            guard let day = Day(iso: released) else { throw WatchlistError.invalidDate(released) }
            metadata.released = day
        }
        return metadata
    }
}

extension InputText {
    /// A director, genre, country or language as typed or imported: NFC, spaces collapsed, not
    /// empty, at most 200 code points (TextLimit.factValue), no control character.
    public static func metadataValue(_ raw: String, field: MetadataField) throws -> String {
        let what = field == .country ? "country" : field.rawValue
        // A value of megabytes is refused before any work on it.
        guard raw.utf8.count <= 64 * MetadataField.maximumLength || raw.unicodeScalars.count <= 4 * MetadataField.maximumLength else {
            throw WatchlistError.textTooLong(what: what, length: TextLimit.length(raw), limit: MetadataField.maximumLength)
        }
        let value = normalized(raw).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !value.isEmpty else { throw WatchlistError.invalidArgument("The \(what) is empty.") }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{0}" }) else {
            throw WatchlistError.invalidArgument("The \(what) holds a control character; give plain text.")
        }
        guard TextLimit.factValue.allows(value) else {
            throw WatchlistError.textTooLong(what: what, length: TextLimit.length(value), limit: MetadataField.maximumLength)
        }
        return value
    }

    /// A runtime in minutes: "111", "111 min", "1h51", "1 h 51 min", "1:51". Every number is
    /// bounded before it is multiplied: `999999999999999999h` is refused, never an overflow.
    public static func runtime(_ raw: String) throws -> Int {
        let text = raw.count <= 40 ? raw.lowercased().filter { !$0.isWhitespace } : ""
        /// A number of at most 6 digits: anything longer is beyond every runtime.
        func number(_ digits: Substring) -> Int? {
            digits.count <= 6 && digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(digits) : nil
        }
        var minutes: Int?
        if let value = number(text[...]) {
            minutes = value
        } else if text.hasSuffix("min"), let value = number(text.dropLast(3)) {
            minutes = value
        } else if let hour = text.firstIndex(where: { $0 == "h" || $0 == ":" }), let hours = number(text[..<hour]) {
            var rest = text[text.index(after: hour)...]
            if rest.hasSuffix("min") { rest = rest.dropLast(3) } else if rest.hasSuffix("m") { rest = rest.dropLast() }
            if rest.isEmpty { minutes = hours * 60 } else if let extra = number(rest), (0..<60).contains(extra) { minutes = hours * 60 + extra }
        }
        guard let minutes, (1...MetadataField.maximumRuntime).contains(minutes) else {
            throw WatchlistError.invalidArgument("'\(raw.prefix(40))' is not a runtime: give minutes (111) or hours and minutes (1h51), "
                                                 + "from 1 to \(MetadataField.maximumRuntime) minutes.")
        }
        return minutes
    }

    /// A decade as typed: "1970s", "1970", "70s".
    public static func decade(_ raw: String) throws -> Int {
        var text = raw.lowercased().trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("s") { text.removeLast() }
        if text.hasPrefix("'") { text.removeFirst() }
        guard text.count <= 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            throw WatchlistError.invalidArgument("'\(raw.prefix(40))' is not a decade such as 1970s.")
        }
        if text.count == 2 { return 1900 + value - value % 10 }
        guard text.count == 4, value % 10 == 0 else { throw WatchlistError.invalidArgument("'\(raw)' is not a decade such as 1970s.") }
        return value
    }
}
