/// RFC 4180 fields and rows, written a row at a time. (CSV.swift, a test dependency, reads them
/// back in the tests: an independent reader checking this writer.)
enum CSVText {
    /// One field: quoted when it holds a comma, a quote, CR or LF; text cells that a
    /// spreadsheet would run as a formula get a leading apostrophe (OWASP's CSV-injection advice).
    static func field(_ value: String, isText: Bool = true) -> String {
        var value = value
        if isText, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A row, ended with CRLF as RFC 4180 asks.
    static func row(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }
}

/// One row per film: id, title, year, watched, viewings, firstWatched, lastWatched, rating,
/// notes (all of a film's notes in one field, separated by blank lines), tags (comma-separated).
struct CSVExportWriter: ExportWriter {
    static let header = ["id", "title", "year", "watched", "viewings", "firstWatched", "lastWatched", "rating", "notes", "tags"]
    let output: TextOutput

    init(_ output: TextOutput) {
        self.output = output
    }

    mutating func begin(exportedAt: String, collections: [CollectionContents]) throws {
        try output.write(CSVText.row(CSVExportWriter.header))
    }

    mutating func add(_ film: FilmDetail) throws {
        try output.write(CSVText.row([
            String(film.film.number),
            CSVText.field(film.film.title),
            film.film.year.map(String.init) ?? "",
            film.isWatched ? "true" : "false",
            String(film.viewings.count),
            film.firstWatched?.iso ?? "",
            film.lastWatched?.iso ?? "",
            film.rating?.value.decimal ?? "",
            CSVText.field(film.notes.map(\.text).joined(separator: "\n\n")),
            CSVText.field(film.tags.joined(separator: ", ")),
        ]))
    }

    mutating func finish() throws {}
}
