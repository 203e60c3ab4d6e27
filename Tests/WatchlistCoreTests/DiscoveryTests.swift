import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("stats and next")
struct DiscoveryTests {
    let watchlist: Watchlist

    init() throws {
        watchlist = try makeWatchlist()
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2020-03-01")!))
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2021-07-01")!))
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2021-07-02")!))
        _ = try watchlist.watch("red tent", on: .day(Day(iso: "2024-01-05")!))
        _ = try watchlist.watch("star", on: .unknown)
        _ = try watchlist.rate("ascent", "4.5")
        _ = try watchlist.rate("red tent", "3")
        _ = try watchlist.rate("white sun", "3")
    }

    @Test("stats: progress, viewings by year, decades, the ratings histogram and average, rewatches, the longest gap")
    func stats() throws {
        let stats = try watchlist.stats()
        #expect(stats.collections.map(\.watchedCount) == [3])
        #expect(stats.viewings == 5)
        #expect(stats.viewingsByYear == [.init(label: "2020", count: 1), .init(label: "2021", count: 2), .init(label: "2024", count: 1)])
        #expect(stats.filmsByDecade == [.init(label: "1960s", count: 1), .init(label: "1970s", count: 1), .init(label: "2000s", count: 1)])
        #expect(stats.ratings.count == 10)
        #expect(stats.ratings[5] == .init(label: "3", count: 2))
        #expect(stats.ratings[8] == .init(label: "4.5", count: 1))
        #expect(stats.ratings.map(\.count).reduce(0, +) == 3)
        #expect(abs((stats.averageRating ?? 0) - 3.5) < 0.0001)
        #expect(stats.mostRewatched == [.init(film: "The Ascent (1977)", viewings: 3)])
        #expect(stats.longestGap == .init(from: "2021-07-02", to: "2024-01-05", days: 917))
    }

    @Test("stats of one collection count only its films")
    func collectionStats() throws {
        _ = try watchlist.importCollection(text: Array("X.\n\nThe Ascent (1977)\nDescription: d\n".utf8), source: "x.txt", slug: "x", title: nil)
        let stats = try watchlist.stats(collection: "x")
        #expect(stats.viewings == 3)
        #expect(stats.collections.map(\.collection.slug) == ["x"])
        #expect(stats.ratings.map(\.count).reduce(0, +) == 1)
        #expect(throws: WatchlistError.self) { try watchlist.stats(collection: "nope") }
    }

    @Test("stats of an empty diary")
    func empty() throws {
        let stats = try makeWatchlist().stats()
        #expect(stats.viewings == 0)
        #expect(stats.averageRating == nil)
        #expect(stats.longestGap == nil)
        #expect(stats.mostRewatched.isEmpty)
    }

    @Test("next suggests an unwatched film; the same seed gives the same film; nothing left is an error")
    func next() throws {
        let first = try watchlist.next(seed: 42)
        #expect(first.choices == 7)
        #expect(try watchlist.show(String(first.film.number)).viewings.isEmpty)
        #expect(try watchlist.next(seed: 42).film == first.film)
        let chosen = Set(try (0..<40).map { try watchlist.next(seed: UInt64($0)).film.number })
        #expect(chosen.count > 3, "different seeds choose different films")
        for summary in try watchlist.list(FilmListQuery(watched: false)) { _ = try watchlist.watch(String(summary.film.number)) }
        #expect(throws: WatchlistError.nothingToSuggest(collection: nil)) { try watchlist.next() }
    }
}
