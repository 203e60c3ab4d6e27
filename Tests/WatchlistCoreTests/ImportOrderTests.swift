import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

/// An account's Letterboxd export, as Letterboxd writes it: film links (ratings, watched,
/// watchlist, lists) are the film's and the same in every file; diary and review links are the
/// entry's.
enum AccountExport {
    static let diary = """
        Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
        2024-01-02,The Ascent,1977,https://boxd.it/e001,4,,winter,2024-01-01
        2024-03-02,The Ascent,1977,https://boxd.it/e002,4.5,Yes,,2024-03-01
        2024-02-10,Stalker,1979,https://boxd.it/e003,5,,,2024-02-09
        2024-02-11,Mirror,1975,https://boxd.it/e004,3,,"dreams, memory",2024-02-11
        2024-04-01,Rain,2019,https://boxd.it/e005,2,,,2024-03-31

        """
    static let watched = """
        Date,Name,Year,Letterboxd URI
        2024-01-02,The Ascent,1977,https://boxd.it/fAsc
        2024-02-10,Stalker,1979,https://boxd.it/fSta
        2024-02-11,Mirror,1975,https://boxd.it/fMir
        2024-04-01,Rain,2019,https://boxd.it/fRa1
        2024-04-02,rain,2019,https://boxd.it/fRa2
        2023-12-01,Solaris,1972,https://boxd.it/fSol

        """
    static let ratings = """
        Date,Name,Year,Letterboxd URI,Rating
        2024-03-02,The Ascent,1977,https://boxd.it/fAsc,4.5
        2024-02-11,Mirror,1975,https://boxd.it/fMir,3.5
        2023-12-01,Solaris,1972,https://boxd.it/fSol,4
        2024-04-02,rain,2019,https://boxd.it/fRa2,1

        """
    static let reviews = """
        Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date
        2024-01-02,The Ascent,1977,https://boxd.it/e001,4,,<p>Cold &amp; true.</p>,winter,2024-01-01
        2024-02-10,Stalker,1979,https://boxd.it/e003,5,,The Zone waits.,zone,2024-02-09

        """
    static let watchlist = """
        Date,Name,Year,Letterboxd URI
        2024-05-01,Andrei Rublev,1966,https://boxd.it/fRub
        2024-05-02,Ivan's Childhood,1962,https://boxd.it/fIva

        """
    static let list = """
        Letterboxd list export v7
        Date,Name,Tags,URL,Description
        2024-05-03,Tarkovsky ranked,"tarkovsky",https://boxd.it/lTar,"My ranking.

        Still changing."

        Position,Name,Year,URL,Description
        1,Stalker,1979,https://boxd.it/fSta,The best.
        2,Mirror,1975,https://boxd.it/fMir,
        3,Solaris,1972,https://boxd.it/fSol,

        """

    static var files: [String: String] {
        ["diary.csv": diary, "watched.csv": watched, "ratings.csv": ratings, "reviews.csv": reviews,
         "watchlist.csv": watchlist, "lists/tarkovsky-ranked.csv": list]
    }
}

/// What the export document says, without the ids a database hands out in the order things
/// arrive: films by title and year, collections' films by title, notes without ids.
func canonicalState(_ watchlist: Watchlist) throws -> String {
    let document = try exportJSON(watchlist)
    var films = document["films"] as? [[String: Any]] ?? []
    var names: [Int: String] = [:]
    for film in films { names[film["id"] as? Int ?? 0] = "\(film["title"] ?? "")|\(film["year"] ?? "")" }
    films = films.map { film in
        var film = film
        film["id"] = nil
        film["notes"] = (film["notes"] as? [[String: Any]] ?? []).map { note in var note = note; note["id"] = nil; return note }
        return film
    }
    films.sort { "\($0["title"] ?? "")|\($0["year"] ?? "")" < "\($1["title"] ?? "")|\($1["year"] ?? "")" }
    let collections = (document["collections"] as? [[String: Any]] ?? []).map { collection in
        var collection = collection
        collection["films"] = (collection["films"] as? [Int] ?? []).map { names[$0] ?? "?" }
        return collection
    }
    let data = try JSONSerialization.data(withJSONObject: ["films": films, "collections": collections], options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

@Suite("import: order and re-import")
struct ImportOrderTests {
    @Test("the files of an export imported one by one, in every order of diary, watched, ratings and reviews, give what the folder gives")
    func everyOrder() throws {
        let names = ["diary.csv", "watched.csv", "ratings.csv", "reviews.csv"]
        let folder = try Fixtures.folder(Dictionary(uniqueKeysWithValues: names.map { ($0, AccountExport.files[$0]!) }))
        let whole = try makeWatchlist()
        _ = try whole.importFiles([folder], options: ImportOptions(addMissing: true))
        let expected = try canonicalState(whole)
        // What the folder gives, checked once by hand.
        #expect(try whole.show("stalker").viewings.map(\.watchedOn) == ["2024-02-09"])
        #expect(try whole.show("solaris").viewings.map(\.placeholder) == [true])
        #expect(try whole.show("The Ascent (1977)").rating?.value.halfStars == 9)
        #expect(try whole.list(FilmListQuery(watched: true)).count == 6, "Rain and rain are two films")

        var orders: [[String]] = []
        func permute(_ done: [String], _ rest: [String]) {
            if rest.isEmpty { orders.append(done) }
            for name in rest { permute(done + [name], rest.filter { $0 != name }) }
        }
        permute([], names)
        #expect(orders.count == 24)
        for order in orders {
            let watchlist = try makeWatchlist()
            for name in order { _ = try watchlist.importFiles([folder + "/" + name], options: ImportOptions(addMissing: true)) }
            #expect(try canonicalState(watchlist) == expected, "\(order)")
        }
    }

    @Test("a newer export after an older one gives what a fresh import of the newer gives: an edited review, a changed rating, a list's films changed")
    func newerExport() throws {
        var newer = AccountExport.files
        newer["reviews.csv"] = AccountExport.reviews.replacingOccurrences(of: "The Zone waits.", with: "The Zone waits. It always will.")
        newer["ratings.csv"] = AccountExport.ratings + "2024-06-01,Stalker,1979,https://boxd.it/fSta,4.5\n"
        newer["diary.csv"] = AccountExport.diary + "2024-06-02,Stalker,1979,https://boxd.it/e006,4.5,Yes,,2024-06-01\n"
        // Mirror leaves the list, Andrei Rublev joins it at the top.
        newer["lists/tarkovsky-ranked.csv"] = AccountExport.list
            .replacingOccurrences(of: "1,Stalker,1979,https://boxd.it/fSta,The best.\n2,Mirror,1975,https://boxd.it/fMir,\n3,Solaris",
                                  with: "1,Andrei Rublev,1966,https://boxd.it/fRub,New.\n2,Stalker,1979,https://boxd.it/fSta,The best.\n3,Solaris")
        let older = try Fixtures.folder(AccountExport.files)
        let newerFolder = try Fixtures.folder(newer)

        let fresh = try makeWatchlist()
        _ = try fresh.importFiles([newerFolder], options: ImportOptions(addMissing: true))
        let sequential = try makeWatchlist()
        _ = try sequential.importFiles([older], options: ImportOptions(addMissing: true))
        let report = try sequential.importFiles([newerFolder], options: ImportOptions(addMissing: true))
        #expect(try canonicalState(sequential) == canonicalState(fresh))

        #expect(report.notesUpdated == 1)
        #expect(report.added.notes == 0)
        #expect(report.added.viewings == 1)
        #expect(report.conflicts.map(\.importedWon) == [true])
        #expect(report.filmsCreated == 0)
        let stalker = try sequential.show("stalker")
        #expect(stalker.notes.map(\.text) == ["The Zone waits. It always will."])
        #expect(stalker.rating?.value.halfStars == 9)
        #expect(try sequential.collection("tarkovsky-ranked").films.map(\.film.title) == ["Andrei Rublev", "Stalker", "Solaris"])
        #expect(try sequential.show("mirror").collections == ["letterboxd"])

        // Importing the newer export once more changes nothing.
        let again = try sequential.importFiles([newerFolder], options: ImportOptions(addMissing: true))
        #expect(!again.changedAnything)
    }

    @Test("a film only on a list, dropped from it by a newer export, goes with it; a film holding a record stays")
    func droppedFromList() throws {
        let watchlist = try makeWatchlist()
        let first = try watchlist.importFiles([try Fixtures.folder(["lists/x.csv": AccountExport.list])], options: ImportOptions(addMissing: true))
        #expect(first.collectionsCreated == ["x"])
        #expect(first.filmsCreated == 3)
        _ = try watchlist.rate("mirror", "4")
        let shorter = AccountExport.list.replacingOccurrences(of: "2,Mirror,1975,https://boxd.it/fMir,\n3,Solaris,1972,https://boxd.it/fSol,\n", with: "")
        let second = try watchlist.importFiles([try Fixtures.folder(["lists/x.csv": shorter])], options: ImportOptions(addMissing: true))
        #expect(second.filmsRemoved == 1, "Solaris: on no list any more, and holding nothing")
        #expect(try watchlist.collection("x").films.map(\.film.title) == ["Stalker"])
        #expect(try watchlist.show("mirror").collections.isEmpty, "Mirror holds a rating: it stays")
        #expect(throws: WatchlistError.filmNotFound(query: "solaris", suggestions: [])) { try watchlist.resolve("solaris") }
        // Undo brings the list back as it was.
        _ = try watchlist.undo()
        #expect(try watchlist.collection("x").films.map(\.film.title) == ["Stalker", "Mirror", "Solaris"])
    }

    @Test("json: ids, other titles, placeholders, review sources, lists with their origin and entry notes, film facts survive export and import")
    func documentRoundTrip() throws {
        let original = try makeWatchlist()
        _ = try original.importFiles([try Fixtures.folder(AccountExport.files)], options: ImportOptions(addMissing: true))
        let imdb = IMDbWorldTests.header + "\ntt0069293,9,2024-01-05,Solaris,Солярис,https://www.imdb.com/title/tt0069293/,movie,8,167,1972,Drama,1,1972-03-20,Andrei Tarkovsky\n"
        _ = try original.importFiles([try Fixtures.folder(["ratings.csv": imdb]) + "/ratings.csv"], options: ImportOptions(addMissing: true))
        let solaris = try original.show("solaris")
        #expect(solaris.ids == FilmIdentifiers(imdb: "tt0069293", letterboxd: "https://boxd.it/fSol"))
        #expect(solaris.alternativeTitles == ["Солярис"])
        #expect(solaris.viewings.map(\.placeholder) == [true])
        #expect(solaris.metadata == FilmMetadata(directors: ["Andrei Tarkovsky"], genres: ["Drama"], runtime: 167, released: "1972-03-20"))
        let folder = try temporaryFolder()
        try original.export(.json, toFile: folder + "/backup.json", force: false)
        let restored = try Watchlist.inMemory(clock: .fixed(testNow.addingTimeInterval(3600)))
        _ = try restored.importFiles([folder + "/backup.json"])
        #expect(try visibleState(restored) == visibleState(original))
        #expect(try restored.collection("tarkovsky-ranked").progress.collection.origin == "https://boxd.it/lTar")
        // The restored review note still knows its entry: the export's edit of it updates it.
        let edited = AccountExport.reviews.replacingOccurrences(of: "The Zone waits.", with: "Edited.")
        let report = try restored.importFiles([try Fixtures.folder(["reviews.csv": edited]) + "/reviews.csv"])
        #expect(report.notesUpdated == 1)
    }
}
