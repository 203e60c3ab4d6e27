import Foundation

/// Reads import files into one ImportBatch: films from every file are merged by title and year.
public struct ImportReader {
    private var batch = ImportBatch()
    /// Films by folded title and year.
    private var index: [WrittenTitle: Int] = [:]
    /// Films by title as written and year.
    private var seen: [WrittenTitle: Int] = [:]
    /// Letterboxd's rule for a film's rating: its ratings.csv value, else the rating of its
    /// latest diary row. These hold the two until `finish`.
    private var ratingsFileRating: [Int: ImportedRating] = [:]
    private var latestDiaryRating: [Int: (day: Day, line: Int, rating: ImportedRating)] = [:]
    /// The format of the file being read, given to the films it adds.
    private var currentFormat = ImportFormat.watchlist

    public init() {}

    /// Reads one file's bytes. `path` names it in messages; `name` (the path by default, or
    /// a member's name inside an archive) tells its kind where headers are alike
    /// (watchlist.csv, likes/films.csv).
    public mutating func read(_ raw: [UInt8], path: String, name: String? = nil, format: ImportFormat) throws {
        let decoded = try TextDecoding.utf8(raw, source: path)
        if let warning = decoded.warning { batch.warnings.append(warning) }
        let bytes = decoded.bytes
        if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") {
            guard format == .auto || format == .watchlist else {
                throw WatchlistError.wrongFormat(source: path, kind: ImportKind.watchlistDocument.description, actual: .watchlist, requested: format)
            }
            let document = try WatchlistDocumentReader.read(bytes, source: path)
            for film in document.films { merge(film) }
            batch.collections += document.collections
            batch.files.append(ImportedFile(path: path, kind: ImportKind.watchlistDocument.rawValue, rows: document.films.count))
            return
        }
        var table = try CSVTable(bytes: bytes, source: path)
        guard let kind = try ImportKind.detect(header: table.header, path: name ?? path, source: path) else {
            throw WatchlistError.unrecognisedFile(source: path, header: table.header, expected: ImportKind.expectedHeaders)
        }
        guard format == .auto || kind.format == format else {
            throw WatchlistError.wrongFormat(source: path, kind: kind.description, actual: kind.format, requested: format)
        }
        var rows = 0
        while let row = try table.next() {
            rows += 1
            try read(row, kind: kind)
        }
        batch.files.append(ImportedFile(path: path, kind: kind.rawValue, rows: rows))
    }

    /// Notes a file of a folder or archive that is not part of an export.
    public mutating func ignore(_ path: String) {
        batch.ignoredFiles.append(path)
    }

    /// The batch, with each film's rating settled.
    public mutating func finish() -> ImportBatch {
        for position in batch.films.indices {
            if let rating = ratingsFileRating[position] {
                batch.films[position].rating = rating
            } else if batch.films[position].rating == nil, let diary = latestDiaryRating[position] {
                batch.films[position].rating = diary.rating
            }
        }
        return batch
    }

    // MARK: Rows

    private mutating func read(_ row: CSVRow, kind: ImportKind) throws {
        currentFormat = kind.format
        switch kind {
        case .letterboxdDiary:
            let position = try film(row, title: "Name")
            guard let day = try row.day("Watched Date") else { throw row.error("the Watched Date is empty") }
            let logged = try row.midnight("Date")
            batch.films[position].viewings.append(ImportedViewing(
                watchedOn: day, rewatch: row["Rewatch"].lowercased() == "yes", loggedAt: logged))
            try addTags(try row.tags("Tags"), to: position)
            if let value = try row.stars("Rating"),
               latestDiaryRating[position].map({ ($0.day, $0.line) < (day, row.line) }) ?? true {
                latestDiaryRating[position] = (day, row.line, ImportedRating(value: value, ratedAt: logged))
            }
        case .letterboxdReviews:
            let position = try film(row, title: "Name")
            if let text = try row.noteText(ReviewText.plain(row.raw("Review"))) {
                let created = try row.day("Date").map(midnight)
                batch.films[position].notes.append(ImportedNote(text: text, createdAt: created))
            }
            try addTags(try row.tags("Tags"), to: position)
        case .letterboxdRatings:
            let position = try film(row, title: "Name")
            guard let value = try row.stars("Rating") else { throw row.error("the Rating is empty") }
            ratingsFileRating[position] = ImportedRating(value: value, ratedAt: try row.day("Date").map(midnight))
        case .letterboxdWatched:
            batch.films[try film(row, title: "Name")].watched = true
        case .letterboxdLikes:
            try addTags(["liked"], to: try film(row, title: "Name"))
        case .letterboxdWatchlist:
            _ = try row.title("Name")
            batch.watchlistRows += 1
        case .letterboxdImport:
            try readLetterboxdImport(row)
        case .imdbRatings, .imdbRatingsOld:
            try readIMDb(row, old: kind == .imdbRatingsOld)
        case .watchlistDocument:
            break
        }
    }

    /// Letterboxd's import format. A row with a WatchedDate is a viewing; a row without one is
    /// a viewing on an unknown day when its Rewatch cell is filled, and only the film's rating,
    /// tags and review otherwise (how `export --format letterboxd` tells the two apart).
    private mutating func readLetterboxdImport(_ row: CSVRow) throws {
        let position = try film(row, title: "Title")
        let rewatch = row["Rewatch"].lowercased()
        guard ["", "true", "false", "yes", "no"].contains(rewatch) else {
            throw row.error("'\(row["Rewatch"])' in Rewatch is not true or false")
        }
        if let day = try row.day("WatchedDate") ?? row.day("Watched Date") {
            batch.films[position].viewings.append(ImportedViewing(watchedOn: day, rewatch: rewatch == "true" || rewatch == "yes", loggedAt: nil))
        } else if !rewatch.isEmpty {
            batch.films[position].viewings.append(ImportedViewing(watchedOn: nil, rewatch: rewatch == "true" || rewatch == "yes", loggedAt: nil))
        }
        if let value = try row.stars("Rating") ?? row.tenPoint("Rating10") {
            batch.films[position].rating = ImportedRating(value: value, ratedAt: nil)
        }
        try addTags(try row.tags("Tags"), to: position)
        if let text = try row.noteText(row.raw("Review")), !batch.films[position].notes.contains(where: { $0.text == text }) {
            batch.films[position].notes.append(ImportedNote(text: text, createdAt: nil))
        }
    }

    /// IMDb title types that are films; everything else (series, episodes, games…) is skipped.
    static let imdbFilmTypes: Set<String> = [
        "movie", "tvmovie", "short", "video",
        "feature film", "tv movie", "short film", "documentary",
    ]

    private mutating func readIMDb(_ row: CSVRow, old: Bool) throws {
        let type = row[old ? "Title type" : "Title Type"]
        guard ImportReader.imdbFilmTypes.contains(type.lowercased()) else {
            _ = try row.title("Title")
            batch.skippedTitleTypes[type.isEmpty ? "unknown" : type, default: 0] += 1
            return
        }
        let position = try film(row, title: "Title")
        let original = row["Original Title"]
        if !original.isEmpty, original != batch.films[position].title { batch.films[position].originalTitle = original }
        guard let value = try row.tenPoint(old ? "You rated" : "Your Rating") else {
            throw row.error("the rating is empty")
        }
        let ratedAt: String?
        if old {
            let created = row["created"]
            guard let day = IMDbDate.day(created) else { throw row.error("'\(created)' in created is not a date") }
            ratedAt = midnight(day)
        } else {
            ratedAt = try row.day("Date Rated").map(midnight)
        }
        batch.films[position].rating = ImportedRating(value: value, ratedAt: ratedAt)
    }

    // MARK: Films

    /// The position of the row's film in the batch, added when new.
    private mutating func film(_ row: CSVRow, title column: String) throws -> Int {
        let title = try row.title(column)
        let year = try row.year("Year")
        return position(title: title, year: year, origin: row.origin)
    }

    /// The position of a film in the batch: the same folded title and year is the same film.
    /// A title seen before, as written, skips the folding (a diary names each film many times).
    private mutating func position(title: String, year: Int?, origin: @autoclosure () -> String) -> Int {
        let written = WrittenTitle(title: title, year: year)
        if let position = seen[written] { return position }
        let titleKey = TitleKey.fold(title)
        let key = WrittenTitle(title: titleKey, year: year)
        let position: Int
        if let known = index[key] {
            position = known
        } else {
            batch.films.append(ImportedFilm(title: title, titleKey: titleKey, year: year, origin: origin(), format: currentFormat))
            position = batch.films.count - 1
            index[key] = position
        }
        seen[written] = position
        return position
    }

    private mutating func addTags(_ tags: [String], to position: Int) throws {
        for tag in tags where !batch.films[position].tags.contains(tag) { batch.films[position].tags.append(tag) }
    }

    /// Merges a film of a watchlist document.
    private mutating func merge(_ film: ImportedFilm) {
        currentFormat = .watchlist
        let position = position(title: film.title, year: film.year, origin: film.origin)
        var merged = batch.films[position]
        merged.id = merged.id ?? film.id
        if merged.description.isEmpty { merged.description = film.description }
        if merged.fact.isEmpty { merged.fact = film.fact }
        merged.collections += film.collections.filter { !merged.collections.contains($0) }
        merged.viewings += film.viewings
        merged.rating = film.rating ?? merged.rating
        merged.notes += film.notes
        merged.tags += film.tags.filter { !merged.tags.contains($0) }
        batch.films[position] = merged
    }

    private func midnight(_ day: Day) -> String { day.iso + "T00:00:00Z" }
}

/// A title and a year, as a dictionary key.
private struct WrittenTitle: Hashable {
    var title: String
    var year: Int?
}

/// The old IMDb export's dates: "Sat Mar 12 00:00:00 2016".
enum IMDbDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func day(_ text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        let parts = text.split(separator: " ")
        guard parts.count == 5, let month = months.firstIndex(of: parts[1].lowercased()),
              let day = Int(parts[2]), let year = Int(parts[4]) else { return nil }
        return Day(year: year, month: month + 1, day: day)
    }
}

/// Letterboxd writes reviews as HTML; a note is plain text.
enum ReviewText {
    static func plain(_ html: String) -> String {
        var text = html
        for (pattern, replacement) in [
            ("(?i)<br\\s*/?>", "\n"), ("(?i)</p>\\s*", "\n\n"), ("(?i)<p[^>]*>", ""), ("<[^>]+>", ""),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        text = decodeEntities(text)
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        return text.replacingOccurrences(of: "\n{3,}", with: "\n\n", options: .regularExpression)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "hellip": "…",
                     "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”"]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    replacement = named[String(name)]
                }
                if let replacement, replacement != "\0" {
                    result += replacement
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}
