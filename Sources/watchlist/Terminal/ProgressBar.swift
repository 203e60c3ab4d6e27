import Foundation

/// A progress bar on standard error for work that takes more than a second, on a terminal
/// only: nothing in a pipe, a script or a log.
final class ProgressBar {
    var label: String
    /// What the counts are of, when not rows ("MiB").
    var unit = ""
    private let started = Date()
    private let enabled = Terminal.isTerminal(STDERR_FILENO)
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(_ label: String) {
        self.label = label
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
        lastDrawn = now
        drawn = true
        // The line fits the terminal: the bar gives up what the counts need.
        let counts = " \(done * 100 / total)% (\(done)/\(total)\(unit.isEmpty ? "" : " " + unit))"
        let width = max(0, min(30, (Terminal.errorWidth ?? 80) - label.count - 2 - counts.count))
        let bar = Glyphs.current.bar(done, of: total, width: width)
        FileHandle.standardError.write(Data("\r\(label) \(bar)\(counts)".utf8))
    }

    /// Clears the bar's line, if it was drawn.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
