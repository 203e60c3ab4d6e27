import Foundation

/// IMDb's exports of every era, in any of the languages an account can be set to, and as a
/// spreadsheet saved them:
/// - today's ratings (the 13-column header, the 14-column one with Original Title), watchlist
///   and lists (`Position,Const,Created,…`);
/// - late 2017's ratings (`Const,Your Rating,Date Added,…`, dates like `Fri Jul 17 14:06:03 UTC 2015`);
/// - the format before late 2017 (16 quoted columns: `"position","const","created",…,"You rated",…`),
///   one format for ratings, lists, the watchlist and check-ins, told apart by the file's name.
extension ImportReader {
    mutating func readIMDb(_ table: inout CSVTable, source: ImportSource, kind: ImportKind) throws -> Int {
        let old = [.imdbRatingsOld, .imdbWatchlistOld, .imdbListOld, .imdbCheckins].contains(kind)
        // Every date column of the file says how a spreadsheet wrote them (the release dates
        // too: one spreadsheet wrote them all); the old format's release dates say their order.
        try prepareDates(&table, columns: old ? ["created", "modified"] : kind == .imdbRatingsDateAdded ? ["Date Added"]
                            : ["Date Rated", "Created", "Modified", "Release Date"])
        let list: ImportedCollection? = switch kind {
        case .imdbWatchlist, .imdbWatchlistOld: IMDbTitleTypes.collection(watchlist: true, source: source)
        case .imdbList, .imdbListOld: IMDbTitleTypes.collection(watchlist: false, source: source)
        default: nil
        }
        var entries: [ImportedCollection.Entry] = []
        let typeColumn = old ? "Title type" : "Title Type"
        var rows = 0
        while let row = try table.next() {
            rows += 1
            let type = row[typeColumn]
            switch IMDbTitleTypes.category(of: type) {
            case .film:
                break
            case .notFilm:
                _ = try row.title("Title")
                batch.skippedTitleTypes[type, default: 0] += 1
                continue
            case .unknown:
                _ = try row.title("Title")
                batch.unknownTitleTypes[type.isEmpty ? "(empty)" : type, default: 0] += 1
                continue
            }
            let const = row[old ? "const" : "Const"]
            guard let imdb = FilmIdentifiers.imdb(parsing: const) else { throw row.error("'\(const.prefix(40))' is not an IMDb title id such as tt0076064") }
            let film = try self.film(row, title: "Title", ids: FilmIdentifiers(imdb: imdb))
            let original = row["Original Title"]
            if !original.isEmpty, original != batch.films[film].title, !batch.films[film].alternativeTitles.contains(original),
               TextLimit.title.allows(original) {
                batch.films[film].alternativeTitles.append(original)
            }
            batch.films[film].addFacts(imdbMetadata(row, old: old), from: .imdb)
            if list != nil {
                entries.append(.init(film: film, note: try row.noteText(row.raw(old ? "description" : "Description"), limit: .entryNote) ?? ""))
            }
            switch kind {
            case .imdbCheckins:
                // Every row of a check-ins file is a viewing, on its `created` day.
                let day = try oldDay(row, "created")
                batch.films[film].inHistory = true
                batch.films[film].viewings.append(ImportedViewing(watchedOn: day, rewatch: false, loggedAt: sharedMidnight(day), rewatchUnknown: true))
                noteEarly(day, of: film, at: row)
                try readIMDbRating(row, film: film, column: "You rated", ratedOn: day, required: false, current: true)
            case .imdbRatingsOld:
                try readIMDbRating(row, film: film, column: "You rated", ratedOn: try oldDay(row, "created"), required: true, current: true)
            case .imdbWatchlistOld, .imdbListOld:
                // A list's rating has no day of its own: it never wins over a dated rating.
                try readIMDbRating(row, film: film, column: "You rated", ratedOn: nil, required: false, current: false)
            case .imdbRatingsDateAdded:
                try readIMDbRating(row, film: film, column: "Your Rating", ratedOn: try oldDay(row, "Date Added"), required: true, current: true)
            default:
                let dated = try row.day("Date Rated", notAfter: today)
                try readIMDbRating(row, film: film, column: "Your Rating", ratedOn: dated, required: list == nil, current: true)
            }
        }
        if var list {
            list.entries = entries
            addList(list)
        }
        return rows
    }

    /// A day as IMDb's older exports write it (`Sat Feb 16 20:50:11 2013`, `Fri Jul 17 14:06:03 UTC 2015`),
    /// or as the file's other dates are; it may not be empty, nor after today.
    private func oldDay(_ row: CSVRow, _ column: String) throws -> Day {
        let text = row[column]
        guard let day = IMDbDate.day(text, reading: row.dateReadings[column], todayYear: today.year) else {
            throw row.error("'\(text.prefix(40))' in \(column) is not a date")
        }
        if day > today { throw row.error("\(day.iso) in \(column) is in the future (today is \(today.iso))") }
        return day
    }

    /// Directors (in credit order), genres, runtime and release date, as IMDb's exports give
    /// them for every title; a cell left empty is unknown. These cells only feed film facts: a
    /// value that does not read is a warning naming the file, line and column, and that fact
    /// stays unknown (ImportReader.factWarning). The old format's release date is written as a
    /// day or month first.
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
        let column = old ? "Release Date (month/day/year)" : "Release Date"
        let released = row[column]
        if !released.isEmpty, !ImportReader.isPartialDate(released) {
            if let day = Day(iso: released) ?? (old ? DateReading.monthFirst : row.dateReadings[column]).day(released, todayYear: today.year) {
                metadata.released = day
            } else {
                factWarning(row, column, "is not a date")
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

    /// A rating (1–10 halved to stars) with the day it was given (nil when the file does not
    /// say); a rated title is watched, on a day nobody logged, as Letterboxd's own IMDb
    /// importer counts it. A ratings export must have one on every row; a watchlist, list or
    /// check-ins file may.
    private mutating func readIMDbRating(_ row: CSVRow, film: Int, column: String, ratedOn day: Day?, required: Bool, current: Bool) throws {
        guard let value = try row.tenPoint(column) else {
            if required { throw row.error("the rating (\(column)) is empty; a ratings export rates every title") }
            return
        }
        var ratedAt: String?
        if let day { ratedAt = sharedMidnight(day) }
        batch.films[film].inHistory = true
        offerRating(ImportedRating(value: value, ratedAt: ratedAt, current: current), to: film)
        batch.films[film].addPlaceholder(loggedAt: ratedAt)
    }
}

/// IMDb's title types, as the account's language writes them. The exports name each title's
/// type in the language the account is set to (`Film`, `Serie TV`), or, in older files, in
/// IMDb's own codes (`movie`, `tvSeries`). Types are compared folded: case, accents, hyphens
/// and spaces do not count.
enum IMDbTitleTypes {
    /// Whether an old-format list rates every row it has (at least one): a ratings export saved
    /// under another name, whose `created` is then the day of each rating.
    static func everyRowRated(_ table: CSVTable) throws -> Bool {
        var scan = table
        var rows = 0
        while let row = try scan.next() {
            if row["You rated"].isEmpty { return false }
            rows += 1
        }
        return rows > 0
    }

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
    static func collection(watchlist: Bool, source: ImportSource) -> ImportedCollection {
        if watchlist {
            return ImportedCollection(kind: .list, slug: "imdb-watchlist", title: "IMDb watchlist",
                                      description: "The titles on your IMDb watchlist.", origin: "imdb-watchlist")
        }
        let file = source.place.isEmpty ? "imdb-list.csv" : (source.place as NSString).lastPathComponent
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

/// The older IMDb exports' dates: "Sat Mar 12 00:00:00 2016", "Fri Jul 17 14:06:03 UTC 2015"
/// (or a day as the file's other dates).
enum IMDbDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func day(_ text: String, reading: DateReading = .iso, todayYear: Int = 9999) -> Day? {
        if let day = reading.day(text, todayYear: todayYear) { return day }
        let parts = text.split(separator: " ")
        guard parts.count == 5 || parts.count == 6, let month = months.firstIndex(of: parts[1].lowercased()),
              parts[2].count <= 2, let day = Int(parts[2]), let year = parts.last.flatMap({ $0.count == 4 ? Int($0) : nil }) else { return nil }
        return Day(year: year, month: month + 1, day: day)
    }
}
