import Foundation

/// How `import` runs.
public struct ImportOptions: Sendable {
    public var format: ImportFormat
    /// Report what would change, change nothing.
    public var dryRun: Bool
    /// Create the films the database does not have, in a collection named after the source.
    public var addMissing: Bool

    public init(format: ImportFormat = .auto, dryRun: Bool = false, addMissing: Bool = false) {
        (self.format, self.dryRun, self.addMissing) = (format, dryRun, addMissing)
    }
}

extension Watchlist {
    /// The largest file `import` reads, checked before reading: 512 MiB.
    public static let maximumImportFileBytes = 512 << 20

    /// Imports Letterboxd exports (the .zip, the folder, or its CSV files), IMDb ratings
    /// exports and watchlist JSON documents, as one transaction: all or nothing.
    ///
    /// A film matches one in the database with the same title (ignoring case, accents and a
    /// leading article) and year; a film with no year matches only a film with no year.
    /// What is already there is left as it is, so importing the same files again adds
    /// nothing. Ratings: when the imported one differs, the more recently rated wins (an
    /// imported rating with no date never replaces ours), and the report lists the conflict.
    public func importFiles(_ paths: [String], options: ImportOptions = ImportOptions(), progress: ProgressHandler? = nil) throws -> ImportReport {
        guard !paths.isEmpty else { throw WatchlistError.invalidArgument("Name at least one file, folder or .zip to import.") }
        var reader = ImportReader()
        for path in paths { try ImportSources.read(path, format: options.format, into: &reader) }
        let batch = reader.finish()
        let now = self.now
        let apply: (Store) throws -> ImportReport = { store in
            if !options.dryRun { try store.recordViewingsInBulk() }
            var importer = Importer(store: store, now: now, addMissing: options.addMissing, progress: progress)
            return try importer.apply(batch)
        }
        var report = options.dryRun ? try database.writeAndRollBack(apply)
            : try recorded({ "Imported \($0.files.count) file(s): \($0.added.viewings) viewings, \($0.added.ratings) ratings, \($0.added.notes) notes, \($0.added.tags) tags, \($0.filmsCreated) films created" },
                           changed: { $0.added.total > 0 || $0.filmsCreated > 0 || !$0.collectionsCreated.isEmpty || $0.conflicts.contains(where: \.importedWon) },
                           apply)
        report.dryRun = options.dryRun
        return report
    }
}
