import Foundation
import GRDB

/// What another program does to a database file: holds its lock, edits it behind the tool's
/// back. The tests of the core and of the binary share these.
public enum Tampering {
    /// Runs SQL on the file as another program would, with the schema's CHECKs off.
    public static func execute(_ path: String, _ statements: String...) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            for statement in statements { try db.execute(sql: statement) }
        }
        try queue.close()
    }

    /// Runs SQL with the schema writable: to plant a trigger or change a table's definition.
    public static func editSchema(_ path: String, _ statements: String...) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            for statement in statements { try db.execute(sql: statement) }
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        try queue.close()
    }
}

/// Another connection that holds an exclusive lock on a database, on its own thread, until
/// `release()`.
public final class LockHolder: @unchecked Sendable {
    private let letGo = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    /// Returns once the lock is held.
    public init(_ path: String) {
        let locked = DispatchSemaphore(value: 0)
        let release = self.letGo, done = self.done
        let holder = Thread {
            let queue = try! DatabaseQueue(path: path)
            try! queue.inDatabase { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                locked.signal()
                release.wait()
                try db.execute(sql: "ROLLBACK")
            }
            try? queue.close()
            done.signal()
        }
        holder.start()
        locked.wait()
    }

    /// Lets the lock go, and waits until it is gone.
    public func release() {
        letGo.signal()
        done.wait()
    }
}
