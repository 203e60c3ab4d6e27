import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// Dataset files as IMDb writes them (tab-separated, `\N` for nothing, no quoting, comma lists,
/// `tt`/`nm` ids), made here about the built-in collection's films and two of an IMDb export.
enum Datasets {
    static func header(_ dataset: IMDbDataset) -> String { dataset.columns.joined(separator: "\t") }

    static let basics = [
        "tt0075404\tmovie\tThe Ascent\tVoskhozhdenie\t0\t1977\t\\N\t110\tDrama,War",
        "tt0100150\tmovie\tMiller's Crossing\tMiller's Crossing\t0\t1990\t\\N\t115\tCrime,Drama,Thriller",
        // The Red Tent: a tie of the exact year decided by votes (5,000 against 10).
        "tt0064840\tmovie\tThe Red Tent\tKrasnaya palatka\t0\t1969\t\\N\t158\tAdventure,Drama",
        "tt9999991\ttvMovie\tThe Red Tent\tThe Red Tent\t0\t1969\t\\N\t60\tDocumentary",
        // The Star: two of the exact year, 3,000 votes against 1,000: ambiguous.
        "tt0315630\tmovie\tThe Star\tZvezda\t0\t2002\t\\N\t97\tWar",
        "tt9999992\tmovie\tThe Star\tThe Star\t0\t2002\t\\N\t90\tDrama",
        // The Edge: only a year apart, one title.
        "tt1590050\tmovie\tThe Edge\tKray\t0\t1991\t\\N\t120\tDrama",
        // The Flight: a year apart on both sides: ambiguous.
        "tt0065738\tmovie\tThe Flight\tBeg\t0\t1969\t\\N\t196\tDrama",
        "tt9999993\tmovie\tThe Flight\tThe Flight\t0\t1971\t\\N\t80\tDrama",
        // The Seventh Bullet: a series of that title and year is no film.
        "tt9999994\ttvSeries\tThe Seventh Bullet\tThe Seventh Bullet\t0\t1972\t1973\t45\tAction",
        // The White Sun of the Desert: its English title only in title.akas.
        "tt0065547\tmovie\tBeloe solntse pustyni\tBeloe solntse pustyni\t0\t1970\t\\N\t85\tAction,Adventure",
        // The Cold Summer of 1953 by title and year, but Miller's Crossing holds the id.
        "tt0100150\tmovie\tThe Cold Summer of 1953\tThe Cold Summer of 1953\t0\t1988\t\\N\t100\tDrama",
    ]
    static let akas = [
        "tt0065547\t1\tThe White Sun of the Desert\tUS\t\\N\timdbDisplay\t\\N\t0",
        "tt0065547\t2\tBeloe solntse pustyni\t\\N\t\\N\toriginal\t\\N\t1",
    ]
    static let ratings = ["tt0064840\t7.2\t5000", "tt9999991\t5.0\t10", "tt0315630\t7.4\t3000", "tt9999992\t6.0\t1000"]
    static let crew = [
        "tt0100150\tnm0001053,nm0001054\tnm0001053",
        "tt0064840\tnm0436311\t\\N",
        "tt0075404\tnm0792642\t\\N",
    ]
    static let names = [
        "nm0001053\tJoel Coen\t1954\t\\N\tdirector\t\\N",
        "nm0001054\tEthan Coen\t1957\t\\N\tdirector\t\\N",
        "nm0436311\tMikhail Kalatozov\t1903\t1973\tdirector\t\\N",
        "nm0792642\tLarisa Shepitko\t1938\t1979\tdirector\t\\N",
        "nm0000001\tFred Astaire\t1899\t1987\tactor\t\\N",
    ]

    /// The five files in a new folder (title.basics gzipped, as IMDb ships it; the others
    /// plain), with a file of another kind beside them.
    static func folder(basics: [String] = basics) throws -> String {
        let folder = try temporaryFolder()
        for (dataset, rows) in [(IMDbDataset.titleAkas, akas), (.titleRatings, ratings), (.titleCrew, crew), (.nameBasics, names)] {
            try ([header(dataset)] + rows).joined(separator: "\n").appending("\n")
                .write(toFile: folder + "/\(dataset.rawValue).tsv", atomically: true, encoding: .utf8)
        }
        let packed = try IMDbDatasetFileTests.file("title.basics.tsv", ([header(.titleBasics)] + basics).joined(separator: "\n") + "\n", gzip: true)
        try FileManager.default.moveItem(atPath: packed, toPath: folder + "/title.basics.tsv.gz")
        try "Downloaded from IMDb.\n".write(toFile: folder + "/README.txt", atomically: true, encoding: .utf8)
        return folder
    }

    /// The built-in collection with The Ascent and Miller's Crossing given their IMDb ids (and
    /// IMDb's facts) by an IMDb ratings export.
    static func diary() throws -> Watchlist {
        let watchlist = try makeWatchlist()
        let folder = try temporaryFolder()
        try """
            Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
            tt0075404,9,2025-03-01,"The Ascent","Voskhozhdenie",https://www.imdb.com/title/tt0075404,Movie,8.3,111,1977,"Drama, War",20000,"1977-04-02","Larisa Shepitko"
            tt0100150,7,2025-06-01,"Miller's Crossing","Miller's Crossing",https://www.imdb.com/title/tt0100150,Movie,7.7,,1990,"",130579,"1990-09-21",""
            tt0000001,6,2024-01-01,"A Lost Film","A Lost Film",https://www.imdb.com/title/tt0000001,Movie,6.0,,1997,"Drama",10,"1997",""

            """.write(toFile: folder + "/ratings.csv", atomically: true, encoding: .utf8)
        _ = try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(addMissing: true))
        return watchlist
    }
}

@Suite("facts import: IMDb's datasets give a diary its facts")
struct DatasetsImportTests {
    @Test("each matching rule and each refusal, the facts as a source of their own, one history entry that undo takes back")
    func rules() throws {
        let watchlist = try Datasets.diary()
        let before = try visibleState(watchlist)
        let report = try watchlist.typing("facts import").importDatasets([try Datasets.folder()])
        #expect(report.files.map(\.dataset) == [.titleAkas, .titleBasics, .titleRatings, .titleCrew, .nameBasics], "read in the order matching needs")
        #expect(report.filesLeftOut == ["README.txt"])
        #expect(report.matchedById == 2, "The Ascent and Miller's Crossing")
        #expect(Set(report.matchedByTitle.map { "\($0.film) \($0.id) \($0.rule)" }) == [
            "The Red Tent (1969) tt0064840 title and year, by far the most votes",
            "The Edge (1990) tt1590050 title, a year apart",
            "The White Sun of the Desert (1970) tt0065547 title and year",
        ])
        #expect(Set(report.ambiguous.map(\.film)) == ["The Star (2002)", "The Flight (1970)"])
        #expect(report.ambiguous.first { $0.film == "The Star (2002)" }?.candidates
            == ["The Star (2002, tt0315630, 3000 votes)", "The Star (2002, tt9999992, 1000 votes)"])
        #expect(report.notFound.contains("The Seventh Bullet (1972)"), "a series is no film")
        #expect(report.notFound.contains("The Cold Summer of 1953 (1988)"), "an id another film holds is never given to it")
        #expect(report.notFound.contains("A Lost Film (1997)"), "an id the files do not hold")
        #expect(report.films == 12 && report.problemCount == 0)

        let tent = try watchlist.show("red tent")
        #expect(tent.ids.imdb == "tt0064840")
        #expect(tent.metadataBySource[.datasets]?.imdbMatch == "tt0064840", "the id is marked as found by matching")
        #expect(tent.metadata.directors == ["Mikhail Kalatozov"] && tent.metadata.runtime == 158 && tent.metadata.genres == ["Adventure", "Drama"])
        #expect(tent.alternativeTitles == ["Krasnaya palatka"], "the original title is another title")
        #expect(try watchlist.search("palatka").map(\.film.title) == ["The Red Tent"])
        let coens = try watchlist.show("miller's crossing")
        #expect(coens.metadata.directors == ["Joel Coen", "Ethan Coen"], "in IMDb's order")
        #expect(coens.metadataBySource[.datasets]?.imdbMatch == nil, "an id from a file is not marked")
        // What the person's own export said comes first: IMDb's export gave 111 minutes.
        let ascent = try watchlist.show("ascent")
        #expect(ascent.metadata.runtime == 111 && ascent.metadataBySource[.datasets]?.runtime == 110)
        #expect(try watchlist.list(FilmListQuery(director: "kalatozov")).map(\.film.title) == ["The Red Tent"])

        let history = try watchlist.history()
        #expect(history.count == 2 && history[0].summary.hasPrefix("Read IMDb's datasets: 5 films matched (3 by title)"))
        _ = try watchlist.undo()
        #expect(try visibleState(watchlist) == before)
    }

    @Test("a new run with newer files replaces only this source's values; the same files again change nothing and add no history")
    func rerun() throws {
        let watchlist = try Datasets.diary()
        let folder = try Datasets.folder()
        _ = try watchlist.importDatasets([folder])
        _ = try watchlist.setFacts("red tent", FilmMetadata(runtime: 121))
        let again = try watchlist.importDatasets([folder])
        #expect(!again.changedAnything && again.matchedById == 5 && again.matchedByTitle.isEmpty, "the ids found are now the films' own")
        #expect(try watchlist.history().count == 3)

        var newer = Datasets.basics
        newer[2] = "tt0064840\tmovie\tThe Red Tent\tKrasnaya palatka\t0\t1969\t\\N\t160\tAdventure,Drama,History"
        let report = try watchlist.importDatasets([try Datasets.folder(basics: newer)])
        #expect(report.factsChanged == 2 && report.factsAdded == 0 && report.filmsChanged == 1)
        let tent = try watchlist.show("red tent")
        #expect(tent.metadata.runtime == 121, "what the person set stays first")
        #expect(tent.metadataBySource[.datasets]?.runtime == 160 && tent.metadata.genres == ["Adventure", "Drama", "History"])
    }

    @Test("film unset --imdb takes a match away with what it gave, and no later run gives that id back")
    func unsetRefuses() throws {
        let watchlist = try Datasets.diary()
        let folder = try Datasets.folder()
        _ = try watchlist.importDatasets([folder])
        let (_, id) = try watchlist.unsetIMDbId("red tent")
        #expect(id == "tt0064840")
        var tent = try watchlist.show("red tent")
        #expect(tent.ids.imdb == nil && tent.alternativeTitles.isEmpty && tent.metadata.directors.isEmpty && tent.metadata.runtime == nil)
        #expect(tent.metadataBySource[.datasets]?.imdbRefused == ["tt0064840"])
        #expect(throws: WatchlistError.nothingChanged("The Red Tent (1969) has no IMDb id")) { try watchlist.unsetIMDbId("red tent") }
        // The refused title is gone from the candidates: the other of that year is the one left.
        let report = try watchlist.importDatasets([folder])
        #expect(report.matchedByTitle.map(\.id) == ["tt9999991"])
        tent = try watchlist.show("red tent")
        #expect(tent.ids.imdb == "tt9999991" && tent.metadataBySource[.datasets]?.imdbRefused == ["tt0064840"])
    }

    @Test("--dry-run reports what a run would do and changes nothing")
    func dryRun() throws {
        let watchlist = try Datasets.diary()
        let before = try visibleState(watchlist)
        let report = try watchlist.importDatasets([try Datasets.folder()], dryRun: true)
        #expect(report.dryRun && report.matchedByTitle.count == 3 && report.factsAdded > 0)
        #expect(try visibleState(watchlist) == before)
        #expect(try watchlist.history().count == 1)
    }

    @Test("a subset of the files says what it can and names what it left out; ids are kept where title.basics is absent")
    func subsets() throws {
        let watchlist = try Datasets.diary()
        let folder = try Datasets.folder()
        let crewOnly = try watchlist.importDatasets([folder + "/title.crew.tsv", folder + "/name.basics.tsv"])
        #expect(crewOnly.matchedById == 3 && crewOnly.matchedByTitle.isEmpty, "without title.basics every id held is taken as found")
        #expect(crewOnly.leftOut == ["runtime, genres and original titles: title.basics was not given"])
        #expect(try watchlist.show("miller's crossing").metadata.directors == ["Joel Coen", "Ethan Coen"])
        let basicsOnly = try watchlist.importDatasets([folder + "/title.basics.tsv.gz"])
        #expect(basicsOnly.leftOut == ["directors: title.crew was not given"])
        #expect(try watchlist.show("miller's crossing").metadata.directors == ["Joel Coen", "Ethan Coen"], "a file not given leaves its facts")
        #expect(basicsOnly.matchedByTitle.map(\.film) == ["The Edge (1990)"],
                "without title.akas The White Sun is not found, without title.ratings The Red Tent's tie stays a tie")
    }

    @Test("files that are not IMDb's datasets are refused by name and change nothing")
    func refusals() throws {
        let watchlist = try Datasets.diary()
        let before = try visibleState(watchlist)
        let folder = try Datasets.folder()
        #expect { try watchlist.importDatasets([folder + "/README.txt"]) } throws: { error in
            if case WatchlistError.unrecognisedFile = error { return true } else { return false }
        }
        #expect { try watchlist.importDatasets([try temporaryFolder()]) } throws: { error in
            if case WatchlistError.noExportFiles = error { return true } else { return false }
        }
        #expect { try watchlist.importDatasets([folder + "/nowhere.tsv"]) } throws: { error in
            if case WatchlistError.unreadableInput = error { return true } else { return false }
        }
        #expect { try watchlist.importDatasets([folder, folder + "/title.crew.tsv"]) } throws: { error in
            if case WatchlistError.invalidArgument(let message) = error { return message.hasPrefix("Two title.crew files") } else { return false }
        }
        // A FIFO is never opened: named, it is refused; in a folder, passed over.
        #expect(mkfifo(folder + "/title.ratings.fifo", 0o600) == 0)
        #expect { try watchlist.importDatasets([folder + "/title.ratings.fifo"]) } throws: { error in
            if case WatchlistError.unreadableInput(_, let reason) = error { return reason == "it is not a regular file" } else { return false }
        }
        #expect(try visibleState(watchlist) == before)
        #expect(try watchlist.importDatasets([folder], dryRun: true).files.count == 5)
    }

    @Test("hostile rows are named by file and line and left out; the run goes on and keeps every value in range")
    func hostileRows() throws {
        let watchlist = try Datasets.diary()
        let folder = try Datasets.folder(basics: Datasets.basics + [
            "tt0000100\tmovie\tThe Alive and the Dead\tZhivye i mertvye\t0\t1964\t\\N\t1000000000000000000\tDrama",
            "tt0000101\tmovie\tThe \u{1B}[31mDawns Here Are Quiet\tA zori\t0\t1972\t\\N\t188\tWar",
            "nonsense\tmovie\tThe Star\t\\N\t0\t2002\t\\N\t97\tWar",
            "tt0000102\tmovie\tThe Dawns Here Are Quiet\tA zori zdes tikhie\t0\t1972\t\\N\t188\t" + (1...10_000).map { "G\($0)" }.joined(separator: ","),
        ])
        let report = try watchlist.importDatasets([folder])
        #expect(report.problemCount >= 3)
        #expect(report.problems.allSatisfy { $0.hasPrefix("title.basics.tsv.gz, line ") })
        #expect(!report.problems.joined().contains("\u{1B}"), "an escape code is never echoed")
        let alive = try watchlist.show("alive and the dead")
        #expect(alive.metadata.runtime == nil, "a runtime of 10^18 is no runtime")
        let dawns = try watchlist.show("dawns here are quiet")
        #expect(dawns.ids.imdb == "tt0000102" && dawns.metadata.genres.count == IMDbDataset.listLimit, "a list is cut to what the schema holds")
    }

    @Test("the datasets' facts, the mark and the refusals survive the JSON document")
    func jsonRoundTrip() throws {
        let watchlist = try Datasets.diary()
        _ = try watchlist.importDatasets([try Datasets.folder()])
        _ = try watchlist.unsetIMDbId("the edge")
        let path = try temporaryFolder() + "/export.json"
        try watchlist.export(.json, toFile: path, force: false)
        let copy = try Watchlist.inMemory(clock: .fixed(testNow))
        _ = try copy.importFiles([path], options: ImportOptions(addMissing: true))
        for film in ["red tent", "the edge", "white sun", "miller's crossing"] {
            #expect(try copy.show(film).metadataBySource == watchlist.show(film).metadataBySource, "\(film)")
            #expect(try copy.show(film).alternativeTitles == watchlist.show(film).alternativeTitles, "\(film)")
        }
        #expect(try copy.show("the edge").metadataBySource[.datasets]?.imdbRefused == ["tt1590050"])
    }
}
