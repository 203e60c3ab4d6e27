import Foundation
import Testing

@Suite("stats and next through the binary")
struct DiscoveryCLITests {
    @Test("stats shows bars and the histogram, --json one document; next suggests and is reproducible")
    func statsAndNext() throws {
        let sandbox = try Sandbox()
        try sandbox.run("watch", "ascent", "--on", "2020-01-01")
        try sandbox.run("watch", "ascent", "--on", "2022-01-01")
        try sandbox.run("rate", "ascent", "4.5")
        let text = try sandbox.run("stats")
        #expect(text.status == 0)
        #expect(text.stdout.contains("Soviet Survival Films  ███░░░░░░░░░░░░░░░░░░░░░░░░░░░  1 of 10"))
        #expect(text.stdout.contains("★★★★½ ████████████████████████ 1"))
        #expect(text.stdout.contains("2×  The Ascent (1977)"))
        #expect(text.stdout.contains("Longest gap between viewings: 731 days, 2020-01-01 to 2022-01-01"))
        let json = try #require(try sandbox.parseJSON(try sandbox.run("stats", "--json").stdout) as? [String: Any])
        #expect(json["viewings"] as? Int == 2)
        #expect((json["ratings"] as? [[String: Any]])?.count == 10)
        let first = try sandbox.run("next", "--seed", "3")
        #expect(first.status == 0)
        #expect(first.stdout.contains("Chosen from 9 unwatched films"))
        #expect(try sandbox.run("next", "--seed", "3").stdout == first.stdout)
        #expect(try sandbox.run("next", "--collection", "nope").status == 1)
        #expect(try sandbox.run("next", "--seed", "-1").status == 64)
    }
}
