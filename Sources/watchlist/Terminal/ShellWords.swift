/// Words written so that a shell reads them back as they were typed, quoted only where they
/// need it and as a person would: `ascent`, `'The Ascent'`, `"Vereshchagin's winter"`, and
/// `'it'\''s "this"'` only when a word holds both kinds of quote.
enum ShellWords {
    /// Characters a shell reads as plain text outside quotes.
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ",", ":", "@", "%", "+", "=": true
        default: scalar.value >= 0x80 && !scalar.properties.isWhitespace
        }
    }

    static func quoted(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isPlain), word.first != "~", !word.hasPrefix("=") { return word }
        if !word.contains("'") { return "'" + word + "'" }
        // Inside double quotes a shell still reads $, `, \ and !.
        if !word.contains(where: { "\"$`\\!".contains($0) }) { return "\"" + word + "\"" }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Words joined by spaces, each quoted as it needs.
    static func joined(_ words: some Sequence<String>) -> String {
        words.map(quoted).joined(separator: " ")
    }
}
