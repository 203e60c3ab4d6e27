import Foundation
import GRDB
import Testing

/// Each bad input gets its documented exit status and a message that says what is
/// accepted, and leaves the database byte for byte as it was.
@Suite("exit statuses")
struct ExitStatusTests {
    let sandbox: Sandbox

    /// A database with a little in it, so that "changes nothing" means something.
    init() throws {
        sandbox = try Sandbox()
        try sandbox.run("watch", "ascent", "--on", "2025-01-01")
        try sandbox.run("rate", "ascent", "4")
        try sandbox.run("note", "ascent", "kept")
    }

    static let cases: [(arguments: [String], status: Int32, message: String)] = [
        (["show", "nosuchfilm"], 1, "No film matches 'nosuchfilm'"),
        (["show", "ascnt"], 1, "Did you mean: The Ascent (1977)?"),
        (["watch", "the"], 1, "matches 2 films"),
        (["watch", "99"], 1, "No film matches '99'"),
        (["note", "edit", "42", "x"], 1, "No note has id 42"),
        (["note", "delete", "42"], 1, "No note has id 42"),
        (["unrate", "red tent"], 1, "has no rating to remove"),
        (["rate", "ascent", "0"], 64, "0.5 to 5 in steps of 0.5"),
        (["rate", "ascent", "5.5"], 64, "0.5 to 5 in steps of 0.5"),
        (["rate", "ascent", "4.25"], 64, "0.5 to 5 in steps of 0.5"),
        (["rate", "ascent", "abc"], 64, "0.5 to 5 in steps of 0.5"),
        (["watch", "ascent", "--on", "2026-02-30"], 64, "Use YYYY-MM-DD"),
        (["watch", "ascent", "--on", "2999-01-01"], 64, "is in the future"),
        (["watch", "ascent", "--on", "1976-06-01"], 64, "before The Ascent (1977) came out in 1977"),
        (["watch", "ascent", "--on", "soon"], 64, "Use YYYY-MM-DD"),
        (["note", "ascent", ""], 64, "The note is empty"),
        (["note", "ascent", "   "], 64, "The note is empty"),
        (["note", "edit", "1", " "], 64, "The note is empty"),
        (["note", "edit", "abc", "x"], 64, "abc"),
        (["list", "--watched", "--unwatched"], 64, "not both"),
        (["list", "--sort", "colour"], 64, "colour"),
        (["list", "--frobnicate"], 64, "frobnicate"),
        (["unwatch", "ascent", "--all", "--on", "2025-01-01"], 64, "not both"),
        (["export", "--format", "xml"], 64, "xml"),
        (["export", "--force"], 64, "--force goes with --output"),
        (["nosuchcommand"], 64, "nosuchcommand"),
    ]

    @Test("bad input: its status, a message, and no change", arguments: cases)
    func refused(arguments: [String], status: Int32, message: String) throws {
        let before = try #require(sandbox.databaseBytes())
        let run = try sandbox.runRaw(arguments)
        #expect(run.status == status)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("a NUL byte or invalid UTF-8 on standard input is malformed data: 65")
    func malformedStdin() throws {
        let before = sandbox.databaseBytes()
        let nul = try sandbox.run("note", "ascent", "-", stdin: Data([0x61, 0x00, 0x62]))
        #expect(nul.status == 65)
        #expect(nul.stderr.contains("NUL"))
        let latin1 = try sandbox.run("note", "ascent", "-", stdin: Data([0x63, 0x61, 0x66, 0xE9]))
        #expect(latin1.status == 65)
        #expect(latin1.stderr.contains("not valid UTF-8"))
        let empty = try sandbox.run("note", "ascent", "-", stdin: Data("\n\n".utf8))
        #expect(empty.status == 64)
        let huge = try sandbox.run("note", "ascent", "-", stdin: Data(repeating: 0x78, count: 500_000))
        #expect(huge.status == 64)
        #expect(huge.stderr == "watchlist: error: The note is 500000 code points long; the limit is 100000.\n")
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("an argument that is not valid UTF-8 is malformed data: 65")
    func malformedArgument() throws {
        let before = sandbox.databaseBytes()
        let run = try sandbox.runRaw(["-c", #"exec "$0" --db "$1" note ascent "$(printf 'caf\351')""#, binary, sandbox.db],
                                     executable: "/bin/sh")
        #expect(run.status == 65)
        #expect(run.stderr.contains("not valid UTF-8"))
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("a file that is not a watchlist database, or is empty, is refused with 74 and left unchanged",
          arguments: [Data("just some text, not SQLite\n".utf8), Data()])
    func notADatabase(content: Data) throws {
        let path = sandbox.folder + "/other.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: content))
        for arguments in [["list"], ["watch", "1"]] {
            let run = try sandbox.runRaw(["--db", path] + arguments)
            #expect(run.status == 74)
            #expect(run.stderr.contains("is not a watchlist database"))
        }
        #expect(FileManager.default.contents(atPath: path) == content)
    }

    @Test("a database written by a newer version is refused with 74 and left unchanged")
    func newerVersion() throws {
        let queue = try DatabaseQueue(path: sandbox.db)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99_future')") }
        try queue.close()
        let before = sandbox.databaseBytes()
        let run = try sandbox.run("watch", "1")
        #expect(run.status == 74)
        #expect(run.stderr.contains("newer version of watchlist"))
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("a database locked by another process past the timeout: 74, and the write is not made")
    func locked() throws {
        let before = sandbox.databaseBytes()
        let holder = LockHolder(sandbox.db)
        let run = try sandbox.run("watch", "2")
        holder.release()
        #expect(run.status == 74)
        #expect(run.stderr.contains("locked"))
        #expect(sandbox.databaseBytes() == before)
    }

    @Test("a read-only database still serves reads; a write says why it cannot (74) and changes nothing",
          .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "as root, the test needs setpriv to run the binary as another user"))
    func readOnly() throws {
        // Root may write to any file, so as root the binary runs as the user nobody, who owns
        // the read-only file.
        let asRoot = getuid() == 0
        if asRoot { sandbox.giveDatabase(to: 65534) }
        defer { if asRoot { sandbox.giveDatabase(to: 0) } }
        chmod(sandbox.db, 0o400)
        defer { chmod(sandbox.db, 0o600) }
        func run(_ arguments: [String]) throws -> Run {
            let command = arguments
            return asRoot
                ? try sandbox.runRaw(["--reuid=65534", "--regid=65534", "--clear-groups", binary] + command,
                                     executable: "/usr/bin/setpriv")
                : try sandbox.runRaw(command)
        }
        let before = sandbox.databaseBytes()
        let list = try run(["list", "--watched"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("The Ascent"))
        let write = try run(["watch", "2"])
        #expect(write.status == 74)
        #expect(write.stderr.contains("is read-only"))
        #expect(sandbox.databaseBytes() == before)
    }
}
