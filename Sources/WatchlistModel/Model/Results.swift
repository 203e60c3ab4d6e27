/// What the use cases return: one struct each, so that the CLI and the formats name what they
/// read.

/// What `watchlist` alone shows.
public struct Summary: Sendable {
    public var collections: [CollectionProgress]
    public var latest: FilmViewing?

    public init(collections: [CollectionProgress], latest: FilmViewing?) {
        self.collections = collections
        self.latest = latest
    }
}

/// A logged viewing and its film.
public struct WatchResult: Sendable {
    public var film: Film
    public var viewing: Viewing

    public init(film: Film, viewing: Viewing) {
        self.film = film
        self.viewing = viewing
    }
}

/// The viewings `unwatch` removed, oldest first.
public struct UnwatchResult: Sendable {
    public var film: Film
    public var removed: [Viewing]

    public init(film: Film, removed: [Viewing]) {
        self.film = film
        self.removed = removed
    }
}

/// A rating set, with the one it replaced.
public struct RateResult: Sendable {
    public var film: Film
    public var rating: StarRating
    public var previous: StarRating?

    public init(film: Film, rating: StarRating, previous: StarRating?) {
        (self.film, self.rating, self.previous) = (film, rating, previous)
    }
}

/// The rating `unrate` removed.
public struct UnrateResult: Sendable {
    public var film: Film
    public var removed: StarRating

    public init(film: Film, removed: StarRating) {
        self.film = film
        self.removed = removed
    }
}

/// What `tag` did: the tags it added and the ones the film already had.
public struct TagResult: Sendable {
    public var film: Film
    public var added: [String]
    public var kept: [String]

    public init(film: Film, added: [String], kept: [String]) {
        (self.film, self.added, self.kept) = (film, added, kept)
    }
}

/// What `untag` did: the tags it removed and the ones the film did not have.
public struct UntagResult: Sendable {
    public var film: Film
    public var removed: [String]
    public var missing: [String]

    public init(film: Film, removed: [String], missing: [String]) {
        (self.film, self.removed, self.missing) = (film, removed, missing)
    }
}

/// A collection with the summaries of its films, in collection order.
public struct CollectionListing: Sendable {
    public var progress: CollectionProgress
    public var films: [FilmSummary]

    public init(progress: CollectionProgress, films: [FilmSummary]) {
        self.progress = progress
        self.films = films
    }
}

/// What `collection import` did.
public struct CollectionImport: Sendable {
    public var collection: FilmCollection
    /// Films that were new to the database.
    public var created: Int
    /// Films the database already had (from another collection or an import).
    public var matched: Int

    public init(collection: FilmCollection, created: Int, matched: Int) {
        (self.collection, self.created, self.matched) = (collection, created, matched)
    }
}

/// What `next` suggests: an unwatched film.
public struct Suggestion: Sendable {
    public var film: Film
    /// How many unwatched films it was chosen from.
    public var choices: Int

    public init(film: Film, choices: Int) {
        self.film = film
        self.choices = choices
    }
}

/// What `film set` and `film unset` changed: the fields, and what the film shows now.
public struct FilmMetadataResult: Sendable {
    public var film: Film
    public var changed: [MetadataField]
    /// The film's year, when `film set --year` gave it one (an import that knew none).
    public var yearSet: Int?
    /// What the film shows after the change (another source's values where the person's are gone).
    public var shown: FilmMetadata

    public init(film: Film, changed: [MetadataField], shown: FilmMetadata) {
        (self.film, self.changed, self.shown) = (film, changed, shown)
    }
}
