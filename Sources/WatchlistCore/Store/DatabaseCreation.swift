import Foundation
internal import GRDB

extension AppDatabase {
    /// Creates the database file by running the first write in a new database built in a
    /// temporary file beside `path`, then linking that file into place. link() never
    /// replaces a file: when another process created the database first, the write runs
    /// again on theirs. Either way no process ever sees a half-created database, and a
    /// failed write leaves nothing behind.
    func createWithFirstWrite<T>(seed: CollectionSeed, now: String, _ body: (Store) throws -> T) throws -> T {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let createdFolders = try makeFolders(folder)
        let temporary = folder + "/." + url.lastPathComponent + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var linked = false
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
            if !linked {
                for created in createdFolders.reversed() { rmdir(created) }
            }
        }
        let descriptor = POSIX.createExclusively(temporary, mode: 0o600)
        guard descriptor >= 0 else {
            throw WatchlistError.databaseUnavailable(path: path, reason: "cannot create a file in \(folder): \(POSIX.lastError)")
        }
        close(descriptor)
        let result: T
        do {
            let queue = try DatabaseQueue(path: AppDatabase.literalPath(temporary), configuration: AppDatabase.configuration(busyTimeout: busyTimeout))
            try AppDatabase.populate(queue, seed: seed, now: now, migrations: migrations)
            result = try queue.write { db in try AppDatabase.change(db, body) }
            try queue.close()
        } catch {
            throw DatabaseErrors.map(error, path: path)
        }
        if link(temporary, path) == 0 {
            linked = true
            POSIX.syncFolder(folder)
            dbQueue = try AppDatabase.openExisting(path: path, migrations: migrations, busyTimeout: busyTimeout).0
            unborn = nil
            return result
        }
        guard errno == EEXIST else {
            throw WatchlistError.databaseUnavailable(path: path, reason: "cannot create it: \(POSIX.lastError)")
        }
        linked = true
        dbQueue = try AppDatabase.openExisting(path: path, migrations: migrations, busyTimeout: busyTimeout).0
        unborn = nil
        return try run { try dbQueue.write { db in try AppDatabase.change(db, body) } }
    }

    /// Creates the missing folders on the way to the database with mode 0700 and returns them.
    private func makeFolders(_ folder: String) throws -> [String] {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", POSIX.status(current) == nil {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        var created: [String] = []
        for path in missing.reversed() {
            if mkdir(path, 0o700) == 0 {
                created.append(path)
            } else if errno != EEXIST {
                let reason = "cannot create the folder \(path): \(POSIX.lastError)"
                for made in created.reversed() { rmdir(made) }
                throw WatchlistError.databaseUnavailable(path: self.path, reason: reason)
            }
        }
        return created
    }
}
