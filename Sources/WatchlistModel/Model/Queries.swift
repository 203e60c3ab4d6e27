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
}

/// What `list` shows: filters and order.
public struct FilmListQuery: Sendable, Equatable {
    /// true: only watched films; false: only unwatched; nil: all.
    public var watched: Bool?
    /// true: only rated films; false: only unrated; nil: all.
    public var rated: Bool?
    /// Only films with this tag.
    public var tag: String?
    /// Only films of the collection with this slug; `.id` then sorts in collection order.
    public var collection: String?
    public var sort: FilmSort
    public var reverse: Bool

    public init(watched: Bool? = nil, rated: Bool? = nil, tag: String? = nil, collection: String? = nil,
                sort: FilmSort = .id, reverse: Bool = false) {
        (self.watched, self.rated, self.tag, self.collection, self.sort, self.reverse) = (watched, rated, tag, collection, sort, reverse)
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
