/// Lines fitted to a terminal's width: a line wider than the width is broken at spaces, its
/// continuation lines indented as the line was (a note's text under its heading stays under
/// it), and a word wider than the width is cut where the width ends. Widths are counted in
/// terminal columns (`DisplayWidth`); the `Style` markers take none.
enum Wrapping {
    /// `text`'s lines, each as many lines as it takes to fit in `width` columns.
    static func wrap(_ text: String, width: Int) -> String {
        var result: [Substring] = []
        var changed = false
        // Split on the newline byte: splitting Characters cost a long listing a tenth of its time.
        for bytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            if fits(line, width) {
                result.append(line)
            } else {
                changed = true
                result += wrap(line: line, width: width).map { Substring($0) }
            }
        }
        return changed ? result.joined(separator: "\n") : text
    }

    /// Whether a line certainly fits: ASCII no longer than the width, or measured.
    private static func fits(_ line: Substring, _ width: Int) -> Bool {
        let utf8 = line.utf8
        if utf8.count <= width { return true }
        if utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return measure(line) <= width
    }

    /// A line's width in columns, markers left out.
    static func measure<S: StringProtocol>(_ line: S) -> Int {
        var width = 0
        for piece in pieces(line) where !piece.isMarker { width += DisplayWidth.of(String(piece.text)) }
        return width
    }

    /// A line as text and markers: a marker (`Style`) is `\u{F8FF}` … `\u{F8FF}`.
    private static func pieces<S: StringProtocol>(_ line: S) -> [(text: Substring, isMarker: Bool)] {
        let string = Substring(line)
        guard string.contains("\u{F8FF}") else { return [(string, false)] }
        var result: [(Substring, Bool)] = []
        var rest = string[...]
        while let start = rest.firstIndex(of: "\u{F8FF}") {
            if start > rest.startIndex { result.append((rest[rest.startIndex..<start], false)) }
            let afterStart = rest.index(after: start)
            guard let end = rest[afterStart...].firstIndex(of: "\u{F8FF}") else { break }
            result.append((rest[start...end], true))
            rest = rest[rest.index(after: end)...]
        }
        if !rest.isEmpty { result.append((rest, false)) }
        return result
    }

    /// One line broken into lines of at most `width` columns.
    private static func wrap(line: Substring, width: Int) -> [String] {
        let indentText = String(line.prefix { $0 == " " })
        // A continuation keeps the indent, unless the indent leaves too little room.
        let indent = indentText.count <= width / 2 ? indentText : ""
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var pendingSpace = false
        func flush() {
            lines.append(current)
            current = indent
            currentWidth = indent.count
            pendingSpace = false
        }
        // Words: runs of non-spaces, with markers as zero-width parts of them.
        var words: [(text: String, width: Int)] = []
        var word = ""
        var wordWidth = 0
        var leading = true
        for piece in pieces(line) {
            if piece.isMarker { word += piece.text; continue }
            for character in piece.text {
                if character == " " {
                    if leading { continue }
                    if !word.isEmpty || wordWidth > 0 { words.append((word, wordWidth)) }
                    word = ""
                    wordWidth = 0
                } else {
                    leading = false
                    word.append(character)
                    wordWidth += DisplayWidth.of(character)
                }
            }
        }
        if !word.isEmpty { words.append((word, wordWidth)) }
        current = indentText
        currentWidth = indentText.count
        for (text, textWidth) in words {
            let space = pendingSpace ? 1 : 0
            if currentWidth + space + textWidth <= width {
                if pendingSpace { current += " " }
                current += text
                currentWidth += space + textWidth
                pendingSpace = true
                continue
            }
            if currentWidth > indent.count || pendingSpace { flush() }
            if indent.count + textWidth <= width {
                current += text
                currentWidth += textWidth
                pendingSpace = true
                continue
            }
            // A word wider than a line: cut it where each line ends.
            for piece in pieces(text) {
                if piece.isMarker { current += piece.text; continue }
                for character in piece.text {
                    let characterWidth = DisplayWidth.of(character)
                    if currentWidth + characterWidth > width, currentWidth > indent.count { flush() }
                    current.append(character)
                    currentWidth += characterWidth
                }
            }
            pendingSpace = true
        }
        if currentWidth > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }
}
