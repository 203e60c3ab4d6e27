import WatchlistCore

/// The import report for people.
enum ImportReportText {
    static func render(_ report: ImportReport) -> String {
        var lines: [String] = []
        lines.append("Read \(plural(report.files.count, "file")), \(plural(report.rows, "row")):")
        for file in report.files { lines.append("  \(file.path): \(file.kind), \(plural(file.rows, "row"))") }
        var films = "Films: \(report.filmsMatched) matched, \(report.filmsCreated) created, \(report.skippedFilms.count) skipped"
        if !report.skippedFilms.isEmpty {
            films += " (not in the database; --add-missing creates them): " + report.skippedFilms.prefix(5).joined(separator: "; ")
            if report.skippedFilms.count > 5 { films += "; and \(report.skippedFilms.count - 5) more" }
        }
        lines.append(films)
        lines.append("Added: " + counts(report.added))
        lines.append("Already there: " + counts(report.unchanged))
        if !report.collectionsCreated.isEmpty { lines.append("Collections created: " + report.collectionsCreated.joined(separator: ", ")) }
        if !report.conflicts.isEmpty {
            lines.append("Rating conflicts (\(report.conflicts.count)): the more recently rated wins")
            for conflict in report.conflicts.prefix(10) {
                lines.append("  \(conflict.film): yours \(conflict.ours.starsText), imported \(conflict.theirs.starsText); kept "
                    + (conflict.importedWon ? "the imported rating" : "yours"))
            }
            if report.conflicts.count > 10 { lines.append("  … and \(report.conflicts.count - 10) more (--json lists them all)") }
        }
        if !report.skippedTitleTypes.isEmpty {
            let total = report.skippedTitleTypes.values.reduce(0, +)
            lines.append("Skipped \(plural(total, "title")) that are not films: "
                + report.skippedTitleTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if report.watchlistRows > 0 { lines.append("Watchlist: \(plural(report.watchlistRows, "film")) counted, not imported") }
        if !report.ignoredFiles.isEmpty {
            lines.append("Ignored \(plural(report.ignoredFiles.count, "file")) that are not part of an export: "
                + report.ignoredFiles.prefix(5).joined(separator: ", ") + (report.ignoredFiles.count > 5 ? ", …" : ""))
        }
        for warning in report.warnings { lines.append("warning: \(warning)") }
        if report.added.total == 0 && report.filmsCreated == 0 {
            lines.append("Nothing new: everything in these files is already in the database.")
        }
        if report.dryRun { lines.append("Dry run: nothing was changed.") }
        return lines.joined(separator: "\n")
    }

    private static func counts(_ counts: ImportReport.Counts) -> String {
        "\(plural(counts.viewings, "viewing")), \(plural(counts.ratings, "rating")), \(plural(counts.notes, "note")), \(plural(counts.tags, "tag"))"
    }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}
