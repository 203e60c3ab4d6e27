import Foundation

/// A CSV file with a header row: rows whose values are looked up by column name, and errors
/// that name the file and the line.
struct CSVTable {
    let source: String
    let header: [String]
    private let columns: [String: Int]
    private var records: CSVRecords

    init(bytes: [UInt8], source: String) throws {
        var records = CSVRecords(bytes: bytes, source: source)
        guard let header = try records.next() else {
            throw WatchlistError.malformedFile(source: source, line: nil, problem: "the file is empty: it has no header row")
        }
        self.source = source
        self.header = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [String: Int] = [:]
        for (index, name) in self.header.enumerated() where columns[name] == nil { columns[name] = index }
        self.columns = columns
        self.records = records
    }

    /// The next row, or nil at the end; a row with a different number of fields is an error.
    mutating func next() throws -> CSVRow? {
        guard let record = try records.next() else { return nil }
        guard record.fields.count == header.count else {
            throw WatchlistError.malformedFile(source: source, line: record.line,
                problem: "\(record.fields.count) fields where the header has \(header.count); a field with a comma must be quoted")
        }
        return CSVRow(fields: record.fields, line: record.line, columns: columns, source: source)
    }
}

struct CSVRow {
    let fields: [String]
    let line: Int
    let columns: [String: Int]
    let source: String

    /// The value in a column, trimmed; "" when the file has no such column.
    subscript(_ column: String) -> String {
        guard let index = columns[column] else { return "" }
        let field = fields[index]
        // Most cells have nothing to trim; checking the end bytes first spares Foundation's
        // trimming (and Character's Unicode properties).
        guard let first = field.utf8.first, let last = field.utf8.last,
              CSVRow.mayBeSpace(first) || CSVRow.mayBeSpace(last) else { return field }
        return field.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// ASCII blank space, or the lead byte of a multi-byte character (which may be a space).
    private static func mayBeSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte >= 0xC2
    }

    /// The value as written, untrimmed (for reviews).
    func raw(_ column: String) -> String {
        columns[column].map { fields[$0] } ?? ""
    }

    var origin: String { "\(source), line \(line)" }

    func error(_ problem: String) -> WatchlistError {
        .malformedFile(source: source, line: line, problem: problem)
    }

    /// A non-empty title of at most 500 characters.
    func title(_ column: String) throws -> String {
        let title = self[column]
        guard !title.isEmpty else { throw error("the \(column) column is empty; every row needs a title") }
        // Counting characters walks the title; its byte count bounds it from above.
        guard title.utf8.count <= FilmQuery.maximumLength || title.count <= FilmQuery.maximumLength else {
            throw error("the title is longer than \(FilmQuery.maximumLength) characters")
        }
        return title
    }

    /// A year from 1870 to 2999, or nil when the cell is empty.
    func year(_ column: String) throws -> Int? {
        let text = self[column]
        if text.isEmpty { return nil }
        guard let year = Int(text), (1870...2999).contains(year) else {
            throw error("'\(text)' in \(column) is not a year")
        }
        return year
    }

    /// A YYYY-MM-DD day that exists, or nil when the cell is empty.
    func day(_ column: String) throws -> Day? {
        let text = self[column]
        if text.isEmpty { return nil }
        guard let day = Day(iso: text) else { throw error("'\(text)' in \(column) is not a date (YYYY-MM-DD)") }
        return day
    }

    /// The start of a YYYY-MM-DD day as an ISO instant (`2024-01-02T00:00:00Z`), or nil when
    /// the cell is empty.
    func midnight(_ column: String) throws -> String? {
        guard try day(column) != nil else { return nil }
        return self[column] + "T00:00:00Z"
    }

    /// A rating of 0.5–5 stars in half steps, or nil when the cell is empty.
    func stars(_ column: String) throws -> StarRating? {
        let text = self[column]
        if text.isEmpty { return nil }
        // The range first: Int(_:) of a huge or infinite double traps.
        guard let value = Double(text), (0.5...5).contains(value), (value * 2).rounded() == value * 2,
              let rating = StarRating(halfStars: Int(value * 2)) else {
            throw error("'\(text)' in \(column) is not a rating from 0.5 to 5 in steps of 0.5")
        }
        return rating
    }

    /// A ten-point rating (1–10) as half stars, or nil when the cell is empty.
    func tenPoint(_ column: String) throws -> StarRating? {
        let text = self[column]
        if text.isEmpty { return nil }
        guard let value = Int(text), let rating = StarRating(halfStars: value) else {
            throw error("'\(text)' in \(column) is not a rating from 1 to 10")
        }
        return rating
    }

    /// Tags from a comma-separated cell.
    func tags(_ column: String) throws -> [String] {
        try self[column].split(separator: ",").compactMap { raw in
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            do { return try InputText.tag(trimmed) } catch { throw self.error("'\(trimmed)' in \(column) is not a tag") }
        }
    }

    /// Note text: not blank (nil), no NUL, at most the note limit.
    func noteText(_ text: String) throws -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        guard trimmed.count <= InputText.maximumNoteLength else {
            throw error("the review is longer than \(InputText.maximumNoteLength) characters")
        }
        return trimmed
    }
}
