import Foundation
@testable import WatchlistCore

/// 2026-11-26 12:00 UTC: the day the tests treat as today.
let testNow = Date(timeIntervalSince1970: 1_795_694_400)
let testToday = "2026-11-26"

/// A watchlist on a new in-memory database holding the built-in collection.
func makeWatchlist() throws -> Watchlist {
    try Watchlist.inMemory(clock: .fixed(testNow))
}

/// The whole JSON export, parsed.
func exportJSON(_ watchlist: Watchlist) throws -> [String: Any] {
    let text = try exportText(watchlist, .json)
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
}

/// An export as text, written through a pipe.
func exportText(_ watchlist: Watchlist, _ format: ExportFormat) throws -> String {
    let folder = try temporaryFolder()
    let path = folder + "/export"
    try watchlist.export(format, toFile: path, force: false)
    return try String(contentsOfFile: path, encoding: .utf8)
}

/// Everything a user could see of the database: the export without its timestamp.
func visibleState(_ watchlist: Watchlist) throws -> String {
    try exportText(watchlist, .json).replacingOccurrences(
        of: #""exportedAt":"[^"]*""#, with: "", options: .regularExpression)
}

/// A new empty folder under the system's temporary folder.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "watchlist-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func filePermissions(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
}
