import Foundation
internal import ZIPFoundation

/// Turns the paths given to `import` into bytes for the reader: a file as it is; every file of
/// a folder or a .zip (an export, possibly in one folder of its own), each read or listed as
/// ignored with its reason. Each file is size-checked before it is read. Standard input ("-"),
/// a FIFO or a device such as /dev/stdin is read whole (up to the same limit), a .zip too.
enum ImportSources {
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    static func read(_ path: String, format: ImportFormat, into reader: inout ImportReader) throws {
        guard try path != InputFile.standardInput && !isStream(status(path)) else {
            let name = InputFile.name(path)
            let bytes = try InputFile.read(path)
            if bytes.starts(with: zipMagic) {
                return try readArchive(try archive(name) { try Archive(data: Data(bytes), accessMode: .read) }, name: name, format: format, into: &reader)
            }
            // A stream has no file name to say what it is: its header row does.
            return try reader.read(bytes, path: name, place: "", format: format)
        }
        if POSIX.isFolder(try status(path)) { return try readFolder(path, format: format, into: &reader) }
        // A .zip is read member by member, never whole.
        let magic = FileHandle(forReadingAtPath: path).map { handle in
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 4)) ?? Data()
        }
        if magic == Data(zipMagic) {
            return try readArchive(try archive(path) { try Archive(url: URL(fileURLWithPath: path), accessMode: .read) }, name: path, format: format,
                                   into: &reader)
        }
        if let reason = ImportReader.ignoredReason(place: path) { return reader.ignore(path, reason: reason, warn: true) }
        try reader.read(try InputFile.read(path), path: path, format: format)
    }

    /// Whether the file can only be read once, front to back: a FIFO, a device, a socket.
    private static func isStream(_ info: stat) -> Bool {
        !POSIX.isRegularFile(info) && !POSIX.isFolder(info)
    }

    private static func status(_ path: String) throws -> stat {
        guard let info = POSIX.status(path) else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        return info
    }

    private static func readFolder(_ folder: String, format: ImportFormat, into reader: inout ImportReader) throws {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw WatchlistError.unreadableInput(path: folder, reason: "the folder cannot be listed")
        }
        var members: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = (folder as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            members.append(relative)
        }
        guard !members.isEmpty else { throw WatchlistError.noExportFiles(path: folder, expected: expected) }
        members.sort()
        for (relative, place) in zip(members, ImportReader.places(of: members)) {
            let full = (folder as NSString).appendingPathComponent(relative)
            if let reason = ImportReader.ignoredReason(place: place) {
                reader.ignore(full, reason: reason)
                continue
            }
            try reader.read(try InputFile.read(full), path: full, place: place, inExport: true, format: format)
        }
    }

    private static func archive(_ name: String, _ open: () throws -> Archive) throws -> Archive {
        do {
            return try open()
        } catch {
            throw WatchlistError.malformedFile(source: name, line: nil, problem: "it is not a readable .zip archive")
        }
    }

    private static func readArchive(_ archive: Archive, name path: String, format: ImportFormat, into reader: inout ImportReader) throws {
        let members = archive.filter { $0.type == .file }.sorted { $0.path < $1.path }
        guard !members.isEmpty else { throw WatchlistError.noExportFiles(path: path, expected: expected) }
        for (member, place) in zip(members, ImportReader.places(of: members.map(\.path))) {
            let name = "\(path):\(member.path)"
            if let reason = ImportReader.ignoredReason(place: place) {
                reader.ignore(name, reason: reason)
                continue
            }
            guard member.uncompressedSize <= UInt64(Watchlist.maximumImportFileBytes) else { throw tooLarge(name) }
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(member, skipCRC32: false) { chunk in
                    bytes.append(contentsOf: chunk)
                    if bytes.count > Watchlist.maximumImportFileBytes { throw tooLarge(name) }
                }
            } catch let error as WatchlistError {
                throw error
            } catch {
                throw WatchlistError.malformedFile(source: name, line: nil, problem: "it cannot be extracted: the archive is damaged")
            }
            try reader.read(bytes, path: name, place: place, inExport: true, format: format)
        }
    }

    /// What a folder or archive must hold, for the message when it holds nothing.
    static let expected = ["diary.csv", "ratings.csv", "watched.csv", "reviews.csv", "watchlist.csv", "likes/films.csv", "lists/*.csv",
                           "an IMDb export", "a watchlist JSON export"]

    private static func tooLarge(_ path: String) -> WatchlistError {
        .fileTooLarge(source: path, limit: Watchlist.maximumImportFileBytes)
    }
}
