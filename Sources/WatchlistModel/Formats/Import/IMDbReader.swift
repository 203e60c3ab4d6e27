import Foundation

/// IMDb's exports: ratings (the 13-column header, the 14-column one with Original Title, the
/// old all-quoted one), the watchlist and lists (`Position,Const,Created,…`), in any of the
/// languages an account can be set to, and as a spreadsheet saved them.
extension ImportReader {
    mutating func readIMDb(_ bytes: [UInt8], path: String, kind: ImportKind) throws -> Int {
        var table = try CSVTable(bytes: bytes, source: path)
        let old = kind == .imdbRatingsOld
        try prepareDates(&table, columns: old ? ["created"] : ["Date Rated", "Created", "Modified", "Release Date"])
        let isList = kind == .imdbWatchlist || kind == .imdbList
        var list = isList ? IMDbTitleTypes.collection(for: kind, path: path) : nil
        var rows = 0
        while let row = try table.next() {
            rows += 1
            let type = row[old ? "Title type" : "Title Type"]
            switch IMDbTitleTypes.category(of: type) {
            case .film:
                break
            case .notFilm:
                _ = try row.title("Title")
                batch.skippedTitleTypes[type.isEmpty ? "unknown" : type, default: 0] += 1
                continue
            case .unknown:
                _ = try row.title("Title")
                batch.unknownTitleTypes[type.isEmpty ? "(empty)" : type, default: 0] += 1
                continue
            }
            let const = row[old ? "const" : "Const"]
            guard let imdb = FilmIdentifiers.imdb(parsing: const) else { throw row.error("'\(const)' is not an IMDb title id such as tt0076064") }
            let film = try self.film(row, title: "Title", ids: FilmIdentifiers(imdb: imdb))
            let original = row["Original Title"]
            if !original.isEmpty, original != batch.films[film].title, !batch.films[film].alternativeTitles.contains(original),
               TextLimit.title.allows(original) {
                batch.films[film].alternativeTitles.append(original)
            }
            batch.films[film].addFacts(imdbMetadata(row, old: old), from: .imdb)
            if isList {
                _ = try row.day("Created", notAfter: today)
                _ = try row.day("Modified", notAfter: today)
                list?.entries.append(.init(film: film, note: try row.noteText(row.raw("Description")) ?? ""))
            }
            try readIMDbRating(row, film: film, old: old, required: !isList)
        }
        if let list { addList(list) }
        return rows
    }

    /// Directors (in credit order), genres, runtime and release date, as IMDb's exports give
    /// them for every title; a cell left empty is unknown. These cells only feed film facts: a
    /// value that does not read is a warning naming the file, line and column, and that fact
    /// stays unknown (ImportReader.factWarning). The old format names its release date column
    /// differently and writes it month first; it is left out.
    mutating func imdbMetadata(_ row: CSVRow, old: Bool) -> FilmMetadata {
        var metadata = FilmMetadata(directors: names(row, "Directors"), genres: names(row, "Genres"))
        let runtime = row["Runtime (mins)"]
        if !runtime.isEmpty {
            if runtime.count <= 6, let minutes = Int(runtime), minutes >= 0, minutes <= MetadataField.maximumRuntime {
                // IMDb writes 0 for a title whose runtime it does not know.
                metadata.runtime = minutes == 0 ? nil : minutes
            } else {
                factWarning(row, "Runtime (mins)", "is not a number of minutes")
            }
        }
        // Most rows give the day; a title known only by its year ("1997") or month has no day
        // to keep, and its year is the film's own.
        let released = old ? "" : row["Release Date"]
        if !released.isEmpty, !ImportReader.isPartialDate(released) {
            if let day = row.dateReading.day(released) {
                metadata.released = day
            } else {
                factWarning(row, "Release Date", "is not a date")
            }
        }
        return metadata
    }

    /// "1997" or "1997-04": a date IMDb knows only in part.
    static func isPartialDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let digits = { (range: Range<Int>) in bytes[range].allSatisfy { (48...57).contains($0) } }
        return (bytes.count == 4 && digits(0..<4)) || (bytes.count == 7 && digits(0..<4) && bytes[4] == UInt8(ascii: "-") && digits(5..<7))
    }

    /// A rating (1–10 halved to stars) with the day it was given; a rated title is watched, on a
    /// day nobody logged, as Letterboxd's own IMDb importer counts it. A ratings export must
    /// have one on every row; a watchlist or list may.
    private mutating func readIMDbRating(_ row: CSVRow, film: Int, old: Bool, required: Bool) throws {
        guard let value = try row.tenPoint(old ? "You rated" : "Your Rating") else {
            if required { throw row.error("the rating (\(old ? "You rated" : "Your Rating")) is empty; a ratings export rates every title") }
            return
        }
        let ratedAt: String?
        if old {
            let created = row["created"]
            guard let day = IMDbDate.day(created, reading: row.dateReading) else { throw row.error("'\(created)' in created is not a date") }
            if day > today { throw row.error("\(day.iso) in created is in the future (today is \(today.iso))") }
            ratedAt = sharedMidnight(day)
        } else {
            ratedAt = try midnight(row, "Date Rated")
        }
        batch.films[film].inHistory = true
        batch.films[film].rating = ImportedRating(value: value, ratedAt: ratedAt, current: true)
        batch.films[film].addPlaceholder(loggedAt: ratedAt)
    }
}

/// IMDb's title types, as the account's language writes them. The exports name each title's
/// type in the language the account is set to (`Film`, `Serie TV`), or, in older files, in
/// IMDb's own codes (`movie`, `tvSeries`). Types are compared folded: case, accents, hyphens
/// and spaces do not count.
enum IMDbTitleTypes {
    enum Category { case film, notFilm, unknown }

    /// Films: feature films, TV films, shorts, videos (English codes and words, and Italian,
    /// German, French, Spanish and Portuguese).
    static let films: Set<String> = Set([
        "movie", "tvMovie", "short", "video", "Movie", "TV Movie", "Short", "Video", "Feature Film", "Short Film", "Documentary",
        "Film", "Film TV", "Corto", "Cortometraggio", "Video",
        "Fernsehfilm", "TV-Film", "Kurzfilm",
        "Téléfilm", "Court métrage", "Court-métrage", "Vidéo",
        "Película", "Película de TV", "Película para televisión", "Telefilm", "Cortometraje", "Vídeo",
        "Filme", "Filme de TV", "Filme para TV", "Filme para televisão", "Telefilme", "Curta-metragem", "Curta",
    ].map(fold))

    /// Not films: series and their episodes, specials, TV shorts, games, music videos, podcasts.
    static let notFilms: Set<String> = Set([
        "tvSeries", "tvEpisode", "tvMiniSeries", "tvSpecial", "tvShort", "videoGame", "musicVideo", "podcastSeries", "podcastEpisode",
        "TV Series", "TV Episode", "TV Mini Series", "TV Mini-Series", "Mini-Series", "TV Special", "TV Short", "Video Game",
        "Music Video", "Podcast Series", "Podcast Episode",
        "Serie TV", "Mini serie TV", "Miniserie TV", "Episodio TV", "Speciale TV", "Corto TV", "Videogioco", "Video musicale",
        "Fernsehserie", "TV-Serie", "Mini-Serie", "Miniserie", "Fernsehfolge", "Folge", "TV-Episode", "TV-Special",
        "Fernsehspecial", "TV-Kurzfilm", "Videospiel", "Musikvideo",
        "Série TV", "Série télévisée", "Mini-série", "Minisérie", "Épisode TV", "Émission spéciale", "Spécial TV",
        "Court métrage TV", "Jeu vidéo", "Clip vidéo", "Clip",
        "Serie de TV", "Serie de televisión", "Miniserie de TV", "Episodio de TV", "Especial de TV", "Cortometraje de TV",
        "Videojuego", "Videoclip", "Video musical", "Vídeo musical",
        "Série de TV", "Série", "Minissérie", "Minissérie de TV", "Episódio de TV", "Curta-metragem para TV", "Jogo",
        "Videogame", "Jogo eletrônico", "Videoclipe",
    ].map(fold))

    static func category(of type: String) -> Category {
        let key = fold(type)
        if films.contains(key) { return .film }
        if notFilms.contains(key) { return .notFilm }
        return .unknown
    }

    /// "TV Mini-Series", "tvMiniSeries" and "tv mini series" all become "tvminiseries".
    static func fold(_ type: String) -> String {
        type.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
    }

    /// The collection an IMDb watchlist (`imdb-watchlist`) or list (named after its file) becomes.
    static func collection(for kind: ImportKind, path: String) -> ImportedCollection {
        if kind == .imdbWatchlist {
            return ImportedCollection(kind: .list, slug: "imdb-watchlist", title: "IMDb watchlist",
                                      description: "The titles on your IMDb watchlist.", origin: "imdb-watchlist")
        }
        let file = (path as NSString).lastPathComponent
        let name = (file as NSString).deletingPathExtension
        let slug = InputText.slug(fromFileName: name).isEmpty ? "imdb-list" : InputText.slug(fromFileName: name)
        let title = InputText.normalized(name.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces))
        // A file's name is at most 255 bytes; its title keeps what fits the limit.
        var collection = ImportedCollection(kind: .list, slug: slug,
                                            title: title.isEmpty ? slug : String(title.unicodeScalars.prefix(TextLimit.collectionTitle.maximum)),
                                            description: "An IMDb list.", origin: ImportedCollection.origin("imdb-list:", file))
        collection.legacyOrigin = "imdb-list:" + slug
        return collection
    }
}

/// The old IMDb export's dates: "Sat Mar 12 00:00:00 2016" (or a day as the file's other dates).
enum IMDbDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func day(_ text: String, reading: DateReading = .iso) -> Day? {
        if let day = reading.day(text) { return day }
        let parts = text.split(separator: " ")
        guard parts.count == 5, let month = months.firstIndex(of: parts[1].lowercased()),
              let day = Int(parts[2]), let year = Int(parts[4]) else { return nil }
        return Day(year: year, month: month + 1, day: day)
    }
}
