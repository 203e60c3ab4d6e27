import Foundation
import GRDB
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// An IMDb ratings export (the 14-column header of 2026) of three films: one of the built-in
/// collection, one with two directors, one whose runtime IMDb does not know.
private let imdbRatings = """
    Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
    tt0075404,9,2025-03-01,"The Ascent","Voskhozhdenie",https://www.imdb.com/title/tt0075404,Movie,8.3,111,1977,"Drama, War",20000,"1977-04-02","Larisa Shepitko"
    tt0100150,7,2025-06-01,"Miller's Crossing","Miller's Crossing",https://www.imdb.com/title/tt0100150,Movie,7.7,115,1990,"Crime, Drama, Thriller",130579,"1990-09-21","Joel Coen, Ethan Coen"
    tt0000001,6,2024-01-01,"A Lost Film","A Lost Film",https://www.imdb.com/title/tt0000001,Movie,6.0,,1997,"Drama",10,"1997",""

    """

private func importIMDb(_ watchlist: Watchlist, _ text: String = imdbRatings) throws -> ImportReport {
    let folder = try temporaryFolder()
    try text.write(toFile: folder + "/ratings.csv", atomically: true, encoding: .utf8)
    return try watchlist.importFiles([folder + "/ratings.csv"], options: ImportOptions(addMissing: true))
}

@Suite("film facts: directors, genres, runtime, countries")
struct FilmFactsTests {
    @Test("film set, then list --director finds the film, stats count its minutes, and undo takes it back")
    func setListStatsUndo() throws {
        let watchlist = try makeWatchlist()
        let before = try visibleState(watchlist)
        let result = try watchlist.setFacts("ascent", FilmMetadata(directors: ["Larisa Shepitko"], runtime: 111))
        #expect(result.changed == [.director, .runtime])
        #expect(try watchlist.list(FilmListQuery(director: "shepitko")).map(\.film.title) == ["The Ascent"])
        #expect(try watchlist.list(FilmListQuery(director: "SHEPÍTKO")).count == 1, "case and accents do not count")
        #expect(try watchlist.list(FilmListQuery(director: "larisa shep")).count == 1, "a name's words, the last one as a start")
        #expect(try watchlist.list(FilmListQuery(director: "hepitko")).isEmpty, "a word's start, not any part")
        _ = try watchlist.watch("ascent", on: .day("2026-02-01"))
        _ = try watchlist.watch("ascent", on: .day("2026-03-01"), markedRewatch: true)
        let review = try watchlist.stats(year: 2026).review
        #expect(review.minutes == 222, "each viewing counts its minutes")
        #expect(review.directors == [.init(name: "Larisa Shepitko", films: 1, averageRating: nil)])
        #expect(review.rewatches == 1 && review.rewatchShare == 0.5)
        #expect(try watchlist.undo().summary.hasPrefix("Watched"))
        #expect(try watchlist.undo().summary.hasPrefix("Watched"))
        #expect(try watchlist.undo().summary == "Set the director, runtime of The Ascent (1977)")
        #expect(try watchlist.list(FilmListQuery(director: "shepitko")).isEmpty)
        #expect(try visibleState(watchlist) == before)
    }

    @Test("setting what the film already has changes nothing and says so; unset forgets only what the person set")
    func setAndUnset() throws {
        let watchlist = try makeWatchlist()
        _ = try watchlist.setFacts("ascent", FilmMetadata(genres: ["Drama", "War"]))
        #expect(throws: WatchlistError.self) { try watchlist.setFacts("ascent", FilmMetadata(genres: ["Drama", "War"])) }
        #expect(try watchlist.history().count == 1)
        #expect(throws: WatchlistError.self) { try watchlist.unsetFacts("ascent", [.runtime]) }
        #expect(try watchlist.unsetFacts("ascent", []).changed == [.genre])
        #expect(try watchlist.show("ascent").metadata.isEmpty)
        #expect(throws: WatchlistError.self) { try watchlist.setFacts("ascent", FilmMetadata()) }
    }

    @Test("an IMDb export fills directors in credit order, genres, runtime and release date; 0 or an empty cell stays unknown")
    func imdbImport() throws {
        let watchlist = try makeWatchlist()
        let report = try importIMDb(watchlist)
        #expect(report.filmsWithNewFacts == 3)
        let coen = try watchlist.show("miller's crossing").metadata
        #expect(coen == FilmMetadata(directors: ["Joel Coen", "Ethan Coen"], genres: ["Crime", "Drama", "Thriller"], runtime: 115,
                                     released: "1990-09-21"))
        let lost = try watchlist.show("lost film").metadata
        #expect(lost.runtime == nil && lost.released == nil && lost.directors.isEmpty, "a year alone is no release day")
        #expect(lost.genres == ["Drama"])
        // Every viewing the file implies is on an unknown day, counted in the year it was rated.
        let review = try watchlist.stats(year: 2025).review
        #expect(review.viewings == 2 && review.viewingsOnUnknownDays == 2)
        #expect(review.minutes == 226)
        #expect(review.genres.first == .init(name: "Drama", films: 2, averageRating: 4.0))
        let older = try watchlist.stats(year: 2024).review
        #expect(older.viewings == 1 && older.minutes == 0 && older.filmsOfUnknownRuntime == 1 && older.viewingsOfUnknownRuntime == 1,
                "a film without a runtime is counted apart, never as zero minutes of a known runtime")
        #expect(older.longest == nil)
        // Again: nothing changes.
        #expect(try importIMDb(watchlist).filmsWithNewFacts == 0)
    }

    @Test("what the person set shows before the file's and survives a later import; unset shows the file's again")
    func sources() throws {
        let watchlist = try makeWatchlist()
        _ = try importIMDb(watchlist)
        _ = try watchlist.setFacts("ascent", FilmMetadata(countries: ["Soviet Union"], runtime: 107))
        #expect(try watchlist.show("ascent").metadata.runtime == 107)
        #expect(try watchlist.show("ascent").metadata.directors == ["Larisa Shepitko"], "fields the person did not set show the file's")
        let newer = imdbRatings.replacingOccurrences(of: ",111,1977,", with: ",112,1977,")
        _ = try importIMDb(watchlist, newer)
        #expect(try watchlist.show("ascent").metadata.runtime == 107, "an import never replaces what the person set")
        #expect(try watchlist.show("ascent").metadataBySource[.imdb]?.runtime == 112, "but keeps its own source up to date")
        _ = try watchlist.unsetFacts("ascent", [.runtime])
        #expect(try watchlist.show("ascent").metadata.runtime == 112)
        #expect(try watchlist.show("ascent").metadata.countries == ["Soviet Union"])
        // Undo takes back the unset, then the second import, whose runtime gives way to the first's.
        _ = try watchlist.undo()
        #expect(try watchlist.show("ascent").metadata.runtime == 107)
        _ = try watchlist.undo()
        #expect(try watchlist.show("ascent").metadataBySource[.imdb]?.runtime == 111)
    }

    @Test("list filters: genre, country, decade, maximum runtime; sort by runtime puts the unknown last either way")
    func filters() throws {
        let watchlist = try makeWatchlist()
        _ = try importIMDb(watchlist)
        _ = try watchlist.setFacts("red tent", FilmMetadata(genres: ["Adventure"], countries: ["Soviet Union", "Italy"], runtime: 158))
        #expect(try watchlist.list(FilmListQuery(genre: "drama")).map(\.film.title) == ["The Ascent", "Miller's Crossing", "A Lost Film"])
        #expect(try watchlist.list(FilmListQuery(genre: "thrill")).map(\.film.title) == ["Miller's Crossing"])
        #expect(try watchlist.list(FilmListQuery(country: "italy")).map(\.film.title) == ["The Red Tent"])
        #expect(try watchlist.list(FilmListQuery(decade: 1990)).map(\.film.title) == ["The Edge", "Miller's Crossing", "A Lost Film"])
        #expect(try watchlist.list(FilmListQuery(maxRuntime: 115)).map(\.film.title) == ["The Ascent", "Miller's Crossing"])
        let byRuntime = try watchlist.list(FilmListQuery(sort: .runtime)).map(\.film.title)
        #expect(Array(byRuntime.prefix(3)) == ["The Ascent", "Miller's Crossing", "The Red Tent"])
        let reversed = try watchlist.list(FilmListQuery(sort: .runtime, reverse: true)).map(\.film.title)
        #expect(Array(reversed.prefix(3)) == ["The Red Tent", "Miller's Crossing", "The Ascent"])
        #expect(reversed.count == 12)
        #expect(try watchlist.list(FilmListQuery(director: "coen", genre: "crime", decade: 1990, maxRuntime: 120)).count == 1)
    }

    @Test("Letterboxd's import format gives its Directors as the letterboxd source's, shown after IMDb's")
    func letterboxdImportFormat() throws {
        let watchlist = try makeWatchlist()
        let folder = try temporaryFolder()
        try "Title,Year,Directors,WatchedDate\nStalker,1979,\"Andrei Tarkovsky\",2024-05-01\nThe Ascent,1977,Shepitko,2024-05-02\n"
            .write(toFile: folder + "/import.csv", atomically: true, encoding: .utf8)
        let report = try watchlist.importFiles([folder + "/import.csv"], options: ImportOptions(format: .letterboxd, addMissing: true))
        #expect(report.filmsWithNewFacts == 2)
        #expect(try watchlist.show("stalker").metadataBySource == [.letterboxd: FilmMetadata(directors: ["Andrei Tarkovsky"])])
        _ = try importIMDb(watchlist)
        #expect(try watchlist.show("ascent").metadata.directors == ["Larisa Shepitko"], "IMDb's before Letterboxd's")
        #expect(try watchlist.show("ascent").metadataBySource[.letterboxd]?.directors == ["Shepitko"])
    }

    @Test("search finds a film by a director's name")
    func searchByDirector() throws {
        let watchlist = try makeWatchlist()
        _ = try importIMDb(watchlist)
        #expect(try watchlist.search("coen").map(\.film.title) == ["Miller's Crossing"])
        _ = try watchlist.setFacts("edge", FilmMetadata(directors: ["Alexei Uchitel"]))
        #expect(try watchlist.search("uchitel").map(\.film.title) == ["The Edge"])
        _ = try watchlist.undo()
        #expect(try watchlist.search("uchitel").isEmpty)
    }

    @Test("the JSON export keeps every source's facts, and importing it into a new database gives them back")
    func roundTrip() throws {
        let watchlist = try makeWatchlist()
        _ = try importIMDb(watchlist)
        _ = try watchlist.setFacts("ascent", FilmMetadata(language: "Russian", runtime: 107))
        let text = try exportText(watchlist, .json)
        #expect(text.contains(#""facts":{"imdb":{"directors":["Larisa Shepitko"],"genres":["Drama","War"],"released":"1977-04-02","runtime":111},"user":{"language":"Russian","runtime":107}}"#))
        let folder = try temporaryFolder()
        try text.write(toFile: folder + "/backup.json", atomically: true, encoding: .utf8)
        let copy = try makeWatchlist()
        _ = try copy.importFiles([folder + "/backup.json"])
        #expect(try copy.show("ascent").metadataBySource == watchlist.show("ascent").metadataBySource)
        #expect(try copy.show("miller's crossing").metadata == watchlist.show("miller's crossing").metadata)
    }

    @Test("a document's facts are checked: an unknown source, a runtime out of range, a control character are refused")
    func documentChecks() throws {
        let cases = [
            (#""facts":{"friend":{"runtime":90}}"#, "is not a source"),
            (#""facts":{"user":{"runtime":0}}"#, "is not a runtime"),
            (#""facts":{"user":{"directors":["A\u001b]0;x\u0007"]}}"#, "is not a director"),
            (#""facts":{"imdb":{"released":"1977-13-01"}}"#, "is not a date"),
        ]
        for (facts, message) in cases {
            let watchlist = try makeWatchlist()
            let before = try visibleState(watchlist)
            let folder = try temporaryFolder()
            try #"{"format":"watchlist","version":3,"films":[{"title":"Stalker","year":1979,\#(facts)}]}"#
                .write(toFile: folder + "/doc.json", atomically: true, encoding: .utf8)
            #expect(throws: WatchlistError.self) { try watchlist.importFiles([folder + "/doc.json"]) }
            do { _ = try watchlist.importFiles([folder + "/doc.json"]) } catch { #expect("\(error.localizedDescription)".contains(message), "\(facts)") }
            #expect(try visibleState(watchlist) == before)
        }
    }

    @Test("a damaged fact in the database is named, not a crash: show fails with it, the export leaves it out")
    func damagedFact() throws {
        let folder = try temporaryFolder()
        let path = folder + "/db.sqlite"
        let watchlist = try Watchlist.open(path: path, clock: .fixed(testNow))
        _ = try watchlist.setFacts("ascent", FilmMetadata(runtime: 111))
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE filmFact SET value = '99999999999999999999' WHERE field = 'runtime'")
        }
        try queue.close()
        let reopened = try Watchlist.open(path: path, clock: .fixed(testNow))
        #expect(throws: WatchlistError.self) { try reopened.show("ascent") }
        let leftOut = try reopened.export(.json, toFile: folder + "/out.json", force: false)
        #expect(leftOut.count == 1 && leftOut[0].hasPrefix("filmFact row"))
    }
}
