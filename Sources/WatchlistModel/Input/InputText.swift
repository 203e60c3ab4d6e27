import Foundation

/// The day a viewing happened, as `--on` takes it.
public enum DayChoice: Equatable, Sendable {
    case today
    case yesterday
    case unknown
    case day(Day)

    /// `YYYY-MM-DD`, `today`, `yesterday` or `unknown`.
    public init(parsing text: String) throws {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "today": self = .today
        case "yesterday": self = .yesterday
        case "unknown": self = .unknown
        default:
            guard let day = Day(iso: text.trimmingCharacters(in: .whitespaces)) else {
                throw WatchlistError.invalidDate(text)
            }
            self = .day(day)
        }
    }

    /// The day meant, nil when unknown.
    public func resolve(today: Day) -> Day? {
        switch self {
        case .today: today
        case .yesterday: today.previous
        case .unknown: nil
        case .day(let day): day
        }
    }
}

/// Checks text where it enters: no NUL, not blank, not too long.
public enum InputText {
    /// The longest note: room for a long review.
    public static let maximumNoteLength = TextLimit.note.maximum

    /// The most bytes read for one text (a note on standard input, a field of a file): a
    /// character may take many bytes (👨‍👩‍👧 takes 18), so the limits that matter are counted in
    /// characters once the text is read; this one only bounds the reading.
    public static let maximumTextBytes = 16 << 20

    /// A note's text with surrounding blank space removed, in NFC.
    public static func note(_ raw: String) throws -> String {
        guard !raw.contains("\0") else {
            throw WatchlistError.invalidText(what: "note", problem: "holds a NUL byte")
        }
        let text = normalized(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !text.isEmpty else { throw WatchlistError.emptyNote }
        return try within(text, .note)
    }

    /// The longest tag, counted as TextLimit counts.
    public static let maximumTagLength = TextLimit.tag.maximum

    /// A tag as stored: lower case, NFC, runs of blank space made one space, trimmed.
    public static func tag(_ raw: String) throws -> String {
        guard !raw.contains("\0") else { throw WatchlistError.invalidTag(String(raw.prefix(40)), reason: "it holds a NUL byte") }
        // The length first: a tag cell of megabytes is refused before any work on it.
        guard raw.utf8.count <= 16 * maximumTagLength || raw.unicodeScalars.count <= 4 * maximumTagLength else {
            throw WatchlistError.invalidTag(String(raw.prefix(40)) + "…", reason: "it is \(TextLimit.length(raw)) code points long")
        }
        let tag = normalized(raw.lowercased()).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !tag.isEmpty else { throw WatchlistError.invalidTag(raw, reason: "it is empty") }
        guard !tag.contains(",") else { throw WatchlistError.invalidTag(raw, reason: "it holds a comma") }
        guard !tag.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw WatchlistError.invalidTag(raw, reason: "it holds a control character")
        }
        guard TextLimit.tag.allows(tag) else {
            throw WatchlistError.invalidTag(String(raw.prefix(40)) + "…", reason: "it is \(TextLimit.length(tag)) code points long")
        }
        return tag
    }

    /// A collection slug: 1–64 of a–z, 0–9 and hyphens, not starting with a hyphen.
    public static func slug(_ raw: String) throws -> String {
        guard (1...64).contains(raw.count), raw.first != "-",
              raw.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw WatchlistError.invalidSlug(raw)
        }
        return raw
    }

    /// A slug made from a file name: "French New Wave.txt" → "french-new-wave".
    public static func slug(fromFileName name: String) -> String {
        let base = (name as NSString).deletingPathExtension.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var slug = ""
        for scalar in base.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return String(slug.prefix(64))
    }

    /// Decodes bytes read from a file or standard input: valid UTF-8 and no NUL, or exit 65.
    public static func decode(_ bytes: [UInt8], source: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw WatchlistError.invalidText(what: source, problem: "is not valid UTF-8")
        }
        guard !bytes.contains(0) else {
            throw WatchlistError.invalidText(what: source, problem: "holds a NUL byte")
        }
        return text
    }
}
