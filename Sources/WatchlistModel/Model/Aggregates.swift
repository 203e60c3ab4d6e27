/// One line of `list`: a film and counts of what the user recorded about it.
public struct FilmSummary: Hashable, Sendable {
    public var film: Film
    public var viewingCount: Int
    /// The latest known day the film was watched; nil when never watched or only on unknown days.
    public var lastWatched: Day?
    public var rating: StarRating?
    public var noteCount: Int
    /// Sorted.
    public var tags: [String]
    /// The ids other services give the film.
    public var ids: FilmIdentifiers
    /// Directors, genres, runtime… as shown (the first source that has each).
    public var metadata: FilmMetadata

    public init(film: Film, viewingCount: Int, lastWatched: Day?, rating: StarRating?, noteCount: Int, tags: [String],
                ids: FilmIdentifiers = FilmIdentifiers(), metadata: FilmMetadata = FilmMetadata()) {
        (self.film, self.viewingCount, self.lastWatched, self.rating, self.noteCount, self.tags, self.ids, self.metadata)
            = (film, viewingCount, lastWatched, rating, noteCount, tags, ids, metadata)
    }
}

/// Everything recorded about one film.
public struct FilmDetail: Hashable, Sendable {
    public var film: Film
    /// Slugs of the collections that hold the film.
    public var collections: [String]
    /// Oldest first: unknown days first, then by day, then in the order they were logged.
    public var viewings: [Viewing]
    public var rating: Rating?
    /// Oldest first.
    public var notes: [Note]
    /// Sorted.
    public var tags: [String]
    /// When each tag was added, by tag (the export carries it).
    public var tagsAddedAt: [String: String] = [:]
    /// The ids other services give the film.
    public var ids: FilmIdentifiers
    /// Its other titles, sorted.
    public var alternativeTitles: [String]
    /// Directors, genres, runtime… as shown (the first source that has each).
    public var metadata: FilmMetadata
    /// What each source says, in the order of MetadataSource (the export keeps them all).
    public var metadataBySource: [MetadataSource: FilmMetadata]

    public init(film: Film, collections: [String], viewings: [Viewing], rating: Rating?, notes: [Note], tags: [String],
                ids: FilmIdentifiers = FilmIdentifiers(), alternativeTitles: [String] = [],
                metadataBySource: [MetadataSource: FilmMetadata] = [:], tagsAddedAt: [String: String] = [:]) {
        (self.film, self.collections, self.viewings, self.rating, self.notes, self.tags, self.ids, self.alternativeTitles)
            = (film, collections, viewings, rating, notes, tags, ids, alternativeTitles)
        self.metadataBySource = metadataBySource
        self.tagsAddedAt = tagsAddedAt
        self.metadata = FilmMetadata.shown(metadataBySource)
    }

    /// True when the user recorded anything about the film.
    public var hasRecords: Bool { !viewings.isEmpty || rating != nil || !notes.isEmpty || !tags.isEmpty }

    public var isWatched: Bool { !viewings.isEmpty }
    public var firstWatched: Day? { viewings.lazy.compactMap(\.watchedOn).first }
    public var lastWatched: Day? { viewings.lazy.compactMap(\.watchedOn).last }
}

/// A collection with how many films it has and how many of them are watched.
public struct CollectionProgress: Hashable, Sendable {
    public var collection: FilmCollection
    public var filmCount: Int
    public var watchedCount: Int

    public init(collection: FilmCollection, filmCount: Int, watchedCount: Int) {
        (self.collection, self.filmCount, self.watchedCount) = (collection, filmCount, watchedCount)
    }
}

/// A collection's progress and its films' ids in collection order: what exports write.
public struct CollectionContents: Hashable, Sendable {
    public var progress: CollectionProgress
    public var filmIds: [Int64]
    /// The numbers this device shows for them (what the export document's collections name).
    public var filmNumbers: [Int64]
    /// What the collection says of each film (an imported list's entry descriptions), aligned
    /// with `filmIds`; "" for none.
    public var entryNotes: [String]

    public init(progress: CollectionProgress, filmIds: [Int64], filmNumbers: [Int64]? = nil, entryNotes: [String]? = nil) {
        (self.progress, self.filmIds, self.entryNotes) = (progress, filmIds, entryNotes ?? filmIds.map { _ in "" })
        self.filmNumbers = filmNumbers ?? filmIds
    }

    public var collection: FilmCollection { progress.collection }
}

/// A viewing together with its film: "the latest viewing".
public struct FilmViewing: Hashable, Sendable {
    public var film: Film
    public var viewing: Viewing

    public init(film: Film, viewing: Viewing) {
        self.film = film
        self.viewing = viewing
    }
}

/// A note together with its film, for `note list`.
public struct FilmNote: Hashable, Sendable {
    public var film: Film
    public var note: Note

    public init(film: Film, note: Note) {
        self.film = film
        self.note = note
    }
}

/// What removing a collection deletes: the films in no other collection and their records.
public struct CollectionRemoval: Hashable, Sendable {
    public var films: Int
    public var viewings: Int
    public var ratings: Int
    public var notes: Int
    public var tags: Int
    /// Facts the person set (`film set`): what an imported file gave is not theirs.
    public var facts: Int

    public init(films: Int, viewings: Int, ratings: Int, notes: Int, tags: Int, facts: Int = 0) {
        (self.films, self.viewings, self.ratings, self.notes, self.tags, self.facts) = (films, viewings, ratings, notes, tags, facts)
    }

    /// True when the removal would delete something the user recorded.
    public var losesRecords: Bool { viewings + ratings + notes + tags + facts > 0 }

    /// "1 viewing, 0 ratings, 0 notes, 0 tags and 2 facts you set".
    public var recordsText: String {
        [plural(viewings, "viewing"), plural(ratings, "rating"), plural(notes, "note"), plural(tags, "tag")].joined(separator: ", ")
            + " and " + plural(facts, "fact") + " you set"
    }
}
