import Foundation
import WatchlistCore

/// `stats`: the diary in numbers, with bars.
enum StatsText {
    static func render(_ stats: Stats) -> String {
        var lines: [String] = []
        for progress in stats.collections {
            lines.append("\(progress.collection.title): \(progress.watchedCount) of \(progress.filmCount) watched  "
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
        return lines.joined(separator: "\n")
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
