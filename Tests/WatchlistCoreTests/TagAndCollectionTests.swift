import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("tags")
struct TagTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("tags are normalised, added once, listed sorted, filtered on, and removed")
    func lifecycle() throws {
        let first = try watchlist.tag("ascent", ["Winter", "  seen   in cinema ", "winter"])
        #expect(first.added == ["winter", "seen in cinema"])
        let again = try watchlist.tag("ascent", ["WINTER", "arctic"])
        #expect(again.added == ["arctic"])
        #expect(again.kept == ["winter"])
        _ = try watchlist.tag("red tent", ["arctic"])
        #expect(try watchlist.show("ascent").tags == ["arctic", "seen in cinema", "winter"])
        #expect(try watchlist.list(FilmListQuery(tag: "Arctic")).map(\.film.number) == [1, 10])
        #expect(try watchlist.list(FilmListQuery(tag: "arctic")).first?.tags == ["arctic", "seen in cinema", "winter"])
        let removed = try watchlist.untag("ascent", ["winter", "nosuch"])
        #expect(removed.removed == ["winter"])
        #expect(removed.missing == ["nosuch"])
        #expect(throws: WatchlistError.nothingChanged("The Ascent (1977) has no tag winter")) {
            try watchlist.untag("ascent", ["winter"])
        }
    }

    @Test("bad tags are refused and change nothing", arguments: ["", "  ", "a,b", String(repeating: "x", count: 101), "a\0b"])
    func refused(tag: String) throws {
        _ = try watchlist.tag("ascent", ["kept"])
        let before = try visibleState(watchlist)
        #expect(throws: WatchlistError.self) { try watchlist.tag("ascent", [Tag("fine"), Tag(tag)]) }
        #expect(try visibleState(watchlist) == before)
    }

    @Test("tags appear in every export")
    func exports() throws {
        _ = try watchlist.tag("ascent", ["arctic", "liked"])
        let film = (try exportJSON(watchlist)["films"] as! [[String: Any]])[0]
        #expect(film["tags"] as? [String] == ["arctic", "liked"])
        #expect(try exportText(watchlist, .csv).contains("\r\n1,The Ascent,1977,false,0,,,,,\"arctic, liked\"\r\n"))
        #expect(try exportText(watchlist, .markdown).contains("- The Ascent (1977) · tags: arctic, liked\n"))
        #expect(try exportText(watchlist, .letterboxd).contains("\r\nThe Ascent,1977,,,,,,,\"arctic, liked\",\r\n"))
    }
}

@Suite("collections")
struct CollectionTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    let text = Array("""
        Films of the French New Wave.

        Breathless (1960)
        Description: A petty thief and an American student in Paris.
        Fact: Shot hand-held.

        The Ascent (1977)
        Description: Already in the built-in collection.
        """.utf8)

    @Test("a collection file adds a collection; known films are shared, new ones created")
    func importing() throws {
        let result = try watchlist.importCollection(text: text, source: "/some/where/French New Wave.txt", slug: nil, title: nil)
        #expect(result.collection.slug == "french-new-wave")
        #expect(result.collection.title == "French New Wave")
        #expect(result.created == 1)
        #expect(result.matched == 1)
        let listing = try watchlist.collection("french-new-wave")
        #expect(listing.films.map(\.film.title) == ["Breathless", "The Ascent"])
        #expect(listing.progress.collection.description == "Films of the French New Wave.")
        #expect(try watchlist.show("breathless").film.fact == "Shot hand-held.")
        #expect(try watchlist.show("ascent").collections == ["soviet-survival", "french-new-wave"])
        #expect(try watchlist.collections().map(\.collection.slug) == ["soviet-survival", "french-new-wave"])
        #expect(try watchlist.list(FilmListQuery(collection: "french-new-wave")).map(\.film.number) == [11, 1])
        #expect(throws: WatchlistError.collectionExists(slug: "french-new-wave")) {
            try watchlist.importCollection(text: text, source: "French New Wave.txt", slug: nil, title: nil)
        }
        #expect(throws: WatchlistError.invalidSlug("Bad Slug")) {
            try watchlist.importCollection(text: text, source: "x.txt", slug: "Bad Slug", title: nil)
        }
    }

    @Test("a malformed collection file is refused with its line, and adds nothing")
    func malformed() throws {
        let before = try visibleState(watchlist)
        #expect(throws: WatchlistError.malformedFile(source: "bad.txt", line: 3,
            problem: "expected 'Description: …' or 'Fact: …' (one line each) or a blank line, found 'Director: x'")) {
            try watchlist.importCollection(text: Array("Stalker (1979)\nDescription: A zone.\nDirector: x\n".utf8),
                                           source: "bad.txt", slug: "bad", title: nil)
        }
        #expect(try visibleState(watchlist) == before)
    }

    @Test("removing a collection keeps films another collection holds, and needs force to delete records")
    func removing() throws {
        _ = try watchlist.importCollection(text: text, source: "fnw.txt", slug: "fnw", title: "French New Wave")
        _ = try watchlist.watch("breathless")
        _ = try watchlist.watch("ascent")
        let before = try visibleState(watchlist)
        #expect(throws: WatchlistError.removalNeedsForce(slug: "fnw", removal: CollectionRemoval(films: 1, viewings: 1, ratings: 0, notes: 0, tags: 0))) {
            try watchlist.removeCollection("fnw", force: false)
        }
        #expect(try visibleState(watchlist) == before)
        let removal = try watchlist.removeCollection("fnw", force: true)
        #expect(removal.films == 1)
        #expect(throws: WatchlistError.self) { try watchlist.resolve("breathless") }
        #expect(try watchlist.show("ascent").viewings.count == 1, "The Ascent is still in soviet-survival")
        #expect(try watchlist.show("ascent").collections == ["soviet-survival"])
    }

    @Test("a collection whose films carry no records is removed without force; the built-in one never")
    func removingEmpty() throws {
        _ = try watchlist.importCollection(text: text, source: "fnw.txt", slug: "fnw", title: nil)
        #expect(try watchlist.removeCollection("fnw", force: false).films == 1)
        #expect(throws: WatchlistError.builtInCollection(slug: "soviet-survival")) {
            try watchlist.removeCollection("soviet-survival", force: true)
        }
        #expect(throws: WatchlistError.collectionNotFound(slug: "fnw", known: ["soviet-survival"])) {
            try watchlist.removeCollection("fnw", force: true)
        }
    }

    @Test("--collection restricts an export to one collection and its films")
    func restrictedExport() throws {
        _ = try watchlist.importCollection(text: text, source: "fnw.txt", slug: "fnw", title: nil)
        let folder = try temporaryFolder()
        try watchlist.export(.json, collection: "fnw", toFile: folder + "/fnw.json", force: false)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/fnw.json"))) as! [String: Any]
        #expect((document["collections"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["fnw"])
        #expect((document["films"] as? [[String: Any]])?.map { $0["id"] as? Int } == [1, 11])
        #expect(throws: WatchlistError.self) { try watchlist.export(.csv, collection: "nope", toFile: folder + "/x.csv", force: false) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.csv"))
    }

    @Test("slugs are made from file names")
    func slugs() {
        #expect(InputText.slug(fromFileName: "French New Wave.txt") == "french-new-wave")
        #expect(InputText.slug(fromFileName: "Amélie's Films!.txt") == "amelie-s-films")
        #expect(InputText.slug(fromFileName: "--2024 list--.csv") == "2024-list")
    }
}

@Suite("letterboxd export")
struct LetterboxdExportTests {
    @Test("one row per viewing with the rating and tags; notes once, on the latest viewing; unwatched but rated films once")
    func rows() throws {
        let watchlist = try makeWatchlist()
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2020-01-01")!))
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2021-01-01")!))
        _ = try watchlist.rate("ascent", "4.5")
        _ = try watchlist.tag("ascent", ["winter", "war"])
        _ = try watchlist.addNote("ascent", text: "One.")
        _ = try watchlist.addNote("ascent", text: "Two, \"quoted\".")
        _ = try watchlist.rate("white sun", "3")
        _ = try watchlist.watch("red tent", on: .unknown)
        // Ids, where known, let Letterboxd's importer match the film for certain.
        let folder = try Fixtures.folder(["WATCHLIST.csv": """
            Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
            1,tt0065784,2024-01-05,2024-01-05,,The White Sun of the Desert,https://www.imdb.com/title/tt0065784/,movie,7.6,84,1970,Drama,9000,1970-03-30,Vladimir Motyl

            """])
        _ = try watchlist.importFiles([folder + "/WATCHLIST.csv"])
        let text = try exportText(watchlist, .letterboxd)
        #expect(text == """
            Title,Year,imdbID,tmdbID,LetterboxdURI,Rating,WatchedDate,Rewatch,Tags,Review\r
            The Ascent,1977,,,,4.5,2020-01-01,false,"war, winter",\r
            The Ascent,1977,,,,4.5,2021-01-01,true,"war, winter","One.\n\nTwo, ""quoted""."\r
            The White Sun of the Desert,1970,tt0065784,,,3,,,,\r
            The Red Tent,1969,,,,,,false,,\r

            """)
    }
}
