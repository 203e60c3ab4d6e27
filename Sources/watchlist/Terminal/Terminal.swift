import Foundation
import WatchlistCore

/// Writing for people and scripts: data to stdout, messages to stderr.
enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// The width of the terminal on standard output, or nil when it is not a terminal.
    /// $COLUMNS, when set, wins (so that scripts and tests can choose).
    static var width: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        guard isTerminal(STDOUT_FILENO) else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
        return Int(size.ws_col)
    }

    static func bold(_ text: String, if enabled: Bool) -> String {
        enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes a JSON document (and a final newline) to stdout.
    static func json(_ data: Data) {
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("watchlist: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// The first command-line argument (1-based) that is not valid UTF-8, if any: Swift's
    /// own view of the arguments silently repairs them.
    static func firstNonUTF8Argument() -> Int? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: pointer, count: strlen(pointer)).map { UInt8(bitPattern: $0) }
            if String(validating: bytes, as: UTF8.self) == nil { return index }
        }
        return nil
    }

    /// Standard input as text: at most `limit` bytes, valid UTF-8, no NUL.
    static func readStandardInput(limit: Int) throws -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw WatchlistError.unreadableInput(path: "standard input", reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw WatchlistError.invalidArgument("Standard input holds more than \(limit) bytes; a note is at most \(InputText.maximumNoteLength) characters.")
            }
        }
        return try InputText.decode(bytes, source: "Standard input")
    }
}

/// A table of left- or right-aligned columns, sized to their widest cell.
struct Table {
    enum Alignment { case left, right }
    var columns: [(title: String, alignment: Alignment)]
    var rows: [[String]] = []
    /// The column shortened with … when the table is wider than `maxWidth`.
    var shrinkable: Int?

    /// The table as lines; when `maxWidth` is given (a terminal's width) and the table is
    /// wider, the shrinkable column's cells are shortened with …; a bold header when `bold`.
    func render(maxWidth: Int? = nil, bold: Bool = false) -> String {
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var rows = self.rows
        if let maxWidth, let shrinkable {
            let total = widths.reduce(0, +) + 2 * (widths.count - 1)
            if total > maxWidth {
                let width = max(columns[shrinkable].title.count, 8, widths[shrinkable] - (total - maxWidth))
                widths[shrinkable] = width
                for index in rows.indices where rows[index][shrinkable].count > width {
                    rows[index][shrinkable] = String(rows[index][shrinkable].prefix(width - 1)) + "…"
                }
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return columns[index].alignment == .left ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        /// Without trailing spaces (a regular expression here would cost more than the query).
        func trimmed(_ line: String) -> String {
            var line = Substring(line)
            while line.last == " " { line.removeLast() }
            return String(line)
        }
        let header = Terminal.bold(trimmed(line(columns.map(\.title))), if: bold)
        return ([header] + rows.map(line).map(trimmed)).joined(separator: "\n")
    }
}
