import Foundation

/// A viewing a file gives, kept in 24 bytes: an import of a million diary rows holds a million
/// of them until it is applied.
public struct ImportedViewing: Sendable, Equatable {
    public var watchedOn: Day?
    public var rewatch: Bool
    /// An undated viewing that stands only for "watched": a dated viewing replaces it.
    public var placeholder: Bool
    /// The file does not say whether it is a rewatch (a Letterboxd diary before 2018, a Trakt
    /// play): the reader decides by the film's other viewings once every file is read.
    var rewatchUnknown = false
    /// When it was logged, in seconds since 1970 (`Int64.min`: not said).
    private var loggedAtSeconds: Int64
    /// Its key, when the file says (a watchlist document of version 5); 0 when not.
    public var key: Int64 = 0

    public init(watchedOn: Day?, rewatch: Bool, loggedAt: String?, placeholder: Bool = false, rewatchUnknown: Bool = false) {
        (self.watchedOn, self.rewatch, self.placeholder, self.rewatchUnknown) = (watchedOn, rewatch, placeholder, rewatchUnknown)
        loggedAtSeconds = loggedAt.flatMap(Timestamp.seconds(iso:)) ?? .min
    }

    /// The same, logged at midnight (UTC) of `day`: what a file that gives a day says.
    public init(watchedOn: Day?, rewatch: Bool, loggedOn day: Day?, placeholder: Bool = false, rewatchUnknown: Bool = false) {
        (self.watchedOn, self.rewatch, self.placeholder, self.rewatchUnknown) = (watchedOn, rewatch, placeholder, rewatchUnknown)
        loggedAtSeconds = day.map { Int64($0.daysSinceEpoch) * 86_400 } ?? .min
    }

    /// When it was logged, ISO-8601 (`2024-01-02T00:00:00Z`); nil: the time of the import.
    public var loggedAt: String? {
        loggedAtSeconds == .min ? nil : Timestamp.iso(seconds: loggedAtSeconds)
    }

    /// When it was logged, in seconds since 1970; nil: the time of the import.
    public var loggedAtSecondsSince1970: Int64? { loggedAtSeconds == .min ? nil : loggedAtSeconds }
}

public struct ImportedRating: Sendable, Equatable {
    public var value: StarRating
    /// When it was rated, ISO-8601; nil when the source does not say.
    public var ratedAt: String?
    /// True for a ratings file's value (Letterboxd's ratings.csv, an IMDb rating): the source's
    /// word on the film's rating now, which wins over a diary row's rating of the same day.
    public var current: Bool

    public init(value: StarRating, ratedAt: String?, current: Bool = false) {
        (self.value, self.ratedAt, self.current) = (value, ratedAt, current)
    }
}

public struct ImportedNote: Sendable, Equatable {
    public var text: String
    public var id: Int64?
    public var createdAt: String?
    public var updatedAt: String?
    /// The entry it comes from (a Letterboxd review's link): the same entry in a later
    /// export updates this note instead of adding one.
    public var source: String?
    /// A note of a document that the person edited after a review gave it: the review's text
    /// as it was given (`Note.importedText`).
    public var importedText: String?
    /// Its key, when the file says (a watchlist document of version 5).
    public var key: Int64?

    public init(text: String, id: Int64? = nil, createdAt: String?, updatedAt: String? = nil, source: String? = nil,
                importedText: String? = nil) {
        (self.text, self.id, self.createdAt, self.updatedAt, self.source, self.importedText) = (text, id, createdAt, updatedAt, source, importedText)
    }
}
