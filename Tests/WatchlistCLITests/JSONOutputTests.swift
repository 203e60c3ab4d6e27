import Foundation
import Testing
@testable import watchlist
import WatchlistCore

/// The shapes of `--json`, written by the command line's JSONOutput.
@Suite("JSON output")
struct JSONOutputTests {
    let watchlist: Watchlist

    static func makeWatchlist() throws -> Watchlist {
        try Watchlist.inMemory(clock: .fixed(Date(timeIntervalSince1970: 1_795_694_400)))
    }

    /// The JSON export, parsed.
    static func exportJSON(_ watchlist: Watchlist) throws -> [String: Any] {
        let path = try makeTemporaryFolder() + "/export.json"
        try watchlist.export(.json, toFile: path, force: false)
        return try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    init() throws {
        watchlist = try JSONOutputTests.makeWatchlist()
        _ = try watchlist.watch("ascent", on: .day("2020-01-01"))
        _ = try watchlist.watch("ascent", on: .day("2026-11-01"))
        _ = try watchlist.watch("red tent", on: .unknown)
        _ = try watchlist.rate("ascent", "4.5")
        _ = try watchlist.addNote("ascent", text: "First, \"quoted\"\nline two")
        _ = try watchlist.addNote("ascent", text: "=HYPERLINK(\"http://x\")")
        _ = try watchlist.addNote("white sun", text: "-dash and @at")
    }

    @Test("show --json is shaped like a film of the export")
    func filmJSON() throws {
        let detail = try watchlist.show("ascent")
        let single = try JSONSerialization.jsonObject(with: JSONOutput.film(detail)) as! [String: Any]
        let exported = (try JSONOutputTests.exportJSON(watchlist)["films"] as! [[String: Any]])[0]
        #expect(NSDictionary(dictionary: single).isEqual(to: exported))
    }


    @Test("list --json has the documented summary fields")
    func summariesJSON() throws {
        let array = try JSONSerialization.jsonObject(with: JSONOutput.summaries(watchlist.list())) as! [[String: Any]]
        #expect(array.count == 10)
        #expect(Set(array[0].keys) == ["id", "ids", "key", "title", "year", "viewings", "lastWatched", "rating", "notes", "tags",
                                       "directors", "genres", "countries", "language", "runtime", "released"])
        #expect(array[0]["viewings"] as? Int == 2)
        #expect(array[0]["lastWatched"] as? String == "2026-11-01")
        #expect(array[0]["rating"] as? Double == 4.5)
        #expect(array[0]["notes"] as? Int == 2)
        #expect(array[1]["lastWatched"] is NSNull)
        #expect(array[1]["rating"] is NSNull)
    }


    @Test("list --json written as the films come is byte for byte the array written at once, empty or not", arguments: [0, 1, 10])
    func streamedLines(count: Int) throws {
        let watchlist = try JSONOutputTests.makeWatchlist()
        let films = Array(try watchlist.list().prefix(count))
        let path = try makeTemporaryFolder() + "/lines.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var lines = try JSONOutput.summaryLines(to: TextOutput(descriptor: handle.fileDescriptor, name: path))
        for film in films { try lines.add(film) }
        try lines.finish()
        try handle.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == JSONOutput.summaries(films) + Data("\n".utf8))
    }


    @Test("the hand-written film is what JSONEncoder with sorted keys would write")
    func sameAsEncoder() throws {
        let watchlist = try JSONOutputTests.makeWatchlist()
        _ = try watchlist.watch("ascent", on: .unknown)
        _ = try watchlist.rate("ascent", "4")
        _ = try watchlist.tag("ascent", ["b", "a"])
        _ = try watchlist.addNote("ascent", text: "x\"y")
        let written = try JSONSerialization.jsonObject(with: JSONOutput.film(watchlist.show("ascent"))) as! [String: Any]
        let resorted = try JSONSerialization.data(withJSONObject: written, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(resorted == JSONOutput.film(try watchlist.show("ascent")))
    }
}
