import Foundation
import Testing

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
