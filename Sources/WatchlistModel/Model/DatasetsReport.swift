import Foundation

/// What `facts import` did with IMDb's dataset files, or with --dry-run would do.
public struct DatasetsReport: Sendable {
    /// A file read: its name, the dataset its header says it is, its rows.
    public struct File: Sendable, Equatable {
        public var name: String
        public var dataset: IMDbDataset
        public var rows: Int

        public init(name: String, dataset: IMDbDataset, rows: Int) {
            (self.name, self.dataset, self.rows) = (name, dataset, rows)
        }
    }

    /// A film matched by its title and year: the id found and the rule that decided.
    public struct Match: Sendable, Equatable {
        public var film: String
        public var id: String
        public var title: String
        public var rule: String

        public init(film: String, id: String, title: String, rule: String) {
            (self.film, self.id, self.title, self.rule) = (film, id, title, rule)
        }
    }

    /// A film left unmatched because more than one title could be it.
    public struct Ambiguous: Sendable, Equatable {
        public var film: String
        /// "Title (year, tt…, N votes)", most votes first.
        public var candidates: [String]

        public init(film: String, candidates: [String]) {
            (self.film, self.candidates) = (film, candidates)
        }
    }

    public var dryRun = false
    public var files: [File] = []
    /// Files of a folder that are none of IMDb's datasets, left out.
    public var filesLeftOut: [String] = []
    /// The first problems of the files' lines ("file, line N: …"), and how many there were.
    public var problems: [String] = []
    public var problemCount = 0
    /// The films of the diary looked for.
    public var films = 0
    public var matchedById = 0
    public var matchedByTitle: [Match] = []
    public var ambiguous: [Ambiguous] = []
    /// Films no title of the files is: their display titles.
    public var notFound: [String] = []
    /// Fields given to a film that had none of this source's values of it, and fields whose
    /// values a newer file changed (a film's directors, runtime, genres, original title).
    public var factsAdded = 0
    public var factsChanged = 0
    /// Films whose facts from these files changed.
    public var filmsChanged = 0
    /// What the files given could not say, and why ("directors: name.basics was not given").
    public var leftOut: [String] = []

    public init() {}

    public var changedAnything: Bool { factsAdded + factsChanged > 0 || !matchedByTitle.isEmpty }
}
