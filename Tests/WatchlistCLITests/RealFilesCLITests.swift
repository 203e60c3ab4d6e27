import Foundation
import GRDB
import Testing

/// What a new user and twelve more people's files broke (issue "Every real file read right"),
/// one test or more an item, through the binary, on files shaped as the services write them.
@Suite("every real file read right: dates, same-kind files, backups, Letterboxd's import format, Netflix, and what a new user tripped on")
struct RealFilesCLITests {
    let sandbox: Sandbox
    init() throws { sandbox = try Sandbox() }

    func json(_ arguments: String...) throws -> Any {
        let run = try sandbox.runRaw(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return try sandbox.parseJSON(run.stdout)
    }

    func report(_ arguments: [String], in sandbox: Sandbox? = nil) throws -> [String: Any] {
        let sandbox = sandbox ?? self.sandbox
        let run = try sandbox.runRaw(["import"] + arguments + ["--json"])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return (try? sandbox.parseJSON(run.stdout) as? [String: Any]) ?? [:]
    }

    func film(_ reference: String) throws -> [String: Any]? { try json("show", reference, "--json") as? [String: Any] }

    static let reviewsHeader = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n"

    // MARK: 1. A JSON round trip keeps an edited note edited

    @Test("1. an edited note survives export, import into a new database and a re-import of the review")
    func editedNoteAcrossDatabases() throws {
        let link = "https://letterboxd.com/someone/film/stalker/"
        let reviews = try sandbox.write("lb/reviews.csv", Self.reviewsHeader + "2024-03-02,Stalker,1979,\(link),5,,\"The room.\",,2024-03-01\n")
        #expect(try sandbox.run("import", reviews, "--add-missing").status == 0)
        #expect(try sandbox.run("note", "edit", "1", "My own words on the Zone.").status == 0)
        let document = sandbox.folder + "/backup.json"
        #expect(try sandbox.run("export", "-o", document).status == 0)
        let other = try Sandbox()
        #expect(try other.run("import", document).status == 0)
        let again = try other.run("import", reviews)
        #expect(again.status == 0)
        #expect(!again.stderr.contains("whose review was edited") && !again.stderr.contains("added beside"), "\(again.stderr)")
        let notes = try other.parseJSON(try other.run("note", "list", "--json").stdout) as? [[String: Any]] ?? []
        #expect(notes.map { $0["text"] as? String } == ["My own words on the Zone."])
    }

    // MARK: 2. Dates decided by the whole column

    @Test("2. a spreadsheet's day-first release dates are read day first, decided by every value of the column")
    func dayFirstColumn() throws {
        let watchlist = """
            Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
            1,tt0106519,06-12-2019,06-12-2019,,Carlito's Way,https://www.imdb.com/title/tt0106519/,movie,7.9,144,1993,"Crime, Drama",250000,30-11-93,Brian De Palma
            2,tt0120735,06-12-2019,06-12-2019,,Lock,https://www.imdb.com/title/tt0120735/,movie,8.1,107,1998,"Action, Comedy",600000,06-12-99,Guy Ritchie

            """
        let run = try sandbox.run("import", try sandbox.write("imdb/WATCHLIST.csv", watchlist), "--add-missing")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("read as D/M/YYYY (30-11-93 can only be read so)"), "\(run.stderr)")
        #expect(try film("carlito")?["released"] as? String == "1993-11-30")
        #expect(try film("lock")?["released"] as? String == "1999-12-06")
    }

    // MARK: 3. Two files of one kind

    @Test("3. an account's watchlists of two eras in one folder make one collection, their union; nothing is created and removed")
    func twoWatchlists() throws {
        let old = """
            "position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL"
            "1","tt1375666","Sat Apr 23 08:36:35 2011","Sat Apr 23 08:36:35 2011","","Inception","Feature Film","Christopher Nolan","","8.8","148","2010","action","1159852","2010-07-08","http://www.imdb.com/title/tt1375666/"
            "2","tt0482571","Sat Apr 23 08:34:37 2011","Sat Apr 23 08:34:37 2011","","The Prestige","Feature Film","Christopher Nolan","","8.5","130","2006","drama","675082","2006-10-17","http://www.imdb.com/title/tt0482571/"

            """
        let new = """
            Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
            1,tt6723592,2021-06-02,2021-06-02,,Tenet,https://www.imdb.com/title/tt6723592/,movie,7.3,150,2020,"Action, Sci-Fi",491301,2020-08-22,Christopher Nolan
            2,tt0482571,2021-06-02,2021-06-02,,The Prestige,https://www.imdb.com/title/tt0482571/,movie,8.5,130,2006,"Drama",675082,2006-10-17,Christopher Nolan

            """
        try sandbox.write("imdb/WATCHLIST.csv", old)
        try sandbox.write("imdb/WATCHLIST-new.csv", new)
        let result = try report([sandbox.folder + "/imdb", "--add-missing"])
        let films = result["films"] as? [String: Any]
        #expect(films?["removed"] as? Int == 0)
        #expect(films?["created"] as? Int == 3)
        let listed = (try json("list", "--collection", "imdb-watchlist", "--json") as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        // The files in name order: the first's films, then the next's that are new.
        #expect(listed == ["Tenet", "The Prestige", "Inception"])
    }

    // MARK: 4. Hours never zero

    @Test("4. a diary without runtimes says the hours are unknown in stats --year, the year's page and --json")
    func hoursUnknown() throws {
        #expect(try sandbox.run("import", projectRoot + "/docs/examples/letterboxd-export", "--add-missing").status == 0)
        let text = try sandbox.run("stats", "--year", "2025").stdout
        #expect(text.contains("Hours watched: unknown"), "\(text)")
        #expect(!text.contains("0.0"))
        let page = sandbox.folder + "/year.html"
        #expect(try sandbox.run("export", "--format", "html", "--year", "2025", "-o", page).status == 0)
        let html = String(decoding: FileManager.default.contents(atPath: page) ?? Data(), as: UTF8.self)
        #expect(!html.contains("0.0</") && html.contains("no film watched has a runtime"))
        let stats = try json("stats", "--year", "2025", "--json") as? [String: Any]
        let review = stats?["review"] as? [String: Any]
        #expect(review?["hours"] is NSNull && review?["minutes"] is NSNull)
    }

    // MARK: 5. The report says only what was done

    @Test("5. an edited note whose review's new text the film has already is reported kept, not 'added beside'")
    func reportSaysWhatHappened() throws {
        let link = "https://letterboxd.com/someone/film/stalker/"
        #expect(try sandbox.run("import", try sandbox.write("a/reviews.csv", Self.reviewsHeader + "2024-03-02,Stalker,1979,\(link),5,,\"The room.\",,2024-03-01\n"),
                                "--add-missing").status == 0)
        #expect(try sandbox.run("note", "edit", "1", "Mine.").status == 0)
        #expect(try sandbox.run("note", "stalker", "The wish.").status == 0)
        let newer = try sandbox.write("b/reviews.csv", Self.reviewsHeader + "2024-03-02,Stalker,1979,\(link),5,,\"The wish.\",,2024-03-01\n")
        let run = try sandbox.run("import", newer)
        #expect(run.stderr.contains("1 note you edited kept as you wrote it"), "\(run.stderr)")
        #expect(!run.stderr.contains("added beside"), "\(run.stderr)")
        let notes = try sandbox.parseJSON(try sandbox.run("note", "list", "--json").stdout) as? [[String: Any]] ?? []
        #expect(notes.count == 2)
    }

    // MARK: 6. A backup's files that hold no film

    @Test("6. a Trakt backup with its profile, settings and statistics imports; those files are listed as ignored with the reason",
          arguments: [[], ["--format", "trakt"]])
    func traktBackupWithProfile(format: [String]) throws {
        let folder = sandbox.folder + "/trakt-backup"
        try FileManager.default.copyItem(atPath: projectRoot + "/docs/examples/trakt-backup", toPath: folder)
        try sandbox.write("trakt-backup/user/profile.json", #"{"username":"sean","private":false,"name":"Sean","vip":true,"ids":{"slug":"sean"},"joined_at":"2010-09-25T17:49:25.000Z","location":"SF","about":"","age":35}"#)
        try sandbox.write("trakt-backup/user/settings.json", #"{"user":{"username":"sean"},"account":{"timezone":"America/Los_Angeles","time_24hr":false},"connections":{"facebook":false},"sharing_text":{"watching":"I'm watching [item]"}}"#)
        try sandbox.write("trakt-backup/user/stats.json", #"{"movies":{"plays":155,"watched":114,"minutes":15650,"collected":933,"ratings":256,"comments":28},"shows":{"watched":16}}"#)
        try sandbox.write("trakt-backup/user/followers.json", #"[{"followed_at":"2014-09-01T09:10:11.000Z","user":{"username":"sean"}}]"#)
        let result = try report([folder, "--add-missing"] + format)
        let ignored = result["ignoredFiles"] as? [[String: Any]] ?? []
        for name in ["profile.json", "settings.json", "stats.json", "followers.json"] {
            #expect(ignored.contains { ($0["path"] as? String)?.hasSuffix(name) == true && ($0["reason"] as? String)?.contains("holds no film") == true },
                    "\(name): \(ignored)")
        }
        #expect((result["films"] as? [String: Any])?["created"] as? Int ?? 0 > 0)
        #expect((result["warnings"] as? [String] ?? []).allSatisfy { !$0.contains("profile.json") })
        // Given alone, such a file is refused: it is no document, whatever it holds.
        let alone = try sandbox.run("import", folder + "/user/profile.json")
        #expect(alone.status == 65)
        #expect(!alone.stderr.contains("format is missing"), "\(alone.stderr)")
    }

    // MARK: 7. Letterboxd's own import format

    @Test("7. Letterboxd's import format is read by its header whatever the file is called, its ids kept; a 1–10 Rating gets a hint")
    func letterboxdImportFormat() throws {
        let csv = """
            Title,Year,imdbID,tmdbID,WatchedDate,Rating,Rewatch,Tags,Review
            Stalker,1979,tt0079944,1398,2024-01-05,4.5,false,"zone, tarkovsky",The room.
            Mirror,1975,tt0072443,1396,2024-02-01,3,,,

            """
        let result = try report([try sandbox.write("must-export/watched.csv", csv), "--add-missing"])
        #expect((result["files"] as? [[String: Any]])?.first?["kind"] as? String == "letterboxd import")
        let stalker = try film("stalker")
        #expect((stalker?["ids"] as? [String: Any])?["imdb"] as? String == "tt0079944")
        #expect((stalker?["ids"] as? [String: Any])?["tmdb"] as? Int == 1398)
        #expect(stalker?["rating"] as? Double == 4.5)
        #expect(try sandbox.run("show", "stalker").stdout.contains("tt0079944"))
        let folder = try report([sandbox.folder + "/must-export"])
        #expect((folder["added"] as? [String: Int])?["viewings"] == 0, "the same file again adds nothing")
        let tenPoint = try sandbox.write("jellyfin/letterboxd.csv", "Title,Year,Rating,WatchedDate\nSolaris,1972,8,2024-03-01\n")
        let refused = try sandbox.run("import", tenPoint, "--add-missing")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("'8' in Rating is not a rating from 0.5 to 5") && refused.stderr.contains("Rating10"), "\(refused.stderr)")
    }

    // MARK: 8. The export's zip in its folder

    @Test("8. a folder holding the export's .zip imports it as the export")
    func zipInFolder() throws {
        let make = """
            import sys, zipfile, os
            with zipfile.ZipFile(sys.argv[2], "w") as archive:
                for name in sorted(os.listdir(sys.argv[1])):
                    archive.write(os.path.join(sys.argv[1], name), name)
            """
        try FileManager.default.createDirectory(atPath: sandbox.folder + "/Downloads/letterboxd", withIntermediateDirectories: true)
        let zip = sandbox.folder + "/Downloads/letterboxd/letterboxd-someone-2026-12-01-10-00-utc.zip"
        #expect(try sandbox.runRaw(["-c", make, projectRoot + "/docs/examples/letterboxd-export", zip], executable: "/usr/bin/python3").status == 0)
        let result = try report([sandbox.folder + "/Downloads/letterboxd", "--add-missing"])
        #expect(Set((result["files"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
                == ["letterboxd diary", "letterboxd ratings", "letterboxd watched", "letterboxd watchlist"])
        let empty = try sandbox.run("import", try sandbox.write("nothing/readme.txt", "hello"))
        #expect(empty.status == 65)
    }

    // MARK: 9. Merge conflicts

    @Test("9. a file with git's conflict markers is refused naming the line", arguments: [true, false])
    func conflictMarkers(atTop: Bool) throws {
        let header = "Date,Name,Year,Letterboxd URI,Rating\n"
        let text = atTop
            ? "<<<<<<< HEAD\n" + header + "2024-01-02,Stalker,1979,https://boxd.it/2aHi,4.5\n=======\n" + header + "2024-01-02,Stalker,1979,https://boxd.it/2aHi,4\n>>>>>>> other\n"
            : header + "2024-01-02,Mirror,1975,https://boxd.it/2aHk,3\n<<<<<<< HEAD\n2024-01-02,Stalker,1979,https://boxd.it/2aHi,4.5\n=======\n2024-01-02,Stalker,1979,https://boxd.it/2aHi,4\n>>>>>>> other\n"
        let run = try sandbox.run("import", try sandbox.write("ratings.csv", text), "--add-missing")
        #expect(run.status == 65)
        #expect(run.stderr.contains("line \(atTop ? 1 : 3) is a merge conflict marker ('<<<<<<< HEAD')") && run.stderr.contains("resolve the conflict first"),
                "\(run.stderr)")
    }

    // MARK: 10. Criticker's TV shows

    @Test("10. Criticker rows of TV shows are skipped and counted")
    func critickerTV() throws {
        let csv = """
            Score, Film Name, Year, Date Rated, Mini Review, URL, IMDB ID
            90, Stalker, 1979, "Jun 21 2014, 22:06", , https://www.criticker.com/film/Stalker/, tt0079944
            80, The Office, 2005, "Jun 22 2014, 10:00", , https://www.criticker.com/tv/The-Office-US/, tt0386676
            85, Death Note, 2006, "Jun 23 2014, 10:00", , https://www.criticker.com/tv/Death-Note/, tt0877057

            """
        let result = try report([try sandbox.write("criticker.csv", csv), "--add-missing"])
        #expect((result["films"] as? [String: Any])?["created"] as? Int == 1)
        #expect(result["skippedTitleTypes"] as? [String: Int] == ["tv": 2])
    }

    // MARK: 11. An old IMDb file that rates every row

    @Test("11. an old-format IMDb file under another name that rates every row is read as ratings, dated by created")
    func oldListEveryRowRated() throws {
        let old = """
            "position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL"
            "1","tt1375666","Sat Apr 23 08:36:35 2011","Sat Apr 23 08:36:35 2011","","Inception","Feature Film","Christopher Nolan","10","8.8","148","2010","action","1159852","2010-07-08","http://www.imdb.com/title/tt1375666/"
            "2","tt0482571","Sat Apr 23 08:34:37 2011","Sat Apr 23 08:34:37 2011","","The Prestige","Feature Film","Christopher Nolan","8","8.5","130","2006","drama","675082","2006-10-17","http://www.imdb.com/title/tt0482571/"

            """
        let result = try report([try sandbox.write("my-imdb-2011.csv", old), "--add-missing"])
        #expect((result["files"] as? [[String: Any]])?.first?["kind"] as? String == "imdb ratings (old format)")
        #expect(try film("inception")?["ratedAt"] as? String == "2011-04-23T00:00:00Z")
    }

    // MARK: 12. An empty list

    @Test("12. an empty Letterboxd list makes a collection with --add-missing, and none without")
    func emptyList() throws {
        let list = "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2026-11-01,To Watch In Winter,,https://boxd.it/w1,\"Long nights.\"\n\n"
            + "Position,Name,Year,URL,Description\n"
        let file = try sandbox.write("lb/lists/to-watch-in-winter.csv", list)
        let without = try report([file])
        #expect(without["listsLeftOut"] as? [String] == ["To Watch In Winter"])
        let with = try report([file, "--add-missing"])
        #expect(with["collectionsCreated"] as? [String] == ["to-watch-in-winter"])
        let collections = try json("collection", "list", "--json") as? [[String: Any]] ?? []
        #expect(collections.contains { $0["slug"] as? String == "to-watch-in-winter" })
    }

    // MARK: 13. Netflix's viewing history

    static let netflix = """
        Title,Date
        "The Crown: Season 1: Wolferton Splash","20/12/2019"
        "La casa de papel: Parte 1: Episodio 1","18/12/2019"
        "Dark: Staffel 1: Geheimnisse","17/12/2019"
        "Our Planet: One Planet","16/12/2019"
        "Our Planet: Frozen Worlds","15/12/2019"
        "Roma","14/12/2019"
        "The Irishman","13/12/2019"
        "Stalker","02/01/2019"
        "Mission: Impossible - Fallout","01/11/2019"

        """

    @Test("13. Netflix's history: films become viewings on their day (dates decided by the file), episodes are counted and skipped, a film without a year matches only a title one film has")
    func netflixHistory() throws {
        #expect(try sandbox.run("collection", "import", projectRoot + "/docs/examples/tarkovsky.txt").status == 0)
        let result = try report([try sandbox.write("NetflixViewingHistory.csv", Self.netflix), "--add-missing"])
        #expect((result["files"] as? [[String: Any]])?.first?["kind"] as? String == "netflix history")
        #expect(result["skippedTitleTypes"] as? [String: Int] == ["episode": 5])
        let warnings = result["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.contains("read as D/M/YYYY") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("'Our Planet' (2)") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("Roma: the file gives no year") && $0.contains("--year") }, "\(warnings)")
        let stalker = try film("stalker")
        #expect(stalker?["year"] as? Int == 1979, "the one film of that title")
        #expect((stalker?["viewings"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2019-01-02"])
        let roma = try film("roma")
        #expect(roma?["year"] is NSNull)
        #expect((roma?["viewings"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2019-12-14"])
        #expect(try film("mission impossible")?["title"] as? String == "Mission: Impossible - Fallout")
        #expect(try sandbox.run("film", "set", "roma", "--year", "2018").stdout.contains("Set the year of Roma (2018)"))
        #expect(try film("roma")?["year"] as? Int == 2018)
        #expect(try sandbox.run("undo").status == 0)
        #expect(try film("roma")?["year"] is NSNull)
    }

    // MARK: 14–15. What a new user tripped on

    @Test("14. --version prints the version and the schema's")
    func version() throws {
        let run = try sandbox.run("--version")
        #expect(run.status == 0)
        // The schema's version is the number of its migrations.
        let schema = try FileManager.default.contentsOfDirectory(atPath: projectRoot + "/Schema").filter { $0.hasPrefix("v") && $0.hasSuffix(".sql") }.count
        #expect(run.stdout.hasPrefix("watchlist ") && run.stdout.contains("database schema \(schema)") && run.stdout.contains("JSON document 6"), "\(run.stdout)")
    }

    @Test("15. a mistyped subcommand of a group gets a suggestion", arguments: [(["note", "lst"], "note list"),
                                                                                             (["collection", "lst"], "collection list"),
                                                                                             (["note", "edt", "1", "x"], "note edit")])
    func typosInGroups(arguments: [String], meant: String) throws {
        let run = try sandbox.run(arguments, with: [:])
        #expect(run.status == 64)
        #expect(run.stderr.contains("Unknown command '\(arguments[1])'. Did you mean '\(meant)'?"), "\(run.stderr)")
    }

    @Test("15. '#3' is no id: it names no film, and film 3 is suggested by its id; '#99' suggests nothing")
    func hashIds() throws {
        let three = (try sandbox.parseJSON(try sandbox.run("show", "3", "--json").stdout) as? [String: Any])?["title"] as? String ?? "?"
        let before = sandbox.databaseBytes()
        let run = try sandbox.run("watch", "#3", "--on", "2024-01-02")
        #expect(run.status == 1)
        #expect(run.stderr.contains("No film matches '#3'. Did you mean: 3 (\(three) ("), "\(run.stderr)")
        #expect(sandbox.databaseBytes() == before)
        let missing = try sandbox.run("watch", "#99")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("No film matches '#99'.") && !missing.stderr.contains("Did you mean"), "\(missing.stderr)")
    }

    // MARK: 16. Statistics planted in a file

    @Test("16. planner statistics a file carries never steer a read, whether the file can be written or not")
    func plantedStatistics() throws {
        #expect(try sandbox.run("watch", "ascent").status == 0)
        try Tampering.execute(sandbox.db, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
            INSERT INTO film (id, title, year, description, fact, titleKey) SELECT 100 + i, 'Filler ' || i, 1990, '', '', 'filler ' || i FROM n
            """, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
            INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt, placeholder)
            SELECT 101 + i % 3000, date('2000-01-01', '+' || (i % 9000) || ' days'), 0, '2020-01-01T00:00:00Z', 0 FROM n
            """, "INSERT INTO collection (id, slug, title, description, builtIn, createdAt) VALUES (50, 'fill', 'Fill', '', 0, '2020-01-01T00:00:00Z')",
            "INSERT INTO collectionFilm (collectionId, filmId, position, note) SELECT 50, id, id, '' FROM film WHERE title GLOB 'Filler *'",
            "INSERT INTO filmIdentifier (kind, value, filmId) SELECT 'letterboxd', 'https://boxd.it/f' || id, id FROM film WHERE title GLOB 'Filler *'",
            "INSERT INTO filmNumber (filmId) SELECT id FROM film WHERE title GLOB 'Filler *'")
        let clean = sandbox.folder + "/clean.sqlite", planted = sandbox.folder + "/planted.sqlite"
        try FileManager.default.copyItem(atPath: sandbox.db, toPath: clean)
        try FileManager.default.copyItem(atPath: sandbox.db, toPath: planted)
        try Tampering.execute(planted, "ANALYZE", "DELETE FROM sqlite_stat1", """
            INSERT INTO sqlite_stat1 SELECT tbl_name, name, '1 1' FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_auto%'
            """, """
            INSERT INTO sqlite_stat1 SELECT name, NULL, '1' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'filmSearch%'
            """)
        func seconds(_ path: String, asNobody: Bool) throws -> (Double, String) {
            var best = Double.infinity
            var output = ""
            for _ in 0..<2 {
                let started = Date()
                let run = asNobody ? try sandbox.runRaw(["--reuid=65534", "--regid=65534", "--clear-groups", binary, "--db", path, "list"],
                                                        executable: "/usr/bin/setpriv")
                    : try sandbox.runRaw(["--db", path, "list"])
                #expect(run.status == 0, "\(run.stderr)")
                best = min(best, Date().timeIntervalSince(started))
                output = run.stdout
            }
            return (best, output)
        }
        let (baseline, expected) = try seconds(clean, asNobody: false)
        // A file this process cannot write keeps its statistics: read by another user.
        if getuid() == 0 {
            let readOnly = sandbox.folder + "/ro/planted.sqlite"
            try FileManager.default.createDirectory(atPath: sandbox.folder + "/ro", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: planted, toPath: readOnly)
            chmod(sandbox.folder, 0o755)
            chmod(readOnly, 0o644)
            let (time, output) = try seconds(readOnly, asNobody: true)
            #expect(output == expected)
            #expect(time < baseline * 2 + 0.5, "read-only with statistics: \(time) s; without: \(baseline) s")
            #expect(try DatabaseQueue(path: readOnly).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_stat1") } ?? 0 > 0,
                    "the file still holds them")
        }
        let (time, output) = try seconds(planted, asNobody: false)
        #expect(output == expected)
        #expect(time < baseline * 2 + 0.5, "with statistics: \(time) s; without: \(baseline) s")
    }
}
