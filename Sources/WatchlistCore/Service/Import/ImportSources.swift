import Foundation
internal import ZIPFoundation

/// Turns the paths given to `import` into files for the reader: a file as it is, a folder's
/// or a .zip's members that belong to an export.
enum ImportSources {
    /// The files of a Letterboxd export that import reads; the rest of a folder or archive
    /// (profile.csv, lists/, deleted/, orphaned/ …) is listed as ignored.
    static let exportMembers = ["diary.csv", "ratings.csv", "watched.csv", "watchlist.csv", "reviews.csv", "likes/films.csv"]

    static func read(_ path: String, format: ImportFormat, into reader: inout ImportReader) throws {
        guard let info = POSIX.status(path) else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        if POSIX.isFolder(info) {
            try readFolder(path, format: format, into: &reader)
            return
        }
        // A .zip is read member by member, never whole.
        let magic = FileHandle(forReadingAtPath: path).map { handle in
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 4)) ?? Data()
        }
        if magic == Data([0x50, 0x4B, 0x03, 0x04]) {
            try readArchive(path, format: format, into: &reader)
        } else {
            try reader.read(try InputFile.read(path), path: path, format: format)
        }
    }

    /// Whether a member of a folder or archive is part of an export; the export may sit in
    /// one folder of its own.
    static func isExportMember(_ relativePath: String) -> Bool {
        let path = relativePath.lowercased()
        let parts = path.split(separator: "/")
        guard !parts.contains("deleted"), !parts.contains("orphaned") else { return false }
        return exportMembers.contains { path == $0 || (path.hasSuffix("/" + $0) && parts.count <= $0.split(separator: "/").count + 1) }
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
            if isExportMember(relative) { members.append(relative) } else { reader.ignore(full) }
        }
        guard !members.isEmpty else {
            throw WatchlistError.noExportFiles(path: folder, expected: exportMembers)
        }
        for relative in members.sorted() {
            let full = (folder as NSString).appendingPathComponent(relative)
            try reader.read(try InputFile.read(full), path: full, format: format)
        }
    }

    private static func readArchive(_ path: String, format: ImportFormat, into reader: inout ImportReader) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WatchlistError.malformedFile(source: path, line: nil, problem: "it is not a readable .zip archive")
        }
        var members: [(name: String, entry: Entry)] = []
        for entry in archive where entry.type == .file {
            if isExportMember(entry.path) { members.append((entry.path, entry)) } else { reader.ignore("\(path):\(entry.path)") }
        }
        guard !members.isEmpty else {
            throw WatchlistError.noExportFiles(path: path, expected: exportMembers)
        }
        for member in members.sorted(by: { $0.name < $1.name }) {
            let name = "\(path):\(member.name)"
            guard member.entry.uncompressedSize <= UInt64(Watchlist.maximumImportFileBytes) else { throw tooLarge(name) }
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(member.entry, skipCRC32: false) { chunk in
                    bytes.append(contentsOf: chunk)
                    if bytes.count > Watchlist.maximumImportFileBytes { throw tooLarge(name) }
                }
            } catch let error as WatchlistError {
                throw error
            } catch {
                throw WatchlistError.malformedFile(source: name, line: nil, problem: "it cannot be extracted: the archive is damaged")
            }
            try reader.read(bytes, path: name, name: member.name, format: format)
        }
    }

    private static func tooLarge(_ path: String) -> WatchlistError {
        .fileTooLarge(source: path, limit: Watchlist.maximumImportFileBytes)
    }
}
