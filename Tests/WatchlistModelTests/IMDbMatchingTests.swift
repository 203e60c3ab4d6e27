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
}
