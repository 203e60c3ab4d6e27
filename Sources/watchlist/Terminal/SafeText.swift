/// Text from the database or a file, made safe to show on a terminal: every character a
/// terminal would act on instead of showing — the C0 controls (all but the newline of
/// multi-line text), DEL, the C1 controls, and the bidirectional overrides and isolates that
/// reorder what follows — is written as a visible escape: `\e`, `\t`, `\r`, `\u{7}`,
/// `\u{202E}`. Text without them is returned as it is. JSON and the export formats keep the
/// exact text; only what is shown to a person goes through here.
enum SafeText {
    /// `text` with its controls escaped; newlines kept when `newlines`, else escaped as `\n`.
    static func visible(_ text: String, newlines: Bool = true) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        guard text.unicodeScalars.contains(where: { escape($0, newlines: newlines) != nil }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar, newlines: newlines) {
                result.append(contentsOf: escaped.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The escape a scalar is shown as, or nil when it is shown as it is.
    private static func escape(_ scalar: Unicode.Scalar, newlines: Bool) -> String? {
        switch scalar.value {
        case 0x0A: newlines ? nil : "\\n"
        case 0x1B: "\\e"
        case 0x09: "\\t"
        case 0x0D: "\\r"
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: nil
        }
    }
}

/// Styles (bold, highlight) marked in text by markers that no text holds (a random token per
/// process, in private-use characters), so that the text can be made safe as a whole and the
/// markers then become the terminal's escape codes, or nothing.
enum Style {
    private static let token = String(UInt64.random(in: .min ... .max), radix: 36)
    static let boldMarker = "\u{F8FF}b" + token + "\u{F8FF}"
    static let highlightMarker = "\u{F8FF}h" + token + "\u{F8FF}"
    static let endMarker = "\u{F8FF}e" + token + "\u{F8FF}"

    static func bold(_ text: String) -> String { boldMarker + text + endMarker }

    /// The markers of `text` as escape codes (`colors`), or removed.
    static func apply(_ text: String, colors: Bool) -> String {
        // Every marker starts with U+F8FF (EF A3 BF in UTF-8): found byte by byte, since a
        // whole listing passes through here.
        let markers = [(boldMarker, colors ? "\u{1B}[1m" : ""), (highlightMarker, colors ? "\u{1B}[1;4m" : ""),
                       (endMarker, colors ? "\u{1B}[0m" : "")].map { (Array($0.0.utf8), Array($0.1.utf8)) }
        var text = text
        let replaced = text.withUTF8 { bytes -> String? in
            guard bytes.count >= 3, (0..<bytes.count - 2).contains(where: { bytes[$0] == 0xEF && bytes[$0 + 1] == 0xA3 && bytes[$0 + 2] == 0xBF })
            else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            outer: while index < bytes.count {
                if bytes[index] == 0xEF {
                    for (marker, replacement) in markers
                    where index + marker.count <= bytes.count && bytes[index..<index + marker.count].elementsEqual(marker) {
                        result += replacement
                        index += marker.count
                        continue outer
                    }
                }
                result.append(bytes[index])
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
        return replaced ?? text
    }
}
