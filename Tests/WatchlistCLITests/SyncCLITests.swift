import Foundation
import Testing

/// `watchlist sync DIR` through the binary: devices working offline, then syncing in several
/// orders, hold the same diary; one test a rule of the README's "Several devices".
@Suite("sync: devices that converge")
struct SyncCLITests {
    @Test("two and three devices, offline changes of every kind on each, synced in several orders: every diary the same")
    func converge() throws {
        for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2]] {
            let devices = try Devices(3)
            try devices.syncAll()
            try devices.run(0, "watch", "ascent", "--on", "2024-01-01")
            try devices.run(0, "rate", "ascent", "4.5")
            try devices.run(0, "note", "ascent", "Snow.")
            try devices.run(0, "tag", "ascent", "winter", "war")
            try devices.run(1, "watch", "red tent", "--on", "2024-02-02")
            try devices.run(1, "rate", "red tent", "3")
            try devices.run(1, "film", "set", "ascent", "--director", "Larisa Shepitko", "--runtime", "111")
            try devices.run(2, "import", projectRoot + "/docs/examples/letterboxd-export", "--add-missing")
            try devices.run(2, "unrate", "ascent")
            try devices.run(2, "note", "star", "Kept.")
            try devices.run(2, "untag", "ascent", "winter", at: "2026-11-26T12:05:00Z")
            try devices.syncAll(order: order)
            try devices.expectConverged()
            let ascent = try devices.film(1, "ascent")
            #expect(ascent["tags"] as? [String] == ["war"], "the untag is later than the tag it removes: winter is gone everywhere")
            #expect((ascent["directors"] as? [String]) == ["Larisa Shepitko"])
            #expect((try devices.film(2, "stalker")["viewings"] as? [Any])?.count == 2)
        }
    }

    @Test("a rating: the latest change wins, whichever device syncs first; an unrate is a change like any other")
    func ratingLatestWins() throws {
        for first in [0, 1] {
            let devices = try Devices(2)
            try devices.syncAll()
            try devices.run(0, "rate", "ascent", "3", at: "2026-11-26T13:00:00Z")
            try devices.run(1, "rate", "ascent", "4", at: "2026-11-26T14:00:00Z")
            try devices.syncAll(order: [first, 1 - first])
            try devices.expectConverged()
            #expect(try devices.film(0, "ascent")["rating"] as? Double == 4)
            // The unrate is later than the other device's rating: nobody rated it.
            try devices.run(1, "rate", "ascent", "5", at: "2026-11-26T15:00:00Z")
            try devices.run(0, "unrate", "ascent", at: "2026-11-26T16:00:00Z")
            try devices.syncAll(order: [1 - first, first])
            try devices.expectConverged()
            #expect(try devices.film(1, "ascent")["rating"] is NSNull)
        }
    }

    @Test("a device whose clock runs fast wins once, then the others' later changes win again (the hybrid clock)")
    func fastClock() throws {
        let devices = try Devices(2)
        try devices.syncAll()
        try devices.run(0, "rate", "ascent", "2", at: "2027-06-01T00:00:00Z")
        try devices.syncAll()
        // The other device has seen the fast time: its next change is later, whatever its wall clock says.
        try devices.run(1, "rate", "ascent", "5", at: "2026-11-26T12:05:00Z")
        try devices.syncAll()
        try devices.expectConverged()
        #expect(try devices.film(0, "ascent")["rating"] as? Double == 5)
    }

    @Test("viewings and tags are sets: both devices' additions stay; an unwatch or untag on one removes the row everywhere")
    func sets() throws {
        let devices = try Devices(2)
        try devices.run(0, "watch", "ascent", "--on", "2024-01-01")
        try devices.run(0, "tag", "ascent", "winter")
        try devices.syncAll()
        try devices.run(1, "watch", "ascent", "--on", "2024-03-03")
        try devices.run(1, "tag", "ascent", "partisans")
        try devices.run(0, "unwatch", "ascent", "--on", "2024-01-01")
        try devices.run(0, "untag", "ascent", "winter")
        try devices.syncAll()
        try devices.expectConverged()
        let ascent = try devices.film(0, "ascent")
        #expect((ascent["viewings"] as? [[String: Any]])?.compactMap { $0["date"] as? String } == ["2024-03-03"])
        #expect(ascent["tags"] as? [String] == ["partisans"])
    }

    @Test("a note edited on two devices: the later edit wins the note, the other text stays as a note of its own")
    func noteEditedTwice() throws {
        let devices = try Devices(2)
        try devices.run(0, "note", "ascent", "Snow.")
        try devices.syncAll()
        try devices.run(0, "note", "edit", "1", "Snow, says the laptop.", at: "2026-11-26T13:00:00Z")
        try devices.run(1, "note", "edit", "1", "Snow, says the desktop.", at: "2026-11-26T14:00:00Z")
        try devices.syncAll()
        try devices.expectConverged()
        let notes = (try devices.film(0, "ascent")["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(Set(notes) == ["Snow, says the laptop.", "Snow, says the desktop."])
        #expect(try devices.run(1, "note", "list").stdout.contains("[1] The Ascent (1977)"))
    }

    @Test("a note edited on one device and deleted on the other: the edit wins, the note comes back with it")
    func editBeatsDelete() throws {
        for first in [0, 1] {
            let devices = try Devices(2)
            try devices.run(0, "note", "ascent", "Snow.")
            try devices.syncAll()
            try devices.run(0, "note", "edit", "1", "Snow and silence.", at: "2026-11-26T13:00:00Z")
            try devices.run(1, "note", "delete", "1", at: "2026-11-26T14:00:00Z")
            try devices.syncAll(order: [first, 1 - first])
            try devices.expectConverged()
            let notes = (try devices.film(1, "ascent")["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(notes == ["Snow and silence."])
        }
    }

    @Test("a film removed on one device while another watched it stays, with the viewing; once unwatched it goes everywhere")
    func removedFilmHeldThenReleased() throws {
        for first in [0, 1] {
            let devices = try Devices(2)
            try devices.run(0, "collection", "import", projectRoot + "/docs/examples/tarkovsky.txt", "--title", "Tarkovsky")
            try devices.syncAll()
            try devices.run(1, "watch", "stalker", "--on", "2024-05-05", at: "2026-11-26T13:00:00Z")
            try devices.run(0, "collection", "remove", "tarkovsky", "--force", at: "2026-11-26T14:00:00Z")
            try devices.syncAll(order: [first, 1 - first])
            try devices.expectConverged()
            for index in 0..<2 {
                let stalker = try devices.film(index, "stalker")
                #expect((stalker["viewings"] as? [[String: Any]])?.compactMap { $0["date"] as? String } == ["2024-05-05"])
                #expect((stalker["description"] as? String ?? "").hasPrefix("A guide leads"), "device \(index): \(stalker)")
                #expect(try devices[index].run("show", "ivan's childhood").status != 0, "device \(index): removed as asked")
            }
            try devices.run(1, "unwatch", "stalker", "--all", at: "2026-11-26T15:00:00Z")
            try devices.syncAll(order: [first, 1 - first])
            try devices.expectConverged()
            for index in 0..<2 {
                #expect(try devices[index].run("show", "stalker").status != 0, "device \(index): it holds nothing added any more, so it goes")
            }
        }
    }

    @Test("a film removed on one device while another gave it ids and a viewing: it stays with the ids on both")
    func removedFilmKeepsConcurrentIds() throws {
        for first in [0, 1] {
            let devices = try Devices(2)
            try devices.run(0, "collection", "import", projectRoot + "/docs/examples/tarkovsky.txt", "--title", "Tarkovsky")
            try devices.syncAll()
            try devices.run(1, "import", projectRoot + "/docs/examples/letterboxd-export", "--add-missing", at: "2026-11-26T13:00:00Z")
            try devices.run(0, "collection", "remove", "tarkovsky", "--force", at: "2026-11-26T14:00:00Z")
            try devices.syncAll(order: [first, 1 - first])
            try devices.expectConverged()
            for index in 0..<2 {
                let ids = try devices.film(index, "stalker")["ids"] as? [String: Any]
                #expect(ids?["letterboxd"] as? String == "https://boxd.it/1sXY", "device \(index): \(String(describing: ids))")
            }
        }
    }

    @Test("a note deleted on one device while the other edited it and undid the edit: it stays deleted everywhere")
    func undoneEditLeavesDeletion() throws {
        for first in [0, 1] {
            let devices = try Devices(2)
            try devices.run(0, "note", "ascent", "Snow.")
            try devices.syncAll()
            try devices.run(0, "note", "edit", "1", "Snow and silence.", at: "2026-11-26T13:00:00Z")
            try devices.run(0, "undo", at: "2026-11-26T13:05:00Z")
            try devices.run(1, "note", "delete", "1", at: "2026-11-26T14:00:00Z")
            try devices.syncAll(order: [first, 1 - first])
            try devices.expectConverged()
            for index in 0..<2 {
                #expect((try devices.film(index, "ascent")["notes"] as? [[String: Any]])?.isEmpty == true, "device \(index)")
            }
        }
    }

    @Test("film facts: per source and field the latest change wins")
    func factsLatestWins() throws {
        let devices = try Devices(2)
        try devices.syncAll()
        try devices.run(0, "film", "set", "ascent", "--runtime", "100", at: "2026-11-26T13:00:00Z")
        try devices.run(1, "film", "set", "ascent", "--runtime", "111", "--genre", "War", at: "2026-11-26T14:00:00Z")
        try devices.syncAll(order: [1, 0])
        try devices.expectConverged()
        let ascent = try devices.film(0, "ascent")
        #expect(ascent["runtime"] as? Int == 111 && ascent["genres"] as? [String] == ["War"])
    }

    @Test("the same real export imported on two devices, then synced: the films of one import, nothing doubled",
          .enabled(if: realExportsRoot != nil, "../shared/fixtures/real-exports is not here"))
    func sameExportTwice() throws {
        let export = realExportsRoot! + "/letterboxd-aguitov-2026"
        let devices = try Devices(2)
        try devices.run(0, "import", export, "--add-missing")
        try devices.run(1, "import", export, "--add-missing")
        let films = try devices[0].query("SELECT count(*) FROM film").first
        let viewings = try devices[0].query("SELECT count(*) FROM viewing").first
        try devices.syncAll()
        try devices.expectConverged()
        #expect(try devices[1].query("SELECT count(*) FROM film").first == films)
        #expect(try devices[1].query("SELECT count(*) FROM viewing").first == viewings)
    }

    @Test("undo travels: undoing a change undoes it everywhere; undoing what came from another device travels back")
    func undoTravels() throws {
        let devices = try Devices(2)
        try devices.syncAll()
        try devices.run(0, "rate", "ascent", "4")
        try devices.syncAll()
        try devices.run(0, "undo")
        try devices.syncAll()
        #expect(try devices.film(1, "ascent")["rating"] is NSNull)
        try devices.run(1, "watch", "red tent", "--on", "2024-05-05")
        try devices.syncAll()
        // Device 0's latest entry is the file that brought the viewing: its undo goes back to device 1.
        #expect(try devices.run(0, "undo").stdout.contains("Applied device1's file"))
        try devices.syncAll()
        try devices.expectConverged()
        #expect((try devices.film(1, "red tent")["viewings"] as? [Any])?.isEmpty == true)
    }

    @Test("a new device catches up: a fresh install's first sync gives it the same diary; --dry-run changes nothing")
    func newDevice() throws {
        let devices = try Devices(2)
        try devices.run(0, "import", projectRoot + "/docs/examples/letterboxd-export", "--add-missing")
        try devices.run(0, "note", "stalker", "The room.")
        try devices.sync(0)
        let before = devices[1].databaseBytes()
        let dry = try devices.sync(1, ["--dry-run"])
        #expect(dry.stderr.contains("Would apply 1 file"), "\(dry.stderr)")
        #expect(devices[1].databaseBytes() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: devices.folder).count == 1, "a dry run writes no file")
        try devices.sync(1)
        try devices.expectConverged()
        let again = try devices.sync(1, ["--json"])
        let report = try devices[1].parseJSON(again.stdout) as? [String: Any]
        #expect(report?["sent"] is NSNull && (report?["applied"] as? [Any])?.isEmpty == true)
    }

    @Test("a new device starts from the latest snapshot: the files before it are not needed; a restore writes one")
    func startsFromSnapshot() throws {
        let devices = try Devices(2)
        try devices.run(0, "import", projectRoot + "/docs/examples/letterboxd-export", "--add-missing")
        try devices.sync(0)
        try devices.run(0, "watch", "ascent", "--on", "2024-01-01")
        try devices.sync(0)
        let backup = devices[0].folder + "/backup.sqlite"
        try devices.run(0, "db", "backup", backup)
        let viewings = (try devices.film(0, "ascent")["viewings"] as? [Any])?.count
        try devices.run(0, "rate", "ascent", "2")
        try devices.run(0, "db", "restore", backup)
        let restored = try devices.sync(0)
        #expect(restored.stderr.contains("Wrote a snapshot of the whole diary"), "\(restored.stderr)")
        try devices.run(0, "rate", "red tent", "4", at: "2026-11-26T12:10:00Z")
        try devices.sync(0, at: "2026-11-26T12:11:00Z")
        // The files before the snapshot are gone from the folder (a tool that keeps only recent
        // files, or a person tidying it): a new device needs only the snapshot and what follows.
        let id = try devices[0].query("SELECT id FROM syncDevice").first ?? "?"
        for number in ["0000000001", "0000000002"] { try FileManager.default.removeItem(atPath: devices.folder + "/" + id + "/" + number + ".wlsync") }
        let caughtUp = try devices.sync(1, at: "2026-11-26T12:12:00Z")
        #expect(caughtUp.stderr.contains("Applied 2 files"), "\(caughtUp.stderr)")
        try devices.syncAll()
        try devices.expectConverged()
        #expect(try devices.film(1, "red tent")["rating"] as? Double == 4)
        let caughtUpViewings = (try devices.film(1, "ascent")["viewings"] as? [Any])?.count
        #expect(viewings != nil && caughtUpViewings == viewings)
        #expect(try devices.film(1, "ascent")["rating"] as? Double != 2, "the rating the restore took back stays taken back")
    }

    @Test("two syncs of one database at once: each file written once, each file of another device applied once")
    func twoAtOnce() throws {
        for round in 0..<4 {
            let devices = try Devices(2)
            try devices.syncAll()
            for index in 0..<3 { try devices.run(1, "watch", "ascent", "--on", "2024-01-0\(index + 1)") }
            try devices.sync(1)
            try devices.run(0, "rate", "star", "3")
            func start(_ errors: String) throws -> Process {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["sync", devices.folder]
                var environment = devices[0].environment
                environment["WATCHLIST_NOW"] = "2026-11-26T12:00:00Z"
                process.environment = environment
                process.standardOutput = FileHandle.nullDevice
                #expect(FileManager.default.createFile(atPath: errors, contents: nil))
                process.standardError = FileHandle(forWritingAtPath: errors)
                try process.run()
                return process
            }
            let errors = [devices[0].folder + "/errors-a", devices[0].folder + "/errors-b"]
            let processes = try errors.map(start)
            for (process, file) in zip(processes, errors) {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \((try? String(contentsOfFile: file, encoding: .utf8)) ?? "")")
            }
            let id = try devices[0].query("SELECT id FROM syncDevice").first ?? "?"
            #expect(try FileManager.default.contentsOfDirectory(atPath: devices.folder + "/" + id).sorted() == ["0000000001.wlsync", "0000000002.wlsync"],
                    "round \(round): the rating in one file")
            let applied = try devices[0].query("SELECT count(*) FROM history WHERE summary LIKE 'Applied device1''s file 2 %'")
            #expect(applied == ["1"], "round \(round)")
            try devices.syncAll()
            try devices.expectConverged()
        }
    }
}
