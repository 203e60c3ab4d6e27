import WatchlistCore

/// `watchlist` alone: a screen (at most 24 lines at any width) whatever the number of
/// collections — the built-in collection, then the most recently active, then how many more
/// there are and where to see them; the latest viewing; what to type next.
enum SummaryText {
    /// The collections the summary shows unless `--all`.
    static let collectionsShown = 10

    static func render(_ summary: Summary, all: Bool, width: Int?) -> String {
        var lines = progress(summary.collections, limit: all ? nil : collectionsShown, width: width, more: "watchlist collection list, or watchlist --all")
        if let latest = summary.latest {
            lines.append("Latest viewing: \(latest.film.displayTitle) \(latest.viewing.watchedOn.onDay).")
        } else {
            lines.append("No viewings yet: log one with 'watchlist watch <film>'.")
        }
        lines.append("Run 'watchlist list' to see the films, 'watchlist --help' for every command.")
        return lines.joined(separator: "\n")
    }

    /// A progress line a collection, the first `limit` of them (nil: all), each one line at
    /// `width`; then "… and N more collections (`more`)".
    static func progress(_ collections: [CollectionProgress], limit: Int?, width: Int?, more: String = "watchlist collection list") -> [String] {
        let shown = limit.map { Array(collections.prefix($0)) } ?? collections
        var lines = shown.map { ProgressLine.render($0, width: width) }
        let leftOut = collections.count - shown.count
        if leftOut > 0 { lines.append("\(Glyphs.current.ellipsis) and \(plural(leftOut, "more collection")) (\(more)).") }
        return lines
    }
}

/// Progress lines: "Soviet Survival Films: 3 of 10 films watched.", the title shortened to
/// keep the line within `width`.
enum ProgressLine {
    static func render(_ progress: CollectionProgress, width: Int?) -> String {
        let counts = ": \(progress.watchedCount) of \(plural(progress.filmCount, "film")) watched."
        var title = progress.collection.title.oneLine
        if let width { title = DisplayWidth.truncate(title, to: max(8, width - DisplayWidth.of(counts)), ellipsis: Glyphs.current.ellipsis) }
        return title + counts
    }
}
