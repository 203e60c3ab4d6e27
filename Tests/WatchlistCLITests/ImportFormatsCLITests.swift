import Foundation
import Testing

/// Every tracker's export, from every year, through the binary, on files in the exact shapes
/// those trackers wrote (issue "every tracker's export").
@Suite("import: every tracker's export, from every year")
struct ImportFormatsCLITests {
    let sandbox: Sandbox
    init() throws { sandbox = try Sandbox() }

    static let ratings = "Date,Name,Year,Letterboxd URI,Rating\n2024-01-02,Stalker,1979,https://boxd.it/2aHi,4.5\n"

    func json(_ arguments: String...) throws -> Any {
        let run = try sandbox.runRaw(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return try sandbox.parseJSON(run.stdout)
    }

    func report(_ arguments: [String], directory: String? = nil) throws -> [String: Any] {
        let run = try sandbox.runRaw(["import"] + arguments + ["--json"], directory: directory)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return (try? sandbox.parseJSON(run.stdout) as? [String: Any]) ?? [:]
    }

    func kinds(_ report: [String: Any]) -> [String] {
        (report["files"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }

    func added(_ report: [String: Any]) -> [String: Int] { report["added"] as? [String: Int] ?? [:] }

    // MARK: 1. A file's place is its path inside what was given

    @Test("a file is read by its own name, whatever folders are above it: .., a dot-folder, lists, likes, deleted, orphaned",
          arguments: ["../x/ratings.csv", ".cache/ratings.csv", "lists/ratings.csv", "likes/ratings.csv", "deleted/ratings.csv", "orphaned/ratings.csv"])
    func pathsAsTyped(path: String) throws {
        let home = sandbox.folder + "/home/Downloads/here"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let file = (home as NSString).appendingPathComponent(path)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(Self.ratings.utf8).write(to: URL(fileURLWithPath: file))
        let result = try report([path, "--add-missing"], directory: home)
        #expect(kinds(result) == ["letterboxd ratings"], "\(path)")
        #expect(added(result)["ratings"] == 1)
    }

    @Test("an export several folders deep, in a folder or a zip, is read as the export (lists keep their place)")
    func deepExport() throws {
        let root = "archive/letterboxd-someone-2026-04-13-19-23-utc"
        try sandbox.write("\(root)/ratings.csv", Self.ratings)
        try sandbox.write("\(root)/watched.csv", "Date,Name,Year,Letterboxd URI\n2024-01-02,Mirror,1975,https://boxd.it/mirr\n")
        try sandbox.write("\(root)/lists/favourites.csv", "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-03-01,Favourites,,https://boxd.it/fav,\n\nPosition,Name,Year,URL,Description\n1,Mirror,1975,https://boxd.it/mirr,\n")
        let folder = try report([sandbox.folder + "/archive", "--add-missing"])
        #expect(Set(kinds(folder)) == ["letterboxd ratings", "letterboxd watched", "letterboxd list"])
        let make = """
            import os, sys, zipfile
            with zipfile.ZipFile(sys.argv[2], "w") as archive:
                for root, _, names in os.walk(sys.argv[1]):
                    for name in names:
                        path = os.path.join(root, name)
                        archive.write(path, os.path.relpath(path, os.path.dirname(sys.argv[1])))
            """
        #expect(try sandbox.runRaw(["-c", make, sandbox.folder + "/archive", sandbox.folder + "/deep.zip"], executable: "/usr/bin/python3").status == 0)
        let zipped = try report([sandbox.folder + "/deep.zip"])
        #expect(Set(kinds(zipped)) == ["letterboxd ratings", "letterboxd watched", "letterboxd list"])
        #expect(added(zipped) == ["viewings": 0, "placeholders": 0, "ratings": 0, "notes": 0, "tags": 0], "the same export twice adds nothing")
    }

    // MARK: 2. Letterboxd, every year

    @Test("a diary of 2017 without Rewatch and with entry links: the second entry of a film is a rewatch; the film is known by its slug")
    func letterboxd2017() throws {
        let diary = """
            Date,Name,Year,Letterboxd URI,Rating,Tags,Watched Date
            2016-05-02,Stalker,1979,https://letterboxd.com/someone/film/stalker/,4.5,zone,2016-05-01
            2017-02-02,Stalker,1979,https://letterboxd.com/someone/film/stalker/1/,5,,2017-02-01
            2017-03-02,Mirror,1975,https://letterboxd.com/someone/film/mirror/,4,,2017-03-01

            """
        try sandbox.write("old/diary.csv", diary)
        try sandbox.write("old/watched.csv", "Date,Name,Year,Letterboxd URI\n2016-05-02,Stalker,1979,https://letterboxd.com/someone/film/stalker/\n")
        try sandbox.write("old/lists/tarkovsky.csv", "\nDate,Name,Tags,URL,Description\n2017-01-01,Tarkovsky,,,\n\nPosition,Name,Year,URL,Description\n1,Stalker,1979,https://letterboxd.com/someone/film/stalker/,\n2,Mirror,1975,,\n")
        let result = try report([sandbox.folder + "/old", "--add-missing"])
        #expect(added(result)["viewings"] == 3)
        #expect(added(result)["placeholders"] == 0)
        #expect((result["films"] as? [String: Any])?["created"] as? Int == 2)
        let stalker = try json("show", "stalker", "--json") as? [String: Any]
        #expect((stalker?["viewings"] as? [[String: Any]])?.map { $0["rewatch"] as? Bool } == [false, true])
        #expect((stalker?["ids"] as? [String: Any])?["letterboxd"] as? String == "https://letterboxd.com/film/stalker/")
        let lists = try json("list", "--collection", "tarkovsky", "--json") as? [[String: Any]]
        #expect(lists?.compactMap { $0["title"] as? String } == ["Stalker", "Mirror"])
    }

    // MARK: 3. IMDb, every era

    static let oldHeader = #""position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL""# + "\n"

    static func oldRow(_ position: Int, _ const: String, created: String, title: String, type: String, rated: String, year: Int) -> String {
        #""\#(position)","\#(const)","\#(created)","\#(created)","","\#(title)","\#(type)","Andrei Tarkovsky","\#(rated)","8.1","161","\#(year)","drama, sci_fi","100","\#(year)-05-25","http://www.imdb.com/title/\#(const)/""# + "\n"
    }

    @Test("IMDb before 2017: a watchlist that holds ratings, ratings and check-ins in the 16-column format, title types in words")
    func imdbBefore2017() throws {
        try sandbox.write("imdb/WATCHLIST.csv", Self.oldHeader
            + Self.oldRow(1, "tt0079944", created: "Sat Feb 16 20:50:11 2013", title: "Stalker", type: "Feature Film", rated: "9", year: 1979)
            + Self.oldRow(2, "tt0072443", created: "Sat Feb 16 20:51:11 2013", title: "Mirror", type: "Feature Film", rated: "", year: 1975)
            + Self.oldRow(3, "tt0108778", created: "Sat Feb 16 20:52:11 2013", title: "Friends", type: "TV Series", rated: "7", year: 1994)
            + Self.oldRow(4, "tt0000001", created: "Sat Feb 16 20:53:11 2013", title: "Mystery", type: "", rated: "", year: 1990))
        try sandbox.write("imdb/CHECKINS.csv", Self.oldHeader
            + Self.oldRow(1, "tt0079944", created: "Sun Mar 10 21:00:00 2013", title: "Stalker", type: "Feature Film", rated: "", year: 1979)
            + Self.oldRow(2, "tt0069293", created: "Mon Apr 01 21:00:00 2013", title: "Solaris", type: "Feature Film", rated: "", year: 1972))
        try sandbox.write("imdb/ratings.csv", Self.oldHeader
            + Self.oldRow(1, "tt0069293", created: "Mon Apr 01 21:05:00 2013", title: "Solaris", type: "Feature Film", rated: "8", year: 1972))
        let run = try sandbox.runRaw(["import", sandbox.folder + "/imdb", "--add-missing", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 row of the title type '(empty)' was skipped"))
        let result = (try sandbox.parseJSON(run.stdout) as? [String: Any]) ?? [:]
        #expect(Set(kinds(result)) == ["imdb watchlist (old format)", "imdb check-ins (old format)", "imdb ratings (old format)"])
        #expect(result["skippedTitleTypes"] as? [String: Int] == ["TV Series": 1])
        #expect(added(result)["viewings"] == 2, "every check-in is a dated viewing")
        #expect(added(result)["ratings"] == 2)
        let stalker = try json("show", "stalker", "--json") as? [String: Any]
        #expect((stalker?["viewings"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2013-03-10"])
        #expect(stalker?["rating"] as? Double == 4.5)
        #expect(stalker?["released"] as? String == "1979-05-25")
        let solaris = try json("show", "solaris", "--json") as? [String: Any]
        #expect(solaris?["ratedAt"] as? String == "2013-04-01T00:00:00Z")
        let watchlist = try json("list", "--collection", "imdb-watchlist", "--json") as? [[String: Any]]
        #expect(watchlist?.compactMap { $0["title"] as? String } == ["Stalker", "Mirror"])
    }

    @Test("IMDb's late-2017 ratings (Date Added, Latin-1), and the same account's files of three eras make one diary")
    func imdbEras() throws {
        var latin1 = Data("Const,Your Rating,Date Added,Title,Title Type,Directors,IMDb Rating,Runtime (mins),Year,Genres,Num Votes\n".utf8)
        latin1 += Data("tt0079944,10,Fri Jul 17 14:06:03 UTC 2015,Stalker,movie,Andrei Tarkovsky,8.1,161,1979,Drama,100\n".utf8)
        latin1 += Data("tt0096283,8,Sat Jul 18 10:00:00 UTC 2015,Tonari no Totoro,movie,Hayao Miyazaki,8.1,86,1988,Animation,100\n".utf8)
        latin1 += Data("tt0211915,9,Sun Jul 19 10:00:00 UTC 2015,Le fabuleux destin d'Am".utf8) + Data([0xE9]) + Data("lie Poulain,movie,Jean-Pierre Jeunet,8.3,122,2001,Comedy,100\n".utf8)
        let late = try sandbox.write("2017/ratings.csv", latin1)
        let result = try report([late, "--add-missing"])
        #expect(kinds(result) == ["imdb ratings (2017 format)"])
        #expect(added(result)["ratings"] == 3)
        #expect((try json("show", "fabuleux", "--json") as? [String: Any])?["title"] as? String == "Le fabuleux destin d'Amélie Poulain")
        // The same films in today's format, rated again later; and the old format's watchlist.
        let today = """
            Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
            tt0079944,9,2024-06-01,Stalker,https://www.imdb.com/title/tt0079944/,Movie,8.1,161,1979,Drama,100,1979-05-25,Andrei Tarkovsky

            """
        try sandbox.write("2024/ratings.csv", today)
        try sandbox.write("2013/WATCHLIST.csv", Self.oldHeader
            + Self.oldRow(1, "tt0079944", created: "Sat Feb 16 20:50:11 2013", title: "Stalker", type: "Feature Film", rated: "7", year: 1979))
        _ = try report([sandbox.folder + "/2024/ratings.csv", sandbox.folder + "/2013/WATCHLIST.csv"])
        let films = try json("list", "--json") as? [[String: Any]]
        #expect(films?.filter { $0["title"] as? String == "Stalker" }.count == 1, "one Stalker, whatever the era of the file")
        let stalker = try json("show", "stalker", "--json") as? [String: Any]
        #expect(stalker?["rating"] as? Double == 4.5, "the latest dated rating wins; a list's undated one never does")
    }

    // MARK: 4. Damaged by spreadsheets

    @Test("a watchlist re-saved by a spreadsheet: two-digit years, 470 empty rows, an unreadable Release Date is a warning")
    func spreadsheetWatchlist() throws {
        var text = "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n"
        for index in 1...19 {
            let created = index == 1 ? "30-11-93" : "10-09-20"
            let release = index == 2 ? "sometime" : "15-06-79"
            text += "\(index),tt\(String(format: "%07d", 100 + index)),\(created),\(created),,Film \(index),,movie,7,90,1979,Drama,10,\(release),Someone\n"
        }
        text += String(repeating: ",,,,,,,,,,,,,,\n", count: 470)
        let file = try sandbox.write("WATCHLIST.csv", text)
        let run = try sandbox.runRaw(["import", file, "--add-missing"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("line 3: 'sometime' in Release Date is not a date; that fact of the film stays unknown"), "\(run.stderr)")
        #expect(run.stderr.contains("Read 1 file, 19 rows"))
        #expect((try json("show", "film 1", "--json") as? [String: Any])?["released"] as? String == "1979-06-15")
        #expect((try json("show", "film 2", "--json") as? [String: Any])?["released"] is NSNull)
    }

    @Test("semicolons, UTF-16 and UTF-8 with a byte-order mark, and a spreadsheet's dates are read; a watched day that is not one is 65 with its line")
    func spreadsheetDamage() throws {
        let diary = "Date;Name;Year;Letterboxd URI;Rating;Rewatch;Tags;Watched Date\r\n02.01.24;Stalker;1979;https://boxd.it/s1;4,5;;;01.01.24\r\n"
        let semicolons = try sandbox.write("semi/diary.csv", diary.replacingOccurrences(of: "4,5", with: "4.5"))
        #expect(added(try report([semicolons, "--add-missing"]))["viewings"] == 1)
        var utf16 = Data([0xFF, 0xFE])
        for unit in Self.ratings.replacingOccurrences(of: "Stalker", with: "Zérkalo").utf16 { utf16 += Data([UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let wide = try sandbox.write("wide/ratings.csv", utf16)
        #expect(added(try report([wide, "--add-missing"]))["ratings"] == 1)
        #expect((try json("show", "zérkalo", "--json") as? [String: Any])?["title"] as? String == "Zérkalo")
        let bom = try sandbox.write("bom/ratings.csv", Data([0xEF, 0xBB, 0xBF]) + Data(Self.ratings.replacingOccurrences(of: "Stalker", with: "Mirror").replacingOccurrences(of: "2aHi", with: "mIrr").utf8))
        #expect(added(try report([bom, "--add-missing"]))["ratings"] == 1)
        let before = sandbox.databaseBytes()
        let bad = try sandbox.write("bad/diary.csv", "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-01-02,Solaris,1972,x,4,,,someday\n")
        let refused = try sandbox.runRaw(["import", bad, "--add-missing"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("diary.csv, line 2: 'someday' in Watched Date is not a date"))
        #expect(sandbox.databaseBytes() == before)
    }

    // MARK: 5. Trakt

    static func movie(_ title: String, _ year: Int, trakt: Int, imdb: String) -> String {
        #"{"title":"\#(title)","year":\#(year),"ids":{"trakt":\#(trakt),"slug":"\#(title.lowercased())-\#(year)","imdb":"\#(imdb)","tmdb":\#(trakt + 1000)}}"#
    }

    func writeTrakt(_ folder: String, history: Bool) throws {
        let stalker = Self.movie("Stalker", 1979, trakt: 1, imdb: "tt0079944"), mirror = Self.movie("Mirror", 1975, trakt: 2, imdb: "tt0072443")
        let solaris = Self.movie("Solaris", 1972, trakt: 3, imdb: "tt0069293")
        try sandbox.write("\(folder)/ratings_movies.json", #"[{"rated_at":"2024-02-01T20:00:00.000Z","rating":9,"type":"movie","movie":\#(stalker)},{"rated_at":"2024-02-02T20:00:00.000Z","rating":7,"type":"show","show":{"title":"Friends"}}]"#)
        try sandbox.write("\(folder)/watched_movies.json", #"[{"plays":3,"last_watched_at":"2024-01-20T21:00:00.000Z","last_updated_at":"2024-01-20T21:00:00.000Z","movie":\#(stalker)},{"plays":1,"last_watched_at":"2023-05-05T21:00:00.000Z","movie":\#(mirror)}]"#)
        if history {
            try sandbox.write("\(folder)/history.json", #"[{"id":1,"watched_at":"2020-01-01T20:00:00.000Z","action":"watch","type":"movie","movie":\#(stalker)},{"id":2,"watched_at":"2024-01-20T21:00:00.000Z","action":"scrobble","type":"movie","movie":\#(stalker)},{"id":3,"watched_at":"2024-01-21T21:00:00.000Z","action":"watch","type":"episode","episode":{"title":"Pilot"},"show":{"title":"Friends"}}]"#)
        }
        try sandbox.write("\(folder)/watchlist_movies.json", #"[{"rank":2,"id":9,"listed_at":"2024-01-01T00:00:00.000Z","notes":"On a big screen.","type":"movie","movie":\#(solaris)},{"rank":1,"id":8,"listed_at":"2024-01-01T00:00:00.000Z","notes":null,"type":"movie","movie":\#(mirror)}]"#)
        try sandbox.write("\(folder)/lists.json", #"[{"name":"Zones","description":"Places that change people.","privacy":"public","ids":{"trakt":55,"slug":"zones"}}]"#)
        try sandbox.write("\(folder)/lists/zones.json", #"[{"rank":1,"id":1,"listed_at":"2024-01-01T00:00:00.000Z","type":"movie","movie":\#(stalker)},{"rank":2,"id":2,"listed_at":"2024-01-01T00:00:00.000Z","type":"movie","movie":\#(solaris)}]"#)
    }

    @Test("Trakt: ratings halved, history gives every play its day, the watchlist and a list become collections, shows are skipped; again, nothing changes")
    func trakt() throws {
        try writeTrakt("trakt", history: true)
        let result = try report([sandbox.folder + "/trakt", "--add-missing"])
        #expect(Set(kinds(result)) == ["trakt ratings", "trakt watched", "trakt history", "trakt watchlist", "trakt lists", "trakt list"])
        #expect(result["skippedTitleTypes"] as? [String: Int] == ["show": 1, "episode": 1])
        let stalker = try json("show", "stalker", "--json") as? [String: Any]
        #expect(stalker?["rating"] as? Double == 4.5)
        #expect((stalker?["viewings"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2020-01-01", "2024-01-20"], "history supersedes watched")
        #expect((stalker?["viewings"] as? [[String: Any]])?.map { $0["rewatch"] as? Bool } == [false, true])
        #expect((stalker?["ids"] as? [String: Any])?["trakt"] as? Int == 1)
        #expect(try sandbox.run("show", "stalker").stdout.contains("Trakt 1"))
        let mirror = try json("show", "mirror", "--json") as? [String: Any]
        #expect((mirror?["viewings"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2023-05-05"])
        let watchlist = try json("list", "--collection", "trakt-watchlist", "--json") as? [[String: Any]]
        #expect(watchlist?.compactMap { $0["title"] as? String } == ["Mirror", "Solaris"])
        let collections = try json("collection", "list", "--json") as? [[String: Any]]
        #expect(collections?.contains { $0["slug"] as? String == "zones" && $0["title"] as? String == "Zones" } == true)
        let again = try report([sandbox.folder + "/trakt", "--add-missing"])
        #expect(added(again) == ["viewings": 0, "placeholders": 0, "ratings": 0, "notes": 0, "tags": 0])
        #expect(again["collectionsCreated"] as? [String] == [])
    }

    @Test("Trakt without history: a film watched 3 times gets a viewing on its last day and two on a day not known")
    func traktWithoutHistory() throws {
        try writeTrakt("trakt", history: false)
        _ = try report([sandbox.folder + "/trakt", "--add-missing"])
        let stalker = try json("show", "stalker", "--json") as? [String: Any]
        #expect((stalker?["viewings"] as? [[String: Any]])?.map { $0["date"] as? String } == [nil, nil, "2024-01-20"])
    }

    // MARK: 6. Criticker

    @Test("Criticker: the scale decided once a file (0–10 or 0–100), 0 is the lowest rating, Date Rated, a Mini Review, the IMDb id")
    func criticker() throws {
        let ten = """
            Score, Film Name, Year, Date Rated, Mini Review, URL, IMDB ID
            10, Stalker, 1979, "Jun 21 2014, 22:06", "The Zone.", https://www.criticker.com/film/Stalker/, tt0079944
            0, Mirror, 1975, "Jun 22 2014, 10:00", , https://www.criticker.com/film/Mirror/, tt0072443

            """
        let tenResult = try report([try sandbox.write("criticker10.csv", ten), "--add-missing"])
        #expect(kinds(tenResult) == ["criticker ratings"])
        #expect((try json("show", "stalker", "--json") as? [String: Any])?["rating"] as? Double == 5)
        let mirror = try json("show", "mirror", "--json") as? [String: Any]
        #expect(mirror?["rating"] as? Double == 0.5, "0 is the lowest rating, not none")
        #expect(mirror?["ratedAt"] as? String == "2014-06-22T00:00:00Z")
        #expect((mirror?["viewings"] as? [[String: Any]])?.first?["placeholder"] as? Bool == true)
        #expect(((try json("show", "stalker", "--json") as? [String: Any])?["notes"] as? [[String: Any]])?.first?["text"] as? String == "The Zone.")
        let hundred = "Score, Film Name, Year, Date Rated, Mini Review, URL, IMDB ID\n85, Solaris, 1972, \"Jun 23 2014, 10:00\", , , tt0069293\n7, Ivan's Childhood, 1962, \"Jun 24 2014, 10:00\", , , tt0056111\n"
        _ = try report([try sandbox.write("criticker100.csv", hundred), "--add-missing"])
        #expect((try json("show", "solaris", "--json") as? [String: Any])?["rating"] as? Double == 4.5)
        #expect((try json("show", "ivan", "--json") as? [String: Any])?["rating"] as? Double == 0.5)
    }

    // MARK: 7. A spreadsheet kept by hand

    @Test("--columns reads a sheet of one's own; without it, the error lists the formats and shows --columns with the file's header")
    func ownSpreadsheet() throws {
        let sheet = "Film,Released,Date,Score,Thoughts,Mood\nStalker,1979,2024-03-01,9,The Zone.,calm\nMirror,1975,,7,,\n"
        let path = try sandbox.write("films 2024.csv", sheet)
        let before = sandbox.databaseBytes()
        let refused = try sandbox.runRaw(["import", path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("Criticker: Score, Film Name"))
        #expect(refused.stderr.contains("--columns 'title=Film,year=Released,watched=Date,rating=Score/5,note=Thoughts'"), "\(refused.stderr)")
        #expect(sandbox.databaseBytes() == before)
        let result = try report([path, "--columns", "title=Film,year=Released,watched=Date,rating=Score/10,note=Thoughts", "--add-missing"])
        #expect(kinds(result) == ["spreadsheet"])
        #expect(added(result) == ["viewings": 1, "placeholders": 1, "ratings": 2, "notes": 1, "tags": 0])
        let stalker = try json("show", "stalker", "--json") as? [String: Any]
        #expect(stalker?["rating"] as? Double == 4.5)
        #expect((stalker?["viewings"] as? [[String: Any]])?.first?["date"] as? String == "2024-03-01")
        let wrong = try sandbox.runRaw(["import", path, "--columns", "title=Name"])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("the header row has no column 'Name' that --columns names"))
        let usage = try sandbox.runRaw(["import", path, "--columns", "film=Film"])
        #expect(usage.status == 64)
    }
}
