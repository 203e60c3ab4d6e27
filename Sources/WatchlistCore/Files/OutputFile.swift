import Foundation

/// Files the tool writes appear whole or not at all: the content goes to a temporary file in
/// the same folder, is flushed to disk, and is then linked into place (which never replaces a
/// file) or, with `force`, renamed over the old one (which replaces a symbolic link itself,
/// never the file it points to). Only a regular file, or a link to one (or to nothing), is
/// ever replaced: a device, FIFO, socket or folder is refused, with or without `force`. The
/// database itself is never an output.
enum OutputFile {
    /// Writes text through a buffered TextOutput.
    static func write(path: String, force: Bool, protecting databasePath: String, _ body: (TextOutput) throws -> Void) throws {
        try create(path: path, force: force, protecting: databasePath) { _, descriptor in
            try body(TextOutput(descriptor: descriptor, name: path))
        }
    }

    /// The kinds of file an output never replaces.
    private static let irreplaceable: [mode_t: String] = [
        S_IFDIR: "a folder", S_IFCHR: "a device", S_IFBLK: "a device", S_IFIFO: "a FIFO", S_IFSOCK: "a socket",
    ]

    /// Creates the file at `path`: `fill` is given an empty temporary file beside it (its path
    /// and an open descriptor) to fill; it then becomes `path`.
    static func create(path: String, force: Bool, protecting databasePath: String, mode: mode_t = 0o644,
                       _ fill: (_ temporaryPath: String, _ descriptor: Int32) throws -> Void) throws {
        var existing = stat()
        if lstat(path, &existing) == 0 {
            var target = stat()
            let kind = (existing.st_mode & S_IFMT) == S_IFLNK && stat(path, &target) == 0 ? target.st_mode & S_IFMT : existing.st_mode & S_IFMT
            if let what = OutputFile.irreplaceable[kind] {
                throw WatchlistError.outputNotWritable(path: path, reason: "it is \(what), which is never replaced by a file")
            }
            var database = stat()
            if stat(databasePath, &database) == 0, stat(path, &existing) == 0,
               database.st_dev == existing.st_dev, database.st_ino == existing.st_ino {
                throw WatchlistError.outputNotWritable(path: path, reason: "it is the watchlist database itself")
            }
            if !force { throw WatchlistError.outputExists(path: path) }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = POSIX.createExclusively(temporary, mode: mode)
        guard descriptor >= 0 else {
            throw WatchlistError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        var linked = false
        defer {
            if !linked { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try fill(temporary, descriptor)
            // The descriptor may not be the one that wrote (VACUUM INTO writes through its own),
            // but fsync flushes the file, whoever wrote it.
            guard fsync(descriptor) == 0 else {
                throw WatchlistError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
            }
        }
        if force {
            guard rename(temporary, path) == 0 else {
                throw WatchlistError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
            }
            linked = true
        } else {
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw WatchlistError.outputExists(path: path) }
                throw WatchlistError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
            }
            unlink(temporary)
            linked = true
        }
        POSIX.syncFolder(folder)
    }
}
