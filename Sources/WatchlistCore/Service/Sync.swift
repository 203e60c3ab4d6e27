import Foundation

/// `watchlist sync DIR`: this device's changes written to the folder the devices share, and
/// every other device's applied here (README "Several devices").
extension Watchlist {
    public struct SyncOptions: Sendable {
        public var name: String?
        public var dryRun = false
        public var force = false
        /// Give this database a new device id (a copy of another device's database).
        public var newDevice = false

        public init(name: String? = nil, dryRun: Bool = false, force: Bool = false, newDevice: Bool = false) {
            (self.name, self.dryRun, self.force, self.newDevice) = (name, dryRun, force, newDevice)
        }
    }

    /// The most a file this device writes holds, in bytes of changesets: more makes several
    /// (a file is read whole when it is applied, so this bounds the memory of applying one).
    static let syncFileLimit = 16 << 20
    /// How long a removal is remembered to decide against a change made before it elsewhere.
    static let rowTimeDays = 400

    public func sync(folder path: String, _ options: SyncOptions = SyncOptions()) throws -> SyncReport {
        guard Changeset.isAvailable else {
            throw WatchlistError.databaseUnavailable(path: database.path, reason: "the system's SQLite was built without its session extension, which sync needs")
        }
        let folder = try SyncFolder(path: path)
        if options.dryRun {
            return try database.writeAndRollBack { store in
                let device = try prepareDevice(store, options)
                var report = SyncReport(dryRun: true, device: device.id, name: device.name)
                report.sent = try nextFile(store, device: device).map { SyncReport.Sent(file: $0.name, changes: $0.file.entries.count, snapshot: $0.file.header.kind == .snapshot) }
                try applyOthers(folder, device: device, peers: try store.syncPeers(), options, into: &report) { _, body in
                    try store.db.inSavepoint { try body(store); return .commit }
                }
                return report
            }
        }
        let device = try database.write { store in try prepareDevice(store, options) }
        var report = SyncReport(dryRun: false, device: device.id, name: device.name)
        try send(folder, device: device, into: &report)
        try applyOthers(folder, device: device, peers: try database.read { try $0.syncPeers() }, options, into: &report) { summary, body in
            try recorded({ (_: Void) in summary }, sendsToFolder: false) { store in try body(store) }
        }
        return report
    }

    /// This device, made at its first sync (or again, with `newDevice`), renamed with `name`.
    private func prepareDevice(_ store: Store, _ options: SyncOptions) throws -> SyncDevice {
        if let name = options.name {
            guard !name.isEmpty, name.count <= 64, !name.unicodeScalars.contains(where: { [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }) else {
                throw WatchlistError.invalidArgument("'\(name.oneLine.prefix(70))' is not a device name: give 1 to 64 characters, none of them a control character.")
            }
        }
        let copied = options.newDevice ? try store.syncDevice() : nil
        if options.newDevice { try store.execute("DELETE FROM syncDevice") }
        if var device = try store.syncDevice() {
            if let name = options.name, name != device.name { try store.renameSyncDevice(name); device.name = name }
            return device
        }
        let id = SyncClock.newDeviceId()
        try store.createSyncDevice(id: id, name: options.name ?? "device-" + id.prefix(6), now: now)
        if let copied {
            // What the copy changed and did not write is this device's, not the original's.
            try store.execute("UPDATE syncDevice SET clock = ?", [copied.clock])
            try store.restampOutbox(from: copied.id, to: id)
        }
        return try store.syncDevice()!
    }

    /// The next file this device writes: a snapshot when it needs one, else its outbox.
    private func nextFile(_ store: Store, device: SyncDevice) throws -> (name: String, file: SyncFile, outbox: Int64)? {
        let snapshot = try store.value(Bool.self, "SELECT needsSnapshot FROM syncDevice") ?? false
        var entries: [SyncFile.Entry], outbox: Int64
        if snapshot {
            // The whole diary, then the changes not written yet, which it holds already: applied
            // after it, they give their rows the times of those changes (a snapshot's rows count
            // at their own times), so that a later change elsewhere is decided as it would be
            // against the changes themselves.
            let unwritten = try store.outbox(limit: Int.max)
            entries = try SyncSnapshot.entries(store) + unwritten.entries
            outbox = max(unwritten.last, device.outboxWritten)
        } else {
            (entries, outbox) = try store.outbox(limit: Watchlist.syncFileLimit)
            guard !entries.isEmpty else { return nil }
        }
        let sequence = device.written + 1
        let header = SyncFile.Header(device: device.id, name: device.name, sequence: sequence, schema: SchemaMigrations.all.count,
                                     kind: snapshot ? .snapshot : .changes, entries: entries.count, writtenAt: now, outbox: outbox,
                                     seen: try store.syncPeers().mapValues(\.applied).filter { $0.value > 0 })
        return (SyncFile.fileName(sequence), SyncFile(header: header, entries: entries), outbox)
    }

    /// Writes this device's files until its outbox is empty. A file of this device's number
    /// that is there already is one it wrote and did not note (it stopped in between): it is
    /// noted; one it did not write means another database uses this device's id.
    private func send(_ folder: SyncFolder, device start: SyncDevice, into report: inout SyncReport) throws {
        var device = start
        while true {
            let ours = try folder.files(in: device.id)
            if let file = ours.files[device.written + 1] {
                let bytes = try folder.read(file)
                // Ours only when it holds exactly what this database would write now.
                let expected = try database.read { store in try nextFile(store, device: device) }
                guard let found = try? SyncFile.decode(bytes, device: device.id, sequence: device.written + 1, schema: SchemaMigrations.all.count),
                      let expected, found.header.outbox == expected.outbox, found.header.kind == expected.file.header.kind,
                      found.entries.map(\.at) == expected.file.entries.map(\.at),
                      found.entries.map(\.changeset.bytes) == expected.file.entries.map(\.changeset.bytes) else {
                    throw WatchlistError.invalidArgument("\(file.oneLine) is in this device's folder but was not written by this database: "
                        + "another database uses this device's id (a copy of this one?). Run sync on the copy with --new-device.")
                }
                try database.write { store in try noteWritten(store, found) }
                device = try database.read { try $0.syncDevice()! }
                continue
            }
            guard let next = try database.read({ store in try nextFile(store, device: device) }) else { return }
            do {
                try folder.write(next.file.encoded(), device: device.id, sequence: next.file.header.sequence)
            } catch WatchlistError.outputExists(_) {
                // Another sync of this database wrote it a moment ago: taken up above, as ours
                // when it holds what this database would write.
                device = try database.read { try $0.syncDevice()! }
                continue
            }
            try database.write { store in try noteWritten(store, next.file) }
            let changes = (report.sent?.changes ?? 0) + next.file.entries.count
            report.sent = SyncReport.Sent(file: folder.path + "/" + device.id + "/" + next.name, changes: changes,
                                          snapshot: (report.sent?.snapshot ?? false) || next.file.header.kind == .snapshot)
            device = try database.read { try $0.syncDevice()! }
        }
    }

    private func noteWritten(_ store: Store, _ file: SyncFile) throws {
        try store.setWritten(file.header.sequence, outbox: file.header.outbox, snapshot: file.header.kind == .snapshot,
                             bytes: Int64(file.entries.reduce(0) { $0 + $1.changeset.bytes.count }), snapshotAfter: Watchlist.snapshotAfterBytes)
    }

    /// Applies every other device's files not applied yet, in each device's order and after
    /// the files of other devices each one follows (its header's `seen`), each file in a
    /// transaction of its own (`inFile`). A file refused stops its device there (retried at the
    /// next sync); the other devices go on.
    private func applyOthers(_ folder: SyncFolder, device: SyncDevice, peers: [String: (name: String, applied: Int64)], _ options: SyncOptions,
                             into report: inout SyncReport, inFile: (_ summary: String, _ body: (Store) throws -> Void) throws -> Void) throws {
        let schema = SchemaMigrations.all.count
        let devices = try folder.devices().filter { $0.key != device.id }
        for (id, found) in devices.sorted(by: { $0.key < $1.key }) {
            report.refused += found.refused.map { SyncReport.Problem(file: folder.path + "/" + id + "/" + $0.name, reason: $0.reason) }
        }
        var applied = peers.mapValues(\.applied)
        // A device that holds nothing yet starts from the snapshot that covers the most.
        let start = options.dryRun ? nil : try catchUpStart(folder, devices: devices, own: device.id, peers: peers)
        if let start {
            applied[start.device] = start.sequence - 1
            for (other, sequence) in start.seen { applied[other] = sequence }
        }
        var done: [String: SyncReport.Applied] = [:]
        var stopped = Set<String>()
        var blocked: [String: SyncReport.Problem] = [:]
        var decoded: [String: SyncFile] = [:]
        var progress = true
        while progress {
            progress = false
            for (id, found) in devices.sorted(by: { $0.key < $1.key }) where !stopped.contains(id) {
                let next = (applied[id] ?? 0) + 1
                guard let path = found.files[next] else { continue }
                try Interruption.check()
                let file: SyncFile
                if let known = decoded[id], known.header.sequence == next { file = known } else {
                    do {
                        file = try SyncFile.decode(try folder.read(path), device: id, sequence: next, schema: schema)
                    } catch let refusal as SyncFile.Refusal {
                        switch refusal {
                        case .damaged(let reason): report.refused.append(SyncReport.Problem(file: path, reason: reason))
                        case .waiting(let reason): report.waiting.append(SyncReport.Problem(file: path, reason: reason))
                        }
                        stopped.insert(id)
                        continue
                    }
                    decoded[id] = file
                }
                // A file follows the files of other devices its writer had applied: it waits for them.
                if let (other, needed) = file.header.seen.sorted(by: { $0.key < $1.key })
                    .first(where: { $0.key != device.id && $0.key != id && (applied[$0.key] ?? 0) < $0.value }) {
                    blocked[id] = SyncReport.Problem(file: path, reason: "it follows file \(needed) of device \(other), which is not applied here yet")
                    continue
                }
                blocked[id] = nil
                do {
                    try inFile("Applied \(file.header.name.oneLine)'s file \(next) (\(plural(file.entries.count, "change")))") { store in
                        // Another sync of this database applied it a moment ago: nothing to do.
                        if (try store.syncPeers()[id]?.applied ?? 0) >= next { throw SyncGuard.AppliedElsewhere() }
                        // As an import: 16 MiB of pages, for rows whose keys are not in order.
                        try store.execute("PRAGMA cache_size = -16384")
                        var applier = SyncApplier(store: store)
                        for entry in file.entries {
                            try applier.apply(try entry.changeset.rowChanges(), at: entry.at)
                            try store.syncObserve(entry.at)
                        }
                        // Applied, and rolled back when it removed most of the diary.
                        if !options.force, let removal = try SyncGuard.removesMost(applier.removing, store) {
                            throw SyncGuard.NeedsForce(reason: removal)
                        }
                        try store.numberNewRows()
                        try store.setApplied(peer: id, name: file.header.name, sequence: next)
                        if let start, start.device == id, start.sequence == next {
                            for (other, sequence) in start.seen { try store.setApplied(peer: other, name: other, sequence: sequence) }
                        }
                        report.decisions += applier.decisions
                    }
                } catch SyncFile.Refusal.damaged(let reason) {
                    report.refused.append(SyncReport.Problem(file: path, reason: reason))
                    stopped.insert(id)
                    continue
                } catch Changeset.ApplyFailure.damaged {
                    report.refused.append(SyncReport.Problem(file: path, reason: "a changeset in it is damaged: not one SQLite can read"))
                    stopped.insert(id)
                    continue
                } catch is SyncGuard.AppliedElsewhere {
                    applied[id] = next
                    progress = true
                    continue
                } catch let stop as SyncGuard.NeedsForce {
                    report.needForce.append(SyncReport.Problem(file: path, reason: stop.reason))
                    stopped.insert(id)
                    continue
                }
                applied[id] = next
                progress = true
                var summary = done[id] ?? SyncReport.Applied(device: id, name: file.header.name, files: 0, changes: 0)
                summary.name = file.header.name
                summary.files += 1
                summary.changes += file.entries.count
                done[id] = summary
            }
        }
        for (id, found) in devices.sorted(by: { $0.key < $1.key }) {
            if let problem = blocked[id] { report.waiting.append(problem) }
            let next = (applied[id] ?? 0) + 1
            if !stopped.contains(id), found.files[next] == nil, let later = found.files.keys.filter({ $0 > next }).min() {
                report.waiting.append(SyncReport.Problem(file: folder.path + "/" + id + "/" + SyncFile.fileName(next),
                                                         reason: "it is not there yet (file \(later) is): the files after it wait for it"))
            }
            if let summary = done[id] { report.applied.append(summary) }
        }
        if !options.dryRun {
            let cutoff = clock.now().addingTimeInterval(-Double(Watchlist.rowTimeDays) * 86_400)
            // A film kept against another device's removal whose rows were removed here since
            // (a note: whose edit was undone here).
            if try database.read({ try $0.holdsAgainstRemovals() }) {
                report.decisions += try recorded({ "Removed \(plural($0.count, "film, collection or note", "films, collections or notes")) another device had removed, kept here until what was added to them was gone" },
                                                 changed: { !$0.isEmpty }, sendsToFolder: false) { store in
                    var applier = SyncApplier(store: store)
                    try applier.releaseEmptied()
                    return applier.decisions
                }
            }
            try database.write { store in
                try store.forgetRowTimes(before: SyncClock.time(iso: Timestamp.iso(cutoff)))
            }
        }
    }
}

/// A file that would remove most of the diary is applied only with --force (a folder emptied
/// by mistake, a device reset, must not empty every other device).
enum SyncGuard {
    struct NeedsForce: Error { let reason: String }
    /// The file was applied by another sync of this database since this one started.
    struct AppliedElsewhere: Error {}

    /// Why a file that asked to remove `removed` rows (by table) removed most of a table's rows
    /// (more than half of what was there before it, and more than 20), or nil. Asked after the
    /// file is applied, inside its transaction.
    static func removesMost(_ removed: [String: Int], _ store: Store) throws -> String? {
        for (table, what) in [("film", "films"), ("viewing", "viewings"), ("rating", "ratings"), ("note", "notes")] {
            let count = removed[table] ?? 0
            guard count > 20 else { continue }
            let held = (try store.value(Int.self, "SELECT count(*) FROM \(table)") ?? 0) + count
            if count > 20, count * 2 > held {
                return "it would remove \(count) of the \(held) \(what) here: run sync with --force to apply it"
            }
        }
        return nil
    }
}
