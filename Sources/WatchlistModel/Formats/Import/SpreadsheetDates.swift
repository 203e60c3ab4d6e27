/// How a file writes its dates. Exports write `2026-04-18`; a file opened and saved by a
/// spreadsheet writes `4/18/2026` or `18/4/2026`, depending on the spreadsheet's language.
/// The reading is decided once for the whole file: a first number over 12 can only be a day
/// (day first); a second number over 12 can only be a day (month first); when nothing decides,
/// month first, the form spreadsheets write by default, and the report says so.
public enum DateReading: String, Sendable, Equatable {
    case iso
    case monthFirst = "M/D/YYYY"
    case dayFirst = "D/M/YYYY"

    /// The reading the date cells of a file call for, and why: `decided` is false when no
    /// cell settles it. `.iso` when no cell is written with slashes.
    static func decide(_ cells: [String]) -> (reading: DateReading, decidedBy: String?) {
        var sawSlash = false
        for cell in cells {
            guard let (first, second, _) = slashParts(cell) else { continue }
            sawSlash = true
            if first > 12 { return (.dayFirst, cell) }
            if second > 12 { return (.monthFirst, cell) }
        }
        return (sawSlash ? .monthFirst : .iso, nil)
    }

    /// The day a cell names under this reading: ISO always, slashes by the reading.
    func day(_ text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        guard self != .iso, let (first, second, year) = DateReading.slashParts(text) else { return nil }
        return self == .monthFirst ? Day(year: year, month: first, day: second) : Day(year: year, month: second, day: first)
    }

    /// `4/18/2026` → (4, 18, 2026); a time after the date (`4/18/2026 0:00`) is left out. Nil
    /// for anything else; the year has four digits.
    static func slashParts(_ text: String) -> (Int, Int, Int)? {
        let date = text.split(separator: " ", maxSplits: 1).first ?? ""
        let parts = date.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let first = Int(parts[0]), let second = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return (first, second, year)
    }
}
