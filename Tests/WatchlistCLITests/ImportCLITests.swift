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
        #expect(dry.stderr.contains("Films: 1 matched, 0 created, 1 skipped"))
        #expect(dry.stderr.contains("Stalker (1979)"))
        #expect(dry.stderr.contains("Dry run: nothing was changed."))
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))

        let real = try sandbox.run("import", sandbox.folder + "/export", "--add-missing", "--json")
        #expect(real.status == 0)
        let report = try #require(try sandbox.parseJSON(real.stdout) as? [String: Any])
        #expect((report["films"] as? [String: Any])?["created"] as? Int == 1)
        #expect(report["added"] as? [String: Int] == ["viewings": 2, "ratings": 2, "notes": 0, "tags": 1])
        #expect(report["rows"] as? Int == 2)
        #expect(report["dryRun"] as? Bool == false)

        let again = try sandbox.run("import", diary, "--add-missing")
        #expect(again.stderr.contains("Added: 0 viewings, 0 ratings, 0 notes, 0 tags"))
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
        #expect(refused.stderr.contains("1 viewing(s)") && refused.stderr.contains("--force"))
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
}

/// Where the shared real exports are, beside the project; nil when they are not there.
let realExportsRoot: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/fixtures/real-exports").standardized.path
    return FileManager.default.fileExists(atPath: root) ? root : nil
}()

/// The real exports people published (../shared/fixtures/real-exports), imported with
/// --add-missing into fresh databases. The expected counts are what
/// scripts/count-real-exports.py counts in the files by the import rules, independently.
@Suite("real exports", .enabled(if: realExportsRoot != nil, "../shared/fixtures/real-exports is not here"))
struct RealExportTests {
    static var root: String? { realExportsRoot }

    static let expected: [(folder: String, files: Int, rows: Int, created: Int, viewings: Int, ratings: Int, tags: Int,
                           watchlist: Int, skipped: [String: Int], warnings: Int)] = [
        ("letterboxd-extratone-2024", 5, 1160, 417, 432, 233, 113, 113, [:], 0),
        ("letterboxd-melvincarvalho-2021", 4, 154, 75, 75, 20, 0, 0, [:], 0),
        ("imdb-pvlsson-2023", 1, 17, 15, 0, 15, 0, 0, ["tvSeries": 2], 0),
        ("imdb-ronilaukkarinen-2021", 1, 3086, 2942, 0, 2942, 0, 0,
         ["tvSeries": 107, "tvMiniSeries": 29, "tvSpecial": 2, "tvEpisode": 4, "tvShort": 2], 1),
    ]

    @Test("each real export imports with --add-missing with the counts a reader of the files finds; again, it adds nothing",
          arguments: expected.map(\.folder))
    func realExport(folder: String) throws {
        let expected = try #require(RealExportTests.expected.first { $0.folder == folder })
        let sandbox = try Sandbox()
        let path = RealExportTests.root! + "/" + folder
        let first = try sandbox.run("import", path, "--add-missing", "--json")
        #expect(first.status == 0, "\(first.stderr)")
        let report = try #require(try sandbox.parseJSON(first.stdout) as? [String: Any])
        #expect((report["files"] as? [Any])?.count == expected.files)
        #expect(report["rows"] as? Int == expected.rows)
        let films = try #require(report["films"] as? [String: Any])
        #expect(films["matched"] as? Int == 0)
        #expect(films["created"] as? Int == expected.created)
        #expect(films["skipped"] as? Int == 0)
        #expect(report["added"] as? [String: Int] == ["viewings": expected.viewings, "ratings": expected.ratings, "notes": 0, "tags": expected.tags])
        #expect(report["watchlistRows"] as? Int == expected.watchlist)
        #expect(report["skippedTitleTypes"] as? [String: Int] == expected.skipped)
        #expect((report["warnings"] as? [String])?.count == expected.warnings)

        let second = try sandbox.run("import", path, "--add-missing", "--json")
        let again = try #require(try sandbox.parseJSON(second.stdout) as? [String: Any])
        #expect(again["added"] as? [String: Int] == ["viewings": 0, "ratings": 0, "notes": 0, "tags": 0])
        #expect((again["films"] as? [String: Any])?["created"] as? Int == 0)
        #expect(again["unchanged"] as? [String: Int] == ["viewings": expected.viewings, "ratings": expected.ratings, "notes": 0, "tags": expected.tags])
    }

    @Test("accented titles of the Latin-1 IMDb export arrive intact")
    func latin1Titles() throws {
        let sandbox = try Sandbox()
        try sandbox.run("import", RealExportTests.root! + "/imdb-ronilaukkarinen-2021", "--add-missing")
        let films = try #require(try sandbox.parseJSON(try sandbox.run("list", "--json").stdout) as? [[String: Any]])
        let titles = films.compactMap { $0["title"] as? String }
        #expect(titles.contains { $0.unicodeScalars.contains { $0.value > 0x7F } })
        #expect(!titles.contains { $0.contains("\u{FFFD}") })
    }
}

@Suite("stats and next through the binary")
struct DiscoveryCLITests {
    @Test("stats shows bars and the histogram, --json one document; next suggests and is reproducible")
    func statsAndNext() throws {
        let sandbox = try Sandbox()
        try sandbox.run("watch", "ascent", "--on", "2020-01-01")
        try sandbox.run("watch", "ascent", "--on", "2022-01-01")
        try sandbox.run("rate", "ascent", "4.5")
        let text = try sandbox.run("stats")
        #expect(text.status == 0)
        #expect(text.stdout.contains("Soviet Survival Films: 1 of 10 watched  ██"))
        #expect(text.stdout.contains("★★★★½  ████████████████████████ 1"))
        #expect(text.stdout.contains("2×  The Ascent (1977)"))
        #expect(text.stdout.contains("Longest gap between viewings: 731 days, 2020-01-01 to 2022-01-01"))
        let json = try #require(try sandbox.parseJSON(try sandbox.run("stats", "--json").stdout) as? [String: Any])
        #expect(json["viewings"] as? Int == 2)
        #expect((json["ratings"] as? [[String: Any]])?.count == 10)
        let first = try sandbox.run("next", "--seed", "3")
        #expect(first.status == 0)
        #expect(first.stdout.contains("Chosen from 9 unwatched films"))
        #expect(try sandbox.run("next", "--seed", "3").stdout == first.stdout)
        #expect(try sandbox.run("next", "--collection", "nope").status == 1)
        #expect(try sandbox.run("next", "--seed", "-1").status == 64)
    }
}

@Suite("shell completion")
struct CompletionTests {
    @Test("completion scripts for bash, zsh and fish are generated from the commands", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) throws {
        let sandbox = try Sandbox()
        let run = try sandbox.runRaw(["--generate-completion-script", shell])
        #expect(run.status == 0)
        for command in ["watch", "collection", "import", "stats"] { #expect(run.stdout.contains(command), "\(command)") }
        #expect(run.stdout.contains("---completion show -- positional@0"), "a <film> completes through the binary")
    }

    @Test("a <film> completes with the titles in the database named by --db")
    func films() throws {
        let sandbox = try Sandbox()
        try sandbox.run("tag", "ascent", "x")
        // What the generated scripts run: the words typed so far, after the argument's name.
        let all = try sandbox.runRaw(["---completion", "show", "--", "positional@0", "4", "0", "watchlist", "--db", sandbox.db, "show", ""])
        #expect(all.stdout.split(separator: "\n").count == 10)
        let red = try sandbox.runRaw(["---completion", "watch", "--", "positional@0", "4", "3", "watchlist", "--db", sandbox.db, "watch", "red"])
        #expect(red.stdout == "The Red Tent\n")
        let folded = try sandbox.runRaw(["---completion", "watch", "--", "positional@0", "4", "3", "watchlist", "--db", sandbox.db, "watch", "ASC"])
        #expect(folded.stdout == "The Ascent\n")
    }
}

@Suite("search through the binary")
struct SearchCLITests {
    @Test("search lists the matches best first; --json; nothing found exits 1; NO_COLOR or a pipe means no escapes")
    func search() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.run("search", "arctic")
        #expect(run.status == 0)
        #expect(run.stdout.contains("The Red Tent (1969)") && run.stdout.contains("The Flight (1970)"))
        #expect(!run.stdout.contains("\u{1B}["), "no escapes when stdout is not a terminal")
        let json = try #require(try sandbox.parseJSON(try sandbox.run("search", "arctic", "--json").stdout) as? [[String: Any]])
        #expect(Set(json.compactMap { $0["id"] as? Int }) == [7, 10])
        let none = try sandbox.run("search", "zzzz")
        #expect(none.status == 1)
        #expect(none.stderr.contains("Nothing matches"))
        #expect(try sandbox.run("search", "--", "--").status == 64)
    }
}

@Suite("html export in a browser", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
                                            "needs Debian's chromium package (.ci/run installs it)"))
struct HTMLBrowserTests {
    @Test("headless Chromium renders the page with the collection, stars, days, tags and notes, and takes a screenshot")
    func chromium() throws {
        let sandbox = try Sandbox()
        try sandbox.run("watch", "ascent", "--on", "2024-01-12")
        try sandbox.run("rate", "ascent", "4.5")
        try sandbox.run("tag", "ascent", "winter")
        try sandbox.run("note", "ascent", "<i>Bleak</i> & beautiful.")
        let page = sandbox.folder + "/diary.html"
        #expect(try sandbox.run("export", "--format", "html", "-o", page).status == 0)
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(sandbox.folder)/chromium"]
        let dom = try sandbox.runRaw(arguments + ["--dump-dom", "file://\(page)"], executable: "/usr/bin/chromium")
        #expect(dom.status == 0)
        for text in ["Soviet Survival Films", "The Ascent", "★★★★½", "Watched 2024-01-12", "winter", "&lt;i&gt;Bleak&lt;/i&gt; &amp; beautiful.", "1 of 10 watched"] {
            #expect(dom.stdout.contains(text), "\(text)")
        }
        let shot = sandbox.folder + "/diary.png"
        let screenshot = try sandbox.runRaw(arguments + ["--window-size=1100,1300", "--screenshot=\(shot)", "file://\(page)"], executable: "/usr/bin/chromium")
        #expect(screenshot.status == 0)
        let png = try #require(FileManager.default.contents(atPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a rendered page, not a blank one")
    }
}

@Suite("terminal output")
struct TerminalTests {
    @Test("tables fit the terminal's width, shortening long titles with …")
    func width() throws {
        let sandbox = try Sandbox()
        var environment = sandbox.environment
        environment["COLUMNS"] = "60"
        let narrow = try sandbox.runRaw(["--db", sandbox.db, "list"], environment: environment)
        let table = narrow.stdout.split(separator: "\n").prefix(11)
        #expect(table.allSatisfy { $0.count <= 60 }, "\(table)")
        #expect(narrow.stdout.contains("…"))
        let wide = try sandbox.run("list")
        #expect(wide.stdout.contains("The White Sun of the Desert"), "not shortened when not on a terminal and COLUMNS is unset")
    }

    @Test("--color always, never and auto (no colour in a pipe, nor with NO_COLOR)")
    func color() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("search", "arctic", "--color", "always").stdout.contains("\u{1B}[1;4mArctic\u{1B}[0m"))
        #expect(try sandbox.run("list", "--color", "always").stdout.hasPrefix("\u{1B}[1mID"))
        #expect(!(try sandbox.run("search", "arctic", "--color", "never").stdout.contains("\u{1B}[")))
        #expect(!(try sandbox.run("search", "arctic").stdout.contains("\u{1B}[")))
        var environment = sandbox.environment
        environment["NO_COLOR"] = "1"
        #expect(!(try sandbox.runRaw(["--db", sandbox.db, "list", "--color", "auto"], environment: environment).stdout.contains("\u{1B}[")))
        #expect(try sandbox.run("list", "--color", "purple").status == 64)
    }

    @Test("no progress bar when standard error is not a terminal")
    func noProgressInPipes() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.run("export")
        #expect(run.stderr.isEmpty)
    }
}

@Suite("history and undo through the binary")
struct HistoryCLITests {
    @Test("history shows the commands as typed; undo says what it reverted; nothing to undo exits 1")
    func historyAndUndo() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("undo").status == 1)
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
        try sandbox.run("note", "ascent", "two words")
        let history = try #require(try sandbox.parseJSON(try sandbox.run("history", "--json").stdout) as? [[String: Any]])
        #expect(history.map { $0["command"] as? String } == ["note ascent 'two words'", "watch ascent --on 2024-01-01"])
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(undo.stdout.hasPrefix("Undid: Added note 1 to The Ascent (1977) (note ascent 'two words',"))
        #expect((try sandbox.parseJSON(try sandbox.run("note", "list", "--json").stdout) as? [Any])?.isEmpty == true)
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("undo").status == 1)
        #expect(try sandbox.run("db", "check").status == 0)
    }
}
