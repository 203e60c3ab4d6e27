import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("search")
struct SearchTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("'arctic' finds The Red Tent and The Flight")
    func arctic() throws {
        #expect(Set(try watchlist.search("arctic").map(\.film.title)) == ["The Red Tent", "The Flight"])
        #expect(Set(try watchlist.search("ÁRCTIC").map(\.film.title)) == ["The Red Tent", "The Flight"], "case and accents are ignored")
    }

    @Test("titles, facts, notes and tags are searched, and kept in step as they change")
    func inStep() throws {
        #expect(try watchlist.search("shepitko").map(\.film.title) == ["The Ascent"])
        _ = try watchlist.addNote("star", text: "Partisans in the snow, whispered radios.")
        #expect(try watchlist.search("radios").map(\.film.title) == ["The Star"])
        let note = try watchlist.addNote("star", text: "Second note about wolves.")
        _ = try watchlist.editNote(number: note.note.number, text: "Second note about bears.")
        #expect(try watchlist.search("wolves").isEmpty)
        #expect(try watchlist.search("bears").map(\.film.title) == ["The Star"])
        _ = try watchlist.deleteNote(number: note.note.number)
        #expect(try watchlist.search("bears").isEmpty)
        _ = try watchlist.tag("edge", ["balabanov-rewatch"])
        #expect(try watchlist.search("balabanov rewatch").map(\.film.title) == ["The Edge"])
        _ = try watchlist.untag("edge", ["balabanov-rewatch"])
        #expect(try watchlist.search("rewatch").isEmpty)
        _ = try watchlist.importCollection(text: Array("X.\n\nStalker (1979)\nDescription: A zone of wishes.\n".utf8), source: "x.txt", slug: "x", title: nil)
        #expect(try watchlist.search("wishes").map(\.film.title) == ["Stalker"])
        _ = try watchlist.removeCollection("x", force: true)
        #expect(try watchlist.search("wishes").isEmpty)
    }

    @Test("every word must match, the last also as a prefix; a title match ranks first")
    func matching() throws {
        #expect(try watchlist.search("arctic airship").map(\.film.title) == ["The Red Tent"])
        #expect(try watchlist.search("partis").map(\.film.title).contains("The Ascent"))
        _ = try watchlist.addNote("ascent", text: "Better than The Star.")
        #expect(try watchlist.search("star").first?.film.title == "The Star")
    }

    @Test("matches are marked in the snippet")
    func highlight() throws {
        let hit = try #require(try watchlist.search("arctic", open: "[", close: "]").first)
        #expect(hit.snippet.contains("[Arctic]"))
    }

    @Test("query syntax typed by a person is searched as words, never run", arguments: ["\"", "arctic OR", "NEAR(a b)", "title:arctic", "*", "-arctic", "a\"b"])
    func syntax(text: String) throws {
        do {
            _ = try watchlist.search(text)
        } catch WatchlistError.invalidArgument {
            // Nothing to search for ("*", "\""): a usage error, which is fine.
        } catch {
            Issue.record("'\(text)' failed as SQL: \(error)")
        }
        #expect(try watchlist.search("-arctic").count == 2, "a leading minus is not NOT")
    }

    @Test("an empty search is a usage error")
    func empty() {
        #expect(throws: WatchlistError.self) { try watchlist.search("  ,, ") }
    }
}
