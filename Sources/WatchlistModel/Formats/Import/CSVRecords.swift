/// A strict RFC 4180 reader over UTF-8 bytes that knows the line each record starts on.
///
/// CSV.swift (yaslab), which the tests use to check our CSV exports, reads an unterminated quote
/// as the rest of the file and reports no line numbers; an importer must refuse such input and
/// say where.
/// Accepted: CRLF, LF or CR line ends, quoted fields with doubled quotes and line breaks, a
/// quote inside an unquoted field (kept as it is), blank lines (skipped), and a semicolon
/// instead of the comma (what European spreadsheets write: `separator`).
public struct CSVRecords {
    public struct Record {
        public var fields: [String]
        /// The line the record starts on, counting from 1.
        public var line: Int
    }

    /// The longest field accepted, in bytes.
    public static let maximumFieldBytes = InputText.maximumTextBytes

    private let input: InputBytes
    private let bytes: UnsafeBufferPointer<UInt8>
    private let source: String
    private let comma: UInt8
    private var index = 0
    private var line = 1
    /// How far the bytes before were given back (InputBytes.letGo).
    private var released = 0
    /// Asked every MiB: true stops the reading (`WatchlistError.interrupted`).
    public var stopRequested: (@Sendable () -> Bool)?

    public init(bytes: [UInt8], source: String, separator: UInt8? = nil) {
        self.init(input: InputBytes(bytes), source: source, separator: separator)
    }

    public init(input: InputBytes, source: String, separator: UInt8? = nil) {
        self.input = input
        self.bytes = input.buffer
        self.source = source
        self.comma = separator ?? CSVRecords.separator(of: input.buffer)
    }

    /// The separator a file's first line uses: a semicolon when it has more of them than
    /// commas outside quotes (a spreadsheet set to a language that writes decimal commas), else
    /// the comma.
    static func separator(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        for byte in bytes.prefix(64 * 1024) {
            if byte == quote { quoted.toggle() } else if !quoted {
                if byte == lf || byte == cr { if commas + semicolons > 0 { break } else { continue } }
                if byte == UInt8(ascii: ",") { commas += 1 } else if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), space = UInt8(ascii: " ")

    public mutating func next() throws -> Record? {
        // The records before this one are read: their bytes go back every MiB.
        if index - released > 1 << 20 {
            input.letGo(before: index)
            released = index
            if stopRequested?() == true { throw WatchlistError.interrupted(signal: 0, outcome: "the reading stopped") }
        }
        // Blank lines between records are skipped.
        while index < bytes.count, bytes[index] == CSVRecords.cr || bytes[index] == CSVRecords.lf {
            consumeLineEnd()
        }
        guard index < bytes.count else { return nil }
        let start = line
        var fields: [String] = []
        while true {
            fields.append(try field())
            if index >= bytes.count { break }
            let byte = bytes[index]
            if byte == comma {
                index += 1
                if index >= bytes.count { fields.append(""); break }
                continue
            }
            consumeLineEnd()
            break
        }
        return Record(fields: fields, line: start)
    }

    private mutating func consumeLineEnd() {
        if bytes[index] == CSVRecords.cr, index + 1 < bytes.count, bytes[index + 1] == CSVRecords.lf { index += 1 }
        index += 1
        line += 1
    }

    private mutating func field() throws -> String {
        // A space before a quoted field (Criticker writes ", " between every field) is not part of it.
        var ahead = index
        while ahead < bytes.count, bytes[ahead] == CSVRecords.space { ahead += 1 }
        if ahead > index, ahead < bytes.count, bytes[ahead] == CSVRecords.quote { index = ahead }
        let start = index
        if index < bytes.count, bytes[index] == CSVRecords.quote {
            let openedOn = line
            index += 1
            var value: [UInt8] = []
            while true {
                guard index < bytes.count else {
                    throw WatchlistError.malformedFile(source: source, line: openedOn, problem: "a quoted field is never closed; every \" that opens a field needs a closing \"")
                }
                let byte = bytes[index]
                if byte == CSVRecords.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == CSVRecords.quote {
                        value.append(CSVRecords.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    while index < bytes.count, bytes[index] == CSVRecords.space { index += 1 }
                    if index < bytes.count, ![comma, CSVRecords.cr, CSVRecords.lf].contains(bytes[index]) {
                        throw WatchlistError.malformedFile(source: source, line: line, problem: "text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
                    }
                    break
                }
                if byte == CSVRecords.lf || (byte == CSVRecords.cr && (index + 1 >= bytes.count || bytes[index + 1] != CSVRecords.lf)) {
                    line += 1
                }
                value.append(byte)
                index += 1
                if value.count > CSVRecords.maximumFieldBytes { throw tooLong() }
            }
            return CSVRecords.text(value[...])
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == comma || byte == CSVRecords.cr || byte == CSVRecords.lf { break }
            index += 1
        }
        if index - start > CSVRecords.maximumFieldBytes { throw tooLong() }
        return CSVRecords.text(bytes[start..<index])
    }

    /// A field's text, in NFC (InputText.normalized): ASCII as it is.
    private static func text<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(where: { $0 >= 0x80 }) ? InputText.normalized(text) : text
    }

    private func tooLong() -> WatchlistError {
        .malformedFile(source: source, line: line, problem: "a field is longer than \(CSVRecords.maximumFieldBytes) bytes")
    }
}
