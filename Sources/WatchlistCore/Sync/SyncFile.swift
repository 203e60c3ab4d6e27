import Foundation

/// One file of a device's folder in the sync folder: `DIR/<device>/<sequence>.wlsync`, written
/// once (temp file and rename) and never rewritten. Everything in it is data from elsewhere,
/// checked before anything of it is applied:
///
///     WATCHLIST SYNC 1\n                       the magic and the format's version
///     {"device":…,"sequence":…,…}\n            the header: one line of JSON, at most 64 KiB
///     entries                                   each: 4-byte length, its time; 8-byte length, its changeset
///     SHA-256 of everything before it           32 bytes: a torn or truncated file fails it
///
/// The header names the device and the sequence number, which must be the file's own folder
/// and name (a file moved or copied under another name is refused), the schema version the
/// changesets were recorded with, and what the file is: a device's changes, or a snapshot of
/// its whole diary (its first file, and the start a new device can take).
struct SyncFile: Equatable {
    enum Kind: String, Codable { case changes, snapshot }

    struct Header: Codable, Equatable {
        var device: String
        var name: String
        var sequence: Int64
        var schema: Int
        var kind: Kind
        var entries: Int
        var writtenAt: String
        /// The last of the writer's own outbox entries the file holds (the writer's bookkeeping:
        /// a device that stopped between writing a file and noting it takes it up again).
        var outbox: Int64
        /// The last file of each other device the writer had applied when it wrote this one:
        /// the file follows them, and is applied after them.
        var seen: [String: Int64]
    }

    struct Entry: Equatable {
        /// The change's time on the hybrid logical clock (`SyncClock`).
        var at: String
        var changeset: Changeset
    }

    var header: Header
    var entries: [Entry]

    static let magic = Array("WATCHLIST SYNC 1\n".utf8)
    static let extensionName = "wlsync"
    /// The largest file read: a bigger one is refused before it is read (its size is known).
    static let maximumSize: Int64 = 1 << 30
    static let maximumHeader = 64 << 10

    /// `0000000042.wlsync`: numbers sort as text, and a name is only digits and the extension.
    static func fileName(_ sequence: Int64) -> String {
        let digits = String(sequence)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits + "." + extensionName
    }

    /// The sequence number a file name says, when it is one of ours (1 to 12 digits).
    static func sequence(ofFileName name: String) -> Int64? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1] == extensionName, (1...12).contains(parts[0].count),
              parts[0].utf8.allSatisfy({ (48...57).contains($0) }), let number = Int64(parts[0]), number > 0 else { return nil }
        return number
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = SyncFile.magic
        bytes += Array((try? encoder.encode(header)) ?? Data()) + [UInt8(ascii: "\n")]
        for entry in entries {
            let at = Array(entry.at.utf8)
            bytes += SyncFile.bigEndian(UInt64(at.count), width: 4) + at
            bytes += SyncFile.bigEndian(UInt64(entry.changeset.bytes.count), width: 8) + entry.changeset.bytes
        }
        return bytes + SHA256.hash(bytes)
    }

    /// Why a file is not applied.
    enum Refusal: Error, Equatable {
        /// Not one of ours, torn, truncated or damaged: skipped, named, retried at the next sync.
        case damaged(String)
        /// Written by another version of watchlist: it, and the device's later files, wait for an upgrade.
        case waiting(String)
    }

    /// The oldest schema whose files this build applies: every schema from it to this build's
    /// has the same shared tables, column for column (a migration that changes only what is
    /// local, or a CHECK, keeps it; `SyncSchemaTests` fails when one changes a shared table's
    /// columns without raising it, or translating such files). Sync began at 11.
    static let oldestReadableSchema = 11

    /// Reads a file's bytes, checking everything before trusting anything: the magic, the
    /// header (its device and sequence must be `device` and `sequence`, the folder and the name
    /// it was found under), the checksum, then every entry's bounds. `schema` is this build's.
    static func decode(_ bytes: [UInt8], device: String, sequence: Int64, schema: Int) throws(Refusal) -> SyncFile {
        guard bytes.count >= magic.count + 32 + 2 else { throw .damaged("it is too short to be a sync file (\(bytes.count) bytes)") }
        guard Array(bytes.prefix(magic.count)) == magic else {
            if bytes.starts(with: Array("WATCHLIST SYNC ".utf8)) {
                throw .waiting("it is a sync file of a newer format, written by a newer watchlist: upgrade watchlist to apply it")
            }
            throw .damaged("it is not a watchlist sync file")
        }
        let bodyEnd = bytes.count - 32
        guard SHA256.hash(Array(bytes[..<bodyEnd])) == Array(bytes[bodyEnd...]) else {
            throw .damaged("its checksum does not match: it is torn, truncated or altered")
        }
        guard let newline = bytes[magic.count..<min(bodyEnd, magic.count + maximumHeader)].firstIndex(of: UInt8(ascii: "\n")) else {
            throw .damaged("its header is missing or longer than \(maximumHeader / 1024) KiB")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[magic.count..<newline]))
        } catch {
            throw .damaged("its header is not one watchlist writes")
        }
        guard header.device == device else { throw .damaged("its header names device '\(header.device.oneLine.prefix(40))', not the folder it is in") }
        guard header.sequence == sequence else { throw .damaged("its header says it is file \(header.sequence), not the number of its name") }
        guard header.schema <= schema else {
            throw .waiting("it was written by a newer watchlist (database schema \(header.schema); this one knows \(schema)): upgrade watchlist to apply it")
        }
        guard header.schema >= SyncFile.oldestReadableSchema else {
            throw .waiting("it was written by an older watchlist (database schema \(header.schema); this one knows \(schema)): upgrade watchlist on the device that wrote it")
        }
        guard (0...1_000_000).contains(header.entries), !header.name.isEmpty, header.name.count <= 64, header.seen.count <= 10_000,
              header.seen.allSatisfy({ SyncClock.isDeviceId($0.key) && $0.value > 0 }) else {
            throw .damaged("its header is not one watchlist writes")
        }
        var entries: [Entry] = []
        var at = newline + 1
        func take(_ count: Int) throws(Refusal) -> ArraySlice<UInt8> {
            guard count >= 0, count <= bodyEnd - at else { throw .damaged("an entry runs past the end of the file") }
            defer { at += count }
            return bytes[at..<(at + count)]
        }
        for _ in 0..<header.entries {
            let timeLength = Int(number(try take(4)))
            guard timeLength <= 64 else { throw .damaged("an entry's time is not one watchlist writes") }
            let time = String(decoding: try take(timeLength), as: UTF8.self)
            guard SyncClock.isTime(time) else { throw .damaged("an entry's time '\(time.oneLine.prefix(40))' is not one watchlist writes") }
            let length = number(try take(8))
            guard length > 0, length <= UInt64(bodyEnd - at) else { throw .damaged("an entry runs past the end of the file") }
            entries.append(Entry(at: time, changeset: Changeset(bytes: Array(try take(Int(length))))))
        }
        guard at == bodyEnd else { throw .damaged("it holds more than its header says") }
        return SyncFile(header: header, entries: entries)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func bigEndian(_ value: UInt64, width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
    }
}

/// A sync file's body with its checksum appended, as `SyncFile.encoded` ends one: for the fuzz
/// target of sync files (scripts/fuzz.sh), which mutates bodies and must reach past the checksum.
public enum SyncFileSealing {
    public static func seal(_ body: [UInt8]) -> [UInt8] { body + SHA256.hash(body) }
}
