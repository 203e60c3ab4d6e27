import Foundation

/// Reads import files into one ImportBatch. A film named by several rows or files is one
/// entry: rows that share an id (IMDb's, Letterboxd's film link, TMDB's) are the same film;
/// rows without one are the same film when title and year are written alike; rows whose ids
/// differ are never merged.
public struct ImportReader {
    var batch = ImportBatch()
    /// The day dates in files may not come after.
    let today: Day
    /// Whether watchlists and lists are read (`import --no-lists` leaves them out).
    let readsLists: Bool
    /// Films by id ("imdb tt0076064") and by title as written and year.
    var byId: [String: Int] = [:]
    var byTitle: [TitleAndYear: Int] = [:]
    /// The rare titles and years several films share (their ids differ): the films after the first.
    var sameTitle: [TitleAndYear: [Int]] = [:]
    /// What the Letterboxd readers keep across files until `finish` (the rating rule).
    var letterboxd = LetterboxdRatings()

    /// Letterboxd's rule for a film's rating: its ratings.csv value, else the rating of its
    /// latest diary row. These hold the two until `finish`.
    struct LetterboxdRatings {
        var ratingsFileRating: [Int: ImportedRating] = [:]
        /// A film's latest diary rating so far, by the film's place: 12 bytes a film (a diary of a
        /// million rows rates a hundred thousand films).
        var latestDiaryRating: [DiaryRating] = []
    }

    struct DiaryRating {
        var day: Day
        var line: Int32
        var halfStars: UInt8
        var loggedOn: Day?
    }
    /// The format of the file being read, given to the films it adds.
    var currentFormat = ImportFormat.watchlist
    /// "2024-01-02T00:00:00Z" by day: one String a day, shared by every row logged on it (a
    /// diary of a million rows is logged on a few thousand days; a String each took 60 MiB).
    var midnights: [Day: String] = [:]

    /// The columns a spreadsheet's CSV maps to a diary's fields (`import --columns`), when given.
    let columns: SpreadsheetColumns?
    /// What the Trakt reader keeps across files until `finish` (lists, plays, history).
    var trakt = TraktState()

    /// Asked as a file is read (every MiB of a CSV): true stops the reading with
    /// `WatchlistError.interrupted` (the service asks whether Ctrl-C was pressed).
    public var stopRequested: (@Sendable () -> Bool)?

    public init(today: Day, readsLists: Bool = true, columns: SpreadsheetColumns? = nil) {
        self.today = today
        self.readsLists = readsLists
        self.columns = columns
    }

    /// Reads one file. Its kind is decided here, once: its place (where it sits in an export,
    /// or its own name), then its content (a CSV's header row, read once and handed to the
    /// reader; a JSON file's shape). A member of a folder or archive that import does not read is
    /// listed as ignored, with the reason; a file given alone is refused instead.
    public mutating func read(_ source: ImportSource, format: ImportFormat) throws {
        let place = ExportPlace.of(source.place, inExport: source.inExport)
        if case .ignored(let reason) = place { return ignore(source.name, reason: reason) }
        guard let decoded = try TextDecoding.utf8(source.content, source: source.name) else {
            return ignore(source.name, reason: "the file holds nothing but NUL bytes: it was not saved whole", warn: true)
        }
        if let warning = decoded.warning { warn(warning) }
        let text = decoded.input.buffer
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let firstByte = text.first(where: { !isBlank($0) })
        if source.inExport, firstByte == nil {
            return ignore(source.name, reason: "the file is empty", warn: true)
        }
        if let first = firstByte, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            do {
                return try readJSON(decoded.bytes, source: source, format: format)
            } catch WatchlistError.malformedFile(_, _, let problem) where problem.contains("not valid JSON") {
                if let (line, marker) = ConflictMarker.first(in: text) { throw ConflictMarker.error(source: source.name, line: line, marker: marker) }
                throw WatchlistError.malformedFile(source: source.name, line: nil, problem: problem)
            }
        }
        // A merge left both versions in the file: say so, rather than what its header lacks.
        if text.starts(with: "<<<<<<<".utf8), let (line, marker) = ConflictMarker.first(in: text) {
            throw ConflictMarker.error(source: source.name, line: line, marker: marker)
        }
        var records = CSVRecords(input: decoded.input, source: source.name)
        records.stopRequested = stopRequested
        guard let first = try records.next() else {
            throw WatchlistError.malformedFile(source: source.name, line: nil, problem: "the file is empty: it has no header row")
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let name = ExportPlace.fileName(source.place)
        guard var kind = try kind(of: header, place: place, name: name, source: source) else {
            return ignore(source.name, reason: "its header row is none that import reads", warn: true)
        }
        guard format == .auto || kind.format == format else {
            throw WatchlistError.wrongFormat(source: source.name, kind: kind.description, actual: kind.format, requested: format)
        }
        if kind.isList && !readsLists {
            batch.listsLeftOut += 1
            return ignore(source.name, reason: "watchlists and lists are left out (--no-lists)")
        }
        currentFormat = kind.format
        let rows: Int
        if kind == .letterboxdList {
            rows = try readLetterboxdList(first: first, rest: records, source: source)
        } else {
            var table = CSVTable(header: first, records: records, source: source.name)
            table.todayYear = today.year
            switch kind {
            case .imdbRatings, .imdbRatingsDateAdded, .imdbWatchlist, .imdbList, .imdbRatingsOld, .imdbWatchlistOld, .imdbListOld, .imdbCheckins:
                if kind == .imdbListOld, try IMDbTitleTypes.everyRowRated(table) { kind = .imdbRatingsOld }
                rows = try readIMDb(&table, source: source, kind: kind)
            case .criticker: rows = try readCriticker(&table)
            case .netflixHistory: rows = try readNetflix(&table, source: source)
            case .spreadsheet: rows = try readSpreadsheet(&table, columns: columns!, source: source)
            default: rows = try readLetterboxd(&table, kind: kind)
            }
        }
        batch.files.append(ImportedFile(path: source.name, kind: kind, rows: rows))
    }

    /// The most warnings a batch keeps word for word; the rest are counted (`warningsLeftOut`).
    static let maximumWarnings = 1_000

    /// Adds a warning to the report: the first thousand as they are, the rest counted, so that
    /// a file of a million rows that each deserve one does not hold a million sentences.
    mutating func warn(_ warning: @autoclosure () -> String) {
        if batch.warnings.count < ImportReader.maximumWarnings { batch.warnings.append(warning()) } else { batch.warningsLeftOut += 1 }
    }

    /// Notes a file that import does not read, and why; `warn` when the person should look at it.
    public mutating func ignore(_ path: String, reason: String, warn: Bool = false) {
        batch.ignoredFiles.append(IgnoredFile(path: path, reason: reason))
        if warn { self.warn("\(path.oneLine) was not read: \(reason).") }
    }

    /// The batch, with each film's rating settled, and the rewatches of files that do not say.
    public mutating func finish() -> ImportBatch {
        for position in batch.films.indices {
            if let rating = letterboxd.ratingsFileRating[position] {
                batch.films[position].rating = rating
            } else if batch.films[position].rating == nil, position < letterboxd.latestDiaryRating.count,
                      letterboxd.latestDiaryRating[position].halfStars > 0 {
                let diary = letterboxd.latestDiaryRating[position]
                batch.films[position].rating = ImportedRating(value: StarRating(halfStars: Int(diary.halfStars))!,
                                                              ratedAt: diary.loggedOn.map { sharedMidnight($0) })
            }
        }
        settleTrakt()
        settleRewatches()
        // A film's viewings were appended one by one: their arrays are made to fit, one at a
        // time, before the import holds them all while it writes.
        for position in batch.films.indices where batch.films[position].viewings.capacity > batch.films[position].viewings.count + 2 {
            batch.films[position].viewings = Array(batch.films[position].viewings[...])
        }
        let result = batch
        batch = ImportBatch()
        letterboxd = LetterboxdRatings()
        return result
    }

    /// The viewings whose files do not say whether they are rewatches: a film's earliest dated
    /// viewing is its first, every later one a rewatch, as `watch` decides.
    mutating func settleRewatches() {
        for position in batch.films.indices where batch.films[position].viewings.contains(where: \.rewatchUnknown) {
            var viewings = batch.films[position].viewings
            // A placeholder only says "watched": it is no viewing before the others.
            let order = viewings.indices.filter { !viewings[$0].placeholder }.sorted { a, b in
                switch (viewings[a].watchedOn, viewings[b].watchedOn) {
                case let (x?, y?): return (x, a) < (y, b)
                case (nil, _?): return true
                case (_?, nil): return false
                case (nil, nil): return a < b
                }
            }
            for (rank, index) in order.enumerated() where viewings[index].rewatchUnknown {
                viewings[index].rewatch = rank > 0
                viewings[index].rewatchUnknown = false
            }
            batch.films[position].viewings = viewings
        }
    }

    /// What a CSV file is: its columns as the person named them (`--columns`); else its place
    /// says so (and its header must have what that kind needs), or its header row does. Nil
    /// when neither does, for a member of an export; a file given alone is refused, with the
    /// formats the tool reads and a `--columns` made of its own header.
    private func kind(of header: [String], place: ExportPlace, name: String, source: ImportSource) throws -> ImportKind? {
        if let columns {
            try columns.check(against: header, source: source.name)
            return .spreadsheet
        }
        if header.count == 1, header[0].hasPrefix("Letterboxd list export") { return .letterboxdList }
        if header.isEmpty || header.allSatisfy(\.isEmpty) {
            // An empty first line: the preamble of an older Letterboxd list export.
            return .letterboxdList
        }
        let placed: ImportKind?
        if case .kind(let kind) = place { placed = kind } else { placed = nil }
        if let claimed = placed ?? ImportKind.claimed(by: header, name: name), claimed != .letterboxdList {
            let missing = claimed.requiredColumns.filter { !header.contains($0) }
            // A file named like an export's but written in another format it reads (Letterboxd's
            // import format in a `watched.csv`): its header says what it is.
            // A file of the claimed format lacking a column (a diary without its Watched Date) is
            // still refused: read as a sibling kind, it would lose what the column holds.
            if !missing.isEmpty, let recognised = ImportKind.recognise(header, name: name),
               recognised == .letterboxdImport || recognised.format != claimed.format { return recognised }
            guard missing.isEmpty else {
                throw WatchlistError.malformedFile(source: source.name, line: 1,
                    problem: "\(claimed.description) needs the \(missing.count == 1 ? "column" : "columns") \(missing.joined(separator: ", ")), which the header row lacks")
            }
            if placed != nil { return claimed }
        }
        if let placed { return placed }
        if let kind = ImportKind.recognise(header, name: name) { return kind }
        if source.inExport { return nil }
        if (try? CollectionText.parse(bytes: source.content.array, source: source.name)) != nil {
            throw WatchlistError.otherKindOfFile(source: source.name, kind: .collection)
        }
        throw WatchlistError.unrecognisedFile(source: source.name, header: header,
                                              expected: ImportKind.expectedHeaders + [SpreadsheetColumns.suggestion(for: header, file: source.name)])
    }

    /// A JSON file: a watchlist document, or Trakt's JSON (by its shape).
    private mutating func readJSON(_ bytes: [UInt8], source: ImportSource, format: ImportFormat) throws {
        if let trakt = TraktReader.read(bytes, name: ExportPlace.fileName(source.place)) {
            if trakt.isCollection {
                return ignore(source.name, reason: "Trakt's collection (what you own), which holds no viewing or rating")
            }
            guard format == .auto || format == .trakt else {
                throw WatchlistError.wrongFormat(source: source.name, kind: trakt.kind.description, actual: .trakt, requested: format)
            }
            if trakt.kind.isList && !readsLists {
                batch.listsLeftOut += 1
                return ignore(source.name, reason: "watchlists and lists are left out (--no-lists)")
            }
            currentFormat = .trakt
            let rows = try readTrakt(trakt, source: source)
            return batch.files.append(ImportedFile(path: source.name, kind: trakt.kind, rows: rows))
        }
        // A JSON object is a watchlist document only when it says so: `"format": "watchlist"`.
        let isList = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "[")
        if !isList, WatchlistDocumentReader.claims(bytes) { return try readDocument(bytes, path: source.name, format: format) }
        if source.inExport {
            // A profile, settings, statistics, followers…: the files of a backup that hold no film.
            if TraktReader.holdsNoFilm(bytes) {
                return ignore(source.name, reason: "it holds no film (a profile, settings, statistics or the like)")
            }
            return ignore(source.name, reason: "it is JSON, but none that import reads", warn: true)
        }
        if !isList, !WatchlistDocumentReader.isJSON(bytes) { try readDocument(bytes, path: source.name, format: format) }
        throw WatchlistError.unrecognisedFile(source: source.name, header: [isList ? "(a JSON list)" : "(a JSON object without \"format\": \"watchlist\")"],
                                              expected: ImportKind.expectedHeaders)
    }

    private mutating func readDocument(_ bytes: [UInt8], path: String, format: ImportFormat) throws {
        guard format == .auto || format == .watchlist else {
            throw WatchlistError.wrongFormat(source: path, kind: ImportKind.watchlistDocument.description, actual: .watchlist, requested: format)
        }
        let document = try WatchlistDocumentReader.read(bytes, source: path, today: today)
        // A document's film ids name its films inside it only: its collections' entries become
        // the films' places in the batch, as a list's are.
        var positions: [Int64: Int] = [:]
        for (index, film) in document.films.enumerated() {
            let position = merge(film, place: "\(path) films[\(index)]")
            if let id = film.id { positions[id] = positions[id] ?? position }
        }
        for var collection in document.collections {
            collection.entries = collection.documentEntries.compactMap { entry in
                positions[entry.id].map { ImportedCollection.Entry(film: $0, note: entry.note) }
            }
            collection.documentEntries = []
            batch.collections.append(collection)
        }
        batch.files.append(ImportedFile(path: path, kind: .watchlistDocument, rows: document.films.count))
    }
}

/// A title as written and a year, as a dictionary key.
struct TitleAndYear: Hashable {
    var title: String
    var year: Int?
}
