import Foundation
import GRDB
import Testing

/// The holes a hostile review found (issue "Nothing a person wrote is ever lost"), one test
/// each, through the binary where a person would meet them. The numbers are the review's.
@Suite("nothing lost: what a person wrote survives imports, removals and restores")
struct NothingLostCLITests {
    let sandbox: Sandbox
    init() throws { sandbox = try Sandbox() }

    static func list(name: String, url: String, description: String = "", entries: [(String, Int)]) -> String {
        "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-03-01,\(name),,\(url),\"\(description)\"\n\n"
            + "Position,Name,Year,URL,Description\n"
            + entries.enumerated().map { "\($0.offset + 1),\($0.element.0),\($0.element.1),,\n" }.joined()
    }

    /// The films of the JSON export, as its text.
    func films() throws -> String {
        try sandbox.run("export").stdout.split(separator: "\n").filter { $0.hasPrefix("{\"alternativeTitles") }.joined(separator: "\n")
    }

    func json(_ arguments: String...) throws -> Any {
        let run = try sandbox.runRaw(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return try sandbox.parseJSON(run.stdout)
    }

    @Test("1. a newer list export that drops a film keeps the film when it holds facts the person set")
    func handSetFactsKeepAFilm() throws {
        let first = try sandbox.write("v1/lists/favourites.csv", Self.list(name: "Favourites", url: "https://boxd.it/fav1",
                                                                            entries: [("Mirror", 1975), ("Solaris", 1972)]))
        #expect(try sandbox.run("import", first, "--add-missing").status == 0)
        #expect(try sandbox.run("film", "set", "mirror", "--runtime", "106").status == 0)
        let second = try sandbox.write("v2/lists/favourites.csv", Self.list(name: "Favourites", url: "https://boxd.it/fav1",
                                                                             entries: [("Solaris", 1972)]))
        let run = try sandbox.run("import", second)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("Films removed"), "\(run.stderr)")
        let mirror = try json("show", "mirror", "--json") as? [String: Any]
        #expect(mirror?["runtime"] as? Int == 106)
        // A film the list alone held, with nothing of the person's, still goes.
        let third = try sandbox.write("v3/lists/favourites.csv", Self.list(name: "Favourites", url: "https://boxd.it/fav1",
                                                                            entries: [("Mirror", 1975)]))
        #expect(try sandbox.run("import", third).stderr.contains("Films removed: 1"))
        #expect(try sandbox.run("show", "solaris").status == 1)
    }

    @Test("2. collection remove counts the facts the person set, and needs --force for them")
    func removalCountsFacts() throws {
        let file = try sandbox.write("tarkovsky.txt", "Tarkovsky.\n\nStalker (1979)\nDescription: The Zone.\n")
        #expect(try sandbox.run("collection", "import", file).status == 0)
        #expect(try sandbox.run("film", "set", "stalker", "--runtime", "161").status == 0)
        let before = sandbox.databaseBytes()
        let refused = try sandbox.run("collection", "remove", "tarkovsky")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("would delete 1 film that is in no other collection, with 0 viewings, 0 ratings, 0 notes, 0 tags and 1 fact you set"))
        #expect(sandbox.databaseBytes() == before)
        #expect(try sandbox.run("collection", "remove", "tarkovsky", "--force").stdout.contains("and 1 fact you set"))
    }

    static let reviewsHeader = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n"

    @Test("3. re-importing reviews.csv after note edit keeps the person's text; a review edited since is kept beside it")
    func editedNoteSurvivesReimport() throws {
        let link = "https://letterboxd.com/someone/film/stalker/"
        let reviews = try sandbox.write("export/reviews.csv", Self.reviewsHeader + "2024-03-02,Stalker,1979,\(link),5,,\"The room.\",,2024-03-01\n")
        #expect(try sandbox.run("import", reviews, "--add-missing").status == 0)
        #expect(try sandbox.run("note", "edit", "1", "My own words on the Zone.").status == 0)
        let before = try films()
        let again = try sandbox.run("import", reviews)
        #expect(again.status == 0)
        #expect(again.stderr.contains("Nothing new"), "\(again.stderr)")
        #expect(!again.stderr.contains("whose review was edited"))
        #expect(try films() == before)
        // The review changed on Letterboxd too: both texts stay.
        let newer = try sandbox.write("newer/reviews.csv", Self.reviewsHeader + "2024-03-02,Stalker,1979,\(link),5,,\"The room, the wish.\",,2024-03-01\n")
        let run = try sandbox.run("import", newer)
        #expect(run.stderr.contains("1 note you edited kept as you wrote it (the review's new text added beside)"), "\(run.stderr)")
        let notes = try json("note", "list", "stalker", "--json") as? [[String: Any]]
        #expect(notes?.compactMap { $0["text"] as? String } == ["My own words on the Zone.", "The room, the wish."])
        // And once more: nothing new.
        #expect(try sandbox.run("import", newer).stderr.contains("Nothing new"))
    }

    @Test("4. two lists without a link whose names fold alike stay two collections, each with its film")
    func listsFoldingAlike() throws {
        let old = { (name: String, film: String, year: Int) in
            "\nDate,Name,Tags,URL,Description\n2016-01-01,\(name),,,\n\nPosition,Name,Year,URL,Description\n1,\(film),\(year),,\n"
        }
        try sandbox.write("export/lists/My List.csv", old("My List", "Mirror", 1975))
        try sandbox.write("export/lists/my-list.csv", old("my list", "Solaris", 1972))
        let run = try sandbox.run("import", sandbox.folder + "/export", "--add-missing")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("Films removed"))
        let collections = try json("collection", "list", "--json") as? [[String: Any]]
        let lists = collections?.filter { ($0["slug"] as? String)?.hasPrefix("my-list") == true }
        #expect(lists?.count == 2)
        #expect(Set(lists?.compactMap { $0["films"] as? Int } ?? []) == [1])
        #expect(try sandbox.run("show", "mirror").status == 0)
        #expect(try sandbox.run("show", "solaris").status == 0)
        // Again: the same two, nothing new.
        #expect(try sandbox.run("import", sandbox.folder + "/export", "--add-missing").stderr.contains("Nothing new"))
    }

    @Test("5. a list description of 100,000 code points and an entry note of 100,000 export and import back; one more is refused (65)")
    func limitsTheSameEveryWayIn() throws {
        let long = String(repeating: "d", count: 100_000)
        func list(description: String) -> String {
            "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-03-01,Long,,https://boxd.it/l1,\(description)\n\n"
                + "Position,Name,Year,URL,Description\n1,Mirror,1975,,\(long)\n"
        }
        let path = try sandbox.write("export/lists/long.csv", list(description: long))
        #expect(try sandbox.run("import", path, "--add-missing").status == 0)
        let export = try sandbox.run("export", "-o", sandbox.folder + "/backup.json")
        #expect(export.status == 0)
        let copy = try Sandbox()
        let imported = try copy.run("import", sandbox.folder + "/backup.json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = withoutExportTime(try sandbox.run("export", "--collection", "long").stdout)
        let again = withoutExportTime(try copy.run("export", "--collection", "long").stdout)
        #expect(exported == again)
        let before = sandbox.databaseBytes()
        let over = try sandbox.write("over/lists/over.csv", list(description: long + "d"))
        let refused = try sandbox.run("import", over, "--add-missing")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("100001 code points long; the limit is 100000"), "\(refused.stderr)")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("6. undo of a restore finds its copy only in the tool's own folder: a history row naming a path undoes nothing")
    func restoreCopyFoundByTheTool() throws {
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
        let backup = sandbox.folder + "/backup.sqlite"
        #expect(try sandbox.run("db", "backup", backup).status == 0)
        try sandbox.run("watch", "red tent", "--on", "2024-02-01")
        // A handed-over database whose latest entry is a "restore" naming any file, or itself.
        for path in [backup, sandbox.db, "../../etc/passwd"] {
            let execute = try DatabaseQueueOpener.open(sandbox.db)
            try execute("INSERT INTO history (at, command, summary, safetyCopy, undoable) VALUES ('2026-11-26T12:00:00Z', 'db restore x', 'Restored', '\(path)', 1)")
            let before = sandbox.databaseBytes()
            let undo = try sandbox.run("undo")
            #expect(undo.status == 1, "\(path): \(undo.stdout)")
            #expect(undo.stderr.contains("cannot be undone"))
            #expect(sandbox.databaseBytes() == before)
            try execute("DELETE FROM history WHERE command = 'db restore x'")
        }
        // Two restores in the same second keep two copies, and undo puts each back in turn.
        let first = try sandbox.run("db", "restore", backup)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(".restores/2026-11-26T120000Z-1.sqlite"))
        try sandbox.run("watch", "flight", "--on", "2024-03-01")
        let second = try sandbox.run("db", "restore", backup)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains(".restores/2026-11-26T120000Z-2.sqlite"))
        func watched() throws -> [String] {
            try (json("list", "--watched", "--json") as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        }
        #expect(try watched() == ["The Ascent"])
        // The copy of the second restore holds the first restore and the viewing after it.
        #expect(try sandbox.run("undo").stdout.hasPrefix("Undid: Restored the database"))
        #expect(try watched() == ["The Ascent", "The Flight"])
        #expect(try sandbox.run("undo").stdout.hasPrefix("Undid: Watched The Flight"))
        #expect(try sandbox.run("undo").stdout.hasPrefix("Undid: Restored the database"))
        #expect(try watched() == ["The Ascent", "The Red Tent"])
    }

    @Test("7. a trigger named sqlite_stat_evil planted in the schema is refused by every command, db check and restore")
    func plantedTrigger() throws {
        try sandbox.run("note", "ascent", "Keep me.")
        let execute = try DatabaseQueueOpener.open(sandbox.db)
        try execute("""
            PRAGMA writable_schema = ON;
            INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('trigger', 'sqlite_stat_evil', 'viewing', 0,
                'CREATE TRIGGER sqlite_stat_evil AFTER INSERT ON viewing BEGIN DELETE FROM note; END');
            PRAGMA writable_schema = OFF;
            """)
        let before = sandbox.databaseBytes()
        let watch = try sandbox.run("watch", "ascent")
        #expect(watch.status == 74)
        #expect(watch.stderr.contains("the trigger sqlite_stat_evil is not watchlist's"), "\(watch.stderr)")
        let check = try sandbox.run("db", "check")
        #expect(check.status == 74)
        #expect(check.stderr.contains("sqlite_stat_evil"))
        #expect(sandbox.databaseBytes() == before)
        let other = try Sandbox()
        try other.run("watch", "ascent")
        let otherBefore = other.databaseBytes()
        let restore = try other.run("db", "restore", sandbox.db)
        #expect(restore.status == 74)
        #expect(other.databaseBytes() == otherBefore)
    }

    @Test("8. planner statistics from a file are dropped when it is opened, and a restore does not carry them")
    func plantedStatistics() throws {
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
        let execute = try DatabaseQueueOpener.open(sandbox.db)
        try execute("ANALYZE; DELETE FROM sqlite_stat1; INSERT INTO sqlite_stat1 VALUES ('viewing', 'viewing_filmId_watchedOn', '1 1000000 1000000'), ('film', 'film_titleKey', '1000000 1');")
        #expect(try sandbox.query("SELECT count(*) FROM sqlite_stat1") == ["2"])
        let backup = sandbox.folder + "/with-stats.sqlite"
        try FileManager.default.copyItem(atPath: sandbox.db, toPath: backup)
        #expect(try sandbox.run("list").status == 0)
        #expect(try sandbox.query("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'") == ["0"])
        let other = try Sandbox()
        try other.run("watch", "red tent")
        #expect(try other.run("db", "restore", backup).status == 0)
        #expect(try other.query("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'") == ["0"])
        #expect(try other.run("db", "check").status == 0)
    }

    @Test("10. a runtime or a decade of 999999999999999999 is refused (64), never an overflow")
    func hugeNumbers() throws {
        let before = sandbox.databaseBytes()
        for arguments in [["film", "set", "ascent", "--runtime", "999999999999999999h"], ["list", "--max-runtime", "999999999999999999h"],
                          ["list", "--max-runtime", "99999999999999999999"], ["film", "set", "ascent", "--runtime", "9223372036854775807:59"],
                          ["list", "--decade", "99999999999999999999s"]] {
            let run = try sandbox.runRaw(arguments)
            #expect(run.status == 64, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.hasPrefix("watchlist: error: "))
        }
        #expect(sandbox.databaseBytes() == before)
    }

    static let imdbHeader = "Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n"

    @Test("11. a Directors cell of 160,000 names and a Tags cell of 100,000 tags are dealt with in linear time, with a message")
    func longCells() throws {
        let directors = (0..<160_000).map { "Director \($0)" }.joined(separator: ", ")
        let imdb = try sandbox.write("ratings.csv", Self.imdbHeader + "tt0079944,9,2024-01-01,Stalker,,movie,8,161,1979,Drama,1,1979-05-25,\"\(directors)\"\n")
        let started = Date()
        let run = try sandbox.run("import", imdb, "--add-missing")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the Directors cell names more than 100; the first 100 are kept"), "\(run.stderr.prefix(500))")
        let stalker = try json("show", "stalker", "--json") as? [String: Any]
        #expect((stalker?["directors"] as? [String])?.count == 100)
        let tags = (0..<100_000).map { "t\($0)" }.joined(separator: ",")
        let diary = try sandbox.write("diary.csv", "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-01-02,Stalker,1979,https://boxd.it/s1,4,,\"\(tags)\",2024-01-01\n")
        let before = sandbox.databaseBytes()
        let tagged = Date()
        let refused = try sandbox.run("import", diary)
        #expect(Date().timeIntervalSince(tagged) < 20)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("line 2: the Tags cell holds more than 1000 tags"), "\(refused.stderr)")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("13. ten thousand --director arguments are refused at once")
    func tooManyArguments() throws {
        let started = Date()
        let run = try sandbox.runRaw(["film", "set", "ascent"] + (0..<10_000).flatMap { ["--director", "d\($0)"] })
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("watchlist: error: watchlist takes at most 1000 arguments"))
        let repeated = try sandbox.runRaw(["film", "set", "ascent"] + (0..<101).flatMap { ["--director", "d\($0)"] })
        #expect(repeated.status == 64)
        #expect(repeated.stderr.contains("At most 100 values of --director"))
    }

    @Test("14. a director of 150 characters in 300 code points is refused by film set (64) and a file's is a warning, never 70")
    func lengthsInCodePoints() throws {
        let director = String(repeating: "q\u{301}", count: 150)  // q has no precomposed accented form
        let before = sandbox.databaseBytes()
        let set = try sandbox.run("film", "set", "ascent", "--director", director)
        #expect(set.status == 64)
        #expect(set.stderr.contains("The director is 300 code points long; the limit is 200."), "\(set.stderr)")
        #expect(sandbox.databaseBytes() == before)
        let imdb = try sandbox.write("ratings.csv", Self.imdbHeader + "tt0079944,9,2024-01-01,Stalker,,movie,8,161,1979,Drama,1,1979-05-25,\(director)\n")
        let fromIMDb = try sandbox.run("import", imdb, "--add-missing")
        #expect(fromIMDb.status == 0, "\(fromIMDb.stderr)")
        #expect(fromIMDb.stderr.contains("the Directors cell holds a name that is not one"))
        let document = try sandbox.write("doc.json", #"{"format":"watchlist","version":3,"films":[{"title":"X","facts":{"user":{"directors":["# + "\"\(director)\"" + "]}}}]}")
        let fromJSON = try sandbox.run("import", document)
        #expect(fromJSON.status == 65)
        #expect(fromJSON.stderr.contains("films[0].facts.user.directors[0] is not a director"))
        let link = "https://letterboxd.com/someone/film/" + String(repeating: "x", count: 200) + "/"
        let reviews = try sandbox.write("reviews.csv", Self.reviewsHeader + "2024-03-02,Stalker,1979,\(link),5,,\"Text.\",,2024-03-01\n")
        let fromReview = try sandbox.run("import", reviews)
        #expect(fromReview.status == 65, "\(fromReview.stderr)")
        #expect(fromReview.stderr.contains("line 2: the Letterboxd URI is 237 code points long"), "\(fromReview.stderr)")
    }

    @Test("15. a JSON note id of 2^63 - 1 is not taken: later notes are added as usual; db check flags a number sequence at the end")
    func idsFromFilesAreNotOurs() throws {
        let document = try sandbox.write("doc.json", #"{"format":"watchlist","version":3,"films":[{"id":9223372036854775807,"title":"The Ascent","year":1977,"notes":[{"id":9223372036854775807,"text":"From a file."}]}]}"#)
        #expect(try sandbox.run("import", document).status == 0)
        let notes = try json("note", "list", "--json") as? [[String: Any]]
        #expect(notes?.compactMap { $0["id"] as? Int } == [1])
        let added = try sandbox.run("note", "ascent", "Mine.")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Added note 2 to The Ascent (1977)\n")
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("note", "ascent", "Mine again.").status == 0)
        let execute = try DatabaseQueueOpener.open(sandbox.db)
        try execute("UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'noteNumber'")
        let check = try sandbox.run("db", "check")
        #expect(check.status == 74)
        #expect(check.stderr.contains("sqlite_sequence row noteNumber: the next number"), "\(check.stderr)")
    }

    @Test("16. db restore: an unreadable file is 66, a damaged one 65, a hot journal is recovered, a WAL backup leaves the rollback journal",
          .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func restoreErrors() throws {
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
        let backup = sandbox.folder + "/backup.sqlite"
        #expect(try sandbox.run("db", "backup", backup).status == 0)
        try sandbox.run("watch", "red tent", "--on", "2024-01-02")
        let before = sandbox.databaseBytes()
        // Unreadable: as root, the binary runs as nobody, who cannot read a file of root's made 0600.
        let unreadable = sandbox.folder + "/unreadable.sqlite"
        try FileManager.default.copyItem(atPath: backup, toPath: unreadable)
        chmod(unreadable, 0o000)
        defer { chmod(unreadable, 0o600) }
        if getuid() == 0 {
            sandbox.giveDatabase(to: 65534)
            defer { sandbox.giveDatabase(to: 0) }
            let run = try sandbox.runRaw(["--reuid=65534", "--regid=65534", "--clear-groups", binary, "--db", sandbox.db, "db", "restore", unreadable],
                                         executable: "/usr/bin/setpriv")
            #expect(run.status == 66, "\(run.stderr)")
        } else {
            #expect(try sandbox.run("db", "restore", unreadable).status == 66)
        }
        // Damaged: a page of the backup overwritten.
        var damaged = try Data(contentsOf: URL(fileURLWithPath: backup))
        damaged.replaceSubrange(4096..<8192, with: Data(repeating: 0xA5, count: 4096))
        let damagedPath = try sandbox.write("damaged.sqlite", damaged)
        let damagedRun = try sandbox.run("db", "restore", damagedPath)
        #expect(damagedRun.status == 65, "\(damagedRun.stderr)")
        #expect(sandbox.databaseBytes() == before)
        // A hot journal beside the backup: what it holds is the backup rolled back.
        let hot = sandbox.folder + "/hot.sqlite"
        try FileManager.default.copyItem(atPath: backup, toPath: hot)
        let python = """
            import os, sqlite3, sys
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("PRAGMA cache_size = 1")
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM viewing")
            db.execute("INSERT INTO note (filmId, text, createdAt, updatedAt) SELECT 1, hex(randomblob(2000)), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM film")
            os._exit(0)
            """
        #expect(try sandbox.runRaw(["-c", python, hot], executable: "/usr/bin/python3").status == 0)
        #expect(FileManager.default.fileExists(atPath: hot + "-journal"))
        let hotRun = try sandbox.run("db", "restore", hot)
        #expect(hotRun.status == 0, "\(hotRun.stderr)")
        let watched = try json("list", "--watched", "--json") as? [[String: Any]]
        #expect(watched?.compactMap { $0["title"] as? String } == ["The Ascent"])
        #expect(try sandbox.query("SELECT count(*) FROM note") == ["0"])
        // A backup in write-ahead-log mode restores into the rollback journal.
        let wal = sandbox.folder + "/wal.sqlite"
        try FileManager.default.copyItem(atPath: backup, toPath: wal)
        let queue = try DatabaseQueue(path: wal)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
        #expect(try sandbox.run("db", "restore", wal).status == 0)
        let header = try Data(contentsOf: URL(fileURLWithPath: sandbox.db)).prefix(20)
        #expect(header[18] == 1 && header[19] == 1)
        #expect(try sandbox.query("PRAGMA journal_mode") == ["delete"])
    }

    @Test("17. a runtime of 90.5 or an id beyond 64 bits in a JSON document names the field and what it must be")
    func jsonTypes() throws {
        let cases = [
            (#"{"format":"watchlist","version":3,"films":[{"title":"X","facts":{"imdb":{"runtime":90.5}}}]}"#,
             "films[0].facts.imdb.runtime is not a whole number of minutes"),
            (#"{"format":"watchlist","version":3,"films":[{"id":99999999999999999999,"title":"X"}]}"#,
             "films[0].id is not a whole number of at most 19 digits"),
            (#"{"format":"watchlist","version":3,"films":[{"title":"X","year":"1977"}]}"#, "films[0].year is not a year"),
        ]
        for (text, message) in cases {
            let path = try sandbox.write("doc.json", text)
            let run = try sandbox.run("import", path)
            #expect(run.status == 65)
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
    }

    @Test("18. a tag typed in NFC and then in NFD is one tag")
    func tagsInNFC() throws {
        #expect(try sandbox.run("tag", "ascent", "caf\u{E9}").status == 0)
        let again = try sandbox.run("tag", "ascent", "cafe\u{301}")
        #expect(again.status == 1 && again.stderr.contains("already has the tag caf\u{E9}; nothing was changed."), "\(again.stderr)")
        let ascent = try json("show", "ascent", "--json") as? [String: Any]
        #expect((ascent?["tags"] as? [String])?.map { Array($0.unicodeScalars) } == [Array("caf\u{E9}".unicodeScalars)])
        #expect((try json("list", "--tag", "cafe\u{301}", "--json") as? [Any])?.count == 1)
    }

    @Test("19. a newline in a file's name, a JSON title or the --db path forges no line of any output")
    func namesOnOneLine() throws {
        let forged = "Forged: Watched everything"
        let document = try sandbox.write("x\n\(forged).json", #"{"format":"watchlist","version":3,"films":[{"title":"Evil\n"# + forged + #"","year":1999}]}"#)
        let imported = try sandbox.run("import", document)
        #expect(imported.status == 0, "\(imported.stderr)")
        var outputs = [imported.stdout + imported.stderr]
        for arguments in [["list"], ["show", "evil"], ["search", "evil"], ["history"], ["note", "evil", "A note."], ["watch", "evil"],
                          ["rate", "evil", "4"], ["stats"], ["unwatch", "nothing\n\(forged)"]] {
            let run = try sandbox.runRaw(arguments)
            outputs.append(run.stdout + run.stderr)
        }
        let path = sandbox.folder + "/db\n\(forged).sqlite"
        let atPath = try sandbox.runRaw(["--db", path, "watch", "ascent"])
        let checked = try sandbox.runRaw(["--db", path, "db", "check"])
        outputs += [atPath.stdout + atPath.stderr, checked.stdout + checked.stderr]
        for output in outputs {
            let lines = output.split(separator: "\n")
            #expect(!lines.contains { $0.hasPrefix(forged) || $0.hasPrefix("Forged") }, "\(output)")
        }
        #expect(outputs[2].contains("Evil\\nForged: Watched everything (1999)"))
    }

    @Test("20. --db file:/x and --db :memory: are paths, opened as paths: the file there, always")
    func literalPaths() throws {
        for name in ["file:" + sandbox.folder + "/uri.sqlite", ":memory:"] {
            let watched = try sandbox.runRaw(["--db", name, "watch", "ascent", "--on", "2024-01-01"])
            #expect(watched.status == 0, "\(watched.stderr)")
            let listed = try sandbox.runRaw(["--db", name, "list", "--watched", "--json"])
            #expect(listed.stdout.contains("The Ascent"), "\(name): \(listed.stderr)")
            #expect(FileManager.default.fileExists(atPath: sandbox.folder + "/" + name))
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/uri.sqlite"))
    }
}
