import Foundation
import GRDB

/// What a run of the real binary did.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `watchlist` executable, beside the test bundle.
let binary: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("watchlist").path
}()

/// A temporary folder with a database path in it; runs the binary against that database.
final class Sandbox {
    let folder: String
    let db: String

    init() throws {
        folder = NSTemporaryDirectory() + "watchlist-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        db = folder + "/watchlist.sqlite"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// An environment that cannot reach the user's own database, with a stopped clock
    /// (2026-11-26T12:00:00Z, UTC) and a short wait for locks.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder + "/home"
        environment.removeValue(forKey: "WATCHLIST_DB")
        environment.removeValue(forKey: "XDG_DATA_HOME")
        environment["WATCHLIST_NOW"] = "2026-11-26T12:00:00Z"
        environment["TZ"] = "UTC"
        environment["WATCHLIST_LOCK_TIMEOUT"] = "0.5"
        return environment
    }

    /// Runs `watchlist --db <db> <arguments>`.
    @discardableResult
    func run(_ arguments: String..., stdin: Data? = nil) throws -> Run {
        try runRaw(["--db", db] + arguments, stdin: stdin)
    }

    /// Runs the binary with exactly these arguments and this environment.
    func runRaw(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
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

    /// The database file's bytes, to show a command changed nothing.
    func databaseBytes() -> Data? {
        FileManager.default.contents(atPath: db)
    }

    func parseJSON(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}

/// Runs SQL on a database file outside the tool, to damage it on purpose.
enum DatabaseQueueOpener {
    static func open(_ path: String) throws -> (String) throws -> Void {
        let queue = try DatabaseQueue(path: path)
        return { sql in try queue.inDatabase { db in try db.execute(sql: sql) } }
    }
}

extension Sandbox {
    /// Writes `text` to `name` inside the sandbox (making its folders) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Rows of a query on the database file, read outside the tool, as text.
    func query(_ sql: String) throws -> [String] {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: sql) }
    }
}

/// A JSON export without its `exportedAt` value, to compare two exports' content.
func withoutExportTime(_ text: String) -> String {
    guard let start = text.range(of: #""exportedAt":""#), let end = text[start.upperBound...].firstIndex(of: "\"") else { return text }
    return String(text[..<start.lowerBound] + text[text.index(after: end)...])
}
