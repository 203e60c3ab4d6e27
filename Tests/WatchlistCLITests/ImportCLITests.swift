import Foundation
import Testing

@Suite("import, tags and collections through the binary")
struct ImportCLITests {
    let sandbox: Sandbox
    init() throws { sandbox = try Sandbox() }

    func write(_ name: String, _ text: String) throws -> String {
        let path = sandbox.folder + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let diary = """
        Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
        2024-01-02,The Ascent,1977,https://boxd.it/a1,4.5,,winter,2024-01-01
        2024-03-02,Stalker,1979,https://boxd.it/a3,5,,,2024-03-01

        """

    @Test("import reports to stderr, --json to stdout, --dry-run changes nothing, a second import adds nothing")
    func report() throws {
        let diary = try write("export/diary.csv", ImportCLITests.diary)
        let dry = try sandbox.run("import", diary, "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stdout.isEmpty)
        #expect(dry.stderr.contains("Films: 1 matched, 0 would be created, 1 would be skipped"))
        #expect(dry.stderr.contains("Would add: "))
        #expect(dry.stderr.contains("Stalker (1979)"))
        #expect(dry.stderr.contains("Dry run: nothing was changed."))
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))

        let real = try sandbox.run("import", sandbox.folder + "/export", "--add-missing", "--json")
        #expect(real.status == 0)
        let report = try #require(try sandbox.parseJSON(real.stdout) as? [String: Any])
        #expect((report["films"] as? [String: Any])?["created"] as? Int == 1)
        #expect(report["added"] as? [String: Int] == ["viewings": 2, "placeholders": 0, "ratings": 2, "notes": 0, "tags": 1])
        #expect(report["rows"] as? Int == 2)
        #expect(report["dryRun"] as? Bool == false)

        let again = try sandbox.run("import", diary, "--add-missing")
        #expect(again.stderr.contains("Added: 0 viewings, 0 placeholders, 0 ratings, 0 notes, 0 tags"))
        #expect(again.stderr.contains("Nothing new"))
        #expect(try sandbox.run("show", "stalker").stdout.contains("Collections: letterboxd"))
    }

    @Test("bad import input: 65 for malformed or unrecognised files, 66 for a file that cannot be read; nothing changes")
    func statuses() throws {
        try sandbox.run("watch", "1", "--on", "2025-01-01")
        let before = sandbox.databaseBytes()
        let good = try write("good.csv", ImportCLITests.diary)
        let unterminated = try write("bad.csv", "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,\"The Ascent,1977,x,4\n")
        let run = try sandbox.run("import", good, unterminated, "--add-missing")
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.csv, line 2: a quoted field is never closed"))
        let unknown = try sandbox.run("import", try write("other.csv", "Film,Stars\nStalker,5\n"))
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date"))
        let missing = try sandbox.run("import", sandbox.folder + "/nope.csv")
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("Cannot read"))
        #expect(try sandbox.run("import", good, "--format", "imdb").status == 65)
        #expect(try sandbox.run("import", good, "--format", "xml").status == 64)
        #expect(try sandbox.run("import").status == 64)
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("tag, untag, list --tag, and tags in show")
    func tags() throws {
        #expect(try sandbox.run("tag", "ascent", "Winter", "war").stdout == "Tagged The Ascent (1977) winter, war\n")
        #expect(try sandbox.run("tag", "red tent", "winter").status == 0)
        let list = try sandbox.run("list", "--tag", "winter", "--json")
        #expect((try sandbox.parseJSON(list.stdout) as? [[String: Any]])?.map { $0["id"] as? Int } == [1, 10])
        #expect(try sandbox.run("show", "ascent").stdout.contains("Tags: war, winter"))
        #expect(try sandbox.run("untag", "ascent", "war").stdout == "Removed war from The Ascent (1977)\n")
        #expect(try sandbox.run("untag", "ascent", "war").status == 1)
        let bad = try sandbox.run("tag", "ascent", "a,b")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("without commas"))
    }

    @Test("collection import, list, show, --collection on list and export, and remove with --force")
    func collections() throws {
        let file = try write("French New Wave.txt", "The New Wave.\n\nBreathless (1960)\nDescription: Godard.\n\nThe Ascent (1977)\nDescription: Shared.\n")
        let added = try sandbox.run("collection", "import", file)
        #expect(added.status == 0)
        #expect(added.stdout.contains("french-new-wave"))
        let list = try sandbox.run("collection", "list", "--json")
        let collections = try #require(try sandbox.parseJSON(list.stdout) as? [[String: Any]])
        #expect(collections.map { $0["slug"] as? String } == ["soviet-survival", "french-new-wave"])
        #expect(collections[1]["films"] as? Int == 2)
        #expect(try sandbox.run("collection", "show", "french-new-wave").stdout.contains("Breathless"))
        let filtered = try sandbox.run("list", "--collection", "french-new-wave", "--json")
        #expect((try sandbox.parseJSON(filtered.stdout) as? [[String: Any]])?.map { $0["title"] as? String } == ["Breathless", "The Ascent"])
        try sandbox.run("watch", "breathless", "--on", "2024-01-01")
        let summary = try sandbox.run()
        #expect(summary.stdout.contains("French New Wave: 1 of 2 films watched."))
        let csv = try sandbox.run("export", "--format", "csv", "--collection", "french-new-wave")
        #expect(csv.stdout.split(separator: "\r\n").count == 3)
        let refused = try sandbox.run("collection", "remove", "french-new-wave")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("with 1 viewing, 0 ratings") && refused.stderr.contains("--force"))
        #expect(try sandbox.run("collection", "remove", "french-new-wave", "--force").status == 0)
        #expect(try sandbox.run("show", "breathless").status == 1)
        #expect(try sandbox.run("collection", "remove", "soviet-survival", "--force").status == 64)
        #expect(try sandbox.run("list", "--collection", "nope").status == 1)
        let malformed = try sandbox.run("collection", "import", try write("bad.txt", "Stalker (1979)\nDirector: x\n"))
        #expect(malformed.status == 65)
        #expect(malformed.stderr.contains("bad.txt, line 2"))
        #expect(try sandbox.run("collection", "import", sandbox.folder + "/missing.txt").status == 66)
    }

    @Test("export --format letterboxd, then import it into a fresh database: the same viewings, ratings, tags and notes")
    func letterboxdRoundTrip() throws {
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
        try sandbox.run("watch", "ascent", "--on", "2024-06-01")
        try sandbox.run("rate", "ascent", "4.5")
        try sandbox.run("tag", "ascent", "winter")
        try sandbox.run("note", "ascent", "Cold, \"bleak\".")
        try sandbox.run("rate", "red tent", "3")
        let path = sandbox.folder + "/letterboxd.csv"
        #expect(try sandbox.run("export", "--format", "letterboxd", "-o", path).status == 0)
        let fresh = sandbox.folder + "/fresh.sqlite"
        #expect(try sandbox.runRaw(["--db", fresh, "import", path]).status == 0)
        for film in ["ascent", "red tent"] {
            var original = try #require(try sandbox.parseJSON(try sandbox.run("show", film, "--json").stdout) as? [String: Any])
            var restored = try #require(try sandbox.parseJSON(try sandbox.runRaw(["--db", fresh, "show", film, "--json"]).stdout) as? [String: Any])
            // Times of logging differ; what was recorded must not.
            for key in ["viewings", "notes", "ratedAt"] {
                original[key] = nil
                restored[key] = nil
            }
            #expect(NSDictionary(dictionary: original).isEqual(to: restored))
        }
        let viewings = try sandbox.parseJSON(try sandbox.runRaw(["--db", fresh, "show", "ascent", "--json"]).stdout) as? [String: Any]
        #expect((viewings?["viewings"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2024-01-01", "2024-06-01"])
        #expect((viewings?["notes"] as? [[String: Any]])?.map { $0["text"] as? String } == ["Cold, \"bleak\"."])
    }

    @Test("a warning reaches standard error with --json too; --no-lists leaves a watchlist out; show prints the ids a file gave")
    func warningsListsAndIds() throws {
        let ratings = try write("imdb/ratings.csv", """
            Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
            tt0075404,9,2024-01-05,The Ascent,https://www.imdb.com/title/tt0075404/,movie,8.2,111,1977,Drama,1,1977-04-02,Larisa Shepitko
            tt9999999,7,2024-01-05,Odd Thing,https://www.imdb.com/title/tt9999999/,Filmszene,7,10,2001,Drama,1,2001-01-01,Someone

            """)
        let json = try sandbox.run("import", ratings, "--json")
        #expect(json.status == 0)
        #expect(json.stderr == "warning: 1 row of the title type 'Filmszene' was skipped: watchlist does not know whether it is a film.\n")
        let report = try #require(try sandbox.parseJSON(json.stdout) as? [String: Any])
        #expect(report["unknownTitleTypes"] as? [String: Int] == ["Filmszene": 1])
        let show = try sandbox.run("show", "ascent")
        #expect(show.stdout.contains("Ids: IMDb tt0075404\n"))
        #expect(show.stdout.contains("  watched, day not known (imported)\n"))

        let watchlist = try write("lb/watchlist.csv", "Date,Name,Year,Letterboxd URI\n2024-01-01,Stalker,1979,https://boxd.it/fSta\n")
        let skipped = try sandbox.run("import", watchlist, "--no-lists", "--add-missing")
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr.contains("watchlists and lists are left out (--no-lists)"))
        #expect(try sandbox.run("collection", "list").stdout.contains("letterboxd-watchlist") == false)
        let taken = try sandbox.run("import", watchlist, "--add-missing")
        #expect(taken.stderr.contains("letterboxd-watchlist: 1 film"))
        #expect(try sandbox.run("list", "--collection", "letterboxd-watchlist", "--unwatched").stdout.contains("Stalker"))
        #expect(try sandbox.run("next", "--collection", "letterboxd-watchlist").stdout.hasPrefix("Stalker (1979)"))
    }
}
