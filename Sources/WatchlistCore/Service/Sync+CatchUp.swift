import Foundation

/// A new device starts from a snapshot instead of replaying years of files, and a device
/// writes a snapshot again once its files since the last one outweigh it (README "Several
/// devices").
extension Watchlist {
    /// A device writes a snapshot when the changesets it wrote since its latest snapshot are
    /// more than twice that snapshot's size and twice what one would weigh now
    /// (`Store.setWritten`), and at least this many bytes.
    static let snapshotAfterBytes: Int64 = 1 << 20

    /// The snapshot a device that holds nothing of its own yet starts from: of all devices'
    /// latest snapshots, the one that covers the most files (its own number and the files of
    /// others its writer had applied). Nil when the database holds rows of its own, or has
    /// applied any file: starting from a snapshot skips the removals in the files before it,
    /// which rows of its own would need.
    func catchUpStart(_ folder: SyncFolder, devices: [String: SyncFolder.DeviceFiles], own: String,
                      peers: [String: (name: String, applied: Int64)]) throws -> (device: String, sequence: Int64, seen: [String: Int64])? {
        guard peers.isEmpty else { return nil }
        let holds = try database.read { store in
            try Store.personalRecords.contains { record in
                try store.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM \(record.table) WHERE \(record.condition))") ?? false
            }
        }
        guard !holds else { return nil }
        var best: (device: String, sequence: Int64, seen: [String: Int64], covers: Int64)?
        for (id, found) in devices.sorted(by: { $0.key < $1.key }) {
            for sequence in found.files.keys.sorted(by: >) {
                guard let path = found.files[sequence], let header = try? SyncFile.peekHeader(folder.readStart(path)) else { continue }
                guard header.kind == .snapshot, header.device == id, header.sequence == sequence else { continue }
                let seen = header.seen.filter { $0.key != own && $0.key != id }
                let covers = sequence + seen.values.reduce(0, +)
                if covers > (best?.covers ?? 0) { best = (id, sequence, seen, covers) }
                break
            }
        }
        guard let best, best.covers > 1 else { return nil }
        return (best.device, best.sequence, best.seen)
    }

}

extension SyncFile {
    /// The header of a file's first bytes, unchecked (its checksum needs the whole file): only
    /// to choose where a new device starts; the file is checked whole when it is applied.
    static func peekHeader(_ bytes: [UInt8]) -> Header? {
        guard bytes.starts(with: magic), let newline = bytes[magic.count...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return try? JSONDecoder().decode(Header.self, from: Data(bytes[magic.count..<newline]))
    }
}

extension SyncFolder {
    /// A file's first bytes (at most its header's length and the magic), not following a link.
    func readStart(_ file: String) throws -> [UInt8] {
        let descriptor = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw WatchlistError.unreadableInput(path: file, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: SyncFile.magic.count + SyncFile.maximumHeader + 1)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, 0) }
        return count > 0 ? Array(bytes.prefix(count)) : []
    }
}
