import Foundation

/// What an import did, or with --dry-run would do.
public struct ImportReport: Sendable {
    public struct Counts: Sendable, Equatable {
        public var viewings = 0
        /// Viewings that stand only for "watched" (no day).
        public var placeholders = 0
        public var ratings = 0
        public var notes = 0
        public var tags = 0

        public init(viewings: Int = 0, placeholders: Int = 0, ratings: Int = 0, notes: Int = 0, tags: Int = 0) {
            (self.viewings, self.placeholders, self.ratings, self.notes, self.tags) = (viewings, placeholders, ratings, notes, tags)
        }

        public var total: Int { viewings + placeholders + ratings + notes + tags }
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

    /// A watchlist or list as the import left it.
    public struct List: Sendable, Equatable {
        public var slug: String
        public var title: String
        /// How many films it holds, and how many of its entries had no film in the database
        /// (created with --add-missing, else left out).
        public var films: Int
        public var missing: [String]
        public var created: Bool

        public init(slug: String, title: String, films: Int, missing: [String], created: Bool) {
            (self.slug, self.title, self.films, self.missing, self.created) = (slug, title, films, missing, created)
        }
    }

    public var dryRun = false
    public var files: [ImportedFile] = []
    /// Films whose directors, genres, runtime… the import added or changed.
    public var filmsWithNewFacts = 0
    public var filmsMatched = 0
    public var filmsCreated = 0
    /// Titles of films not in the database that were left out (no --add-missing).
    public var skippedFilms: [String] = []
    /// Films no longer on any list that were created by imports and hold nothing else.
    public var filmsRemoved = 0
    public var collectionsCreated: [String] = []
    public var lists: [List] = []
    /// The titles of the lists (and documents' collections) that made no collection: none of
    /// their films is in the database.
    public var listsLeftOut: [String] = []
    public var added = Counts()
    public var unchanged = Counts()
    /// Notes whose entry's review was edited since, and placeholders a dated viewing replaced.
    public var notesUpdated = 0
    /// Notes from an entry that the person edited, kept as they wrote them while the entry
    /// changed too (its new text was added as a note of its own).
    public var editedNotesKept = 0
    /// Of those, the notes whose review's new text was added beside as a note of its own (the
    /// rest already had a note of that text).
    public var reviewsAddedBeside = 0
    /// Ids given to films that lacked them.
    public var idsAdded = 0
    public var placeholdersReplaced = 0
    public var conflicts: [Conflict] = []
    public var skippedTitleTypes: [String: Int] = [:]
    public var unknownTitleTypes: [String: Int] = [:]
    public var ignoredFiles: [IgnoredFile] = []
    public var warnings: [String] = []
    /// Warnings beyond the ones kept word for word, counted only.
    public var warningsLeftOut = 0

    public init() {}

    public var rows: Int { files.reduce(0) { $0 + $1.rows } }

    /// Rows read but not imported: titles that are not films, of a type not known, films
    /// missing from the database.
    public var skippedRows: Int {
        skippedTitleTypes.values.reduce(0, +) + unknownTitleTypes.values.reduce(0, +) + skippedFilms.count
    }

    /// Whether the import changed the database (or would have, for a dry run).
    public var changedAnything: Bool {
        added.total > 0 || filmsCreated > 0 || filmsRemoved > 0 || !collectionsCreated.isEmpty || notesUpdated > 0 || editedNotesKept > 0 || idsAdded > 0
            || placeholdersReplaced > 0 || conflicts.contains(where: \.importedWon) || listsChanged || filmsWithNewFacts > 0
    }

    /// Set when an import changed a list's membership or order.
    public var listsChanged = false
}
