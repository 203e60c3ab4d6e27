import WatchlistCore

/// The characters the tool draws with — stars, bars, ×, …, · — or their ASCII stand-ins when
/// the locale's character set is not UTF-8 (`LC_ALL`, else `LC_CTYPE`, else `LANG`: unset,
/// `C`, `POSIX` or another charset). Only what the tool draws changes: titles, notes and every
/// other text from the database are written as they are, and `--json` and the exports never
/// change.
struct Glyphs: Sendable {
    let unicode: Bool

    /// The glyphs of this process's locale.
    static let current = Glyphs(unicode: isUTF8Locale(
        all: Environment.value("LC_ALL"), ctype: Environment.value("LC_CTYPE"), lang: Environment.value("LANG")))

    /// Whether the locale the variables name uses UTF-8, as setlocale(3) chooses it: the first
    /// of LC_ALL, LC_CTYPE and LANG that is set and not empty.
    static func isUTF8Locale(all: String?, ctype: String?, lang: String?) -> Bool {
        guard let name = [all, ctype, lang].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return false }
        let charset = name.split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.split(separator: "@")[0] } ?? ""
        let folded = charset.lowercased().filter { $0 != "-" && $0 != "_" }
        return folded == "utf8"
    }

    var ellipsis: String { unicode ? "…" : "..." }
    /// "3×": times watched.
    var times: String { unicode ? "×" : "x" }
    /// Between the parts of a heading: "[12] The Ascent (1977) · 2026-11-26".
    var separator: String { unicode ? "·" : "-" }
    var barFull: Character { unicode ? "█" : "#" }
    var barEmpty: Character { unicode ? "░" : "-" }

    /// A rating as stars (`★★★★½`), or `4.5/5`.
    func stars(_ rating: StarRating) -> String {
        unicode ? rating.starsText : "\(rating.decimal)/5"
    }

    /// A rating with its number: `★★★★½ (4.5)`, or `4.5/5`.
    func rating(_ rating: StarRating) -> String {
        unicode ? "\(rating.starsText) (\(rating.decimal))" : "\(rating.decimal)/5"
    }

    /// Text the tool wrote earlier and stored (a history entry's "what it did": "Rated The
    /// Ascent (1977) ★★★★½"), with its glyphs in this locale's form: stars become `4.5/5`, and
    /// …, ×, · their ASCII stand-ins. In a UTF-8 locale the text is unchanged.
    func stored(_ text: String) -> String {
        guard !unicode, !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var result = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch character {
            case "½":
                // Alone (4½, ½): a half in ASCII.
                result += result.last?.isNumber == true ? " 1/2" : "1/2"
            case "★", "☆":
                var full = character == "★" ? 1 : 0, half = false
                while let next = characters.first, next == "★" || next == "☆" || next == "½" {
                    characters.removeFirst()
                    if next == "★" { full += 1 } else if next == "½" { half = true }
                }
                result += half ? "\(full).5/5" : "\(full)/5"
            case "…": result += "..."
            case "×": result += "x"
            case "·": result += "-"
            default: result.append(character)
            }
        }
        return result
    }

    /// A bar of `width` cells, `value` of `total` filled; `track` draws the empty cells
    /// (░ or -), else they are spaces.
    func bar(_ value: Int, of total: Int, width: Int, track: Bool = true) -> String {
        let empty: Character = track ? barEmpty : " "
        guard total > 0, width > 0 else { return String(repeating: empty, count: max(0, width)) }
        // A value above zero shows at least one cell.
        let filled = min(width, max(value > 0 ? 1 : 0, Int((Double(value) / Double(total) * Double(width)).rounded())))
        return String(repeating: barFull, count: filled) + String(repeating: empty, count: width - filled)
    }

    /// A bar in eighths of a cell (Letterboxd's histogram turned on its side), or in whole
    /// `#` cells; at least one eighth for a value above zero.
    func column(_ value: Int, of most: Int, width: Int) -> String {
        guard most > 0, value > 0, width > 0 else { return "" }
        guard unicode else { return String(repeating: "#", count: max(1, Int((Double(value) / Double(most) * Double(width)).rounded()))) }
        let eighths = max(1, Int((Double(value) / Double(most) * Double(width * 8)).rounded()))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }
}
