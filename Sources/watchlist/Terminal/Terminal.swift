import Foundation
import WatchlistCore

/// Writing for people and scripts: data to stdout, messages to stderr.
enum Terminal {
    /// Colour and emphasis only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var colorsStandardOutput: Bool {
        isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
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

    func render() -> String {
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
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
        return ([line(columns.map(\.title))] + rows.map(line)).map(trimmed).joined(separator: "\n")
    }
}
