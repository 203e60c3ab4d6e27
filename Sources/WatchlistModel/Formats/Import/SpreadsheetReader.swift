import Foundation

/// The columns of a spreadsheet kept by hand, as the person names them:
/// `--columns 'title=Film,year=Released,watched=Date,rating=Score/10,note=Thoughts'`.
///
/// Each field is one of `title` (the only one required), `year`, `watched` (the day),
/// `rating` (with its scale after a slash: `/5`, the default, takes 0.5 to 5 in halves and the
/// forms `rate` takes; `/10` takes 1 to 10, halved; `/100` takes 0 to 100 as Criticker's scores
/// are read), `note`, `tags` (comma-separated), `rewatch` (yes/true/1/x) and `imdb` (an IMDb id
/// or link). Column names are compared without case; a name holding a comma is written in
/// double quotes. Columns the mapping does not name are ignored.
public struct SpreadsheetColumns: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case title, year, watched, rating, note, tags, rewatch, imdb
    }

    /// Each field's column, by name as written in the option.
    public private(set) var columns: [Field: String] = [:]
    /// The rating's scale: 5, 10 or 100.
    public private(set) var ratingScale = 5

    /// Reads the option's text; a mapping that is not one is a usage error (64).
    public init(parsing text: String) throws {
        func fail(_ problem: String) -> WatchlistError {
            .invalidArgument("--columns \(problem). Write it as field=Column pairs, such as 'title=Film,year=Released,watched=Date,rating=Score/10,note=Thoughts'; "
                             + "the fields are " + Field.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        guard text.count <= 2_000 else { throw fail("is too long") }
        var pairs: [String] = []
        var current = "", quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if character == ",", !quoted { pairs.append(current); current = ""; continue }
            current.append(character)
        }
        pairs.append(current)
        for pair in pairs where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let equals = pair.firstIndex(of: "=") else { throw fail("has '\(pair.prefix(40))', which is not field=Column") }
            let name = pair[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var column = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let field = Field(rawValue: name) else { throw fail("names the field '\(name.prefix(40))', which is not one watchlist reads") }
            guard columns[field] == nil else { throw fail("names the field \(name) twice") }
            if field == .rating {
                for scale in [100, 10, 5] where column.hasSuffix("/\(scale)") {
                    ratingScale = scale
                    column = String(column.dropLast("/\(scale)".count)).trimmingCharacters(in: .whitespaces)
                    break
                }
            }
            guard !column.isEmpty else { throw fail("gives the field \(name) no column") }
            columns[field] = column
        }
        guard columns[.title] != nil else { throw fail("names no title column (title=…)") }
    }

    /// Whether the file has every column the mapping names (65, naming those it lacks).
    func check(against header: [String], source: String) throws {
        let names = Set(header.map { $0.lowercased() })
        let missing = Field.allCases.compactMap { columns[$0] }.filter { !names.contains($0.lowercased()) }
        guard missing.isEmpty else {
            throw WatchlistError.malformedFile(source: source, line: 1, problem: "the header row has no column "
                + missing.map { "'\($0)'" }.joined(separator: ", ") + " that --columns names (it has " + header.prefix(12).joined(separator: ", ") + ")")
        }
    }

    /// The header's own name of a field's column (its case as the file writes it).
    func column(_ field: Field, in header: [String]) -> String? {
        columns[field].flatMap { wanted in header.first { $0.lowercased() == wanted.lowercased() } }
    }

    /// A `--columns` guessed from a header, for the message about a CSV import does not know:
    /// `watchlist import FILE --columns 'title=Film,year=Released,…'`.
    static func suggestion(for header: [String], file: String) -> String {
        func find(_ words: [String]) -> String? {
            header.first { name in words.contains { name.lowercased().contains($0) } && !name.isEmpty }
        }
        var pairs: [String] = []
        let title = find(["title", "film", "movie", "name"]) ?? header.first ?? "Title"
        pairs.append("title=\(title)")
        if let year = find(["year", "released", "release"]), year != title { pairs.append("year=\(year)") }
        if let watched = find(["watched", "date", "seen", "viewed"]), watched != title { pairs.append("watched=\(watched)") }
        if let rating = find(["rating", "score", "stars", "rated"]) { pairs.append("rating=\(rating)/\(rating.contains("100") ? 100 : rating.contains("10") ? 10 : 5)") }
        if let note = find(["note", "review", "comment", "thought"]) { pairs.append("note=\(note)") }
        let quotedPairs = pairs.map { $0.contains(",") ? $0.replacingOccurrences(of: "=", with: "=\"") + "\"" : $0 }
        let mapping = quotedPairs.joined(separator: ",")
        return "your own spreadsheet: watchlist import \(shellQuoted(file)) --columns '\(mapping.replacingOccurrences(of: "'", with: "'\\''"))'"
            + " (change the columns and the rating's scale to what the file holds)"
    }

    /// `text` as a shell reads it back: in single quotes when it holds anything but plain characters.
    static func shellQuoted(_ text: String) -> String {
        guard text.contains(where: { !($0.isLetter || $0.isNumber || "-_./:@%+,=".contains($0)) }) else { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension ImportReader {
    /// A spreadsheet kept by hand, read by the columns the person named: each row is a film
    /// they watched, on its `watched` day (or on a day not known, a placeholder, when the cell is
    /// empty or the sheet has no such column), with its rating, note and tags.
    mutating func readSpreadsheet(_ table: inout CSVTable, columns: SpreadsheetColumns, source: ImportSource) throws -> Int {
        let header = table.header
        let column = { (field: SpreadsheetColumns.Field) in columns.column(field, in: header) }
        if let watched = column(.watched) { try prepareDates(&table, columns: [watched]) }
        var rows = 0
        while let row = try table.next() {
            rows += 1
            var ids = FilmIdentifiers()
            if let imdbColumn = column(.imdb), !row[imdbColumn].isEmpty {
                guard let imdb = FilmIdentifiers.imdb(parsing: row[imdbColumn]) else {
                    throw row.error("'\(row[imdbColumn].prefix(40))' in \(imdbColumn) is not an IMDb id such as tt0076064")
                }
                ids.imdb = imdb
            }
            guard let titleColumn = column(.title) else { continue }
            let title = try row.title(titleColumn)
            let year = try column(.year).flatMap { try row.year($0) }
            let film = position(title: title, year: year, ids: ids, place: row.origin)
            batch.films[film].inHistory = true
            let rewatch = column(.rewatch).map { ["yes", "true", "1", "x", "y"].contains(row[$0].lowercased()) } ?? false
            if let watched = column(.watched), let day = try row.day(watched, notAfter: today) {
                batch.films[film].viewings.append(ImportedViewing(watchedOn: day, rewatch: rewatch, loggedAt: sharedMidnight(day),
                                                                  rewatchUnknown: column(.rewatch) == nil))
                noteEarly(day, of: film, at: row)
            } else {
                batch.films[film].addPlaceholder(rewatch: rewatch)
            }
            if let ratingColumn = column(.rating), !row[ratingColumn].isEmpty {
                let text = row[ratingColumn]
                let value: StarRating? = switch columns.ratingScale {
                case 10: Int(text).flatMap { StarRating(halfStars: $0) }
                case 100: Int(text).flatMap { CritickerScale(highest: 100).rating($0) }
                default: StarRating(parsing: text)
                }
                guard let value else {
                    throw row.error("'\(text.prefix(20))' in \(ratingColumn) is not a rating out of \(columns.ratingScale)")
                }
                offerRating(ImportedRating(value: value, ratedAt: nil, current: true), to: film)
            }
            if let noteColumn = column(.note), let text = try row.noteText(row.raw(noteColumn)),
               !batch.films[film].notes.contains(where: { $0.text == text }) {
                batch.films[film].notes.append(ImportedNote(text: text, createdAt: nil))
            }
            if let tagsColumn = column(.tags) { addTags(try row.tags(tagsColumn), to: film) }
        }
        return rows
    }
}
