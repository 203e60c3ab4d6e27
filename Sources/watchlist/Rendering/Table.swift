/// A table of left- or right-aligned columns, sized to their widest cell in terminal columns,
/// and fitted to a width when one is given:
///
/// 1. the shrinkable columns give up columns one at a time, the widest first (a long title
///    loses a few letters before a short one loses any), down to their comfortable width;
/// 2. if that is not enough, the optional columns are left out, in their order of leaving,
///    and step 1 is tried again;
/// 3. then the shrinkable columns go down to their narrowest;
/// 4. a table that is still too wide has its lines cut at the width.
///
/// Ids, years, counts, days and ratings never shrink: a cut number is a wrong number.
struct Table {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
        /// How narrow the column may become; nil: never shortened.
        var minimumWidth: Int?
        /// How narrow it becomes before an optional column is left out.
        var comfortableWidth: Int?
        /// When the column is left out, if it may be: the lowest first; nil: always shown.
        var leaves: Int?

        init(_ title: String, _ alignment: Alignment, shrinksTo minimumWidth: Int? = nil, comfortably comfortableWidth: Int? = nil,
             leaves: Int? = nil) {
            (self.title, self.alignment, self.minimumWidth, self.leaves) = (title, alignment, minimumWidth, leaves)
            self.comfortableWidth = comfortableWidth ?? minimumWidth
        }
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// What the tool cuts a shortened cell with.
    var glyphs = Glyphs.current

    init(_ columns: [Column]) {
        self.columns = columns
    }

    /// The columns shown and their widths at `maxWidth` (nil: every column, whole).
    func layout(naturalWidths: [Int], maxWidth: Int?) -> (shown: [Int], widths: [Int]) {
        var shown = Array(columns.indices)
        guard let maxWidth else { return (shown, naturalWidths) }
        func total(_ widths: [Int]) -> Int { shown.map { widths[$0] }.reduce(0, +) + 2 * max(0, shown.count - 1) }
        func shrunk(to floor: (Column) -> Int?) -> [Int] {
            var widths = naturalWidths
            var excess = total(widths) - maxWidth
            while excess > 0 {
                // The widest column that may still give up a column.
                var widest: Int?
                for index in shown {
                    guard let limit = floor(columns[index]), widths[index] > limit else { continue }
                    if widest.map({ widths[index] > widths[$0] }) ?? true { widest = index }
                }
                guard let index = widest else { break }
                // Down to the next narrower column's width at once (or as far as needed).
                let next = shown.filter { $0 != index && floor(columns[$0]) != nil && widths[$0] < widths[index] }.map { widths[$0] }.max() ?? 0
                let step = max(1, min(excess, widths[index] - max(next, floor(columns[index]) ?? 0)))
                widths[index] -= step
                excess -= step
            }
            return widths
        }
        var widths = shrunk(to: \.comfortableWidth)
        if total(widths) <= maxWidth { return (shown, widths) }
        for index in columns.indices.filter({ columns[$0].leaves != nil }).sorted(by: { columns[$0].leaves! < columns[$1].leaves! }) {
            shown.removeAll { $0 == index }
            widths = shrunk(to: \.comfortableWidth)
            if total(widths) <= maxWidth { return (shown, widths) }
        }
        return (shown, shrunk(to: \.minimumWidth))
    }

    /// The table as lines fitted to `maxWidth` (a terminal's width; nil: not fitted), with a
    /// bold header when `bold`.
    func render(maxWidth: Int? = nil, bold: Bool = false) -> String {
        // A cell is one line, shown as the terminal will show it.
        let rows = rows.map { $0.map { SafeText.visible($0, newlines: false) } }
        var natural = columns.map { DisplayWidth.of($0.title) }
        var rowWidths: [[Int]] = []
        rowWidths.reserveCapacity(rows.count)
        for row in rows {
            let widths = row.map(DisplayWidth.of)
            for (index, width) in widths.enumerated() where width > natural[index] { natural[index] = width }
            rowWidths.append(widths)
        }
        let (shown, widths) = layout(naturalWidths: natural, maxWidth: maxWidth)
        // Lines are built as bytes: padding and trimming a String cost a listing most of its time.
        func line(_ cells: [String], _ cellWidths: [Int]) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(widths.reduce(2 * shown.count, +) + 16)
            for index in shown {
                var cell = cells[index], width = cellWidths[index]
                if width > widths[index] {
                    cell = DisplayWidth.truncate(cell, to: widths[index], ellipsis: glyphs.ellipsis)
                    width = DisplayWidth.of(cell)
                }
                let padding = max(0, widths[index] - width)
                if index != shown.first { bytes += [0x20, 0x20] }
                if columns[index].alignment == .right { bytes.append(contentsOf: repeatElement(0x20, count: padding)) }
                bytes += cell.utf8
                if columns[index].alignment == .left { bytes.append(contentsOf: repeatElement(0x20, count: padding)) }
            }
            // Without trailing spaces.
            while bytes.last == 0x20 { bytes.removeLast() }
            let text = String(decoding: bytes, as: UTF8.self)
            if let maxWidth, DisplayWidth.of(text) > maxWidth { return DisplayWidth.truncate(text, to: maxWidth, ellipsis: glyphs.ellipsis) }
            return text
        }
        let titles = columns.map(\.title)
        let header = Terminal.bold(line(titles, titles.map(DisplayWidth.of)), if: bold)
        var lines = [header]
        lines.reserveCapacity(rows.count + 1)
        for (row, cellWidths) in zip(rows, rowWidths) { lines.append(line(row, cellWidths)) }
        return lines.joined(separator: "\n")
    }
}
