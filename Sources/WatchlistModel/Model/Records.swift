/// A film as the database keeps it. `id` is its key, the same on every device; `number` the
/// short number this device shows and takes for it (`watch 3`). `year` is nil when unknown;
/// `titleKey` is the title folded for matching (see `TitleKey`).
public struct Film: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var number: Int64
    public var title: String
    public var year: Int?
    public var description: String
    public var fact: String
    public var titleKey: String

    /// `number` defaults to the key (a film made in memory, for tests).
    public init(id: Int64, number: Int64? = nil, title: String, year: Int?, description: String, fact: String, titleKey: String) {
        (self.id, self.title, self.year, self.description, self.fact, self.titleKey) = (id, title, year, description, fact, titleKey)
        self.number = number ?? id
    }

    /// "The Ascent (1977)", the way people and messages name a film, on one line.
    public var displayTitle: String { FilmDraft.displayTitle(title, year) }

    /// "The Ascent (1977)" exactly as stored: for JSON and the export formats.
    public var titleWithYear: String { FilmDraft.titleWithYear(title, year) }
}

/// A film to create: everything but the id the database gives it.
public struct FilmDraft: Hashable, Sendable {
    public var title: String
    public var year: Int?
    public var description: String
    public var fact: String
    public var titleKey: String

    /// `titleKey` defaults to the folded title; a caller that folded it already passes it.
    public init(title: String, year: Int?, description: String = "", fact: String = "", titleKey: String? = nil) {
        self.title = title
        self.year = year
        self.description = description
        self.fact = fact
        self.titleKey = titleKey ?? TitleKey.fold(title)
    }

    public var displayTitle: String { FilmDraft.displayTitle(title, year) }

    /// "The Ascent (1977)" on one line (`String.oneLine`): how messages name a film.
    public static func displayTitle(_ title: String, _ year: Int?) -> String {
        titleWithYear(title, year).oneLine
    }

    /// "The Ascent (1977)" exactly as stored: for JSON and the export formats.
    static func titleWithYear(_ title: String, _ year: Int?) -> String {
        year.map { "\(title) (\($0))" } ?? title
    }
}

/// A curated list of films, such as the built-in `soviet-survival`.
public struct FilmCollection: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var slug: String
    public var title: String
    public var description: String
    public var builtIn: Bool
    public var createdAt: String
    /// Where an imported watchlist or list comes from (its link, "letterboxd-watchlist"…);
    /// nil for the built-in collection and the person's own.
    public var origin: String?

    public init(id: Int64, slug: String, title: String, description: String, builtIn: Bool, createdAt: String, origin: String? = nil) {
        (self.id, self.slug, self.title, self.description, self.builtIn, self.createdAt, self.origin)
            = (id, slug, title, description, builtIn, createdAt, origin)
    }
}

/// One time a film was watched, on a day or (nil) on a day nobody knows.
public struct Viewing: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var filmId: Int64
    public var watchedOn: Day?
    public var rewatch: Bool
    /// When it was logged: an ISO-8601 instant in UTC.
    public var loggedAt: String
    /// A viewing that exists only because an imported file said "watched" without a day; a
    /// dated viewing from a later import replaces it.
    public var placeholder: Bool

    public init(id: Int64, filmId: Int64, watchedOn: Day?, rewatch: Bool, loggedAt: String, placeholder: Bool = false) {
        (self.id, self.filmId, self.watchedOn, self.rewatch, self.loggedAt, self.placeholder)
            = (id, filmId, watchedOn, rewatch, loggedAt, placeholder)
    }
}

/// A film's rating: one per film.
public struct Rating: Hashable, Sendable {
    public var filmId: Int64
    public var value: StarRating
    /// When it was rated: an ISO-8601 instant in UTC.
    public var ratedAt: String

    public init(filmId: Int64, value: StarRating, ratedAt: String) {
        (self.filmId, self.value, self.ratedAt) = (filmId, value, ratedAt)
    }
}

/// A note on a film; a film can have many.
public struct Note: Hashable, Sendable, Identifiable {
    /// Its key, the same on every device; `number` is the short number this device shows.
    public var id: Int64
    public var number: Int64
    public var filmId: Int64
    public var text: String
    public var createdAt: String
    public var updatedAt: String
    /// The entry it was imported from (a Letterboxd review's link), or nil.
    public var source: String?
    /// For a note from an entry that the person edited since: the entry's text as an import
    /// last gave it (nil while the note is that text). An import updates a note only while
    /// the person has not edited it.
    public var importedText: String?

    public init(id: Int64, number: Int64? = nil, filmId: Int64, text: String, createdAt: String, updatedAt: String, source: String? = nil,
                importedText: String? = nil) {
        (self.id, self.filmId, self.text, self.createdAt, self.updatedAt, self.source, self.importedText)
            = (id, filmId, text, createdAt, updatedAt, source, importedText)
        self.number = number ?? id
    }
}

/// A collection to create, with its films in order: the built-in one, or one read from a file.
public struct CollectionSeed: Sendable {
    public var slug: String
    public var title: String
    public var description: String
    public var builtIn: Bool
    public var films: [FilmDraft]

    public init(slug: String, title: String, description: String, builtIn: Bool, films: [FilmDraft]) {
        (self.slug, self.title, self.description, self.builtIn, self.films) = (slug, title, description, builtIn, films)
    }
}

extension Optional where Wrapped == Day {
    /// "on 2026-11-20", or "on an unknown day": how messages name a viewing's day.
    public var onDay: String { map { "on \($0.iso)" } ?? "on an unknown day" }
}
