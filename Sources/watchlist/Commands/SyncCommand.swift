import ArgumentParser
import Foundation
import WatchlistCore

struct SyncCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep one diary on every device through a folder they all see (Syncthing, Dropbox, a git repository, a USB stick).",
        discussion: """
            Writes this device's changes not yet written as a new file of its own folder in DIR, then \
            applies every other device's files not yet applied, each in one transaction, deciding \
            every conflict by the rules in the README ("Several devices"). The report goes to \
            standard error, or with --json to standard output. A file that is damaged or not \
            watchlist's is named and skipped (exit 65), and tried again at the next sync; a file \
            that would remove most of the diary waits for --force (exit 1).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The folder the devices share.") var folder: String
    @Option(help: ArgumentHelp("This device's name in the folder (its first sync gives one otherwise).", valueName: "name")) var name: String?
    @Flag(help: "Report what sync would write and apply, and change nothing.") var dryRun = false
    @Flag(help: "Apply files that would remove most of the diary.") var force = false
    @Flag(help: "Give this database a new device id: for a copy of another device's database.") var newDevice = false
    @Flag(help: "Print the report as one JSON document on standard output.") var json = false

    struct Request: Equatable {
        var folder: String
        var name: String?
        var dryRun = false
        var force = false
        var newDevice = false
        var json = false
    }

    func request() -> Request {
        Request(folder: folder, name: name, dryRun: dryRun, force: force, newDevice: newDevice, json: json)
    }

    static func perform(_ request: Request, _ context: Context) throws -> SyncReport {
        try context.watchlist().sync(folder: request.folder, Watchlist.SyncOptions(name: request.name, dryRun: request.dryRun,
                                                                                   force: request.force, newDevice: request.newDevice))
    }

    static func interrupted(_ request: Request) -> String? {
        request.dryRun ? "nothing was changed" : "the file being applied was not; what was written and applied before it stays"
    }

    static func render(_ report: SyncReport, for request: Request, _ context: Context) throws {
        if request.json { Terminal.json(JSONOutput.syncReport(report)) } else { Terminal.note(SyncReportText.render(report)) }
        if !report.refused.isEmpty {
            throw WatchlistError.syncFilesRefused(count: report.refused.count, folder: request.folder)
        }
        if !report.needForce.isEmpty {
            throw WatchlistError.nothingChanged("\(report.needForce.count == 1 ? "A file waits" : "\(report.needForce.count) files wait") for --force (see above)")
        }
    }
}

/// The sync report as people read it, on standard error.
enum SyncReportText {
    static func render(_ report: SyncReport) -> String {
        let would = report.dryRun
        var lines: [String] = ["This device: \(report.name.oneLine) (\(report.device))\(would ? " — a dry run: nothing was changed" : "")"]
        if let sent = report.sent {
            let what = sent.snapshot ? "a snapshot of the whole diary" : plural(sent.changes, "change")
            lines.append((would ? "Would write " : "Wrote ") + "\(what) to \(sent.file.oneLine)")
        } else {
            lines.append("Nothing new to write.")
        }
        if report.applied.isEmpty {
            lines.append(would ? "Nothing would be applied: no other device has written anything new." : "Nothing new from other devices.")
        }
        for device in report.applied {
            lines.append((would ? "Would apply " : "Applied ") + "\(plural(device.files, "file")) (\(plural(device.changes, "change"))) from \(device.name.oneLine)")
        }
        if !report.decisions.isEmpty {
            lines.append("Conflicts decided (\(report.decisions.count)):")
            lines += report.decisions.prefix(50).map { "  \($0.oneLine)" }
            if report.decisions.count > 50 { lines.append("  and \(report.decisions.count - 50) more (--json lists every one)") }
        }
        for (title, problems) in [("Refused (named, not applied, tried again at the next sync)", report.refused),
                                  ("Waiting", report.waiting), ("Waiting for --force", report.needForce)] where !problems.isEmpty {
            lines.append("\(title):")
            lines += problems.map { "  \($0.file.oneLine): \($0.reason.oneLine)" }
        }
        return lines.joined(separator: "\n")
    }
}
