/// The CSV that Letterboxd's importer reads: Title, Year, the film's ids where known (imdbID,
/// tmdbID, LetterboxdURI: Letterboxd matches on them before the title), Rating (0.5–5),
/// WatchedDate (YYYY-MM-DD), Rewatch (true or false), Tags (comma-separated), Review.
///
/// One row per viewing, each with the film's rating and tags; a viewing on an unknown day has
/// no WatchedDate. A film that is rated, tagged or noted but never watched gets one row with
/// neither a WatchedDate nor a Rewatch value, which is how the importer tells it from a
/// viewing on an unknown day (Letterboxd reads an empty Rewatch as false). A film's notes go into Review
/// once, joined by blank lines, on the row of its latest viewing. Cells are not given the
/// spreadsheet apostrophe: this file is for an importer, which would keep it as part of a title.
struct LetterboxdExportWriter: ExportWriter {
    static let header = ["Title", "Year", "imdbID", "tmdbID", "LetterboxdURI", "Rating", "WatchedDate", "Rewatch", "Tags", "Review"]
    let output: TextOutput

    init(_ output: TextOutput) {
        self.output = output
    }

    mutating func begin(exportedAt: String, collections: [CollectionContents]) throws {
        try output.write(CSVText.row(LetterboxdExportWriter.header))
    }

    mutating func add(_ film: FilmDetail) throws {
        guard film.hasRecords else { return }
        let review = film.notes.map(\.text).joined(separator: "\n\n")
        let viewings: [Viewing?] = film.viewings.isEmpty ? [nil] : film.viewings
        for (index, viewing) in viewings.enumerated() {
            try output.write(CSVText.row([
                CSVText.field(film.film.title, isText: false),
                film.film.year.map(String.init) ?? "",
                film.ids.imdb ?? "",
                film.ids.tmdb.map(String.init) ?? "",
                film.ids.letterboxd ?? "",
                film.rating?.value.decimal ?? "",
                viewing?.watchedOn?.iso ?? "",
                viewing.map { $0.rewatch ? "true" : "false" } ?? "",
                CSVText.field(film.tags.joined(separator: ", "), isText: false),
                index == viewings.count - 1 ? CSVText.field(review, isText: false) : "",
            ]))
        }
    }

    mutating func finish() throws {}
}
