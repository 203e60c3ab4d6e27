import Foundation
import Testing

@Suite("film facts through the binary")
struct FilmFactsCLITests {
    /// A diary with facts: The Ascent (Shepitko, 111 min, war drama, Soviet Union) watched twice
    /// in 2026, The Red Tent (Kalatozov, 158 min) once in 2025, The Flight (no runtime) in 2026.
    static func diary() throws -> Sandbox {
        let sandbox = try Sandbox()
        for arguments in [
            ["film", "set", "ascent", "--director", "Larisa Shepitko", "--runtime", "111", "--genre", "Drama", "--genre", "War",
             "--country", "Soviet Union", "--language", "Russian", "--released", "1977-04-02"],
            ["film", "set", "red tent", "--director", "Mikhail Kalatozov", "--runtime", "2h38", "--genre", "Adventure",
             "--country", "Soviet Union", "--country", "Italy"],
            ["film", "set", "flight", "--genre", "Drama"],
            ["watch", "ascent", "--on", "2026-01-10"], ["watch", "ascent", "--on", "2026-05-01", "--rewatch"], ["rate", "ascent", "4.5"],
            ["watch", "red tent", "--on", "2025-07-01"], ["rate", "red tent", "3"],
            ["watch", "flight", "--on", "2026-02-02"],
        ] {
            let run = try sandbox.runRaw(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        return sandbox
    }

    @Test("film set ascent --director … --runtime 111, then list --director shepitko finds it, stats count 111 minutes, undo takes it back")
    func mustShow() throws {
        let sandbox = try Sandbox()
        let set = try sandbox.run("film", "set", "ascent", "--director", "Larisa Shepitko", "--runtime", "111")
        #expect(set.status == 0)
        #expect(set.stdout == "Set the director, runtime of The Ascent (1977).\n")
        let listed = try sandbox.run("list", "--director", "shepitko")
        #expect(listed.stdout.contains("The Ascent") && !listed.stdout.contains("The Red Tent"))
        try sandbox.run("watch", "ascent", "--on", "2026-03-01")
        let stats = try #require(try sandbox.parseJSON(try sandbox.run("stats", "--json").stdout) as? [String: Any])
        let review = try #require(stats["review"] as? [String: Any])
        #expect(review["minutes"] as? Int == 111)
        #expect(review["filmsOfUnknownRuntime"] as? Int == 0)
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("undo").stdout.contains("Set the director, runtime of The Ascent (1977)"))
        #expect(try sandbox.run("list", "--director", "shepitko").stderr.contains("No films match"))
        #expect(!(try sandbox.run("show", "ascent").stdout.contains("Directed by")))
    }

    @Test("show prints the facts; show --json and list --json carry them")
    func showAndJSON() throws {
        let sandbox = try FilmFactsCLITests.diary()
        let shown = try sandbox.run("show", "ascent").stdout
        for line in ["Directed by: Larisa Shepitko", "Genres: Drama, War", "Countries: Soviet Union", "Language: Russian",
                     "Runtime: 111 min (1 h 51 min)", "Released: 1977-04-02"] {
            #expect(shown.contains(line), "\(line)")
        }
        let film = try #require(try sandbox.parseJSON(try sandbox.run("show", "red tent", "--json").stdout) as? [String: Any])
        #expect(film["directors"] as? [String] == ["Mikhail Kalatozov"])
        #expect(film["countries"] as? [String] == ["Soviet Union", "Italy"])
        #expect(film["runtime"] as? Int == 158)
        #expect((film["facts"] as? [String: Any])?["user"] != nil)
        let films = try #require(try sandbox.parseJSON(try sandbox.run("list", "--json").stdout) as? [[String: Any]])
        #expect(films.first?["genres"] as? [String] == ["Drama", "War"])
        #expect(films.first(where: { $0["title"] as? String == "The Flight" })?["runtime"] is NSNull, "unknown is null, never 0")
    }

    @Test("each list flag: --director, --genre, --country, --decade, --max-runtime, --sort runtime")
    func listFlags() throws {
        let sandbox = try FilmFactsCLITests.diary()
        func titles(_ arguments: String...) throws -> [String] {
            let run = try sandbox.runRaw(["list", "--json"] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return (try sandbox.parseJSON(run.stdout) as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        }
        #expect(try titles("--director", "kalatozov") == ["The Red Tent"])
        #expect(try titles("--genre", "drama") == ["The Ascent", "The Flight"])
        #expect(try titles("--country", "italy") == ["The Red Tent"])
        #expect(try titles("--country", "soviet") == ["The Ascent", "The Red Tent"])
        #expect(try titles("--decade", "1960s") == ["The Alive and the Dead", "The Red Tent"])
        let seventies = try titles("--decade", "1970s")
        #expect(try titles("--decade", "1970") == seventies)
        #expect(try titles("--max-runtime", "120") == ["The Ascent"])
        #expect(try titles("--max-runtime", "2h40") == ["The Ascent", "The Red Tent"])
        #expect(Array(try titles("--sort", "runtime").prefix(3)) == ["The Ascent", "The Red Tent", "The White Sun of the Desert"])
        #expect(try titles("--genre", "drama", "--max-runtime", "100").isEmpty)
        let table = try sandbox.run("list", "--director", "shepitko")
        #expect(table.status == 0 && table.stdout.contains("The Ascent"))
        for (flag, value, message) in [("--decade", "197", "is not a decade"), ("--max-runtime", "long", "is not a runtime"),
                                       ("--max-runtime", "0", "is not a runtime"), ("--director", " ", "is empty"),
                                       ("--sort", "length", "runtime")] {
            let before = sandbox.databaseBytes()
            let run = try sandbox.run("list", flag, value)
            #expect(run.status == 64, "\(flag) \(value)")
            #expect(run.stderr.contains(message), "\(flag) \(value): \(run.stderr)")
            #expect(sandbox.databaseBytes() == before)
        }
    }

    @Test("film unset forgets the fields named, or --all; what was not set is an error that changes nothing")
    func unset() throws {
        let sandbox = try FilmFactsCLITests.diary()
        let run = try sandbox.run("film", "unset", "ascent", "--runtime", "--language")
        #expect(run.status == 0)
        #expect(run.stdout == "Forgot the language, runtime you set for The Ascent (1977).\n")
        #expect(!(try sandbox.run("show", "ascent").stdout.contains("Runtime:")))
        let before = sandbox.databaseBytes()
        let again = try sandbox.run("film", "unset", "ascent", "--runtime")
        #expect(again.status == 1 && again.stderr.contains("has no runtime you set"))
        #expect(try sandbox.run("film", "unset", "ascent").status == 64, "name a field or --all")
        #expect(try sandbox.run("film", "unset", "ascent", "--all", "--genre").status == 64)
        #expect(sandbox.databaseBytes() == before)
        #expect(try sandbox.run("film", "unset", "ascent", "--all").stdout.contains("director, genre, country, released"))
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("show", "ascent").stdout.contains("Directed by: Larisa Shepitko"))
    }

    @Test("film set refuses what is not a fact, with status 64 and no change", arguments: [
        (["--runtime", "0"], "is not a runtime"), (["--runtime", "100000"], "is not a runtime"), (["--released", "1977-02-30"], "1977-02-30"),
        (["--director", "A\u{1B}[2J"], "control character"), (["--genre", String(repeating: "x", count: 201)], "the limit is 200"),
        ([], "Name at least one fact"),
    ])
    func refused(arguments: [String], message: String) throws {
        let sandbox = try Sandbox()
        try sandbox.run("watch", "ascent")
        let before = sandbox.databaseBytes()
        let run = try sandbox.runRaw(["film", "set", "ascent"] + arguments)
        #expect(run.status == 64, "\(arguments)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("stats --year: hours, rewatches, directors and genres with average ratings, countries, longest and shortest, what is unknown")
    func yearInReview() throws {
        let sandbox = try FilmFactsCLITests.diary()
        let text = try sandbox.run("stats", "--year", "2026")
        #expect(text.status == 0)
        for line in ["2026 in review", "Viewings: 3 of 2 films, 1 rewatch (33%)", "Hours watched: 3.7 (222 min)",
                     "Runtime unknown: 1 film, 1 viewing, not counted", "Longest: The Ascent (1977), 1 h 51 min",
                     "Larisa Shepitko  ████████████████████  1, average 4.50", "Drama  ████████████████████  2, average 4.50",
                     "Most-watched directors (of the 1 of 2 films that say):"] {
            #expect(text.stdout.contains(line), "\(line)\n\(text.stdout)")
        }
        let json = try #require(try sandbox.parseJSON(try sandbox.run("stats", "--year", "2025", "--json").stdout) as? [String: Any])
        let review = try #require(json["review"] as? [String: Any])
        #expect(review["year"] as? Int == 2025)
        #expect(review["minutes"] as? Int == 158)
        #expect(review["hours"] as? Double == 2.63)
        #expect((review["countries"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Italy", "Soviet Union"])
        #expect((review["longest"] as? [String: Any])?["title"] as? String == "The Red Tent")
        let all = try #require(try sandbox.parseJSON(try sandbox.run("stats", "--json").stdout) as? [String: Any])
        let years = try #require((all["review"] as? [String: Any])?["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2025, 2026])
        #expect(years.map { $0["minutes"] as? Int } == [158, 222])
        let empty = try sandbox.run("stats", "--year", "1999")
        #expect(empty.status == 0 && empty.stdout.contains("No viewings in 1999."))
        #expect(try sandbox.run("stats", "--year", "12").status == 64)
    }

    @Test("export --format html --year writes the year in review; --year with another format is refused")
    func reviewPage() throws {
        let sandbox = try FilmFactsCLITests.diary()
        let page = try sandbox.run("export", "--format", "html", "--year", "2026")
        #expect(page.status == 0)
        for text in ["<title>2026 in review</title>", "Larisa Shepitko", "222 minutes", "Runtime unknown: 1 film,"] {
            #expect(page.stdout.contains(text), "\(text)")
        }
        #expect(!page.stdout.contains("<script"))
        #expect(try sandbox.run("export", "--format", "json", "--year", "2026").status == 64)
        let file = sandbox.folder + "/review.html"
        let written = try sandbox.run("export", "--format", "html", "--year", "2026", "-o", file)
        #expect(written.stdout == "Exported the year in review of 2026 to \(file)\n")
        #expect(try sandbox.run("export", "--format", "html", "--year", "2026", "-o", file).status == 73, "an existing file needs --force")
    }

    @Test("search finds a film by its director, and --json carries its facts")
    func search() throws {
        let sandbox = try FilmFactsCLITests.diary()
        let run = try sandbox.run("search", "kalatozov")
        #expect(run.status == 0)
        #expect(run.stdout.contains("The Red Tent"))
        let hits = try #require(try sandbox.parseJSON(try sandbox.run("search", "kalatozov", "--json").stdout) as? [[String: Any]])
        #expect(hits.first?["directors"] as? [String] == ["Mikhail Kalatozov"])
        #expect(hits.first?["runtime"] as? Int == 158)
    }
}
