import Foundation

/// Files the tool writes appear whole or not at all: the content goes to a temporary file in
/// the same folder, is flushed to disk, and is then linked into place (which never replaces a
/// file) or, with `force`, renamed over the old one (which replaces a symbolic link itself,
/// never the file it points to). Only a regular file, or a link to one (or to nothing), is
/// ever replaced: a device, FIFO, socket or folder is refused, with or without `force`. The
/// database itself, and every file SQLite or the tool keeps beside it (its `-journal`, `-wal`
/// and `-shm`, the restores' safety copies), is never an output. A new file is private to
/// its owner (0600: an export holds every note); a file replaced keeps its permissions.
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

    /// The files SQLite keeps beside a database, by the suffix of their names.
    static let companions = ["-journal", "-wal", "-shm"]

    /// Why `path` is the database or a file kept beside it, if it is one: compared as the
    /// paths they resolve to (links followed, `..` and `.` gone), so that no spelling of the
    /// path gets past.
    static func databaseFile(_ path: String, database: String) -> String? {
        let output = POSIX.resolved(path)
        for base in Set([database, POSIX.resolved(database)]) {
            if output == base { return "it is the watchlist database itself" }
            for suffix in companions where output == base + suffix {
                return "it is the file SQLite keeps beside the database as its \(suffix.dropFirst()) (the next command would take it for its own)"
            }
            if output.hasPrefix(base + ".restores/") { return "it is in the folder where watchlist keeps the database's safety copies" }
        }
        return nil
    }

    /// Creates the file at `path`: `fill` is given an empty temporary file beside it (its path
    /// and an open descriptor) to fill; it then becomes `path`.
    /// `safetyCopy`: the file is a restore's safety copy, the one output allowed in their folder.
    static func create(path: String, force: Bool, protecting databasePath: String, mode: mode_t = 0o600, safetyCopy: Bool = false,
                       _ fill: (_ temporaryPath: String, _ descriptor: Int32) throws -> Void) throws {
        if !safetyCopy, let reason = databaseFile(path, database: databasePath) {
            throw WatchlistError.outputNotWritable(path: path, reason: reason)
        }
        var existing = stat()
        var keptMode: mode_t?
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
            if (existing.st_mode & S_IFMT) == S_IFREG { keptMode = existing.st_mode & 0o777 }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = POSIX.createExclusively(temporary, mode: mode)
        guard descriptor >= 0 else {
            throw WatchlistError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        // The replaced file's permissions, exactly; a new file's are `mode` less the umask.
        if let keptMode { fchmod(descriptor, keptMode) }
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
