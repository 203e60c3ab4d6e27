/// What `stats` shows: the diary in numbers, for every film or one collection's.
public struct Stats: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var label: String
        public var count: Int

        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    public struct Rewatched: Sendable, Equatable {
        public var film: String
        public var viewings: Int

        public init(film: String, viewings: Int) {
            self.film = film
            self.viewings = viewings
        }
    }

    /// The longest time between two viewings that follow each other in the diary.
    public struct Gap: Sendable, Equatable {
        public var from: Day
        public var to: Day
        public var days: Int

        public init(from: Day, to: Day, days: Int) {
            (self.from, self.to, self.days) = (from, to, days)
        }
    }

    public var collections: [CollectionProgress]
    public var viewings: Int
    /// Viewings a year, oldest year first; viewings on unknown days are not in it.
    public var viewingsByYear: [Count]
    /// Watched films by the decade they came out ("1970s"), oldest first.
    public var filmsByDecade: [Count]
    /// How many films have each rating, 0.5 to 5 (ten entries, zeros included).
    public var ratings: [Count]
    public var averageRating: Double?
    /// Films watched more than once, most viewings first (at most five).
    public var mostRewatched: [Rewatched]
    public var longestGap: Gap?

    public init(collections: [CollectionProgress], viewings: Int, viewingsByYear: [Count], filmsByDecade: [Count],
                ratings: [Count], averageRating: Double?, mostRewatched: [Rewatched], longestGap: Gap?) {
        (self.collections, self.viewings, self.viewingsByYear, self.filmsByDecade, self.ratings, self.averageRating, self.mostRewatched, self.longestGap) = (collections, viewings, viewingsByYear, filmsByDecade, ratings, averageRating, mostRewatched, longestGap)
    }
}

/// A film `search` found, with the part of its text that matched.
public struct SearchHit: Sendable, Equatable {
    public var film: Film
    public var snippet: String
    /// Higher is better (the negated BM25 rank).
    public var score: Double
    /// The ids other services give the film.
    public var ids: FilmIdentifiers

    public init(film: Film, snippet: String, score: Double, ids: FilmIdentifiers = FilmIdentifiers()) {
        (self.film, self.snippet, self.score, self.ids) = (film, snippet, score, ids)
    }
}

/// A change `history` lists and `undo` reverts.
public struct HistoryEntry: Sendable, Equatable {
    public var id: Int64
    public var at: String
    /// The command as it was typed ("watch ascent --on 2026-11-01").
    public var command: String
    /// What it did ("Watched The Ascent (1977) on 2026-11-01").
    public var summary: String
    /// For a restore: the copy of the database as it was before, which undoing it restores.
    public var safetyCopy: String?
    /// False for a change recorded before schema v6, whose undo is not kept.
    public var undoable: Bool

    public init(id: Int64, at: String, command: String, summary: String, safetyCopy: String? = nil, undoable: Bool = true) {
        (self.id, self.at, self.command, self.summary, self.safetyCopy, self.undoable) = (id, at, command, summary, safetyCopy, undoable)
    }
}
