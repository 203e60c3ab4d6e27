import Foundation
import Testing

/// The fourteen holes of the fourth hostile review (issue "Nothing lost, round four"), one test
/// or more each, through the binary where a person would meet them. The numbers are the review's.
@Suite("nothing lost, round four: the new readers, signals, restore and exports")
struct RoundFourCLITests {
    let sandbox: Sandbox
    init() throws { sandbox = try Sandbox() }

    static func movie(_ title: String, _ year: Int, trakt: Int, imdb: String) -> String {
        #"{"title":"\#(title)","year":\#(year),"ids":{"trakt":\#(trakt),"slug":"\#(title.lowercased())-\#(year)","imdb":"\#(imdb)"}}"#
    }

    static let stalker = movie("Stalker", 1979, trakt: 5, imdb: "tt0079944")
    static let mirror = movie("Mirror", 1975, trakt: 5, imdb: "tt0072443")
    static let solaris = movie("Solaris", 1972, trakt: 7, imdb: "tt0069293")

    static func rating(_ movie: String, _ rating: String, on day: String = "2024-02-01") -> String {
        #"{"rated_at":"\#(day)T20:00:00.000Z","rating":\#(rating),"type":"movie","movie":\#(movie)}"#
    }

    static func listed(_ movie: String, rank: Int) -> String {
        #"{"rank":\#(rank),"id":\#(rank),"listed_at":"2024-01-01T00:00:00.000Z","type":"movie","movie":\#(movie)}"#
    }

    func json(_ arguments: String...) throws -> Any {
        let run = try sandbox.runRaw(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return try sandbox.parseJSON(run.stdout)
    }

    func film(_ reference: String) throws -> [String: Any]? {
        try json("show", reference, "--json") as? [String: Any]
    }

    func collectionFilms(_ slug: String) throws -> [String] {
        (try json("list", "--collection", slug, "--json") as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    // MARK: 1. Ids that disagree

    @Test("1. two Trakt items sharing a trakt id but not their IMDb ids stay two films, each with its own rating, and the report says so")
    func sharedTraktId() throws {
        let file = try sandbox.write("trakt/ratings.json", "[\(Self.rating(Self.stalker, "9")),\(Self.rating(Self.mirror, "6"))]")
        let run = try sandbox.run("import", file, "--add-missing")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Mirror (1975) has the trakt id 5 of Stalker (1979), whose other ids differ"), "\(run.stderr)")
        #expect(try film("stalker")?["rating"] as? Double == 4.5)
        #expect(try film("mirror")?["rating"] as? Double == 3)
        #expect((try film("mirror")?["ids"] as? [String: Any])?["imdb"] as? String == "tt0072443")
        #expect((try film("mirror")?["ids"] as? [String: Any])?["trakt"] == nil, "the id another film holds is not given twice")
    }

    @Test("1. a Trakt item whose trakt id is a film's in the database, with another IMDb id, is kept apart from it")
    func sharedTraktIdAgainstDatabase() throws {
        let first = try sandbox.write("one/ratings.json", "[\(Self.rating(Self.stalker, "9"))]")
        #expect(try sandbox.run("import", first, "--add-missing").status == 0)
        let second = try sandbox.write("two/ratings.json", "[\(Self.rating(Self.mirror, "6", on: "2024-03-01"))]")
        let run = try sandbox.run("import", second, "--add-missing")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Mirror (1975) has ids of Stalker (1979), whose other ids differ: it was kept apart"), "\(run.stderr)")
        #expect(try film("stalker")?["rating"] as? Double == 4.5, "Stalker keeps its own rating")
        #expect(try film("mirror")?["rating"] as? Double == 3)
    }

    @Test("1. every reader: a Letterboxd import-format row whose IMDb and TMDB ids name two films is a film of its own")
    func idsNamingTwoFilms() throws {
        let csv = """
            Title,Year,imdbID,tmdbID,Rating,WatchedDate
            Stalker,1979,tt0079944,1398,4.5,2024-01-01
            Mirror,1975,tt0072443,1396,3,2024-01-02
            Zerkalo,1975,tt0072443,1398,2,2024-01-03

            """
        let run = try sandbox.run("import", try sandbox.write("mine.csv", csv), "--add-missing")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("mine.csv, line 4: Zerkalo (1975) has the imdb id tt0072443 and the tmdb id 1398 of Mirror (1975) and Stalker (1979)"),
                "\(run.stderr)")
        #expect(try film("stalker")?["rating"] as? Double == 4.5)
        #expect(try film("mirror")?["rating"] as? Double == 3)
        #expect(try film("zerkalo")?["rating"] as? Double == 2)
    }

    // MARK: 2–3. Trakt lists and their items files

    @Test("2. an items file joins the list its whole name is, never one whose id is part of its name")
    func listByWholeName() throws {
        try sandbox.write("trakt/lists.json", #"[{"name":"Favourites","description":"","ids":{"trakt":23,"slug":"favourites"}},"#
                          + #"{"name":"Top 2023","description":"The year's best.","ids":{"trakt":77,"slug":"top-2023"}}]"#)
        try sandbox.write("trakt/lists/favourites.json", "[\(Self.listed(Self.solaris, rank: 1))]")
        try sandbox.write("trakt/lists/top-2023.json", "[\(Self.listed(Self.stalker, rank: 1))]")
        let run = try sandbox.run("import", sandbox.folder + "/trakt", "--add-missing")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("removed"), "\(run.stderr)")
        #expect(try collectionFilms("favourites") == ["Solaris"])
        #expect(try collectionFilms("top-2023") == ["Stalker"])
        let collections = try json("collection", "list", "--json") as? [[String: Any]] ?? []
        #expect(collections.contains { $0["slug"] as? String == "top-2023" && $0["title"] as? String == "Top 2023" })
    }

    @Test("2. an items file that says its list (a list object) joins it, whatever it is called")
    func listByWhatTheFileSays() throws {
        try sandbox.write("trakt/lists.json", #"[{"name":"Favourites","description":"","ids":{"trakt":23,"slug":"favourites"}}]"#)
        try sandbox.write("trakt/lists/export-23-final.json", #"{"list":{"name":"Favourites","ids":{"trakt":23,"slug":"favourites"}},"items":["#
                          + Self.listed(Self.solaris, rank: 1) + "]}")
        #expect(try sandbox.run("import", sandbox.folder + "/trakt", "--add-missing").status == 0)
        #expect(try collectionFilms("favourites") == ["Solaris"])
    }

    @Test("3. two items files of the same list are combined, in order, and nothing is created and removed by the import")
    func twoFilesOneList() throws {
        let list = #"{"name":"Zones","ids":{"trakt":55,"slug":"zones"}}"#
        try sandbox.write("trakt/zones-page-1.json", #"{"list":\#(list),"items":[\#(Self.listed(Self.stalker, rank: 1))]}"#)
        try sandbox.write("trakt/zones-page-2.json", #"{"list":\#(list),"items":[\#(Self.listed(Self.solaris, rank: 2))]}"#)
        let run = try sandbox.run("import", sandbox.folder + "/trakt", "--add-missing", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let report = try sandbox.parseJSON(run.stdout) as? [String: Any]
        let films = report?["films"] as? [String: Any]
        #expect(films?["removed"] as? Int == 0)
        #expect(films?["created"] as? Int == 2)
        #expect(try collectionFilms("zones") == ["Stalker", "Solaris"])
    }

    // MARK: 11. Totals from counts

    @Test("11. a watched file whose counts would make a million viewings is refused at once, naming the file")
    func playCountsBounded() throws {
        let items = (1...10).map { n in
            #"{"plays":100000,"last_watched_at":"2024-01-20T21:00:00.000Z","movie":\#(Self.movie("Film \(n)", 1990, trakt: n, imdb: "tt100000\(n)"))}"#
        }
        let file = try sandbox.write("trakt/watched.json", "[" + items.joined(separator: ",") + "]")
        #expect(try sandbox.run("watch", "ascent").status == 0)
        let before = sandbox.databaseBytes()
        let started = Date()
        let run = try sandbox.run("import", file, "--add-missing")
        #expect(run.status == 65)
        #expect(run.stderr.contains("watched.json: [1].plays: the watched files' play counts add up to more than 100,000 plays"), "\(run.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(sandbox.databaseBytes() == before)
    }

    // MARK: 12. A bad value in a file known to be Trakt's

    @Test("12. one badly typed value in a Trakt file is named by item and field, alone or in a folder",
          arguments: [(#""year":"2001""#, "[1].movie.year is not a year, a whole number such as 1977"), (#""year":2001"#, "")])
    func badValueNamed(year: String, expected: String) throws {
        let bad = #"{"rated_at":"2024-02-01T20:00:00.000Z","rating":8,"type":"movie","movie":{"title":"Amélie",\#(year),"ids":{"trakt":9}}}"#
        let file = try sandbox.write("trakt/ratings.json", "[\(Self.rating(Self.stalker, "9")),\(bad)]")
        for target in [file, sandbox.folder + "/trakt"] {
            let run = try sandbox.run("import", target, "--add-missing", "--dry-run")
            if expected.isEmpty {
                #expect(run.status == 0, "\(run.stderr)")
            } else {
                #expect(run.status == 65, "\(target): \(run.stderr)")
                #expect(run.stderr.contains("ratings.json: \(expected)"), "\(run.stderr)")
            }
        }
    }

    @Test("12. a rating of 9.5 or 1e23 in a Trakt ratings file is named, not taken for another kind of JSON", arguments: ["9.5", "1e23", "\"9\""])
    func badRatingNamed(rating: String) throws {
        let file = try sandbox.write("trakt/ratings.json", "[\(Self.rating(Self.stalker, "9")),\(Self.rating(Self.solaris, rating))]")
        let run = try sandbox.run("import", file, "--add-missing")
        #expect(run.status == 65)
        #expect(run.stderr.contains("ratings.json: [1].rating is not a rating, a whole number from 1 to 10"), "\(run.stderr)")
        #expect(!run.stderr.contains("header row"))
    }

    // MARK: 13. Snapshots of plays

    @Test("13. a newer watched snapshot adds only the plays that are new")
    func newerSnapshot() throws {
        let old = try sandbox.write("old/watched.json", #"[{"plays":3,"last_watched_at":"2024-01-20T21:00:00.000Z","movie":\#(Self.stalker)}]"#)
        let new = try sandbox.write("new/watched.json", #"[{"plays":4,"last_watched_at":"2024-03-01T21:00:00.000Z","movie":\#(Self.stalker)}]"#)
        #expect(try sandbox.run("import", old, "--add-missing").status == 0)
        #expect(try sandbox.run("import", new).status == 0)
        let viewings = try film("stalker")?["viewings"] as? [[String: Any]] ?? []
        #expect(viewings.map { $0["date"] as? String } == [nil, nil, "2024-01-20", "2024-03-01"])
        let again = try sandbox.run("import", new)
        #expect(again.stderr.contains("Nothing new"), "\(again.stderr)")
        // Both snapshots in one import: the newer count, once.
        let other = try Sandbox()
        let both = try other.run("import", old, new, "--add-missing", "--json")
        #expect(((try other.parseJSON(both.stdout) as? [String: Any])?["added"] as? [String: Int])?["viewings"] == 4)
    }
}
