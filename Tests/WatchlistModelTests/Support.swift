@testable import WatchlistModel

// Days written as text in expectations: `viewing.watchedOn == "2026-11-25"`.
extension Day: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        guard let day = Day(iso: text) else { fatalError("'\(text)' is not a day: fix the test") }
        self = day
    }
}
