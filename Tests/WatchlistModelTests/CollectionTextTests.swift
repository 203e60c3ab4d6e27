import Foundation
import Testing
@testable import WatchlistModel

@Suite("Collection text")
struct CollectionTextTests {
    @Test("CRLF line ends, a byte-order mark and a missing Fact are accepted")
    func lenientForms() throws {
        let text = "\u{FEFF}Intro line one\r\nstill intro\r\n\r\nSecond paragraph.\r\n\r\nStalker (1979)\r\nDescription: A zone.\r\n\r\nSolaris (1972)\r\nDescription: A planet.\r\nFact: Tarkovsky.\r\n"
        let parsed = try CollectionText.parse(text: text, source: "t")
        #expect(parsed.introduction == "Intro line one still intro\n\nSecond paragraph.")
        #expect(parsed.films.map(\.title) == ["Stalker", "Solaris"])
        #expect(parsed.films[0].fact == "")
        #expect(parsed.films[1].fact == "Tarkovsky.")
        #expect(parsed.films[1].line == 9)
    }

    @Test("malformed collections are refused with the line that is wrong", arguments: [
        ("Intro\n\nStalker (1979)\nFact: only a fact\n", 3, "no 'Description"),
        ("Stalker (1979)\nDescription: x\nDirector: Tarkovsky\n", 3, "expected 'Description"),
        ("Stalker (1979)\nDescription: x\n\nStalker (1979)\nDescription: y\n", 4, "already listed on line 1"),
        ("Stalker (1979)\nDescription: x\nDescription: y\n", 3, "second 'Description:'"),
        ("Stalker (1979)\nDescription:\n", 2, "has no text"),
        ("Stalker (1779)\nDescription: x\n", 1, "not a film's year"),
        ("Just an introduction.\n\nAnd more.\n", 3, "no films found"),
    ])
    func malformed(text: String, line: Int, message: String) {
        #expect {
            try CollectionText.parse(text: text, source: "mine.txt")
        } throws: { error in
            guard case let WatchlistError.malformedFile(source, errorLine, text) = error else { return false }
            return source == "mine.txt" && errorLine == line && text.contains(message)
        }
    }

    @Test("invalid UTF-8 and NUL bytes are refused with their line")
    func badBytes() {
        let invalid: [UInt8] = Array("Stalker (1979)\n".utf8) + [0x44, 0xFF, 0x0A]
        #expect(throws: WatchlistError.malformedFile(source: "b", line: 2, problem: "the line is not valid UTF-8; save the file as UTF-8")) {
            try CollectionText.parse(bytes: invalid, source: "b")
        }
        let nul: [UInt8] = Array("Intro\n\nStalker (1979)\nDescription: a".utf8) + [0] + Array("b\n".utf8)
        #expect(throws: WatchlistError.malformedFile(source: "b", line: 4, problem: "the line holds a NUL byte")) {
            try CollectionText.parse(bytes: nul, source: "b")
        }
    }
}
