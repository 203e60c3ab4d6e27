import ArgumentParser
import WatchlistCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the recorded changes, newest first: local time, command, what it did.")

    @OptionGroup var global: GlobalOptions
    /// Print JSON instead of a table.
    @Flag(help: "Print one JSON array of entries.") var json = false

    func run() throws {
        let entries = try global.open().history()
        if json { return Terminal.json(JSONOutput.history(entries)) }
        guard !entries.isEmpty else { return Terminal.note("No changes recorded yet.") }
        Terminal.out(Listings.history(entries, maxWidth: Terminal.width, bold: global.colors))
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the latest recorded change exactly (an import included), and say what it was.",
        discussion: "The last \(Watchlist.historyLimit) changes are kept. Exits 1 when there is nothing to undo.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let entry = try global.open().undo()
        Terminal.out("Undid: \(entry.summary.oneLine) (\(entry.command.oneLine), \(Timestamp.local(entry.at)))")
    }
}
