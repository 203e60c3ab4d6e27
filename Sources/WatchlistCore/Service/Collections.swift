import Foundation

extension Watchlist {
    /// The largest collection file read: 16 MiB, checked before reading.
    public static let maximumCollectionFileBytes = 16 << 20

    /// Every collection, oldest first, with its progress.
    public func collections() throws -> [CollectionProgress] {
        try database.read { store in try store.collectionProgress() }
    }

    /// One collection and its films.
    public func collection(_ slug: String) throws -> CollectionListing {
        try database.read { store in
            let id = try collectionId(slug: slug, in: store)
            guard let progress = try store.collectionProgress(collectionId: id).first else {
                throw WatchlistError.internalError("the collection \(slug) has no progress row")
            }
            return CollectionListing(progress: progress, films: try store.filmSummaries(FilmListQuery(collection: slug), collectionId: id))
        }
    }

    /// `importCollection` from a file.
    public func importCollection(file path: String, slug: String?, title: String?) throws -> CollectionImport {
        try importCollection(text: InputFile.read(path, limit: Watchlist.maximumCollectionFileBytes), source: path, slug: slug, title: title)
    }

    /// Adds a collection from its text form. Its films join the films the database already
    /// has (same title and year) or are created; `slug` defaults to one made from the file's
    /// name, `title` to the slug in words.
    public func importCollection(text bytes: [UInt8], source: String, slug: String?, title: String?) throws -> CollectionImport {
        let parsed: ParsedCollection
        do {
            parsed = try CollectionText.parse(bytes: bytes, source: source)
        } catch let error as WatchlistError {
            if ImportReader.looksLikeExport(bytes, name: (source as NSString).lastPathComponent) {
                throw WatchlistError.otherKindOfFile(source: source, kind: .export)
            }
            throw error
        }
        let slug = try InputText.slug(slug ?? InputText.slug(fromFileName: (source as NSString).lastPathComponent))
        let title = InputText.normalized(title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? slug.split(separator: "-")
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
        guard !title.isEmpty, TextLimit.collectionTitle.allows(title), !title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw WatchlistError.invalidArgument("A collection's title is 1 to \(TextLimit.collectionTitle.maximum) characters, without control characters.")
        }
        return try recorded({ "Added the collection \($0.collection.slug)" }) { store in
            guard try store.collection(slug: slug) == nil else { throw WatchlistError.collectionExists(slug: slug) }
            let collection = try store.insertCollection(slug: slug, title: title, description: parsed.introduction,
                                                        builtIn: false, createdAt: now)
            var created = 0
            for entry in parsed.films {
                let draft = FilmDraft(title: entry.title, year: entry.year, description: entry.description, fact: entry.fact)
                var film = try store.films(titleKey: draft.titleKey).first { $0.year == entry.year }
                if film == nil {
                    film = try store.insertFilm(draft, key: RowKey.film(title: draft.title, year: draft.year))
                    created += 1
                }
                if let film { try store.addToCollection(filmId: film.id, collectionId: collection.id) }
            }
            return CollectionImport(collection: collection, created: created, matched: parsed.films.count - created)
        }
    }

    /// Removes a collection and the films that are in no other collection. When that would
    /// delete anything the user recorded, it needs `force`. Returns what was deleted.
    public func removeCollection(_ slug: String, force: Bool) throws -> CollectionRemoval {
        try recorded({ _ in "Removed the collection \(slug)" }) { store in
            guard let collection = try store.collection(slug: slug) else {
                throw WatchlistError.collectionNotFound(slug: slug, known: try store.collectionProgress().map(\.collection.slug))
            }
            guard !collection.builtIn else { throw WatchlistError.builtInCollection(slug: slug) }
            let removal = try store.removalImpact(collectionId: collection.id)
            if removal.losesRecords && !force { throw WatchlistError.removalNeedsForce(slug: slug, removal: removal) }
            try store.deleteCollection(id: collection.id)
            return removal
        }
    }
}
