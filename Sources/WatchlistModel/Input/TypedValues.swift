/// A tag as stored: made from what was typed by `InputText.tag` (lower case, NFC, one space
/// between words, no comma, at most `InputText.maximumTagLength`). The core takes tags only
/// in this form, so no text reaches the database unchecked.
public struct Tag: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let name: String

    public init(_ raw: String) throws {
        name = try InputText.tag(raw)
    }

    /// Tags as typed on one command line: each made a tag, the repeated ones once; at least one.
    public static func list(_ raw: [String]) throws -> [Tag] {
        guard !raw.isEmpty else { throw WatchlistError.invalidArgument("Name at least one tag.") }
        var seen = Set<Tag>()
        return try raw.map(Tag.init).filter { seen.insert($0).inserted }
    }

    public var description: String { name }

    public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.name < rhs.name }
}

/// A note's text as stored: checked and normalised by `InputText.note` (no NUL, not blank,
/// trimmed, NFC, at most `InputText.maximumNoteLength`).
public struct NoteText: Hashable, Sendable {
    public let text: String

    public init(_ raw: String) throws {
        text = try InputText.note(raw)
    }
}
