import Foundation
import WatchlistCore

/// Writing for people and scripts: data to stdout, messages to stderr. Everything written
/// for people goes through `SafeText` (no text from a file can drive the terminal), then its
/// `Style` markers become escape codes; JSON is written as it is.
enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// The narrowest width lines are fitted to: a narrower terminal gets 20-column lines.
    static let minimumWidth = 20

    /// The width of the terminal on standard output, or nil when it is not a terminal.
    /// $COLUMNS, when set, wins (so that scripts and tests can choose).
    static let width: Int? = width(of: STDOUT_FILENO)

    /// The width of the terminal on standard error, for messages: $COLUMNS, else its own.
    static let errorWidth: Int? = width(of: STDERR_FILENO)

    private static func width(of descriptor: Int32) -> Int? {
        // COLUMNS, read before `Environment.settleColumns` gives the argument parser its own.
        if let columns = Environment.value("COLUMNS").flatMap(Int.init), columns > 0 { return max(minimumWidth, columns) }
        guard isTerminal(descriptor) else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return max(minimumWidth, Int(size.ws_col))
    }

    static func bold(_ text: String, if enabled: Bool) -> String {
        enabled ? Style.bold(text) : text
    }

    /// Text as it is shown: controls escaped, lines fitted to `width` (when known), then styles
    /// applied.
    static func shown(_ text: String, width: Int? = nil) -> String {
        let visible = SafeText.visible(text)
        return Style.apply(width.map { Wrapping.wrap(visible, width: $0) } ?? visible, colors: true)
    }

    /// Writes text for people to stdout, fitted to the terminal's width.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((shown(text, width: width) + "\n").utf8))
    }

    /// A path as messages show it: under the home folder as `~/…`, shorter to read.
    static func path(_ path: String) -> String {
        guard let home = Environment.value("HOME"), home.hasPrefix("/"), home.count > 1 else { return path.oneLine }
        let folder = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(folder) ? "~/" + String(path.dropFirst(folder.count)).oneLine : path.oneLine
    }

    /// Writes a line that is data for scripts (a path) to stdout: made safe, never wrapped.
    static func data(_ line: String) {
        FileHandle.standardOutput.write(Data((shown(line) + "\n").utf8))
    }

    /// Writes a JSON document (and a final newline) to stdout.
    static func json(_ data: Data) {
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Writes an error to stderr: `watchlist: error: ` and the message, fitted to the width.
    static func error(_ message: String) {
        // Errors are the tool's own words: their glyphs take this locale's form.
        FileHandle.standardError.write(Data((shown("watchlist: error: " + Glyphs.current.stored(message), width: errorWidth) + "\n").utf8))
    }

    /// Writes a message for people (a report, a notice) to stderr, fitted to the width.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((shown(message, width: errorWidth) + "\n").utf8))
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

    /// Standard input as text: at most `limit` bytes, valid UTF-8, no NUL; `why` says why
    /// the limit is what it is.
    static func readStandardInput(limit: Int, why: String) throws -> String {
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
                throw WatchlistError.invalidArgument("Standard input holds more than \(limit) bytes; \(why).")
            }
        }
        return try InputText.decode(bytes, source: "text on standard input")
    }
}
