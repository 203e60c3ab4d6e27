import Foundation
import WatchlistCore

/// `stats`: the diary in numbers, with bars, in at most two screens (70 lines) unless `all`:
/// each long part shows its first lines and says how many it left out. Bars line up: the
/// labels of a part are padded to the widest (shortened to leave the bar room), and every
/// line fits `width`.
struct StatsText {
    var width: Int?
    var all = false
    var glyphs = Glyphs.current

    /// How many lines each part shows unless `all`.
    enum Shown {
        static let collections = 6
        static let years = 8
        static let decades = 8
        static let hoursByYear = 6
        static let directors = 5
        static let genres = 5
        static let countries = 5
    }

    func render(_ stats: Stats) -> String {
        var lines: [String] = []
        let collections = cap(stats.collections, Shown.collections)
        lines += bars(collections.shown.map { ($0.collection.title.oneLine, $0.watchedCount, $0.filmCount, "\($0.watchedCount) of \($0.filmCount)") },
                      indent: "", track: true, widest: 30)
        lines += more(collections.leftOut, "more collection", "stats --all, or watchlist collection list")
        lines.append("")
        let dated = stats.viewingsByYear.map(\.count).reduce(0, +)
        lines.append("Viewings: \(stats.viewings)" + (dated < stats.viewings ? " (\(stats.viewings - dated) on an unknown day)" : ""))
        let years = cap(stats.viewingsByYear, Shown.years, keepLast: true)
        lines += more(years.leftOut, "earlier year", "stats --all")
        lines += counted(years.shown)
        if !stats.filmsByDecade.isEmpty {
            let decades = cap(stats.filmsByDecade, Shown.decades, keepLast: true)
            lines += ["", "Watched films by decade:"] + more(decades.leftOut, "earlier decade", "stats --all") + counted(decades.shown)
        }
        lines.append("")
        let rated = stats.ratings.map(\.count).reduce(0, +)
        lines.append("Ratings: \(rated)" + (stats.averageRating.map { String(format: ", average %.2f", $0) } ?? ""))
        let mostRated = stats.ratings.map(\.count).max() ?? 0
        let starsWidth = StarRating.all.map { DisplayWidth.of(glyphs.stars($0)) }.max() ?? 0
        let room = max(4, min(24, (width ?? 80) - 2 - starsWidth - 2 - String(mostRated).count))
        for (rating, count) in zip(StarRating.all, stats.ratings) {
            let stars = glyphs.stars(rating)
            lines.append("  " + stars + String(repeating: " ", count: max(0, starsWidth - DisplayWidth.of(stars)))
                + " \(glyphs.column(count.count, of: mostRated, width: room)) \(count.count)")
        }
        if !stats.mostRewatched.isEmpty {
            lines += ["", "Most rewatched:"] + stats.mostRewatched.map { "  \($0.viewings)\(glyphs.times)  \($0.film)" }
        }
        if let gap = stats.longestGap {
            lines += ["", "Longest gap between viewings: \(plural(gap.days, "day")), \(gap.from.iso) to \(gap.to.iso)"]
        }
        if stats.review.viewings > 0 {
            let known = stats.review.filmsOfUnknownRuntime < stats.review.films || stats.review.filmsWithDirectors > 0
                || stats.review.filmsWithGenres > 0 || stats.review.filmsWithCountries > 0
            lines += [""] + (known ? body(stats.review) : [StatsText.hoursUnknown])
        }
        return lines.joined(separator: "\n")
    }

    /// The year in review (`stats --year`).
    func review(_ review: YearInReview) -> String {
        var lines = [review.year.map { "\($0) in review" } ?? "Every year"]
        guard review.viewings > 0 else {
            return (lines + ["", "No viewings" + (review.year.map { " in \($0)" } ?? "") + "."]).joined(separator: "\n")
        }
        lines.append("")
        lines.append("Viewings: \(review.viewings) of \(plural(review.films, "film"))" + (review.rewatches > 0
            ? ", \(plural(review.rewatches, "rewatch"))" + String(format: " (%.0f%%)", (review.rewatchShare ?? 0) * 100) : ", no rewatch"))
        if review.viewingsOnUnknownDays > 0 {
            lines.append("  \(review.viewingsOnUnknownDays) on an unknown day, counted in the year they were logged")
        }
        return (lines + body(review)).joined(separator: "\n")
    }

    static let hoursUnknown = "Hours watched: unknown: no film you watched has a runtime ('watchlist facts import' reads them from IMDb's datasets; 'watchlist film set <film> --runtime 111' sets one)."

    /// Hours, the longest and shortest film, directors, genres, countries: what the films' facts tell.
    private func body(_ review: YearInReview) -> [String] {
        // No runtime known is no hours known: never 0.0.
        var lines = [review.hoursKnown ? String(format: "Hours watched: %.1f (%d min)", review.hours, review.minutes) : StatsText.hoursUnknown]
        if review.hoursKnown, review.filmsOfUnknownRuntime > 0 {
            lines.append("  Runtime unknown: \(plural(review.filmsOfUnknownRuntime, "film")), \(plural(review.viewingsOfUnknownRuntime, "viewing")), not counted")
        }
        if review.year == nil && review.byYear.count > 1 && review.minutes > 0 {
            let years = cap(review.byYear, Shown.hoursByYear, keepLast: true)
            let most = review.byYear.map(\.minutes).max() ?? 0
            lines += more(years.leftOut, "earlier year", "stats --all")
            lines += bars(years.shown.map { (String($0.year), $0.minutes, most, String(format: "%.1f h", Double($0.minutes) / 60)) },
                          indent: "  ", track: false, widest: 30)
        }
        if let longest = review.longest, let shortest = review.shortest {
            lines.append("Longest: \(longest.film.displayTitle), \(FilmMetadata.runtimeText(longest.metadata.runtime ?? 0))")
            lines.append("Shortest: \(shortest.film.displayTitle), \(FilmMetadata.runtimeText(shortest.metadata.runtime ?? 0))")
        }
        func ranked(_ title: String, _ entries: [YearInReview.Ranked], known: Int, limit: Int, noun: String) {
            guard !entries.isEmpty else { return }
            lines += ["", "\(title) (of the \(known) of \(plural(review.films, "film")) that say):"]
            let shown = cap(entries, limit)
            let most = shown.shown.map(\.films).max() ?? 0
            lines += bars(shown.shown.map { entry in
                (entry.name, entry.films, most, String(entry.films) + (entry.averageRating.map { String(format: ", average %.2f", $0) } ?? ""))
            }, indent: "  ", track: false, widest: 20)
            lines += more(shown.leftOut, noun, "stats --all")
        }
        ranked("Most-watched directors", review.directors, known: review.filmsWithDirectors, limit: Shown.directors, noun: "more director")
        ranked("Most-watched genres", review.genres, known: review.filmsWithGenres, limit: Shown.genres, noun: "more genre")
        ranked("Films by country", review.countries, known: review.filmsWithCountries, limit: Shown.countries, noun: "more country")
        return lines
    }

    /// The first `limit` items (the last, with `keepLast`), unless `all`.
    private func cap<Item>(_ items: [Item], _ limit: Int, keepLast: Bool = false) -> (shown: [Item], leftOut: Int) {
        guard !all, items.count > limit else { return (items, 0) }
        return (keepLast ? Array(items.suffix(limit)) : Array(items.prefix(limit)), items.count - limit)
    }

    /// "  … and 3 more earlier years (stats --all)", or nothing.
    private func more(_ count: Int, _ noun: String, _ how: String) -> [String] {
        count > 0 ? ["  \(glyphs.ellipsis) and \(plural(count, noun)) (\(how))"] : []
    }

    /// "  1970s  ██████ 3": a count a label, bars scaled to the largest.
    private func counted(_ counts: [Stats.Count]) -> [String] {
        let most = counts.map(\.count).max() ?? 0
        return bars(counts.map { ($0.label, $0.count, most, String($0.count)) }, indent: "  ", track: false, widest: 30)
    }

    /// Lines of `label  bar  text`, the bars starting in one column: labels padded to the
    /// widest, shortened when the width leaves the bar less than 8 cells; bars at most `widest`.
    private func bars(_ rows: [(label: String, value: Int, total: Int, text: String)], indent: String, track: Bool, widest: Int) -> [String] {
        guard !rows.isEmpty else { return [] }
        let textWidth = rows.map { DisplayWidth.of($0.text) }.max() ?? 0
        var labelWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let available = (width ?? 200) - indent.count - 4 - textWidth
        labelWidth = min(labelWidth, max(8, available - 8))
        let barWidth = max(0, min(widest, available - labelWidth))
        return rows.map { row in
            let label = DisplayWidth.truncate(row.label, to: labelWidth, ellipsis: glyphs.ellipsis)
            let padding = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
            let bar = barWidth > 0 ? glyphs.bar(row.value, of: row.total, width: barWidth, track: track) : ""
            let line = indent + label + padding + "  " + bar + "  " + row.text
            return line
        }
    }
}
