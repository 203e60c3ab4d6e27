import Foundation
import WatchlistCore

/// Writing for people and scripts: data to stdout, messages to stderr. Everything written
/// for people goes through `SafeText` (no text from a file can drive the terminal), then its
/// `Style` markers become escape codes; JSON is written as it is.
enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// The width of the terminal on standard output, or nil when it is not a terminal.
    /// $COLUMNS, when set, wins (so that scripts and tests can choose).
    static var width: Int? {
        if let columns = Environment.value("COLUMNS").flatMap(Int.init), columns > 20 { return columns }
        guard isTerminal(STDOUT_FILENO) else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
        return Int(size.ws_col)
    }

    static func bold(_ text: String, if enabled: Bool) -> String {
        enabled ? Style.bold(text) : text
    }

    /// Text as it is shown: controls escaped, then styles applied.
    static func shown(_ text: String) -> String {
        Style.apply(SafeText.visible(text), colors: true)
    }

    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((shown(line) + "\n").utf8))
    }

    /// Writes a JSON document (and a final newline) to stdout.
    static func json(_ data: Data) {
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("watchlist: error: \(shown(message))\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(shown(message))\n".utf8))
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
