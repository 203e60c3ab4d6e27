/// A film. `year` is nil when unknown; `titleKey` is the title folded for matching
/// (see `TitleKey`).
public struct Film: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var title: String
    public var year: Int?
    public var description: String
    public var fact: String
    public var titleKey: String

    public init(id: Int64? = nil, title: String, year: Int?, description: String, fact: String, titleKey: String) {
        self.id = id
        self.title = title
        self.year = year
        self.description = description
        self.fact = fact
        self.titleKey = titleKey
    }

    /// "The Ascent (1977)", the way people and messages name a film.
    public var displayTitle: String { year.map { "\(title) (\($0))" } ?? title }
}

/// A curated list of films, such as the built-in `soviet-survival`.
public struct FilmCollection: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var slug: String
    public var title: String
    public var description: String
    public var builtIn: Bool
    public var createdAt: String

    public init(id: Int64? = nil, slug: String, title: String, description: String, builtIn: Bool, createdAt: String) {
        self.id = id
        self.slug = slug
        self.title = title
        self.description = description
        self.builtIn = builtIn
        self.createdAt = createdAt
    }
}

/// One time a film was watched. `watchedOn` is a `Day`'s ISO text, or nil when the day is unknown.
public struct Viewing: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var filmId: Int64
    public var watchedOn: String?
    public var rewatch: Bool
    public var loggedAt: String

    public init(id: Int64? = nil, filmId: Int64, watchedOn: String?, rewatch: Bool, loggedAt: String) {
        self.id = id
        self.filmId = filmId
        self.watchedOn = watchedOn
        self.rewatch = rewatch
        self.loggedAt = loggedAt
    }
}

/// A film's rating: one per film.
public struct Rating: Codable, Hashable, Sendable {
    public var filmId: Int64
    public var halfStars: Int
    public var ratedAt: String

    public init(filmId: Int64, halfStars: Int, ratedAt: String) {
        self.filmId = filmId
        self.halfStars = halfStars
        self.ratedAt = ratedAt
    }

    public var value: StarRating { StarRating(halfStars: halfStars)! }
}

/// A note on a film; a film can have many.
public struct Note: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var filmId: Int64
    public var text: String
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64? = nil, filmId: Int64, text: String, createdAt: String, updatedAt: String) {
        self.id = id
        self.filmId = filmId
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
