import Foundation
import Testing
@testable import WatchlistModel

@Suite("Ratings and days")
struct ValueTests {
    @Test("ratings are read in every documented form", arguments: [
        ("4", 8), ("4.5", 9), ("4,5", 9), ("0.5", 1), ("5", 10), ("5.0", 10), ("4½", 9), ("½", 1),
        ("★★★★½", 9), ("★★★★★", 10), ("★", 2), ("9/10", 9), ("10/10", 10), ("1/10", 1), ("3/5", 6), (" 3.5 ", 7),
    ])
    func accepted(text: String, halfStars: Int) {
        #expect(StarRating(parsing: text)?.halfStars == halfStars)
    }

    @Test("ratings outside 0.5–5 or not in half steps are refused", arguments: [
        "0", "5.5", "4.25", "abc", "", "0/10", "11/10", "9.5/10", "★★★★★★", "½★", "-1", "4.", "6", "3/4", "1e1", "٣",
    ])
    func refused(text: String) {
        #expect(StarRating(parsing: text) == nil)
    }

    @Test("stars are drawn as Letterboxd draws them")
    func drawing() {
        #expect(StarRating(halfStars: 9)?.starsText == "★★★★½")
        #expect(StarRating(halfStars: 1)?.starsText == "½")
        #expect(StarRating(halfStars: 8)?.decimal == "4")
        #expect(StarRating(halfStars: 7)?.decimal == "3.5")
    }

    @Test("days must exist")
    func days() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-1-01") == nil)
        #expect(Day(iso: "26-01-01") == nil)
        #expect(Day(iso: "2026-01-01T00:00") == nil)
        #expect(Day(iso: "2026-03-01")?.previous.iso == "2026-02-28")
        #expect(Day(iso: "2026-01-01")?.previous.iso == "2025-12-31")
    }

    @Test("--on accepts a day, today, yesterday and unknown")
    func dayChoice() throws {
        #expect(try DayChoice(parsing: "today") == .today)
        #expect(try DayChoice(parsing: "Yesterday") == .yesterday)
        #expect(try DayChoice(parsing: "unknown") == .unknown)
        #expect(try DayChoice(parsing: "2026-01-31") == .day(Day(iso: "2026-01-31")!))
        #expect(throws: WatchlistError.invalidDate("2026-02-30")) { try DayChoice(parsing: "2026-02-30") }
        #expect(throws: WatchlistError.invalidDate("last week")) { try DayChoice(parsing: "last week") }
    }

    @Test("timestamps are ISO-8601 in UTC")
    func timestamps() {
        #expect(Timestamp.iso(Date(timeIntervalSince1970: 1_795_694_400)) == "2026-11-26T12:00:00Z")
        #expect(Timestamp.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }
}
