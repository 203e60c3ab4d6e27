import Foundation
import Testing

@Suite("history and undo through the binary")
struct HistoryCLITests {
    @Test("history shows the commands as typed; undo says what it reverted; nothing to undo exits 1")
    func historyAndUndo() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("undo").status == 1)
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
        try sandbox.run("note", "ascent", "two words")
        let history = try #require(try sandbox.parseJSON(try sandbox.run("history", "--json").stdout) as? [[String: Any]])
        #expect(history.map { $0["command"] as? String } == ["note ascent 'two words'", "watch ascent --on 2024-01-01"])
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(undo.stdout.hasPrefix("Undid: Added note 1 to The Ascent (1977) (note ascent 'two words',"))
        #expect((try sandbox.parseJSON(try sandbox.run("note", "list", "--json").stdout) as? [Any])?.isEmpty == true)
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("undo").status == 1)
        #expect(try sandbox.run("db", "check").status == 0)
    }
}
