/// Letterboxd's export files, of every year, and its import format.
extension ImportReader {
    mutating func readLetterboxd(_ table: inout CSVTable, kind: ImportKind) throws -> Int {
        try prepareDates(&table, columns: ["Date", "Watched Date", "WatchedDate"])
        var watchlist = ImportedCollection(kind: .list, slug: "letterboxd-watchlist", title: "Letterboxd watchlist",
                                           description: "The films on your Letterboxd watchlist.", origin: "letterboxd-watchlist")
        var rows = 0
        while let row = try table.next() {
            rows += 1
            switch kind {
            case .letterboxdDiary: try readDiary(row)
            case .letterboxdReviews: try readReview(row)
            case .letterboxdRatings:
                let film = try historyFilm(row, ids: filmLink(row))
                guard let value = try row.stars("Rating") else { throw row.error("the Rating is empty") }
                letterboxd.ratingsFileRating[film] = ImportedRating(value: value, ratedAt: try midnight(row, "Date"), current: true)
            case .letterboxdWatched:
                let film = try historyFilm(row, ids: filmLink(row))
                batch.films[film].addPlaceholder(loggedAt: try midnight(row, "Date"))
            case .letterboxdLikes:
                addTags(["liked"], to: try historyFilm(row, ids: filmLink(row)))
            case .letterboxdWatchlist:
                let film = try self.film(row, title: "Name", ids: filmLink(row))
                _ = try row.day("Date", notAfter: today)
                watchlist.entries.append(.init(film: film, note: ""))
            case .letterboxdImport:
                try readImportFormat(row)
            default:
                break
            }
        }
        if kind == .letterboxdWatchlist { addList(watchlist) }
        return rows
    }

    /// A diary row: a viewing on its Watched Date, logged on its Date, with its tags; its
    /// rating counts when it is the film's latest diary row and ratings.csv has none.
    private mutating func readDiary(_ row: CSVRow) throws {
        let film = try historyFilm(row, ids: entryFilmLink(row))
        guard let day = try row.day("Watched Date", notAfter: today) else { throw row.error("the Watched Date is empty") }
        let loggedOn = try row.day("Date", notAfter: today)
        // Exports before 2018 have no Rewatch column: a film's second dated entry is a rewatch,
        // decided once every row is read (`settleRewatches`).
        let rewatch: Bool? = row.has("Rewatch") ? row["Rewatch"].lowercased() == "yes" : nil
        batch.films[film].viewings.append(ImportedViewing(watchedOn: day, rewatch: rewatch ?? false, loggedOn: loggedOn, rewatchUnknown: rewatch == nil))
        noteEarly(day, of: film, at: row)
        addTags(try row.tags("Tags"), to: film)
        if let value = try row.stars("Rating") {
            if letterboxd.latestDiaryRating.count <= film {
                letterboxd.latestDiaryRating += repeatElement(DiaryRating(day: day, line: 0, halfStars: 0, loggedOn: nil), count: film + 1 - letterboxd.latestDiaryRating.count)
            }
            let latest = letterboxd.latestDiaryRating[film]
            if latest.halfStars == 0 || (latest.day, latest.line) < (day, Int32(clamping: row.line)) {
                letterboxd.latestDiaryRating[film] = DiaryRating(day: day, line: Int32(clamping: row.line), halfStars: UInt8(value.halfStars), loggedOn: loggedOn)
            }
        }
    }

    /// A review row: a note made plain text from Letterboxd's HTML, which remembers the entry
    /// (the row's link) so that a later export's edit of it updates the note; and its tags. The
    /// viewing is the diary's.
    private mutating func readReview(_ row: CSVRow) throws {
        let film = try historyFilm(row, ids: entryFilmLink(row))
        if let text = try row.noteText(ReviewText.plain(row.raw("Review"))) {
            let created = try midnight(row, "Date")
            let entry = try row.text("Letterboxd URI", .noteSource)
            batch.films[film].notes.append(ImportedNote(text: text, createdAt: created, source: entry.isEmpty ? nil : entry))
        }
        addTags(try row.tags("Tags"), to: film)
    }

    /// Letterboxd's import format. A row with a WatchedDate is a viewing; a row without one is
    /// "watched" (a placeholder) when its Rewatch cell is filled, and only the film's rating,
    /// tags and review otherwise (how `export --format letterboxd` tells the two apart).
    private mutating func readImportFormat(_ row: CSVRow) throws {
        var ids = FilmIdentifiers()
        if !row["LetterboxdURI"].isEmpty { ids.letterboxd = FilmIdentifiers.letterboxd(parsing: row["LetterboxdURI"]) }
        if !row["imdbID"].isEmpty {
            guard let imdb = FilmIdentifiers.imdb(parsing: row["imdbID"]) else { throw row.error("'\(row["imdbID"])' in imdbID is not an IMDb id such as tt0076064") }
            ids.imdb = imdb
        }
        if !row["tmdbID"].isEmpty {
            guard let tmdb = FilmIdentifiers.tmdb(parsing: row["tmdbID"]) else { throw row.error("'\(row["tmdbID"])' in tmdbID is not a TMDB id") }
            ids.tmdb = tmdb
        }
        let film = try historyFilm(row, title: row.has("Title") ? "Title" : "Name", ids: ids)
        let rewatch = row["Rewatch"].lowercased()
        guard ["", "true", "false", "yes", "no"].contains(rewatch) else {
            throw row.error("'\(row["Rewatch"])' in Rewatch is not true or false")
        }
        let isRewatch = rewatch == "true" || rewatch == "yes"
        if let day = try row.day("WatchedDate", notAfter: today) ?? row.day("Watched Date", notAfter: today) {
            batch.films[film].viewings.append(ImportedViewing(watchedOn: day, rewatch: isRewatch, loggedAt: nil))
            noteEarly(day, of: film, at: row)
        } else if !rewatch.isEmpty {
            batch.films[film].addPlaceholder(rewatch: isRewatch)
        }
        let stars: StarRating?
        do {
            stars = try row.stars("Rating")
        } catch {
            // A converter that wrote a ten-point scale in Rating (Letterboxd's column for it is Rating10).
            if let number = Double(row["Rating"]), number > 5, number <= 10 {
                throw row.error("'\(row["Rating"])' in Rating is not a rating from 0.5 to 5 in steps of 0.5: a 1–10 scale? "
                                + "call the column Rating10, or read the file with --columns 'title=Title,year=Year,watched=WatchedDate,rating=Rating/10'")
            }
            throw error
        }
        if let value = try stars ?? row.tenPoint("Rating10") {
            offerRating(ImportedRating(value: value, ratedAt: nil), to: film)
        }
        addTags(try row.tags("Tags"), to: film)
        // Letterboxd's import format may name the directors (comma-separated): its own facts.
        batch.films[film].addFacts(FilmMetadata(directors: names(row, "Directors")), from: .letterboxd)
        if let text = try row.noteText(row.raw("Review")), !batch.films[film].notes.contains(where: { $0.text == text }) {
            batch.films[film].notes.append(ImportedNote(text: text, createdAt: nil))
        }
    }

    // MARK: Helpers the readers share

    /// The film a row names by its title column and Year.
    mutating func film(_ row: CSVRow, title column: String = "Name", ids: FilmIdentifiers = FilmIdentifiers()) throws -> Int {
        let title = try row.title(column)
        let year = try row.year("Year")
        return position(title: title, year: year, ids: ids, place: row.origin)
    }

    /// `film`, for a file of the person's history: a film created from it joins the source's collection.
    mutating func historyFilm(_ row: CSVRow, title column: String = "Name", ids: FilmIdentifiers = FilmIdentifiers()) throws -> Int {
        let position = try film(row, title: column, ids: ids)
        batch.films[position].inHistory = true
        return position
    }

    /// The film link of a ratings, watched, watchlist, likes or list row: a film's link
    /// (`boxd.it/…`, `letterboxd.com/film/<slug>/`), or the film an entry's link names by its
    /// slug (`letterboxd.com/<user>/film/<slug>/`, as exports before 2018 wrote them).
    func filmLink(_ row: CSVRow, column: String = "Letterboxd URI") -> FilmIdentifiers {
        FilmIdentifiers(letterboxd: FilmIdentifiers.letterboxd(parsing: row[column]) ?? FilmIdentifiers.letterboxd(entry: row[column]))
    }

    /// The film a diary or reviews row's link names: that link is the entry's, never the film's
    /// id; an entry's full link (`letterboxd.com/<user>/film/<slug>/[n/]`) names its film by
    /// the slug, a short one (`boxd.it/…`) names nothing.
    func entryFilmLink(_ row: CSVRow) -> FilmIdentifiers {
        FilmIdentifiers(letterboxd: FilmIdentifiers.letterboxd(entry: row["Letterboxd URI"]))
    }

    /// A viewing before the film's year is accepted (festival screenings come before release
    /// years) and named in the report.
    mutating func noteEarly(_ day: Day, of film: Int, at row: CSVRow) {
        guard let year = batch.films[film].year, day.year < year else { return }
        let title = batch.films[film].title
        warn("\(row.origin): \(FilmDraft.displayTitle(title, year)) watched on \(day.iso), before its year.")
    }

    /// Decides how the file writes its dates when its first rows write one as a spreadsheet
    /// does, each column from all its values, and says in the report which reading it used and
    /// why.
    mutating func prepareDates(_ table: inout CSVTable, columns: [String]) throws {
        // The first rows that give a date say whether a spreadsheet wrote them; only then is the
        // whole file read once more to decide how.
        var peek = table
        var first: CSVRow?
        for _ in 0..<50 {
            guard let row = try peek.next() else { break }
            if columns.contains(where: { DateReading.parts(row[$0]) != nil }) { first = row; break }
        }
        guard let first else { return }
        let decidedBy = try table.decideDateReadings(columns)
        let example = first[columns.first { DateReading.parts(first[$0]) != nil } ?? columns[0]]
        let readings = Set(table.dateReadings.byColumn.values)
        let how: String
        if decidedBy.isEmpty {
            how = "nothing in the file tells the two apart, so the usual spreadsheet reading"
        } else if readings.count == 1 {
            how = "\(decidedBy[0].cell) can only be read so"
        } else {
            how = "column by column: " + table.dateReadings.byColumn.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.rawValue)" }.joined(separator: ", ")
        }
        let reading = readings.count == 1 ? readings.first!.rawValue : "each column's order"
        warn("\(table.source.oneLine): dates such as \(example) read as \(reading) (\(how)).")
    }
}
