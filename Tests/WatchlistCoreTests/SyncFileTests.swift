import Foundation
import GRDB
import Testing
@testable import WatchlistCore

/// Files another device could not have written: forged with the changeset writer the snapshot
/// uses, sealed with a good checksum, put in a device's folder, then synced. Each is refused
/// whole, named, with nothing of it applied.
@Suite("sync files forged by hand")
struct SyncFileTests {
    static let device = "0123456789abcdef"

    /// A file of one entry: `rows` inserted into `table`, whose primary key is `primaryKey`.
    static func file(_ table: String, primaryKey: [Bool], rows: [[DatabaseValue]]) -> [UInt8] {
        var writer = ChangesetWriter()
        writer.begin(table, primaryKey: primaryKey)
        for row in rows { writer.insert(row) }
        let header = SyncFile.Header(device: device, name: "forger", sequence: 1, schema: SchemaMigrations.all.count, kind: .changes,
                                     entries: 1, writtenAt: "2026-11-26T12:00:00Z", outbox: 1, seen: [:])
        let entry = SyncFile.Entry(at: "1795694400000.00000." + device, changeset: Changeset(bytes: writer.bytes))
        return SyncFile(header: header, entries: [entry]).encoded()
    }

    /// Syncs an on-disk diary with the forged file in place: the report, and whether the diary
    /// (its export) is as before.
    /// `forge` is given The Ascent's key.
    static func sync(_ forge: (DatabaseValue) -> [UInt8]) throws -> (SyncReport, unchanged: Bool) {
        let folder = try temporaryFolder()
        let watchlist = try Watchlist.open(path: folder + "/w.sqlite", clock: .fixed(testNow))
        _ = try watchlist.rate("ascent", StarRating(halfStars: 8)!)
        let bytes = forge((Int64(try watchlist.key(filmKey(1))) ?? 0).databaseValue)
        let before = try exportText(watchlist, .json)
        try FileManager.default.createDirectory(atPath: folder + "/sync/" + device, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder + "/sync/" + device + "/0000000001.wlsync", contents: Data(bytes)))
        let report = try watchlist.sync(folder: folder + "/sync")
        let after = try exportText(watchlist, .json)
        func withoutTime(_ text: String) -> String { text.split(separator: "\n").filter { !$0.contains("exportedAt") }.joined(separator: "\n") }
        return (report, withoutTime(before) == withoutTime(after))
    }

    @Test("a file naming a table devices do not share is refused whole")
    func notShared() throws {
        let (report, unchanged) = try SyncFileTests.sync { _ in
            SyncFileTests.file("syncPeer", primaryKey: [true, false, false], rows: [["fedcba9876543210".databaseValue, "x".databaseValue, 5.databaseValue]])
        }
        #expect(report.refused.count == 1 && report.refused[0].reason.contains("which devices do not share"), "\(report.refused)")
        #expect(unchanged && report.applied.isEmpty)
    }

    @Test("a file breaking a rule of the schema (a rating of 11 half stars) is refused whole")
    func breaksARule() throws {
        let (report, unchanged) = try SyncFileTests.sync { ascent in
            // The Ascent holds a rating: the row meets it, and wins (later), with a value the schema refuses.
            SyncFileTests.file("rating", primaryKey: [true, false, false], rows: [[ascent, 11.databaseValue, "2026-11-26T13:00:00Z".databaseValue]])
        }
        #expect(report.refused.count == 1 && report.refused[0].reason.contains("breaks a rule of the schema"), "\(report.refused)")
        #expect(unchanged && report.applied.isEmpty)
    }

    @Test("a file naming a table's rows by other columns than its primary key is refused whole")
    func wrongKey() throws {
        let (report, unchanged) = try SyncFileTests.sync { ascent in
            SyncFileTests.file("rating", primaryKey: [false, true, false], rows: [[ascent, 4.databaseValue, "2026-11-26T12:00:00Z".databaseValue]])
        }
        #expect(report.refused.count == 1 && report.refused[0].reason.contains("primary key"), "\(report.refused)")
        #expect(unchanged && report.applied.isEmpty)
    }

    @Test("a file with the wrong number of columns for a table is refused whole")
    func wrongWidth() throws {
        let (report, unchanged) = try SyncFileTests.sync { ascent in
            SyncFileTests.file("rating", primaryKey: [true, false], rows: [[ascent, 4.databaseValue]])
        }
        #expect(report.refused.count == 1, "\(report.refused)")
        #expect(unchanged && report.applied.isEmpty)
    }
}
