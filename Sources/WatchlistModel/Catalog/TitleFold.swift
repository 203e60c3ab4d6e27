import Foundation

/// The hash of what `TitleKey.fold` makes of a title, made from the title's UTF-8 bytes as they
/// are read, without the folded text: how a pass over IMDb's datasets asks tens of millions of
/// titles whether a film of the diary has them. ASCII is folded byte by byte as `foldASCII`
/// folds it; a scalar beyond ASCII is folded once (`scalar`, with Foundation, as `fold` folds
/// it) and remembered. A title whose fold depends on its scalars together (a combining mark, a
/// joiner, anything that extends a grapheme) gets nil: the caller folds it whole. Equal to
/// `TitleKey.hash(TitleKey.fold(title))` wherever it answers (tested on real titles, random
/// ones, and by the fuzz target `datasets`).
public enum TitleFold {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// What one scalar folds to on its own, packed in 64 bits: up to 7 bytes of letters and
    /// their count in the top byte, or one of the marks below.
    typealias Packed = UInt64
    /// Between words.
    static let separator: Packed = 0xFE << 56
    /// Nothing (an apostrophe: "don't" is "dont").
    static let skip: Packed = 0xFD << 56
    /// Folded only with its neighbours (or to more than 7 bytes): the title is folded whole.
    static let complex: Packed = 0xFF << 56
    /// Not folded yet.
    static let unknown: Packed = 0xFC << 56

    /// The folds of the scalars met so far: the first plane in a table, the rest by value.
    public struct Scalars {
        var plane: [Packed] = []
        var others: [UInt32: Packed] = [:]
        public init() {}

        mutating func fold(_ value: UInt32) -> Packed? {
            if value < 0x1_0000 {
                if plane.isEmpty { plane = [Packed](repeating: TitleFold.unknown, count: 0x1_0000) }
                let known = plane[Int(value)]
                if known != TitleFold.unknown { return known }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                let fold = TitleFold.scalar(scalar)
                plane[Int(value)] = fold
                return fold
            }
            if let known = others[value] { return known }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            let fold = TitleFold.scalar(scalar)
            others[value] = fold
            return fold
        }
    }

    /// FNV-1a, 64 bits, of a folded key's UTF-8: what `hash(_:_:_:folds:)` makes of its title.
    public static func hash(_ key: String) -> UInt64 {
        var value = basis
        for byte in key.utf8 { value = (value ^ UInt64(byte)) &* prime }
        return value
    }

    /// The same for a title given as bytes (tests).
    public static func hash(_ title: ArraySlice<UInt8>, folds: inout Scalars) -> UInt64? {
        title.withUnsafeBufferPointer { hash($0, 0, $0.count, folds: &folds) }
    }

    /// The hash of the fold of the title in `line[start..<end]`; nil when the title must be
    /// folded whole (or is not UTF-8).
    static func hash(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, folds: inout Scalars) -> UInt64? {
        var hasher = Hasher()
        var index = start
        while index < end {
            let byte = line[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x61...0x7A, 0x30...0x39: hasher.letter(byte)
                case 0x41...0x5A: hasher.letter(byte + 32)
                case 0x27: continue
                default: hasher.separator()
                }
                continue
            }
            // A scalar beyond ASCII: its UTF-8 read here, its fold looked up.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            guard length > 0, index + length <= end else { return nil }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                let next = line[index + offset]
                guard next & 0xC0 == 0x80 else { return nil }
                value = value << 6 | UInt32(next & 0x3F)
            }
            index += length
            guard let fold = folds.fold(value) else { return nil }
            switch fold {
            case TitleFold.separator: hasher.separator()
            case TitleFold.skip: continue
            case TitleFold.complex: return nil
            default:
                let count = Int(fold >> 56)
                for place in stride(from: 8 * (count - 1), through: 0, by: -8) { hasher.letter(UInt8(truncatingIfNeeded: fold >> UInt64(place))) }
            }
        }
        return hasher.finish()
    }

    /// What `TitleKey.fold` makes of one scalar, when that does not depend on its neighbours.
    static func scalar(_ scalar: Unicode.Scalar) -> Packed {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .surrogate, .privateUse, .unassigned: return complex
        default: break
        }
        if properties.isGraphemeExtend || properties.isVariationSelector || properties.isEmojiModifier || properties.isEmojiModifierBase
            || (0x1F1E6...0x1F1FF).contains(scalar.value) || (0x1100...0x11FF).contains(scalar.value) || (0xA960...0xA97F).contains(scalar.value)
            || (0xD7B0...0xD7FF).contains(scalar.value) {
            return complex
        }
        let folded = String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var letters: [UInt8] = []
        var separated = false
        for character in folded {
            if let spelled = TitleKey.undecomposed[character] {
                letters += Array(spelled.utf8)
            } else if character.isLetter || character.isNumber {
                letters += Array(String(character).utf8)
            } else if character == "'" || character == "\u{2019}" {
                continue
            } else {
                separated = true
            }
            // A fold that is letters and a separator is a word boundary inside one scalar.
            if separated && !letters.isEmpty { return complex }
        }
        guard !letters.isEmpty else { return separated ? separator : skip }
        guard letters.count <= 7 else { return complex }
        var packed = Packed(letters.count) << 56
        for (offset, byte) in letters.enumerated() { packed |= Packed(byte) << Packed(8 * (letters.count - 1 - offset)) }
        return packed
    }

    /// FNV-1a over the key as `fold` makes it, word by word: the first word held (up to three
    /// bytes) until it is known whether it is an article that goes ("the", "a", "an" followed by
    /// another word).
    struct Hasher {
        var value = TitleFold.basis
        var first: UInt32 = 0, firstLength = 0, inFirst = true
        var pendingSpace = false

        mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* TitleFold.prime }

        mutating func separator() { pendingSpace = firstLength > 0 }

        mutating func flushFirst() {
            for shift in stride(from: 8 * (firstLength - 1), through: 0, by: -8) where firstLength > 0 {
                add(UInt8((first >> UInt32(shift)) & 0xFF))
            }
        }

        mutating func letter(_ byte: UInt8) {
            guard inFirst else {
                if pendingSpace {
                    add(0x20)
                    pendingSpace = false
                }
                add(byte)
                return
            }
            if pendingSpace {
                // A second word: the first goes if it is an article, else it is hashed.
                inFirst = false
                pendingSpace = false
                let article = (firstLength == 3 && first == 0x74_6865) || (firstLength == 1 && first == 0x61) || (firstLength == 2 && first == 0x616E)
                if !article {
                    flushFirst()
                    add(0x20)
                }
                add(byte)
            } else if firstLength < 3 {
                first = first << 8 | UInt32(byte)
                firstLength += 1
            } else {
                // Four bytes: no article. What was held is hashed, and the rest as it comes.
                inFirst = false
                flushFirst()
                add(byte)
            }
        }

        mutating func finish() -> UInt64 {
            if inFirst { flushFirst() }
            return value
        }
    }
}
