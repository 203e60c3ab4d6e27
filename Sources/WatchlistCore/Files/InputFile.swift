import Foundation
internal import WatchlistSQLiteShim

/// Input files: a regular file, a FIFO, a device such as /dev/stdin, or standard input itself
/// ("-"), read to the end. More than `limit` bytes is refused (65): before reading for a
/// regular file, as soon as the limit is passed otherwise. 66 with the reason when it cannot
/// be read.
enum InputFile {
    /// The name "-" is given for standard input.
    static let standardInput = "-"

    static func read(_ path: String, limit: Int = Watchlist.maximumImportFileBytes) throws -> [UInt8] {
        var descriptor: Int32
        repeat {
            descriptor = path == standardInput ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC)
            // Opening a FIFO waits for its writer: a signal meanwhile stops like any other wait.
            if descriptor < 0 && errno == EINTR { try Interruption.check(outcome: "nothing was read") }
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw WatchlistError.unreadableInput(path: name(path), reason: POSIX.lastError) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw WatchlistError.unreadableInput(path: name(path), reason: POSIX.lastError) }
        guard !POSIX.isFolder(info) else { throw WatchlistError.unreadableInput(path: name(path), reason: "it is a folder") }
        if POSIX.isRegularFile(info), Int(info.st_size) > limit { throw WatchlistError.fileTooLarge(source: name(path), limit: limit) }
        var bytes: [UInt8] = []
        if POSIX.isRegularFile(info) { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                // A signal while waiting for input: stop when it is one the work stops for.
                if errno == EINTR {
                    try Interruption.check(outcome: "nothing was read")
                    continue
                }
                throw WatchlistError.unreadableInput(path: name(path), reason: POSIX.lastError)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw WatchlistError.fileTooLarge(source: name(path), limit: limit) }
        }
    }

    /// A regular file mapped into memory, read-only, for a reader that goes front to back: the
    /// pages it has read are given back as it moves on (`madvise(MADV_DONTNEED)`: the file is
    /// read again from disk if they are needed again), so that a large import holds a few
    /// megabytes of the file at a time, not all of it. Anything else (a stream) is read whole.
    static func map(_ path: String, limit: Int = Watchlist.maximumImportFileBytes) throws -> InputBytes {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WatchlistError.unreadableInput(path: name(path), reason: POSIX.lastError) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw WatchlistError.unreadableInput(path: name(path), reason: POSIX.lastError) }
        guard POSIX.isRegularFile(info), info.st_size > 0 else { return InputBytes(try read(path, limit: limit)) }
        guard Int(info.st_size) <= limit else { throw WatchlistError.fileTooLarge(source: name(path), limit: limit) }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            return InputBytes(try read(path, limit: limit))
        }
        // Another program may shrink the file while it is read: a page past its new end must
        // not end the process (SIGBUS), and the change must be said.
        let guardNumber = watchlist_guard_mapping(mapped, size)
        guard guardNumber >= 0 else {
            munmap(mapped, size)
            return InputBytes(try read(path, limit: limit))
        }
        madvise(mapped, size, MADV_SEQUENTIAL)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let before = Snapshot(info)
        return InputBytes(mapped: mapped.assumingMemoryBound(to: UInt8.self), count: size,
                          release: {
                              watchlist_unguard_mapping(guardNumber)
                              munmap(mapped, size)
                          },
                          letGo: { end in
                              let offset = end - UnsafeRawPointer(mapped)
                              let length = offset - offset % page
                              if length > 0 { madvise(mapped, length, MADV_DONTNEED) }
                          },
                          changed: { watchlist_mapping_faulted(guardNumber) != 0 || POSIX.status(path).map(Snapshot.init) != before })
    }

    /// What says a file changed: its size, its last change, and which file it is.
    private struct Snapshot: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

        init(_ info: stat) {
            (device, inode, size) = (UInt64(info.st_dev), UInt64(info.st_ino), Int64(info.st_size))
            (seconds, nanoseconds) = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
        }
    }

    /// How messages name an input: "standard input" for "-".
    static func name(_ path: String) -> String {
        path == standardInput ? "standard input" : path
    }
}
