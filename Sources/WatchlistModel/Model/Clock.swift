import Foundation

/// The clock the service reads: "today" is the day in the user's time zone.
public struct WatchlistClock: Sendable {
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone

    public init(now: @escaping @Sendable () -> Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
    }

    public static let system = WatchlistClock(now: { Date() }, timeZone: .current)

    /// A clock stopped at `date`, for tests.
    public static func fixed(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> WatchlistClock {
        WatchlistClock(now: { date }, timeZone: timeZone)
    }

    public var today: Day { Day(now(), in: timeZone) }
}
