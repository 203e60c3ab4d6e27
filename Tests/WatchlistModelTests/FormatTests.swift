import Foundation
import Testing
@testable import WatchlistModel

// The readers, the exports, FilmQuery and ReviewText, on bytes and values: no database.

/// Reads `files` (place, text) as one import of an export's folder, as of 2026-11-26.
private func read(_ files: [(String, String)], alone: Bool = false) throws -> ImportBatch {
    var reader = ImportReader(today: "2026-11-26")
    for (place, text) in files {
        let source = alone ? ImportSource(file: "/home/someone/../Downloads/" + place, bytes: Array(text.utf8))
            : ImportSource(name: "export/" + place, place: place, inExport: true, bytes: Array(text.utf8))
        try reader.read(source, format: .auto)
    }
    return reader.finish()
}

private func film(_ batch: ImportBatch, _ title: String) -> ImportedFilm? {
    batch.films.first { $0.title == title }
}

@Suite("readers, on bytes")
struct ReaderTests {
    @Test("a Letterboxd diary of before 2018 (no Rewatch column, entry links): a second dated entry is a rewatch")
    func oldLetterboxdDiary() throws {
        let batch = try read([("diary.csv", """
            Date,Name,Year,Letterboxd URI,Rating,Tags,Watched Date
            2016-01-02,The Ascent,1977,https://letterboxd.com/someone/film/the-ascent/,4.5,,2016-01-01
            2017-03-02,The Ascent,1977,https://letterboxd.com/someone/film/the-ascent/1/,5,"war, snow",2017-03-01
            """)])
        let ascent = try #require(film(batch, "The Ascent"))
        #expect(ascent.viewings.map(\.watchedOn) == ["2016-01-01", "2017-03-01"])
        #expect(ascent.viewings.map(\.rewatch) == [false, true])
        #expect(ascent.ids.letterboxd == "https://letterboxd.com/film/the-ascent/", "an entry link names the film by its slug")
        #expect(ascent.rating?.value.halfStars == 10)
        #expect(ascent.tags == ["war", "snow"])
    }

    @Test("IMDb's format of before 2017: check-ins are dated viewings; a rating anywhere rates the film")
    func oldIMDb() throws {
        let header = #""position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL""#
        let batch = try read([("CHECKINS.csv", header + "\n" + """
            "1","tt0075404","Sat Feb 16 20:50:11 2013","Sat Feb 16 20:50:11 2013","","The Ascent","Feature Film","Larisa Shepitko","9","8.3","111","1977","drama, war","20000","1977-04-02","http://www.imdb.com/title/tt0075404/"
            "2","tt0000002","Sun Feb 17 10:00:00 2013","Sun Feb 17 10:00:00 2013","","A Series","TV Series","","","7.0","","1990","","10","","http://www.imdb.com/title/tt0000002/"
            """)])
        let ascent = try #require(film(batch, "The Ascent"))
        #expect(ascent.ids.imdb == "tt0075404")
        #expect(ascent.viewings.filter { !$0.placeholder }.map(\.watchedOn) == ["2013-02-16"])
        #expect(ascent.viewings.filter { $0.placeholder }.allSatisfy { $0.watchedOn == nil },
                "the rating's \"watched\" is a placeholder, which the dated check-in replaces")
        #expect(ascent.rating?.value.halfStars == 9)
        #expect(batch.skippedTitleTypes["TV Series"] == 1)
        #expect(batch.films.count == 1)
    }

    @Test("a value that only feeds a film fact does not refuse the file: a warning names the file, line and column")
    func factWarning() throws {
        let batch = try read([("ratings.csv", """
            Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
            tt0075404,9,2024-01-01,The Ascent,Voskhozhdenie,https://www.imdb.com/title/tt0075404/,Movie,8.3,long,1977,Drama,20000,not a date,Larisa Shepitko
            """)])
        let ascent = try #require(film(batch, "The Ascent"))
        #expect(ascent.rating?.value.halfStars == 9)
        #expect(batch.warnings.contains { $0.contains("line 2") && $0.contains("Runtime (mins)") }, "\(batch.warnings)")
    }

    @Test("a file's place is its own name: folders above it, .. and dot-folders change nothing")
    func placeIsItsName() throws {
        let batch = try read([("ratings.csv", """
            Date,Name,Year,Letterboxd URI,Rating
            2024-01-01,The Ascent,1977,https://boxd.it/2b0q,4
            """)], alone: true)
        #expect(batch.files.map(\.kind) == [.letterboxdRatings])
        #expect(film(batch, "The Ascent")?.rating?.value.halfStars == 8)
    }

    @Test("UTF-16 with a byte-order mark reads as UTF-8 does")
    func utf16() throws {
        let text = "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Андрей Рублёв,1966,https://boxd.it/2b0r,5\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var reader = ImportReader(today: "2026-11-26")
        try reader.read(ImportSource(name: "ratings.csv", place: "ratings.csv", inExport: true, bytes: bytes), format: .auto)
        let batch = reader.finish()
        #expect(batch.films.map(\.title) == ["Андрей Рублёв"])
    }

    @Test("a diary row with a day that is not one refuses the file with 65's error, naming the line")
    func refusedDay() throws {
        #expect {
            _ = try read([("diary.csv", """
                Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
                2024-01-02,The Ascent,1977,https://boxd.it/2b0q,4,,,2024-02-30
                """)])
        } throws: { error in
            guard case WatchlistError.malformedFile(_, let line, _) = error else { return false }
            return line == 2
        }
    }
}

@Suite("ReviewText")
struct ReviewTextTests {
    @Test("Letterboxd's review HTML becomes plain text", arguments: [
        ("<p>Snow.</p><p>Silence.</p>", "Snow.\n\nSilence."),
        ("One<br />two<BR>three", "One\ntwo\nthree"),
        ("Tom &amp; Jerry &lt;3 &#8217;s &#x2014; &hellip;", "Tom & Jerry <3 ’s — …"),
        ("<i>Bleak</i> and <b>cold</b>", "Bleak and cold"),
        ("&unknown; &#0; & alone", "&unknown; &#0; & alone"),
    ])
    func plain(html: String, text: String) {
        #expect(ReviewText.plain(html).trimmingCharacters(in: .whitespacesAndNewlines) == text)
    }
}

/// Films held in an array, for FilmQuery.
struct Shelf: FilmLookup {
    var films: [Film]
    init(_ titles: [(String, Int?)]) {
        films = titles.enumerated().map { index, entry in
            Film(id: Int64(index + 1), title: entry.0, year: entry.1, description: "", fact: "", titleKey: TitleKey.fold(entry.0))
        }
    }
    func film(number: Int64) throws -> Film? { films.first { $0.number == number } }
    func films(titleKey: String) throws -> [Film] { films.filter { $0.titleKey == titleKey } }
    func films(titleKeyContaining fragment: String, limit: Int) throws -> [Film] {
        Array(films.filter { $0.titleKey.split(separator: " ").contains { $0.hasPrefix(fragment) } }.prefix(limit))
    }
    func allFilms() throws -> [Film] { films }
}

@Suite("FilmQuery")
struct FilmQueryValueTests {
    let shelf = Shelf([("The Ascent", 1977), ("The Red Tent", 1969), ("1917", 2019), ("The Star", 1949), ("The Star", 2002),
                       ("Andrei Rublev", 1966)])

    @Test("an id, a title in any case and accent, a title with its year, a part only one title has",
          arguments: [("1", 1), ("the ascent", 1), ("ASCENT", 1), ("The Star (2002)", 5), ("red tent", 2), ("1917", 3),
                      ("andréi rublëv", 6), ("  the ascent  ", 1)])
    func resolves(reference: String, id: Int64) throws {
        #expect(try FilmQuery.resolve(reference, in: shelf).id == id)
    }

    @Test("a title several films have is refused with each of them; an empty one, and one no film has, too",
          arguments: ["The Star", "", "#3", "-1", "no such film"])
    func refused(reference: String) {
        #expect(throws: WatchlistError.self) { try FilmQuery.resolve(reference, in: shelf) }
    }
}

@Suite("exports, on values")
struct ExportValueTests {
    /// Writes films through `format`'s writer and returns the text.
    private func export(_ format: ExportFormat, _ films: [FilmDetail]) throws -> String {
        let path = NSTemporaryDirectory() + "watchlist-model-export-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        let output = TextOutput(descriptor: descriptor, name: path)
        var writer = format.makeWriter(output)
        try writer.begin(exportedAt: "2026-11-26T12:00:00Z", collections: [])
        for film in films { try writer.add(film) }
        try writer.finish()
        try output.flush()
        close(descriptor)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    private let hostile: FilmDetail = {
        let film = Film(id: 1, title: "<b>*Ascent*</b>, \"the\" | #1", year: 1977, description: "", fact: "", titleKey: "ascent")
        return FilmDetail(film: film, collections: [], viewings: [
            Viewing(id: 1, filmId: 1, watchedOn: "2024-01-01", rewatch: false, loggedAt: "2024-01-01T00:00:00Z"),
            Viewing(id: 2, filmId: 1, watchedOn: "2025-01-01", rewatch: true, loggedAt: "2025-01-01T00:00:00Z"),
        ], rating: Rating(filmId: 1, value: StarRating(halfStars: 9)!, ratedAt: "2024-01-01T00:00:00Z"),
        notes: [Note(id: 1, filmId: 1, text: "Line one,\n\"quoted\" <script>", createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-01-01T00:00:00Z")],
        tags: ["war", "snow"])
    }()

    @Test("Letterboxd's CSV: one row per viewing, quoted where needed, the rating as a decimal, the note once")
    func letterboxd() throws {
        let text = try export(.letterboxd, [hostile])
        #expect(text.hasPrefix("Title,Year,imdbID,tmdbID,LetterboxdURI,Rating,WatchedDate,Rewatch,Tags,Review\r\n"), "CSV's own line ends")
        #expect(text.contains(#""<b>*Ascent*</b>, ""the"" | #1",1977"#))
        #expect(text.contains(",4.5,2024-01-01,false,"))
        #expect(text.contains(",4.5,2025-01-01,true,"))
        #expect(text.components(separatedBy: "<script>").count == 2, "the note is written once")
    }

    @Test("Markdown escapes what it would read as markup; HTML escapes everything")
    func markup() throws {
        let markdown = try export(.markdown, [hostile])
        #expect(markdown.contains(##"\<b\>\*Ascent\*\</b\>, "the" \| \#1"##), "\(markdown)")
        let html = try export(.html, [hostile])
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>*Ascent"))
        #expect(html.contains("&lt;b&gt;*Ascent*&lt;/b&gt;"))
    }

    @Test("the JSON export reads back as the same films, ratings, viewings, notes and tags")
    func jsonRoundTrip() throws {
        let text = try export(.json, [hostile])
        var reader = ImportReader(today: "2026-11-26")
        try reader.read(ImportSource(name: "export.json", place: "export.json", inExport: false, bytes: Array(text.utf8)), format: .auto)
        let batch = reader.finish()
        let film = try #require(batch.films.first)
        #expect(batch.films.count == 1)
        #expect(film.title == hostile.film.title)
        #expect(film.rating?.value.halfStars == 9)
        #expect(film.viewings.map(\.watchedOn) == ["2024-01-01", "2025-01-01"])
        #expect(film.notes.map(\.text) == ["Line one,\n\"quoted\" <script>"])
        #expect(Set(film.tags) == ["war", "snow"])
    }
}
