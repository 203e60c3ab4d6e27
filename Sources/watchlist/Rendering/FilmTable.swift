import WatchlistCore

/// The table of films that `list` and `collection show` print, fitted to the terminal's width
/// (`Table`): long titles, then long tag lists, are shortened first; then the Tags, Notes,
/// Last watched and Seen columns are left out, in that order (README, "Fitting the terminal").
enum FilmTable {
    static func render(_ films: [FilmSummary], maxWidth: Int?, bold: Bool, glyphs: Glyphs = .current) -> String {
        var table = Table([.init("ID", .right), .init("Title", .left, shrinksTo: 8, comfortably: 20), .init("Year", .right),
                           .init("Seen", .right, leaves: 4), .init("Last watched", .left, leaves: 3), .init("Rating", .left),
                           .init("Notes", .right, leaves: 2), .init("Tags", .left, shrinksTo: 6, comfortably: 12, leaves: 1)])
        table.rows.reserveCapacity(films.count)
        for summary in films {
            table.rows.append([
                String(summary.film.number), summary.film.title, summary.film.year.map(String.init) ?? "-",
                summary.viewingCount == 0 ? "-" : "\(summary.viewingCount)\(glyphs.times)",
                summary.lastWatched?.iso ?? (summary.viewingCount > 0 ? "unknown day" : "-"),
                summary.rating.map(glyphs.stars) ?? "-",
                summary.noteCount == 0 ? "-" : String(summary.noteCount),
                summary.tags.joined(separator: ", "),
            ])
        }
        return table.render(maxWidth: maxWidth, bold: bold)
    }
}
