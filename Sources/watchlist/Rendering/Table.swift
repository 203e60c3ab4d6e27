/// A table of left- or right-aligned columns, sized to their widest cell in terminal columns.
struct Table {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
        /// How narrow the column may become when the table is too wide; nil: never shortened.
        var minimumWidth: Int?
        /// Left out when the table is still too wide with every column at its narrowest.
        var optional: Bool

        init(_ title: String, _ alignment: Alignment, shrinksTo minimumWidth: Int? = nil, optional: Bool = false) {
            (self.title, self.alignment, self.minimumWidth, self.optional) = (title, alignment, minimumWidth, optional)
        }
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    /// The table as lines; when `maxWidth` is given (a terminal's width) and the table is
    /// wider, the shrinkable columns' cells are shortened with …, the rightmost such column
    /// first, and when that is not enough the optional columns are left out; a bold header
    /// when `bold`.
    func render(maxWidth: Int? = nil, bold: Bool = false) -> String {
        // A cell is one line, shown as the terminal will show it.
        let rows = rows.map { $0.map { SafeText.visible($0, newlines: false) } }
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        var shown = Array(columns.indices)
        if let maxWidth {
            func excess() -> Int { shown.map { widths[$0] }.reduce(0, +) + 2 * (shown.count - 1) - maxWidth }
            for index in columns.indices.reversed() where excess() > 0 {
                guard let minimum = columns[index].minimumWidth else { continue }
                widths[index] -= min(excess(), max(0, widths[index] - max(minimum, DisplayWidth.of(columns[index].title))))
            }
            for index in columns.indices.reversed() where excess() > 0 && columns[index].optional {
                shown.removeAll { $0 == index }
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for index in shown {
                let cell = DisplayWidth.truncate(cells[index], to: widths[index])
                let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
                if index != shown.first { text += "  " }
                text += columns[index].alignment == .left ? cell + padding : padding + cell
            }
            // Without trailing spaces.
            while text.last == " " { text.removeLast() }
            return text
        }
        let header = Terminal.bold(line(columns.map(\.title)), if: bold)
        return ([header] + rows.map(line)).joined(separator: "\n")
    }
}
