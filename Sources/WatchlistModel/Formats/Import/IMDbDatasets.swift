import Foundation

/// IMDb's public dataset files (https://developer.imdb.com/non-commercial-datasets/, for
/// personal, non-commercial use): tab-separated UTF-8, a header line, `\N` for nothing, no
/// quoting, comma lists; `tt…` title ids, `nm…` person ids. A file is known by its header, not
/// its name. Every value is data from outside: a row that breaks the format is a problem named
/// by its line, never a refusal of the file, and every value is bounded as any other way in.
public enum IMDbDataset: String, Sendable, CaseIterable {
    case titleBasics = "title.basics"
    case titleCrew = "title.crew"
    case nameBasics = "name.basics"
    case titleAkas = "title.akas"
    case titleRatings = "title.ratings"

    /// The header line IMDb writes, column by column.
    public var columns: [String] {
        switch self {
        case .titleBasics: ["tconst", "titleType", "primaryTitle", "originalTitle", "isAdult", "startYear", "endYear", "runtimeMinutes", "genres"]
        case .titleCrew: ["tconst", "directors", "writers"]
        case .nameBasics: ["nconst", "primaryName", "birthYear", "deathYear", "primaryProfession", "knownForTitles"]
        case .titleAkas: ["titleId", "ordering", "title", "region", "language", "types", "attributes", "isOriginalTitle"]
        case .titleRatings: ["tconst", "averageRating", "numVotes"]
        }
    }

    /// The dataset a header line names, or nil.
    public static func recognize(header: ArraySlice<UInt8>) -> IMDbDataset? {
        let names = IMDbDataset.fields(header).map { String(decoding: $0, as: UTF8.self) }
        return allCases.first { $0.columns == names }
    }

    /// A line's fields, split at tabs.
    public static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        line.split(separator: 0x09, omittingEmptySubsequences: false)
    }

    /// The most values of a list kept (genres, directors: the schema's positions); the rest are
    /// left out and reported. IMDb's own files have compilations of more than 100 directors.
    public static let listLimit = 100
    /// The longest runtime taken, in minutes (the schema's bound: six digits).
    public static let runtimeLimit = 99_999
}

/// A row of `title.basics`.
public struct IMDbTitle: Sendable, Equatable {
    public var id: String
    public var type: String
    public var primaryTitle: String?
    public var originalTitle: String?
    public var year: Int?
    public var runtime: Int?
    public var genres: [String]

    public init(id: String, type: String, primaryTitle: String?, originalTitle: String?, year: Int?, runtime: Int?, genres: [String]) {
        (self.id, self.type, self.primaryTitle, self.originalTitle) = (id, type, primaryTitle, originalTitle)
        (self.year, self.runtime, self.genres) = (year, runtime, genres)
    }
}

/// A row of `title.crew`: its directors' ids, in IMDb's order.
public struct IMDbCrew: Sendable, Equatable {
    public var id: String
    public var directors: [String]
}

/// A row of `name.basics`.
public struct IMDbName: Sendable, Equatable {
    public var id: String
    public var name: String
}

/// A row of `title.akas`: another title of a film.
public struct IMDbAlternateTitle: Sendable, Equatable {
    public var id: String
    public var title: String
    public var isOriginal: Bool
}

/// A row of `title.ratings`: how many people voted (the weight of a candidate in a tie).
public struct IMDbVotes: Sendable, Equatable {
    public var id: String
    public var votes: Int
}

/// Reading a dataset's rows: each function takes a line's fields and returns the row, with the
/// problems of its values (a value that breaks a rule is left out, and named); a row that
/// cannot be read at all throws its problem.
public enum IMDbDatasetRow {
    public struct Problem: Error, Equatable, Sendable {
        public let text: String
        init(_ text: String) { self.text = text }
    }

    static func checkWidth(_ fields: [ArraySlice<UInt8>], _ dataset: IMDbDataset) throws(Problem) {
        guard fields.count == dataset.columns.count else {
            throw Problem("it has \(fields.count) fields, not the \(dataset.columns.count) of \(dataset.rawValue)")
        }
    }

    /// A `tt…` or `nm…` id: the prefix and 1 to 10 digits.
    static func id(_ field: ArraySlice<UInt8>, _ prefix: String, _ column: String) throws(Problem) -> String {
        let text = String(decoding: field, as: UTF8.self)
        guard text.hasPrefix(prefix), (prefix.count + 1...prefix.count + 10).contains(text.utf8.count),
              text.utf8.dropFirst(prefix.count).allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw Problem("\(column) '\(text.oneLine.prefix(30))' is not an IMDb id such as \(prefix)0000001")
        }
        return text
    }

    static func isNothing(_ field: ArraySlice<UInt8>) -> Bool { field.elementsEqual([0x5C, 0x4E]) || field.isEmpty }

    /// A text value, or nil for `\N`: valid UTF-8 without control characters, within `limit`.
    static func text(_ field: ArraySlice<UInt8>, _ column: String, limit: TextLimit, _ problems: inout [String]) -> String? {
        guard !isNothing(field) else { return nil }
        guard let decoded = String(validating: field, as: UTF8.self) else {
            problems.append("\(column) is not UTF-8 text: left out")
            return nil
        }
        let text = InputText.normalized(decoded.trimmingCharacters(in: .whitespaces))
        // ASCII (most of IMDb's text) has its control characters below 0x20 and at 0x7F.
        let ascii = !field.contains { $0 >= 0x80 }
        if ascii ? field.contains(where: { $0 < 0x20 || $0 == 0x7F })
            : text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) {
            problems.append("\(column) holds control characters (such as a terminal's escape codes): left out")
            return nil
        }
        guard !text.isEmpty else { return nil }
        guard limit.allows(text) else {
            problems.append("\(column) is \(TextLimit.length(text)) characters, over the \(limit.maximum) of a \(limit.what): left out")
            return nil
        }
        return text
    }

    /// A whole number within `range`, or nil for `\N` (or out of range, named).
    static func number(_ field: ArraySlice<UInt8>, _ column: String, _ range: ClosedRange<Int>, _ problems: inout [String]) -> Int? {
        guard !isNothing(field) else { return nil }
        let text = String(decoding: field, as: UTF8.self)
        guard field.count <= 12, field.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text), range.contains(value) else {
            problems.append("\(column) '\(text.oneLine.prefix(24))' is not a whole number from \(range.lowerBound) to \(range.upperBound): left out")
            return nil
        }
        return value
    }

    /// A comma list, at most `IMDbDataset.listLimit` values kept.
    static func list(_ field: ArraySlice<UInt8>, _ column: String, _ problems: inout [String]) -> [ArraySlice<UInt8>] {
        guard !isNothing(field) else { return [] }
        let values = field.split(separator: 0x2C, omittingEmptySubsequences: true)
        if values.count > IMDbDataset.listLimit {
            problems.append("\(column) has \(values.count) values: the first \(IMDbDataset.listLimit) kept")
        }
        return Array(values.prefix(IMDbDataset.listLimit))
    }

    public static func title(_ fields: [ArraySlice<UInt8>], problems: inout [String]) throws(Problem) -> IMDbTitle {
        try checkWidth(fields, .titleBasics)
        let id = try id(fields[0], "tt", "tconst")
        let type = text(fields[1], "titleType", limit: .tag, &problems) ?? ""
        let genres = list(fields[8], "genres", &problems).compactMap { text($0, "a genre", limit: .factValue, &problems) }
        return IMDbTitle(id: id, type: type, primaryTitle: text(fields[2], "primaryTitle", limit: .title, &problems),
                         originalTitle: text(fields[3], "originalTitle", limit: .title, &problems),
                         year: number(fields[5], "startYear", 1800...2200, &problems),
                         runtime: number(fields[7], "runtimeMinutes", 1...IMDbDataset.runtimeLimit, &problems), genres: genres)
    }

    public static func crew(_ fields: [ArraySlice<UInt8>], problems: inout [String]) throws(Problem) -> IMDbCrew {
        try checkWidth(fields, .titleCrew)
        var directors: [String] = []
        for value in list(fields[1], "directors", &problems) {
            do { directors.append(try id(value, "nm", "a director")) } catch { problems.append(error.text + ": left out") }
        }
        return IMDbCrew(id: try id(fields[0], "tt", "tconst"), directors: directors)
    }

    public static func name(_ fields: [ArraySlice<UInt8>], problems: inout [String]) throws(Problem) -> IMDbName? {
        try checkWidth(fields, .nameBasics)
        let id = try id(fields[0], "nm", "nconst")
        return text(fields[1], "primaryName", limit: .factValue, &problems).map { IMDbName(id: id, name: $0) }
    }

    public static func alternateTitle(_ fields: [ArraySlice<UInt8>], problems: inout [String]) throws(Problem) -> IMDbAlternateTitle? {
        try checkWidth(fields, .titleAkas)
        let id = try id(fields[0], "tt", "titleId")
        return text(fields[2], "title", limit: .title, &problems).map { IMDbAlternateTitle(id: id, title: $0, isOriginal: fields[7].elementsEqual([0x31])) }
    }

    public static func votes(_ fields: [ArraySlice<UInt8>], problems: inout [String]) throws(Problem) -> IMDbVotes {
        try checkWidth(fields, .titleRatings)
        return IMDbVotes(id: try id(fields[0], "tt", "tconst"), votes: number(fields[2], "numVotes", 0...1_000_000_000, &problems) ?? 0)
    }
}
