import Foundation

/// A collection read from its text form.
public struct ParsedCollection: Equatable, Sendable {
    /// The paragraphs before the first film, blank lines between paragraphs kept.
    public var introduction: String
    public var films: [ParsedFilm]
}

/// A film as the collection text gives it, with the line its title stands on.
public struct ParsedFilm: Equatable, Sendable {
    public var title: String
    public var year: Int
    public var description: String
    public var fact: String
    public var line: Int
}

/// Reads the collection text format:
///
///     An introduction: any paragraphs.
///
///     The Ascent (1977)
///     Description: Two partisans in the winter of occupied Belarus.
///     Fact: Directed by Larisa Shepitko.
///
/// Each film is a "Title (Year)" line, then a "Description: …" line (required) and a
/// "Fact: …" line (optional), each field on one line; blank lines separate films. UTF-8,
/// with or without a byte-order mark, LF or CRLF. Errors name the line.
public enum CollectionText {
    public static let maximumTitleLength = TextLimit.title.maximum
    public static let maximumFieldLength = TextLimit.filmDescription.maximum
    static let fields = ["Description", "Fact"]

    /// Checks the bytes (valid UTF-8, no NUL) and parses them.
    public static func parse(bytes: some Sequence<UInt8>, source: String) throws -> ParsedCollection {
        var line = 1
        var decoder = UTF8()
        var text = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    throw WatchlistError.malformedFile(source: source, line: line, problem: "the line holds a NUL byte")
                }
                if scalar == "\n" { line += 1 }
                text.append(scalar)
            case .emptyInput:
                break loop
            case .error:
                throw WatchlistError.malformedFile(source: source, line: line, problem: "the line is not valid UTF-8; save the file as UTF-8")
            }
        }
        return try parse(text: InputText.normalized(String(text)), source: source)
    }

    public static func parse(text: String, source: String) throws -> ParsedCollection {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { line -> Substring in line.hasSuffix("\r") ? line.dropLast() : line }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }

        var introduction: [Substring] = []
        var films: [ParsedFilm] = []
        var current: ParsedFilm?
        var seenFields: Set<String> = []
        var firstLine: [String: Int] = [:]

        func finish() throws {
            guard let film = current else { return }
            guard !film.description.isEmpty else {
                throw WatchlistError.malformedFile(source: source, line: film.line,
                    problem: "'\(film.title) (\(film.year))' has no 'Description: …' line after its title")
            }
            let key = "\(TitleKey.fold(film.title))|\(film.year)"
            if let earlier = firstLine[key] {
                throw WatchlistError.malformedFile(source: source, line: film.line,
                    problem: "'\(film.title) (\(film.year))' is already listed on line \(earlier)")
            }
            firstLine[key] = film.line
            films.append(film)
            current = nil
        }

        var lastTextLine = 1
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if !line.isEmpty { lastTextLine = number }
            if line.isEmpty {
                if current == nil, films.isEmpty { introduction.append("") }
                continue
            }
            if let (title, year) = FilmQuery.splitYear(line), !isField(line) {
                try finish()
                guard TextLimit.title.allows(title) else {
                    throw WatchlistError.malformedFile(source: source, line: number,
                        problem: "the title is \(TextLimit.length(title)) code points long; the limit is \(maximumTitleLength)")
                }
                guard (1870...2999).contains(year) else {
                    throw WatchlistError.malformedFile(source: source, line: number,
                        problem: "\(year) is not a film's year; give a year from 1870 on")
                }
                current = ParsedFilm(title: title, year: year, description: "", fact: "", line: number)
                seenFields = []
                continue
            }
            guard var film = current else {
                if films.isEmpty {
                    introduction.append(Substring(line))
                    continue
                }
                throw WatchlistError.malformedFile(source: source, line: number,
                    problem: "expected a film title such as 'The Ascent (1977)', found '\(line.prefix(60))'")
            }
            guard let colon = line.firstIndex(of: ":"), fields.contains(String(line[..<colon])) else {
                throw WatchlistError.malformedFile(source: source, line: number,
                    problem: "expected 'Description: …' or 'Fact: …' (one line each) or a blank line, found '\(line.prefix(60))'")
            }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !seenFields.contains(name) else {
                throw WatchlistError.malformedFile(source: source, line: number,
                    problem: "'\(film.title) (\(film.year))' has a second '\(name):' line")
            }
            guard !value.isEmpty else {
                throw WatchlistError.malformedFile(source: source, line: number, problem: "'\(name):' has no text after it")
            }
            guard TextLimit.filmDescription.allows(value) else {
                throw WatchlistError.malformedFile(source: source, line: number,
                    problem: "'\(name):' is \(TextLimit.length(value)) code points long; the limit is \(maximumFieldLength)")
            }
            seenFields.insert(name)
            if name == "Description" { film.description = value } else { film.fact = value }
            current = film
        }
        try finish()
        guard !films.isEmpty else {
            throw WatchlistError.malformedFile(source: source, line: lastTextLine,
                problem: "no films found; each film starts with a line such as 'The Ascent (1977)'")
        }
        let introductionText = paragraphs(introduction)
        guard TextLimit.collectionDescription.allows(introductionText) else {
            throw WatchlistError.malformedFile(source: source, line: 1,
                problem: "the introduction is \(TextLimit.length(introductionText)) code points long; the limit is \(TextLimit.collectionDescription.maximum)")
        }
        return ParsedCollection(introduction: introductionText, films: films)
    }

    private static func isField(_ line: String) -> Bool {
        fields.contains { line.hasPrefix($0 + ":") }
    }

    /// Joins the lines of each paragraph with spaces and the paragraphs with a blank line.
    private static func paragraphs(_ lines: [Substring]) -> String {
        var result: [String] = []
        var paragraph: [Substring] = []
        for line in lines + [""] {
            if line.isEmpty {
                if !paragraph.isEmpty { result.append(paragraph.joined(separator: " ")) }
                paragraph = []
            } else {
                paragraph.append(line)
            }
        }
        return result.joined(separator: "\n\n")
    }
}
