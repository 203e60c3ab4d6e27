import Foundation

/// Matches an ImportBatch against the database and adds what is new, inside one transaction.
///
/// - A film matches by an id first (IMDb's, Letterboxd's film link, TMDB's); then by its title
///   as written and year; then by its title folded (case, accents, punctuation and a leading
///   article aside), or one of its other titles, and year. A film whose ids differ from the
///   row's is never matched.
/// - Films the database lacks are created for a watchlist document (a backup), and otherwise
///   with --add-missing: a film of the person's history joins the collection named after the
///   source (`letterboxd`, `imdb`, kept in title order, so that the order files arrive in does
///   not show), a film only on a list joins that list alone.
/// - Viewings are a multiset of days; a placeholder (a file said "watched", no day) is added
///   only to a film with no viewing, and a dated viewing replaces it.
/// - Ratings: the more recently rated wins; a ratings file's value wins a tie; an imported
///   rating with no date never replaces ours.
/// - A note from a Letterboxd review remembers its entry: the entry's edited review updates it.
/// - Watchlists and lists are collections whose membership and order are the file's latest.
struct Importer {
    let store: Store
    let now: String
    let addMissing: Bool
    let progress: ProgressHandler?
    var report = ImportReport()
    /// Positions of the batch's films → their ids in this database.
    var filmIds: [Int: Int64] = [:]
    /// The collections films created from each source join (letterboxd, imdb), once looked up.
    private var sourceCollectionIds: [String: Int64] = [:]
    /// The source collections that gained films, put in title order at the end.
    private var sourceCollectionsGrown: Set<Int64> = []
    /// The texts of the times viewings were logged at, made once each.
    var loggedAtTexts: [Int64: String] = [:]

    init(store: Store, now: String, addMissing: Bool, progress: ProgressHandler? = nil) {
        (self.store, self.now, self.addMissing, self.progress) = (store, now, addMissing, progress)
    }

    /// Collection titles for films an import creates, by source.
    static let sourceCollections = [
        "letterboxd": ("Letterboxd", "Films brought in from a Letterboxd export."),
        "imdb": ("IMDb", "Films brought in from an IMDb export."),
        "trakt": ("Trakt", "Films brought in from a Trakt export."),
        "criticker": ("Criticker", "Films brought in from a Criticker export."),
        "netflix": ("Netflix", "Films brought in from a Netflix viewing history."),
        "spreadsheet": ("Spreadsheet", "Films brought in from a spreadsheet of your own."),
    ]

    mutating func apply(_ batch: ImportBatch) throws -> ImportReport {
        report.files = batch.files
        report.skippedTitleTypes = batch.skippedTitleTypes
        report.unknownTitleTypes = batch.unknownTitleTypes
        report.warnings = batch.warnings
        report.warningsLeftOut = batch.warningsLeftOut
        report.ignoredFiles = batch.ignoredFiles
        for (type, count) in batch.unknownTitleTypes.sorted(by: { $0.key < $1.key }) {
            report.warnings.append("\(plural(count, "row")) of the title type '\(type)' \(count == 1 ? "was" : "were") skipped: watchlist does not know whether it is a film.")
        }
        let listed = Set(batch.collections.filter { $0.kind == .list }.flatMap { $0.entries.map(\.film) })
        for (index, film) in batch.films.enumerated() {
            try apply(film, at: index, onList: listed.contains(index))
            progress?(index + 1, batch.films.count)
            if index % 1024 == 1023 {
                try Interruption.check()
                // A long import's recording is cut into parts: its memory stays flat.
                try store.recording?.checkpoint()
            }
        }
        for collection in batch.collections {
            switch collection.kind {
            case .document: try applyDocumentCollection(collection)
            case .list: try applyList(collection, films: batch.films)
            }
        }
        for id in sourceCollectionsGrown.sorted() { try store.sortByTitle(collectionId: id) }
        if report.listsChanged { report.filmsRemoved = try store.deleteOrphanFilms() }
        return report
    }

    private mutating func apply(_ imported: ImportedFilm, at index: Int, onList: Bool) throws {
        let found = try match(imported)
        guard let film = try found ?? create(imported, onList: onList) else {
            if imported.inHistory || !onList { report.skippedFilms.append(imported.displayTitle) }
            return
        }
        let isNew = found == nil
        filmIds[index] = film.id
        report.idsAdded += try store.addIdentifiers(imported.ids, to: film.id)
        var changedText = false
        for title in imported.alternativeTitles { changedText = try store.addAlternativeTitle(title, to: film) || changedText }
        try addFacts(imported, to: film.id, isNew: isNew)
        // A film created just now has nothing yet: no need to look for what it has.
        try addViewings(imported, to: film.id, isNew: isNew)
        try addRating(imported, to: film, isNew: isNew)
        changedText = try addNotes(imported, to: film.id, isNew: isNew) || changedText
        var added: [String] = []
        if imported.tagsAddedAt.isEmpty {
            added = try store.addTags(filmId: film.id, imported.tags, at: now)
        } else {
            // A document says when each tag was added.
            for tag in imported.tags { added += try store.addTags(filmId: film.id, [tag], at: imported.tagsAddedAt[tag] ?? now) }
        }
        report.added.tags += added.count
        report.unchanged.tags += imported.tags.count - added.count
    }

    /// Each source's facts replace that source's values of the fields it gives, and nothing
    /// else: what another source or the person gave stays.
    private mutating func addFacts(_ imported: ImportedFilm, to filmId: Int64, isNew: Bool) throws {
        var changed = false
        for (source, var metadata) in imported.metadata.sorted(by: { $0.key < $1.key }) where !metadata.isEmpty {
            // A match is the datasets' word on the id the film holds, and on no other.
            if let match = metadata.imdbMatch, try store.identifiers(filmId: filmId).imdb != match { metadata.imdbMatch = nil }
            let fields = try store.setMetadata(filmId: filmId, source: source, metadata, fields: metadata.fields)
            changed = changed || !fields.isEmpty
        }
        if changed { report.filmsWithNewFacts += 1 }
    }

    // MARK: Matching and creating

    /// The film of the database the imported one is. Its ids decide first: when they name two
    /// different films, or a film whose other ids differ, it is none of them (a film of its
    /// own, created with --add-missing, without the ids those films hold) and a warning says so.
    private mutating func match(_ imported: ImportedFilm) throws -> Film? {
        // A document's key names the film on every device, when what the document says of it
        // agrees: no id of another film, and its title or an id in common (a key is data, and
        // a document that gives another film's key is not trusted with that film).
        if let key = imported.key, let film = try store.film(id: key) {
            let ids = try store.identifiers(filmId: film.id)
            let shared = ids.pairs.contains { ours in imported.ids.pairs.contains { $0.kind == ours.kind && $0.value == ours.value } }
            if !ids.conflicts(with: imported.ids), shared || film.titleKey == imported.titleKey { return matched(film) }
        }
        var byIds: [Film] = []
        for pair in imported.ids.pairs {
            if let film = try store.film(identifiedBy: pair.kind, pair.value), !byIds.contains(where: { $0.id == film.id }) { byIds.append(film) }
        }
        if let film = byIds.first {
            if byIds.count == 1, try !store.identifiers(filmId: film.id).conflicts(with: imported.ids) { return matched(film) }
            report.warnings.append("\(imported.displayTitle.oneLine) has ids of \(byIds.map(\.displayTitle.oneLine).joined(separator: " and ")), "
                + "whose other ids differ: it was kept apart from \(byIds.count == 1 ? "it" : "them")"
                + (addMissing ? ", as a film of its own without the ids \(byIds.count == 1 ? "that film holds" : "they hold")." : "."))
            return nil
        }
        if imported.format == .netflix && imported.year == nil { return try matchWithoutYear(imported) }
        for film in try store.films(exactTitle: imported.title, year: imported.year)
        where try !store.identifiers(filmId: film.id).conflicts(with: imported.ids) {
            return matched(film)
        }
        let titleKey = imported.titleKey
        var folded = try store.films(titleKey: titleKey, year: imported.year)
        for title in imported.alternativeTitles { folded += try store.films(titleKey: TitleKey.fold(title), year: imported.year) }
        for film in folded where try !store.identifiers(filmId: film.id).conflicts(with: imported.ids) {
            // A source writes one film's title one way: a film an import from the same source
            // created is that source's only when written alike ("Rain" and "rain" of 2019 are
            // two films), whatever order its files arrive in.
            if imported.format != .watchlist, film.title != imported.title,
               try store.isMember(filmId: film.id, ofCollection: imported.format.rawValue) { continue }
            return matched(film)
        }
        return nil
    }

    /// A film a file names without a year (Netflix's history): the film of that title, as
    /// written or folded, when exactly one has it; otherwise none, and the report says why, so
    /// that a film made without a year can be given one (`film set --year`).
    private mutating func matchWithoutYear(_ imported: ImportedFilm) throws -> Film? {
        let candidates = try store.films(titleKey: imported.titleKey)
        let asWritten = candidates.filter { $0.title == imported.title }
        if asWritten.count == 1 { return matched(asWritten[0]) }
        if candidates.count == 1 { return matched(candidates[0]) }
        let what = candidates.isEmpty ? "no film of this title is in the database"
            : "\(candidates.count) films have this title (\(candidates.prefix(5).map(\.displayTitle.oneLine).joined(separator: ", ")))"
        report.warnings.append("\(imported.title.oneLine): the file gives no year, and \(what): "
            + (addMissing ? "made as a film without a year ('watchlist film set <film> --year YYYY' gives it one)." : "skipped."))
        return nil
    }

    private mutating func matched(_ film: Film) -> Film {
        report.filmsMatched += 1
        return film
    }

    /// Creates a film the database lacks: always for a watchlist document (a backup carries
    /// its films), otherwise only with --add-missing.
    private mutating func create(_ imported: ImportedFilm, onList: Bool) throws -> Film? {
        let fromDocument = imported.format == .watchlist
        guard fromDocument || addMissing else { return nil }
        let draft = FilmDraft(title: imported.title, year: imported.year, description: imported.description,
                              fact: imported.fact, titleKey: imported.titleKey)
        // The key a document gives is the film's on every device; any other film's key is
        // derived from what it is (`RowKey.film`), so that the same file imported anywhere
        // makes the same keys.
        let film = try store.insertFilm(draft, key: imported.key ?? RowKey.film(title: draft.title, year: draft.year))
        report.filmsCreated += 1
        if !fromDocument && (imported.inHistory || !onList) {
            let collectionId = try sourceCollectionId(imported.format)
            try store.addToCollection(filmId: film.id, collectionId: collectionId)
            sourceCollectionsGrown.insert(collectionId)
        }
        return film
    }

    /// The id of the collection named after a source, created when missing.
    private mutating func sourceCollectionId(_ format: ImportFormat) throws -> Int64 {
        let slug = format.rawValue
        if let id = sourceCollectionIds[slug] { return id }
        let id: Int64
        if let collection = try store.collection(slug: slug) {
            id = collection.id
        } else {
            let (title, description) = Importer.sourceCollections[slug] ?? (slug, "")
            id = try store.insertCollection(slug: slug, title: title, description: description, builtIn: false, createdAt: now).id
            report.collectionsCreated.append(slug)
        }
        sourceCollectionIds[slug] = id
        return id
    }
}
