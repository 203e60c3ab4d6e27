import Foundation
import Testing
@testable import WatchlistModel

/// The rules that say which of IMDb's titles a film of a diary is: each rule, and each refusal
/// to match, on rows as `title.basics`, `title.akas` and `title.ratings` give them.
@Suite("matching a diary's films to IMDb's titles")
struct IMDbMatchingTests {
    static func title(_ id: String, _ type: String, _ primary: String, _ year: Int?, original: String? = nil) -> IMDbTitle {
        IMDbTitle(id: id, type: type, primaryTitle: primary, originalTitle: original ?? primary, year: year, runtime: nil, genres: [])
    }

    static func decide(_ films: [IMDbMatching.Film], akas: [IMDbAlternateTitle] = [], titles: [IMDbTitle], votes: [String: Int] = [:]) -> [IMDbMatching.Decision] {
        var matching = IMDbMatching(films: films)
        for alternate in akas { matching.consider(alternate) }
        for title in titles { matching.consider(title) }
        for (id, count) in votes { matching.consider(IMDbVotes(id: id, votes: count)) }
        return matching.decide()
    }

    @Test("a film with an IMDb id is that title, whatever its title; an id not in the file is not found")
    func byId() {
        let films = [IMDbMatching.Film(key: 1, imdb: "tt0079944", titles: ["Сталкер"], year: 1980),
                     IMDbMatching.Film(key: 2, imdb: "tt9999999", titles: ["Gone"], year: 2000)]
        let decisions = IMDbMatchingTests.decide(films, titles: [IMDbMatchingTests.title("tt0079944", "movie", "Stalker", 1979)])
        #expect(decisions == [.byId(film: 1, id: "tt0079944"), .notFound(film: 2)])
    }

    @Test("by title and exact year: the primary title, the original title, another title from title.akas, folded as TitleKey folds")
    func byTitle() {
        let films = [IMDbMatching.Film(key: 1, imdb: nil, titles: ["the ascent"], year: 1977),
                     IMDbMatching.Film(key: 2, imdb: nil, titles: ["Solyaris"], year: 1972),
                     IMDbMatching.Film(key: 3, imdb: nil, titles: ["Wings"], year: 1966)]
        let titles = [IMDbMatchingTests.title("tt0075404", "movie", "The Ascent", 1977, original: "Voskhozhdenie"),
                      IMDbMatchingTests.title("tt0069293", "movie", "Solaris", 1972, original: "Solyaris"),
                      IMDbMatchingTests.title("tt0061032", "movie", "Krylya", 1966)]
        let akas = [IMDbAlternateTitle(id: "tt0061032", title: "Wings", isOriginal: false)]
        let decisions = IMDbMatchingTests.decide(films, akas: akas, titles: titles)
        #expect(decisions == [.byTitle(film: 1, id: "tt0075404", rule: "title and year"), .byTitle(film: 2, id: "tt0069293", rule: "title and year"),
                              .byTitle(film: 3, id: "tt0061032", rule: "title and year")])
    }

    @Test("a year off by one matches only when it leaves one candidate; two such are ambiguous, with both listed")
    func yearApart() {
        let film = IMDbMatching.Film(key: 1, imdb: nil, titles: ["The Red Tent"], year: 1970)
        let one = IMDbMatchingTests.decide([film], titles: [IMDbMatchingTests.title("tt0067315", "movie", "The Red Tent", 1969)])
        #expect(one == [.byTitle(film: 1, id: "tt0067315", rule: "title, a year apart")])
        let two = IMDbMatchingTests.decide([film], titles: [IMDbMatchingTests.title("tt0067315", "movie", "The Red Tent", 1969),
                                                              IMDbMatchingTests.title("tt0000002", "movie", "The Red Tent", 1971)])
        guard case .ambiguous(_, let candidates) = two[0] else { Issue.record("not ambiguous: \(two)"); return }
        #expect(Set(candidates.map(\.id)) == ["tt0067315", "tt0000002"])
    }

    @Test("two titles of the exact year: the one with 20 times the votes wins; closer counts leave the film unmatched")
    func votes() {
        #expect(IMDbMatching.voteFactor == 20)
        let film = IMDbMatching.Film(key: 1, imdb: nil, titles: ["Hamlet"], year: 1948)
        let titles = [IMDbMatchingTests.title("tt0040416", "movie", "Hamlet", 1948), IMDbMatchingTests.title("tt0000003", "short", "Hamlet", 1948)]
        let clear = IMDbMatchingTests.decide([film], titles: titles, votes: ["tt0040416": 21_000, "tt0000003": 40])
        #expect(clear == [.byTitle(film: 1, id: "tt0040416", rule: "title and year, by far the most votes")])
        let close = IMDbMatchingTests.decide([film], titles: titles, votes: ["tt0040416": 21_000, "tt0000003": 5_000])
        guard case .ambiguous(_, let candidates) = close[0] else { Issue.record("not ambiguous: \(close)"); return }
        #expect(candidates.map(\.id) == ["tt0040416", "tt0000003"], "the most voted first")
    }

    @Test("refusals: a series or an episode is never a film, a film without a year is not matched by title, an id another film holds is not given twice")
    func refusals() {
        let series = IMDbMatchingTests.decide([IMDbMatching.Film(key: 1, imdb: nil, titles: ["Shogun"], year: 1980)],
                                              titles: [IMDbMatchingTests.title("tt0080274", "tvMiniSeries", "Shogun", 1980)])
        #expect(series == [.notFound(film: 1)])
        let noYear = IMDbMatchingTests.decide([IMDbMatching.Film(key: 1, imdb: nil, titles: ["Stalker"], year: nil)],
                                              titles: [IMDbMatchingTests.title("tt0079944", "movie", "Stalker", 1979)])
        #expect(noYear == [.notFound(film: 1)])
        let held = IMDbMatchingTests.decide([IMDbMatching.Film(key: 1, imdb: "tt0079944", titles: ["Stalker"], year: 1979),
                                             IMDbMatching.Film(key: 2, imdb: nil, titles: ["Stalker"], year: 1979)],
                                            titles: [IMDbMatchingTests.title("tt0079944", "movie", "Stalker", 1979)])
        #expect(held == [.byId(film: 1, id: "tt0079944"), .notFound(film: 2)])
    }

    @Test("a title's bytes hash as its fold does: ASCII, Latin with accents, other scripts; what depends on neighbours is folded whole")
    func foldHash() throws {
        var folds = TitleFold.Scalars()
        func check(_ title: String) {
            let hash = TitleFold.hash(Array(title.utf8)[...], folds: &folds)
            if let hash { #expect(hash == TitleFold.hash(TitleKey.fold(title)), "\(title)") }
        }
        var answered = 0
        let titles = ["The Ascent", "the", "The", "A", "A Man", "An", "An Escape", "Anna", "Them", "  The  Red--Tent!! ", "Don't Look Now", "'s",
                      "THE EDGE (1990)", "a", "an  an", "The The", "Theatre", "8½", "Amélie", "ab\tc", "", "Łódź", "Utøya", "Æon", "Straße",
                      "Солярис", "The Солярис", "Ладри ди бичиклетте", "七人の侍", "Ｔｈｅ Ｓｔａｒ", "Λόγος", "Işık", "Ðað", "Þór", "Don’t",
                      "Cafe\u{301}", "🇫🇷 France", "e\u{200D}x", "ﬁlm", "İstanbul", "Ǆungla", "ǅ", "Ⅻ Monkeys", "The Ⅻ"]
        for title in titles {
            check(title)
            if TitleFold.hash(Array(title.utf8)[...], folds: &folds) != nil { answered += 1 }
        }
        #expect(answered >= titles.count - 5, "only titles with marks, joiners or flags are folded whole")
        #expect(TitleFold.hash(Array("Cafe\u{301}".utf8)[...], folds: &folds) == nil, "a combining mark: folded whole")
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = Array("aAtTehHnN ' -.,:0123456789éÉøßæŁıİЖжΣσςﬁ½Ⅻ七’ｔ") + ["\u{301}", "e\u{301}"]
        for _ in 0..<3000 {
            check(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        #expect(TitleFold.hash(Array(String(repeating: "x", count: 5000).utf8)[...], folds: &folds) == TitleFold.hash(String(repeating: "x", count: 5000)))
        #expect(TitleFold.hash([0xC3][...], folds: &folds) == nil, "UTF-8 cut short: read in full")
        #expect(IMDbDataset.idNumber(Array("tt0075404".utf8)[...], prefix: (0x74, 0x74)) == 75404)
        #expect(IMDbDataset.idNumber(Array("nm0075404".utf8)[...], prefix: (0x74, 0x74)) == nil)
        #expect(IMDbDataset.idNumber(Array("tt12345678901".utf8)[...], prefix: (0x74, 0x74)) == nil, "more than 10 digits")
        #expect(IMDbDataset.idNumber(Array("tt".utf8)[...], prefix: (0x74, 0x74)) == nil)
        #expect(IMDbDataset.idNumber(Array("tt12a".utf8)[...], prefix: (0x74, 0x74)) == nil)
        let line = Array("tt1\tmovie\tThe Ascent\tVoskhozhdenie".utf8)[...]
        #expect(IMDbDataset.field(line, 2).map { String(decoding: $0, as: UTF8.self) } == "The Ascent")
        #expect(IMDbDataset.field(line, 3).map { String(decoding: $0, as: UTF8.self) } == "Voskhozhdenie")
        #expect(IMDbDataset.field(line, 4) == nil)

        // The tests say no only to lines no film can be concerned by.
        var matching = IMDbMatching(films: [.init(key: 1, imdb: nil, titles: ["The Ascent"], year: 1977), .init(key: 2, imdb: "tt0079944", titles: ["Stalker"], year: 1979)])
        func concerns(_ line: String, _ dataset: IMDbDataset) -> Bool { matching.lineTest(for: dataset).mayConcern(Array(line.utf8)[...]) }
        #expect(concerns("tt0075404\tmovie\tVoskhozhdenie\tASCENT\t0\t1977\t\\N\t111\tDrama", .titleBasics))
        #expect(concerns("tt79944\tmovie\tX\tY\t0\t1979\t\\N\t111\tDrama", .titleBasics), "a film's id")
        #expect(!concerns("tt0000001\tmovie\tCarmencita\tCarmencita\t0\t1894\t\\N\t1\tShort", .titleBasics))
        #expect(!concerns("tt0000001\tmovie\tВосхождение\tX\t0\t1977\t\\N\t1\tDrama", .titleBasics), "beyond ASCII: answered from its bytes too")
        #expect(concerns("tt0000001\tmovie\tAsce\u{301}nt\tX\t0\t1977\t\\N\t1\tDrama", .titleBasics), "a combining mark: read in full")
        #expect(concerns("garbage", .titleBasics), "a line that is not a row is read, to be named")
        #expect(concerns("tt0000002\t1\tthe ascent\tUS\t\\N\t\\N\t\\N\t0", .titleAkas))
        #expect(!concerns("tt0000002\t1\tAscension\tUS\t\\N\t\\N\t\\N\t0", .titleAkas))
        #expect(!concerns("tt0000002\t7.0\t100", .titleRatings), "not a candidate")
        // An id title.akas gave a film's title is read in title.basics, whatever its titles there.
        #expect(!concerns("tt0000003\tmovie\tVoskhozhdenie\tVoskhozhdenie\t0\t1977\t\\N\t111\tDrama", .titleBasics))
        matching.consider(IMDbAlternateTitle(id: "tt0000003", title: "The Ascent", isOriginal: false))
        #expect(concerns("tt0000003\tmovie\tVoskhozhdenie\tVoskhozhdenie\t0\t1977\t\\N\t111\tDrama", .titleBasics))
    }
}
