import Foundation

/// The file formats `import` reads, recognised by their header row (and, where headers are
/// alike, the file's name).
public enum ImportKind: String, Sendable, CaseIterable {
    case watchlistDocument = "watchlist document"
    case letterboxdDiary = "letterboxd diary"
    case letterboxdReviews = "letterboxd reviews"
    case letterboxdRatings = "letterboxd ratings"
    case letterboxdWatched = "letterboxd watched"
    case letterboxdWatchlist = "letterboxd watchlist"
    case letterboxdLikes = "letterboxd likes"
    /// Letterboxd's import format: what `export --format letterboxd` writes.
    case letterboxdImport = "letterboxd import"
    case imdbRatings = "imdb ratings"
    case imdbRatingsOld = "imdb ratings (old format)"

    /// What the file is, for messages: "a Letterboxd diary file".
    public var description: String {
        switch self {
        case .watchlistDocument: "a watchlist JSON document"
        case .letterboxdDiary: "a Letterboxd diary file"
        case .letterboxdReviews: "a Letterboxd reviews file"
        case .letterboxdRatings: "a Letterboxd ratings file"
        case .letterboxdWatched: "a Letterboxd watched file"
        case .letterboxdWatchlist: "a Letterboxd watchlist file"
        case .letterboxdLikes: "a Letterboxd likes file"
        case .letterboxdImport: "a file in Letterboxd's import format"
        case .imdbRatings: "an IMDb ratings export"
        case .imdbRatingsOld: "an IMDb ratings export (old format)"
        }
    }

    /// The family `--format` names.
    public var format: ImportFormat {
        switch self {
        case .watchlistDocument: .watchlist
        case .imdbRatings, .imdbRatingsOld: .imdb
        default: .letterboxd
        }
    }

    /// The header rows `import` recognises, for the message about a file it does not.
    static let expectedHeaders = [
        "Letterboxd diary.csv: Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date",
        "Letterboxd reviews.csv: Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date",
        "Letterboxd ratings.csv: Date,Name,Year,Letterboxd URI,Rating",
        "Letterboxd watched.csv, watchlist.csv, likes/films.csv: Date,Name,Year,Letterboxd URI",
        "Letterboxd import: Title,Year,Rating,WatchedDate,Rewatch,Tags,Review",
        "IMDb ratings: Const,Your Rating,Date Rated,Title,[Original Title,]URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors",
        "IMDb ratings (old): position,const,created,modified,description,Title,Title type,Directors,You rated,…,Year,…",
        "a watchlist JSON document: {\"format\": \"watchlist\", …}",
    ]

    /// The columns each kind cannot do without.
    var requiredColumns: [String] {
        switch self {
        case .letterboxdDiary: ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date"]
        case .letterboxdReviews: ["Date", "Name", "Year", "Letterboxd URI", "Review", "Tags", "Watched Date"]
        case .letterboxdRatings: ["Date", "Name", "Year", "Letterboxd URI", "Rating"]
        case .letterboxdWatched, .letterboxdWatchlist, .letterboxdLikes: ["Date", "Name", "Year", "Letterboxd URI"]
        case .letterboxdImport: ["Title"]
        case .imdbRatings: ["Const", "Your Rating", "Date Rated", "Title", "Title Type", "Year"]
        case .imdbRatingsOld: ["const", "created", "Title", "Title type", "You rated", "Year"]
        case .watchlistDocument: []
        }
    }

    /// The kind of a CSV file with this header, or nil when it is none we read. A file that
    /// is recognisably of one kind (by its name, or by a column only that kind has) but lacks
    /// a column it needs is an error that names the missing columns.
    /// `path` is the file's name within its export, `source` its name in messages.
    static func detect(header: [String], path: String, source: String) throws -> ImportKind? {
        let columns = Set(header)
        let name = (path as NSString).lastPathComponent.lowercased()
        let claimed: ImportKind? = switch name {
        case "diary.csv": .letterboxdDiary
        case "reviews.csv": .letterboxdReviews
        default: columns.contains("Your Rating") || columns.contains("Const") ? .imdbRatings
            : columns.contains("You rated") ? .imdbRatingsOld : nil
        }
        if let claimed {
            let missing = claimed.requiredColumns.filter { !columns.contains($0) }
            guard missing.isEmpty else {
                throw WatchlistError.malformedFile(source: source, line: 1,
                    problem: "\(claimed.description) needs the column(s) \(missing.joined(separator: ", ")), which the header row lacks")
            }
        }
        return recognise(columns, name: name, path: path)
    }

    private static func recognise(_ columns: Set<String>, name: String, path: String) -> ImportKind? {
        let letterboxd: Set<String> = ["Date", "Name", "Year", "Letterboxd URI"]
        if columns.isSuperset(of: letterboxd) {
            if columns.isSuperset(of: ["Review", "Watched Date"]) { return .letterboxdReviews }
            if columns.isSuperset(of: ["Rating", "Rewatch", "Tags", "Watched Date"]) { return .letterboxdDiary }
            if columns.contains("Rating") { return .letterboxdRatings }
            if columns == letterboxd {
                if name.hasPrefix("watchlist") { return .letterboxdWatchlist }
                let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent.lowercased()
                if folder == "likes" || name.hasPrefix("likes") { return .letterboxdLikes }
                return .letterboxdWatched
            }
            return nil
        }
        if columns.isSuperset(of: ["Const", "Your Rating", "Date Rated", "Title", "Title Type", "Year"]) { return .imdbRatings }
        if columns.isSuperset(of: ["const", "created", "Title", "Title type", "You rated", "Year"]) { return .imdbRatingsOld }
        if columns.contains("Title"),
           !columns.isDisjoint(with: ["WatchedDate", "Rating", "Rating10", "Rewatch", "Tags", "Review"]) {
            return .letterboxdImport
        }
        return nil
    }
}
