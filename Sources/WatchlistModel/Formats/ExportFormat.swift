/// The export formats. Each writes a snapshot's films one at a time.
public enum ExportFormat: String, CaseIterable, Sendable {
    case json
    case csv
    case markdown
    case letterboxd
    case html

    /// A writer of this format onto `output`.
    public func makeWriter(_ output: TextOutput) -> any ExportWriter {
        switch self {
        case .json: JSONExportWriter(output)
        case .csv: CSVExportWriter(output)
        case .markdown: MarkdownExportWriter(output)
        case .letterboxd: LetterboxdExportWriter(output)
        case .html: HTMLExportWriter(output)
        }
    }
}

/// Writes an export: `begin` once, `add` for each film in id order, `finish` once.
public protocol ExportWriter {
    mutating func begin(exportedAt: String, collections: [CollectionContents]) throws
    mutating func add(_ film: FilmDetail) throws
    mutating func finish() throws
}
