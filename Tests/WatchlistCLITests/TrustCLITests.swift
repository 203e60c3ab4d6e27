import Foundation
import GRDB
import Testing

/// What reaches the terminal, and what a refused command leaves, through the real binary.
@Suite("trusting nothing from a file, through the binary")
struct TrustCLITests {
    let sandbox: Sandbox
    init() throws {
        sandbox = try Sandbox()
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
    }

    /// A Letterboxd diary and review whose title, tags and review carry escape sequences: a
    /// window title, a screen clear, a clipboard write, reverse video, a bidi override.
    func importHostile() throws {
        let evilTitle = "Evil \u{1B}]0;owned\u{07}Film"
        let review = "Clipboard \u{1B}]52;c;ZXZpbA==\u{07} and \u{1B}[2J and \u{1B}[7m and \u{202E}reversed\u{9B}31m"
        let diary = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-01-02,\"\(evilTitle)\",1999,https://boxd.it/e1,4,,,2024-01-01\n"
        let reviews = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n2024-01-02,\"\(evilTitle)\",1999,https://boxd.it/e1,4,,\"\(review)\",,2024-01-01\n"
        try FileManager.default.createDirectory(atPath: sandbox.folder + "/export", withIntermediateDirectories: true)
        try diary.write(toFile: sandbox.folder + "/export/diary.csv", atomically: true, encoding: .utf8)
        try reviews.write(toFile: sandbox.folder + "/export/reviews.csv", atomically: true, encoding: .utf8)
        let imported = try sandbox.run("import", sandbox.folder + "/export", "--add-missing")
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test("titles and reviews with escape codes are shown as visible escapes by every command, piped or on a terminal")
    func escapesShown() throws {
        try importHostile()
        var outputs: [String] = []
        for arguments in [["show", "evil"], ["list"], ["note", "list"], ["history"], ["search", "clipboard"], ["show", "\u{1B}[2Jnothing"],
                          ["--color", "always", "show", "evil"], ["--color", "always", "search", "clipboard"], ["--color", "always", "list"]] {
            let run = try sandbox.runRaw(arguments)
            outputs.append(run.stdout + run.stderr)
            let text = run.stdout + run.stderr
            // Only the tool's own styles (bold, underline, reset) may reach the terminal.
            let escapes = text.components(separatedBy: "\u{1B}").dropFirst().map { String($0.prefix(4)) }
            #expect(escapes.allSatisfy { $0.hasPrefix("[1m") || $0.hasPrefix("[0m") || $0.hasPrefix("[1;4") }, "\(arguments): \(escapes)")
            #expect(!text.contains("\u{07}") && !text.contains("\u{202E}") && !text.contains("\u{9B}"), "\(arguments)")
        }
        #expect(outputs[0].contains(#"Evil \e]0;owned\u{7}Film (1999)"#))
        #expect(outputs[0].contains(#"Clipboard \e]52;c;ZXZpbA==\u{7} and \e[2J and \e[7m and \u{202E}reversed\u{9B}31m"#))
        #expect(outputs[5] == "watchlist: error: No film matches '\\e[2Jnothing'.\nRun 'watchlist list' to see the films and their ids.\n")
    }

    @Test("--json and exports keep the exact text, escaped as JSON and CSV require")
    func exactInJSON() throws {
        try importHostile()
        let json = try sandbox.run("show", "evil", "--json")
        #expect(json.stdout.contains(#"Evil \u001b]0;owned\u0007Film"#))
        let detail = try sandbox.parseJSON(json.stdout) as! [String: Any]
        #expect((detail["title"] as? String) == "Evil \u{1B}]0;owned\u{07}Film")
        let csv = try sandbox.run("export", "--format", "csv")
        #expect(csv.stdout.contains("Evil \u{1B}]0;owned\u{07}Film"))
    }

    @Test("a tag of 100 characters typed as 200 code points is stored in NFC (100) and shown; 101 code points is 64 and changes nothing")
    func tagLimits() throws {
        let accented = String(repeating: "e\u{301}", count: 100)
        let tagged = try sandbox.run("tag", "ascent", accented)
        #expect(tagged.status == 0)
        #expect(tagged.stdout == "Tagged The Ascent (1977) \(accented)\n")
        #expect(try sandbox.run("show", "ascent").stdout.contains("Tags: \(accented)"))
        let before = sandbox.databaseBytes()
        let long = try sandbox.run("tag", "ascent", String(repeating: "x", count: 101))
        #expect(long.status == 64)
        #expect(long.stderr == "watchlist: error: '\(String(repeating: "x", count: 40))…' is not a tag: it is 101 code points long. "
                + "A tag is 1 to 100 characters without commas, such as arctic or seen-in-cinema.\n")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("a rating of 11 half stars: show fails with 74 naming the row; export --format json writes the rest and exits 74")
    func damagedRating() throws {
        try sandbox.run("rate", "ascent", "4")
        // A rating's row is its film's key.
        let key = try #require((try sandbox.parseJSON(sandbox.run("show", "ascent", "--json").stdout) as? [String: Any])?["key"] as? String)
        let execute = try DatabaseQueueOpener.open(sandbox.db)
        try execute("PRAGMA ignore_check_constraints = ON")
        try execute("UPDATE rating SET halfStars = 11")
        let before = sandbox.databaseBytes()
        let show = try sandbox.run("show", "ascent")
        #expect(show.status == 74)
        #expect(show.stderr == "watchlist: error: The database at \(sandbox.db) failed its checks (1 problem):\n"
                + "  rating row \(key): 11 half stars is not a rating from 1 to 10\n"
                + "Restore a backup with 'watchlist db restore FILE', or export what can be read first.\n")
        let export = try sandbox.run("export", "--format", "json")
        #expect(export.status == 74)
        #expect(export.stderr == "watchlist: error: The export left out 1 row the database at \(sandbox.db) holds damaged; everything else was written:\n"
                + "  rating row \(key): 11 half stars is not a rating from 1 to 10\nRun 'watchlist db check' to list every problem.\n")
        let document = try sandbox.parseJSON(export.stdout) as! [String: Any]
        #expect((document["films"] as! [Any]).count == 10)
        let file = try sandbox.run("export", "--format", "csv", "-o", sandbox.folder + "/out.csv")
        #expect(file.status == 74)
        #expect(file.stdout == "Exported csv to \(sandbox.folder)/out.csv\n")
        #expect(FileManager.default.fileExists(atPath: sandbox.folder + "/out.csv"))
        let check = try sandbox.run("db", "check")
        #expect(check.status == 74)
        #expect(check.stderr.contains("  rating row \(key): the rating is not 1 to 10 half stars"))
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("db check names a dropped table with 74; list refuses the database with 74")
    func droppedTable() throws {
        let execute = try DatabaseQueueOpener.open(sandbox.db)
        try execute("DROP TABLE note")
        let before = sandbox.databaseBytes()
        let check = try sandbox.run("db", "check")
        #expect(check.status == 74)
        #expect(check.stderr.contains("  the table note is missing\n"))
        let list = try sandbox.run("list")
        #expect(list.status == 74)
        #expect(list.stderr.hasPrefix("watchlist: error: \(sandbox.db) is not a watchlist database (its schema is not watchlist's, or it was altered: "
                                      + "the table note is missing; "))
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("--force replaces a file or a link, never a FIFO or a device (73); -o - is standard output")
    func forceRule() throws {
        let fifo = sandbox.folder + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let toDevice = sandbox.folder + "/null-link"
        try FileManager.default.createSymbolicLink(atPath: toDevice, withDestinationPath: "/dev/null")
        for (path, what) in [(fifo, "a FIFO"), (toDevice, "a device"), (sandbox.folder, "a folder")] {
            let run = try sandbox.run("export", "-o", path, "--force")
            #expect(run.status == 73)
            #expect(run.stderr == "watchlist: error: Cannot write \(path): it is \(what), which is never replaced by a file.\n")
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: toDevice) == "/dev/null")
        let dash = try sandbox.run("export", "--format", "csv", "-o", "-")
        #expect(dash.status == 0)
        #expect(dash.stdout.hasPrefix("id,title,year"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/-"))
    }

    @Test("a reference that is not all digits is no id: '#3' names no film (1), and nothing changes",
          arguments: ["#3", "-1", "+1", "1.", "(1)"])
    func references(reference: String) throws {
        let before = sandbox.databaseBytes()
        let run = try sandbox.run("rate", "--", reference, "5")
        #expect(run.status == 1)
        // The only title with a 1 or a 3 in it is suggested, never rated; for "#3", film 3 by its id.
        let suggestion = reference == "#3" ? "3 (The Dawns Here Are Quiet (1972))" : "The Cold Summer of 1953 (1988)"
        #expect(run.stderr == "watchlist: error: No film matches '\(reference)'. Did you mean: \(suggestion)?\n")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("an import with a rating dated 2099 is refused with its line (65), and nothing changes")
    func futureRating() throws {
        let file = sandbox.folder + "/ratings.csv"
        try "Date,Name,Year,Letterboxd URI,Rating\n2099-01-01,The Ascent,1977,https://boxd.it/fAs,5\n".write(toFile: file, atomically: true, encoding: .utf8)
        let before = sandbox.databaseBytes()
        let run = try sandbox.run("import", file)
        #expect(run.status == 65)
        #expect(run.stderr == "watchlist: error: \(file), line 2: 2099-01-01 in Date is in the future (today is 2026-11-26).\n")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("restoring the database onto itself is refused at once (64); restore is in the history and undo reverts it")
    func restoreRules() throws {
        let before = sandbox.databaseBytes()
        let started = Date()
        let itself = try sandbox.run("db", "restore", sandbox.db)
        #expect(itself.status == 64)
        #expect(itself.stderr == "watchlist: error: \(sandbox.db) is the database itself; restore another file.\n")
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(sandbox.databaseBytes() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folder).filter { $0.contains("before-restore") }.isEmpty)
        let backup = sandbox.folder + "/b.sqlite"
        try sandbox.run("db", "backup", backup)
        try sandbox.run("watch", "red tent")
        try sandbox.run("db", "restore", backup)
        #expect(try sandbox.run("history").stdout.contains("Restored the database from \(backup)"))
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(undo.stdout.hasPrefix("Undid: Restored the database from \(backup)"))
        #expect(try sandbox.run("show", "red tent").stdout.contains("2026-11-26"))
    }

    @Test("import reads -, /dev/stdin and a FIFO")
    func streams() throws {
        let diary = Data("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-01-02,Stalker,1979,https://boxd.it/s1,4,,,2024-01-01\n".utf8)
        let dash = try sandbox.run("import", "-", "--add-missing", stdin: diary)
        #expect(dash.status == 0)
        #expect(dash.stderr.contains("standard input: letterboxd diary, 1 row"))
        let devStdin = try sandbox.run("import", "/dev/stdin", "--dry-run", stdin: diary)
        #expect(devStdin.status == 0)
        #expect(devStdin.stderr.contains("Already there: 1 viewing"))
        let fifo = sandbox.folder + "/diary.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread { try? diary.write(to: URL(fileURLWithPath: fifo)) }
        writer.start()
        let fromFIFO = try sandbox.run("import", fifo, "--dry-run")
        #expect(fromFIFO.status == 0)
        #expect(fromFIFO.stderr.contains("\(fifo): letterboxd diary, 1 row"))
    }

    @Test("the smaller refusals: a long search (64), documents (65), a relative HOME (74), each with its message and nothing changed")
    func smallerRefusals() throws {
        let before = sandbox.databaseBytes()
        let search = try sandbox.run("search", String(repeating: "a", count: 501))
        #expect(search.status == 64)
        #expect(search.stderr == "watchlist: error: The search is 501 code points long; the limit is 500.\n")
        for (content, message) in [
            (#"{"format":"watchlist","version":1e400,"films":[]}"#, "its version is a number beyond any version, which is no watchlist document's version (1 to 6)."),
            (#"{"format":"watchlist","version":0,"films":[]}"#, "its version is 0, which is no watchlist document's version (1 to 6)."),
            (#"{"format":"watchlist","version":2}"#, "films is missing: a watchlist document lists its films, if only as []."),
            (#"{"format":"watchlist","version":2,"films":[],"x":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}",
             "the JSON nests arrays and objects more than 64 levels deep; a watchlist document nests 4."),
        ] {
            let file = sandbox.folder + "/doc.json"
            try content.write(toFile: file, atomically: true, encoding: .utf8)
            let run = try sandbox.run("import", file)
            #expect(run.status == 65)
            #expect(run.stderr == "watchlist: error: \(file): \(message)\n")
        }
        var environment = sandbox.environment
        environment["HOME"] = "relative/home"
        let home = try sandbox.runRaw(["list"], environment: environment)
        #expect(home.status == 74)
        #expect(home.stderr == "watchlist: error: HOME is 'relative/home', not an absolute path, so the default database cannot be found.\n"
                + "Pass --db PATH or set WATCHLIST_DB.\n")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("db backup onto a full disk (a file size limit here) is 73 naming the backup, and nothing changes")
    func fullDisk() throws {
        let before = sandbox.databaseBytes()
        let backup = sandbox.folder + "/full.sqlite"
        let run = try sandbox.runRaw(["-c", #"trap '' XFSZ; ulimit -f 8; exec "$0" --db "$1" db backup "$2""#, binary, sandbox.db, backup],
                                     executable: "/bin/sh")
        #expect(run.status == 73)
        #expect(run.stderr.hasPrefix("watchlist: error: Cannot write \(backup): "))
        #expect(!FileManager.default.fileExists(atPath: backup))
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("a note of 100,000 code points of emoji on standard input is within the limit")
    func emojiNote() throws {
        let text = String(repeating: "👨‍👩‍👧", count: 20_000)
        let run = try sandbox.run("note", "ascent", "-", stdin: Data(text.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let notes = try sandbox.parseJSON(try sandbox.run("note", "list", "--json").stdout) as! [[String: Any]]
        #expect((notes.first?["text"] as? String) == text)
    }

    @Test("watch --on unknown after a dated viewing: the unknown day is the first, the dated one the rewatch")
    func unknownDay() throws {
        let run = try sandbox.run("watch", "ascent", "--on", "unknown")
        #expect(run.stdout == "Watched The Ascent (1977) on an unknown day\n")
        let detail = try sandbox.parseJSON(try sandbox.run("show", "ascent", "--json").stdout) as! [String: Any]
        let viewings = detail["viewings"] as! [[String: Any]]
        #expect(viewings.map { $0["date"] is NSNull } == [true, false])
        #expect(viewings.map { $0["rewatch"] as? Bool } == [false, true])
    }

    @Test("history shows local times, as days are: TZ=Asia/Tokyo puts 12:00 UTC at 21:00")
    func localTimes() throws {
        var environment = sandbox.environment
        environment["TZ"] = "Asia/Tokyo"
        let history = try sandbox.runRaw(["history"], environment: environment)
        #expect(history.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("2026-11-26 21:00  watch ascent --on 2024-01-01") == true)
        let json = try sandbox.runRaw(["history", "--json"], environment: environment)
        #expect(json.stdout.contains(#""at":"2026-11-26T12:00:00Z""#))
    }
}
