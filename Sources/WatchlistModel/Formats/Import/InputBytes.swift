import Foundation

/// The bytes of an input file, read front to back by the CSV reader: in memory (a member of a
/// .zip, standard input), or a file mapped into memory by the service, whose pages already read
/// are let go as the reader moves on (`letGo(before:)`), so that a diary of hundreds of
/// megabytes is read in a few of memory. A second pass over the bytes (the one that decides
/// how a spreadsheet wrote its dates) reads them from the file again.
public final class InputBytes: @unchecked Sendable {
    /// The bytes, from `start` on.
    public let buffer: UnsafeBufferPointer<UInt8>
    private let owner: Owner

    /// What keeps the memory alive, and lets pages go.
    final class Owner: @unchecked Sendable {
        let release: () -> Void
        let letGo: ((UnsafeRawPointer) -> Void)?
        let changed: (() -> Bool)?

        init(release: @escaping () -> Void, letGo: ((UnsafeRawPointer) -> Void)?, changed: (() -> Bool)? = nil) {
            (self.release, self.letGo, self.changed) = (release, letGo, changed)
        }

        deinit { release() }
    }

    private init(buffer: UnsafeBufferPointer<UInt8>, owner: Owner) {
        (self.buffer, self.owner) = (buffer, owner)
    }

    /// Bytes in memory, copied.
    public convenience init(_ bytes: [UInt8]) {
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = memory.initialize(from: bytes)
        self.init(buffer: UnsafeBufferPointer(start: memory.baseAddress, count: bytes.count),
                  owner: Owner(release: { memory.deallocate() }, letGo: nil))
    }

    /// Memory someone else made (a mapped file): `release` unmaps it; `letGo` gives back the
    /// pages before the address it is given, which the reader is done with (`madvise`);
    /// `changed` says whether the file changed while it was read (the bytes are then not the
    /// file's, and nothing read from them may be kept).
    public convenience init(mapped start: UnsafePointer<UInt8>, count: Int, release: @escaping () -> Void,
                            letGo: @escaping (UnsafeRawPointer) -> Void, changed: @escaping () -> Bool) {
        self.init(buffer: UnsafeBufferPointer(start: start, count: count), owner: Owner(release: release, letGo: letGo, changed: changed))
    }

    /// Whether the file changed while it was read (shrank, grew, or was written): what was
    /// read from it is then not what it holds.
    public var changedWhileRead: Bool { owner.changed?() ?? false }

    public var count: Int { buffer.count }

    /// The bytes after the first `n` (a byte-order mark), sharing the memory.
    func dropping(_ n: Int) -> InputBytes {
        InputBytes(buffer: UnsafeBufferPointer(rebasing: buffer[min(n, buffer.count)...]), owner: owner)
    }

    /// A copy as an array: for the formats read whole (JSON).
    public var array: [UInt8] { Array(buffer) }

    /// Gives back the memory of the bytes before `offset`, which the reader is done with (a
    /// mapped file's pages; nothing for bytes in memory).
    func letGo(before offset: Int) {
        guard let letGo = owner.letGo, let base = buffer.baseAddress, offset > 0 else { return }
        letGo(UnsafeRawPointer(base + min(offset, buffer.count)))
    }
}
