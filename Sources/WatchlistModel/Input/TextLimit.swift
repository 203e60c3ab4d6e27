import Foundation

/// Every limit on stored text, in one place, whichever way the text comes in: typed, read
/// from standard input, from a CSV export, a JSON document or a collection file. The schema's
/// CHECKs hold bounds at least as wide (`TextLimitTests` checks each against the live schema),
/// so that a value the tool accepts is never refused by the database, and an export always
/// imports back.
///
/// A length is counted as the schema counts it, with SQLite's `length()`: in Unicode code
/// points, of the text in NFC form (`InputText.normalized`), the form every text is stored in.
/// "é" is one whether it was typed as one code point or two; 👨‍👩‍👧 is five.
public enum TextLimit: String, Sendable, CaseIterable {
    case title
    case filmDescription = "description"
    case filmFact = "fact"
    case note
    case entryNote = "entry note"
    case collectionTitle = "collection title"
    case collectionDescription = "collection description"
    case tag
    case factValue = "film fact"
    case noteSource = "review link"
    case origin = "list origin"
    case identifier = "film id"
    case reference = "film reference"
    case search

    /// The most code points the text may hold.
    public var maximum: Int {
        switch self {
        case .title, .reference, .search: 500
        case .filmDescription, .filmFact: 10_000
        case .note, .entryNote, .collectionDescription: 100_000
        case .collectionTitle, .factValue, .noteSource, .identifier: 200
        case .tag: 100
        case .origin: 300
        }
    }

    /// The words a message uses for it: "note", "collection title".
    public var what: String { rawValue }

    /// Whether `text` (already normalized) is within the limit.
    public func allows(_ text: String) -> Bool {
        // The byte count bounds the code points from above: most texts need no count.
        text.utf8.count <= maximum || text.unicodeScalars.count <= maximum
    }

    /// The length the limit counts, for messages.
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }
}

extension InputText {
    /// Text in the form it is stored and compared in: Unicode's NFC, so that "café" typed with
    /// one code point or with "e" and an accent is the same text, the same tag, the same key.
    /// ASCII is returned as it is.
    public static func normalized(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// `text` checked against `limit`; textTooLong (64) names the length and the limit.
    public static func within(_ text: String, _ limit: TextLimit) throws -> String {
        guard limit.allows(text) else {
            throw WatchlistError.textTooLong(what: limit.what, length: TextLimit.length(text), limit: limit.maximum)
        }
        return text
    }
}
