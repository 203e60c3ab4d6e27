import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("watch and unwatch")
struct WatchTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    @Test("a viewing is logged today by default, and is a first viewing")
    func today() throws {
        let result = try watchlist.watch("ascent")
        #expect(result.film.displayTitle == "The Ascent (1977)")
        #expect(result.viewing.watchedOn == testToday)
        #expect(result.viewing.rewatch == false)
        #expect(result.viewing.loggedAt == "2026-11-26T12:00:00Z")
        #expect(try watchlist.show("1").viewings.count == 1)
    }

    @Test("yesterday, a given day and an unknown day")
    func days() throws {
        #expect(try watchlist.watch("ascent", on: .yesterday).viewing.watchedOn == "2026-11-25")
        #expect(try watchlist.watch("star", on: .day(Day(iso: "2010-05-09")!)).viewing.watchedOn == "2010-05-09")
        #expect(try watchlist.watch("red tent", on: .unknown).viewing.watchedOn == nil)
    }

    @Test("a viewing after an earlier one is a rewatch")
    func rewatch() throws {
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2020-01-01")!))
        let second = try watchlist.watch("ascent")
        #expect(second.viewing.rewatch)
    }

    @Test("--rewatch marks a first viewing as a rewatch")
    func markedRewatch() throws {
        #expect(try watchlist.watch("ascent", markedRewatch: true).viewing.rewatch)
    }

    @Test("a viewing logged before the first one becomes the first, and the old first a rewatch")
    func backfill() throws {
        _ = try watchlist.watch("ascent")
        let earlier = try watchlist.watch("ascent", on: .day(Day(iso: "2001-01-01")!))
        #expect(earlier.viewing.rewatch == false)
        let viewings = try watchlist.show("ascent").viewings
        #expect(viewings.map(\.watchedOn) == ["2001-01-01", testToday])
        #expect(viewings.map(\.rewatch) == [false, true])
    }

    @Test("a day in the future, before the film's year, or that does not exist is refused and changes nothing")
    func refusedDays() throws {
        let before = try visibleState(watchlist)
        #expect(throws: WatchlistError.futureDate("2026-11-27", today: testToday.iso)) {
            try watchlist.watch("ascent", on: .day(Day(iso: "2026-11-27")!))
        }
        #expect(throws: WatchlistError.dateBeforeRelease("1976-12-31", film: "The Ascent (1977)", year: 1977)) {
            try watchlist.watch("ascent", on: .day(Day(iso: "1976-12-31")!))
        }
        #expect(throws: WatchlistError.invalidDate("2026-02-30")) {
            try watchlist.watch("ascent", on: DayChoice(parsing: "2026-02-30"))
        }
        #expect(throws: WatchlistError.filmNotFound(query: "nosuchfilm", suggestions: [])) {
            try watchlist.watch("nosuchfilm")
        }
        #expect(try visibleState(watchlist) == before)
    }

    @Test("the film's own year is allowed")
    func releaseYear() throws {
        #expect(try watchlist.watch("ascent", on: .day(Day(iso: "1977-01-01")!)).viewing.watchedOn == "1977-01-01")
    }

    @Test("unwatch removes the latest viewing by day")
    func unwatchLatest() throws {
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2025-06-01")!))
        _ = try watchlist.watch("ascent", on: .unknown)
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2024-06-01")!))
        let result = try watchlist.unwatch("ascent")
        #expect(result.removed.map(\.watchedOn) == ["2025-06-01"])
        #expect(try watchlist.show("ascent").viewings.map(\.watchedOn) == [nil, "2024-06-01"])
    }

    @Test("unwatch --all removes every viewing; --on removes that day's")
    func unwatchAllAndOn() throws {
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2025-06-01")!))
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2024-06-01")!))
        _ = try watchlist.watch("ascent", on: .unknown)
        #expect(try watchlist.unwatch("ascent", .on(Day(iso: "2024-06-01")!)).removed.count == 1)
        #expect(try watchlist.unwatch("ascent", .on(nil)).removed.map(\.watchedOn) == [nil])
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2023-06-01")!))
        #expect(try watchlist.unwatch("ascent", .all).removed.count == 2)
        #expect(try watchlist.show("ascent").viewings.isEmpty)
    }

    @Test("unwatch of a film with nothing to remove fails and changes nothing")
    func unwatchNothing() throws {
        _ = try watchlist.watch("ascent", on: .day(Day(iso: "2025-06-01")!))
        let before = try visibleState(watchlist)
        #expect(throws: WatchlistError.nothingChanged("The Red Tent (1969) has no viewing to remove")) {
            try watchlist.unwatch("red tent")
        }
        #expect(throws: WatchlistError.self) { try watchlist.unwatch("ascent", .on(Day(iso: "2025-06-02")!)) }
        #expect(try visibleState(watchlist) == before)
    }
}
