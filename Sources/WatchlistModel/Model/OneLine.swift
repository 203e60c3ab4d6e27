extension String {
    /// The text on one line, for a name in what people read (a title, a collection's title, a
    /// file's path): a line break in it is shown as `\n` (`\r`, and the other separators of
    /// lines as their escapes), so that no name can start a line of a message or report of its
    /// own. The terminal layer escapes every other control character; a note's body is prose and
    /// keeps its lines.
    public var oneLine: String {
        guard utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0xC2 || $0 == 0xE2 }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x0B, 0x0C, 0x85, 0x2028, 0x2029: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
