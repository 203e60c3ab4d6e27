import Foundation

/// The hybrid logical clock that orders changes across devices: a time is the later of the
/// wall clock (`WATCHLIST_NOW` where set) and the latest time this device gave or saw, with a
/// count for times within one millisecond, and the device's id last, which breaks ties. A
/// device whose clock runs fast moves every other device's clock forward when they see its
/// changes, so it cannot win every conflict forever. Written "<ms>.<count>.<device>" with fixed
/// widths ("1733560000000.00000.0123456789abcdef"), so that times compare as text.
enum SyncClock {
    static func time(milliseconds: Int64, count: Int, device: String) -> String {
        pad(String(milliseconds), 13) + "." + pad(String(count), 5) + "." + device
    }

    private static func pad(_ digits: String, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Whether `text` is a time as this clock writes it.
    static func isTime(_ text: String) -> Bool { parse(text) != nil }

    static func parse(_ text: String) -> (milliseconds: Int64, count: Int, device: String)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 13, parts[1].count == 5, isDeviceId(String(parts[2])),
              parts[0].utf8.allSatisfy({ (48...57).contains($0) }), parts[1].utf8.allSatisfy({ (48...57).contains($0) }),
              let milliseconds = Int64(parts[0]), let count = Int(parts[1]) else { return nil }
        return (milliseconds, count, String(parts[2]))
    }

    /// The time after `last` for a change made at `wall` (milliseconds) by `device`.
    static func tick(last: String, wall: Int64, device: String) -> String {
        guard let last = parse(last) else { return time(milliseconds: max(0, wall), count: 0, device: device) }
        if wall > last.milliseconds { return time(milliseconds: wall, count: 0, device: device) }
        if last.count >= 99_999 { return time(milliseconds: last.milliseconds + 1, count: 0, device: device) }
        return time(milliseconds: last.milliseconds, count: last.count + 1, device: device)
    }

    /// The clock after seeing `seen` (a time of another device): the later of the two.
    static func observe(last: String, seen: String, device: String) -> String {
        guard let theirs = parse(seen) else { return last }
        guard let ours = parse(last), (ours.milliseconds, ours.count) >= (theirs.milliseconds, theirs.count) else {
            return time(milliseconds: theirs.milliseconds, count: theirs.count, device: device)
        }
        return last
    }

    /// A time of no change at all: older than any change (a snapshot's rows, which a real
    /// change of the same row replaces).
    static let never = time(milliseconds: 0, count: 0, device: "0000000000000000")

    /// A device id: 16 lowercase hexadecimal digits.
    static func isDeviceId(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func newDeviceId() -> String {
        (0..<16).map { _ in String(UInt8.random(in: 0..<16), radix: 16) }.joined()
    }

    /// An ISO-8601 instant (`ratedAt`, `updatedAt`) as a time of this clock, for rows that no
    /// change synced yet has timed: the same on every device.
    static func time(iso: String?) -> String {
        guard let iso, let seconds = Timestamp.seconds(iso: iso) else { return never }
        return time(milliseconds: max(0, seconds) * 1000, count: 0, device: "0000000000000000")
    }
}
