import Foundation
internal import GRDB

/// This device as the sync folder knows it (`syncDevice`), set by its first sync.
struct SyncDevice: Equatable {
    var id: String
    var name: String
    var clock: String
    /// The last file it wrote, and the last outbox entry that file held.
    var written: Int64
    var outboxWritten: Int64
}

/// The device's own sync state (schema v11): never in a changeset.
extension Store {
    func syncDevice() throws -> SyncDevice? {
        try one("SELECT id, name, clock, written, outboxWritten FROM syncDevice", []) {
            SyncDevice(id: try $0.value(0, "syncDevice"), name: try $0.value(1, "syncDevice"), clock: try $0.value(2, "syncDevice"),
                       written: try $0.value(3, "syncDevice"), outboxWritten: try $0.value(4, "syncDevice"))
        }
    }

    func createSyncDevice(id: String, name: String, now: String) throws {
        try execute("INSERT INTO syncDevice (id, name, clock, createdAt) VALUES (?, ?, ?, ?)", [id, name, SyncClock.never, now])
    }

    /// Gives the changes not written yet (and the row times they set) the device `to` in
    /// their times, where they name `from`: a copy of another device's database made them.
    func restampOutbox(from old: String, to new: String) throws {
        let restamp = "substr(at, 1, length(at) - 16) || ?2"
        try execute("UPDATE syncRowTime SET at = " + restamp + " WHERE substr(at, -16) = ?1 AND at IN (SELECT at FROM syncOutbox)", [old, new])
        try execute("UPDATE syncOutbox SET at = " + restamp + " WHERE substr(at, -16) = ?1", [old, new])
    }

    func renameSyncDevice(_ name: String) throws {
        try execute("UPDATE syncDevice SET name = ?", [name])
    }

    /// The next time of this device's clock for a change made at `wall` (ISO-8601), or nil when
    /// the device has never synced (nothing is then kept for the folder).
    func syncTick(wall: String) throws -> String? {
        guard let device = try syncDevice() else { return nil }
        let time = SyncClock.tick(last: device.clock, wall: (Timestamp.seconds(iso: wall) ?? 0) * 1000, device: device.id)
        try execute("UPDATE syncDevice SET clock = ?", [time])
        return time
    }

    /// Moves the clock past a time seen in another device's file.
    func syncObserve(_ time: String) throws {
        guard let device = try syncDevice() else { return }
        let clock = SyncClock.observe(last: device.clock, seen: time, device: device.id)
        if clock != device.clock { try execute("UPDATE syncDevice SET clock = ?", [clock]) }
    }

    /// Notes a file written: its number, the last outbox entry it held, and for the snapshot
    /// rule the bytes of its changesets (a snapshot's size, or what was written since one); the
    /// next file is a snapshot once those are at least `snapshotAfter` and twice the latest
    /// snapshot's size.
    func setWritten(_ sequence: Int64, outbox: Int64, snapshot: Bool, bytes: Int64, snapshotAfter: Int64) throws {
        // Noted once: another sync of this database may have noted it a moment ago.
        try execute("UPDATE syncDevice SET written = ?, outboxWritten = ? WHERE written = ? - 1", [sequence, outbox, sequence])
        guard changes > 0 else { return }
        try execute("DELETE FROM syncOutbox WHERE id <= ?", [outbox])
        if snapshot {
            try execute("UPDATE syncDevice SET needsSnapshot = 0, sinceSnapshot = 0, snapshotBytes = ?", [bytes])
        } else {
            try execute("UPDATE syncDevice SET sinceSnapshot = sinceSnapshot + ?", [bytes])
            // A snapshot weighs about what the diary holds now (80 bytes a row is generous): one
            // is written when replaying what came since the last would cost twice as much.
            let rows = try SharedTables.names.reduce(Int64(0)) { $0 + (try value(Int64.self, "SELECT count(*) FROM \($1)") ?? 0) }
            try execute("UPDATE syncDevice SET needsSnapshot = 1 WHERE sinceSnapshot >= ?1 AND sinceSnapshot > 2 * max(snapshotBytes, ?2)",
                        [snapshotAfter, rows * 80])
        }
    }

    // MARK: The outbox

    /// Keeps a change made here for the folder: its changeset in the outbox, and the times of
    /// the rows whose conflicts the latest change decides (with what a removal removed).
    func sendToFolder(_ changeset: Changeset, at time: String) throws {
        guard !changeset.isEmpty else { return }
        try execute("INSERT INTO syncOutbox (at, changeset) VALUES (?, ?)", [time, Data(changeset.bytes)])
        // A row of a set keeps the time it was added or removed apart from the time of its
        // latest edit: an edit (a viewing that became a rewatch) never outlasts a removal elsewhere.
        var rows = SyncRows(store: self)
        for change in try changeset.rowChanges() {
            if let kept = SyncApplier.keptTextKey(change) { try SyncApplier.seenText(self, kept, at: time) }
            if change.operation == .update, !SyncApplier.latestTables.contains(change.table) {
                try SyncApplier.noteValueTime(self, change.table, key: change.key, at: time)
                continue
            }
            if change.operation == .delete, SyncApplier.latestTables.contains(change.table) {
                try SyncApplier.noteRemovedValues(self, change.table, key: change.key, change.old.map { $0 ?? .null },
                                                  columns: try rows.columns(change.table))
            }
            try SyncApplier.noteTime(self, change.table, key: change.key, at: time, deleted: change.operation == .delete,
                                     row: change.operation == .delete ? change.old.map { $0 ?? .null } : nil)
        }
    }

    /// The changes not written to the folder yet, oldest first, up to `limit` bytes of
    /// changesets (at least one): the entries of the next file, and the last id among them.
    func outbox(limit: Int) throws -> (entries: [SyncFile.Entry], last: Int64) {
        var entries: [SyncFile.Entry] = [], last: Int64 = 0, size = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT id, at, changeset FROM syncOutbox ORDER BY id")
        while let row = try rows.next() {
            let bytes: Data = row[2]
            if !entries.isEmpty, size + bytes.count > limit { break }
            entries.append(SyncFile.Entry(at: row[1], changeset: Changeset(bytes: Array(bytes))))
            (last, size) = (row[0], size + bytes.count)
        }
        return (entries, last)
    }

    func outboxCount() throws -> Int {
        try value(Int.self, "SELECT count(*) FROM syncOutbox") ?? 0
    }

    // MARK: Other devices

    func syncPeers() throws -> [String: (name: String, applied: Int64)] {
        var peers: [String: (name: String, applied: Int64)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, applied FROM syncPeer") { peers[row[0]] = (row[1], row[2]) }
        return peers
    }

    func setApplied(peer: String, name: String, sequence: Int64) throws {
        try execute("""
            INSERT INTO syncPeer (id, name, applied) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, applied = excluded.applied
            """, [peer, name, sequence])
    }

    // MARK: Row times

    /// The time of the latest synced change to a row (`syncRowTime`), and whether it removed it.
    func rowTime(_ table: String, _ key: Int64) throws -> (at: String, deleted: Bool, row: String?)? {
        try one("SELECT at, deleted, row FROM syncRowTime WHERE tableName = ? AND rowKey = ?", [table, key]) {
            (at: try $0.value(0, "syncRowTime") as String, deleted: try $0.value(1, "syncRowTime") as Bool,
             row: try $0.value(2, "syncRowTime") as String?)
        }
    }

    /// Notes the time of a row's latest change (a later time is kept); `deleted` with what the
    /// row held (`row`, JSON).
    func setRowTime(_ table: String, _ key: Int64, at time: String, deleted: Bool = false, row: String? = nil) throws {
        try execute("""
            INSERT INTO syncRowTime (tableName, rowKey, at, deleted, row) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (tableName, rowKey) DO UPDATE SET at = ?3, deleted = ?4, row = ?5 WHERE excluded.at >= syncRowTime.at
            """, [table, key, time, deleted, row])
    }

    /// Sets a row's time whatever it was (a row brought back takes the time of its values), or
    /// forgets it (nil: a row no synced change has timed).
    func resetRowTime(_ table: String, _ key: Int64, at time: String?) throws {
        try execute("DELETE FROM syncRowTime WHERE tableName = ? AND rowKey = ?", [table, key])
        if let time, time != SyncClock.never { try setRowTime(table, key, at: time) }
    }

    /// Whether a film, collection or note is kept against another device's removal
    /// (`SyncApplier+Held`): only then has a sync anything to release at its end.
    func holdsAgainstRemovals() throws -> Bool {
        try value(Bool.self, "SELECT EXISTS (SELECT 1 FROM syncRowTime WHERE tableName IN (?, ?, ?))",
                  StatementArguments(SyncApplier.heldTables)) ?? false
    }

    /// Forgets the times of changes older than `before` (a time): a device offline longer than
    /// that may bring back what was removed since (README "Several devices").
    func forgetRowTimes(before time: String) throws {
        try execute("DELETE FROM syncRowTime WHERE at < ?", [time])
    }
}
