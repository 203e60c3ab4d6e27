import Foundation
import WatchlistCore

/// The import report for people.
enum ImportReportText {
    static func render(_ report: ImportReport) -> String {
        var lines: [String] = []
        lines.append("Read \(plural(report.files.count, "file")), \(plural(report.rows, "row")):")
        for group in grouped(report.files, by: { $0.kind.rawValue }) {
            guard group.items.count > 3 else {
                lines += group.items.map { "  \($0.path.oneLine): \($0.kind.rawValue), \(plural($0.rows, "row"))" }
                continue
            }
            lines.append("  \(group.folder.oneLine)/: \(group.items.count) files, \(group.key), \(plural(group.items.map(\.rows).reduce(0, +), "row"))")
        }
        // A dry run speaks in the conditional: nothing it names has happened.
        let would = report.dryRun
        var films = "Films: \(report.filmsMatched) matched, \(report.filmsCreated) \(would ? "would be created" : "created"), "
            + "\(report.skippedFilms.count) \(would ? "would be skipped" : "skipped")"
        if !report.skippedFilms.isEmpty {
            films += " (not in the database; --add-missing creates them): " + list(report.skippedFilms, 5, separator: "; ")
        }
        lines.append(films)
        if report.filmsRemoved > 0 { lines.append("Films \(would ? "that would be removed" : "removed"): \(report.filmsRemoved) (no longer on any list, and holding nothing else)") }
        lines.append((would ? "Would add: " : "Added: ") + counts(report.added))
        lines.append("Already there: " + counts(report.unchanged))
        var updated: [String] = []
        if report.notesUpdated > 0 { updated.append("\(plural(report.notesUpdated, "note")) whose review was edited") }
        if report.editedNotesKept > 0 {
            let beside = report.reviewsAddedBeside
            updated.append("\(plural(report.editedNotesKept, "note")) you edited kept as you wrote \(report.editedNotesKept == 1 ? "it" : "them")"
                + (beside == 0 ? "" : beside == report.editedNotesKept ? " (the review's new text added beside)"
                    : " (the review's new text added beside \(beside) of them)"))
        }
        if report.placeholdersReplaced > 0 { updated.append("\(plural(report.placeholdersReplaced, "placeholder")) replaced by dated viewings") }
        if report.filmsWithNewFacts > 0 { updated.append("directors, genres, runtime\(Glyphs.current.ellipsis) of \(plural(report.filmsWithNewFacts, "film"))") }
        if !updated.isEmpty { lines.append((would ? "Would update: " : "Updated: ") + updated.joined(separator: ", ")) }
        if !report.collectionsCreated.isEmpty {
            lines.append((report.dryRun ? "Collections that would be created: " : "Collections created: ")
                + list(report.collectionsCreated, 10, separator: ", "))
        }
        lines += lists(report.lists)
        if !report.listsLeftOut.isEmpty {
            lines.append("\(plural(report.listsLeftOut.count, "list")) \(would ? "would make" : "made") no collection, none of \(report.listsLeftOut.count == 1 ? "its" : "their") "
                + "films being in the database (--add-missing creates them): " + list(report.listsLeftOut, 5, separator: "; "))
        }
        lines += conflicts(report.conflicts)
        if !report.skippedTitleTypes.isEmpty {
            let count = report.skippedTitleTypes.values.reduce(0, +)
            lines.append("Skipped \(plural(count, "title")) that \(count == 1 ? "is not a film" : "are not films"): " + types(report.skippedTitleTypes))
        }
        if !report.unknownTitleTypes.isEmpty {
            lines.append("Skipped \(plural(report.unknownTitleTypes.values.reduce(0, +), "title")) of a type watchlist does not know: "
                + types(report.unknownTitleTypes))
        }
        if !report.ignoredFiles.isEmpty {
            lines.append("Ignored \(plural(report.ignoredFiles.count, "file")):")
            for group in grouped(report.ignoredFiles, by: { $0.reason }) {
                guard group.items.count > 3 else {
                    lines += group.items.map { "  \($0.path.oneLine): \($0.reason.oneLine)" }
                    continue
                }
                lines.append("  \(group.folder.oneLine)/: \(group.items.count) files, \(group.key.oneLine)")
            }
        }
        for warning in report.warnings.prefix(20) { lines.append("warning: \(warning.oneLine)") }
        let more = report.warnings.count - min(report.warnings.count, 20) + report.warningsLeftOut
        if more > 0 {
            lines.append("warning: \(Glyphs.current.ellipsis) and \(plural(more, "more warning")) ("
                + (report.warningsLeftOut > 0 ? "--json lists the first \(report.warnings.count)" : "--json lists them all") + ")")
        }
        if !report.changedAnything {
            var leftOut: [String] = []
            if report.skippedRows > 0 {
                let skipped = would ? "would be skipped" : report.skippedRows == 1 ? "was skipped" : "were skipped"
                leftOut.append("\(plural(report.skippedRows, "row")) \(skipped)")
            }
            if !report.listsLeftOut.isEmpty {
                leftOut.append("\(plural(report.listsLeftOut.count, "list")) \(would ? "would make" : "made") no collection")
            }
            lines.append(leftOut.isEmpty
                ? "Nothing new: everything in these files is already in the database."
                : "Nothing new \(would ? "would be" : "was") imported; " + leftOut.joined(separator: " and ") + " (see above).")
        }
        if report.dryRun { lines.append("Dry run: nothing was changed.") }
        return lines.joined(separator: "\n")
    }

    /// Runs of items in the same folder with the same key (a kind, a reason), in order: many
    /// files of one kind in one folder (an export's lists) read as one line.
    private static func grouped<Item>(_ items: [Item], by key: (Item) -> String) -> [(folder: String, key: String, items: [Item])]
    where Item: PathNamed {
        var groups: [(folder: String, key: String, items: [Item])] = []
        for item in items {
            let folder = (item.path as NSString).deletingLastPathComponent
            if let last = groups.last, last.folder == folder, last.key == key(item) {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((folder, key(item), [item]))
            }
        }
        return groups
    }

    private static func lists(_ lists: [ImportReport.List]) -> [String] {
        guard !lists.isEmpty else { return [] }
        var lines = ["Lists (\(lists.count)):"]
        for list in lists.prefix(12) {
            var line = "  \(list.slug): \(plural(list.films, "film"))"
            if !list.missing.isEmpty {
                line += ", \(list.missing.count) not in the database (--add-missing creates them): " + self.list(list.missing, 3, separator: "; ")
            }
            lines.append(line)
        }
        if lists.count > 12 { lines.append("  \(Glyphs.current.ellipsis) and \(lists.count - 12) more (--json lists them all)") }
        return lines
    }

    private static func conflicts(_ conflicts: [ImportReport.Conflict]) -> [String] {
        guard !conflicts.isEmpty else { return [] }
        var lines = ["Rating conflicts (\(conflicts.count)): the more recently rated wins"]
        for conflict in conflicts.prefix(10) {
            lines.append("  \(conflict.film): yours \(conflict.ours.starsText), imported \(conflict.theirs.starsText); kept "
                + (conflict.importedWon ? "the imported rating" : "yours"))
        }
        if conflicts.count > 10 { lines.append("  \(Glyphs.current.ellipsis) and \(conflicts.count - 10) more (--json lists them all)") }
        return lines
    }

    private static func counts(_ counts: ImportReport.Counts) -> String {
        "\(plural(counts.viewings, "viewing")), \(plural(counts.placeholders, "placeholder")), \(plural(counts.ratings, "rating")), "
            + "\(plural(counts.notes, "note")), \(plural(counts.tags, "tag"))"
    }

    private static func types(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private static func list(_ items: [String], _ limit: Int, separator: String) -> String {
        items.prefix(limit).joined(separator: separator) + (items.count > limit ? "\(separator)and \(items.count - limit) more" : "")
    }

}

/// What the report lists by path: files read and files ignored.
protocol PathNamed { var path: String { get } }
extension ImportedFile: PathNamed {}
extension IgnoredFile: PathNamed {}
