import Foundation

/// Folds a title the way people type it: "The Ascent", "ascent" and "ASCENT" all become
/// "ascent"; "Solaris (Солярис)" and "Солярис" share "солярис"; "Amélie" becomes "amelie";
/// letters that do not decompose fold too, as people type them on a keyboard without them:
/// "Utøya" becomes "utoya", "Æon" "aeon", "Łódź" "lodz".
public enum TitleKey {
    /// Leading words dropped from a title of more than one word.
    static let articles: Set<Substring> = ["the", "a", "an"]

    public static func fold(_ text: String) -> String {
        if let ascii = foldASCII(text) { return ascii }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [Substring] = []
        var current = ""
        for character in folded {
            if let spelled = TitleKey.undecomposed[character] {
                current += spelled
            } else if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" {
                continue  // "Don't" and "dont" are the same word.
            } else if !current.isEmpty {
                words.append(Substring(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(Substring(current)) }
        if words.count > 1, articles.contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Letters that Unicode does not decompose into a base letter and a mark, as they are
    /// written without them (ß already folds to "ss" with case). Schema/v5 folds stored keys the same way.
    static let undecomposed: [Character: String] = [
        "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// The same folding for a title that is all ASCII, without Foundation and with one
    /// buffer: most titles are ASCII, and imports fold hundreds of thousands of them. Nil for
    /// any other title.
    static func foldASCII(_ text: String) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): lower = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower = byte + 32
            case UInt8(ascii: "'"): continue
            default:
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace {
                folded.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            folded.append(lower)
        }
        // A leading article goes when another word follows.
        for article in ["the ", "a ", "an "] where folded.starts(with: article.utf8) {
            folded.removeFirst(article.utf8.count)
            break
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
