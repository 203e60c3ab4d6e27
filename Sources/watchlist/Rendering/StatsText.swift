import Foundation
import WatchlistCore

/// `stats`: the diary in numbers, with bars.
enum StatsText {
    static func render(_ stats: Stats) -> String {
        var lines: [String] = []
        for progress in stats.collections {
            lines.append("\(progress.collection.title.oneLine): \(progress.watchedCount) of \(progress.filmCount) watched  "
                + Bars.bar(progress.watchedCount, of: progress.filmCount, width: 20))
        }
        lines.append("")
        let dated = stats.viewingsByYear.map(\.count).reduce(0, +)
        lines.append("Viewings: \(stats.viewings)" + (dated < stats.viewings ? " (\(stats.viewings - dated) on an unknown day)" : ""))
        lines += counted(stats.viewingsByYear)
        if !stats.filmsByDecade.isEmpty {
            lines += ["", "Watched films by decade:"] + counted(stats.filmsByDecade)
        }
        lines.append("")
        let rated = stats.ratings.map(\.count).reduce(0, +)
        lines.append("Ratings: \(rated)" + (stats.averageRating.map { String(format: ", average %.2f", $0) } ?? ""))
        let mostRated = stats.ratings.map(\.count).max() ?? 0
        for (rating, count) in zip(StarRating.all, stats.ratings) {
            let stars = rating.starsText
            lines.append("  " + stars + String(repeating: " ", count: max(0, 6 - stars.count))
                + " \(Bars.column(count.count, of: mostRated)) \(count.count)")
        }
        if !stats.mostRewatched.isEmpty {
            lines += ["", "Most rewatched:"] + stats.mostRewatched.map { "  \($0.viewings)×  \($0.film)" }
        }
        if let gap = stats.longestGap {
            lines += ["", "Longest gap between viewings: \(gap.days) days, \(gap.from.iso) to \(gap.to.iso)"]
        }
        if stats.review.viewings > 0 {
            let known = stats.review.filmsOfUnknownRuntime < stats.review.films || stats.review.filmsWithDirectors > 0
                || stats.review.filmsWithGenres > 0 || stats.review.filmsWithCountries > 0
            lines += [""] + (known ? body(stats.review)
                : ["Hours watched: unknown: no film you watched has a runtime ('watchlist film set <film> --runtime 111' sets one; IMDb's exports carry them)."])
        }
        return lines.joined(separator: "\n")
    }

    /// The year in review (`stats --year`).
    static func review(_ review: YearInReview) -> String {
        var lines = [review.year.map { "\($0) in review" } ?? "Every year"]
        guard review.viewings > 0 else {
            return (lines + ["", "No viewings" + (review.year.map { " in \($0)" } ?? "") + "."]).joined(separator: "\n")
        }
        lines.append("")
        lines.append("Viewings: \(review.viewings) of \(review.films) film(s)" + (review.rewatches > 0
            ? String(format: ", %d rewatch(es) (%.0f%%)", review.rewatches, (review.rewatchShare ?? 0) * 100) : ", no rewatch"))
        if review.viewingsOnUnknownDays > 0 {
            lines.append("  \(review.viewingsOnUnknownDays) on an unknown day, counted in the year they were logged")
        }
        return (lines + body(review)).joined(separator: "\n")
    }

    /// Hours, the longest and shortest film, directors, genres, countries: what the films' facts tell.
    private static func body(_ review: YearInReview) -> [String] {
        var lines = [String(format: "Hours watched: %.1f (%d min)", review.hours, review.minutes)]
        if review.filmsOfUnknownRuntime > 0 {
            lines.append("  Runtime unknown: \(review.filmsOfUnknownRuntime) film(s), \(review.viewingsOfUnknownRuntime) viewing(s), not counted")
        }
        if review.year == nil && review.byYear.count > 1 && review.minutes > 0 {
            let most = review.byYear.map(\.minutes).max() ?? 0
            for year in review.byYear {
                lines.append("  \(year.year)  \(Bars.bar(year.minutes, of: most, width: 30, empty: " ")) "
                    + String(format: "%.1f h", Double(year.minutes) / 60))
            }
        }
        if let longest = review.longest, let shortest = review.shortest {
            lines.append("Longest: \(longest.film.displayTitle), \(FilmMetadata.runtimeText(longest.metadata.runtime ?? 0))")
            lines.append("Shortest: \(shortest.film.displayTitle), \(FilmMetadata.runtimeText(shortest.metadata.runtime ?? 0))")
        }
        func ranked(_ title: String, _ entries: [YearInReview.Ranked], known: Int, limit: Int) {
            guard !entries.isEmpty else { return }
            lines += ["", "\(title) (of the \(known) film(s) of \(review.films) that say):"]
            let shown = Array(entries.prefix(limit))
            let most = shown.map(\.films).max() ?? 0
            let width = shown.map { DisplayWidth.of($0.name) }.max() ?? 0
            for entry in shown {
                let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(entry.name)))
                lines.append("  \(entry.name)\(padding)  \(Bars.bar(entry.films, of: most, width: 20, empty: " ")) \(entry.films)"
                    + (entry.averageRating.map { String(format: ", average %.2f", $0) } ?? ""))
            }
        }
        ranked("Most-watched directors", review.directors, known: review.filmsWithDirectors, limit: 5)
        ranked("Most-watched genres", review.genres, known: review.filmsWithGenres, limit: 5)
        ranked("Films by country", review.countries, known: review.filmsWithCountries, limit: 10)
        return lines
    }

    /// "  1970s  ██████ 3": one line a label, bars scaled to the largest count.
    private static func counted(_ counts: [Stats.Count]) -> [String] {
        let most = counts.map(\.count).max() ?? 0
        return counts.map { "  \($0.label)  \(Bars.bar($0.count, of: most, width: 30, empty: " ")) \($0.count)" }
    }
}

/// Unicode bars for people.
enum Bars {
    /// A bar of `width` cells, `value` of `total` filled.
    static func bar(_ value: Int, of total: Int, width: Int, empty: Character = "░") -> String {
        guard total > 0 else { return String(repeating: empty, count: width) }
        let filled = Int((Double(value) / Double(total) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: empty, count: width - filled)
    }

    /// A horizontal bar in eighths of a cell, like Letterboxd's histogram turned on its side.
    static func column(_ value: Int, of most: Int, width: Int = 24) -> String {
        guard most > 0, value > 0 else { return "" }
        let eighths = max(1, Int((Double(value) / Double(most) * Double(width * 8)).rounded()))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }
}
