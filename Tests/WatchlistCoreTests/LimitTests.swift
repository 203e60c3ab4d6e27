import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("limits and files")
struct LimitTests {
    let watchlist: Watchlist
    init() throws { watchlist = try makeWatchlist() }

    /// A sparse file of `size` bytes: it takes no disk, and must never be read.
    func sparseFile(_ size: Int) throws -> String {
        let path = try temporaryFolder() + "/huge.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("Date,Name,Year,Letterboxd URI\n".utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
        return path
    }

    @Test("a file over the import limit is refused before it is read")
    func importLimit() throws {
        let path = try sparseFile(Watchlist.maximumImportFileBytes + 1)
        #expect(throws: WatchlistError.fileTooLarge(source: path, limit: 512 << 20)) {
            try watchlist.importFiles([path])
        }
    }

    @Test("a collection file over 16 MiB is refused before it is read")
    func collectionLimit() throws {
        let path = try sparseFile(Watchlist.maximumCollectionFileBytes + 1)
        #expect(throws: WatchlistError.fileTooLarge(source: path, limit: 16 << 20)) {
            try watchlist.importCollection(file: path, slug: "huge", title: nil)
        }
    }

    @Test("a field over 16 MiB is refused with its line")
    func fieldLimit() throws {
        let folder = try Fixtures.folder(["ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,\"" + String(repeating: "x", count: CSVRecords.maximumFieldBytes + 1) + "\",2000,x,3\n"])
        #expect(throws: WatchlistError.malformedFile(source: "\(folder)/ratings.csv", line: 2, problem: "a field is longer than 16777216 bytes")) {
            try watchlist.importFiles([folder + "/ratings.csv"])
        }
    }

    @Test("an output path that is a symbolic link is not followed: refused without --force, the link itself replaced with it")
    func symlinks() throws {
        let folder = try temporaryFolder()
        let target = folder + "/precious.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder + "/link.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: WatchlistError.outputExists(path: link)) { try watchlist.export(.json, toFile: link, force: false) }
        try watchlist.export(.json, toFile: link, force: true)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
        #expect(try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType == .typeRegular)
        let dangling = folder + "/dangling.json"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder + "/nowhere")
        #expect(throws: WatchlistError.outputExists(path: dangling)) { try watchlist.backup(to: dangling, force: false) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/nowhere"))
    }
}
