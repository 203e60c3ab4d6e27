import CSV
import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("export")
struct ExportTests {
    let watchlist: Watchlist

    init() throws {
        watchlist = try makeWatchlist()
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2020-01-01")!))
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2026-11-01")!))
        _ = try watchlist.watch("red tent", on: .unknown)
        _ = try watchlist.rate("ascent", "4.5")
        _ = try watchlist.addNote("ascent", text: "First, \"quoted\"\nline two")
        _ = try watchlist.addNote("ascent", text: "=HYPERLINK(\"http://x\")")
        _ = try watchlist.addNote("white sun", text: "-dash and @at")
    }

    @Test("json: the versioned document with every collection, film, viewing, rating and note")
    func json() throws {
        let document = try exportJSON(watchlist)
        #expect(document["format"] as? String == "watchlist")
        #expect(document["version"] as? Int == 6)
        #expect(document["exportedAt"] as? String == "2026-11-26T12:00:00Z")
        let collections = try #require(document["collections"] as? [[String: Any]])
        #expect(collections.count == 1)
        #expect(collections[0]["slug"] as? String == "soviet-survival")
        #expect(collections[0]["title"] as? String == "Soviet Survival Films")
        #expect((collections[0]["description"] as? String)?.isEmpty == false)
        #expect(collections[0]["films"] as? [Int] == Array(1...10))
        #expect(collections[0]["entryNotes"] as? [String] == Array(repeating: "", count: 10))
        #expect(collections[0]["origin"] is NSNull)
        #expect(collections[0]["createdAt"] as? String == "2026-11-26T12:00:00Z")
        let films = try #require(document["films"] as? [[String: Any]])
        #expect(films.count == 10)
        let ascent = films[0]
        #expect(Set(ascent.keys) == ["id", "key", "title", "year", "description", "fact", "collections", "viewings", "rating", "ratedAt", "notes", "tags",
                                     "ids", "alternativeTitles", "facts", "directors", "genres", "countries", "language", "runtime", "released", "tagsAddedAt"])
        #expect(ascent["facts"] as? [String: Any] != nil && (ascent["facts"] as? [String: Any])?.isEmpty == true)
        #expect(ascent["directors"] as? [String] == [] && ascent["runtime"] is NSNull && ascent["released"] is NSNull)
        #expect(ascent["ids"] as? [String: String] == [:])
        #expect(ascent["alternativeTitles"] as? [String] == [])
        #expect(ascent["title"] as? String == "The Ascent")
        #expect(ascent["year"] as? Int == 1977)
        #expect(ascent["collections"] as? [String] == ["soviet-survival"])
        #expect(ascent["rating"] as? Double == 4.5)
        #expect(ascent["ratedAt"] as? String == "2026-11-26T12:00:00Z")
        let viewings = try #require(ascent["viewings"] as? [[String: Any]])
        #expect(viewings.map { $0["date"] as? String } == ["2020-01-01", "2026-11-01"])
        #expect(viewings.map { $0["rewatch"] as? Bool } == [false, true])
        #expect(viewings.map { $0["placeholder"] as? Bool } == [false, false])
        #expect(viewings[0]["loggedAt"] as? String == "2026-11-26T12:00:00Z")
        let notes = try #require(ascent["notes"] as? [[String: Any]])
        #expect(notes.map { $0["text"] as? String } == ["First, \"quoted\"\nline two", "=HYPERLINK(\"http://x\")"])
        #expect(Set(notes[0].keys) == ["id", "key", "text", "createdAt", "updatedAt", "source", "importedText"])
        #expect(notes[0]["source"] is NSNull)
        #expect(notes[0]["importedText"] is NSNull)
        let redTent = films[9]
        let unknown = try #require((redTent["viewings"] as? [[String: Any]])?.first)
        #expect(unknown["date"] is NSNull)
        #expect(films[1]["rating"] is NSNull)
        #expect(films[1]["ratedAt"] is NSNull)
    }

    @Test("json keys are sorted, at every level")
    func sortedKeys() throws {
        let text = try exportText(watchlist, .json)
        #expect(text.hasPrefix("{\"collections\":"))
        #expect(text.contains("{\"alternativeTitles\":[],\"collections\":[\"soviet-survival\"],\"countries\":[],\"description\":"))
        #expect(text.contains(",\"directors\":[],\"fact\":"))
        #expect(text.contains(",\"facts\":{},\"genres\":[],\"id\":1,\"ids\":{},\"key\":\""))
        #expect(text.contains(",\"rating\":4.5,\"released\":null,\"runtime\":null,\"tags\":"))
        #expect(text.contains("{\"date\":\"2020-01-01\",\"key\":\"\(try watchlist.key("SELECT id FROM viewing WHERE watchedOn = '2020-01-01'"))\",\"loggedAt\":\"2026-11-26T12:00:00Z\",\"placeholder\":false,\"rewatch\":"))
        #expect(text.hasSuffix("],\"format\":\"watchlist\",\"version\":6}\n"))
        #expect(text.hasPrefix("{\"collections\":[{\"createdAt\":"))
    }

    @Test("csv: RFC 4180 with a header and a row per film, read back by CSV.swift")
    func csv() throws {
        let text = try exportText(watchlist, .csv)
        #expect(text.hasPrefix("id,title,year,watched,viewings,firstWatched,lastWatched,rating,notes,tags\r\n"))
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == 10)
        #expect(rows[0] == ["1", "The Ascent", "1977", "true", "2", "2020-01-01", "2026-11-01", "4.5",
                            "First, \"quoted\"\nline two\n\n=HYPERLINK(\"http://x\")", ""])
        // Only the first character of a cell makes a spreadsheet read it as a formula.
        #expect(rows[1][8] == "'-dash and @at")
        #expect(rows[9] == ["10", "The Red Tent", "1969", "true", "1", "", "", "", "", ""])
        #expect(rows[2] == ["3", "The Dawns Here Are Quiet", "1972", "false", "0", "", "", "", "", ""])
    }

    @Test("csv guards every cell a spreadsheet would run as a formula", arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func injection(cell: String) {
        #expect(CSVText.field(cell).hasPrefix("'") || CSVText.field(cell).hasPrefix("\"'"))
        #expect(!CSVText.field("plain").hasPrefix("'"))
    }

    @Test("markdown: the collection's title, then Watched with stars, days and notes, then Not yet watched")
    func markdown() throws {
        let text = try exportText(watchlist, .markdown)
        #expect(text.hasPrefix("# Soviet Survival Films\n"))
        #expect(text.contains("2 of 10 watched."))
        let watched = try #require(text.range(of: "## Watched"))
        let unwatched = try #require(text.range(of: "## Not yet watched"))
        #expect(watched.lowerBound < unwatched.lowerBound)
        #expect(text.contains("- **The Ascent (1977)** ★★★★½ — 2020-01-01, 2026-11-01 (rewatch)\n"))
        #expect(text.contains("  > First, \"quoted\"\n  > line two\n"))
        #expect(text.contains("- **The Red Tent (1969)** — on an unknown day\n"))
        let tail = text[unwatched.upperBound...]
        #expect(tail.contains("- The White Sun of the Desert (1970)"))
        #expect(!tail.contains("The Ascent"))
    }

    @Test("an export file appears whole, is never replaced without force, and never replaces the database")
    func files() throws {
        let folder = try temporaryFolder()
        let path = folder + "/out.json"
        try watchlist.export(.json, toFile: path, force: false)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: WatchlistError.outputExists(path: path)) {
            try watchlist.export(.csv, toFile: path, force: false)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        try watchlist.export(.csv, toFile: path, force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("id,title"))
        #expect(throws: WatchlistError.self) {
            try watchlist.export(.csv, toFile: folder + "/missing/out.csv", force: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.json"])
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("strings are escaped as RFC 8259 asks and read back unchanged", arguments: [
        "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{1}\u{1F} controls", "Солярис, Amélie, 映画, 🎬", "</script>", "",
    ])
    func strings(text: String) throws {
        var json = JSONWriter()
        json.beginArray()
        json.string(text)
        json.endArray()
        let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
        #expect(parsed == [text])
    }

}

@Suite("html export")
struct HTMLExportTests {
    @Test("one self-contained page: no scripts, no external assets, every value escaped, watched films first")
    func page() throws {
        let watchlist = try makeWatchlist()
        _ = try watchlist.watch("red tent", on: .day(Day(iso: "2024-01-05")!))
        _ = try watchlist.rate("red tent", "3.5")
        _ = try watchlist.tag("red tent", ["<b>arctic</b>"])
        _ = try watchlist.addNote("red tent", text: "<script>alert('x')</script> & \"quotes\"\nsecond line")
        let html = try exportText(watchlist, .html)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.lowercased().contains("<script"))
        for attribute in ["src=", "href=", "@import", "url("] { #expect(!html.contains(attribute), "\(attribute)") }
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;<br>second line"))
        #expect(html.contains("&lt;b&gt;arctic&lt;/b&gt;"))
        #expect(html.contains("<span class=\"stars\" title=\"3.5 of 5\">★★★½</span>"))
        #expect(html.contains("Watched 2024-01-05"))
        #expect(html.contains("1 of 10 watched"))
        let redTent = try #require(html.range(of: "The Red Tent"))
        let ascent = try #require(html.range(of: "<h3>The Ascent"))
        #expect(redTent.lowerBound < ascent.lowerBound, "watched films come first")
    }
}

@Suite("page exports group films by collection")
struct PageGroupingTests {
    @Test("films in no collection follow under Other films, in markdown and html")
    func otherFilms() throws {
        let watchlist = try makeWatchlist()
        let folder = try Fixtures.folder(["doc.json": #"{"format":"watchlist","version":1,"films":[{"title":"Loner","year":2001,"viewings":[{"date":"2020-01-01"}]}]}"#])
        _ = try watchlist.importFiles([folder + "/doc.json"])
        let markdown = try exportText(watchlist, .markdown)
        let other = try #require(markdown.range(of: "# Other films"))
        #expect(markdown[other.upperBound...].contains("**Loner (2001)**"))
        #expect(markdown.range(of: "# Soviet Survival Films")!.lowerBound < other.lowerBound)
        let html = try exportText(watchlist, .html)
        #expect(html.contains("<h2>Other films</h2>"))
        #expect(html.contains("<title>Film diary</title>"), "more than one section: the page's own title")
    }
}
