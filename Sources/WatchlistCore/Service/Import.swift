import Foundation
import ZIPFoundation

/// How `import` runs.
public struct ImportOptions: Sendable {
    public var format: ImportFormat
    /// Report what would change, change nothing.
    public var dryRun: Bool
    /// Create the films the database does not have, in a collection named after the source.
    public var addMissing: Bool

    public init(format: ImportFormat = .auto, dryRun: Bool = false, addMissing: Bool = false) {
        self.format = format
        self.dryRun = dryRun
        self.addMissing = addMissing
    }
}

extension Watchlist {
    /// The largest file `import` reads, checked before reading: 512 MiB.
    public static let maximumImportFileBytes = 512 << 20

    /// Imports Letterboxd exports (the .zip, the folder, or its CSV files), IMDb ratings
    /// exports and watchlist JSON documents, as one transaction: all or nothing.
    ///
    /// A film matches one in the database with the same title (ignoring case, accents and a
    /// leading article) and year; a film with no year matches only a film with no year.
    /// What is already there is left as it is, so importing the same files again adds
    /// nothing. Ratings: when the imported one differs, the more recently rated wins (an
    /// imported rating with no date never replaces ours), and the report lists the conflict.
    public func importFiles(_ paths: [String], options: ImportOptions = ImportOptions(), progress: ProgressHandler? = nil) throws -> ImportReport {
        guard !paths.isEmpty else { throw WatchlistError.invalidArgument("Name at least one file, folder or .zip to import.") }
        var reader = ImportReader()
        for path in paths { try ImportFiles.read(path, format: options.format, into: &reader) }
        let batch = reader.finish()
        let now = self.now
        let apply: (Store) throws -> ImportReport = { store in
            if !options.dryRun { try store.recordViewingsInBulk() }
            var importer = Importer(store: store, now: now, addMissing: options.addMissing, progress: progress)
            return try importer.apply(batch)
        }
        var report = options.dryRun ? try database.writeAndRollBack(apply)
            : try recorded({ "Imported \($0.files.count) file(s): \($0.added.viewings) viewings, \($0.added.ratings) ratings, \($0.added.notes) notes, \($0.added.tags) tags, \($0.filmsCreated) films created" },
                           changed: { $0.added.total > 0 || $0.filmsCreated > 0 || !$0.collectionsCreated.isEmpty || $0.conflicts.contains(where: \.importedWon) },
                           apply)
        report.dryRun = options.dryRun
        return report
    }
}

/// Turns the paths given to `import` into files for the reader: a file as it is, a folder's
/// or a .zip's members that belong to an export.
enum ImportFiles {
    /// The files of a Letterboxd export that import reads; the rest of a folder or archive
    /// (profile.csv, lists/, deleted/, orphaned/ …) is listed as ignored.
    static let exportMembers = ["diary.csv", "ratings.csv", "watched.csv", "watchlist.csv", "reviews.csv", "likes/films.csv"]

    static func read(_ path: String, format: ImportFormat, into reader: inout ImportReader) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw WatchlistError.unreadableInput(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            try readFolder(path, format: format, into: &reader)
            return
        }
        // A .zip is read member by member, never whole.
        let magic = FileHandle(forReadingAtPath: path).map { handle in
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 4)) ?? Data()
        }
        if magic == Data([0x50, 0x4B, 0x03, 0x04]) {
            try readArchive(path, format: format, into: &reader)
        } else {
            try reader.read(try InputFile.read(path), path: path, format: format)
        }
    }

    /// Whether a member of a folder or archive is part of an export; the export may sit in
    /// one folder of its own.
    static func isExportMember(_ relativePath: String) -> Bool {
        let path = relativePath.lowercased()
        let parts = path.split(separator: "/")
        guard !parts.contains("deleted"), !parts.contains("orphaned") else { return false }
        return exportMembers.contains { path == $0 || (path.hasSuffix("/" + $0) && parts.count <= $0.split(separator: "/").count + 1) }
    }

    private static func readFolder(_ folder: String, format: ImportFormat, into reader: inout ImportReader) throws {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw WatchlistError.unreadableInput(path: folder, reason: "the folder cannot be listed")
        }
        var members: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = (folder as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if isExportMember(relative) { members.append(relative) } else { reader.ignore(full) }
        }
        guard !members.isEmpty else {
            throw WatchlistError.malformedInput("\(folder) holds none of the files of an export (\(exportMembers.joined(separator: ", "))).")
        }
        for relative in members.sorted() {
            let full = (folder as NSString).appendingPathComponent(relative)
            try reader.read(try InputFile.read(full), path: full, format: format)
        }
    }

    private static func readArchive(_ path: String, format: ImportFormat, into reader: inout ImportReader) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WatchlistError.malformedInput("\(path) is not a readable .zip archive.")
        }
        var members: [(name: String, entry: Entry)] = []
        for entry in archive where entry.type == .file {
            if isExportMember(entry.path) { members.append((entry.path, entry)) } else { reader.ignore("\(path):\(entry.path)") }
        }
        guard !members.isEmpty else {
            throw WatchlistError.malformedInput("\(path) holds none of the files of an export (\(exportMembers.joined(separator: ", "))).")
        }
        for member in members.sorted(by: { $0.name < $1.name }) {
            let name = "\(path):\(member.name)"
            guard member.entry.uncompressedSize <= UInt64(Watchlist.maximumImportFileBytes) else { throw tooLarge(name) }
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(member.entry, skipCRC32: false) { chunk in
                    bytes.append(contentsOf: chunk)
                    if bytes.count > Watchlist.maximumImportFileBytes { throw tooLarge(name) }
                }
            } catch let error as WatchlistError {
                throw error
            } catch {
                throw WatchlistError.malformedInput("\(name) cannot be extracted: the archive is damaged.")
            }
            try reader.read(bytes, path: name, name: member.name, format: format)
        }
    }

    /// A file's bytes, refusing one over the size limit before reading it.

    private static func tooLarge(_ path: String) -> WatchlistError {
        .malformedInput("\(path) is larger than \(Watchlist.maximumImportFileBytes >> 20) MiB, the most watchlist reads.")
    }
}

/// Input files: a regular file, refused (65) before it is read when it is over `limit` bytes;
/// 66 with the reason when it cannot be read.
enum InputFile {
    static func read(_ path: String, limit: Int = Watchlist.maximumImportFileBytes) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw WatchlistError.unreadableInput(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw WatchlistError.unreadableInput(path: path, reason: "it is a folder") }
        guard Int(info.st_size) <= limit else {
            throw WatchlistError.malformedInput("\(path) is larger than \(limit >> 20) MiB, the most watchlist reads.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WatchlistError.unreadableInput(path: path, reason: "permission denied")
        }
        return [UInt8](data)
    }
}

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
        self.store = store
        self.now = now
        self.addMissing = addMissing
        self.progress = progress
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
            try store.insertCollection(FilmCollection(slug: collection.slug, title: collection.title,
                                                      description: collection.description, builtIn: false, createdAt: now))
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
        let filmId = film.id!
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
        let fromDocument = imported.format == ImportFormat.watchlist.rawValue
        guard fromDocument || addMissing else { return nil }
        var film = Film(title: imported.title, year: imported.year, description: imported.description,
                        fact: imported.fact, titleKey: imported.titleKey)
        if let id = imported.id, try store.film(id: id) == nil { film.id = id }
        film = try store.insertFilm(film)
        report.filmsCreated += 1
        if !fromDocument {
            try store.addToCollection(filmId: film.id!, collectionId: try sourceCollectionId(imported.format))
        }
        return film
    }

    /// The id of the collection named after a source, created when missing.
    private mutating func sourceCollectionId(_ slug: String) throws -> Int64 {
        if let id = sourceCollectionIds[slug] { return id }
        var collection = try store.collection(slug: slug)
        if collection == nil {
            let (title, description) = Importer.sourceCollections[slug] ?? (slug, "")
            collection = try store.insertCollection(FilmCollection(slug: slug, title: title, description: description, builtIn: false, createdAt: now))
            report.collectionsCreated.append(slug)
        }
        sourceCollectionIds[slug] = collection!.id!
        return collection!.id!
    }

    /// Adds the viewings the film does not have yet: one imported viewing per existing one on
    /// the same day is already there. A film Letterboxd lists as watched with no diary entry
    /// gets one viewing on an unknown day, unless it has a viewing already.
    private mutating func addViewings(_ imported: ImportedFilm, to filmId: Int64, isNew: Bool) throws {
        var existing: [String?: Int] = [:]
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
            let day = viewing.watchedOn?.iso
            if let count = existing[day], count > 0 {
                existing[day] = count - 1
                report.unchanged.viewings += 1
                continue
            }
            try store.insert(Viewing(filmId: filmId, watchedOn: day, rewatch: viewing.rewatch, loggedAt: viewing.loggedAt ?? now))
            report.added.viewings += 1
        }
    }

    private mutating func addRating(_ imported: ImportedFilm, to film: Film, isNew: Bool) throws {
        guard let theirs = imported.rating else { return }
        let filmId = film.id!
        guard let ours = isNew ? nil : try store.rating(filmId: filmId) else {
            try store.save(Rating(filmId: filmId, halfStars: theirs.value.halfStars, ratedAt: theirs.ratedAt ?? now))
            report.added.ratings += 1
            return
        }
        if ours.halfStars == theirs.value.halfStars {
            report.unchanged.ratings += 1
            return
        }
        let importedWon = theirs.ratedAt.map { $0 > ours.ratedAt } ?? false
        report.conflicts.append(ImportReport.Conflict(film: film.displayTitle, ours: ours.value, theirs: theirs.value, importedWon: importedWon))
        if importedWon {
            try store.save(Rating(filmId: filmId, halfStars: theirs.value.halfStars, ratedAt: theirs.ratedAt!))
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
            var record = Note(filmId: filmId, text: note.text, createdAt: createdAt, updatedAt: note.updatedAt ?? createdAt)
            if let id = note.id, try store.note(id: id) == nil { record.id = id }
            try store.insert(record)
            known.insert(note.text)
            report.added.notes += 1
        }
    }
}
