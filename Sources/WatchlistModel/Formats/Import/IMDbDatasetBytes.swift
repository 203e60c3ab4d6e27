import Foundation

/// What a pass over IMDb's dataset files asks of every line before reading it: its id as a
/// number and the folded key of its titles, from the bytes, without making a string. Millions of
/// lines concern no film of a diary; these tests let a pass leave them unread at about the cost
/// of unpacking them (BENCHMARKS.md "IMDb's datasets"). They only ever say "maybe" too often,
/// never "no" wrongly: a line they pass is read and checked in full (`IMDbDatasetRow`).
extension IMDbDataset {
    /// The field at `index` (0-based) of a line, the others left unsplit; nil when the line
    /// has fewer.
    public static func field(_ line: ArraySlice<UInt8>, _ index: Int) -> ArraySlice<UInt8>? {
        line.withUnsafeBufferPointer { buffer in
            field(buffer, index).map { line[(line.startIndex + $0.start)..<(line.startIndex + $0.end)] }
        }
    }

    /// The same on a line's bytes in memory: the field's bounds.
    static func field(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> (start: Int, end: Int)? {
        guard let base = line.baseAddress else { return index == 0 ? (0, 0) : nil }
        var start = 0
        for _ in 0..<index {
            guard let tab = memchr(base + start, 0x09, line.count - start) else { return nil }
            start = base.distance(to: tab.assumingMemoryBound(to: UInt8.self)) + 1
        }
        let end = memchr(base + start, 0x09, line.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? line.count
        return (start, end)
    }

    /// The number of an id with its two-letter prefix (`tt0075404` → 75404); nil for anything
    /// else, or more than 10 digits. `tt075404` and `tt0075404` share a number: a test, not a
    /// name.
    public static func idNumber(_ field: ArraySlice<UInt8>, prefix: (UInt8, UInt8)) -> Int? {
        field.withUnsafeBufferPointer { idNumber($0, 0, $0.count, prefix: prefix) }
    }

    static func idNumber(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, prefix: (UInt8, UInt8)) -> Int? {
        guard end - start >= 3, end - start <= 12, line[start] == prefix.0, line[start + 1] == prefix.1 else { return nil }
        var number = 0
        for index in (start + 2)..<end {
            let byte = line[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return number
    }
}

/// A set of numbers (or hashes) that answers "maybe" or "certainly not" from one bit, before a
/// `Set` is asked: 2^20 bits, 128 KiB.
struct BitFilter: Sendable {
    private var words = [UInt64](repeating: 0, count: 1 << 14)

    private static func bit(_ value: UInt64) -> Int { Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 44) }

    mutating func insert(_ value: UInt64) {
        let bit = BitFilter.bit(value)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func mayContain(_ value: UInt64) -> Bool {
        let bit = BitFilter.bit(value)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}

/// Which lines of a dataset file may concern a film of the diary, asked of each line's bytes
/// before it is split (`IMDbMatching.lineTest`): a line whose id and titles say "certainly not"
/// is left unread. Made once a pass, so the pass asks a fixed test (a class: the closure that
/// asks it holds a reference, never a copy of its sets).
public final class IMDbLineTest {
    let dataset: IMDbDataset
    private let titles: Set<UInt64>
    private let titleFilter: BitFilter
    private let ids: Set<Int>
    private let idFilter: BitFilter
    /// What each scalar beyond ASCII met so far folds to (`TitleFold.scalar`).
    private var folds = TitleFold.Scalars()

    init(_ dataset: IMDbDataset, titles: Set<UInt64>, ids: Set<Int>) {
        self.dataset = dataset
        (self.titles, self.ids) = (titles, ids)
        var titleFilter = BitFilter(), idFilter = BitFilter()
        for hash in titles { titleFilter.insert(hash) }
        for id in ids { idFilter.insert(UInt64(id)) }
        (self.titleFilter, self.idFilter) = (titleFilter, idFilter)
    }

    private func mayBeTitle(_ line: UnsafeBufferPointer<UInt8>, _ bounds: (start: Int, end: Int)) -> Bool {
        guard let hash = TitleFold.hash(line, bounds.start, bounds.end, folds: &folds) else { return true }
        return titleFilter.mayContain(hash) && titles.contains(hash)
    }

    private func hasId(_ id: Int) -> Bool { idFilter.mayContain(UInt64(id)) && ids.contains(id) }

    /// False only when the line certainly concerns no film. A line that is not one of the
    /// dataset's is read, so that its problem is named.
    public func mayConcern(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { line in
            guard let first = IMDbDataset.field(line, 0), let id = IMDbDataset.idNumber(line, first.start, first.end, prefix: (0x74, 0x74)) else {
                return true
            }
            switch dataset {
            case .titleBasics:
                if hasId(id) { return true }
                guard let primary = IMDbDataset.field(line, 2), let original = IMDbDataset.field(line, 3) else { return true }
                return mayBeTitle(line, primary) || mayBeTitle(line, original)
            case .titleAkas:
                guard let title = IMDbDataset.field(line, 2) else { return true }
                return mayBeTitle(line, title)
            case .titleRatings: return hasId(id)
            case .titleCrew, .nameBasics: return true
            }
        }
    }
}

/// Ids a pass keeps the lines of (the matched titles' in title.crew, their directors' in
/// name.basics), asked of a line's first field as bytes.
public final class IMDbIdSet: Sendable {
    private let numbers: Set<Int>
    private let filter: BitFilter
    private let prefix: (UInt8, UInt8)

    /// `prefix`: "tt" or "nm".
    public init(_ ids: some Sequence<String>, prefix: String) {
        let bytes = Array(prefix.utf8)
        self.prefix = (bytes[0], bytes[1])
        numbers = Set(ids.compactMap { IMDbDataset.idNumber(Array($0.utf8)[...], prefix: (bytes[0], bytes[1])) })
        var filter = BitFilter()
        for number in numbers { filter.insert(UInt64(number)) }
        self.filter = filter
    }

    /// Whether the line's first field may be one of the ids; a first field that is no id is a
    /// line to read (and name).
    public func mayHold(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { line in
            guard let first = IMDbDataset.field(line, 0), let id = IMDbDataset.idNumber(line, first.start, first.end, prefix: prefix) else { return true }
            return filter.mayContain(UInt64(id)) && numbers.contains(id)
        }
    }
}
