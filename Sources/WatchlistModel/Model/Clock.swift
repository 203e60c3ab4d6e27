import Foundation

/// The clock the service reads: "today" is the day in the user's time zone.
public struct WatchlistClock: Sendable {
    public var now: @Sendable () -> Date
    /// The day an instant falls on for the person.
    public var day: @Sendable (Date) -> Day

    public init(now: @escaping @Sendable () -> Date, day: @escaping @Sendable (Date) -> Day = Day.local) {
        self.now = now
        self.day = day
    }

    public init(now: @escaping @Sendable () -> Date, timeZone: TimeZone) {
        self.init(now: now, day: { Day($0, in: timeZone) })
    }

    /// The system's clock, and days in the local time zone (TZ), read without Foundation's
    /// time zone machinery, which costs a start-up of its own.
    public static let system = WatchlistClock(now: { Date() })

    /// A clock stopped at `date`, for tests.
    public static func fixed(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> WatchlistClock {
        WatchlistClock(now: { date }, timeZone: timeZone)
    }

    public var today: Day { day(now()) }
}
