import Foundation
import WatchlistCore

/// The report of `facts import`, for people and (`--json`) for scripts.
enum DatasetsReportText {
    /// How many films of each list the text names; the JSON names them all.
    static let shown = 10

    static func render(_ report: DatasetsReport) -> String {
        let would = report.dryRun
        var lines: [String] = []
        lines.append("Read \(plural(report.files.count, "file")): "
            + report.files.map { "\($0.name) (\($0.dataset.rawValue), \(plural($0.rows, "row")))" }.joined(separator: ", "))
        if !report.filesLeftOut.isEmpty {
            lines.append("Left out (not one of IMDb's dataset files): " + list(report.filesLeftOut, shown))
        }
        let matched = report.matchedById + report.matchedByTitle.count
        lines.append("Films: \(report.films); matched \(matched) (\(report.matchedById) by IMDb id, \(report.matchedByTitle.count) by title and year), "
            + "\(report.ambiguous.count) ambiguous, \(report.notFound.count) not found")
        if !report.matchedByTitle.isEmpty {
            lines.append((would ? "Would match by title" : "Matched by title") + " (the id kept, marked as found by matching):")
            for match in report.matchedByTitle.prefix(shown) {
                // IMDb's title, where it is not the film's own.
                let named = match.film.hasPrefix(match.title + " (") ? "" : " \"\(match.title.oneLine)\""
                lines.append("  \(match.film): \(match.id)\(named), by \(match.rule)")
            }
            if report.matchedByTitle.count > shown { lines.append("  and \(report.matchedByTitle.count - shown) more (--json lists every one)") }
        }
        if !report.ambiguous.isEmpty {
            lines.append("Ambiguous, left unmatched (an IMDb import with the film's id decides):")
            for film in report.ambiguous.prefix(shown) {
                lines.append("  \(film.film): " + film.candidates.joined(separator: "; "))
            }
            if report.ambiguous.count > shown { lines.append("  and \(report.ambiguous.count - shown) more (--json lists every one)") }
        }
        if !report.notFound.isEmpty { lines.append("Not found: " + list(report.notFound, shown)) }
        lines.append((would ? "Facts that would be added: " : "Facts added: ") + "\(report.factsAdded), "
            + (would ? "changed: " : "changed: ") + "\(report.factsChanged), of \(plural(report.filmsChanged, "film"))")
        for limit in report.leftOut { lines.append("Not read: \(limit)") }
        if report.problemCount > 0 {
            lines.append("\(plural(report.problemCount, "line")) left out:")
            lines += report.problems.map { "  \($0.oneLine)" }
            if report.problemCount > report.problems.count { lines.append("  and \(report.problemCount - report.problems.count) more") }
        }
        if would { lines.append("Nothing was changed (--dry-run).") } else if !report.changedAnything { lines.append("Nothing changed: every film already had these facts.") }
        return lines.joined(separator: "\n")
    }

    private static func list(_ items: [String], _ limit: Int) -> String {
        items.prefix(limit).map(\.oneLine).joined(separator: "; ") + (items.count > limit ? "; and \(items.count - limit) more" : "")
    }
}

extension JSONOutput {
    /// `facts import --json`.
    static func datasetsReport(_ report: DatasetsReport) -> Data {
        var json = JSONWriter()
        json.beginObject()
        json.key("ambiguous"); json.beginArray()
        for film in report.ambiguous {
            json.beginObject()
            json.key("candidates"); json.strings(film.candidates)
            json.key("film"); json.string(film.film)
            json.endObject()
        }
        json.endArray()
        json.key("dryRun"); json.bool(report.dryRun)
        json.key("factsAdded"); json.int(report.factsAdded)
        json.key("factsChanged"); json.int(report.factsChanged)
        json.key("files"); json.beginArray()
        for file in report.files {
            json.beginObject()
            json.key("dataset"); json.string(file.dataset.rawValue)
            json.key("name"); json.string(file.name)
            json.key("rows"); json.int(file.rows)
            json.endObject()
        }
        json.endArray()
        json.key("filesLeftOut"); json.strings(report.filesLeftOut)
        json.key("films"); json.int(report.films)
        json.key("filmsChanged"); json.int(report.filmsChanged)
        json.key("leftOut"); json.strings(report.leftOut)
        json.key("matchedById"); json.int(report.matchedById)
        json.key("matchedByTitle"); json.beginArray()
        for match in report.matchedByTitle {
            json.beginObject()
            json.key("film"); json.string(match.film)
            json.key("id"); json.string(match.id)
            json.key("rule"); json.string(match.rule)
            json.key("title"); json.string(match.title)
            json.endObject()
        }
        json.endArray()
        json.key("notFound"); json.strings(report.notFound)
        json.key("problemCount"); json.int(report.problemCount)
        json.key("problems"); json.strings(report.problems)
        json.endObject()
        return Data(json.bytes)
    }
}
