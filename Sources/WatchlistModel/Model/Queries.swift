/// How `list` orders films. Each case maps to a fixed ORDER BY in Store: an allow-list.
public enum FilmSort: String, CaseIterable, Sendable {
    /// Collection order: film ids, or positions within `--collection`.
    case id
    /// A to Z, ignoring case, accents and a leading article.
    case title
    /// Oldest first.
    case year
    /// Highest first; unrated films last.
    case rating
    /// Most recently watched first; never watched last.
    case watched
    /// Shortest first; films whose runtime is unknown last.
    case runtime
}

/// What `list` shows: filters and order.
public struct FilmListQuery: Sendable, Equatable {
    /// true: only watched films; false: only unwatched; nil: all.
    public var watched: Bool?
    /// true: only rated films; false: only unrated; nil: all.
    public var rated: Bool?
    /// Only films with this tag.
    public var tag: Tag?
    /// Only films of the collection with this slug; `.id` then sorts in collection order.
    public var collection: String?
    public var sort: FilmSort
    public var reverse: Bool
    /// Only films one of whose directors, genres or countries (as shown) has a word that starts
    /// with this, ignoring case and accents ("shepitko", "sci").
    public var director: String?
    public var genre: String?
    public var country: String?
    /// Only films that came out in the decade that starts with this year (1970).
    public var decade: Int?
    /// Only films known to run at most this many minutes.
    public var maxRuntime: Int?

    public init(watched: Bool? = nil, rated: Bool? = nil, tag: Tag? = nil, collection: String? = nil,
                sort: FilmSort = .id, reverse: Bool = false, director: String? = nil, genre: String? = nil,
                country: String? = nil, decade: Int? = nil, maxRuntime: Int? = nil) {
        (self.watched, self.rated, self.tag, self.collection, self.sort, self.reverse) = (watched, rated, tag, collection, sort, reverse)
        (self.director, self.genre, self.country, self.decade, self.maxRuntime) = (director, genre, country, decade, maxRuntime)
    }

    /// The query that `list`'s options name, as typed: each value checked and normalised the
    /// way the database keeps it. Both ways `list` is read (swift-argument-parser and the fast
    /// path) build the query here.
    public static func parsing(watched: Bool = false, unwatched: Bool = false, rated: Bool = false, unrated: Bool = false,
                               tag: String? = nil, collection: String? = nil, sort: FilmSort = .id, reverse: Bool = false,
                               director: String? = nil, genre: String? = nil, country: String? = nil, decade: String? = nil,
                               maxRuntime: String? = nil) throws -> FilmListQuery {
        if watched && unwatched { throw WatchlistError.invalidArgument("Use --watched or --unwatched, not both.") }
        if rated && unrated { throw WatchlistError.invalidArgument("Use --rated or --unrated, not both.") }
        return FilmListQuery(watched: watched ? true : unwatched ? false : nil, rated: rated ? true : unrated ? false : nil,
                             tag: try tag.map(Tag.init), collection: collection, sort: sort, reverse: reverse,
                             director: try director.map { try InputText.metadataValue($0, field: .director) },
                             genre: try genre.map { try InputText.metadataValue($0, field: .genre) },
                             country: try country.map { try InputText.metadataValue($0, field: .country) },
                             decade: try decade.map(InputText.decade), maxRuntime: try maxRuntime.map(InputText.runtime))
    }
}

/// Which viewings of a film `unwatch` removes.
public enum ViewingSelection: Sendable, Equatable {
    /// The latest by day (viewings on unknown days count as the oldest).
    case latest
    /// The latest logged viewing on that day; nil: on an unknown day.
    case on(Day?)
    case all
}
