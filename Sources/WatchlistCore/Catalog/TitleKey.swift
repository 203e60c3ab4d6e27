import Foundation

/// Folds a title the way people type it: "The Ascent", "ascent" and "ASCENT" all become
/// "ascent"; "Solaris (Солярис)" and "Солярис" share "солярис"; "Amélie" becomes "amelie".
public enum TitleKey {
    /// Leading words dropped from a title of more than one word.
    static let articles: Set<Substring> = ["the", "a", "an"]

    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [Substring] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
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
}
