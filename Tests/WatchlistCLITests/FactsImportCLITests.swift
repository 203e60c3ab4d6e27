import Foundation
import Testing

/// The head of a real copy of IMDb's datasets, beside the project; nil when it is not there.
let imdbSampleRoot: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/fixtures/imdb-datasets-sample").standardized.path
    return FileManager.default.fileExists(atPath: root) ? root : nil
}()

/// `watchlist facts import` through the binary: what a person whose diary came from Letterboxd
/// sees before and after a run, and every way a run refuses or stops.
@Suite("facts import, through the binary")
struct FactsImportCLITests {
    static let examples = projectRoot + "/docs/examples"

    @Test("a Letterboxd-only diary: before a run, no hours, directors or genres; after it, stats --year, the year-in-review page and list --director show them",
          .enabled(if: realExportsRoot != nil && imdbSampleRoot != nil, "../shared/fixtures (real exports, IMDb's sample) is not here"))
    func letterboxdDiary() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("import", realExportsRoot! + "/letterboxd-aguitov-2026", "--add-missing").status == 0)
        let before = try sandbox.run("stats", "--year", "2025").stdout
        #expect(before.contains("Hours watched: unknown") && !before.contains("Most-watched directors"), "\(before)")
        #expect(try sandbox.run("list", "--director", "chaplin").stderr.contains("No films match"))

        let run = try sandbox.run("facts", "import", imdbSampleRoot!, "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try sandbox.parseJSON(run.stdout) as? [String: Any])
        #expect((report["matchedByTitle"] as? [Any])?.count == 52 && report["matchedById"] as? Int == 0, "\(run.stdout.prefix(400))")
        #expect((report["files"] as? [[String: Any]])?.map { $0["dataset"] as? String } == ["title.basics", "title.ratings", "title.crew", "name.basics"])

        let after = try sandbox.run("stats", "--year", "2025").stdout
        #expect(after.contains("Hours watched: 11.7 (703 min)"), "\(after)")
        #expect(after.contains("Most-watched directors") && after.contains("Charles Chaplin") && after.contains("Most-watched genres"), "\(after)")
        let chaplin = try sandbox.run("list", "--director", "chaplin")
        #expect(chaplin.stdout.contains("A Dog's Life"), "\(chaplin.stdout)")
        let page = try sandbox.run("export", "--format", "html", "--year", "2025")
        #expect(page.status == 0 && page.stdout.contains("Charles Chaplin") && page.stdout.contains("11.7"), "\(page.stderr)")
        let kane = try sandbox.run("show", "citizen kane")
        #expect(kane.stdout.contains("IMDb tt0033467 (found by matching)") && kane.stdout.contains("Directed by: Orson Welles"), "\(kane.stdout)")
        #expect(kane.stdout.contains("Runtime: 119 min"))

        // One history entry; undo takes the whole run back.
        #expect(try sandbox.run("history").stdout.contains("Read IMDb's datasets: 52 films matched (52 by title)"))
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("stats", "--year", "2025").stdout == before)
    }

    @Test("the README's example: the ids found, the facts, and film unset --imdb; --dry-run changes nothing")
    func examples() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.run("import", FactsImportCLITests.examples + "/letterboxd-export", "--add-missing")
        let listed = try sandbox.run("list", "--json").stdout
        let dry = try sandbox.run("facts", "import", FactsImportCLITests.examples + "/imdb-datasets", "--dry-run")
        #expect(dry.status == 0 && dry.stderr.contains("Would match by title") && dry.stderr.contains("Nothing was changed (--dry-run)."))
        #expect(try sandbox.run("list", "--json").stdout == listed)
        let run = try sandbox.run("facts", "import", FactsImportCLITests.examples + "/imdb-datasets")
        #expect(run.status == 0 && run.stderr.contains("Facts added: 14, changed: 0, of 4 films"), "\(run.stderr)")
        let again = try sandbox.run("facts", "import", FactsImportCLITests.examples + "/imdb-datasets")
        #expect(again.status == 0 && again.stderr.contains("matched 4 (4 by IMDb id, 0 by title and year)")
            && again.stderr.contains("Nothing changed"), "\(again.stderr)")
        #expect(try sandbox.run("show", "mirror").stdout.contains("Also known as: Zerkalo"))
        #expect(try sandbox.run("search", "zerkalo").stdout.contains("Mirror"))
        #expect(try sandbox.run("film", "unset", "mirror", "--imdb").status == 0)
        let unset = try sandbox.run("film", "unset", "mirror", "--imdb")
        #expect(unset.status == 1 && unset.stderr.contains("Mirror (1975) has no IMDb id"), "\(unset.stderr)")
        #expect(try sandbox.run("film", "unset", "mirror", "--imdb", "--runtime").status == 64)
        let third = try sandbox.run("facts", "import", FactsImportCLITests.examples + "/imdb-datasets")
        #expect(third.stderr.contains("Mirror (1975)") && third.stderr.contains("Not found"), "a refused id is not given back: \(third.stderr)")
    }

    @Test("refusals: nothing named (64), no such path (66), a file that is not a dataset (65), a gzip cut short (65); each changes nothing")
    func refusals() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.run("import", FactsImportCLITests.examples + "/letterboxd-export", "--add-missing")
        let before = try sandbox.run("list", "--json").stdout
        let packed = try Data(contentsOf: URL(fileURLWithPath: FactsImportCLITests.examples + "/imdb-datasets/title.basics.tsv.gz"))
        let cut = try sandbox.write("cut/title.basics.tsv.gz", packed.prefix(packed.count - 12))
        let cases: [([String], Int32, String)] = [
            (["facts", "import"], 64, "Missing expected argument"),
            (["facts", "import", sandbox.folder + "/nowhere"], 66, "nowhere"),
            (["facts", "import", FactsImportCLITests.examples + "/tarkovsky.txt"], 65, "tarkovsky.txt"),
            (["facts", "import", cut], 65, "cut short"),
        ]
        for (arguments, status, message) in cases {
            let run = try sandbox.run(arguments, with: [:])
            #expect(run.status == status && run.stderr.contains(message), "\(arguments): \(run.status) \(run.stderr)")
        }
        #expect(try sandbox.run("list", "--json").stdout == before)
        #expect(try sandbox.run("history").stdout.components(separatedBy: "\n").filter { $0.contains("facts import") }.isEmpty)
    }

    @Test("Ctrl-C during a long pass: 130, nothing changed")
    func interrupted() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.run("import", FactsImportCLITests.examples + "/letterboxd-export", "--add-missing")
        var text = "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n"
        for row in 1...400_000 { text += "tt\(1_000_000 + row)\tmovie\tStalker\tStalker\t0\t\(1900 + row % 100)\t\\N\t90\tDrama\n" }
        let file = try sandbox.write("big/title.basics.tsv", text)
        let before = try sandbox.run("list", "--json").stdout
        let stopped = try sandbox.runStopped(["facts", "import", file], by: SIGINT, after: 0.5)
        #expect(stopped.wasRunning, "the run was still reading when the signal came")
        #expect(stopped.reason == .exit && stopped.status == 130)
        #expect(stopped.stderr.contains("Interrupted: nothing was changed."), "\(stopped.stderr)")
        #expect(try sandbox.run("list", "--json").stdout == before)
    }
}
