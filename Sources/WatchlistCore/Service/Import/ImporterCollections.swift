/// The collections an import brings: a watchlist document's, and the watchlists and lists of
/// an export.
extension Importer {
    /// A document's collection: created when missing and one of its films is in the database,
    /// with the document's films in its order. The built-in collection is never changed by an
    /// import.
    mutating func applyDocumentCollection(_ imported: ImportedCollection) throws {
        let collection: FilmCollection
        if let existing = try store.collection(slug: imported.slug) {
            // Made on another device too: it has existed since the earlier of the two times.
            if let createdAt = imported.createdAt, createdAt < existing.createdAt {
                try store.setCreatedAt(createdAt, collectionId: existing.id)
            }
            guard !existing.builtIn else { return }
            collection = existing
        } else {
            guard imported.entries.contains(where: { filmIds[$0.film] != nil }) else {
                report.listsLeftOut.append(imported.title)
                return
            }
            collection = try store.insertCollection(slug: imported.slug, title: imported.title, description: imported.description,
                                                    builtIn: false, createdAt: imported.createdAt ?? now, origin: imported.origin)
            report.collectionsCreated.append(imported.slug)
        }
        for entry in imported.entries {
            guard let filmId = filmIds[entry.film] else { continue }
            try store.addToCollection(filmId: filmId, collectionId: collection.id, note: entry.note)
        }
    }

    /// A watchlist or list: the collection from the same origin, else a new one (its slug made
    /// unique), holds exactly the list's films that the database has, in the list's order.
    /// The entries whose film it lacks are named in the report. A list none of whose films the
    /// database has makes no collection: it is named in the report instead. An empty list (not
    /// a watchlist: one the person made and named) is made with --add-missing: it lacks no film.
    mutating func applyList(_ imported: ImportedCollection, films: [ImportedFilm]) throws {
        var entries: [(filmId: Int64, note: String)] = []
        var missing: [String] = []
        for entry in imported.entries {
            guard let filmId = filmIds[entry.film] else {
                missing.append(films[entry.film].displayTitle)
                continue
            }
            if !entries.contains(where: { $0.filmId == filmId }) { entries.append((filmId, entry.note)) }
        }
        var existing = try imported.origin.flatMap { try store.collection(origin: $0) }
        if existing == nil, let legacy = imported.legacyOrigin, let found = try store.collection(origin: legacy), let origin = imported.origin {
            try store.setOrigin(collectionId: found.id, origin)
            existing = found
        }
        // A list with no film yet (one the person just made) is made with --add-missing, as its
        // films would be; one whose films the database lacks is named instead.
        if existing == nil, entries.isEmpty, !(addMissing && imported.entries.isEmpty && !imported.isWatchlist) {
            report.listsLeftOut.append(imported.title)
            return
        }
        let collection = try existing ?? store.insertCollection(slug: try freeSlug(imported.slug), title: imported.title,
                                                                description: imported.description, builtIn: false,
                                                                createdAt: now, origin: imported.origin)
        if existing == nil {
            report.collectionsCreated.append(collection.slug)
        } else {
            try store.describeCollection(id: collection.id, title: imported.title, description: imported.description)
            report.listsChanged = report.listsChanged || store.changes > 0
        }
        if try store.replaceEntries(collectionId: collection.id, with: entries) { report.listsChanged = true }
        report.lists.append(ImportReport.List(slug: collection.slug, title: imported.title, films: entries.count, missing: missing,
                                              created: existing == nil))
    }

    /// `slug`, or `slug-2`, `slug-3`… when a collection has it already.
    private func freeSlug(_ slug: String) throws -> String {
        guard try store.collection(slug: slug) != nil else { return slug }
        var number = 2
        while try store.collection(slug: "\(String(slug.prefix(60)))-\(number)") != nil { number += 1 }
        return "\(String(slug.prefix(60)))-\(number)"
    }
}
