import Foundation

/// The keys of the shared tables' rows: positive 63-bit integers that mean the same row on every
/// device (the rule, with its collision odds, is in docs/ARCHITECTURE.md "Keys"):
/// - a row a command makes has a time-ordered random key (`random`): the milliseconds since
///   2020 in its 41 high bits, 22 random bits below, so that keys made one after the other are
///   mostly in order (their inserts append) and two devices never make the same one in practice;
/// - a row an import makes from a file, a built-in film, and every row that existed before keys
///   (the v10 migration) has a key derived from what it is (`derived`): the first 63 bits of the
///   SHA-256 of its parts joined by U+001F, so that the same export imported on two devices, and
///   a database migrated from the previous version, make the same keys.
/// A key is never 0 (that is no row) and never negative.
enum RowKey {
    /// 2020-01-01T00:00:00Z, in milliseconds since 1970.
    private static let epoch: UInt64 = 1_577_836_800_000

    /// A new key for a row a command makes.
    static func random(now: Date = Date()) -> Int64 {
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000)) &- epoch
        let key = ((milliseconds & ((1 << 41) - 1)) << 22) | UInt64.random(in: 0..<(1 << 22))
        return Int64(max(key, 1))
    }

    /// The key of a row that is what `parts` say ("film", "title", "The Ascent", "1977").
    static func derived(_ parts: [String]) -> Int64 {
        var message: [UInt8] = []
        message.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count } + 72)
        for (index, part) in parts.enumerated() {
            if index > 0 { message.append(0x1F) }
            message.append(contentsOf: part.utf8)
        }
        let key = Int64(bitPattern: SHA256.first64Bits(of: &message) >> 1)
        return key == 0 ? 1 : key
    }

    static func derived(_ parts: String...) -> Int64 { derived(parts) }
}

/// SHA-256 (FIPS 180-4), for derived keys: Foundation on Linux has none, and a key needs only
/// the digest of a few dozen bytes.
enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `message`.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var copy = message
        let h = digest(padding: &copy)
        return [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) } }
    }

    /// The digest's first 64 bits, big-endian: a key's source. `message` is padded in place
    /// (one buffer, no other allocation: an import derives a key for every row).
    static func first64Bits(of message: inout [UInt8]) -> UInt64 {
        let h = digest(padding: &message)
        return UInt64(h.0) << 32 | UInt64(h.1)
    }

    private typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    private static func digest(padding data: inout [UInt8]) -> Words {
        let bits = UInt64(data.count) * 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        var h: Words = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        @inline(__always) func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            data.withUnsafeBufferPointer { bytes in
                for block in stride(from: 0, to: bytes.count, by: 64) {
                    for i in 0..<16 {
                        let at = block + 4 * i
                        w[i] = UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
                    }
                    for i in 16..<64 {
                        let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                        let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var (a, b, c, d, e, f, g, hh) = h
                    for i in 0..<64 {
                        let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                        let choice = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
                        let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ majority)
                    }
                    h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
                }
            }
        }
        return h
    }
}

/// The derived keys, one rule each, shared by imports, the built-in collection and the v10
/// migration (which gives every row that existed before keys the key it would have now).
extension RowKey {
    /// A film is known by its title as written when it was first recorded and its year: what
    /// every file has, and what stays (titles never change). Not by an id: Letterboxd's files
    /// carry a film link in some files and not in others, and an IMDb id often arrives after
    /// the film (a Trakt import after a Letterboxd one), so that a key from an id would depend
    /// on which came first, and a database migrated from before keys would not meet a fresh
    /// import. "Rain" and "rain" of 2019 are two films, with two keys.
    static func film(title: String, year: Int?) -> Int64 {
        derived("film", "title", title, year.map(String.init) ?? "")
    }

    /// A film's viewing: its day (or "unknown", or "placeholder") and which of the film's
    /// viewings of that day it is (0, 1…), under its film's prefix.
    static func viewing(filmId: Int64, day: Day?, placeholder: Bool, occurrence: Int) -> Int64 {
        underFilm(filmId, derived("viewing", String(filmId), placeholder ? "placeholder" : day?.iso ?? "unknown", String(occurrence)))
    }

    /// The bits of a film's key that the keys of its viewings and facts begin with.
    static let filmPrefixBits = 16

    /// `key` with its high bits replaced by those of the film's key: a film's viewings and facts
    /// are near each other in their tables, so that an import, which writes them a film at a
    /// time, touches a page a film instead of a page a row (a million-row import: 1.68× → see
    /// BENCHMARKS.md). Two rows' keys still differ in 63 bits of SHA-256 but for rows of films
    /// whose prefixes meet: the odds stay those of 63 bits (docs/ARCHITECTURE.md "Keys").
    static func underFilm(_ filmId: Int64, _ key: Int64) -> Int64 {
        let low = 63 - filmPrefixBits
        let combined = (filmId >> low) << low | (key & ((1 << low) - 1))
        return combined == 0 ? 1 : combined
    }

    /// A note: its entry (a review's link), else its film and text.
    static func note(filmId: Int64, source: String?, text: String) -> Int64 {
        source.map { derived("note", $0) } ?? derived("note", String(filmId), text)
    }

    /// A film fact: its film, source, field and place among the field's values.
    static func fact(filmId: Int64, source: String, field: String, position: Int) -> Int64 {
        underFilm(filmId, derived("fact", String(filmId), source, field, String(position)))
    }

    /// A collection: an imported list by where it comes from, any other by its slug.
    static func collection(origin: String?, slug: String) -> Int64 {
        origin.map { derived("collection", "origin", $0) } ?? derived("collection", "slug", slug)
    }
}
