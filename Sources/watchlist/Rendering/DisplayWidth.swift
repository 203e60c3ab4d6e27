/// How many columns text takes on a terminal: a wide character (CJK, an emoji) takes two, a
/// combining mark or a zero-width character none, anything else one. Tables measure cells
/// with it, since counting characters misaligns every row that holds a wide one.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        // ASCII without controls (the most of what is shown): a column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // One scalar of the scripts and signs most titles and tables use, which all take one
        // column (Latin, Greek, Cyrillic before their combining marks; stars, ½, blocks): no
        // lookup of Unicode's properties, which cost a long listing most of its time.
        if scalars.count == 1 {
            switch first.value {
            case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x370..<0x483, 0x48A..<0x591, 0x2500..<0x25A0, 0x2605...0x2606: return 1
            default: break
            }
        }
        // An emoji shown as a picture: by default, or asked for with VS16 (U+FE0F).
        if first.properties.isEmojiPresentation || (first.properties.isEmoji && scalars.contains("\u{FE0F}")) { return 2 }
        if isWide(first.value) { return 2 }
        if isZeroWidth(first) { return 0 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, W and F).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: scalar.value == 0x200B
        }
    }

    /// The longest start of `text` that fits in `width` columns, with `ellipsis` when it was cut.
    static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard of(text) > width else { return text }
        let room = width - of(ellipsis)
        guard room > 0 else { return String(ellipsis.prefix(max(0, width))) }
        var result = ""
        var used = 0
        for character in text {
            let next = of(character)
            if used + next > room { break }
            result.append(character)
            used += next
        }
        return result + ellipsis
    }
}
