import Foundation

/// The few POSIX file operations the tool needs beyond Foundation's: exclusive creation,
/// durable folder entries, and errno as words.
enum POSIX {
    /// Creates a new file for writing; fails (returning -1) when the path exists.
    static func createExclusively(_ path: String, mode: mode_t) -> Int32 {
        open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
    }

    /// Makes a new directory entry durable.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The last error as words: "no such file or directory".
    static var lastError: String { String(cString: strerror(errno)).lowercased() }

    /// The file's status, following links; nil when it cannot be read (errno says why).
    static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    /// The entry's own status, not following a link; nil when there is none (errno says why).
    static func linkStatus(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    /// The path `path` resolves to: absolute, links followed, `.` and `..` gone. For a path
    /// that does not exist yet, its folder resolved and its name after it.
    static func resolved(_ path: String) -> String {
        if let full = realpath(path, nil) {
            defer { free(full) }
            return String(cString: full)
        }
        let name = (path as NSString).lastPathComponent
        var folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        guard let full = realpath(folder, nil) else { return path }
        defer { free(full) }
        let resolvedFolder = String(cString: full)
        return (resolvedFolder == "/" ? "" : resolvedFolder) + "/" + name
    }

    static func isFolder(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
    static func isRegularFile(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFREG }
}

/// A folder only this process uses (mode 0700, in the system's temporary folder), removed with
/// what it holds when done.
struct PrivateFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/watchlist-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw WatchlistError.outputNotWritable(path: NSTemporaryDirectory(), reason: POSIX.lastError)
        }
        path = String(cString: made)
    }

    /// Copies the file at `source` to `destination` in this folder (created private), by
    /// plain reads and writes: a signal that interrupts one (Ctrl-C during `db restore`) stops
    /// the copy as an interruption, never as an unreadable file; any other failure says what
    /// the system said.
    func copy(_ source: String, to destination: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw WatchlistError.unreadableInput(path: source, reason: POSIX.lastError) }
        defer { close(input) }
        let output = POSIX.createExclusively(destination, mode: 0o600)
        guard output >= 0 else { throw WatchlistError.outputNotWritable(path: destination, reason: POSIX.lastError) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
            if count == 0 { return }
            if count < 0 {
                guard errno == EINTR else { throw WatchlistError.unreadableInput(path: source, reason: POSIX.lastError) }
                try Interruption.check(outcome: "nothing was changed")
                continue
            }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { Foundation.write(output, $0.baseAddress! + written, count - written) }
                if step < 0 {
                    guard errno == EINTR else { throw WatchlistError.outputNotWritable(path: destination, reason: POSIX.lastError) }
                    try Interruption.check(outcome: "nothing was changed")
                    continue
                }
                written += step
            }
            try Interruption.check(outcome: "nothing was changed")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
