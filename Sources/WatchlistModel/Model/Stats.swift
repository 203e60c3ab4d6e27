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
    /// Hours, directors, genres, countries…: of every year, or of the year asked for.
    public var review: YearInReview

    public init(collections: [CollectionProgress], viewings: Int, viewingsByYear: [Count], filmsByDecade: [Count],
                ratings: [Count], averageRating: Double?, mostRewatched: [Rewatched], longestGap: Gap?, review: YearInReview) {
        (self.collections, self.viewings, self.viewingsByYear, self.filmsByDecade, self.ratings, self.averageRating, self.mostRewatched, self.longestGap) = (collections, viewings, viewingsByYear, filmsByDecade, ratings, averageRating, mostRewatched, longestGap)
        self.review = review
    }
}

/// A film `search` found, with the part of its text that matched.
/// The films a search found, best first: all of them, or the first `limit` and how many match.
public struct SearchResults: Sendable, Equatable {
    public var hits: [SearchHit]
    /// How many films match, shown or not.
    public var total: Int

    public init(hits: [SearchHit], total: Int) {
        (self.hits, self.total) = (hits, total)
    }

    /// How many matches were left out.
    public var leftOut: Int { total - hits.count }
}

public struct SearchHit: Sendable, Equatable {
    public var film: Film
    public var snippet: String
    /// Higher is better (the negated BM25 rank).
    public var score: Double
    /// The ids other services give the film.
    public var ids: FilmIdentifiers
    /// Directors, genres, runtime… as shown.
    public var metadata: FilmMetadata

    public init(film: Film, snippet: String, score: Double, ids: FilmIdentifiers = FilmIdentifiers(), metadata: FilmMetadata = FilmMetadata()) {
        (self.film, self.snippet, self.score, self.ids, self.metadata) = (film, snippet, score, ids, metadata)
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

/// The year in review (`stats --year`), or the whole diary's: hours, directors, genres,
/// countries, longest and shortest film, rewatches. A viewing on an unknown day counts in the
/// year it was logged (an IMDb rating's day, say), and the review says how many did. Unknown
/// stays unknown: a film without a runtime adds no minutes and is counted apart.
public struct YearInReview: Sendable, Equatable {
    /// A director, genre or country: how many of the films watched have it, and the average of
    /// their ratings (nil when none is rated).
    public struct Ranked: Sendable, Equatable {
        public var name: String
        public var films: Int
        public var averageRating: Double?

        public init(name: String, films: Int, averageRating: Double?) {
            (self.name, self.films, self.averageRating) = (name, films, averageRating)
        }
    }

    /// One year's viewings and minutes.
    public struct Year: Sendable, Equatable {
        public var year: Int
        public var viewings: Int
        public var minutes: Int
        /// Viewings of films whose runtime is unknown (no minutes counted).
        public var viewingsOfUnknownRuntime: Int

        public init(year: Int, viewings: Int, minutes: Int, viewingsOfUnknownRuntime: Int) {
            (self.year, self.viewings, self.minutes, self.viewingsOfUnknownRuntime) = (year, viewings, minutes, viewingsOfUnknownRuntime)
        }
    }

    /// A film watched, with what the review needs of it.
    public struct Watched: Sendable, Equatable {
        public var film: Film
        public var metadata: FilmMetadata
        public var rating: StarRating?
        /// Its viewings in the review's span, and how many were marked rewatches.
        public var viewings: Int
        public var rewatches: Int

        public init(film: Film, metadata: FilmMetadata, rating: StarRating?, viewings: Int, rewatches: Int) {
            (self.film, self.metadata, self.rating, self.viewings, self.rewatches) = (film, metadata, rating, viewings, rewatches)
        }
    }

    /// The year reviewed; nil: every year.
    public var year: Int?
    public var viewings: Int
    /// Viewings on an unknown day, counted in the year they were logged.
    public var viewingsOnUnknownDays: Int
    public var rewatches: Int
    /// Distinct films watched.
    public var films: Int
    public var minutes: Int
    public var viewingsOfUnknownRuntime: Int
    public var filmsOfUnknownRuntime: Int
    /// Oldest first.
    public var byYear: [Year]
    /// Most films first (then by name); at most ten.
    public var directors: [Ranked]
    public var genres: [Ranked]
    /// Every country, most films first.
    public var countries: [Ranked]
    /// How many of the films watched have directors, genres, countries known.
    public var filmsWithDirectors: Int
    public var filmsWithGenres: Int
    public var filmsWithCountries: Int
    public var longest: Watched?
    public var shortest: Watched?

    public var hours: Double { Double(minutes) / 60 }
    /// Whether any film watched has a runtime: otherwise the hours are unknown, never zero.
    public var hoursKnown: Bool { filmsOfUnknownRuntime < films }
    /// Rewatches over viewings; nil without viewings.
    public var rewatchShare: Double? { viewings == 0 ? nil : Double(rewatches) / Double(viewings) }

    /// The review of `watched` (each film once, with its viewings in the span) and `years`.
    public init(year: Int?, watched: [Watched], years: [Year], viewingsOnUnknownDays: Int, top: Int = 10) {
        self.year = year
        byYear = years
        self.viewingsOnUnknownDays = viewingsOnUnknownDays
        viewings = watched.map(\.viewings).reduce(0, +)
        rewatches = watched.map(\.rewatches).reduce(0, +)
        films = watched.count
        minutes = watched.compactMap { film in film.metadata.runtime.map { $0 * film.viewings } }.reduce(0, +)
        viewingsOfUnknownRuntime = watched.filter { $0.metadata.runtime == nil }.map(\.viewings).reduce(0, +)
        filmsOfUnknownRuntime = watched.filter { $0.metadata.runtime == nil }.count
        func ranked(_ values: (FilmMetadata) -> [String]) -> [Ranked] {
            var films: [String: (count: Int, halfStars: Int, rated: Int)] = [:]
            for film in watched {
                for name in Set(values(film.metadata)) {
                    var entry = films[name] ?? (0, 0, 0)
                    entry.count += 1
                    if let rating = film.rating { entry.halfStars += rating.halfStars; entry.rated += 1 }
                    films[name] = entry
                }
            }
            return films.map { Ranked(name: $0.key, films: $0.value.count,
                                      averageRating: $0.value.rated == 0 ? nil : Double($0.value.halfStars) / Double($0.value.rated) / 2) }
                .sorted { ($0.films, $1.name) > ($1.films, $0.name) }
        }
        directors = Array(ranked(\.directors).prefix(top))
        genres = Array(ranked(\.genres).prefix(top))
        countries = ranked(\.countries)
        filmsWithDirectors = watched.filter { !$0.metadata.directors.isEmpty }.count
        filmsWithGenres = watched.filter { !$0.metadata.genres.isEmpty }.count
        filmsWithCountries = watched.filter { !$0.metadata.countries.isEmpty }.count
        let timed = watched.filter { $0.metadata.runtime != nil }
        longest = timed.max { ($0.metadata.runtime!, $1.film.number) < ($1.metadata.runtime!, $0.film.number) }
        shortest = timed.min { ($0.metadata.runtime!, $0.film.number) < ($1.metadata.runtime!, $1.film.number) }
    }
}
