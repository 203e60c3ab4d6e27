/// What a pass over IMDb's dataset files asks of every line before reading it: its id as a
/// number and the folded key of its titles, from the bytes, without making a string. Millions of
/// lines concern no film of a diary; these tests let a pass leave them unread at about the cost
/// of unpacking them (BENCHMARKS.md "IMDb's datasets"). They only ever say "maybe" too often,
/// never "no" wrongly: a line they pass is read and checked in full (`IMDbDatasetRow`).
extension IMDbDataset {
    /// The field at `index` (0-based) of a line, the others left unsplit; nil when the line
    /// has fewer.
    public static func field(_ line: ArraySlice<UInt8>, _ index: Int) -> ArraySlice<UInt8>? {
        var start = line.startIndex
        for _ in 0..<index {
            guard let tab = line[start...].firstIndex(of: 0x09) else { return nil }
            start = tab + 1
        }
        return line[start..<(line[start...].firstIndex(of: 0x09) ?? line.endIndex)]
    }

    /// The number of an id with its two-letter prefix (`tt0075404` → 75404); nil for anything
    /// else, or more than 10 digits. `tt075404` and `tt0075404` share a number: a test, not a
    /// name.
    public static func idNumber(_ field: ArraySlice<UInt8>, prefix: (UInt8, UInt8)) -> Int? {
        guard field.count >= 3, field.count <= 12, field[field.startIndex] == prefix.0, field[field.startIndex + 1] == prefix.1 else { return nil }
        var number = 0
        for byte in field.dropFirst(2) {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return number
    }
}

extension TitleKey {
    /// FNV-1a, 64 bits, of a folded key's UTF-8.
    public static func hash(_ key: String) -> UInt64 {
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBufferPointer { hash($0[...]) }
    }

    private static func hash(_ bytes: Slice<UnsafeMutableBufferPointer<UInt8>>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }

    /// The hash of what `fold` makes of a title given as its bytes, made as `foldASCII` makes
    /// it, in `scratch`: nil when the title has a byte beyond ASCII or is longer than `scratch`
    /// (the caller folds it then).
    public static func asciiFoldHash(_ title: ArraySlice<UInt8>, scratch: inout [UInt8]) -> UInt64? {
        guard title.count <= scratch.count else { return nil }
        return scratch.withUnsafeMutableBufferPointer { buffer -> UInt64? in
            var count = 0
            var pendingSpace = false
            for byte in title {
                let lower: UInt8
                switch byte {
                case 0x61...0x7A, 0x30...0x39: lower = byte
                case 0x41...0x5A: lower = byte + 32
                case 0x27: continue
                case 0x80...: return nil
                default:
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = lower
                count += 1
            }
            // A leading article goes when another word follows ("the ", "a ", "an ").
            var start = 0
            if count > 4, buffer[0] == 0x74, buffer[1] == 0x68, buffer[2] == 0x65, buffer[3] == 0x20 {
                start = 4
            } else if count > 2, buffer[0] == 0x61, buffer[1] == 0x20 {
                start = 2
            } else if count > 3, buffer[0] == 0x61, buffer[1] == 0x6E, buffer[2] == 0x20 {
                start = 3
            }
            return hash(buffer[start..<count])
        }
    }
}
