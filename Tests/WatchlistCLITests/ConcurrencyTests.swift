import Foundation
import Testing

@Suite("many processes at once")
struct ConcurrencyTests {
    /// What process `index` runs: 50 writes to its own film (id index + 1), watch, rate and note
    /// in turn, as a shell script that fails when any command fails.
    static func script(index: Int, db: String) -> String {
        var lines = ["failed=0"]
        for step in 0..<50 {
            let film = index + 1
            let arguments: String
            switch step % 3 {
            case 0: arguments = "watch \(film) --on \(2010 + step / 3)-01-0\(index + 1)"
            case 1: arguments = "rate \(film) \(step % 10 + 1)/10"
            default: arguments = "note \(film) 'process \(index) note \(step)'"
            }
            lines.append("\"$0\" --db '\(db)' \(arguments) >/dev/null || { echo \"step \(step) exited $?\" >&2; failed=1; }")
        }
        lines.append("exit $failed")
        return lines.joined(separator: "\n")
    }

    @Test("8 processes × 50 writes on a path that does not exist yet: all exit 0, every write is kept, the checks are clean")
    func eightWriters() throws {
        let sandbox = try Sandbox()
        let db = sandbox.folder + "/new/folder/watchlist.sqlite"
        let processes = (0..<8).map { index -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", ConcurrencyTests.script(index: index, db: db), binary]
            // Writers wait for each other as a user's would: the default lock timeout.
            process.environment = sandbox.environment.filter { $0.key != "WATCHLIST_LOCK_TIMEOUT" }
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            return (process, errors)
        }
        for (process, _) in processes { try process.run() }
        for (index, (process, errors)) in processes.enumerated() {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "process \(index): \(message)")
        }
        let export = try sandbox.runRaw(["--db", db, "export"])
        let films = try #require((try sandbox.parseJSON(export.stdout) as? [String: Any])?["films"] as? [[String: Any]])
        for index in 0..<8 {
            let film = films[index]
            let days = (film["viewings"] as? [[String: Any]])?.compactMap { $0["date"] as? String }
            #expect(days == (0..<17).map { "\(2010 + $0)-01-0\(index + 1)" })
            let notes = (film["notes"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
            #expect(notes == stride(from: 2, to: 50, by: 3).map { "process \(index) note \($0)" })
            #expect(film["rating"] as? Double == 5, "the last rating, 10/10, is kept")
        }
        #expect((films[8]["viewings"] as? [Any])?.isEmpty == true, "no process wrote film 9")
        let check = try sandbox.runRaw(["--db", db, "db", "check"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("is sound"))
    }
}

@Suite("db commands through the binary")
struct DatabaseCommandTests {
    @Test("db path, check, backup (73 over a file), restore (65 for a bad backup, 66 for a missing one)")
    func commands() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("db", "path").stdout == sandbox.db + "\n")
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
        #expect(try sandbox.run("db", "check").status == 0)
        let backup = sandbox.folder + "/backup.sqlite"
        #expect(try sandbox.run("db", "backup", backup).status == 0)
        #expect(try sandbox.run("db", "backup", backup).status == 73)
        try sandbox.run("watch", "red tent", "--on", "2024-02-01")
        let restored = try sandbox.run("db", "restore", backup)
        #expect(restored.status == 0)
        #expect(restored.stdout.contains("the previous content is in ~/.local/share/watchlist/watchlist.sqlite.restores/2026-11-26T120000Z-"),
                "the copy is named from the home folder, as a person types it")
        let watched = try sandbox.parseJSON(try sandbox.run("list", "--watched", "--json").stdout) as? [[String: Any]]
        #expect(watched?.map { $0["id"] as? Int } == [1])
        let before = sandbox.databaseBytes()
        let junk = sandbox.folder + "/junk.sqlite"
        #expect(FileManager.default.createFile(atPath: junk, contents: Data("junk".utf8)))
        #expect(try sandbox.run("db", "restore", junk).status == 65)
        #expect(try sandbox.run("db", "restore", sandbox.folder + "/missing.sqlite").status == 66)
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("db check exits 74 and names the problem when a foreign key is broken")
    func damaged() throws {
        let sandbox = try Sandbox()
        try sandbox.run("watch", "ascent", "--on", "2024-01-01")
        let sql = "PRAGMA foreign_keys=OFF; INSERT INTO note (filmId, text, createdAt, updatedAt) VALUES (99, 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        let queue = try DatabaseQueueOpener.open(sandbox.db)
        try queue(sql)
        let check = try sandbox.run("db", "check")
        #expect(check.status == 74)
        #expect(check.stderr.contains("refers to a missing row of film"))
    }
}
