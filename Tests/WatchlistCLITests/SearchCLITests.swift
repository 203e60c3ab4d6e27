import Foundation
import Testing

@Suite("search through the binary")
struct SearchCLITests {
    @Test("search lists the matches best first; --json; nothing found exits 1; NO_COLOR or a pipe means no escapes")
    func search() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.run("search", "arctic")
        #expect(run.status == 0)
        #expect(run.stdout.contains("The Red Tent (1969)") && run.stdout.contains("The Flight (1970)"))
        #expect(!run.stdout.contains("\u{1B}["), "no escapes when stdout is not a terminal")
        let json = try #require(try sandbox.parseJSON(try sandbox.run("search", "arctic", "--json").stdout) as? [[String: Any]])
        #expect(Set(json.compactMap { $0["id"] as? Int }) == [7, 10])
        let none = try sandbox.run("search", "zzzz")
        #expect(none.status == 1)
        #expect(none.stderr.contains("Nothing matches"))
        #expect(try sandbox.run("search", "--", "--").status == 64)
    }
}
