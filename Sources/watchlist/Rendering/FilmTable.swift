import WatchlistCore

/// The table of films that `list` and `collection show` print, fitted to the terminal's
/// width: long titles, then long tag lists, are shortened with ….
enum FilmTable {
    static func render(_ films: [FilmSummary], maxWidth: Int?, bold: Bool) -> String {
        var table = Table([.init("ID", .right), .init("Title", .left, shrinksTo: 5), .init("Year", .right), .init("Seen", .right),
                           .init("Last watched", .left), .init("Rating", .left), .init("Notes", .right),
                           .init("Tags", .left, shrinksTo: 4, optional: true)])
        for summary in films {
            table.rows.append([
                String(summary.film.id), summary.film.title, summary.film.year.map(String.init) ?? "-",
                summary.viewingCount == 0 ? "-" : "\(summary.viewingCount)×",
                summary.lastWatched?.iso ?? (summary.viewingCount > 0 ? "unknown day" : "-"),
                summary.rating?.starsText ?? "-",
                summary.noteCount == 0 ? "-" : String(summary.noteCount),
                summary.tags.joined(separator: ", "),
            ])
        }
        return table.render(maxWidth: maxWidth, bold: bold)
    }
}

/// Progress lines: "Soviet Survival Films: 3 of 10 films watched."
enum ProgressLine {
    static func render(_ progress: CollectionProgress) -> String {
        "\(progress.collection.title.oneLine): \(progress.watchedCount) of \(progress.filmCount) films watched."
    }
}
