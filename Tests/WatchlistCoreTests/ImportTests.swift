import Foundation
import Testing
import ZIPFoundation
@testable import WatchlistCore
@testable import WatchlistModel

/// Hand-written files in the formats of real exports, with their quirks.
enum Fixtures {
    static let diaryHeader = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date"

    /// CRLF line ends, a byte-order mark, a title with a comma and quotes, an empty Year, a
    /// non-ASCII title, a rewatch, half stars, tags, and The Ascent of the built-in collection.
    static let diary = "\u{FEFF}" + [
        diaryHeader,
        "2024-01-02,The Ascent,1977,https://boxd.it/a1,4.5,,\"war, winter\",2024-01-01",
        "2024-02-02,The Ascent,1977,https://boxd.it/a2,5,Yes,,2024-02-01",
        "2024-03-02,\"Crouching Tiger, \"\"Hidden\"\" Dragon\",2000,https://boxd.it/a3,3.5,,,2024-03-01",
        "2024-04-02,\"One of the Roughs, a Kosmos\",,https://boxd.it/a4,,,,2024-04-01",
        "2024-05-02,Amélie,2001,https://boxd.it/a5,0.5,,,2024-05-01",
    ].joined(separator: "\r\n") + "\r\n"

    // Film links (ratings, watched, likes, watchlist) are the film's, the same in every file
    // of an export; diary and review links are the entry's.
    static let ratings = """
        Date,Name,Year,Letterboxd URI,Rating
        2024-06-01,Amélie,2001,https://boxd.it/fAm,2
        2024-06-01,Stalker,1979,https://boxd.it/fSt,5

        """

    static let watched = """
        Date,Name,Year,Letterboxd URI
        2024-01-02,The Ascent,1977,https://boxd.it/fAs
        2024-06-01,Stalker,1979,https://boxd.it/fSt

        """

    static let watchlist = "Date,Name,Year,Letterboxd URI\n2024-01-01,Solaris,1972,https://boxd.it/fSo\n2024-01-01,Mirror,1975,https://boxd.it/fMi\n"
    static let likes = "Date,Name,Year,Letterboxd URI\n2024-01-01,The Ascent,1977,https://boxd.it/fAs\n"

    /// HTML and line breaks inside a review.
    static let reviews = """
        Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date
        2024-01-02,The Ascent,1977,https://boxd.it/f1,4.5,,"<p>Bleak &amp; <i>beautiful</i>.</p><p>Second<br />line &#8212; &quot;end&quot;</p>",arctic,2024-01-01

        """

    static let imdb13 = """
        Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
        tt0075404,9,2024-01-05,The Ascent,https://www.imdb.com/title/tt0075404/,movie,8.2,111,1977,"Drama, War",20000,1977-04-02,Larisa Shepitko
        tt0903747,10,2024-01-06,Breaking Bad,https://www.imdb.com/title/tt0903747/,tvSeries,9.5,49,2008,"Crime, Drama",2000000,2008-01-20,
        tt0000001,7,2024-01-07,A Short One,https://www.imdb.com/title/tt0000001/,short,6.0,5,1999,Short,10,1999-01-01,Someone
        tt0000002,6,2024-01-08,Pilot,https://www.imdb.com/title/tt0000002/,tvEpisode,7.0,42,2010,Drama,10,2010-01-01,Someone

        """

    static let imdb14 = """
        Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
        tt0064840,8,2024-02-01,Red Tent,The Red Tent,https://www.imdb.com/title/tt0064840/,movie,7.0,121,1969,Adventure,5000,1969-12-23,Mikhail Kalatozov

        """

    static let imdbOld = """
        "position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL"
        "1","tt0064840","Sat Mar 12 00:00:00 2016","","","The Red Tent","Feature Film","Mikhail Kalatozov","6","7.0","121","1969","adventure","5000","1969-12-23","http://www.imdb.com/title/tt0064840/"
        "2","tt0000003","Sun Mar 13 00:00:00 2016","","","Some Series","TV Series","","7","7.0","30","2001","comedy","100","2001-01-01","http://www.imdb.com/title/tt0000003/"

        """

    /// Writes files into a new folder and returns its path.
    static func folder(_ files: [String: String]) throws -> String {
        let folder = try temporaryFolder()
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return folder
    }

    static var export: [String: String] {
        ["diary.csv": diary, "ratings.csv": ratings, "watched.csv": watched, "watchlist.csv": watchlist,
         "likes/films.csv": likes, "reviews.csv": reviews]
    }
}

@Suite("import: Letterboxd")
struct LetterboxdImportTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    func importFolder(_ files: [String: String], addMissing: Bool = true, dryRun: Bool = false) throws -> ImportReport {
        try watchlist.importFiles([try Fixtures.folder(files)], options: ImportOptions(dryRun: dryRun, addMissing: addMissing))
    }

    @Test("a whole export: diary rows become viewings, ratings.csv wins over the diary, watched-only films get a placeholder, likes become 'liked', reviews notes, the watchlist a collection")
    func wholeExport() throws {
        let report = try importFolder(Fixtures.export)
        #expect(report.files.count == 6)
        #expect(report.rows == 5 + 2 + 2 + 2 + 1 + 1)
        #expect(report.filmsMatched == 1)
        // Four films of the history, and the watchlist's two (--add-missing).
        #expect(report.filmsCreated == 6)
        // Ratings: The Ascent and Crouching Tiger from the diary, Amélie and Stalker from ratings.csv.
        // Stalker, watched with no diary entry, gets a placeholder.
        #expect(report.added == ImportReport.Counts(viewings: 5, placeholders: 1, ratings: 4, notes: 1, tags: 4))
        #expect(report.collectionsCreated == ["letterboxd", "letterboxd-watchlist"])

        let ascent = try watchlist.show("The Ascent (1977)")
        #expect(ascent.viewings.map(\.watchedOn) == ["2024-01-01", "2024-02-01"])
        #expect(ascent.viewings.map(\.rewatch) == [false, true])
        #expect(ascent.viewings[0].loggedAt == "2024-01-02T00:00:00Z")
        #expect(ascent.rating?.value.halfStars == 10, "the latest diary row's rating")
        #expect(ascent.tags == ["arctic", "liked", "war", "winter"])
        #expect(ascent.notes.map(\.text) == ["Bleak & beautiful.\n\nSecond\nline — \"end\""])
        #expect(ascent.collections == ["soviet-survival"])

        let tiger = try watchlist.show("Crouching Tiger, \"Hidden\" Dragon (2000)")
        #expect(tiger.rating?.value.halfStars == 7)
        #expect(tiger.collections == ["letterboxd"])
        let noYear = try watchlist.show("one of the roughs")
        #expect(noYear.film.year == nil)
        #expect(noYear.viewings.count == 1)
        #expect(try watchlist.show("amelie").rating?.value.halfStars == 4, "ratings.csv wins over the diary")
        let stalker = try watchlist.show("stalker")
        #expect(stalker.viewings.map(\.watchedOn) == [nil])
        #expect(stalker.viewings.map(\.placeholder) == [true])
        #expect(stalker.ids.letterboxd == "https://boxd.it/fSt")
        #expect(stalker.collections == ["letterboxd"])
        #expect(stalker.rating?.value.halfStars == 10)
        #expect(stalker.rating?.ratedAt == "2024-06-01T00:00:00Z")
        // The watchlist's films are a collection of their own, in the file's order, and in no other.
        #expect(try watchlist.collection("letterboxd-watchlist").films.map(\.film.displayTitle) == ["Solaris (1972)", "Mirror (1975)"])
        #expect(try watchlist.show("solaris").collections == ["letterboxd-watchlist"])
        #expect(try watchlist.show("solaris").viewings.isEmpty)
    }

    @Test("importing the same files again adds nothing, and the report says so")
    func idempotent() throws {
        let folder = try Fixtures.folder(Fixtures.export)
        let first = try watchlist.importFiles([folder], options: ImportOptions(addMissing: true))
        let before = try visibleState(watchlist)
        let second = try watchlist.importFiles([folder], options: ImportOptions(addMissing: true))
        #expect(second.added == ImportReport.Counts())
        #expect(second.filmsCreated == 0)
        #expect(second.filmsMatched == first.filmsMatched + first.filmsCreated)
        #expect(second.unchanged == first.added)
        #expect(second.conflicts.isEmpty)
        #expect(try visibleState(watchlist) == before)
    }

    @Test("--dry-run reports the same and changes nothing")
    func dryRun() throws {
        let before = try visibleState(watchlist)
        let dry = try importFolder(Fixtures.export, dryRun: true)
        #expect(dry.dryRun)
        #expect(try visibleState(watchlist) == before)
        let real = try importFolder(Fixtures.export)
        #expect(dry.added == real.added)
        #expect(dry.filmsCreated == real.filmsCreated)
    }

    @Test("without --add-missing, films not in the database are skipped and listed")
    func skipped() throws {
        let report = try importFolder(["diary.csv": Fixtures.diary], addMissing: false)
        #expect(report.filmsMatched == 1)
        #expect(report.filmsCreated == 0)
        #expect(report.skippedFilms == ["Crouching Tiger, \"Hidden\" Dragon (2000)", "One of the Roughs, a Kosmos", "Amélie (2001)"])
        #expect(report.added.viewings == 2)
        #expect(try watchlist.list().count == 10)
    }

    @Test("a film without a year matches only a film without a year")
    func noYear() throws {
        _ = try importFolder(["diary.csv": Fixtures.diaryHeader + "\n2024-01-02,The Ascent,,https://x,,,,2024-01-01\n"])
        let ascents = try watchlist.list().filter { $0.film.title == "The Ascent" }
        #expect(ascents.map(\.film.year) == [1977, nil])
        #expect(ascents[0].viewingCount == 0)
        #expect(ascents[1].viewingCount == 1)
    }

    @Test("titles match ignoring case and accents")
    func folding() throws {
        let report = try importFolder(["ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,THE ÁSCENT,1977,https://x,3\n"],
                                      addMissing: false)
        #expect(report.filmsMatched == 1)
        #expect(try watchlist.show("ascent").rating?.value.halfStars == 6)
    }

    @Test("a rating that differs: the more recently rated wins, and the conflict is reported")
    func conflicts() throws {
        let sixDaysAgo = Watchlist(database: watchlist.database, clock: .fixed(testNow - 6 * 86_400))
        _ = try sixDaysAgo.rate("ascent", "2")  // rated 2026-11-20
        let older = try importFolder(["ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,The Ascent,1977,https://x,5\n"])
        #expect(older.conflicts == [ImportReport.Conflict(film: "The Ascent (1977)", ours: StarRating(halfStars: 4)!, theirs: StarRating(halfStars: 10)!, importedWon: false)])
        #expect(try watchlist.show("ascent").rating?.value.halfStars == 4)
        let newer = try importFolder(["ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2026-11-25,The Ascent,1977,https://x,5\n"])
        #expect(newer.conflicts.first?.importedWon == true)
        #expect(try watchlist.show("ascent").rating?.value.halfStars == 10)
    }

    @Test("a rating or a viewing dated after today is refused with its file and line, and nothing is imported")
    func futureDates() throws {
        let before = try visibleState(watchlist)
        for (file, text, column) in [
            ("ratings.csv", "Date,Name,Year,Letterboxd URI,Rating\n2026-11-27,The Ascent,1977,https://x,5\n", "Date"),
            ("diary.csv", Fixtures.diaryHeader + "\n2026-11-20,The Ascent,1977,https://x,4,,,2026-12-01\n", "Watched Date"),
        ] {
            let folder = try Fixtures.folder([file: text])
            #expect(throws: WatchlistError.malformedFile(source: folder + "/" + file, line: 2,
                                                         problem: "\(file == "diary.csv" ? "2026-12-01" : "2026-11-27") in \(column) is in the future (today is 2026-11-26)")) {
                try watchlist.importFiles([folder + "/" + file], options: ImportOptions(addMissing: true))
            }
        }
        #expect(try visibleState(watchlist) == before)
    }

    @Test("the .zip export is read, its other files ignored")
    func zip() throws {
        let folder = try temporaryFolder()
        let path = folder + "/letterboxd-export.zip"
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let members = Fixtures.export.merging(["profile.csv": "Username\nme\n", "deleted/diary.csv": Fixtures.diary], uniquingKeysWith: { $1 })
        for (name, text) in members {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let report = try watchlist.importFiles([path], options: ImportOptions(addMissing: true))
        #expect(report.files.count == 6, "\(report.files)")
        #expect(report.added == ImportReport.Counts(viewings: 5, placeholders: 1, ratings: 4, notes: 1, tags: 4))
        #expect(report.ignoredFiles.map(\.path).sorted() == [path + ":deleted/diary.csv", path + ":profile.csv"])
    }

    @Test("a folder's other files are ignored, each with its reason; one file of an export imports alone, placed by its own name")
    func folderAndSingleFile() throws {
        let folder = try Fixtures.folder(["diary.csv": Fixtures.diary, "notes.txt": "mine", "orphaned/diary.csv": Fixtures.diary,
                                          "comments.csv": "Date,Content,Comment\n", "likes/reviews.csv": "Date,Content\n"])
        let report = try watchlist.importFiles([folder], options: ImportOptions(addMissing: true))
        #expect(report.files.map { ($0.path as NSString).lastPathComponent } == ["diary.csv"])
        #expect(report.ignoredFiles.map { ($0.path.dropFirst(folder.count + 1), $0.reason) }.sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1)" } == [
            "comments.csv: comments you wrote on reviews and lists",
            "likes/reviews.csv: reviews by others that you liked",
            "notes.txt: not a CSV or JSON file",
            "orphaned/diary.csv: entries Letterboxd could no longer attach to a film",
        ])
        // Given alone, a file is placed by its own name: the folder it sits in says nothing.
        let likes = try watchlist.importFiles([try Fixtures.folder(["likes/films.csv": Fixtures.likes]) + "/likes/films.csv"])
        #expect(likes.files.first?.kind == .letterboxdWatched)
        #expect(likes.added.tags == 0)
        let inExport = try watchlist.importFiles([try Fixtures.folder(["likes/films.csv": Fixtures.likes, "diary.csv": Fixtures.diary])])
        #expect(inExport.files.map(\.kind).contains(.letterboxdLikes))
        #expect(inExport.added.tags > 0)
    }

    @Test("a file that is not UTF-8 is read as Windows-1252, with a warning")
    func latin1() throws {
        let folder = try temporaryFolder()
        let path = folder + "/ratings.csv"
        var bytes = Array("Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Am".utf8)
        bytes += [0xE9] + Array("lie,2001,https://x,4\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try watchlist.importFiles([path], options: ImportOptions(addMissing: true))
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].contains("Windows-1252"))
        #expect(try watchlist.show("Amélie (2001)").rating?.value.halfStars == 8)
    }
}

@Suite("import: malformed input")
struct MalformedImportTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("malformed files are refused with the file, the line and what is wrong, and nothing is imported", arguments: [
        (Fixtures.diaryHeader + "\n2024-01-02,\"The Ascent,1977,https://x,4,,,2024-01-01\n", "line 2: a quoted field is never closed"),
        (Fixtures.diaryHeader + "\n2024-01-02,\"The\" Ascent,1977,https://x,4,,,2024-01-01\n", "line 2: text after a closing quote"),
        (Fixtures.diaryHeader + "\n2024-01-02,The Ascent,1977,https://x,4.3,,,2024-01-01\n", "line 2: '4.3' in Rating is not a rating"),
        (Fixtures.diaryHeader + "\n2024-01-02,The Ascent,1977,https://x,6,,,2024-01-01\n", "line 2: '6' in Rating is not a rating"),
        (Fixtures.diaryHeader + "\n2024-01-02,The Ascent,1977,https://x,4,,,2024-02-30\n", "line 2: '2024-02-30' in Watched Date is not a date"),
        (Fixtures.diaryHeader + "\n2024-01-02,The Ascent,1977,https://x,4,,\n", "line 2: 7 fields where the header has 8"),
        (Fixtures.diaryHeader + "\n2024-01-02,The Ascent,19x7,https://x,4,,,2024-01-01\n", "line 2: '19x7' in Year is not a year"),
        (Fixtures.diaryHeader + "\n2024-01-02,,1977,https://x,4,,,2024-01-01\n", "line 2: the Name column is empty"),
        ("Date,Name,Year\n2024-01-01,The Ascent,1977\n", "is not one that import reads"),
        ("", "has no header row"),
    ])
    func malformed(text: String, message: String) throws {
        // A good file first: all or nothing means it is not imported either.
        let folder = try Fixtures.folder(["good/ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,The Ascent,1977,https://x,3\n",
                                          "bad.csv": text])
        let before = try visibleState(watchlist)
        #expect {
            try watchlist.importFiles([folder + "/good/ratings.csv", folder + "/bad.csv"], options: ImportOptions(addMissing: true))
        } throws: { error in
            isMalformedInput(error, containing: "bad.csv", message)
        }
        #expect(try visibleState(watchlist) == before)
    }

    @Test("a diary.csv or an IMDb export that lacks a column it needs is refused, naming the column")
    func missingColumn() throws {
        let folder = try Fixtures.folder([
            "diary.csv": "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags\n2024-01-02,The Ascent,1977,https://x,4,,\n",
            "imdb.csv": "Const,Your Rating,Title,Title Type,Year\ntt1,8,The Ascent,movie,1977\n",
        ])
        for (file, message) in [("diary.csv", "needs the column Watched Date"), ("imdb.csv", "needs the column Date Rated")] {
            #expect {
                try watchlist.importFiles([folder + "/" + file])
            } throws: { error in
                isMalformedInput(error, containing: "\(file), line 1", message)
            }
        }
    }

    @Test("a header-only file imports nothing, and says so")
    func headerOnly() throws {
        let folder = try Fixtures.folder(["watchlist.csv": "Date,Name,Year,Letterboxd URI\r\n"])
        let report = try watchlist.importFiles([folder + "/watchlist.csv"])
        #expect(report.files == [ImportedFile(path: folder + "/watchlist.csv", kind: .letterboxdWatchlist, rows: 0)])
        #expect(report.added == ImportReport.Counts())
    }

    @Test("an unrecognised header names the headers import expects")
    func expectedHeaders() throws {
        let folder = try Fixtures.folder(["x.csv": "Film,Stars\nStalker,5\n"])
        #expect {
            try watchlist.importFiles([folder + "/x.csv"])
        } throws: { error in
            "\(error.localizedDescription)".contains("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date")
                && error.localizedDescription.contains("Const,Your Rating,Date Rated,Title")
        }
    }

    @Test("a missing file cannot be read; a file of another format than --format is refused")
    func files() throws {
        #expect {
            try watchlist.importFiles(["/no/such/file.csv"])
        } throws: { error in
            if case WatchlistError.unreadableInput(let path, _) = error { return path == "/no/such/file.csv" }
            return false
        }
        let folder = try Fixtures.folder(["ratings.csv": Fixtures.imdb13])
        #expect(throws: WatchlistError.self) {
            try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(format: .letterboxd))
        }
    }

    @Test("a NUL byte is malformed input")
    func nul() throws {
        let folder = try temporaryFolder()
        try Data(Array("Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,A".utf8) + [0] + Array("b,2000,x,3\n".utf8))
            .write(to: URL(fileURLWithPath: folder + "/ratings.csv"))
        #expect(throws: WatchlistError.malformedFile(source: "\(folder)/ratings.csv", line: 2, problem: "a NUL byte; the file is not text")) {
            try watchlist.importFiles([folder + "/ratings.csv"])
        }
    }
}

@Suite("import: IMDb")
struct IMDbImportTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("the 13-column export: ratings 1–10 become half stars, Date Rated the rating's date; series and episodes are skipped and counted")
    func thirteenColumns() throws {
        let folder = try Fixtures.folder(["ratings.csv": Fixtures.imdb13])
        let report = try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(addMissing: true))
        #expect(report.files.first?.kind.rawValue == "imdb ratings")
        #expect(report.skippedTitleTypes == ["tvSeries": 1, "tvEpisode": 1])
        #expect(report.filmsMatched == 1)
        #expect(report.filmsCreated == 1)
        // A rated title is watched, on a day nobody logged: a placeholder.
        #expect(report.added == ImportReport.Counts(placeholders: 2, ratings: 2))
        let ascent = try watchlist.show("ascent")
        #expect(ascent.rating?.value.halfStars == 9)
        #expect(ascent.rating?.ratedAt == "2024-01-05T00:00:00Z")
        #expect(ascent.viewings.map(\.placeholder) == [true])
        #expect(ascent.viewings.map(\.watchedOn) == [nil])
        #expect(ascent.ids.imdb == "tt0075404")
        #expect(try watchlist.show("a short one").collections == ["imdb"])
    }

    @Test("the 14-column export matches on Original Title when the Title finds nothing")
    func originalTitle() throws {
        let folder = try Fixtures.folder(["ratings.csv": Fixtures.imdb14])
        let report = try watchlist.importFiles([folder + "/ratings.csv"])
        #expect(report.filmsMatched == 1)
        #expect(try watchlist.show("red tent").rating?.value.halfStars == 8)
    }

    @Test("the old all-quoted export with 'You rated' and 'created'")
    func oldFormat() throws {
        let folder = try Fixtures.folder(["ratings.csv": Fixtures.imdbOld])
        let report = try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(format: .imdb))
        #expect(report.files.first?.kind.rawValue == "imdb ratings (old format)")
        #expect(report.skippedTitleTypes == ["TV Series": 1])
        let tent = try watchlist.show("red tent")
        #expect(tent.rating?.value.halfStars == 6)
        #expect(tent.rating?.ratedAt == "2016-03-12T00:00:00Z")
    }
}

@Suite("import: round trips")
struct RoundTripTests {
    /// A diary with a little of everything.
    func populated() throws -> Watchlist {
        let watchlist = try makeWatchlist()
        _ = try watchlist.importCollection(text: Array("Extra.\n\nStalker (1979)\nDescription: A zone.\nFact: Tarkovsky.\n".utf8),
                                           source: "extra.txt", slug: "extra", title: "Extra Films")
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2020-01-01")!))
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2021-05-05")!))
        _ = try watchlist.watch("red tent", on: .unknown, markedRewatch: true)
        _ = try watchlist.watch("stalker", on: .day(Day(iso: "2019-09-09")!))
        _ = try watchlist.rate("ascent", "4.5")
        _ = try watchlist.rate("white sun", "3")
        _ = try watchlist.rate("stalker", "5")
        _ = try watchlist.tag("ascent", ["war", "winter"])
        _ = try watchlist.tag("dawns", ["to watch"])
        _ = try watchlist.addNote("ascent", text: "One, \"quoted\".")
        _ = try watchlist.addNote("ascent", text: "Two\nlines.")
        _ = try watchlist.addNote("stalker", text: "<b>not html</b> & more")
        return watchlist
    }

    @Test("json: export, import into a fresh database, export again: the same document apart from exportedAt")
    func json() throws {
        let original = try populated()
        let folder = try temporaryFolder()
        try original.export(.json, toFile: folder + "/backup.json", force: false)
        let restored = try Watchlist.inMemory(clock: .fixed(testNow.addingTimeInterval(3600)))
        let report = try restored.importFiles([folder + "/backup.json"])
        #expect(report.files.first?.kind.rawValue == "watchlist document")
        #expect(report.filmsCreated == 1)
        #expect(report.collectionsCreated == ["extra"])
        #expect(try visibleState(restored) == visibleState(original))
        let again = try restored.importFiles([folder + "/backup.json"])
        #expect(again.added == ImportReport.Counts())
    }

    @Test("letterboxd: export, import into a fresh database: the same viewings, ratings, tags and notes")
    func letterboxd() throws {
        let original = try populated()
        let folder = try temporaryFolder()
        try original.export(.letterboxd, toFile: folder + "/letterboxd.csv", force: false)
        let restored = try makeWatchlist()
        let report = try restored.importFiles([folder + "/letterboxd.csv"], options: ImportOptions(addMissing: true))
        #expect(report.files.first?.kind.rawValue == "letterboxd import")
        #expect(report.filmsCreated == 1)
        func records(_ watchlist: Watchlist) throws -> [String] {
            var lines: [String] = []
            for summary in try watchlist.list() {
                let detail = try watchlist.show(String(summary.film.number))
                lines.append([detail.film.displayTitle,
                              detail.viewings.map { "\($0.watchedOn?.iso ?? "unknown")\($0.rewatch ? "r" : "")" }.joined(separator: " "),
                              detail.rating?.value.decimal ?? "-", detail.tags.joined(separator: ","),
                              detail.notes.map(\.text).joined(separator: "\n\n")].joined(separator: " | "))
            }
            return lines
        }
        let restoredRecords = try records(restored), originalRecords = try records(original)
        #expect(restoredRecords == originalRecords, "\(restoredRecords.filter { !originalRecords.contains($0) })")
        let again = try restored.importFiles([folder + "/letterboxd.csv"], options: ImportOptions(addMissing: true))
        #expect(again.added == ImportReport.Counts())
    }

    @Test("a watchlist document of a newer version, or another format, or with a bad value, is refused")
    func badDocuments() throws {
        let watchlist = try makeWatchlist()
        for (document, message) in [
            (#"{"format":"watchlist","version":7,"films":[]}"#, "version 7"),
            (#"{"format":"watchlist","version":2,"films":[{"title":"X","viewings":[{"date":"2024-02-02","placeholder":true}]}]}"#, "a placeholder with a date"),
            (#"{"format":"watchlist","version":2,"films":[{"title":"X","ids":{"imdb":"nm0001"}}]}"#, "films[0].ids.imdb"),
            (#"{"format":"other","version":1}"#, "not a watchlist document"),
            (#"{"format":"watchlist","version":1,"films":[{"title":"X","rating":4.25}]}"#, "films[0].rating"),
            (#"{"format":"watchlist","version":1,"films":[{"title":"X","viewings":[{"date":"2024-02-30"}]}]}"#, "films[0].viewings[0].date"),
            (#"{"format":"watchlist","version":1,"films":[{"year":1977}]}"#, "films[0].title is missing"),
            (#"{"format":"watchlist","version":1,"films":[{"title":"X","notes":[{"text":"  "}]}]}"#, "films[0].notes[0].text is empty"),
            (#"{"format":"watchlist", "#, "not valid JSON"),
        ] {
            let folder = try Fixtures.folder(["doc.json": document])
            #expect {
                try watchlist.importFiles([folder + "/doc.json"])
            } throws: { error in
                isMalformedInput(error, containing: message)
            }
        }
    }
}

@Suite("review text")
struct ReviewTextTests {
    @Test("Letterboxd's HTML becomes plain text")
    func plain() {
        #expect(ReviewText.plain("<p>One &amp; two.</p><p>Three<br>four</p>") == "One & two.\n\nThree\nfour\n\n")
        #expect(ReviewText.decodeEntities("&lt;3 &#x41;&#66; &unknown; & done") == "<3 AB &unknown; & done")
    }
}
