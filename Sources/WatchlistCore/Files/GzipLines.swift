import Foundation
internal import WatchlistZlib

/// A file read line by line as a stream, for IMDb's dataset files (gigabytes unpacked): plain
/// text, or gzip (known by its magic, several members read on), unpacked as it is read. Fixed
/// buffers, so memory stays flat whatever the file's size; a line longer than `lineLimit` is
/// never held whole: it is skipped and its number reported.
final class GzipLines {
    let path: String
    let lineLimit: Int
    /// The bytes of the file read so far, and its size (for a progress bar).
    private(set) var bytesRead = 0
    private(set) var size = 0

    init(path: String, lineLimit: Int = 1 << 20) {
        (self.path, self.lineLimit) = (path, lineLimit)
    }

    private static let chunk = 1 << 18

    /// Calls `line` with each line's bytes (without its newline, or a carriage return before
    /// it) and its number (the header is 1); `tooLong` with the number of each line skipped.
    /// 66 when the file cannot be read, 65 when its gzip stream is damaged or cut short.
    func forEach(_ line: (ArraySlice<UInt8>, Int) throws -> Void, tooLong: (Int) -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        guard !POSIX.isFolder(info) else { throw WatchlistError.unreadableInput(path: path, reason: "it is a folder") }
        size = Int(info.st_size)
        var input = [UInt8](repeating: 0, count: GzipLines.chunk)
        var splitter = LineSplitter(limit: lineLimit)
        var inflater: Inflater?
        var first = true
        while true {
            try Interruption.check(outcome: "nothing was changed")
            let count = input.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError)
            }
            if count == 0 { break }
            bytesRead += count
            if first {
                first = false
                if count >= 2, input[0] == 0x1F, input[1] == 0x8B { inflater = try Inflater(path: path) }
            }
            if let inflater {
                try inflater.inflate(input[0..<count]) { try splitter.add($0, line, tooLong) }
            } else {
                try splitter.add(input[0..<count], line, tooLong)
            }
        }
        if let inflater, !inflater.ended {
            throw WatchlistError.malformedFile(source: path, line: nil, problem: "its gzip stream ends before it should: the file is cut short (download it again)")
        }
        try splitter.finish(line, tooLong)
    }
}

/// Bytes into lines, holding at most `limit` bytes of one line.
private struct LineSplitter {
    let limit: Int
    var pending: [UInt8] = []
    var skipping = false
    var number = 0

    init(limit: Int) { self.limit = limit }

    mutating func add(_ bytes: ArraySlice<UInt8>, _ line: (ArraySlice<UInt8>, Int) throws -> Void, _ tooLong: (Int) -> Void) throws {
        var start = bytes.startIndex
        while let newline = LineSplitter.newline(in: bytes, from: start) {
            number += 1
            if skipping || pending.count + (newline - start) > limit {
                tooLong(number)
            } else if pending.isEmpty {
                try line(trimmed(bytes[start..<newline]), number)
            } else {
                pending.append(contentsOf: bytes[start..<newline])
                try line(trimmed(pending[...]), number)
            }
            pending.removeAll(keepingCapacity: true)
            skipping = false
            start = newline + 1
        }
        guard !skipping else { return }
        if pending.count + (bytes.endIndex - start) > limit {
            skipping = true
            pending.removeAll(keepingCapacity: true)
        } else {
            pending.append(contentsOf: bytes[start...])
        }
    }

    /// The index of the next newline at or after `start` (memchr: the search is most of what
    /// splitting costs).
    static func newline(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, start < bytes.endIndex else { return nil }
            let offset = start - bytes.startIndex
            return memchr(base + offset, 0x0A, buffer.count - offset).map { bytes.startIndex + base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    mutating func finish(_ line: (ArraySlice<UInt8>, Int) throws -> Void, _ tooLong: (Int) -> Void) throws {
        if skipping { number += 1; tooLong(number) } else if !pending.isEmpty { number += 1; try line(trimmed(pending[...]), number) }
    }

    private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.last == 0x0D ? bytes.dropLast() : bytes
    }
}

/// zlib's inflate over gzip members, one after another.
private final class Inflater {
    let path: String
    var stream = z_stream()
    var output = [UInt8](repeating: 0, count: 1 << 18)
    /// Whether the latest member ended (a file may end only there).
    var ended = false

    init(path: String) throws {
        self.path = path
        // 15 + 32: a window of 32 KiB, and a gzip or zlib header recognized.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw WatchlistError.malformedFile(source: path, line: nil, problem: "its gzip stream could not be opened")
        }
    }

    deinit { inflateEnd(&stream) }

    func inflate(_ bytes: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var input = Array(bytes)
        let total = input.count
        var offset = 0
        while offset < total {
            // Bytes after a member's end: another member (gzip allows several), or padding of zeros.
            if ended {
                if input[offset...].allSatisfy({ $0 == 0 }) { return }
                inflateReset(&stream)
                ended = false
            }
            var produced = 0
            var status: Int32 = Z_OK
            input.withUnsafeMutableBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    stream.next_in = source.baseAddress! + offset
                    stream.avail_in = UInt32(total - offset)
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = WatchlistZlib.inflate(&stream, Z_NO_FLUSH)
                    produced = target.count - Int(stream.avail_out)
                    offset = total - Int(stream.avail_in)
                }
            }
            if produced > 0 { try body(output[0..<produced]) }
            switch status {
            case Z_STREAM_END: ended = true
            case Z_OK: continue
            case Z_BUF_ERROR where produced > 0: continue
            default:
                let message = stream.msg.map { String(cString: $0).oneLine } ?? "code \(status)"
                throw WatchlistError.malformedFile(source: path, line: nil, problem: "its gzip stream is damaged (\(message.prefix(80))): download it again")
            }
        }
    }
}
