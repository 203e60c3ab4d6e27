import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("list and summary")
struct ListTests {
    let watchlist: Watchlist

    /// Ascent: watched twice, 4.5, one note. Red Tent: watched on an unknown day, 3.
    /// Star: watched 2010, unrated. White Sun: rated 5, never watched.
    init() throws {
        watchlist = try makeWatchlist()
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2020-01-01")!))
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2026-11-01")!))
        _ = try watchlist.rate("ascent", "4.5")
        _ = try watchlist.addNote("ascent", text: "note")
        _ = try watchlist.watch("red tent", on: .unknown)
        _ = try watchlist.rate("red tent", "3")
        _ = try watchlist.watch("star", on: .day(Day(iso: "2010-01-01")!))
        _ = try watchlist.rate("white sun", "5")
    }

    @Test("the collection's ten films, in collection order, with counts")
    func all() throws {
        let films = try watchlist.list()
        #expect(films.map { $0.film.number } == Array(1...10))
        let ascent = films[0]
        #expect(ascent.viewingCount == 2)
        #expect(ascent.lastWatched == "2026-11-01")
        #expect(ascent.rating?.halfStars == 9)
        #expect(ascent.noteCount == 1)
        let redTent = films[9]
        #expect(redTent.viewingCount == 1)
        #expect(redTent.lastWatched == nil)
    }

    @Test("filters: watched, unwatched, rated, unrated, and combined")
    func filters() throws {
        #expect(try watchlist.list(FilmListQuery(watched: true)).map(\.film.number) == [1, 8, 10])
        #expect(try watchlist.list(FilmListQuery(watched: false)).count == 7)
        #expect(try watchlist.list(FilmListQuery(rated: true)).map(\.film.number) == [1, 2, 10])
        #expect(try watchlist.list(FilmListQuery(rated: false)).count == 7)
        #expect(try watchlist.list(FilmListQuery(watched: true, rated: false)).map(\.film.number) == [8])
    }

    @Test("sorts by title ignoring the article, year, rating and last watched, and reverses")
    func sorts() throws {
        let titles = try watchlist.list(FilmListQuery(sort: .title)).map(\.film.title)
        #expect(titles.first == "The Alive and the Dead")
        #expect(titles.prefix(2) == ["The Alive and the Dead", "The Ascent"])
        #expect(titles.last == "The White Sun of the Desert")
        #expect(try watchlist.list(FilmListQuery(sort: .year)).first?.film.year == 1964)
        #expect(try watchlist.list(FilmListQuery(sort: .year, reverse: true)).first?.film.year == 2002)
        let byRating = try watchlist.list(FilmListQuery(sort: .rating)).map(\.film.number)
        #expect(byRating.prefix(3) == [2, 1, 10])
        let byRatingReversed = try watchlist.list(FilmListQuery(sort: .rating, reverse: true)).map(\.film.number)
        #expect(byRatingReversed.prefix(3) == [10, 1, 2])
        let byWatched = try watchlist.list(FilmListQuery(sort: .watched)).map(\.film.number)
        #expect(byWatched.prefix(3) == [1, 8, 10])
    }

    @Test("the summary counts watched films and names the latest viewing by day")
    func summary() throws {
        let summary = try watchlist.summary()
        #expect(summary.collections.count == 1)
        #expect(summary.collections[0].collection.slug == "soviet-survival")
        #expect(summary.collections[0].watchedCount == 3)
        #expect(summary.collections[0].filmCount == 10)
        #expect(summary.latest?.film.title == "The Ascent")
        #expect(summary.latest?.viewing.watchedOn == "2026-11-01")
    }

    @Test("an empty diary has no latest viewing")
    func emptySummary() throws {
        let summary = try makeWatchlist().summary()
        #expect(summary.latest == nil)
        #expect(summary.collections[0].watchedCount == 0)
    }
}
