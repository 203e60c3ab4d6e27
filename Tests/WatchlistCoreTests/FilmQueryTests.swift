import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("Film references")
struct FilmQueryTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("ids, titles in any case, with or without the article, with the year, and unique parts all resolve", arguments: [
        ("3", "The Dawns Here Are Quiet"),
        ("1", "The Ascent"),
        ("ascent", "The Ascent"),
        ("the ascent", "The Ascent"),
        ("THE ASCENT", "The Ascent"),
        ("  The Ascent  ", "The Ascent"),
        ("The Star (2002)", "The Star"),
        ("star (2002)", "The Star"),
        ("red tent", "The Red Tent"),
        ("white sun", "The White Sun of the Desert"),
        ("Cold Summer of 1953", "The Cold Summer of 1953"),
        ("summer of 1953", "The Cold Summer of 1953"),
        ("ALIVE AND THE DEAD", "The Alive and the Dead"),
    ])
    func resolves(reference: String, title: String) throws {
        #expect(try watchlist.resolve(reference).title == title)
    }

    @Test("accents and case in the title are ignored")
    func accents() {
        #expect(TitleKey.fold("Amélie") == "amelie")
        #expect(TitleKey.fold("THE ÁSCENT") == "ascent")
        #expect(TitleKey.fold("Don’t Look Now") == "dont look now")
        #expect(TitleKey.fold("The") == "the")
    }

    @Test("a reference that matches nothing suggests close titles")
    func suggestions() {
        #expect(throws: WatchlistError.filmNotFound(query: "ascnt", suggestions: ["The Ascent (1977)"])) {
            try watchlist.resolve("ascnt")
        }
        #expect(throws: WatchlistError.filmNotFound(query: "zzzzzzzz", suggestions: [])) {
            try watchlist.resolve("zzzzzzzz")
        }
        #expect(throws: WatchlistError.filmNotFound(query: "42", suggestions: [])) {
            try watchlist.resolve("42")
        }
    }

    @Test("a title with the wrong year is not found, and the right one is suggested")
    func wrongYear() {
        #expect(throws: WatchlistError.filmNotFound(query: "The Star (1949)", suggestions: ["The Star (2002)"])) {
            try watchlist.resolve("The Star (1949)")
        }
    }

    @Test("a part of several titles lists the candidates with ids and years")
    func ambiguous() {
        #expect(throws: WatchlistError.ambiguousFilm(query: "the", candidates: [
            "9  The Alive and the Dead (1964)", "2  The White Sun of the Desert (1970)",
        ])) {
            try watchlist.resolve("the")
        }
    }

    @Test("an empty reference is a usage error")
    func empty() {
        #expect(throws: WatchlistError.self) { try watchlist.resolve("   ") }
    }

    @Test("substring edit distance finds the closest part of a title")
    func editDistance() {
        func distance(_ a: String, _ b: String) -> Int {
            FilmQuery.substringEditDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
        }
        #expect(distance("tent", "red tent") == 0)
        #expect(distance("tnt", "red tent") == 1)
        #expect(distance("abc", "xyz") == 3)
    }
}

@Suite("title folding")
struct TitleKeyTests {
    @Test("the ASCII fast path folds exactly as Foundation's folding does", arguments: [
        "The Ascent", "THE RED TENT", "A Star Is Born", "An", "The", "Don't Look Now", "  Spaced   Out  ",
        "Crouching Tiger, \"Hidden\" Dragon", "Alien³", "1917", "The 400 Blows", "a-ha: the movie", "", "!!!",
    ])
    func asciiMatchesFoundation(title: String) {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [Substring] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber { current.append(character) }
            else if character == "'" || character == "’" { continue }
            else if !current.isEmpty { words.append(Substring(current)); current = "" }
        }
        if !current.isEmpty { words.append(Substring(current)) }
        if words.count > 1, TitleKey.articles.contains(words[0]) { words.removeFirst() }
        let expected = words.joined(separator: " ")
        if let fast = TitleKey.foldASCII(title) {
            #expect(fast == expected)
        } else {
            #expect(title.unicodeScalars.contains { !$0.isASCII })
        }
        #expect(TitleKey.fold(title) == expected)
    }
}
