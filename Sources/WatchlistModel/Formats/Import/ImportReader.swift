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
    private var byId: [String: Int] = [:]
    private var byTitle: [TitleAndYear: Int] = [:]
    /// The rare titles and years several films share (their ids differ): the films after the first.
    private var sameTitle: [TitleAndYear: [Int]] = [:]
    /// Letterboxd's rule for a film's rating: its ratings.csv value, else the rating of its
    /// latest diary row. These hold the two until `finish`.
    var ratingsFileRating: [Int: ImportedRating] = [:]
    /// A film's latest diary rating so far, by the film's place: 12 bytes a film (a diary of a
    /// million rows rates a hundred thousand films).
    var latestDiaryRating: [DiaryRating] = []

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
    private var midnights: [Day: String] = [:]

    /// The columns a spreadsheet's CSV maps to a diary's fields (`import --columns`), when given.
    let columns: SpreadsheetColumns?
    /// Trakt's lists (`lists.json`), by slug and id, once read: each list's items file joins its list.
    var traktLists: [TraktList] = []
    /// Trakt's films with plays in a history file, and the viewings watched files give the
    /// others: settled at the end, where history wins (`settleTrakt`).
    var traktHistoryFilms = Set<Int>()
    var traktWatchedViewings: [Int: [ImportedViewing]] = [:]
    /// Trakt lists' items, waiting for `lists.json` to name them.
    var traktPendingLists: [ImportedCollection] = []

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
            return try readJSON(decoded.bytes, source: source, format: format)
        }
        var records = CSVRecords(input: decoded.input, source: source.name)
        records.stopRequested = stopRequested
        guard let first = try records.next() else {
            throw WatchlistError.malformedFile(source: source.name, line: nil, problem: "the file is empty: it has no header row")
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let name = ExportPlace.fileName(source.place)
        guard let kind = try kind(of: header, place: place, name: name, source: source) else {
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
                rows = try readIMDb(&table, source: source, kind: kind)
            case .criticker: rows = try readCriticker(&table)
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
            if let rating = ratingsFileRating[position] {
                batch.films[position].rating = rating
            } else if batch.films[position].rating == nil, position < latestDiaryRating.count, latestDiaryRating[position].halfStars > 0 {
                let diary = latestDiaryRating[position]
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
        latestDiaryRating = []
        ratingsFileRating = [:]
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
        if let trakt = try TraktReader.kind(of: bytes, name: ExportPlace.fileName(source.place), source: source.name) {
            guard format == .auto || format == .trakt else {
                throw WatchlistError.wrongFormat(source: source.name, kind: trakt.description, actual: .trakt, requested: format)
            }
            if trakt.isList && !readsLists {
                batch.listsLeftOut += 1
                return ignore(source.name, reason: "watchlists and lists are left out (--no-lists)")
            }
            currentFormat = .trakt
            let rows = try readTrakt(bytes, kind: trakt, source: source)
            return batch.files.append(ImportedFile(path: source.name, kind: trakt, rows: rows))
        }
        if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "[") {
            if TraktReader.isCollection(bytes) {
                return ignore(source.name, reason: "Trakt's collection (what you own), which holds no viewing or rating")
            }
            if source.inExport { return ignore(source.name, reason: "it is JSON, but none that import reads", warn: true) }
            throw WatchlistError.unrecognisedFile(source: source.name, header: ["(a JSON list)"], expected: ImportKind.expectedHeaders)
        }
        try readDocument(bytes, path: source.name, format: format)
    }

    private mutating func readDocument(_ bytes: [UInt8], path: String, format: ImportFormat) throws {
        guard format == .auto || format == .watchlist else {
            throw WatchlistError.wrongFormat(source: path, kind: ImportKind.watchlistDocument.description, actual: .watchlist, requested: format)
        }
        let document = try WatchlistDocumentReader.read(bytes, source: path, today: today)
        // A document's film ids name its films inside it only: its collections' entries become
        // the films' places in the batch, as a list's are.
        var positions: [Int64: Int] = [:]
        for film in document.films {
            let position = merge(film)
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

    // MARK: Films

    /// The position of the film a row names, added when new: the same id, else the same title
    /// as written and year with no id that differs, is the same film. The film gets the ids
    /// it lacked.
    mutating func position(title: String, year: Int?, ids: FilmIdentifiers = FilmIdentifiers()) -> Int {
        let key = TitleAndYear(title: title, year: year)
        var found: Int?
        for pair in ids.pairs where found == nil { found = byId[pair.kind + " " + pair.value] }
        if found == nil, let first = byTitle[key] {
            if !batch.films[first].ids.conflicts(with: ids) {
                found = first
            } else {
                found = sameTitle[key]?.first { !batch.films[$0].ids.conflicts(with: ids) }
            }
        }
        let position: Int
        if let found {
            position = found
        } else {
            batch.films.append(ImportedFilm(title: title, year: year,
                                            format: currentFormat))
            position = batch.films.count - 1
            if byTitle[key] == nil { byTitle[key] = position } else { sameTitle[key, default: []].append(position) }
        }
        if !ids.isEmpty {
            let before = batch.films[position].ids
            batch.films[position].ids.merge(ids)
            for pair in batch.films[position].ids.pairs where !before.pairs.contains(where: { $0 == pair }) {
                byId[pair.kind + " " + pair.value] = position
            }
        }
        return position
    }

    /// Adds a list to the batch. Two files of one import whose names give the same origin (a
    /// list without a link, in two folders) stay two lists.
    mutating func addList(_ list: ImportedCollection) {
        var list = list
        if list.legacyOrigin != nil, let origin = list.origin {
            var number = 1
            while batch.collections.contains(where: { $0.origin == list.origin }) {
                number += 1
                list.origin = ImportedCollection.origin(origin + "#", String(number))
            }
        }
        batch.collections.append(list)
    }

    /// Gives a film a rating a file holds, unless it has a better one from another file of the
    /// import: a dated rating wins over an undated one, the later of two dated ones wins (on
    /// the same day, a ratings file's), and the later file wins between two undated ones — the
    /// rule the import applies against the database, so that the files of one account of
    /// different eras make one diary whatever their order.
    mutating func offerRating(_ rating: ImportedRating, to position: Int) {
        guard let current = batch.films[position].rating else { return batch.films[position].rating = rating }
        switch (current.ratedAt, rating.ratedAt) {
        case (_?, nil): return
        case let (old?, new?) where new < old || (new == old && current.current && !rating.current): return
        default: batch.films[position].rating = rating
        }
    }

    mutating func addTags(_ tags: [String], to position: Int) {
        for tag in tags where !batch.films[position].tags.contains(tag) { batch.films[position].tags.append(tag) }
    }

    /// Merges a film of a watchlist document.
    @discardableResult
    private mutating func merge(_ film: ImportedFilm) -> Int {
        currentFormat = .watchlist
        let position = position(title: film.title, year: film.year, ids: film.ids)
        var merged = batch.films[position]
        merged.inHistory = merged.inHistory || film.inHistory
        if merged.description.isEmpty { merged.description = film.description }
        if merged.fact.isEmpty { merged.fact = film.fact }
        merged.alternativeTitles += film.alternativeTitles.filter { !merged.alternativeTitles.contains($0) }
        merged.collections += film.collections.filter { !merged.collections.contains($0) }
        merged.viewings += film.viewings
        merged.rating = film.rating ?? merged.rating
        merged.notes += film.notes
        merged.tags += film.tags.filter { !merged.tags.contains($0) }
        for (source, facts) in film.metadata { merged.addFacts(facts, from: source) }
        batch.films[position] = merged
        return position
    }

    static func midnight(_ day: Day) -> String { day.iso + "T00:00:00Z" }

    /// The day in `column` (not after today) as a time, shared with every other row of that day.
    mutating func midnight(_ row: CSVRow, _ column: String) throws -> String? {
        guard let day = try row.day(column, notAfter: today) else { return nil }
        return sharedMidnight(day)
    }

    mutating func sharedMidnight(_ day: Day) -> String {
        if let text = midnights[day] { return text }
        let text = ImportReader.midnight(day)
        midnights[day] = text
        return text
    }

    /// A cell that only feeds a film fact and does not read: a warning naming the file, line
    /// and column; the fact stays unknown.
    mutating func factWarning(_ row: CSVRow, _ column: String, _ problem: String) {
        let value = row[column]
        warn("\(row.origin): '\(value.prefix(40))\(value.count > 40 ? "…" : "")' in \(column) \(problem); "
                              + "that fact of the film stays unknown.")
    }

    /// A cell of names separated by commas (IMDb's Directors and Genres, Letterboxd's
    /// Directors): spaces collapsed, each once, in order, at most MetadataField.maximumValues.
    /// The cell only feeds a film fact: a name that is not one (a control character, too
    /// long) or a cell of more names than the limit is a warning naming the file, line and
    /// column, and the fact stays unknown or keeps its first names; it never refuses the file.
    /// The work is linear in the cell, whatever its size.
    mutating func names(_ row: CSVRow, _ column: String) -> [String] {
        var values: [String] = []
        var seen = Set<String>()
        for part in row[column].split(separator: ",") {
            let value = part.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            guard !value.isEmpty, !seen.contains(value) else { continue }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
                  TextLimit.factValue.allows(value) else {
                warn("\(row.origin): the \(column) cell holds a name that is not one (a control character, "
                                      + "or more than \(TextLimit.factValue.maximum) characters): the film's \(column.lowercased()) stay unknown.")
                return []
            }
            guard values.count < MetadataField.maximumValues else {
                warn("\(row.origin): the \(column) cell names more than \(MetadataField.maximumValues); "
                                      + "the first \(MetadataField.maximumValues) are kept.")
                break
            }
            seen.insert(value)
            values.append(value)
        }
        return values
    }
}

/// A title as written and a year, as a dictionary key.
private struct TitleAndYear: Hashable {
    var title: String
    var year: Int?
}

extension ImportReader {
    /// Whether `bytes` look like something `import` reads: a .zip, JSON, or a CSV whose header
    /// row is an export's. For `collection import` to point to `import`.
    public static func looksLikeExport(_ bytes: [UInt8], name: String) -> Bool {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return true }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = bytes[start...].first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return true }
        let line = bytes[start...].prefix { $0 != 0x0A && $0 != 0x0D }
        guard let text = String(validating: line, as: UTF8.self) else { return false }
        let header = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        return header.count > 1 && (ImportKind.recognise(header, name: name) != nil || ImportKind.claimed(by: header, name: name) != nil)
            || text.hasPrefix("Letterboxd list export")
    }
}
