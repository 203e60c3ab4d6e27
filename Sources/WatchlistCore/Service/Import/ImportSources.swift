import Foundation
internal import ZIPFoundation

/// Turns the paths given to `import` into `ImportSource` values, one at a time, each decided
/// once: a file given alone is placed by its own name (nothing above it — `..`, a dot-folder, a
/// folder called `lists` — says what it is); a folder's or a .zip's files by their paths below
/// the export's own folders (`ExportPlace.places`); a stream has no place, and its content says
/// what it is. A member whose place says it is not read is listed as ignored without being
/// read. Each file is size-checked before it is read. Standard input ("-"), a FIFO or a device
/// such as /dev/stdin is read whole (up to the same limit), a .zip too.
enum ImportSources {
    static let zipMagic = ImportSource.zipMagic

    static func read(_ path: String, format: ImportFormat, into reader: inout ImportReader) throws {
        guard try path != InputFile.standardInput && !isStream(status(path)) else {
            let name = InputFile.name(path)
            let bytes = try InputFile.read(path)
            if bytes.starts(with: zipMagic) {
                return try readArchive(try archive(name) { try Archive(data: Data(bytes), accessMode: .read) }, name: name, format: format, into: &reader)
            }
            // A stream has no file name to say what it is: its content does.
            return try reader.read(ImportSource(name: name, place: "", inExport: false, bytes: bytes), format: format)
        }
        if POSIX.isFolder(try status(path)) { return try readFolder(path, format: format, into: &reader) }
        // A .zip is read member by member, never whole.
        if isArchive(path) {
            return try readArchive(try archive(path) { try Archive(url: URL(fileURLWithPath: path), accessMode: .read) }, name: path, format: format,
                                   into: &reader)
        }
        try readMapped(path, place: ImportSource.place(ofFileAt: path), inExport: false, format: format, into: &reader)
    }

    /// A regular file, mapped and read. A file that changed while it was read (another program
    /// wrote or truncated it) is refused whatever was read from it (65): its rows are not the
    /// file's.
    private static func readMapped(_ path: String, place: String, inExport: Bool, format: ImportFormat,
                                   into reader: inout ImportReader) throws {
        let content = try InputFile.map(path)
        let changed = WatchlistError.malformedFile(source: path, line: nil,
                                                   problem: "the file changed while it was read; import it again once nothing is writing it")
        do {
            try reader.read(ImportSource(name: path, place: place, inExport: inExport, content: content), format: format)
        } catch {
            if content.changedWhileRead { throw changed }
            throw error
        }
        if content.changedWhileRead { throw changed }
    }

    /// Whether the regular file at `path` is a .zip archive, by its first bytes.
    private static func isArchive(_ path: String) -> Bool {
        let magic = FileHandle(forReadingAtPath: path).map { handle in
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 4)) ?? Data()
        }
        return magic == Data(zipMagic)
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
            // An export's .zip kept in the folder it was downloaded to is read as the export it is.
            if isArchive(full) {
                try readArchive(try archive(full) { try Archive(url: URL(fileURLWithPath: full), accessMode: .read) }, name: full,
                                format: format, into: &reader)
                continue
            }
            if let reason = ImportReader.ignoredReason(place: place) {
                reader.ignore(full, reason: reason)
                continue
            }
            try readMapped(full, place: place, inExport: true, format: format, into: &reader)
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
            try reader.read(ImportSource(name: name, place: place, inExport: true, bytes: bytes), format: format)
        }
    }

    /// What a folder or archive must hold, for the message when it holds nothing.
    static let expected = ["diary.csv", "ratings.csv", "watched.csv", "reviews.csv", "watchlist.csv", "likes/films.csv", "lists/*.csv",
                           "an export's .zip", "an IMDb export", "Trakt's JSON", "a Criticker export", "Netflix's viewing history",
                           "a watchlist JSON export"]

    private static func tooLarge(_ path: String) -> WatchlistError {
        .fileTooLarge(source: path, limit: Watchlist.maximumImportFileBytes)
    }
}
