import Foundation
import Testing

/// The folder the devices share is trusted for nothing: every damaged, foreign, oversized or
/// linked file is refused with a message naming it, nothing of it is applied, the other
/// devices' files still apply, and the diary is as it was.
@Suite("sync: a folder nobody has to trust")
struct SyncFolderTests {
    /// Two devices: device 1 wrote its snapshot and one file of changes (a rating of The
    /// Ascent); device 0 has not synced yet. Returns the path of device 1's file 2.
    static func twoDevices() throws -> (Devices, String) {
        let devices = try Devices(2)
        try devices.sync(1)
        try devices.run(1, "rate", "ascent", "4")
        try devices.sync(1)
        let id = try deviceId(devices, 1)
        return (devices, devices.folder + "/" + id + "/0000000002.wlsync")
    }

    static func deviceId(_ devices: Devices, _ index: Int) throws -> String {
        try devices[index].query("SELECT id FROM syncDevice").first ?? "?"
    }

    /// Runs sync on device 0 with a damaged file in place: the run names the file, the diary is
    /// as a sync without that file leaves it, and a good file of a third device still applies.
    func expectRefused(_ damage: (String) throws -> Void, status: Int32 = 65, saying words: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (devices, file) = try SyncFolderTests.twoDevices()
        try damage(file)
        let run = try devices[0].run(["sync", devices.folder, "--name", "device0"], with: ["WATCHLIST_NOW": "2026-11-26T12:00:00Z"])
        #expect(run.status == status, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains("0000000002.wlsync") && run.stderr.contains(words), "\(run.stderr)", sourceLocation: sourceLocation)
        // The snapshot before the file applied; the file's rating did not.
        #expect(try devices.film(0, "ascent")["rating"] is NSNull, sourceLocation: sourceLocation)
        #expect(try devices[0].run("db", "check").status == 0, sourceLocation: sourceLocation)
    }

    @Test("a torn or truncated file is refused (65), nothing of it applied")
    func truncated() throws {
        try expectRefused({ file in
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            try data.prefix(data.count - 9).write(to: URL(fileURLWithPath: file))
        }, saying: "torn, truncated")
        try expectRefused({ file in try Data().write(to: URL(fileURLWithPath: file)) }, saying: "too short")
    }

    @Test("a file with a changed byte fails its checksum (65)")
    func checksum() throws {
        try expectRefused({ file in
            var data = try Data(contentsOf: URL(fileURLWithPath: file))
            data[data.count - 40] ^= 0x01
            try data.write(to: URL(fileURLWithPath: file))
        }, saying: "checksum")
    }

    @Test("a file that is not one of ours is refused (65)")
    func notOurs() throws {
        try expectRefused({ file in try Data(("SQLite format 3\0" + String(repeating: "x", count: 100)).utf8).write(to: URL(fileURLWithPath: file)) }, saying: "not a watchlist sync file")
    }

    @Test("a symlink in place of a file is refused without following it; a device folder that is a link too")
    func symlink() throws {
        try expectRefused({ file in
            try FileManager.default.removeItem(atPath: file)
            try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: "/etc/passwd")
        }, saying: "link")
        // A device's folder that is a link (to a copy of the real one, elsewhere): not read at all.
        let (devices, file) = try SyncFolderTests.twoDevices()
        let real = (file as NSString).deletingLastPathComponent
        let elsewhere = devices[1].folder + "/elsewhere"
        try FileManager.default.moveItem(atPath: real, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: real, withDestinationPath: elsewhere)
        let run = try devices[0].run(["sync", devices.folder], with: ["WATCHLIST_NOW": "2026-11-26T12:00:00Z"])
        #expect(run.status == 65 && run.stderr.contains("a link or a file where a device's folder should be"), "\(run.stderr)")
        #expect(try devices.film(0, "ascent")["rating"] is NSNull)
    }

    @Test("a file of 10 GB (sparse) is refused without being read")
    func huge() throws {
        let start = Date()
        try expectRefused({ file in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.truncate(atOffset: 10 << 30)
            try handle.close()
        }, saying: "MiB")
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test("a file from a newer watchlist waits (upgrade to apply it); the files after it wait too; exit 0")
    func newerSchema() throws {
        let (devices, file) = try SyncFolderTests.twoDevices()
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        // The header's schema number made larger, the checksum made again.
        let text = String(decoding: data, as: UTF8.self)
        let schema = try #require(text.range(of: #""schema":[0-9]+"#, options: .regularExpression))
        let schemaVersion = text[schema].dropFirst(9)
        let body = Data(text.replacingCharacters(in: schema, with: "\"schema\":99").utf8).dropLast(32)
        // The checksum made again, as a newer watchlist would write it (sha256sum of the rest).
        let rest = try devices.shared.write("rest", Data(body))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [rest]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let hex = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        let digest = stride(from: 0, to: 64, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16)! }
        data = Data(body) + Data(digest)
        try data.write(to: URL(fileURLWithPath: file))
        try devices.run(1, "rate", "red tent", "3")
        try devices.sync(1)
        let run = try devices[0].run(["sync", devices.folder], with: ["WATCHLIST_NOW": "2026-11-26T12:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("0000000002.wlsync: it was written by a newer watchlist (database schema 99; this one knows \(schemaVersion)): upgrade watchlist to apply it"), "\(run.stderr)")
        #expect(try devices.film(0, "red tent")["rating"] is NSNull, "the file after it waits")
        #expect(try devices.film(0, "ascent")["rating"] is NSNull)
    }

    @Test("a gap in a device's numbering waits: what comes before it applies, the gap is reported, exit 0")
    func gap() throws {
        let (devices, file) = try SyncFolderTests.twoDevices()
        try devices.run(1, "rate", "red tent", "3")
        try devices.sync(1)
        try FileManager.default.removeItem(atPath: file)
        let run = try devices.sync(0)
        #expect(run.stderr.contains("0000000002.wlsync") && run.stderr.contains("not there yet"), "\(run.stderr)")
        #expect(try devices.film(0, "red tent")["rating"] is NSNull, "file 3 waits for file 2")
    }

    @Test("one bad file never stops another device's files; it is retried at the next sync")
    func oneBadFile() throws {
        // The third device syncs before device 1's file 2 exists: its files do not follow it.
        // (A file written after applying a damaged one waits for it, as it may change its rows.)
        let devices = try Devices(2)
        try devices.sync(1)
        let third = try Sandbox()
        try third.run(["sync", devices.folder, "--name", "third"], with: ["WATCHLIST_NOW": "2026-11-26T12:00:00Z"])
        try third.run(["rate", "star", "2"], with: ["WATCHLIST_NOW": "2026-11-26T12:01:00Z"])
        try third.run(["sync", devices.folder], with: ["WATCHLIST_NOW": "2026-11-26T12:02:00Z"])
        try devices.run(1, "rate", "ascent", "4")
        try devices.sync(1)
        let file = devices.folder + "/" + (try SyncFolderTests.deviceId(devices, 1)) + "/0000000002.wlsync"
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        try Data("torn".utf8).write(to: URL(fileURLWithPath: file))
        let run = try devices[0].run(["sync", devices.folder], with: ["WATCHLIST_NOW": "2026-11-26T12:03:00Z"])
        #expect(run.status == 65 && run.stderr.contains("0000000002.wlsync"), "\(run.stderr)")
        #expect(try devices.film(0, "star")["rating"] as? Double == 2, "the third device's file applied")
        // The folder-sync tool delivers the whole file later: the next sync applies it.
        try good.write(to: URL(fileURLWithPath: file))
        try devices.sync(0)
        #expect(try devices.film(0, "ascent")["rating"] as? Double == 4)
    }

    @Test("a folder whose name is not a device id is not read (a file naming a table devices do not share: SyncFileTests)")
    func foreignTable() throws {
        // Forged changesets (a table not shared, a rule broken, another key) are made with the
        // changeset writer in WatchlistCoreTests' SyncFileTests; here a file in a folder whose
        // name is not a device id is not even read.
        let (devices, _) = try SyncFolderTests.twoDevices()
        try FileManager.default.createDirectory(atPath: devices.folder + "/not-a-device", withIntermediateDirectories: true)
        _ = try devices.shared.write("sync/not-a-device/0000000001.wlsync", "anything")
        try devices.sync(0)
        #expect(try devices.film(0, "ascent")["rating"] as? Double == 4)
    }

    @Test("a file in this device's own folder that it did not write (a copied database) stops the sync: use --new-device")
    func foreignFileInOwnFolder() throws {
        let devices = try Devices(2)
        try devices.sync(0)
        // A copy of device 0's database on device 1: the same device id.
        try devices.run(1, "rate", "edge", "1")
        try FileManager.default.removeItem(atPath: devices[1].db)
        try FileManager.default.copyItem(atPath: devices[0].db, toPath: devices[1].db)
        try devices.run(0, "rate", "ascent", "4")
        try devices.sync(0)
        try devices.run(1, "rate", "ascent", "2")
        let run = try devices[1].run(["sync", devices.folder], with: ["WATCHLIST_NOW": "2026-11-26T12:00:00Z"])
        #expect(run.status == 64 && run.stderr.contains("--new-device"), "\(run.stderr)")
        try devices.sync(1, ["--new-device"])
        try devices.syncAll()
        try devices.expectConverged()
    }

    @Test("a file that cannot be written (a full disk, a folder not writable): 73, no file under its name, the outbox kept for the next sync",
          .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "as root, the test needs setpriv to run the binary as another user"))
    func cannotWrite() throws {
        let devices = try Devices(1)
        try devices.sync(0)
        try devices.run(0, "rate", "ascent", "4")
        let id = try SyncFolderTests.deviceId(devices, 0)
        // The device's folder made read-only: the write fails as on a full disk (the same path:
        // the temporary file, then the link). Root writes anywhere, so as root the binary runs
        // as the user nobody, who owns the database.
        let folder = devices.folder + "/" + id
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        let asRoot = getuid() == 0
        if asRoot { devices[0].giveDatabase(to: 65534) }
        defer { if asRoot { devices[0].giveDatabase(to: 0) } }
        let arguments = ["sync", devices.folder]
        let run = asRoot
            ? try devices[0].runRaw(["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments, executable: "/usr/bin/setpriv")
            : try devices[0].runRaw(arguments)
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("0000000002.wlsync"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["0000000001.wlsync"])
        chmod(folder, 0o755)
        try devices.sync(0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["0000000001.wlsync", "0000000002.wlsync"])
    }

    @Test("a sync that would remove most of the diary stops and asks for --force (exit 1); --force applies it")
    func massDeletion() throws {
        let devices = try Devices(2)
        var diary = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"
        for index in 1...30 { diary += "2024-01-\(String(format: "%02d", index % 28 + 1)),Film Number \(index),2001,https://boxd.it/x\(index),3,,,2024-01-01\n" }
        try devices.run(0, "import", try devices[0].write("diary.csv", diary), "--add-missing")
        try devices.syncAll()
        #expect(try devices[1].query("SELECT count(*) FROM viewing").first == "30")
        try devices.run(0, "undo", at: "2026-11-26T13:00:00Z")
        try devices.sync(0, at: "2026-11-26T13:01:00Z")
        let run = try devices[1].run(["sync", devices.folder], with: ["WATCHLIST_NOW": "2026-11-26T13:02:00Z"])
        #expect(run.status == 1 && run.stderr.contains("--force") && run.stderr.contains("30"), "\(run.stderr)")
        #expect(try devices[1].query("SELECT count(*) FROM viewing").first == "30")
        try devices.sync(1, at: "2026-11-26T13:03:00Z", ["--force"])
        #expect(try devices[1].query("SELECT count(*) FROM viewing").first == "0")
        try devices.expectConverged()
    }

    @Test("the same film made on two devices by different means (a Trakt import here, an IMDb file there): one film, its rows merged, in either order")
    func sameFilmTwoWays() throws {
        for first in [0, 1] {
            let devices = try Devices(2)
            try devices.run(0, "import", projectRoot + "/docs/examples/trakt-backup", "--add-missing")
            // The same IMDb id under another title: another key, one film.
            let imdb = try devices[1].write("ratings.csv", """
                Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
                tt0079944,6,2024-02-05,Сталкер,https://www.imdb.com/title/tt0079944/,movie,8.0,162,1979,Drama,1,1979-05-25,Andrei Tarkovsky

                """)
            try devices.run(1, "import", imdb, "--add-missing")
            try devices.run(1, "note", "сталкер", "The Zone.")
            #expect(try devices[0].query("SELECT count(*) FROM viewing JOIN filmIdentifier USING (filmId) WHERE value = 'tt0079944'") != ["0"])
            try devices.syncAll(order: [first, 1 - first])
            try devices.expectConverged()
            for index in 0..<2 {
                #expect(try devices[index].query("SELECT count(*) FROM film WHERE title IN ('Stalker', 'Сталкер')") == ["1"])
                let film = "(SELECT filmId FROM filmIdentifier WHERE value = 'tt0079944')"
                #expect(try devices[index].query("SELECT text FROM note WHERE filmId = \(film)") == ["The Zone."])
                #expect(try devices[index].query("SELECT count(*) FROM viewing WHERE filmId = \(film)") != ["0"], "the Trakt history's viewings moved to the film that stays")
                #expect(try devices[index].query("SELECT count(*) FROM rating WHERE filmId = \(film)") == ["1"])
            }
            #expect(try devices[0].run("db", "check").status == 0 && devices[1].run("db", "check").status == 0)
        }
    }

    @Test("two devices sync through a git repository: commit, push to a bare repository, pull; never a merge conflict",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
    func throughGit() throws {
        let devices = try Devices(2)
        let bare = devices.shared.folder + "/diary.git"
        func git(_ arguments: [String], in folder: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["-C", folder, "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }
        try git(["init", "--bare", "-q", bare], in: devices.shared.folder)
        var clones: [String] = []
        for index in 0..<2 {
            let clone = devices[index].folder + "/diary"
            try git(["clone", "-q", bare, clone], in: devices[index].folder)
            if index == 0 {
                try git(["commit", "-q", "--allow-empty", "-m", "start"], in: clone)
                try git(["push", "-q", "origin", "HEAD:main"], in: clone)
            }
            clones.append(clone)
        }
        func round(_ index: Int, at time: String) throws {
            try git(["pull", "-q", "--no-rebase", "origin", "main"], in: clones[index])
            let run = try devices[index].run(["sync", clones[index], "--name", "device\(index)"], with: ["WATCHLIST_NOW": time])
            #expect(run.status == 0, "\(run.stderr)")
            try git(["add", "-A"], in: clones[index])
            try git(["commit", "-q", "--allow-empty", "-m", "sync"], in: clones[index])
            try git(["push", "-q", "origin", "HEAD:main"], in: clones[index])
        }
        try devices.run(0, "rate", "ascent", "4")
        try devices.run(0, "watch", "star", "--on", "2024-03-03")
        try round(0, at: "2026-11-26T12:01:00Z")
        try devices.run(1, "tag", "red tent", "arctic")
        try devices.run(1, "note", "ascent", "Snow.")
        try round(1, at: "2026-11-26T12:02:00Z")
        try round(0, at: "2026-11-26T12:03:00Z")
        try devices.expectConverged()
        #expect(try devices.film(1, "ascent")["rating"] as? Double == 4)
    }

    @Test("two devices sync through a folder carried by cp -r, in both directions")
    func throughCopies() throws {
        let devices = try Devices(2)
        let carried = [devices[0].folder + "/stick", devices[1].folder + "/stick"]
        func carry(from: Int, to: Int) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/cp")
            process.arguments = ["-r", "-T", carried[from], carried[to]]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        for path in carried { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        try devices.run(0, "rate", "ascent", "4")
        #expect(try devices[0].run(["sync", carried[0]], with: [:]).status == 0)
        try carry(from: 0, to: 1)
        try devices.run(1, "watch", "ascent", "--on", "2024-01-01")
        #expect(try devices[1].run(["sync", carried[1]], with: [:]).status == 0)
        try carry(from: 1, to: 0)
        #expect(try devices[0].run(["sync", carried[0]], with: [:]).status == 0)
        try devices.expectConverged()
        #expect((try devices.film(0, "ascent")["viewings"] as? [Any])?.count == 1)
    }
}
