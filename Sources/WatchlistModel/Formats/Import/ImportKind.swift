import Foundation

/// The files `import` reads. A file's kind is decided once (`ImportFile.detect`): from its
/// place in an export first (`likes/films.csv` is likes, never "watched"), from its content
/// second (a CSV's header row, a JSON file's shape), and, for the files whose header says
/// several things, from its name (IMDb's `WATCHLIST.csv`, Trakt's watchlist).
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
    /// IMDb's ratings of late 2017: `Date Added` instead of `Date Rated`.
    case imdbRatingsDateAdded = "imdb ratings (2017 format)"
    case imdbWatchlist = "imdb watchlist"
    case imdbList = "imdb list"
    /// IMDb's exports before late 2017: one format (16 quoted columns) for ratings, lists,
    /// the watchlist and check-ins, told apart by the file's name.
    case imdbRatingsOld = "imdb ratings (old format)"
    case imdbWatchlistOld = "imdb watchlist (old format)"
    case imdbListOld = "imdb list (old format)"
    case imdbCheckins = "imdb check-ins (old format)"
    case traktRatings = "trakt ratings"
    case traktWatched = "trakt watched"
    case traktHistory = "trakt history"
    case traktWatchlist = "trakt watchlist"
    case traktLists = "trakt lists"
    case traktList = "trakt list"
    case criticker = "criticker ratings"
    /// Netflix's viewing history (`NetflixViewingHistory.csv`: `Title,Date`).
    case netflixHistory = "netflix history"
    /// A CSV whose columns the person names (`--columns`).
    case spreadsheet = "spreadsheet"

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
        case .imdbRatingsDateAdded: "an IMDb ratings export (late-2017 format)"
        case .imdbWatchlist: "an IMDb watchlist export"
        case .imdbList: "an IMDb list export"
        case .imdbRatingsOld: "an IMDb ratings export (old format)"
        case .imdbWatchlistOld: "an IMDb watchlist export (old format)"
        case .imdbListOld: "an IMDb list export (old format)"
        case .imdbCheckins: "an IMDb check-ins export (old format)"
        case .traktRatings: "a Trakt ratings file"
        case .traktWatched: "a Trakt watched file"
        case .traktHistory: "a Trakt history file"
        case .traktWatchlist: "a Trakt watchlist file"
        case .traktLists: "a Trakt file of lists"
        case .traktList: "a Trakt list's items"
        case .criticker: "a Criticker ratings export"
        case .netflixHistory: "a Netflix viewing history"
        case .spreadsheet: "a spreadsheet read by --columns"
        }
    }

    /// The family `--format` names.
    public var format: ImportFormat {
        switch self {
        case .watchlistDocument: .watchlist
        case .imdbRatings, .imdbRatingsDateAdded, .imdbWatchlist, .imdbList, .imdbRatingsOld, .imdbWatchlistOld, .imdbListOld, .imdbCheckins: .imdb
        case .traktRatings, .traktWatched, .traktHistory, .traktWatchlist, .traktLists, .traktList: .trakt
        case .criticker: .criticker
        case .netflixHistory: .netflix
        case .spreadsheet: .spreadsheet
        default: .letterboxd
        }
    }

    /// Whether the file is a watchlist or a list, which `--no-lists` leaves out.
    public var isList: Bool {
        [.letterboxdWatchlist, .letterboxdList, .imdbWatchlist, .imdbList, .imdbWatchlistOld, .imdbListOld, .traktWatchlist, .traktLists,
         .traktList].contains(self)
    }

    var isCSV: Bool { ![.watchlistDocument, .traktRatings, .traktWatched, .traktHistory, .traktWatchlist, .traktLists, .traktList].contains(self) }

    /// The formats `import` reads, a line each, for the message about a file it does not.
    static let expectedHeaders = [
        "Letterboxd diary.csv: Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date (before 2018, without Rewatch)",
        "Letterboxd reviews.csv: Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date (before 2018, without Rewatch)",
        "Letterboxd ratings.csv: Date,Name,Year,Letterboxd URI,Rating",
        "Letterboxd watched.csv, watchlist.csv, likes/films.csv: Date,Name,Year,Letterboxd URI",
        "Letterboxd lists/*.csv: Letterboxd list export v7 (or an empty line), then Date,Name,Tags,URL,Description, then Position,Name,Year,URL,Description",
        "Letterboxd's import format: Title,Year,Rating,WatchedDate,Rewatch,Tags,Review (and LetterboxdURI, imdbID, tmdbID, Rating10)",
        "IMDb ratings: Const,Your Rating,Date Rated,Title,[Original Title,]URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors",
        "IMDb ratings (late 2017): Const,Your Rating,Date Added,Title,Title Type,Directors,IMDb Rating,Runtime (mins),Year,Genres,Num Votes",
        "IMDb watchlist and lists: Position,Const,Created,Modified,Description,Title,[Original Title,]URL,Title Type,…,Year,…[,Your Rating,Date Rated]",
        "IMDb before late 2017 (ratings, lists, WATCHLIST.csv, CHECKINS.csv): \"position\",\"const\",\"created\",\"modified\",\"description\",\"Title\",\"Title type\",\"Directors\",\"You rated\",…",
        "Criticker: Score, Film Name, Year, Date Rated, Mini Review, URL, IMDB ID",
        "Netflix NetflixViewingHistory.csv: Title,Date",
        "Trakt (JSON, as its API and backup tools write it): ratings, watched, history, watchlist, lists and their items",
        "a watchlist JSON document: {\"format\": \"watchlist\", …}",
    ]

    /// The columns each kind cannot do without.
    var requiredColumns: [String] {
        switch self {
        case .letterboxdDiary: ["Date", "Name", "Year", "Letterboxd URI", "Watched Date"]
        case .letterboxdReviews: ["Date", "Name", "Year", "Letterboxd URI", "Review", "Watched Date"]
        case .letterboxdRatings: ["Date", "Name", "Year", "Letterboxd URI", "Rating"]
        case .letterboxdWatched, .letterboxdWatchlist, .letterboxdLikes: ["Date", "Name", "Year", "Letterboxd URI"]
        case .letterboxdImport: ["Title"]
        case .imdbRatings: ["Const", "Your Rating", "Date Rated", "Title", "Title Type", "Year"]
        case .imdbRatingsDateAdded: ["Const", "Your Rating", "Date Added", "Title", "Title Type", "Year"]
        case .imdbRatingsOld, .imdbWatchlistOld, .imdbListOld, .imdbCheckins: ["const", "created", "Title", "Title type", "You rated", "Year"]
        case .imdbWatchlist, .imdbList: ["Position", "Const", "Title", "Title Type", "Year"]
        case .criticker: ["Score", "Film Name", "Year", "Date Rated"]
        case .netflixHistory: ["Title", "Date"]
        case .watchlistDocument, .letterboxdList, .traktRatings, .traktWatched, .traktHistory, .traktWatchlist, .traktLists, .traktList,
             .spreadsheet: []
        }
    }

    /// The kind of a CSV file with this header, or nil when it is none we read. `name` is the
    /// file's own name, lower case (watchlist.csv and likes/films.csv share their header with
    /// watched.csv; IMDb's old exports share one header).
    static func recognise(_ header: [String], name: String) -> ImportKind? {
        let columns = Set(header)
        let letterboxd: Set<String> = ["Date", "Name", "Year", "Letterboxd URI"]
        if columns.isSuperset(of: letterboxd) {
            if columns.isSuperset(of: ["Review", "Watched Date"]) { return .letterboxdReviews }
            if columns.contains("Watched Date") { return .letterboxdDiary }
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
        if columns.isSuperset(of: ["Const", "Your Rating", "Date Added", "Title", "Title Type", "Year"]) { return .imdbRatingsDateAdded }
        if columns.isSuperset(of: ["const", "created", "Title", "Title type", "You rated", "Year"]) { return oldIMDb(name: name) }
        if columns.isSuperset(of: ["Score", "Film Name", "Year", "Date Rated"]) { return .criticker }
        if columns == ["Title", "Date"] { return .netflixHistory }
        if header.starts(with: ["Date", "Name", "Tags", "URL", "Description"]) { return .letterboxdList }
        if columns.contains("Title") || columns.contains("Name"),
           !columns.isDisjoint(with: ["WatchedDate", "Watched Date", "Rating", "Rating10", "Rewatch", "Tags", "Review",
                                      "LetterboxdURI", "imdbID", "tmdbID", "Directors"]) {
            return .letterboxdImport
        }
        return nil
    }

    /// IMDb's exports before late 2017 share one header; the file's name says which it is:
    /// `ratings.csv`, `WATCHLIST.csv`, `CHECKINS.csv`, any other name a list.
    static func oldIMDb(name: String) -> ImportKind {
        if name.hasPrefix("ratings") { return .imdbRatingsOld }
        if name.hasPrefix("watchlist") { return .imdbWatchlistOld }
        if name.contains("checkin") || name.contains("check-in") { return .imdbCheckins }
        return .imdbListOld
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
            if columns.contains("Date Added") && columns.contains("Const") { return .imdbRatingsDateAdded }
            if columns.contains("Your Rating") || columns.contains("Const") { return .imdbRatings }
            if columns.contains("You rated") { return oldIMDb(name: name) }
            if columns.contains("Film Name") && columns.contains("Score") { return .criticker }
            return nil
        }
    }
}

/// What `import --format` takes: the family of exports a file must belong to.
public enum ImportFormat: String, Sendable, CaseIterable {
    case auto, watchlist, letterboxd, imdb, trakt, criticker, netflix, spreadsheet

    /// "Letterboxd", "IMDb": the source's own spelling, for messages.
    public var displayName: String {
        switch self {
        case .auto: "importable"
        case .watchlist: "watchlist"
        case .letterboxd: "Letterboxd"
        case .imdb: "IMDb"
        case .trakt: "Trakt"
        case .criticker: "Criticker"
        case .netflix: "Netflix"
        case .spreadsheet: "spreadsheet"
        }
    }

    /// "a" or "an", to go before `displayName`.
    public var article: String { self == .imdb || self == .auto ? "an" : "a" }
}
