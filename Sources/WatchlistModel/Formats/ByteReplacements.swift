/// Replaces ASCII characters of text by other text, byte by byte: the escapes of HTML and
/// Markdown. UTF-8 never uses an ASCII byte inside a longer character, so replacing bytes
/// replaces exactly those characters, at a byte's cost (a walk over Characters cost an export
/// most of its time). Text that holds none of them is returned as it is, without a copy.
struct ByteReplacements: Sendable {
    /// The replacement of each ASCII byte, or nil.
    private let replacements: [[UInt8]?]

    init(_ pairs: [Character: String]) {
        var table = [[UInt8]?](repeating: nil, count: 128)
        for (character, replacement) in pairs {
            guard let byte = character.asciiValue else { preconditionFailure("only ASCII characters are replaced") }
            table[Int(byte)] = Array(replacement.utf8)
        }
        replacements = table
    }

    func apply(_ text: String) -> String {
        var text = text
        let replaced = text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { $0 < 0x80 && replacements[Int($0)] != nil }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if byte < 0x80, let replacement = replacements[Int(byte)] {
                    result.append(contentsOf: replacement)
                } else {
                    result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return replaced ?? text
    }
}
