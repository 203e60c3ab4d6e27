import Foundation

/// A progress bar on standard error for work that takes more than a second, on a terminal
/// only: nothing in a pipe, a script or a log.
final class ProgressBar {
    private let label: String
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
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done * 100 / total)% (\(done)/\(total))".utf8))
    }

    /// Clears the bar's line, if it was drawn.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
