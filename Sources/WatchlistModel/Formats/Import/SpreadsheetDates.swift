/// How a file writes its dates. Exports write `2026-04-18`; a file opened and saved by a
/// spreadsheet writes `4/18/2026`, `18/4/2026`, `18.04.2026`, `18-04-26` or `4/18/26`, depending
/// on the spreadsheet's language. The reading of each date column is decided once from all its
/// values: a first number over 12 can only be a day (day first); a second number over 12 can
/// only be a day (month first). A column whose values decide nothing takes the reading the
/// file's other date columns decided (one spreadsheet wrote them all); when no column decides,
/// month first, the form spreadsheets write by default, and the report says so. A year of two digits is the most recent year that ends so and is not
/// after today's (`93` is 1993, `20` 2020).
public enum DateReading: String, Sendable, Equatable {
    case iso
    case monthFirst = "M/D/YYYY"
    case dayFirst = "D/M/YYYY"

    /// The reading the date cells of a file call for, and why: `decidedBy` is the cell that
    /// settled it, nil when none did. `.iso` when no cell is written as a spreadsheet writes.
    static func decide(_ cells: [String]) -> (reading: DateReading, decidedBy: String?) {
        var sawSpreadsheet = false
        for cell in cells {
            guard let (first, second, _) = parts(cell) else { continue }
            sawSpreadsheet = true
            if first > 12 { return (.dayFirst, cell) }
            if second > 12 { return (.monthFirst, cell) }
        }
        return (sawSpreadsheet ? .monthFirst : .iso, nil)
    }

    /// The readings of a file's date columns, decided from every value of each
    /// (`DateReadings.decide`).
    public struct Columns: Sendable, Equatable {
        public var byColumn: [String: DateReading] = [:]
        /// A column that is not listed (it holds no spreadsheet date).
        public var fallback = DateReading.iso

        public subscript(_ column: String) -> DateReading { byColumn[column] ?? fallback }
    }

    /// The day a cell names under this reading: ISO always, a spreadsheet's form by the
    /// reading; a two-digit year is the latest one not after `todayYear`.
    func day(_ text: String, todayYear: Int = 9999) -> Day? {
        if let day = Day(iso: text) { return day }
        guard self != .iso, let (first, second, written) = DateReading.parts(text) else { return nil }
        let year = DateReading.year(written, todayYear: todayYear)
        return self == .monthFirst ? Day(year: year, month: first, day: second) : Day(year: year, month: second, day: first)
    }

    /// A year as written: four digits as they are; two digits (written as 0…99) the latest year
    /// ending so that is not after `todayYear`.
    static func year(_ written: (value: Int, digits: Int), todayYear: Int) -> Int {
        guard written.digits == 2 else { return written.value }
        let century = todayYear - todayYear % 100
        return century + written.value <= todayYear ? century + written.value : century - 100 + written.value
    }

    /// `4/18/2026` → (4, 18, (2026, 4)); `18.04.26` → (18, 4, (26, 2)); the separator is `/`, `.`
    /// or `-` (the same twice), the year has two or four digits, and a time after the date
    /// (`4/18/2026 0:00`) is left out. Nil for anything else (an ISO day included).
    static func parts(_ text: String) -> (Int, Int, (value: Int, digits: Int))? {
        let date = text.split(separator: " ", maxSplits: 1).first ?? ""
        guard let separator = date.first(where: { $0 == "/" || $0 == "." || $0 == "-" }) else { return nil }
        let pieces = date.split(separator: separator, omittingEmptySubsequences: false)
        guard pieces.count == 3, (1...2).contains(pieces[0].count), (1...2).contains(pieces[1].count),
              pieces[2].count == 2 || pieces[2].count == 4,
              pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let first = Int(pieces[0]), let second = Int(pieces[1]), let year = Int(pieces[2]) else { return nil }
        return (first, second, (year, pieces[2].count))
    }
}
