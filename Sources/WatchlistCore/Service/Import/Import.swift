import Foundation

/// How `import` runs.
public struct ImportOptions: Sendable {
    public var format: ImportFormat
    /// Report what would change, change nothing.
    public var dryRun: Bool
    /// Create the films the database does not have.
    public var addMissing: Bool
    /// Read watchlists and lists (as collections).
    public var lists: Bool
    /// The columns of a spreadsheet of the person's own: every CSV given is read by them.
    public var columns: SpreadsheetColumns?

    public init(format: ImportFormat = .auto, dryRun: Bool = false, addMissing: Bool = false, lists: Bool = true,
                columns: SpreadsheetColumns? = nil) {
        (self.format, self.dryRun, self.addMissing, self.lists, self.columns) = (format, dryRun, addMissing, lists, columns)
    }
}

extension Watchlist {
    /// The largest file `import` reads, checked before reading: 512 MiB.
    public static let maximumImportFileBytes = 512 << 20

    /// Imports Letterboxd exports (the .zip, the folder, or its files), IMDb exports and
    /// watchlist JSON documents, as one transaction: all or nothing. What is already there is
    /// left as it is, so importing the same files again adds nothing (Importer.swift has the
    /// rules).
    public func importFiles(_ paths: [String], options: ImportOptions = ImportOptions(), progress: ProgressHandler? = nil) throws -> ImportReport {
        guard !paths.isEmpty else { throw WatchlistError.invalidArgument("Name at least one file, folder or .zip to import.") }
        // The reader, and what it keeps to know films again, is gone once the batch is made.
        let batch = try { () throws -> ImportBatch in
            var reader = ImportReader(today: clock.today, readsLists: options.lists, columns: options.columns)
            reader.stopRequested = Interruption.requested
            for path in paths { try ImportSources.read(path, format: options.format, into: &reader) }
            return reader.finish()
        }()
        guard !batch.files.isEmpty || batch.listsLeftOut > 0 else {
            throw WatchlistError.noExportFiles(path: paths.joined(separator: ", "), expected: ImportSources.expected)
        }
        let now = self.now
        let apply: (Store) throws -> ImportReport = { store in
            var importer = Importer(store: store, now: now, addMissing: options.addMissing, progress: progress)
            // 16 MiB of pages (SQLite's default is 2): keys are not in insertion order, and an
            // import of a million rows touches pages all over its tables (BENCHMARKS.md "Keys").
            try store.execute("PRAGMA cache_size = -16384")
            return try importer.apply(batch)
        }
        var report = options.dryRun ? try database.writeAndRollBack(apply)
            : try recorded({ report in
                "Imported \(plural(report.files.count, "file")): \(plural(report.added.viewings, "viewing")), "
                    + "\(plural(report.added.placeholders, "placeholder")), \(plural(report.added.ratings, "rating")), "
                    + "\(plural(report.added.notes, "note")), \(plural(report.added.tags, "tag")), \(plural(report.filmsCreated, "film")) created"
                    + (report.filmsWithNewFacts > 0 ? ", facts of \(plural(report.filmsWithNewFacts, "film"))" : "")
            }, changed: \.changedAnything, apply)
        report.dryRun = options.dryRun
        return report
    }
}
