import Foundation

/// The files `import` reads. A file's kind comes from its place in an export first
/// (`likes/films.csv` is likes, never "watched"), from its header row second.
public enum ImportKind: String, Sendable, CaseIterable {
    case watchlistDocument = "watchlist document"
    case letterboxdDiary = "letterboxd diary"
    case letterboxdReviews = "letterboxd reviews"
    case letterboxdRatings = "letterboxd ratings"
    case letterboxdWatched = "letterboxd watched"
    case letterboxdWatchlist = "letterboxd watchlist"
    case letterboxdLikes = "letterboxd likes"
    case letterboxdList = "letterboxd list"
    /// Letterboxd's import format: what `export --format letterboxd` writes.
    case letterboxdImport = "letterboxd import"
    case imdbRatings = "imdb ratings"
    case imdbRatingsOld = "imdb ratings (old format)"
    case imdbWatchlist = "imdb watchlist"
    case imdbList = "imdb list"

    /// What the file is, for messages: "a Letterboxd diary file", "an IMDb list export".
    public var description: String {
        switch self {
        case .watchlistDocument: "a watchlist JSON document"
        case .letterboxdDiary: "a Letterboxd diary file"
        case .letterboxdReviews: "a Letterboxd reviews file"
        case .letterboxdRatings: "a Letterboxd ratings file"
        case .letterboxdWatched: "a Letterboxd watched file"
        case .letterboxdWatchlist: "a Letterboxd watchlist file"
        case .letterboxdLikes: "a Letterboxd likes file"
        case .letterboxdList: "a Letterboxd list export"
        case .letterboxdImport: "a file in Letterboxd's import format"
        case .imdbRatings: "an IMDb ratings export"
        case .imdbRatingsOld: "an IMDb ratings export (old format)"
        case .imdbWatchlist: "an IMDb watchlist export"
        case .imdbList: "an IMDb list export"
        }
    }

    /// The family `--format` names.
    public var format: ImportFormat {
        switch self {
        case .watchlistDocument: .watchlist
        case .imdbRatings, .imdbRatingsOld, .imdbWatchlist, .imdbList: .imdb
        default: .letterboxd
        }
    }

    /// Whether the file is a watchlist or a list, which `--no-lists` leaves out.
    public var isList: Bool { [.letterboxdWatchlist, .letterboxdList, .imdbWatchlist, .imdbList].contains(self) }

    /// The header rows `import` recognises, for the message about a file it does not.
    static let expectedHeaders = [
        "Letterboxd diary.csv: Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date",
        "Letterboxd reviews.csv: Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date",
        "Letterboxd ratings.csv: Date,Name,Year,Letterboxd URI,Rating",
        "Letterboxd watched.csv, watchlist.csv, likes/films.csv: Date,Name,Year,Letterboxd URI",
        "Letterboxd lists/*.csv: Letterboxd list export v7, then Date,Name,Tags,URL,Description, then Position,Name,Year,URL,Description",
        "Letterboxd's import format: Title,Year,Rating,WatchedDate,Rewatch,Tags,Review (and LetterboxdURI, imdbID, tmdbID, Rating10)",
        "IMDb ratings: Const,Your Rating,Date Rated,Title,[Original Title,]URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors",
        "IMDb ratings (old): position,const,created,modified,description,Title,Title type,Directors,You rated,…,Year,…",
        "IMDb watchlist and lists: Position,Const,Created,Modified,Description,Title,[Original Title,]URL,Title Type,…,Year,…[,Your Rating,Date Rated]",
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
        case .imdbWatchlist, .imdbList: ["Position", "Const", "Title", "Title Type", "Year"]
        case .watchlistDocument, .letterboxdList: []
        }
    }

    /// The kind of a CSV file with this header, or nil when it is none we read. `name` is the
    /// file's name (watchlist.csv and likes/films.csv share their header with watched.csv).
    static func recognise(_ header: [String], name: String) -> ImportKind? {
        let columns = Set(header)
        let letterboxd: Set<String> = ["Date", "Name", "Year", "Letterboxd URI"]
        if columns.isSuperset(of: letterboxd) {
            if columns.isSuperset(of: ["Review", "Watched Date"]) { return .letterboxdReviews }
            if columns.isSuperset(of: ["Rating", "Rewatch", "Tags", "Watched Date"]) { return .letterboxdDiary }
            if columns.contains("Rating") { return .letterboxdRatings }
            if columns == letterboxd {
                if name.hasPrefix("watchlist") { return .letterboxdWatchlist }
                if name.hasPrefix("likes") { return .letterboxdLikes }
                return .letterboxdWatched
            }
            return nil
        }
        if columns.isSuperset(of: ["Position", "Const", "Title", "Title Type", "Year"]) {
            return name.hasPrefix("watchlist") ? .imdbWatchlist : .imdbList
        }
        if columns.isSuperset(of: ["Const", "Your Rating", "Date Rated", "Title", "Title Type", "Year"]) { return .imdbRatings }
        if columns.isSuperset(of: ["const", "created", "Title", "Title type", "You rated", "Year"]) { return .imdbRatingsOld }
        if header == ["Date", "Name", "Tags", "URL", "Description"] { return .letterboxdList }
        if columns.contains("Title") || columns.contains("Name"),
           !columns.isDisjoint(with: ["WatchedDate", "Watched Date", "Rating", "Rating10", "Rewatch", "Tags", "Review",
                                      "LetterboxdURI", "imdbID", "tmdbID", "Directors"]) {
            return .letterboxdImport
        }
        return nil
    }

    /// A kind that a file claims by its name or by a column only that kind has, for the
    /// message when it lacks a column it needs; nil when nothing claims it.
    static func claimed(by header: [String], name: String) -> ImportKind? {
        let columns = Set(header)
        switch name {
        case "diary.csv": return .letterboxdDiary
        case "reviews.csv": return .letterboxdReviews
        default:
            if columns.contains("Position") && columns.contains("Const") { return name.hasPrefix("watchlist") ? .imdbWatchlist : .imdbList }
            if columns.contains("Your Rating") || columns.contains("Const") { return .imdbRatings }
            if columns.contains("You rated") { return .imdbRatingsOld }
            return nil
        }
    }
}

/// Where a file sits in an export decides what it is, before its header does.
enum ExportPlace: Equatable {
    /// The place names the kind: `diary.csv`, `likes/films.csv`, `lists/*.csv`.
    case kind(ImportKind)
    /// A file of the export that import does not read, and why.
    case ignored(String)
    /// Nothing known about the place: the header row decides.
    case unknown

    /// The place of a file by its path inside an export (`likes/films.csv`; an export that
    /// sits in a folder of its own is read as if it did not), or of a file given alone by its
    /// last two path components.
    static func of(_ path: String) -> ExportPlace {
        let parts = path.lowercased().split(separator: "/").map(String.init)
        guard let name = parts.last else { return .unknown }
        let folder = parts.count >= 2 ? parts[parts.count - 2] : ""
        if parts.contains(where: { $0.hasPrefix(".") || $0 == "__macosx" }) { return .ignored("a hidden file, or macOS's metadata") }
        if parts.contains("deleted") { return .ignored("entries you deleted on Letterboxd") }
        if parts.contains("orphaned") { return .ignored("entries Letterboxd could no longer attach to a film") }
        if folder == "likes" {
            switch name {
            case "films.csv": return .kind(.letterboxdLikes)
            case "reviews.csv": return .ignored("reviews by others that you liked")
            case "lists.csv": return .ignored("lists by others that you liked")
            default: return .ignored("not a file of a Letterboxd export that import reads")
            }
        }
        if folder == "lists", name.hasSuffix(".csv") { return .kind(.letterboxdList) }
        switch name {
        case "diary.csv": return .kind(.letterboxdDiary)
        case "reviews.csv": return .kind(.letterboxdReviews)
        case "watched.csv": return .kind(.letterboxdWatched)
        case "comments.csv": return .ignored("comments you wrote on reviews and lists")
        case "profile.csv": return .ignored("your Letterboxd profile, which holds no film")
        default: break
        }
        if name.hasSuffix(".csv") || name.hasSuffix(".json") { return .unknown }
        return .ignored("not a CSV or JSON file")
    }

    /// The places of a folder's or an archive's files: their paths inside it, without the one
    /// folder they all sit in, when they do (an export unzipped into a folder of its own).
    static func places(of paths: [String]) -> [String] {
        let split = paths.map { $0.split(separator: "/").map(String.init) }
        guard let first = split.first?.first, split.allSatisfy({ $0.count >= 2 && $0[0] == first }) else { return paths }
        return split.map { $0.dropFirst().joined(separator: "/") }
    }
}

extension ImportReader {
    /// Why a file at this place in an export is not read, or nil when it may be: lets a caller
    /// skip reading the bytes of a file that would be ignored.
    public static func ignoredReason(place: String) -> String? {
        if case .ignored(let reason) = ExportPlace.of(place) { return reason }
        return nil
    }

    /// `ExportPlace.places`, for the service that lists a folder or an archive.
    public static func places(of paths: [String]) -> [String] { ExportPlace.places(of: paths) }
}
