import Foundation

/// Input files: a regular file, refused (65) before it is read when it is over `limit` bytes;
/// 66 with the reason when it cannot be read.
enum InputFile {
    static func read(_ path: String, limit: Int = Watchlist.maximumImportFileBytes) throws -> [UInt8] {
        guard let info = POSIX.status(path) else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
        guard !POSIX.isFolder(info) else { throw WatchlistError.unreadableInput(path: path, reason: "it is a folder") }
        guard Int(info.st_size) <= limit else { throw WatchlistError.fileTooLarge(source: path, limit: limit) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WatchlistError.unreadableInput(path: path, reason: "permission denied")
        }
        return [UInt8](data)
    }
}
