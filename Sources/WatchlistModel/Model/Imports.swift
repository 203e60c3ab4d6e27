/// What an import file says about films, before it meets the database: the readers in
/// Formats/Import produce it, the service matches and applies it.
public struct ImportBatch: Sendable {
    /// One entry per film (title and year), in the order the files first name them.
    public var films: [ImportedFilm] = []
    /// Collections a watchlist document defines.
    public var collections: [ImportedCollection] = []
    public var files: [ImportedFile] = []
    /// Rows of title types that are not films (series, episodes, games…), by type.
    public var skippedTitleTypes: [String: Int] = [:]
    /// Rows of a Letterboxd watchlist.csv: counted, not imported.
    public var watchlistRows = 0
    public var warnings: [String] = []
    /// Files in a folder or archive that are not part of an export we read.
    public var ignoredFiles: [String] = []

    public init() {}
}

/// One file read by an import.
public struct ImportedFile: Sendable, Equatable {
    public var path: String
    /// "letterboxd diary", "imdb ratings", "watchlist document"…
    public var kind: String
    public var rows: Int

    public init(path: String, kind: String, rows: Int) {
        (self.path, self.kind, self.rows) = (path, kind, rows)
    }
}

public struct ImportedFilm: Sendable {
    public var title: String
    /// The title folded for matching (TitleKey), computed once by the reader.
    public var titleKey: String
    public var year: Int?
    /// IMDb's Original Title, tried when the title finds nothing.
    public var originalTitle: String?
    public var viewings: [ImportedViewing] = []
    public var rating: ImportedRating?
    public var notes: [ImportedNote] = []
    public var tags: [String] = []
    /// Letterboxd's watched.csv names the film: it was watched, on a day nobody logged.
    public var watched = false
    // A watchlist document carries the film itself too.
    public var id: Int64?
    public var description = ""
    public var fact = ""
    public var collections: [String] = []
    /// Where the film first appears, for messages: "diary.csv, line 12".
    public var origin: String
    /// The export it comes from: a film that is new to the database joins the collection named
    /// after it (letterboxd, imdb).
    public var format: ImportFormat

    public init(title: String, titleKey: String, year: Int?, origin: String, format: ImportFormat) {
        (self.title, self.titleKey, self.year, self.origin, self.format) = (title, titleKey, year, origin, format)
    }

    public var displayTitle: String { FilmDraft.displayTitle(title, year) }
}

public struct ImportedViewing: Sendable, Equatable {
    public var watchedOn: Day?
    public var rewatch: Bool
    /// When it was logged, ISO-8601; nil: the time of the import.
    public var loggedAt: String?

    public init(watchedOn: Day?, rewatch: Bool, loggedAt: String?) {
        (self.watchedOn, self.rewatch, self.loggedAt) = (watchedOn, rewatch, loggedAt)
    }
}

public struct ImportedRating: Sendable, Equatable {
    public var value: StarRating
    /// When it was rated, ISO-8601; nil when the source does not say.
    public var ratedAt: String?

    public init(value: StarRating, ratedAt: String?) {
        self.value = value
        self.ratedAt = ratedAt
    }
}

public struct ImportedNote: Sendable, Equatable {
    public var text: String
    public var id: Int64?
    public var createdAt: String?
    public var updatedAt: String?

    public init(text: String, id: Int64? = nil, createdAt: String?, updatedAt: String? = nil) {
        (self.text, self.id, self.createdAt, self.updatedAt) = (text, id, createdAt, updatedAt)
    }
}

public struct ImportedCollection: Sendable {
    public var slug: String
    public var title: String
    public var description: String
    /// The document's film ids, in collection order.
    public var filmIds: [Int64]

    public init(slug: String, title: String, description: String, filmIds: [Int64]) {
        (self.slug, self.title, self.description, self.filmIds) = (slug, title, description, filmIds)
    }
}

/// What an import did, or with --dry-run would do.
public struct ImportReport: Sendable {
    public struct Counts: Sendable, Equatable {
        public var viewings = 0
        public var ratings = 0
        public var notes = 0
        public var tags = 0

        public init(viewings: Int = 0, ratings: Int = 0, notes: Int = 0, tags: Int = 0) {
            (self.viewings, self.ratings, self.notes, self.tags) = (viewings, ratings, notes, tags)
        }

        public var total: Int { viewings + ratings + notes + tags }
    }

    /// An imported rating that differs from the one the database had.
    public struct Conflict: Sendable, Equatable {
        public var film: String
        public var ours: StarRating
        public var theirs: StarRating
        /// True when the imported rating replaced ours (it was the more recent).
        public var importedWon: Bool

        public init(film: String, ours: StarRating, theirs: StarRating, importedWon: Bool) {
            (self.film, self.ours, self.theirs, self.importedWon) = (film, ours, theirs, importedWon)
        }
    }

    public var dryRun = false
    public var files: [ImportedFile] = []
    public var filmsMatched = 0
    public var filmsCreated = 0
    /// Titles of films not in the database that were left out (no --add-missing).
    public var skippedFilms: [String] = []
    public var collectionsCreated: [String] = []
    public var added = Counts()
    public var unchanged = Counts()
    public var conflicts: [Conflict] = []
    public var skippedTitleTypes: [String: Int] = [:]
    public var watchlistRows = 0
    public var ignoredFiles: [String] = []
    public var warnings: [String] = []

    public init() {}

    public var rows: Int { files.reduce(0) { $0 + $1.rows } }
}

/// What `import --format` takes: the family of exports a file must belong to.
public enum ImportFormat: String, Sendable, CaseIterable {
    case auto, watchlist, letterboxd, imdb

    /// "Letterboxd", "IMDb": the source's own spelling, for messages.
    public var displayName: String {
        switch self {
        case .auto: "importable"
        case .watchlist: "watchlist"
        case .letterboxd: "Letterboxd"
        case .imdb: "IMDb"
        }
    }

    /// "a" or "an", to go before `displayName`.
    public var article: String { self == .imdb || self == .auto ? "an" : "a" }
}
