import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// IMDb exports as accounts in other languages, and spreadsheets, write them.
@Suite("import: IMDb in every language, and as a spreadsheet saved it")
struct IMDbWorldTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    static let header = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors"

    /// A ratings export whose rows have these title types, one film a row.
    static func ratings(_ types: [String]) -> String {
        ([header] + types.enumerated().map { index, type in
            "tt10000\(index),8,2024-01-05,Title \(index),Title \(index),https://www.imdb.com/title/tt10000\(index)/,\(type),7,90,2000,Drama,100,2000-01-01,Someone"
        }).joined(separator: "\n") + "\n"
    }

    @Test("film title types are recognised in English (both styles), Italian, German, French, Spanish and Portuguese", arguments: [
        ("English codes", ["movie", "tvMovie", "short", "video"], ["tvSeries", "tvEpisode", "tvMiniSeries", "videoGame"]),
        ("English words", ["Movie", "TV Movie", "Short", "Video"], ["TV Series", "TV Episode", "TV Mini Series", "Video Game"]),
        ("Italian", ["Film", "Film TV", "Corto", "Cortometraggio"], ["Serie TV", "Mini serie TV", "Episodio TV", "Videogioco"]),
        ("German", ["Film", "Fernsehfilm", "Kurzfilm", "Video"], ["Fernsehserie", "Mini-Serie", "Folge", "Videospiel"]),
        ("French", ["Film", "Téléfilm", "Court métrage", "Vidéo"], ["Série TV", "Mini-série", "Épisode TV", "Jeu vidéo"]),
        ("Spanish", ["Película", "Película de TV", "Cortometraje", "Vídeo"], ["Serie de TV", "Miniserie de TV", "Episodio de TV", "Videojuego"]),
        ("Portuguese", ["Filme", "Filme para TV", "Curta-metragem", "Vídeo"], ["Série de TV", "Minissérie", "Episódio de TV", "Jogo"]),
    ])
    func languages(language: String, films: [String], notFilms: [String]) throws {
        let folder = try Fixtures.folder(["ratings.csv": IMDbWorldTests.ratings(films + notFilms)])
        let report = try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(addMissing: true))
        #expect(report.filmsCreated == films.count, "\(language)")
        #expect(report.skippedTitleTypes == Dictionary(uniqueKeysWithValues: notFilms.map { ($0, 1) }), "\(language)")
        #expect(report.unknownTitleTypes.isEmpty, "\(language)")
        #expect(report.warnings.isEmpty, "\(language)")
    }

    @Test("a title type it does not know is skipped, named with its count in a warning, and counted in the summary")
    func unknownType() throws {
        let folder = try Fixtures.folder(["ratings.csv": IMDbWorldTests.ratings(["Film", "Filmszene", "Filmszene", "Serie TV"])])
        let report = try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(addMissing: true))
        #expect(report.filmsCreated == 1)
        #expect(report.unknownTitleTypes == ["Filmszene": 2])
        #expect(report.warnings == ["2 rows of the title type 'Filmszene' were skipped: watchlist does not know whether it is a film."])
        #expect(report.skippedRows == 3)
    }

    @Test("a film from another language's export keeps its Title, with the Original Title as another title that finds it")
    func originalTitleKept() throws {
        let file = IMDbWorldTests.header + "\n"
            + "tt0069293,9,2024-01-05,Solaris,Солярис,https://www.imdb.com/title/tt0069293/,Film,8.0,167,1972,Drama,90000,1972-03-20,Andrei Tarkovsky\n"
        let folder = try Fixtures.folder(["ratings.csv": file])
        _ = try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(addMissing: true))
        let film = try watchlist.show("Солярис")
        #expect(film.film.title == "Solaris")
        #expect(film.alternativeTitles == ["Солярис"])
        #expect(film.ids.imdb == "tt0069293")
    }

    @Test("a watchlist export becomes imdb-watchlist, a list export a collection named after its file; filled ratings count, series do not")
    func watchlistAndLists() throws {
        let header = "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors,Your Rating,Date Rated"
        let rows = [
            "1,tt0079944,2024-01-01,2024-01-01,,Stalker,https://www.imdb.com/title/tt0079944/,movie,8.1,162,1979,Drama,1,1979-05-25,Andrei Tarkovsky,,",
            "2,tt0075404,2024-01-02,2024-01-02,Shepitko,The Ascent,https://www.imdb.com/title/tt0075404/,movie,8.2,111,1977,Drama,1,1977-04-02,Larisa Shepitko,9,2024-02-01",
            "3,tt0903747,2024-01-03,2024-01-03,,Breaking Bad,https://www.imdb.com/title/tt0903747/,tvSeries,9.5,49,2008,Drama,1,2008-01-20,,,",
        ]
        let text = ([header] + rows).joined(separator: "\n") + "\n"
        let folder = try Fixtures.folder(["WATCHLIST.csv": text, "Soviet favourites.csv": text])
        let report = try watchlist.importFiles([folder], options: ImportOptions(addMissing: true))
        #expect(report.files.map(\.kind.rawValue).sorted() == ["imdb list", "imdb watchlist"])
        // The Ascent is the built-in collection's; Stalker is on lists only: no film joins `imdb`.
        #expect(Set(report.collectionsCreated) == ["imdb-watchlist", "soviet-favourites"])
        #expect(try watchlist.collection("imdb-watchlist").films.map(\.film.title) == ["Stalker", "The Ascent"])
        #expect(try watchlist.collection("soviet-favourites").films.map(\.film.title) == ["Stalker", "The Ascent"])
        #expect(try watchlist.show("ascent").rating?.value.halfStars == 9)
        #expect(try watchlist.show("ascent").viewings.map(\.placeholder) == [true], "rated: watched")
        #expect(try watchlist.show("stalker").viewings.isEmpty, "on a watchlist: not watched")
        #expect(report.skippedTitleTypes == ["tvSeries": 2])
        // --no-lists leaves them out.
        let other = try makeWatchlist()
        let none = try other.importFiles([folder], options: ImportOptions(addMissing: true, lists: false))
        #expect(none.files.isEmpty)
        #expect(none.ignoredFiles.map(\.reason) == ["watchlists and lists are left out (--no-lists)", "watchlists and lists are left out (--no-lists)"])
        #expect(try other.collections().map(\.collection.slug) == ["soviet-survival"])
    }

    @Test("a refused file says what it is: an IMDb list export, never 'a imdb'")
    func refusedKind() throws {
        let folder = try Fixtures.folder(["WATCHLIST.csv": "Position,Const,Created,Modified,Description,Title,URL,Title Type,Year\n"])
        #expect(throws: WatchlistError.wrongFormat(source: folder + "/WATCHLIST.csv", kind: "an IMDb watchlist export", actual: .imdb, requested: .letterboxd)) {
            try watchlist.importFiles([folder + "/WATCHLIST.csv"], options: ImportOptions(format: .letterboxd))
        }
        #expect(WatchlistError.wrongFormat(source: "x.csv", kind: "an IMDb list export", actual: .imdb, requested: .letterboxd).localizedDescription
                == "x.csv is an IMDb list export, not a Letterboxd export.")
        #expect(WatchlistError.wrongFormat(source: "x.csv", kind: "a Letterboxd diary file", actual: .letterboxd, requested: .imdb).localizedDescription
                == "x.csv is a Letterboxd diary file, not an IMDb export.")
    }

    @Test("dates a spreadsheet wrote: a first number over 12 reads day first", arguments: [
        // (cells, the reading, what decided it)
        (["4/18/2026", "1/2/2026"], DateReading.monthFirst, "4/18/2026"),
        (["18/4/2026", "1/2/2026"], DateReading.dayFirst, "18/4/2026"),
        (["1/2/2026", "3/4/2026"], DateReading.monthFirst, nil),
    ] as [([String], DateReading, String?)])
    func spreadsheetReading(cells: [String], reading: DateReading, decidedBy: String?) {
        let decision = DateReading.decide(cells)
        #expect(decision.reading == reading)
        #expect(decision.decidedBy == decidedBy)
    }

    @Test("an IMDb export saved by a spreadsheet imports, its dates read once for the whole file, and the report says how")
    func spreadsheetFiles() throws {
        // Quotes dropped where a field needs none, dates as a spreadsheet writes them.
        let base = "Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n"
        let cases: [(String, String, String, String)] = [
            ("tt0075404,9,1/2/2026,The Ascent,https://x,movie,8.2,111,1977,Drama,1,4/2/1977,Larisa Shepitko\ntt0079944,8,4/18/2026,Stalker,https://x,movie,8,162,1979,Drama,1,5/25/1979,Andrei Tarkovsky\n",
             "2026-01-02", "read as M/D/YYYY (4/18/2026 can only be read so)", "month first, decided"),
            ("tt0075404,9,1/2/2026,The Ascent,https://x,movie,8.2,111,1977,Drama,1,4/2/1977,Larisa Shepitko\ntt0079944,8,18/4/2026,Stalker,https://x,movie,8,162,1979,Drama,1,25/5/1979,Andrei Tarkovsky\n",
             "2026-02-01", "read as D/M/YYYY (18/4/2026 can only be read so)", "day first, decided"),
            ("tt0075404,9,1/2/2026,The Ascent,https://x,movie,8.2,111,1977,Drama,1,4/2/1977,Larisa Shepitko\n",
             "2026-01-02", "read as M/D/YYYY (nothing in the file tells the two apart", "undecided"),
        ]
        for (rows, ascentDay, said, name) in cases {
            let watchlist = try makeWatchlist()
            let folder = try Fixtures.folder(["ratings.csv": base + rows])
            let report = try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(addMissing: true))
            #expect(try watchlist.show("ascent").rating?.ratedAt == ascentDay + "T00:00:00Z", "\(name)")
            #expect(report.warnings.contains { $0.contains(said) }, "\(name): \(report.warnings)")
        }
    }
}

@Suite("import: film identity and folding")
struct ImportIdentityTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("two films with one title written two ways and two links stay two films, in one import and across two")
    func rainAndRain() throws {
        let watched = "Date,Name,Year,Letterboxd URI\n2024-04-01,Rain,2019,https://boxd.it/fRa1\n2024-04-02,rain,2019,https://boxd.it/fRa2\n"
        let folder = try Fixtures.folder(["watched.csv": watched])
        let report = try watchlist.importFiles([folder + "/watched.csv"], options: ImportOptions(addMissing: true))
        #expect(report.filmsCreated == 2)
        let rains = try watchlist.list().filter { $0.film.titleKey == "rain" }
        #expect(rains.map(\.film.title) == ["Rain", "rain"])
        #expect(rains.map(\.ids.letterboxd) == ["https://boxd.it/fRa1", "https://boxd.it/fRa2"])
        // A row with another link is never merged with either by its title.
        let third = try Fixtures.folder(["ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-05-01,Rain,2019,https://boxd.it/fRa3,3\n"])
        #expect(try watchlist.importFiles([third + "/ratings.csv"], options: ImportOptions(addMissing: true)).filmsCreated == 1)
        // The same link finds its film whatever its title says.
        let renamed = try Fixtures.folder(["ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-05-01,RAIN!,2019,https://boxd.it/fRa2,4\n"])
        let matched = try watchlist.importFiles([renamed + "/ratings.csv"], options: ImportOptions(addMissing: true))
        #expect(matched.filmsMatched == 1 && matched.filmsCreated == 0)
    }

    @Test("an IMDb id found in a later file finds the film whatever language its title is in")
    func byIMDbId() throws {
        let english = IMDbWorldTests.header + "\ntt0069293,9,2024-01-05,Solaris,Solaris,https://www.imdb.com/title/tt0069293/,movie,8,167,1972,Drama,1,1972-03-20,Andrei Tarkovsky\n"
        let italian = IMDbWorldTests.header + "\ntt0069293,9,2024-01-05,Solaris (it),Солярис,https://www.imdb.com/title/tt0069293/,Film,8,167,1972,Drama,1,1972-03-20,Andrei Tarkovsky\n"
        _ = try watchlist.importFiles([try Fixtures.folder(["ratings.csv": english]) + "/ratings.csv"], options: ImportOptions(addMissing: true))
        let second = try watchlist.importFiles([try Fixtures.folder(["ratings.csv": italian]) + "/ratings.csv"], options: ImportOptions(addMissing: true))
        #expect(second.filmsMatched == 1 && second.filmsCreated == 0)
    }

    @Test("letters that do not decompose fold as people type them: ø, æ, œ, ß, ł, đ, ð, þ, ı", arguments: [
        ("Utøya: July 22", "utoya july 22"), ("Æon Flux", "aeon flux"), ("Œdipe", "oedipe"), ("Straße", "strasse"),
        ("Łódź", "lodz"), ("Đorđe", "dorde"), ("Ðað", "dad"), ("Þór", "thor"), ("Işık", "isik"),
    ])
    func folding(title: String, key: String) {
        #expect(TitleKey.fold(title) == key)
    }

    @Test("show utoya finds Utøya (2018)")
    func utoya() throws {
        let folder = try Fixtures.folder(["watched.csv": "Date,Name,Year,Letterboxd URI\n2024-01-01,Utøya: July 22,2018,https://boxd.it/fUto\n"])
        _ = try watchlist.importFiles([folder + "/watched.csv"], options: ImportOptions(addMissing: true))
        #expect(try watchlist.show("utoya").film.title == "Utøya: July 22")
    }

    @Test("schema v5 folds the stored keys of titles with such letters, so a database from before finds them")
    func storedKeysFolded() throws {
        let path = try temporaryFolder() + "/old.sqlite"
        // As version 4 folded it: ø kept.
        try makeOlderDatabase(path, version: 4, then: [
            "INSERT INTO film (title, year, description, fact, titleKey) VALUES ('Utøya: July 22', 2018, '', '', 'utøya july 22')",
        ])
        let upgraded = Watchlist(database: try AppDatabase.open(path: path, seed: BuiltInCollection.seed, now: Timestamp.iso(testNow)),
                                 clock: .fixed(testNow))
        #expect(try upgraded.resolve("utoya").title == "Utøya: July 22")
    }

    @Test("a viewing before the film's year is accepted and named in the report")
    func earlyViewing() throws {
        let folder = try Fixtures.folder(["diary.csv": Fixtures.diaryHeader + "\n2023-01-02,Late Film,2024,https://boxd.it/e1,4,,,2023-01-01\n"])
        let report = try watchlist.importFiles([folder + "/diary.csv"], options: ImportOptions(addMissing: true))
        #expect(report.added.viewings == 1)
        #expect(report.warnings == ["\(folder)/diary.csv, line 2: Late Film (2024) watched on 2023-01-01, before its year."])
    }

    @Test("the report never says nothing is new when rows were skipped")
    func skippedRowsSummary() throws {
        let folder = try Fixtures.folder(["ratings.csv": IMDbWorldTests.ratings(["TV Series"])])
        let report = try watchlist.importFiles([folder + "/ratings.csv"])
        #expect(!report.changedAnything)
        #expect(report.skippedRows == 1)
    }
}
