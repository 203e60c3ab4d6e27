import Foundation

/// The JSON shapes the tool prints: the export document (format "watchlist", version 1),
/// one film (`show --json`), film summaries (`list --json`) and notes (`note list --json`).
/// These DTOs are the contract; they do not move when the model does.
public enum JSONDocument {
    public static let format = "watchlist"
    public static let version = 1

    /// A film of the export document (and of `show --json`), keys in sorted order.
    static func write(_ detail: FilmDetail, into json: inout JSONWriter) {
        let film = detail.film
        json.beginObject()
        json.key("collections"); json.strings(detail.collections)
        json.key("description"); json.string(film.description)
        json.key("fact"); json.string(film.fact)
        json.key("id"); json.int(film.id)
        json.key("notes"); json.beginArray()
        for note in detail.notes {
            json.beginObject()
            json.key("createdAt"); json.string(note.createdAt)
            json.key("id"); json.int(note.id)
            json.key("text"); json.string(note.text)
            json.key("updatedAt"); json.string(note.updatedAt)
            json.endObject()
        }
        json.endArray()
        json.key("ratedAt"); json.string(detail.rating?.ratedAt)
        json.key("rating"); json.stars(detail.rating?.value)
        json.key("tags"); json.strings(detail.tags)
        json.key("title"); json.string(film.title)
        json.key("viewings"); json.beginArray()
        for viewing in detail.viewings {
            json.beginObject()
            json.key("date"); json.string(viewing.watchedOn)
            json.key("loggedAt"); json.string(viewing.loggedAt)
            json.key("rewatch"); json.bool(viewing.rewatch)
            json.endObject()
        }
        json.endArray()
        json.key("year"); json.int(film.year)
        json.endObject()
    }

    /// A film summary of `list --json`, keys in sorted order.
    static func write(_ summary: FilmSummary, into json: inout JSONWriter) {
        json.beginObject()
        json.key("id"); json.int(summary.film.id)
        json.key("lastWatched"); json.string(summary.lastWatched)
        json.key("notes"); json.int(summary.noteCount)
        json.key("rating"); json.stars(summary.rating)
        json.key("tags"); json.strings(summary.tags)
        json.key("title"); json.string(summary.film.title)
        json.key("viewings"); json.int(summary.viewingCount)
        json.key("year"); json.int(summary.film.year)
        json.endObject()
    }

    struct FilmNoteDTO: Encodable {
        let filmNote: FilmNote
        enum Keys: String, CodingKey { case id, filmId, film, text, createdAt, updatedAt }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(filmNote.note.id, forKey: .id)
            try container.encode(filmNote.film.id, forKey: .filmId)
            try container.encode(filmNote.film.displayTitle, forKey: .film)
            try container.encode(filmNote.note.text, forKey: .text)
            try container.encode(filmNote.note.createdAt, forKey: .createdAt)
            try container.encode(filmNote.note.updatedAt, forKey: .updatedAt)
        }
    }

    struct CollectionDTO: Encodable {
        let contents: CollectionContents
        enum Keys: String, CodingKey { case slug, title, description, films }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(contents.collection.slug, forKey: .slug)
            try container.encode(contents.collection.title, forKey: .title)
            try container.encode(contents.collection.description, forKey: .description)
            try container.encode(contents.filmIds, forKey: .films)
        }
    }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `show --json`: one film, shaped like a film of the export document.
    public static func film(_ detail: FilmDetail) -> Data {
        var json = JSONWriter()
        write(detail, into: &json)
        return Data(json.bytes)
    }

    /// `list --json`: an array of film summaries, one a line.
    public static func summaries(_ summaries: [FilmSummary]) -> Data {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(summaries.count * 160 + 4)
        for (index, summary) in summaries.enumerated() {
            var json = JSONWriter()
            write(summary, into: &json)
            bytes.append(contentsOf: index == 0 ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")])
            bytes.append(contentsOf: json.bytes)
        }
        bytes.append(contentsOf: summaries.isEmpty ? [UInt8(ascii: "]")] : [UInt8(ascii: "\n"), UInt8(ascii: "]")])
        return Data(bytes)
    }

    /// `collection list --json`: an array of collections with their progress.
    public static func collections(_ collections: [CollectionProgress]) throws -> Data {
        try encoder(pretty: true).encode(collections.map(CollectionSummaryDTO.init))
    }

    struct CollectionSummaryDTO: Encodable {
        let progress: CollectionProgress
        enum Keys: String, CodingKey { case slug, title, description, builtIn, films, watched }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(progress.collection.slug, forKey: .slug)
            try container.encode(progress.collection.title, forKey: .title)
            try container.encode(progress.collection.description, forKey: .description)
            try container.encode(progress.collection.builtIn, forKey: .builtIn)
            try container.encode(progress.filmCount, forKey: .films)
            try container.encode(progress.watchedCount, forKey: .watched)
        }
    }

    /// `search --json`: the matches, best first.
    public static func searchHits(_ hits: [SearchHit]) throws -> Data {
        struct Hit: Encodable { let id: Int64; let title: String; let year: Int?; let snippet: String; let score: Double }
        return try encoder(pretty: true).encode(hits.map {
            Hit(id: $0.film.id!, title: $0.film.title, year: $0.film.year, snippet: $0.snippet, score: ($0.score * 1000).rounded() / 1000)
        })
    }

    /// `history --json`: the recorded changes, newest first.
    public static func history(_ entries: [HistoryEntry]) throws -> Data {
        struct Entry: Encodable { let id: Int64; let at, command, summary: String }
        return try encoder(pretty: true).encode(entries.map { Entry(id: $0.id, at: $0.at, command: $0.command, summary: $0.summary) })
    }

    /// `stats --json`.
    public static func stats(_ stats: Stats) throws -> Data {
        try encoder(pretty: true).encode(StatsDTO(stats: stats))
    }

    struct StatsDTO: Encodable {
        let stats: Stats
        struct Count: Encodable { let label: String; let count: Int }
        struct Rewatched: Encodable { let film: String; let viewings: Int }
        struct Gap: Encodable { let from, to: String; let days: Int }
        struct Progress: Encodable { let slug, title: String; let films, watched: Int }
        enum Keys: String, CodingKey {
            case collections, viewings, viewingsByYear, filmsByDecade, ratings, averageRating, mostRewatched, longestGap
        }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(stats.collections.map {
                Progress(slug: $0.collection.slug, title: $0.collection.title, films: $0.filmCount, watched: $0.watchedCount)
            }, forKey: .collections)
            try container.encode(stats.viewings, forKey: .viewings)
            try container.encode(stats.viewingsByYear.map { Count(label: $0.label, count: $0.count) }, forKey: .viewingsByYear)
            try container.encode(stats.filmsByDecade.map { Count(label: $0.label, count: $0.count) }, forKey: .filmsByDecade)
            try container.encode(stats.ratings.map { Count(label: $0.label, count: $0.count) }, forKey: .ratings)
            try container.encode(stats.averageRating, forKey: .averageRating)
            try container.encode(stats.mostRewatched.map { Rewatched(film: $0.film, viewings: $0.viewings) }, forKey: .mostRewatched)
            try container.encode(stats.longestGap.map { Gap(from: $0.from, to: $0.to, days: $0.days) }, forKey: .longestGap)
        }
    }

    /// `import --json`: the import's report.
    public static func importReport(_ report: ImportReport) throws -> Data {
        try encoder(pretty: true).encode(ImportReportDTO(report: report))
    }

    struct ImportReportDTO: Encodable {
        let report: ImportReport

        struct CountsDTO: Encodable {
            let viewings, ratings, notes, tags: Int
            init(_ counts: ImportReport.Counts) {
                (viewings, ratings, notes, tags) = (counts.viewings, counts.ratings, counts.notes, counts.tags)
            }
        }

        struct FileDTO: Encodable {
            let path, kind: String
            let rows: Int
        }

        struct ConflictDTO: Encodable {
            let film: String
            let ours, theirs: Double
            let kept: String
        }

        enum Keys: String, CodingKey {
            case dryRun, files, rows, films, added, unchanged, conflicts, skippedTitleTypes, watchlistRows, ignoredFiles, warnings, collectionsCreated
        }

        enum FilmKeys: String, CodingKey { case matched, created, skipped, skippedTitles }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(report.dryRun, forKey: .dryRun)
            try container.encode(report.files.map { FileDTO(path: $0.path, kind: $0.kind, rows: $0.rows) }, forKey: .files)
            try container.encode(report.rows, forKey: .rows)
            var films = container.nestedContainer(keyedBy: FilmKeys.self, forKey: .films)
            try films.encode(report.filmsMatched, forKey: .matched)
            try films.encode(report.filmsCreated, forKey: .created)
            try films.encode(report.skippedFilms.count, forKey: .skipped)
            try films.encode(report.skippedFilms, forKey: .skippedTitles)
            try container.encode(CountsDTO(report.added), forKey: .added)
            try container.encode(CountsDTO(report.unchanged), forKey: .unchanged)
            try container.encode(report.conflicts.map {
                ConflictDTO(film: $0.film, ours: $0.ours.stars, theirs: $0.theirs.stars, kept: $0.importedWon ? "imported" : "ours")
            }, forKey: .conflicts)
            try container.encode(report.skippedTitleTypes, forKey: .skippedTitleTypes)
            try container.encode(report.watchlistRows, forKey: .watchlistRows)
            try container.encode(report.ignoredFiles, forKey: .ignoredFiles)
            try container.encode(report.warnings, forKey: .warnings)
            try container.encode(report.collectionsCreated, forKey: .collectionsCreated)
        }
    }

    /// `note list --json`: an array of notes, each with its film's id and title.
    public static func notes(_ notes: [FilmNote]) throws -> Data {
        try encoder(pretty: true).encode(notes.map(FilmNoteDTO.init))
    }
}

/// The export document, written a film at a time: keys in sorted order, one film a line.
struct JSONExportWriter: ExportWriter {
    let output: TextOutput
    private let encoder = JSONDocument.encoder(pretty: false)
    private var filmsWritten = 0

    init(_ output: TextOutput) {
        self.output = output
    }

    mutating func begin(exportedAt: String, collections: [CollectionContents]) throws {
        // Keys in sorted order: collections, exportedAt, films, format, version.
        try output.write("{\"collections\":")
        try output.write([UInt8](encoder.encode(collections.map(JSONDocument.CollectionDTO.init))))
        try output.write(",\"exportedAt\":")
        try output.write([UInt8](encoder.encode(exportedAt)))
        try output.write(",\"films\":[")
    }

    mutating func add(_ film: FilmDetail) throws {
        var json = JSONWriter()
        JSONDocument.write(film, into: &json)
        try output.write(filmsWritten == 0 ? "\n" : ",\n")
        try output.write(json.bytes)
        filmsWritten += 1
    }

    mutating func finish() throws {
        try output.write("\n],\"format\":\"\(JSONDocument.format)\",\"version\":\(JSONDocument.version)}\n")
    }
}
