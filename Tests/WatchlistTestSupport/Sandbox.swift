import Foundation
import GRDB

/// What a run of the real binary did.
public struct Run: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Standard output's and standard error's lines, as a person at the terminal sees them.
    public var lines: [String] {
        (stdout + stderr).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

/// The built `watchlist` executable, beside the test bundle.
public let binary: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("watchlist").path
}()

/// A temporary folder with a home in it; runs the binary as a person with that home, whose
/// database is at the default path (`db`).
public final class Sandbox: Sendable {
    public let folder: String
    /// The database: the default path of the sandbox's home.
    public let db: String

    public init() throws {
        folder = NSTemporaryDirectory() + "watchlist-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        db = folder + "/home/.local/share/watchlist/watchlist.sqlite"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// An environment that cannot reach the user's own database, with a stopped clock
    /// (2026-11-26T12:00:00Z, UTC) and a short wait for locks.
    public var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder + "/home"
        environment.removeValue(forKey: "WATCHLIST_DB")
        environment.removeValue(forKey: "XDG_DATA_HOME")
        environment["WATCHLIST_NOW"] = "2026-11-26T12:00:00Z"
        environment["TZ"] = "UTC"
        environment["WATCHLIST_LOCK_TIMEOUT"] = "0.5"
        // Output for a pipe: no terminal width, UTF-8 glyphs.
        environment.removeValue(forKey: "COLUMNS")
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "LC_ALL")
        environment.removeValue(forKey: "LC_CTYPE")
        return environment
    }

    /// Runs `watchlist <arguments>` on the sandbox's database (the default path of its home).
    @discardableResult
    public func run(_ arguments: String..., stdin: Data? = nil) throws -> Run {
        try runRaw(arguments, stdin: stdin)
    }

    /// The same with more variables in the environment (`COLUMNS`, `LANG`).
    @discardableResult
    public func run(_ arguments: [String], with variables: [String: String], stdin: Data? = nil) throws -> Run {
        try runRaw(arguments, stdin: stdin, environment: environment.merging(variables) { $1 })
    }

    /// Runs the binary with exactly these arguments and this environment.
    public func runRaw(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
                executable: String = binary, directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment ?? self.environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? folder)
        // Output goes to files, so that a large output can never block the child on a full pipe.
        let outputPath = folder + "/.stdout-\(UUID().uuidString)", errorPath = folder + "/.stderr-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: outputPath, contents: nil),
              FileManager.default.createFile(atPath: errorPath, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        let output = FileHandle(forWritingAtPath: outputPath)!, errors = FileHandle(forWritingAtPath: errorPath)!
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        try output.close()
        try errors.close()
        if let stdin {
            // The child may stop reading early (a refused, overlong input): that is not our failure.
            signal(SIGPIPE, SIG_IGN)
            try? input.fileHandleForWriting.write(contentsOf: stdin)
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self),
                   stderr: String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self))
    }

    /// What a run stopped by a signal did: whether it was still running when the signal came,
    /// how it ended, and what it wrote on standard error.
    public struct Stopped {
        public var wasRunning: Bool
        public var reason: Process.TerminationReason
        public var status: Int32
        public var stderr: String
    }

    /// Runs `watchlist <arguments>`, sends it `signal` after `delay` seconds, and waits for it.
    public func runStopped(_ arguments: [String], by signal: Int32, after delay: TimeInterval) throws -> Stopped {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        let errors = folder + "/.stderr-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: errors, contents: nil), let handle = FileHandle(forWritingAtPath: errors) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? FileManager.default.removeItem(atPath: errors) }
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        try handle.close()
        Thread.sleep(forTimeInterval: delay)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return Stopped(wasRunning: wasRunning, reason: process.terminationReason, status: process.terminationStatus,
                       stderr: String(decoding: FileManager.default.contents(atPath: errors) ?? Data(), as: UTF8.self))
    }

    /// Makes the user `uid` the owner of the sandbox, the folders down to the database and the
    /// database: for a test that runs the binary as another user (setpriv, as root).
    public func giveDatabase(to uid: uid_t) {
        var path = db
        while path.count >= folder.count {
            chown(path, uid, uid)
            path = (path as NSString).deletingLastPathComponent
        }
    }

    /// The database file's bytes, to show a command changed nothing.
    public func databaseBytes() -> Data? {
        FileManager.default.contents(atPath: db)
    }

    public func parseJSON(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}

/// Runs SQL on a database file outside the tool, to damage it on purpose.
public enum DatabaseQueueOpener {
    public static func open(_ path: String) throws -> (String) throws -> Void {
        let queue = try DatabaseQueue(path: path)
        return { sql in try queue.inDatabase { db in try db.execute(sql: sql) } }
    }
}

extension Sandbox {
    /// Writes `text` to `name` inside the sandbox (making its folders) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Rows of a query on the database file, read outside the tool, as text.
    public func query(_ sql: String) throws -> [String] {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: sql) }
    }
}

/// A JSON export without its `exportedAt` value, to compare two exports' content.
public func withoutExportTime(_ text: String) -> String {
    guard let start = text.range(of: #""exportedAt":""#), let end = text[start.upperBound...].firstIndex(of: "\"") else { return text }
    return String(text[..<start.lowerBound] + text[text.index(after: end)...])
}
