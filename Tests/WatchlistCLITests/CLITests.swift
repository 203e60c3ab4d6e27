import CSV
import Foundation
import Testing

@Suite("the watchlist binary")
struct CLITests {
    let sandbox: Sandbox
    init() throws { sandbox = try Sandbox() }


    @Test("watchlist alone summarises the collection and says how to get help; reading creates no file")
    func summary() throws {
        let run = try sandbox.run()
        #expect(run.status == 0)
        #expect(run.stdout.contains("Soviet Survival Films: 0 of 10 films watched."))
        #expect(run.stdout.contains("watchlist --help"))
        #expect(run.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))
        try sandbox.run("watch", "ascent", "--on", "2025-03-01")
        let after = try sandbox.run()
        #expect(after.stdout.contains("1 of 10 films watched."))
        #expect(after.stdout.contains("Latest viewing: The Ascent (1977) on 2025-03-01."))
    }

    @Test("list shows the ten films as a table, and --json as an array of summaries")
    func list() throws {
        let run = try sandbox.run("list")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines[11] == "Soviet Survival Films: 0 of 10 films watched.")
        #expect(lines[0].hasPrefix("ID  Title"))
        #expect(lines[1].contains("The Ascent") && lines[1].contains("1977"))
        #expect(lines[10].contains("The Red Tent") && lines[10].contains("1969"))
        try sandbox.run("rate", "red tent", "4.5")
        try sandbox.run("watch", "red tent", "--on", "2024-01-02")
        let table = try sandbox.run("list", "--watched")
        #expect(table.stdout.split(separator: "\n").count == 3)
        #expect(table.stdout.hasSuffix("\n\nSoviet Survival Films: 1 of 10 films watched.\n"))
        #expect(table.stdout.contains("★★★★½") && table.stdout.contains("2024-01-02") && table.stdout.contains("1×"))
        let json = try sandbox.run("list", "--json", "--sort", "rating")
        let array = try #require(try sandbox.parseJSON(json.stdout) as? [[String: Any]])
        #expect(array.count == 10)
        #expect(array[0]["title"] as? String == "The Red Tent")
        #expect(array[0]["rating"] as? Double == 4.5)
        #expect(array[0]["viewings"] as? Int == 1)
        #expect(array[0]["lastWatched"] as? String == "2024-01-02")
        let none = try sandbox.run("list", "--unwatched", "--rated")
        #expect(none.status == 0)
        #expect(none.stdout == "\nSoviet Survival Films: 1 of 10 films watched.\n")
        #expect(none.stderr.contains("No films match."))
        let reversed = try sandbox.run("list", "--sort", "year", "--reverse", "--json")
        #expect((try sandbox.parseJSON(reversed.stdout) as? [[String: Any]])?.first?["year"] as? Int == 2002)
    }

    @Test("a new user's session: each reference style, then JSON and CSV exports that hold it")
    func newUserSession() throws {
        #expect(try sandbox.run("watch", "3", "--on", "2026-01-15").stdout == "Watched The Dawns Here Are Quiet (1972) on 2026-01-15\n")
        #expect(try sandbox.run("watch", "THE ASCENT", "--on", "2025-12-31").status == 0)
        #expect(try sandbox.run("watch", "the ascent", "--on", "2026-01-01").stdout == "Watched The Ascent (1977) on 2026-01-01 (rewatch)\n")
        #expect(try sandbox.run("watch", "The Star (2002)", "--on", "unknown").stdout == "Watched The Star (2002) on an unknown day\n")
        // The sandbox's clock is WATCHLIST_NOW, 2026-11-26T12:00:00Z, in UTC.
        #expect(try sandbox.run("watch", "white sun").stdout == "Watched The White Sun of the Desert (1970) on 2026-11-26\n")
        #expect(try sandbox.run("rate", "ascent", "★★★★½").stdout == "Rated The Ascent (1977) ★★★★½ (4.5)\n")
        #expect(try sandbox.run("rate", "The Star (2002)", "9/10").stdout == "Rated The Star (2002) ★★★★½ (4.5)\n")
        #expect(try sandbox.run("rate", "3", "4").stdout == "Rated The Dawns Here Are Quiet (1972) ★★★★ (4)\n")
        #expect(try sandbox.run("rate", "red tent", "3½").status == 0)
        #expect(try sandbox.run("note", "red tent", "Connery, in the Arctic.").stdout == "Added note 1 to The Red Tent (1969)\n")
        #expect(try sandbox.run("note", "The Star (2002)", "Tense.").status == 0)
        #expect(try sandbox.run("note", "1", "-", stdin: Data("Shepitko's masterpiece.\nSecond line.\n".utf8)).stdout
                == "Added note 3 to The Ascent (1977)\n")

        let json = try sandbox.run("export", "--format", "json")
        #expect(json.status == 0)
        let document = try #require(try sandbox.parseJSON(json.stdout) as? [String: Any])
        #expect(document["format"] as? String == "watchlist")
        #expect(document["version"] as? Int == 6)
        let films = try #require(document["films"] as? [[String: Any]])
        #expect(films.count == 10)
        let ascent = films[0]
        #expect((ascent["viewings"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2025-12-31", "2026-01-01"])
        #expect(ascent["rating"] as? Double == 4.5)
        #expect((ascent["notes"] as? [[String: Any]])?.first?["text"] as? String == "Shepitko's masterpiece.\nSecond line.")
        #expect((films[7]["viewings"] as? [[String: Any]])?.first?["date"] is NSNull)
        #expect(films[9]["rating"] as? Double == 3.5)

        let csv = try sandbox.run("export", "--format", "csv")
        let reader = try CSVReader(string: csv.stdout, hasHeaderRow: true)
        #expect(reader.headerRow == ["id", "title", "year", "watched", "viewings", "firstWatched", "lastWatched", "rating", "notes", "tags"])
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == 10)
        #expect(rows[0] == ["1", "The Ascent", "1977", "true", "2", "2025-12-31", "2026-01-01", "4.5", "Shepitko's masterpiece.\nSecond line.", ""])
        #expect(rows[9][8] == "Connery, in the Arctic.")

        let markdown = try sandbox.run("export", "--format", "markdown")
        #expect(markdown.stdout.hasPrefix("# Soviet Survival Films"))
        #expect(markdown.stdout.contains("4 of 10 watched."))
    }

    @Test("show prints everything about a film, and --json one film of the export")
    func show() throws {
        try sandbox.run("watch", "flight", "--on", "2020-02-02")
        try sandbox.run("rate", "flight", "2")
        try sandbox.run("note", "flight", "Cold.")
        let text = try sandbox.run("show", "flight")
        #expect(text.status == 0)
        for expected in ["The Flight (1970)  [id 7]", "crash-lands in the Arctic", "Fact: The film was based on a true story",
                         "Rating: ★★ (2)", "2020-02-02", "[1]", "Cold."] {
            #expect(text.stdout.contains(expected), "\(expected)")
        }
        let json = try #require(try sandbox.parseJSON(try sandbox.run("show", "7", "--json").stdout) as? [String: Any])
        #expect(json["id"] as? Int == 7)
        #expect(json["collections"] as? [String] == ["soviet-survival"])
        #expect(Set(json.keys) == ["id", "key", "title", "year", "description", "fact", "collections", "viewings", "rating", "ratedAt", "notes", "tags", "ids", "alternativeTitles",
                                    "facts", "directors", "genres", "countries", "language", "runtime", "released", "tagsAddedAt"])
    }

    @Test("unwatch removes the latest viewing, one day's, or all; unrate removes the rating")
    func removals() throws {
        for day in ["2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"] { try sandbox.run("watch", "edge", "--on", day) }
        #expect(try sandbox.run("unwatch", "edge").stdout == "Removed the viewing of The Edge (1990) on 2023-01-01\n")
        #expect(try sandbox.run("unwatch", "edge", "--on", "2020-01-01").stdout == "Removed the viewing of The Edge (1990) on 2020-01-01\n")
        #expect(try sandbox.run("unwatch", "edge", "--all").stdout == "Removed 2 viewings of The Edge (1990)\n")
        let nothing = try sandbox.run("unwatch", "edge")
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("has no viewing to remove"))
        try sandbox.run("rate", "edge", "3")
        #expect(try sandbox.run("unrate", "edge").stdout == "Removed the rating ★★★ (3) of The Edge (1990)\n")
        #expect(try sandbox.run(["unrate", "edge"], with: ["LANG": "C"]).stderr.contains("has no rating to remove; nothing was changed."))
        #expect(try sandbox.run("unrate", "edge").status == 1)
    }

    @Test("notes: list, list one film's, --json, edit and delete")
    func notes() throws {
        try sandbox.run("note", "ascent", "one")
        try sandbox.run("note", "red tent", "two")
        let all = try sandbox.run("note", "list")
        #expect(all.stdout.contains("[1] The Ascent (1977)") && all.stdout.contains("[2] The Red Tent (1969)"))
        let one = try sandbox.run("note", "list", "red tent")
        #expect(!one.stdout.contains("Ascent") && one.stdout.contains("two"))
        let json = try #require(try sandbox.parseJSON(try sandbox.run("note", "list", "--json").stdout) as? [[String: Any]])
        #expect(json.map { $0["text"] as? String } == ["one", "two"])
        #expect(json[0]["filmId"] as? Int == 1)
        #expect(try sandbox.run("note", "edit", "1", "uno").stdout == "Edited note 1 on The Ascent (1977)\n")
        #expect(try sandbox.run("note", "edit", "1", "-", stdin: Data("from stdin".utf8)).status == 0)
        #expect(try sandbox.run("note", "delete", "2").stdout == "Deleted note 2 from The Red Tent (1969)\n")
        let remaining = try #require(try sandbox.parseJSON(try sandbox.run("note", "list", "--json").stdout) as? [[String: Any]])
        #expect(remaining.map { $0["text"] as? String } == ["from stdin"])
        #expect(try sandbox.run("note", "add", "list", "x").status == 1, "'note add' names a film explicitly")
    }

    @Test("export --output writes a file, refuses to replace it without --force, and replaces it with --force")
    func exportFile() throws {
        let path = sandbox.folder + "/out.csv"
        let first = try sandbox.run("export", "--format", "csv", "--output", path)
        #expect(first.status == 0)
        #expect(first.stdout == "Exported csv to \(path)\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("id,title,year"))
        let again = try sandbox.run("export", "--output", path)
        #expect(again.status == 73)
        #expect(again.stderr.contains("already exists") && again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("id,title,year"))
        #expect(try sandbox.run("export", "--output", path, "--force").status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{\"collections\""))
        let missing = try sandbox.run("export", "--output", sandbox.folder + "/no/such/folder/out.json")
        #expect(missing.status == 73)
        #expect(missing.stderr.contains("Cannot write"))
    }

    @Test("--db goes before or after the subcommand; WATCHLIST_DB, XDG_DATA_HOME and HOME choose the default")
    func databaseLocation() throws {
        #expect(try sandbox.runRaw(["--db", sandbox.folder + "/a.sqlite", "watch", "1"]).status == 0)
        #expect(try sandbox.runRaw(["watch", "2", "--db", sandbox.folder + "/a.sqlite"]).status == 0)
        #expect(try sandbox.runRaw(["--db", sandbox.folder + "/a.sqlite"]).stdout.contains("2 of 10"))

        var environment = sandbox.environment
        environment["WATCHLIST_DB"] = sandbox.folder + "/env.sqlite"
        #expect(try sandbox.runRaw(["watch", "1"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.folder + "/env.sqlite"))

        environment.removeValue(forKey: "WATCHLIST_DB")
        environment["XDG_DATA_HOME"] = sandbox.folder + "/xdg"
        #expect(try sandbox.runRaw(["watch", "1"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.folder + "/xdg/watchlist/watchlist.sqlite"))

        environment["XDG_DATA_HOME"] = "relative/ignored"
        #expect(try sandbox.runRaw(["watch", "1"], environment: environment).status == 0)
        let home = sandbox.folder + "/home/.local/share/watchlist"
        #expect(FileManager.default.fileExists(atPath: home + "/watchlist.sqlite"))
        let mode = (try FileManager.default.attributesOfItem(atPath: home)[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o700)
    }

    @Test("eight processes started at once on a path that does not exist yet all succeed, and all their writes are kept")
    func creationRace() throws {
        let db = sandbox.folder + "/race/new/watchlist.sqlite"
        let processes = (1...8).map { index -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["--db", db, "watch", String(index), "--on", "2026-01-0\(index)"]
            process.environment = sandbox.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        let json = try #require(try sandbox.parseJSON(try sandbox.runRaw(["--db", db, "list", "--json"]).stdout) as? [[String: Any]])
        #expect(json.prefix(8).map { $0["lastWatched"] as? String } == (1...8).map { "2026-01-0\($0)" })
        #expect(json.map { $0["viewings"] as? Int } == [1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folder + "/race/new") == ["watchlist.sqlite"])
    }

    @Test("--help lists every subcommand")
    func help() throws {
        let run = try sandbox.run("--help")
        #expect(run.status == 0)
        for command in ["list", "show", "watch", "unwatch", "rate", "unrate", "note", "export"] {
            #expect(run.stdout.contains("  \(command)"), "\(command)")
        }
    }
}
