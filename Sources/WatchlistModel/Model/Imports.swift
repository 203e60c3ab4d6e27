import Foundation

/// What import files say about films, before they meet the database: the readers in
/// Formats/Import produce it, the service matches and applies it.
public struct ImportBatch: Sendable {
    /// One entry per film, in the order the files first name them.
    public var films: [ImportedFilm] = []
    /// Collections a watchlist document defines, and the watchlists and lists of an export.
    public var collections: [ImportedCollection] = []
    public var files: [ImportedFile] = []
    /// Rows of title types that are not films (series, episodes, games…), by type.
    public var skippedTitleTypes: [String: Int] = [:]
    /// Rows of title types the reader does not know, by type: skipped, and a warning.
    public var unknownTitleTypes: [String: Int] = [:]
    public var warnings: [String] = []
    /// Warnings beyond the first thousand, counted only.
    public var warningsLeftOut = 0
    /// Files in a folder or archive, or files given, that are not read, each with the reason.
    public var ignoredFiles: [IgnoredFile] = []
    /// Watchlists and lists left out because the import was asked to (`--no-lists`).
    public var listsLeftOut = 0

    public init() {}
}

/// A file an import did not read, and why.
public struct IgnoredFile: Sendable, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        (self.path, self.reason) = (path, reason)
    }
}

/// One file read by an import.
public struct ImportedFile: Sendable, Equatable {
    public var path: String
    /// What it was read as.
    public var kind: ImportKind
    public var rows: Int

    public init(path: String, kind: ImportKind, rows: Int) {
        (self.path, self.kind, self.rows) = (path, kind, rows)
    }
}

public struct ImportedFilm: Sendable {
    public var title: String
    public var year: Int?
    /// The ids the files give the film.
    public var ids = FilmIdentifiers()
    /// Viewings: dated ones, viewings on an unknown day, and placeholders (a file said
    /// "watched" without a day).
    public var viewings: [ImportedViewing] = []
    public var rating: ImportedRating?
    /// True when a file of the person's history names the film (a diary, ratings, reviews,
    /// watched or likes file, an IMDb rating): a film created from it joins the source's
    /// collection. A film only on a watchlist or list joins that list alone.
    public var inHistory = false
    /// The export it comes from: a film that is new to the database joins the collection named
    /// after it (letterboxd, imdb).
    public var format: ImportFormat
    /// What fewer films carry (other titles, facts, notes, tags, a document's own fields), kept
    /// apart so that a film of a million-row diary is a few words (`Extras`, copied on write).
    private var extras: Extras?

    final class Extras: @unchecked Sendable {
        var alternativeTitles: [String] = []
        var metadata: [MetadataSource: FilmMetadata] = [:]
        var notes: [ImportedNote] = []
        var tags: [String] = []
        var id: Int64?
        var description = ""
        var fact = ""
        var collections: [String] = []
        var plays: Int?
        var tagsAddedAt: [String: String] = [:]
        var key: Int64?

        func copy() -> Extras {
            let copy = Extras()
            (copy.plays, copy.tagsAddedAt, copy.key) = (plays, tagsAddedAt, key)
            (copy.alternativeTitles, copy.metadata, copy.notes, copy.tags) = (alternativeTitles, metadata, notes, tags)
            (copy.id, copy.description, copy.fact, copy.collections) = (id, description, fact, collections)
            return copy
        }
    }

    /// The extras to change: made when missing, copied when shared.
    private mutating func ownExtras() -> Extras {
        if extras == nil { extras = Extras() } else if !isKnownUniquelyReferenced(&extras!) { extras = extras!.copy() }
        return extras!
    }

    /// Other titles the files give it (IMDb's Original Title).
    public var alternativeTitles: [String] {
        get { extras?.alternativeTitles ?? [] }
        _modify { let extras = ownExtras(); yield &extras.alternativeTitles }
    }
    /// Directors, genres, runtime… by the source that gives them (IMDb's exports; a watchlist
    /// document carries every source's).
    public var metadata: [MetadataSource: FilmMetadata] {
        get { extras?.metadata ?? [:] }
        _modify { let extras = ownExtras(); yield &extras.metadata }
    }
    public var notes: [ImportedNote] {
        get { extras?.notes ?? [] }
        _modify { let extras = ownExtras(); yield &extras.notes }
    }
    public var tags: [String] {
        get { extras?.tags ?? [] }
        _modify { let extras = ownExtras(); yield &extras.tags }
    }
    /// The film's key, when the file says (a watchlist document of version 5): the same film on
    /// every device, used when the film is made here.
    public var key: Int64? {
        get { extras?.key }
        _modify { let extras = ownExtras(); yield &extras.key }
    }
    /// When a tag was added, by tag, when the file says (a watchlist document).
    public var tagsAddedAt: [String: String] {
        get { extras?.tagsAddedAt ?? [:] }
        _modify { let extras = ownExtras(); yield &extras.tagsAddedAt }
    }
    // A watchlist document carries the film itself too.
    public var id: Int64? {
        get { extras?.id }
        _modify { let extras = ownExtras(); yield &extras.id }
    }
    public var description: String {
        get { extras?.description ?? "" }
        _modify { let extras = ownExtras(); yield &extras.description }
    }
    public var fact: String {
        get { extras?.fact ?? "" }
        _modify { let extras = ownExtras(); yield &extras.fact }
    }
    public var collections: [String] {
        get { extras?.collections ?? [] }
        _modify { let extras = ownExtras(); yield &extras.collections }
    }

    /// How many times the film was watched in all (Trakt's `plays`), when a file counts them
    /// rather than list them: the import adds viewings on a day not known until the film has
    /// that many.
    public var plays: Int? {
        get { extras?.plays }
        _modify { let extras = ownExtras(); yield &extras.plays }
    }

    public init(title: String, year: Int?, format: ImportFormat) {
        (self.title, self.year, self.format) = (title, year, format)
    }

    /// The title folded for matching (TitleKey): made when the import matches the film, not
    /// kept for each of a batch's films.
    public var titleKey: String { TitleKey.fold(title) }

    public var displayTitle: String { FilmDraft.displayTitle(title, year) }

    /// Adds what `source` says of the film: the fields `facts` has replace that source's
    /// earlier values of them (a film named by several files of one source).
    public mutating func addFacts(_ facts: FilmMetadata, from source: MetadataSource) {
        guard !facts.isEmpty else { return }
        metadata[source] = metadata[source]?.overlaid(by: facts) ?? facts
    }

    /// Marks the film watched on a day nobody logged: one placeholder viewing, unless it has one.
    public mutating func addPlaceholder(rewatch: Bool = false, loggedAt: String? = nil) {
        guard !viewings.contains(where: \.placeholder) else { return }
        viewings.append(ImportedViewing(watchedOn: nil, rewatch: rewatch, loggedAt: loggedAt, placeholder: true))
    }
}

public struct ImportedCollection: Sendable {
    public enum Kind: Sendable {
        /// A watchlist document's collection: created when missing, its films added.
        case document
        /// A watchlist or list of an export: its membership and order are the file's, and a
        /// newer export replaces them.
        case list
    }

    public var kind: Kind
    public var slug: String
    public var title: String
    public var description: String
    /// Where it comes from (the list's link, "letterboxd-watchlist"…), for lists: the same
    /// origin in a later import is the same collection.
    public var origin: String?
    /// The origin an earlier version gave a list without a link ("letterboxd-list:" and the
    /// slug of its file's name, which two lists could share): a collection found by it takes
    /// the new origin.
    public var legacyOrigin: String?

    /// `prefix` and `name`, within TextLimit.origin: a name too long keeps its start and a hash
    /// of the whole, so that two long names stay two origins.
    public static func origin(_ prefix: String, _ name: String) -> String {
        let origin = prefix + name
        guard !TextLimit.origin.allows(origin) else { return origin }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
        for byte in origin.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(String.UnicodeScalarView(prefix.unicodeScalars.prefix(60)))
            + String(String.UnicodeScalarView(name.unicodeScalars.prefix(200))) + "#" + String(hash, radix: 16)
    }
    /// Its entries: positions in the batch's films, in order, each with what the collection
    /// says of it — a document's collection and a list alike.
    public var entries: [Entry] = []
    /// While a document is read: its entries by the document's own film ids, which the reader
    /// turns into `entries` (never kept, never ids of the database).
    var documentEntries: [(id: Int64, note: String)] = []
    /// Whether it is a service's watchlist (rather than a list the person made and named).
    public var isWatchlist: Bool { ["letterboxd-watchlist", "imdb-watchlist", "trakt-watchlist"].contains(origin ?? "") }

    /// When a document's collection was created, as it says.
    public var createdAt: String?
    /// What a Trakt list's items file says of its list (its `list` object's id and slug) and its
    /// name, until `lists.json` names the list.
    var traktList: TraktListReference?

    public struct Entry: Sendable, Equatable {
        public var film: Int
        public var note: String

        public init(film: Int, note: String) {
            (self.film, self.note) = (film, note)
        }
    }

    public init(kind: Kind, slug: String, title: String, description: String, origin: String? = nil) {
        (self.kind, self.slug, self.title, self.description, self.origin) = (kind, slug, title, description, origin)
    }
}
