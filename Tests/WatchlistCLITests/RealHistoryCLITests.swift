import Foundation
import Testing

/// Columns a line takes on a terminal, measured here on its own (not with the tool's code):
/// colour codes take none, combining marks and format characters none, East Asian wide
/// characters and emoji two.
func terminalColumns(_ line: String) -> Int {
    var columns = 0
    var scalars = line.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        if scalar == "\u{1B}" {  // an escape sequence: ESC [ … letter
            while let next = scalars.next(), !(("a"..."z").contains(next) || ("A"..."Z").contains(next)) {}
            continue
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: continue
        default: break
        }
        let value = scalar.value
        let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value) || (0x1F900...0x1F9FF).contains(value)
            || (0x20000...0x3FFFD).contains(value)
        columns += wide ? 2 : 1
    }
    return columns
}

/// A database with a real history in it: the aguitov Letterboxd export (3,500 films, 84
/// lists), imported once for every test that reads it. Nil when ../shared is not there.
let realHistory: Sandbox? = {
    guard let root = realExportsRoot, let sandbox = try? Sandbox() else { return nil }
    let run = try? sandbox.run("import", root + "/letterboxd-aguitov-2026", "--add-missing")
    return run?.status == 0 ? sandbox : nil
}()

@Suite("a real history: fitting, caps and no-ops through the binary")
struct RealHistoryCLITests {
    // MARK: Imports make collections only with films

    @Test("an import without --add-missing makes no empty collection, and its dry run speaks in the conditional")
    func noEmptyCollections() throws {
        let sandbox = try Sandbox()
        let list = try sandbox.write("export/lists/arctic.csv", """
            Letterboxd list export v7
            Date,Name,Tags,URL,Description
            2024-01-01,Arctic,,https://letterboxd.com/u/list/arctic/,

            Position,Name,Year,URL,Description
            1,Nobody Knows This Film,2001,https://boxd.it/zz1,
            2,Another Unknown One,2002,https://boxd.it/zz2,
            """)
        #expect(FileManager.default.fileExists(atPath: list))
        let dry = try sandbox.run("import", sandbox.folder + "/export", "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stderr.contains("Films: 0 matched, 0 would be created"))
        #expect(dry.stderr.contains("1 list would make no collection"))
        #expect(dry.stderr.contains("Nothing new would be imported; 1 list would make no collection (see above)."))
        #expect(!dry.stderr.contains("already in the database"), "the list's films are not in it")
        #expect(!dry.stderr.contains("Collections created"))

        let real = try sandbox.run("import", sandbox.folder + "/export")
        #expect(real.status == 0)
        #expect(real.stderr.contains("1 list made no collection, none of its films being in the database (--add-missing creates them): Arctic"))
        let collections = try sandbox.parseJSON(try sandbox.run("collection", "list", "--json").stdout) as? [[String: Any]]
        #expect(collections?.count == 1, "only the built-in collection")

        let json = try sandbox.parseJSON(try sandbox.run("import", sandbox.folder + "/export", "--json").stdout) as? [String: Any]
        #expect(json?["listsLeftOut"] as? [String] == ["Arctic"])

        let added = try sandbox.run("import", sandbox.folder + "/export", "--add-missing", "--dry-run")
        #expect(added.stderr.contains("Collections that would be created: arctic"))
    }

    // MARK: The summary and stats fit screens

    @Test("on 3,500 films and 84 lists the summary fits a screen (24 lines), stats two (70); --all shows everything",
          .enabled(if: realHistory != nil, "../shared/fixtures/real-exports is not here"))
    func screens() throws {
        let sandbox = try #require(realHistory)
        let summary = try sandbox.run([], with: ["COLUMNS": "80"])
        #expect(summary.status == 0)
        #expect(summary.lines.count <= 24, "\(summary.lines.count) lines")
        #expect(summary.stdout.contains("Soviet Survival Films: 0 of 10 films watched"), "the built-in collection comes first")
        #expect(summary.stdout.range(of: #"… and \d+ more collections \(watchlist collection list, or watchlist --all\)"#,
                                     options: .regularExpression) != nil)
        let all = try sandbox.run(["--all"], with: ["COLUMNS": "80"])
        #expect(all.lines.count > 80, "every collection")
        #expect(!all.stdout.contains("more collections"))

        let stats = try sandbox.run(["stats"], with: ["COLUMNS": "80"])
        #expect(stats.status == 0)
        #expect(stats.lines.count <= 70, "\(stats.lines.count) lines")
        #expect(stats.stdout.contains("--all"), "stats says how to see what it left out")
        let statsAll = try sandbox.run(["stats", "--all"], with: ["COLUMNS": "80"])
        #expect(statsAll.lines.count > stats.lines.count)

        // Progress bars line up: every collection's bar starts and ends in the same columns.
        let bars = stats.stdout.split(separator: "\n").filter {
            ($0.contains("█") || $0.contains("░")) && $0.range(of: #" \d+ of \d+$"#, options: .regularExpression) != nil
        }
        func columns(_ line: Substring) -> (Int, Int)? {
            guard let first = line.firstIndex(where: { $0 == "█" || $0 == "░" }),
                  let last = line.lastIndex(where: { $0 == "█" || $0 == "░" }) else { return nil }
            return (terminalColumns(String(line[..<first])), terminalColumns(String(line[...last])))
        }
        let spans = bars.compactMap(columns)
        #expect(bars.count >= 6, "\(bars.count) progress bars")
        #expect(Set(spans.map(\.0)).count == 1 && Set(spans.map(\.1)).count == 1, "bars span \(spans)")
    }

    // MARK: Every line fits the width

    @Test("every human-readable line of every command fits COLUMNS (40, 60, 80, 120), standard error included",
          .enabled(if: realHistory != nil, "../shared/fixtures/real-exports is not here"))
    func width() throws {
        let sandbox = try #require(realHistory)
        let commands: [[String]] = [
            [], ["--all"], ["list"], ["list", "--watched"], ["list", "--collection", "letterboxd"], ["collection", "list"],
            ["collection", "show", "soviet-survival-films"], ["collection", "show", "2000s-ranked"], ["show", "1"], ["show", "ascent"],
            ["search", "love"], ["search", "the"], ["stats"], ["stats", "--year", "2023"], ["history"], ["note", "list"], ["tags"],
            ["next"], ["db", "check"], ["wach", "ascent"], ["watch", "ascent", "--date", "2024-01-01"], ["show", "no such film at all"],
            ["rate", "ascent", "11"], ["import", projectRoot + "/docs/examples/tarkovsky.txt"],
            ["import", realExportsRoot! + "/letterboxd-aguitov-2026", "--dry-run"], ["--help"], ["import", "--help"],
            ["list", "--help"], ["collection", "show", "letterboxd"], ["stats", "--all"],
        ]
        var checked = 0
        for columns in [40, 60, 80, 120] {
            for command in commands {
                let run = try sandbox.run(command, with: ["COLUMNS": String(columns)])
                for line in run.lines {
                    checked += 1
                    #expect(terminalColumns(line) <= columns, "COLUMNS=\(columns) watchlist \(command.joined(separator: " ")): \(line)")
                }
            }
        }
        #expect(checked > 2_000, "a real amount of output was measured")
    }

    @Test("the ten built-in films at COLUMNS=40: every line fits and \"The Ascent\" is whole")
    func builtInNarrow() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.run(["list"], with: ["COLUMNS": "40"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("The Ascent"))
        for line in run.lines { #expect(terminalColumns(line) <= 40, "\(line)") }
        let collections = try sandbox.run(["collection", "list"], with: ["COLUMNS": "40"])
        for line in collections.lines { #expect(terminalColumns(line) <= 40, "\(line)") }
    }

    @Test("prose wraps at word boundaries with its indent; output for a pipe, --json and paths are never cut")
    func wrapping() throws {
        let sandbox = try Sandbox()
        let words = "Snow and silence and a long walk through the forest in winter, with nothing but a rifle"
        #expect(try sandbox.run("note", "ascent", words).status == 0)
        let shown = try sandbox.run(["note", "list"], with: ["COLUMNS": "40"])
        let noteLines = shown.stdout.split(separator: "\n").filter { $0.hasPrefix("    ") }
        #expect(noteLines.count >= 2, "the note wraps")
        let rejoined = noteLines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(rejoined.contains(words), "every word is kept, none cut: \(rejoined)")
        let json = try sandbox.run(["note", "list", "--json"], with: ["COLUMNS": "40"])
        #expect(json.stdout.contains(words))
        let path = try sandbox.run(["db", "path"], with: ["COLUMNS": "20"])
        #expect(path.stdout == sandbox.db + "\n")
    }

    // MARK: No silent caps

    @Test("search shows 20 and says how many it left out; --limit and --all; --json returns every match unless --limit",
          .enabled(if: realHistory != nil, "../shared/fixtures/real-exports is not here"))
    func searchCaps() throws {
        let sandbox = try #require(realHistory)
        let all = try sandbox.parseJSON(try sandbox.run("search", "love", "--json").stdout) as? [[String: Any]]
        let total = try #require(all?.count)
        #expect(total > 50, "\(total) matches")
        let text = try sandbox.run("search", "love")
        #expect(text.status == 0)
        #expect(text.stderr.contains("Showing 20 of \(total) matches: --limit N shows more, --all every one."))
        let everything = try sandbox.run("search", "love", "--all")
        #expect(!everything.stderr.contains("Showing"))
        let limited = try sandbox.parseJSON(try sandbox.run("search", "love", "--json", "--limit", "7").stdout) as? [Any]
        #expect(limited?.count == 7)
        let seven = try sandbox.run("search", "love", "--limit", "7")
        #expect(seven.stderr.contains("Showing 7 of \(total) matches"))
    }

    @Test("the search example of the help finds films in the built-in collection")
    func searchExample() throws {
        let sandbox = try Sandbox()
        let help = try sandbox.run("search", "--help")
        #expect(help.stdout.contains("such as: arctic survival."))
        let query = "arctic survival"
        let run = try sandbox.run("search", "arctic", "survival")
        #expect(run.status == 0)
        #expect(!run.stdout.isEmpty, "the example \(query) finds something")
    }

    // MARK: A no-op is not a change

    @Test("a command that would change nothing says so (exit 1), records no history, and undo is not used up",
          arguments: [
              ["rate", "ascent", "4"], ["unrate", "red tent"], ["watch", "ascent", "--on", "2024-01-01"], ["tag", "ascent", "war"],
              ["note", "ascent", "Bleak."], ["film", "set", "ascent", "--runtime", "111"], ["untag", "ascent", "winter"],
          ])
    func noOp(arguments: [String]) throws {
        let sandbox = try Sandbox()
        for setup in [["rate", "ascent", "4"], ["watch", "ascent", "--on", "2024-01-01"], ["tag", "ascent", "war"],
                      ["note", "ascent", "Bleak."], ["film", "set", "ascent", "--runtime", "111"], ["rate", "flight", "3"]] {
            #expect(try sandbox.runRaw(setup).status == 0, "\(setup)")
        }
        let before = try sandbox.run("history", "--json").stdout
        let bytes = sandbox.databaseBytes()
        let again = try sandbox.runRaw(arguments)
        #expect(again.status == 1, "\(arguments)")
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.hasPrefix("watchlist: error: ") && again.stderr.contains("nothing was changed."), "\(again.stderr)")
        #expect(sandbox.databaseBytes() == bytes)
        #expect(try sandbox.run("history", "--json").stdout == before, "no history entry")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(undo.stdout.contains("Rated Flight") || undo.stdout.contains("rate flight 3"),
                "undo reverts the last real change: \(undo.stdout)")
    }

    // MARK: Honest answers

    @Test("db check, db backup, db path's reads and every read on a chosen path that does not exist: 66, nothing created",
          arguments: [["db", "check"], ["db", "backup", "BACKUP"], ["list"], ["stats"], ["export"], ["history"], []])
    func missingDatabase(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let missing = sandbox.folder + "/none/x.sqlite"
        let backup = sandbox.folder + "/backup.sqlite"
        let run = try sandbox.runRaw(["--db", missing] + arguments.map { $0 == "BACKUP" ? backup : $0 })
        #expect(run.status == 66, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("no database exists there"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(!FileManager.default.fileExists(atPath: backup))
        var environment = sandbox.environment
        environment["WATCHLIST_DB"] = missing
        #expect(try sandbox.runRaw(arguments.map { $0 == "BACKUP" ? backup : $0 }, environment: environment).status == 66)
    }

    @Test("the default path with no database yet still shows the built-in collection")
    func defaultPathFresh() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.run("list")
        #expect(run.status == 0)
        #expect(run.stdout.contains("The Ascent"))
    }

    // MARK: Ctrl-C and SIGTERM

    @Test("SIGINT and SIGTERM during a long import: the line ends, it says nothing was imported, 130 / 143, the database is as before",
          arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interrupted(signal: Int32, status: Int32) throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("watch", "ascent", "--on", "2024-01-01").status == 0)
        var diary = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"
        for row in 1...80_000 {
            diary += "2020-01-01,Generated Film \(row),\(1950 + row % 70),https://boxd.it/g\(row),3.5,,,2020-01-01\n"
        }
        let file = try sandbox.write("big/diary.csv", diary)
        let before = try sandbox.run("list", "--json").stdout

        let stopped = try sandbox.runStopped(["import", file, "--add-missing"], by: signal, after: 1.0)
        #expect(stopped.wasRunning, "the import was still running when the signal came")
        #expect(stopped.reason == .exit, "the tool ended on its own, not killed by the signal")
        #expect(stopped.status == status)
        let message = stopped.stderr
        #expect(message.contains("Interrupted: nothing was imported."), "\(message)")
        #expect(message.hasSuffix("\n"))
        #expect(try sandbox.run("list", "--json").stdout == before)
        #expect(try sandbox.run("db", "check").status == 0)
    }

    // MARK: One error style

    @Test("one error style with did-you-mean; the argument parser's own words never show")
    func errors() throws {
        let sandbox = try Sandbox()
        let cases: [([String], Int32, [String])] = [
            (["wach", "ascent"], 64, ["watchlist: error: Unknown command 'wach'. Did you mean 'watch'?", "Usage: watchlist"]),
            (["watch", "ascent", "--date", "2024-01-01"], 64, ["Unknown option '--date'. Did you mean '--on'?", "Usage: watchlist watch"]),
            (["list", "--watchd"], 64, ["Did you mean '--watched'?"]),
            (["import", projectRoot + "/docs/examples/tarkovsky.txt"], 65, ["is a collection's text", "watchlist collection import"]),
            (["rate", "ascent", "11"], 64, ["watchlist: error: "]),
        ]
        for (arguments, status, parts) in cases {
            let run = try sandbox.runRaw(arguments)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            for part in parts { #expect(run.stderr.contains(part), "\(arguments): \(run.stderr)") }
            #expect(!run.stderr.contains("Error:"), "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("watchlist: error: "), "\(arguments): \(run.stderr)")
        }
        let collection = try sandbox.write("films.csv", "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n")
        let given = try sandbox.run("collection", "import", collection)
        #expect(given.status == 65)
        #expect(given.stderr.contains("watchlist import"), "an export given to collection import points to import: \(given.stderr)")
    }

    // MARK: Plain terminals

    @Test("in a locale that is not UTF-8 every byte written is ASCII; in UTF-8 the stars are stars",
          arguments: [["LANG": "C"], ["LANG": "POSIX"], ["LANG": "C.UTF-8", "LC_ALL": "C"], ["LANG": "en_US.ISO-8859-1"]])
    func plainTerminal(locale: [String: String]) throws {
        let sandbox = try Sandbox()
        for setup in [["rate", "ascent", "4.5"], ["watch", "ascent", "--on", "2024-01-01"], ["note", "ascent", "Bleak."]] {
            #expect(try sandbox.runRaw(setup).status == 0)
        }
        for command in [["list"], [], ["stats"], ["show", "ascent"], ["history"], ["search", "ascent"], ["rate", "ascent", "4.5"], ["rate", "--help"], ["--help"]] {
            let run = try sandbox.run(command, with: locale)
            let ascii = (run.stdout + run.stderr).unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(locale) \(command): \(run.stdout)\(run.stderr)")
        }
        #expect(try sandbox.run(["show", "ascent"], with: locale).stdout.contains("4.5/5"))
        #expect(try sandbox.run(["show", "ascent"], with: ["LANG": "C.UTF-8"]).stdout.contains("★★★★½"))
    }

    // MARK: History reads as typed

    @Test("history shows commands as a person types them and writes plurals in words")
    func history() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("note", "ascent", "Vereshchagin's winter").status == 0)
        #expect(try sandbox.run("tag", "ascent", "war", "snow").status == 0)
        let history = try sandbox.run("history")
        #expect(history.stdout.contains(#"note ascent "Vereshchagin's winter""#), "\(history.stdout)")
        #expect(!history.stdout.contains(#"'\''"#))
        for command in [["history"], ["list"], ["stats"], ["tags"], ["note", "list"]] {
            let run = try sandbox.runRaw(command)
            #expect(!(run.stdout + run.stderr).contains("(s)"), "\(command)")
        }
    }
}
