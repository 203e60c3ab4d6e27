import Foundation
import Testing

/// Where the shared real exports are, beside the project; nil when they are not there.
let realExportsRoot: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/fixtures/real-exports").standardized.path
    return FileManager.default.fileExists(atPath: root) ? root : nil
}()

/// The project's root, for its scripts.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

/// The real exports people published (../shared/fixtures/real-exports, and the older formats in
/// real-exports-older), every folder of them, imported with --add-missing into fresh databases.
/// What each import must do is counted by scripts/count-real-exports.py, which reads the files
/// with Python's csv module and applies the README's rules on its own.
@Suite("real exports", .enabled(if: realExportsRoot != nil, "../shared/fixtures/real-exports is not here"))
struct RealExportTests {
    /// The folders of both collections, as paths below real-exports (`imdb-…`, `../real-exports-older/imdb-…`).
    static var folders: [String] {
        guard let root = realExportsRoot else { return [] }
        var folders: [String] = []
        for (base, prefix) in [(root, ""), (root + "-older", "../real-exports-older/")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
            folders += names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { prefix + $0 }
        }
        return folders
    }

    /// What the independent reader counts in a folder.
    static func counted(_ folder: String) throws -> [String: Any] {
        let sandbox = try Sandbox()
        let run = try sandbox.runRaw([projectRoot + "/scripts/count-real-exports.py", folder], executable: "/usr/bin/python3")
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try sandbox.parseJSON(run.stdout) as? [String: Any])
    }

    /// Each collection's films, as "Title (Year)", from the JSON export.
    static func collections(_ sandbox: Sandbox) throws -> [String: [String]] {
        let text = try sandbox.run("export").stdout
        let document = try #require(try sandbox.parseJSON(text) as? [String: Any])
        let films = try #require(document["films"] as? [[String: Any]])
        var names: [Int: String] = [:]
        for film in films {
            let title = film["title"] as? String ?? "?"
            names[film["id"] as? Int ?? 0] = (film["year"] as? Int).map { "\(title) (\($0))" } ?? title
        }
        var result: [String: [String]] = [:]
        for collection in try #require(document["collections"] as? [[String: Any]]) {
            result[collection["slug"] as? String ?? "?"] = (collection["films"] as? [Int] ?? []).map { names[$0] ?? "?" }
        }
        return result
    }

    @Test("each real export imports with --add-missing as an independent reader counts it; again, it adds nothing",
          arguments: folders)
    func realExport(folder: String) throws {
        let path = realExportsRoot! + "/" + folder
        let expected = try RealExportTests.counted(path)
        let sandbox = try Sandbox()
        let first = try sandbox.run("import", path, "--add-missing", "--json")
        #expect(first.status == 0, "\(first.stderr)")
        let report = try #require(try sandbox.parseJSON(first.stdout) as? [String: Any])
        #expect((report["files"] as? [Any])?.count == expected["files"] as? Int)
        #expect(report["rows"] as? Int == expected["rows"] as? Int)
        let films = try #require(report["films"] as? [String: Any])
        let expectedFilms = try #require(expected["films"] as? [String: Int])
        #expect(films["created"] as? Int == expectedFilms["created"])
        #expect(films["matched"] as? Int == expectedFilms["matched"])
        #expect(films["skipped"] as? Int == 0)
        let added = try #require(report["added"] as? [String: Int])
        for key in ["viewings", "placeholders", "ratings", "notes", "tags"] {
            #expect(added[key] == expected[key] as? Int, "\(key)")
        }
        #expect((report["collectionsCreated"] as? [String])?.sorted() == expected["collectionsCreated"] as? [String])
        #expect(report["skippedTitleTypes"] as? [String: Int] ?? [:] == expected["skippedTitleTypes"] as? [String: Int] ?? [:])
        #expect(report["unknownTitleTypes"] as? [String: Int] == [:])

        // Each watchlist and list holds the films the reader counts, in its order.
        let lists = try #require(expected["lists"] as? [String: [String]])
        let collections = try RealExportTests.collections(sandbox)
        for (slug, titles) in lists { #expect(collections[slug] == titles, "\(slug)") }
        if let alternative = expected["alternativeTitles"] as? Int {
            let document = try #require(try sandbox.parseJSON(try sandbox.run("export").stdout) as? [String: Any])
            let withOthers = (document["films"] as? [[String: Any]] ?? []).filter { !(($0["alternativeTitles"] as? [String]) ?? []).isEmpty }
            #expect(withOthers.count == alternative)
        }

        let second = try sandbox.run("import", path, "--add-missing", "--json")
        let again = try #require(try sandbox.parseJSON(second.stdout) as? [String: Any])
        #expect(again["added"] as? [String: Int] == ["viewings": 0, "placeholders": 0, "ratings": 0, "notes": 0, "tags": 0])
        #expect((again["films"] as? [String: Any])?["created"] as? Int == 0)
        #expect(again["collectionsCreated"] as? [String] == [])
        #expect(try RealExportTests.collections(sandbox) == collections, "importing again changes no collection")
    }

    @Test("IMDb's exports fill directors, genres and runtimes as an independent reader counts them; stats --year gives its hours and top five",
          arguments: folders.filter { ($0 as NSString).lastPathComponent.hasPrefix("imdb") })
    func imdbFacts(folder: String) throws {
        let path = realExportsRoot! + "/" + folder
        let expected = try RealExportTests.counted(path)
        let sandbox = try Sandbox()
        #expect(try sandbox.run("import", path, "--add-missing").status == 0)
        let films = try #require(try sandbox.parseJSON(try sandbox.run("list", "--json").stdout) as? [[String: Any]])
        let facts = try #require(expected["facts"] as? [String: Int])
        #expect(films.filter { !(($0["directors"] as? [String]) ?? []).isEmpty }.count == facts["directors"])
        #expect(films.filter { !(($0["genres"] as? [String]) ?? []).isEmpty }.count == facts["genres"])
        #expect(films.filter { $0["runtime"] is Int }.count == facts["runtime"])
        let years = try #require(expected["review"] as? [String: [String: Any]])
        for (year, counted) in years {
            let stats = try #require(try sandbox.parseJSON(try sandbox.run("stats", "--year", year, "--json").stdout) as? [String: Any])
            let review = try #require(stats["review"] as? [String: Any])
            #expect(review["viewings"] as? Int == counted["viewings"] as? Int, "\(year)")
            #expect(review["minutes"] as? Int == counted["minutes"] as? Int, "\(year)")
            #expect(review["filmsOfUnknownRuntime"] as? Int == counted["unknownRuntime"] as? Int, "\(year)")
            for key in ["directors", "genres"] {
                let ours = (review[key] as? [[String: Any]] ?? []).prefix(5)
                let theirs = counted[key] as? [[Any]] ?? []
                #expect(ours.map { $0["name"] as? String } == theirs.map { $0[0] as? String }, "\(year) \(key)")
                #expect(ours.map { $0["films"] as? Int } == theirs.map { $0[1] as? Int }, "\(year) \(key)")
                for (mine, other) in zip(ours, theirs) {
                    let average = (mine["averageRating"] as? Double) ?? -1, counted = (other[2] as? Double) ?? -1
                    #expect(abs(average - counted) < 0.006, "\(year) \(key) \(other[0])")
                }
            }
        }
    }

    @Test("the complete current Letterboxd export imports as its zip too, in Letterboxd's layout and in one folder of its own",
          .enabled(if: FileManager.default.fileExists(atPath: (realExportsRoot ?? "") + "/letterboxd-aguitov-2026")))
    func zipped() throws {
        let folder = realExportsRoot! + "/letterboxd-aguitov-2026"
        let sandbox = try Sandbox()
        let direct = try #require(try sandbox.parseJSON(try sandbox.run("import", folder, "--add-missing", "--dry-run", "--json").stdout) as? [String: Any])
        for (zip, prefix) in [("flat.zip", ""), ("nested.zip", "letterboxd-aguitov-2026-06-01-utc/")] {
            let make = """
                import os, sys, zipfile
                folder, out, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
                with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                    for root, _, names in os.walk(folder):
                        for name in sorted(names):
                            path = os.path.join(root, name)
                            archive.write(path, prefix + os.path.relpath(path, folder))
                """
            let made = try sandbox.runRaw(["-c", make, folder, sandbox.folder + "/" + zip, prefix], executable: "/usr/bin/python3")
            #expect(made.status == 0, "\(made.stderr)")
            let run = try sandbox.run("import", sandbox.folder + "/" + zip, "--add-missing", "--dry-run", "--json")
            #expect(run.status == 0, "\(run.stderr)")
            let report = try #require(try sandbox.parseJSON(run.stdout) as? [String: Any])
            for key in ["rows", "added", "films", "collectionsCreated"] {
                #expect(NSDictionary(dictionary: [key: report[key] as Any]).isEqual(to: [key: direct[key] as Any]), "\(zip): \(key)")
            }
            #expect((report["ignoredFiles"] as? [Any])?.count == (direct["ignoredFiles"] as? [Any])?.count, "\(zip)")
        }
    }

    @Test("accented titles of the Latin-1 IMDb export arrive intact",
          .enabled(if: FileManager.default.fileExists(atPath: (realExportsRoot ?? "") + "/imdb-ronilaukkarinen-2021")))
    func latin1Titles() throws {
        let sandbox = try Sandbox()
        try sandbox.run("import", realExportsRoot! + "/imdb-ronilaukkarinen-2021", "--add-missing")
        let films = try #require(try sandbox.parseJSON(try sandbox.run("list", "--json").stdout) as? [[String: Any]])
        let titles = films.compactMap { $0["title"] as? String }
        #expect(titles.contains { $0.unicodeScalars.contains { $0.value > 0x7F } })
        #expect(!titles.contains { $0.contains("\u{FFFD}") })
    }
}
