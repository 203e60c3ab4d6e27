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

    // MARK: Processes, signals and files

    /// Starts the binary without waiting for it: its stderr goes to a file of the sandbox.
    func start(_ arguments: [String], stdin: Pipe? = nil) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = sandbox.environment
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.folder)
        let errors = sandbox.folder + "/stderr-\(UUID().uuidString)"
        #expect(FileManager.default.createFile(atPath: errors, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: errors))
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        if let stdin { process.standardInput = stdin }
        try process.run()
        try handle.close()
        return (process, errors)
    }

    func contents(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// Fills the database at `path` (made by the tool) with `films` films of a long
    /// description and a viewing each, in SQL, so that copying and checking it takes a while.
    static func fill(_ path: String, films: Int) throws {
        try Tampering.execute(path, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(films))
            INSERT INTO film (id, title, year, description, fact, titleKey)
            SELECT 1000 + i, 'Filler ' || i, 1990, printf('%.300c', 'x'), '', 'filler ' || i FROM n
            """, """
            INSERT INTO viewing (filmId, watchedOn, rewatch, loggedAt, placeholder) SELECT id, '2020-01-01', 0, '2020-01-01T00:00:00Z', 0
            FROM film WHERE title GLOB 'Filler *'
            """, "INSERT INTO filmNumber (filmId) SELECT id FROM film WHERE title GLOB 'Filler *'")
    }

    @Test("4. undo of a restore never undoes a change another process recorded while it checked the safety copy")
    func undoRestoreRace() throws {
        #expect(try sandbox.run("watch", "ascent", "--on", "2024-01-01").status == 0)
        try Self.fill(sandbox.db, films: 150_000)
        let small = try Sandbox()
        #expect(try small.run("watch", "red tent", "--on", "2024-02-01").status == 0)
        #expect(try sandbox.run("db", "restore", small.db).status == 0)
        let (undo, undoErrors) = try start(["undo"])
        // While undo checks its large safety copy, another process logs a viewing (waiting, if
        // it comes late, for undo's transaction to end).
        Thread.sleep(forTimeInterval: 0.2)
        #expect(undo.isRunning, "the undo was still checking its copy")
        let watch = try sandbox.run(["watch", "the star", "--on", "2024-03-01"], with: ["WATCHLIST_LOCK_TIMEOUT": "60"])
        undo.waitUntilExit()
        let undoSaid = contents(undoErrors)
        #expect(watch.status == 0, "\(watch.stderr)")
        let star = try film("the star")?["viewings"] as? [[String: Any]] ?? []
        #expect(star.map { $0["date"] as? String } == ["2024-03-01"], "the viewing the other process logged is kept; undo said: \(undoSaid)")
        #expect(try sandbox.run("history").stdout.contains("Watched The Star"))
        #expect(undo.terminationStatus == 1, "\(undoSaid)")
        #expect(undoSaid.contains("Another change was recorded while the restore's safety copy was being checked ('watch 'the star'"), "\(undoSaid)")
        // Run again, undo takes back the latest change, then the restore.
        #expect(try sandbox.run("undo").stdout.hasPrefix("Undid: Watched The Star"))
        #expect(try sandbox.run("undo").stdout.hasPrefix("Undid: Restored the database"))
        #expect((try film("ascent")?["viewings"] as? [[String: Any]])?.count == 1)
    }

    @Test("5. a safety copy in a folder others can write, or a copy that is not yours, is never restored")
    func untrustedSafetyCopies() throws {
        #expect(try sandbox.run("watch", "ascent", "--on", "2024-01-01").status == 0)
        let other = try Sandbox()
        #expect(try other.run("watch", "red tent", "--on", "2024-02-01").status == 0)
        #expect(try sandbox.run("db", "restore", other.db).status == 0)
        let folder = sandbox.db + ".restores"
        let copy = folder + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first))
        #expect(chmod(folder, 0o777) == 0)
        let before = sandbox.databaseBytes()
        let open = try sandbox.run("undo")
        #expect(open.status == 1)
        #expect(open.stderr.contains("others may write to it (mode 777)"), "\(open.stderr)")
        #expect(sandbox.databaseBytes() == before)
        // A restore does not keep a copy there either.
        #expect(try sandbox.run("db", "restore", other.db).status == 73)
        #expect(chmod(folder, 0o700) == 0)
        if getuid() == 0 {
            #expect(chown(copy, 65534, 65534) == 0)
            let foreign = try sandbox.run("undo")
            #expect(foreign.status == 1)
            #expect(foreign.stderr.contains("cannot be trusted: it is not a file of yours"), "\(foreign.stderr)")
            #expect(sandbox.databaseBytes() == before)
            #expect(chown(copy, 0, 0) == 0)
        }
        #expect(chmod(copy, 0o666) == 0)
        #expect(try sandbox.run("undo").stderr.contains("others may write to it (mode 666)"))
        #expect(chmod(copy, 0o600) == 0)
        #expect(try sandbox.run("undo").status == 0)
    }

    @Test("6. no output is ever a file SQLite keeps beside the database, however its path is written",
          arguments: ["-journal", "-wal", "-shm"])
    func outputsBesideTheDatabase(suffix: String) throws {
        #expect(try sandbox.run("watch", "ascent").status == 0)
        let home = sandbox.folder + "/home"
        for path in [sandbox.db + suffix, "home/.local/share/watchlist/../watchlist/watchlist.sqlite" + suffix,
                     home + "/.local/share/./watchlist/watchlist.sqlite" + suffix] {
            for command in [["export", "-o", path], ["export", "--format", "csv", "-o", path, "--force"], ["db", "backup", path]] {
                let run = try sandbox.run(command, with: [:])
                #expect(run.status == 73, "\(command): \(run.stderr)")
                #expect(run.stderr.contains("it is the file SQLite keeps beside the database"), "\(run.stderr)")
                #expect(!FileManager.default.fileExists(atPath: sandbox.db + suffix))
            }
        }
        #expect(try sandbox.run("export", "-o", sandbox.db + ".restores/x.json").stderr.contains("safety copies"))
        #expect((try film("ascent")?["viewings"] as? [[String: Any]])?.count == 1)
    }

    @Test("7. an export is created private (0600); one that replaces a file keeps that file's permissions")
    func exportPermissions() throws {
        umask(0o022)
        #expect(try sandbox.run("watch", "ascent").status == 0)
        func mode(_ path: String) -> mode_t? { POSIXStatus.mode(path) }
        let fresh = sandbox.folder + "/fresh.json"
        #expect(try sandbox.run("export", "-o", fresh).status == 0)
        #expect(mode(fresh) == 0o600)
        let html = sandbox.folder + "/page.html"
        #expect(try sandbox.run("export", "--format", "html", "-o", html).status == 0)
        #expect(mode(html) == 0o600)
        let backup = sandbox.folder + "/backup.json"
        #expect(FileManager.default.createFile(atPath: backup, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
        #expect(try sandbox.run("export", "-o", backup, "--force").status == 0)
        #expect(mode(backup) == 0o600, "a private file stays private")
        let shared = sandbox.folder + "/shared.json"
        #expect(FileManager.default.createFile(atPath: shared, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640]))
        #expect(try sandbox.run("export", "-o", shared, "--force").status == 0)
        #expect(mode(shared) == 0o640)
    }

    @Test("8. a file that shrinks while it is read is refused with a message (65), never a crash; the database is as before")
    func shrinkingFile() throws {
        #expect(try sandbox.run("watch", "ascent").status == 0)
        var diary = Data("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n".utf8)
        for row in 1...120_000 { diary.append(contentsOf: "2020-01-01,Generated Film \(row),1990,https://boxd.it/g\(row),3.5,,,2020-01-01\n".utf8) }
        let file = try sandbox.write("big/diary.csv", diary)
        let before = sandbox.databaseBytes()
        let (process, errors) = try start(["import", file, "--add-missing"])
        Thread.sleep(forTimeInterval: 0.3)
        #expect(truncate(file, 1000) == 0)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "the tool ended on its own, not by SIGBUS: \(contents(errors))")
        #expect(process.terminationStatus == 65)
        #expect(contents(errors).contains("diary.csv: the file changed while it was read"), "\(contents(errors))")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("9. SIGTERM while import waits on standard input stops it (143), as other long work stops")
    func signalWhileReadingStandardInput() throws {
        let input = Pipe()
        let (process, errors) = try start(["import", "-"], stdin: input)
        input.fileHandleForWriting.write(Data("Date,Name,Year,Letterboxd URI,Rating\n".utf8))
        Thread.sleep(forTimeInterval: 1)
        let started = Date()
        kill(process.processIdentifier, SIGTERM)
        while process.isRunning && Date().timeIntervalSince(started) < 5 { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning, "the import still waited for input 5 s after SIGTERM")
        // Closing the input ends the wait of a tool that ignored the signal.
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 143)
        #expect(contents(errors).contains("Interrupted: nothing was imported."), "\(contents(errors))")
    }

    @Test("10. a signal during db restore stops it as an interruption (130), never as a file that cannot be read")
    func signalDuringRestore() throws {
        #expect(try sandbox.run("watch", "ascent", "--on", "2024-01-01").status == 0)
        let big = try Sandbox()
        #expect(try big.run("watch", "red tent", "--on", "2024-02-01").status == 0)
        // A backup of 150 MB: copying it takes long enough for a signal to land in the copy.
        try Self.fill(big.db, films: 300_000)
        var interrupted = 0
        for delay in stride(from: 0.03, through: 0.15, by: 0.01) {
            let before = sandbox.databaseBytes()
            let (process, errors) = try start(["db", "restore", big.db])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            let said = contents(errors)
            #expect(!said.contains("Domain") && !said.contains("cannot be copied"), "after \(delay) s: \(said)")
            if process.terminationReason == .uncaughtSignal {
                // The signal came before the work began: the default action ended the tool.
                #expect(process.terminationStatus == SIGINT)
                #expect(sandbox.databaseBytes() == before)
                continue
            }
            #expect([0, 130].contains(process.terminationStatus), "after \(delay) s: \(said)")
            if process.terminationStatus == 130 {
                interrupted += 1
                #expect(said.contains("Interrupted: nothing was restored."), "\(said)")
                #expect(sandbox.databaseBytes() == before)
            }
        }
        #expect(interrupted > 0)
    }

    @Test("14. COLUMNS of 0, -1, 1 or a word still gives the whole help, fitted to at least 20 columns (a width that is no number is none)",
          arguments: [("0", Int.max), ("-1", Int.max), ("1", 20), ("5", 20), ("25", 25), ("abc", Int.max)])
    func helpAtAnyWidth(columns: String, width: Int) throws {
        let run = try sandbox.run(["watch", "--help"], with: ["COLUMNS": columns])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("--on <date>"))
        let words = run.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("The day: YYYY-MM-DD, today, yesterday or unknown."), "\(run.stdout)")
        for line in run.stdout.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
    }
}

/// A file's permission bits.
enum POSIXStatus {
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }
}
