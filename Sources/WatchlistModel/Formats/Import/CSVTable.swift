import Foundation

/// A CSV file with a header row: rows whose values are looked up by column name, and errors
/// that name the file and the line.
struct CSVTable {
    let source: String
    let header: [String]
    private let columns: [String: Int]
    private var records: CSVRecords
    /// How the file writes dates, column by column: ISO, or a spreadsheet's `4/18/2026` (see DateReading).
    var dateReadings = DateReading.Columns()
    /// The year a two-digit year may not come after: today's.
    var todayYear = 9999

    init(bytes: [UInt8], source: String) throws {
        try self.init(records: CSVRecords(bytes: bytes, source: source), source: source)
    }

    /// A table whose header is the next record of `records` (a file may have lines before it).
    init(records: CSVRecords, source: String) throws {
        var records = records
        guard let header = try records.next() else {
            throw WatchlistError.malformedFile(source: source, line: nil, problem: "the file is empty: it has no header row")
        }
        self.init(header: header, records: records, source: source)
    }

    /// A table whose header row is read already: `records` holds the rows after it.
    init(header: CSVRecords.Record, records: CSVRecords, source: String) {
        self.source = source
        self.header = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [String: Int] = [:]
        for (index, name) in self.header.enumerated() where columns[name] == nil { columns[name] = index }
        self.columns = columns
        self.records = records
    }

    /// Reads the rest of the file once to decide how it writes the dates in `columns`, each
    /// column from all its values (`DateReading.Columns`), and returns what decided: a cell and
    /// its column for each column a cell decided. The table itself is not moved on.
    mutating func decideDateReadings(_ columns: [String]) throws -> [(column: String, cell: String)] {
        var scan = self
        var readings: [String: DateReading] = [:]
        var decidedBy: [String: String] = [:]
        var spreadsheet = Set<String>()
        while let row = try scan.next() {
            for column in columns where readings[column] == nil {
                let cell = row[column]
                guard let (first, second, _) = DateReading.parts(cell) else { continue }
                spreadsheet.insert(column)
                if first > 12 { (readings[column], decidedBy[column]) = (.dayFirst, cell) }
                else if second > 12 { (readings[column], decidedBy[column]) = (.monthFirst, cell) }
            }
            // Every column decided: the rest of the file cannot change anything.
            if readings.count == columns.count { break }
        }
        let decided = Set(readings.values)
        let fallback: DateReading = decided.count == 1 ? decided.first! : .monthFirst
        for column in spreadsheet where readings[column] == nil { readings[column] = fallback }
        dateReadings = DateReading.Columns(byColumn: readings, fallback: spreadsheet.isEmpty ? .iso : fallback)
        return columns.compactMap { column in decidedBy[column].map { (column, $0) } }
    }

    /// The next row, or nil at the end; a row with a different number of fields is an error. A
    /// row whose fields are all empty (what a spreadsheet leaves below the rows it saved) is
    /// skipped.
    mutating func next() throws -> CSVRow? {
        var next = try records.next()
        while let record = next, record.fields.allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) { next = try records.next() }
        guard let record = next else { return nil }
        guard record.fields.count == header.count else {
            if let first = record.fields.first, ["<<<<<<< ", "=======", ">>>>>>> "].contains(where: { first.hasPrefix($0) }) {
                throw ConflictMarker.error(source: source, line: record.line, marker: first)
            }
            throw WatchlistError.malformedFile(source: source, line: record.line,
                problem: "\(record.fields.count) fields where the header has \(header.count); a field with a comma must be quoted")
        }
        return CSVRow(fields: record.fields, line: record.line, columns: columns, source: source, dateReadings: dateReadings, todayYear: todayYear)
    }
}

struct CSVRow {
    let fields: [String]
    let line: Int
    let columns: [String: Int]
    let source: String
    let dateReadings: DateReading.Columns
    let todayYear: Int

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

    /// Whether the file has this column.
    func has(_ column: String) -> Bool { columns[column] != nil }

    /// The value as written, untrimmed (for reviews).
    func raw(_ column: String) -> String {
        columns[column].map { fields[$0] } ?? ""
    }

    var origin: String { "\(source.oneLine), line \(line)" }

    func error(_ problem: String) -> WatchlistError {
        .malformedFile(source: source, line: line, problem: problem)
    }

    /// A non-empty title within TextLimit.title.
    func title(_ column: String) throws -> String {
        let title = self[column]
        guard !title.isEmpty else { throw error("the \(column) column is empty; every row needs a title") }
        guard TextLimit.title.allows(title) else {
            throw error("the title is \(TextLimit.length(title)) code points long; the limit is \(TextLimit.title.maximum)")
        }
        return title
    }

    /// Text within `limit` (trimmed), or an error naming the column.
    func text(_ column: String, _ limit: TextLimit) throws -> String {
        let text = self[column]
        guard limit.allows(text) else {
            throw error("the \(column) is \(TextLimit.length(text)) code points long; the limit for a \(limit.what) is \(limit.maximum)")
        }
        return text
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

    /// A day that exists (YYYY-MM-DD, or as the file's spreadsheet wrote it), or nil when the
    /// cell is empty. With `notAfter`, a later day is refused: a file cannot say a film was
    /// watched or rated in the future.
    func day(_ column: String, notAfter today: Day? = nil) throws -> Day? {
        let text = self[column]
        if text.isEmpty { return nil }
        let reading = dateReadings[column]
        guard let day = reading.day(text, todayYear: todayYear) else {
            throw error("'\(text.prefix(40))' in \(column) is not a date (YYYY-MM-DD" + (reading == .iso ? ")" : " or \(reading.rawValue))"))
        }
        if let today, day > today { throw error("\(day.iso) in \(column) is in the future (today is \(today.iso))") }
        return day
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

    /// A position in a list: a whole number from 1.
    func position(_ column: String) throws -> Int {
        let text = self[column]
        guard text.count <= 9, let value = Int(text), value >= 1 else { throw error("'\(text)' in \(column) is not a position (1, 2, 3…)") }
        return value
    }

    /// The most tags one cell may hold: far more than anyone gives a film, and a bound on the
    /// work a cell of megabytes could ask for.
    static let maximumTagsPerCell = 1_000

    /// Tags from a comma-separated cell, each once, in order.
    func tags(_ column: String) throws -> [String] {
        var tags: [String] = []
        var seen = Set<String>()
        for raw in self[column].split(separator: ",") {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let tag: String
            do { tag = try InputText.tag(trimmed) } catch { throw self.error("'\(trimmed.prefix(40))' in \(column) is not a tag") }
            guard seen.insert(tag).inserted else { continue }
            tags.append(tag)
            guard tags.count <= CSVRow.maximumTagsPerCell else {
                throw self.error("the \(column) cell holds more than \(CSVRow.maximumTagsPerCell) tags")
            }
        }
        return tags
    }

    /// Note text: not blank (nil), no NUL, within `limit` (a note's, or a list entry's).
    func noteText(_ text: String, limit: TextLimit = .note) throws -> String? {
        let trimmed = InputText.normalized(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if trimmed.isEmpty { return nil }
        guard limit.allows(trimmed) else {
            throw error("the \(limit == .note ? "review" : limit.what) is \(TextLimit.length(trimmed)) code points long; the limit is \(limit.maximum)")
        }
        return trimmed
    }
}
