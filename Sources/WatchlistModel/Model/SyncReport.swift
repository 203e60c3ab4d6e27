/// What `watchlist sync DIR` did (or, with --dry-run, would do): what this device sent, what it
/// applied of each other device's files, every conflict it decided, and every file it refused
/// or waits for.
public struct SyncReport: Sendable, Equatable {
    public var dryRun: Bool
    /// This device: its id (its folder's name) and the name people read.
    public var device: String
    public var name: String
    /// The file this device wrote (nil: it had nothing new).
    public var sent: Sent?
    public var applied: [Applied] = []
    /// The conflicts decided, each in a line: "the rating of The Ascent (1977): changed on two
    /// devices; the later change was kept".
    public var decisions: [String] = []
    /// Files not applied because they are damaged or not ours: named, skipped, tried again at
    /// the next sync.
    public var refused: [Problem] = []
    /// Files not applied yet: one missing before them, or written by another version.
    public var waiting: [Problem] = []
    /// Files that would remove most of the diary: applied only with --force.
    public var needForce: [Problem] = []

    public struct Sent: Sendable, Equatable {
        public var file: String
        public var changes: Int
        public var snapshot: Bool

        public init(file: String, changes: Int, snapshot: Bool) {
            (self.file, self.changes, self.snapshot) = (file, changes, snapshot)
        }
    }

    public struct Applied: Sendable, Equatable {
        public var device: String
        public var name: String
        public var files: Int
        public var changes: Int

        public init(device: String, name: String, files: Int, changes: Int) {
            (self.device, self.name, self.files, self.changes) = (device, name, files, changes)
        }
    }

    public struct Problem: Sendable, Equatable {
        public var file: String
        public var reason: String

        public init(file: String, reason: String) {
            (self.file, self.reason) = (file, reason)
        }
    }

    public init(dryRun: Bool, device: String, name: String) {
        (self.dryRun, self.device, self.name) = (dryRun, device, name)
    }

    /// Whether the sync changed nothing and had nothing to send.
    public var isNoOp: Bool { sent == nil && applied.isEmpty }
}
