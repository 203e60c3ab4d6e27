import Foundation
import Testing

/// Every command that writes, then `undo`: the JSON export is the one from before, byte for byte
/// but its time (issue "every change a changeset"). Undo applies the inverse of the change's
/// changeset; a restore is undone by its safety copy.
@Suite("undo takes back every kind of change exactly")
struct UndoCLITests {
    /// A diary with a little of everything, for the changes to change.
    static func prepared() throws -> Sandbox {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("import", projectRoot + "/docs/examples/letterboxd-export", "--add-missing").status == 0)
        #expect(try sandbox.run("watch", "ascent", "--on", "2024-01-02").status == 0)
        #expect(try sandbox.run("note", "ascent", "Snow and silence.").status == 0)
        #expect(try sandbox.run("tag", "red tent", "arctic").status == 0)
        #expect(try sandbox.run("rate", "red tent", "3").status == 0)
        #expect(try sandbox.run("film", "set", "ascent", "--runtime", "111").status == 0)
        return sandbox
    }

    static let changes: [[String]] = [
        ["watch", "white sun", "--on", "2024-05-01"],
        ["unwatch", "ascent", "--on", "2024-01-02"],
        ["unwatch", "ascent", "--all"],
        ["rate", "ascent", "2.5"],
        ["unrate", "red tent"],
        ["note", "star", "Out of fuel, out of time."],
        ["note", "edit", "1", "Snow, silence, and the dark."],
        ["note", "delete", "1"],
        ["tag", "ascent", "partisans", "winter"],
        ["untag", "red tent", "arctic"],
        ["film", "set", "stalker", "--director", "Andrei Tarkovsky", "--genre", "Drama", "--year", "1979"],
        ["film", "unset", "ascent", "--all"],
        ["collection", "import", "DOCS/tarkovsky.txt"],
        ["collection", "remove", "letterboxd-watchlist", "--force"],
        ["import", "SHARED/letterboxd-melvincarvalho-2021", "--add-missing"],
        ["import", "DOCS/trakt-backup", "--add-missing"],
    ]

    @Test("each command, then undo: the export is the one from before", arguments: changes)
    func undoes(command: [String]) throws {
        let sandbox = try Self.prepared()
        let shared = projectRoot + "/../shared/fixtures/real-exports"
        if command.contains(where: { $0.hasPrefix("SHARED/") }), !FileManager.default.fileExists(atPath: shared) {
            print("skipped: ../shared/fixtures/real-exports is not beside the project")
            return
        }
        let arguments = command.map {
            $0.replacingOccurrences(of: "DOCS/", with: projectRoot + "/docs/examples/").replacingOccurrences(of: "SHARED/", with: shared + "/")
        }
        let before = withoutExportTime(try sandbox.run("export").stdout)
        let change = try sandbox.runRaw(arguments)
        #expect(change.status == 0, "\(command): \(change.stderr)")
        #expect(withoutExportTime(try sandbox.run("export").stdout) != before, "\(command) changed something")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(command): \(undo.stderr)")
        #expect(withoutExportTime(try sandbox.run("export").stdout) == before, "\(command)")
        #expect(try sandbox.run("db", "check").status == 0)
        // The search index followed the undo.
        #expect(try sandbox.run("search", "silence").status == 0)
    }

    @Test("db restore, then undo: the export is the one from before")
    func undoesRestore() throws {
        let sandbox = try Self.prepared()
        let other = try Sandbox()
        #expect(try other.run("watch", "alive", "--on", "2023-03-03").status == 0)
        let before = withoutExportTime(try sandbox.run("export").stdout)
        #expect(try sandbox.run("db", "restore", other.db).status == 0)
        #expect(try sandbox.run("search", "silence").status == 1, "the index is the restored content's")
        #expect(try sandbox.run("undo").status == 0)
        #expect(withoutExportTime(try sandbox.run("export").stdout) == before)
        #expect(try sandbox.run("search", "silence").status == 0)
    }

    @Test("a new database's schema holds no undo trigger and no undo log")
    func noUndoTriggers() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("watch", "ascent").status == 0)
        let objects = try sandbox.query("SELECT type || ' ' || name FROM sqlite_master")
        #expect(!objects.contains { $0.hasPrefix("trigger") }, "\(objects)")
        #expect(!objects.contains { $0.contains("undoLog") || $0.contains("undoRecording") }, "\(objects)")
        #expect(try sandbox.query("SELECT count(*) FROM pragma_table_info('viewing') WHERE name = 'importId'") == ["0"])
        #expect(try sandbox.query("SELECT count(*) FROM historyChange") == ["1"])
    }
}
