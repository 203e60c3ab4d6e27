import Foundation
import Testing
@testable import WatchlistCore

@Suite("Collection text")
struct CollectionTextTests {
    @Test("the built-in collection has its ten films, in file order, with descriptions and facts")
    func builtIn() throws {
        let parsed = try CollectionText.parse(bytes: PackageResources.soviet_survival_films_txt, source: "built-in")
        #expect(parsed.films.count == 10)
        #expect(parsed.films.first?.title == "The Ascent")
        #expect(parsed.films.first?.year == 1977)
        #expect(parsed.films.last?.title == "The Red Tent")
        #expect(parsed.films.last?.year == 1969)
        #expect(parsed.films.map(\.title).contains("The Cold Summer of 1953"))
        #expect(parsed.films.allSatisfy { !$0.description.isEmpty && !$0.fact.isEmpty })
        #expect(parsed.introduction.hasPrefix("This curated selection of Soviet survival films"))
        #expect(parsed.films[0].fact.hasPrefix("The film was directed by Larisa Shepitko"))
    }

    @Test("the embedded text is the seed file, byte for byte")
    func embeddedIsVerbatim() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Schema/collections/soviet-survival-films.txt")
        let bytes = try Data(contentsOf: seed)
        #expect(Array(bytes) == PackageResources.soviet_survival_films_txt)
    }

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
            guard case let WatchlistError.malformedCollection(source, errorLine, text) = error else { return false }
            return source == "mine.txt" && errorLine == line && text.contains(message)
        }
    }

    @Test("invalid UTF-8 and NUL bytes are refused with their line")
    func badBytes() {
        let invalid: [UInt8] = Array("Stalker (1979)\n".utf8) + [0x44, 0xFF, 0x0A]
        #expect(throws: WatchlistError.malformedCollection(source: "b", line: 2, message: "the line is not valid UTF-8; save the file as UTF-8")) {
            try CollectionText.parse(bytes: invalid, source: "b")
        }
        let nul: [UInt8] = Array("Intro\n\nStalker (1979)\nDescription: a".utf8) + [0] + Array("b\n".utf8)
        #expect(throws: WatchlistError.malformedCollection(source: "b", line: 4, message: "the line holds a NUL byte")) {
            try CollectionText.parse(bytes: nul, source: "b")
        }
    }
}
