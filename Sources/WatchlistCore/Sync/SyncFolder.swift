import Foundation

/// The folder devices share (`watchlist sync DIR`): a folder a device for each device, named by
/// its id, holding its numbered files. Nothing in it is trusted: a name that is not a device's
/// id or a file's number is ignored; a link, a folder where a file should be, a device or a
/// file larger than `SyncFile.maximumSize` is refused without being read; a file is found by
/// its name and number, never by its time (a folder-sync tool gives a received file the
/// sender's time).
struct SyncFolder {
    let path: String

    /// What a device's folder holds: its files by number, and the names refused in it.
    struct DeviceFiles {
        var files: [Int64: String] = [:]
        var refused: [(name: String, reason: String)] = []
    }

    init(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw WatchlistError.unreadableInput(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw WatchlistError.unreadableInput(path: path, reason: "it is not a folder; sync takes the folder the devices share")
        }
        self.path = path
    }

    /// The device folders, by id (folders whose names are not a device id are not ours).
    func devices() throws -> [String: DeviceFiles] {
        var devices: [String: DeviceFiles] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where SyncClock.isDeviceId(name) {
            let folder = path + "/" + name
            var info = stat()
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                var refused = DeviceFiles()
                refused.refused.append((name, "it is a link or a file where a device's folder should be"))
                devices[name] = refused
                continue
            }
            devices[name] = try files(in: name)
        }
        return devices
    }

    /// A device's files by number.
    func files(in device: String) throws -> DeviceFiles {
        var found = DeviceFiles()
        let folder = path + "/" + device
        guard FileManager.default.fileExists(atPath: folder) else { return found }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            guard let sequence = SyncFile.sequence(ofFileName: name) else { continue }
            let file = folder + "/" + name
            var info = stat()
            guard lstat(file, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFREG else {
                found.refused.append((name, "it is a link or not a plain file"))
                continue
            }
            guard Int64(info.st_size) <= SyncFile.maximumSize else {
                found.refused.append((name, "it is \(info.st_size / (1 << 20)) MiB, more than a sync file may be (\(SyncFile.maximumSize >> 20) MiB)"))
                continue
            }
            found.files[sequence] = file
        }
        return found
    }

    /// A file's bytes, read through a descriptor that does not follow a link, checked again to
    /// be a plain file of at most `SyncFile.maximumSize` bytes.
    func read(_ file: String) throws -> [UInt8] {
        let descriptor = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw WatchlistError.unreadableInput(path: file, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int64(info.st_size) <= SyncFile.maximumSize else {
            throw WatchlistError.unreadableInput(path: file, reason: "it is not a plain file of at most \(SyncFile.maximumSize >> 20) MiB")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(done)) }
            if count < 0, errno == EINTR { try Interruption.check(); continue }
            guard count > 0 else { break }
            done += count
        }
        return Array(bytes.prefix(done))
    }

    /// Writes this device's file `sequence`: into a hidden temporary file in its folder, synced
    /// to disk, then linked under its name (never over another file) and the temporary removed.
    /// A file already there under that name is left as it is (`outputExists`). A failure
    /// (a full disk: 73) leaves no file under the name.
    func write(_ bytes: [UInt8], device: String, sequence: Int64) throws {
        let folder = path + "/" + device
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw WatchlistError.outputNotWritable(path: folder, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw WatchlistError.outputNotWritable(path: folder, reason: "it is a link or a file, not this device's folder")
        }
        let name = folder + "/" + SyncFile.fileName(sequence)
        let temporary = folder + "/." + SyncFile.fileName(sequence) + "." + String(UInt32.random(in: 0...UInt32.max), radix: 16) + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WatchlistError.outputNotWritable(path: temporary, reason: String(cString: strerror(errno))) }
        var failure: String?
        var done = 0
        while done < bytes.count, failure == nil {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { failure = String(cString: strerror(count < 0 ? errno : ENOSPC)) } else { done += count }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        defer { unlink(temporary) }
        if let failure { throw WatchlistError.outputNotWritable(path: name, reason: failure) }
        guard link(temporary, name) == 0 else {
            if errno == EEXIST { throw WatchlistError.outputExists(path: name) }
            throw WatchlistError.outputNotWritable(path: name, reason: String(cString: strerror(errno)))
        }
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }
}
