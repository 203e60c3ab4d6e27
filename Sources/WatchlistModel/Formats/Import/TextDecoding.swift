/// Turns an input file's bytes into UTF-8: a byte-order mark is dropped, UTF-16 with its mark
/// is converted, and a file that is not valid UTF-8 is read as Windows-1252 (what real IMDb
/// exports in Latin-1 are) with a warning. A NUL byte in text is refused: no text format we read
/// has one. Valid UTF-8 — nearly every file — is checked in one pass and kept where it is,
/// never copied (`InputBytes`).
public enum TextDecoding {
    public struct Decoded {
        public var input: InputBytes
        /// Set when the file was not UTF-8.
        public var warning: String?

        /// The text's bytes as an array: for the formats read whole (JSON).
        public var bytes: [UInt8] { input.array }
    }

    /// The text of a file; nil for a file of nothing but NUL bytes (what a download that was
    /// never written out leaves behind), which holds no text at all.
    public static func utf8(_ raw: [UInt8], source: String) throws -> Decoded? {
        try utf8(InputBytes(raw), source: source)
    }

    public static func utf8(_ input: InputBytes, source: String) throws -> Decoded? {
        let raw = input.buffer
        // UTF-16 with its byte-order mark (what a spreadsheet's "Unicode text" writes).
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            return try utf16(Array(raw), source: source)
        }
        let start = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: raw[start...])
        switch scan(body, letGo: { input.letGo(before: start + $0) }) {
        case .valid:
            return Decoded(input: start == 0 ? input : input.dropping(start), warning: nil)
        case .onlyNUL:
            return nil
        case .nul(let offset):
            let line = body[..<offset].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw WatchlistError.malformedFile(source: source, line: line, problem: "a NUL byte; the file is not text")
        case .notUTF8:
            var converted: [UInt8] = []
            converted.reserveCapacity(body.count + body.count / 8)
            for byte in body {
                let scalar = byte < 0x80 ? Unicode.Scalar(byte)
                    : byte < 0xA0 ? windows1252[Int(byte - 0x80)] : Unicode.Scalar(UInt32(byte))!
                converted.append(contentsOf: String(Character(scalar)).utf8)
            }
            return Decoded(input: InputBytes(converted), warning: "\(source.oneLine) is not UTF-8; it was read as Windows-1252 (Latin-1). Check accented titles.")
        }
    }

    enum Scan { case valid, onlyNUL, nul(Int), notUTF8 }

    /// One pass over the bytes: valid UTF-8 without a NUL, a NUL (where), nothing but NULs, or
    /// not UTF-8. Every MiB read, `letGo` is told how far it has come.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, letGo: (Int) -> Void) -> Scan {
        var index = 0, released = 0
        var valid = true
        var firstNUL: Int?
        var allNUL = !bytes.isEmpty
        let count = bytes.count
        while index < count {
            if index - released > 1 << 20 {
                letGo(index)
                released = index
            }
            let byte = bytes[index]
            if byte != 0 { allNUL = false }
            if byte < 0x80 {
                if byte == 0, firstNUL == nil { firstNUL = index }
                index += 1
                continue
            }
            guard valid else { index += 1; continue }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: valid = false; index += 1; continue
            }
            guard index + length <= count else { valid = false; index += 1; continue }
            let second = bytes[index + 1]
            var ok = second & 0xC0 == 0x80
            switch byte {
            case 0xE0: ok = ok && second >= 0xA0
            case 0xED: ok = ok && second < 0xA0
            case 0xF0: ok = ok && second >= 0x90
            case 0xF4: ok = ok && second < 0x90
            default: break
            }
            if length > 2 { ok = ok && bytes[index + 2] & 0xC0 == 0x80 }
            if length > 3 { ok = ok && bytes[index + 3] & 0xC0 == 0x80 }
            guard ok else { valid = false; index += 1; continue }
            index += length
        }
        if allNUL { return .onlyNUL }
        if let firstNUL { return .nul(firstNUL) }
        return valid ? .valid : .notUTF8
    }

    /// UTF-16 after its byte-order mark, little- or big-endian, as UTF-8; unpaired surrogates
    /// or a NUL character are refused.
    static func utf16(_ raw: [UInt8], source: String) throws -> Decoded {
        let littleEndian = raw[0] == 0xFF
        guard raw.count % 2 == 0 else {
            throw WatchlistError.malformedFile(source: source, line: nil, problem: "the file says it is UTF-16 but has an odd number of bytes")
        }
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2 - 1)
        var index = 2
        while index + 1 < raw.count {
            units.append(littleEndian ? UInt16(raw[index]) | UInt16(raw[index + 1]) << 8 : UInt16(raw[index]) << 8 | UInt16(raw[index + 1]))
            index += 2
        }
        var text = String.UnicodeScalarView()
        var line = 1
        for scalar in transcodeUTF16(units) {
            guard let scalar else {
                throw WatchlistError.malformedFile(source: source, line: line, problem: "the UTF-16 text holds an unpaired surrogate")
            }
            if scalar == "\0" { throw WatchlistError.malformedFile(source: source, line: line, problem: "a NUL character; the file is not text") }
            if scalar == "\n" { line += 1 }
            text.append(scalar)
        }
        return Decoded(input: InputBytes(Array(String(text).utf8)), warning: nil)
    }

    /// The scalars of UTF-16 code units; nil for an unpaired surrogate.
    private static func transcodeUTF16(_ units: [UInt16]) -> [Unicode.Scalar?] {
        var decoder = Unicode.UTF16()
        var iterator = units.makeIterator()
        var scalars: [Unicode.Scalar?] = []
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return scalars
            case .error: scalars.append(nil)
            }
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // The standard library's validation is much faster than decoding scalar by scalar.
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Windows-1252's characters for 0x80–0x9F; the five unassigned bytes keep their C1 code points.
    static let windows1252: [Unicode.Scalar] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ].map { Unicode.Scalar(UInt32($0))! }
}

/// The lines git writes where a merge left two versions of a file (`<<<<<<< HEAD`, `=======`,
/// `>>>>>>> branch`): a file holding them is neither version, and is refused naming the line.
enum ConflictMarker {
    /// The first line (1-based) that is a conflict marker, and the marker, if any.
    static func first(in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, marker: String)? {
        var line = 1
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let text = bytes[start..<min(end, start + 7)]
            for marker in ["<<<<<<<", "=======", ">>>>>>>"] where text.elementsEqual(marker.utf8) {
                let after = end > start + 7 ? bytes[start + 7] : 0x0A
                if marker == "=======" ? (after == 0x0A || after == 0x0D) : (after == 0x20 || after == 0x0A || after == 0x0D) {
                    let whole = String(decoding: bytes[start..<min(end, start + 60)], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    return (line, whole)
                }
            }
            line += 1
            start = end + 1
        }
        return nil
    }

    static func error(source: String, line: Int, marker: String) -> WatchlistError {
        .malformedFile(source: source, line: line, problem: "line \(line) is a merge conflict marker ('\(marker.oneLine)'): the file holds "
                       + "two versions of itself; resolve the conflict first")
    }
}
