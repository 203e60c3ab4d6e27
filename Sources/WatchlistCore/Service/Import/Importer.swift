import Foundation

/// Matches an ImportBatch against the database and adds what is new, inside one transaction.
struct Importer {
    let store: Store
    let now: String
    let addMissing: Bool
    private var report = ImportReport()
    /// Film ids of the document being imported → ids in this database.
    private var documentIds: [Int64: Int64] = [:]
    /// The collections films created from each source join (letterboxd, imdb), once looked up.
    private var sourceCollectionIds: [String: Int64] = [:]

    let progress: ProgressHandler?

    init(store: Store, now: String, addMissing: Bool, progress: ProgressHandler? = nil) {
        (self.store, self.now, self.addMissing, self.progress) = (store, now, addMissing, progress)
    }

    /// Collection titles for films an import creates, by source.
    static let sourceCollections = [
        "letterboxd": ("Letterboxd", "Films brought in from a Letterboxd export."),
        "imdb": ("IMDb", "Films brought in from an IMDb ratings export."),
    ]

    mutating func apply(_ batch: ImportBatch) throws -> ImportReport {
        report.files = batch.files
        report.skippedTitleTypes = batch.skippedTitleTypes
        report.watchlistRows = batch.watchlistRows
        report.warnings = batch.warnings
        report.ignoredFiles = batch.ignoredFiles
        for collection in batch.collections where try store.collection(slug: collection.slug) == nil {
            try store.insertCollection(slug: collection.slug, title: collection.title,
                                       description: collection.description, builtIn: false, createdAt: now)
            report.collectionsCreated.append(collection.slug)
        }
        for (index, film) in batch.films.enumerated() {
            try apply(film)
            progress?(index + 1, batch.films.count)
        }
        // A document's collections keep their order: members join in the document's order.
        for collection in batch.collections {
            guard let id = try store.collection(slug: collection.slug)?.id else { continue }
            for documentId in collection.filmIds {
                if let filmId = documentIds[documentId] { try store.addToCollection(filmId: filmId, collectionId: id) }
            }
        }
        return report
    }

    private mutating func apply(_ imported: ImportedFilm) throws {
        var isNew = false
        let found = try match(imported)
        if found == nil { isNew = true }
        guard let film = try found ?? create(imported) else {
            report.skippedFilms.append(imported.displayTitle)
            return
        }
        let filmId = film.id
        if let documentId = imported.id { documentIds[documentId] = filmId }
        // A film created just now has nothing yet: no need to look for what it has.
        try addViewings(imported, to: filmId, isNew: isNew)
        try addRating(imported, to: film, isNew: isNew)
        try addNotes(imported, to: filmId, isNew: isNew)
        let added = try store.addTags(filmId: filmId, imported.tags, at: now)
        report.added.tags += added.count
        report.unchanged.tags += imported.tags.count - added.count
    }

    private mutating func match(_ imported: ImportedFilm) throws -> Film? {
        for key in [imported.titleKey] + (imported.originalTitle.map { [TitleKey.fold($0)] } ?? []) {
            if let film = try store.films(titleKey: key, year: imported.year).first {
                report.filmsMatched += 1
                return film
            }
        }
        return nil
    }

    /// Creates a film the database lacks: always for a watchlist document (a backup carries
    /// its films), otherwise only with --add-missing, in the collection named after its source.
    private mutating func create(_ imported: ImportedFilm) throws -> Film? {
        let fromDocument = imported.format == .watchlist
        guard fromDocument || addMissing else { return nil }
        let draft = FilmDraft(title: imported.title, year: imported.year, description: imported.description,
                              fact: imported.fact, titleKey: imported.titleKey)
        let freeId = try imported.id.flatMap { try store.film(id: $0) == nil ? $0 : nil }
        let film = try store.insertFilm(draft, id: freeId)
        report.filmsCreated += 1
        if !fromDocument {
            try store.addToCollection(filmId: film.id, collectionId: try sourceCollectionId(imported.format))
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

    /// Adds the viewings the film does not have yet: one imported viewing per existing one on
    /// the same day is already there. A film Letterboxd lists as watched with no diary entry
    /// gets one viewing on an unknown day, unless it has a viewing already.
    private mutating func addViewings(_ imported: ImportedFilm, to filmId: Int64, isNew: Bool) throws {
        var existing: [Day?: Int] = [:]
        let current = isNew ? [] : try store.viewings(filmId: filmId)
        for viewing in current { existing[viewing.watchedOn, default: 0] += 1 }
        var wanted = imported.viewings
        if wanted.isEmpty, imported.watched {
            if !current.isEmpty {
                report.unchanged.viewings += 1
                return
            }
            wanted = [ImportedViewing(watchedOn: nil, rewatch: false, loggedAt: nil)]
        }
        for viewing in wanted {
            let day = viewing.watchedOn
            if let count = existing[day], count > 0 {
                existing[day] = count - 1
                report.unchanged.viewings += 1
                continue
            }
            try store.insertViewing(filmId: filmId, watchedOn: day, rewatch: viewing.rewatch, loggedAt: viewing.loggedAt ?? now)
            report.added.viewings += 1
        }
    }

    private mutating func addRating(_ imported: ImportedFilm, to film: Film, isNew: Bool) throws {
        guard let theirs = imported.rating else { return }
        let filmId = film.id
        guard let ours = isNew ? nil : try store.rating(filmId: filmId) else {
            try store.save(Rating(filmId: filmId, value: theirs.value, ratedAt: theirs.ratedAt ?? now))
            report.added.ratings += 1
            return
        }
        if ours.value == theirs.value {
            report.unchanged.ratings += 1
            return
        }
        let importedWon = theirs.ratedAt.map { $0 > ours.ratedAt } ?? false
        report.conflicts.append(ImportReport.Conflict(film: film.displayTitle, ours: ours.value, theirs: theirs.value, importedWon: importedWon))
        if importedWon, let ratedAt = theirs.ratedAt {
            try store.save(Rating(filmId: filmId, value: theirs.value, ratedAt: ratedAt))
        }
    }

    /// Adds the notes the film does not have: a note whose text equals one of the film's notes,
    /// or all of them joined by blank lines (as a Letterboxd review carries them), is there.
    private mutating func addNotes(_ imported: ImportedFilm, to filmId: Int64, isNew: Bool) throws {
        guard !imported.notes.isEmpty else { return }
        let current = isNew ? [] : try store.notes(ofFilm: filmId).map(\.text)
        var known = Set(current)
        known.insert(current.joined(separator: "\n\n"))
        for note in imported.notes {
            if known.contains(note.text) {
                report.unchanged.notes += 1
                continue
            }
            let createdAt = note.createdAt ?? now
            let freeId = try note.id.flatMap { try store.note(id: $0) == nil ? $0 : nil }
            try store.insertNote(filmId: filmId, text: note.text, createdAt: createdAt, updatedAt: note.updatedAt ?? createdAt, id: freeId)
            known.insert(note.text)
            report.added.notes += 1
        }
    }
}
