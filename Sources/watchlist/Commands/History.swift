import ArgumentParser
import WatchlistCore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the recorded changes, newest first: time, command, what it did.")

    @OptionGroup var global: GlobalOptions
    /// Print JSON instead of a table.
    @Flag(help: "Print one JSON array of entries.") var json = false

    func run() throws {
        let entries = try global.open().history()
        if json { return Terminal.json(try JSONDocument.history(entries)) }
        guard !entries.isEmpty else { return Terminal.note("No changes recorded yet.") }
        var table = Table(columns: [("When", .left), ("Command", .left), ("What it did", .left)], shrinkable: 1)
        for entry in entries {
            table.rows.append([entry.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""),
                               entry.command, entry.summary])
        }
        Terminal.out(table.render(maxWidth: Terminal.width, bold: global.colors))
    }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the latest recorded change exactly (an import included), and say what it was.",
        discussion: "The last \(Store.historyLimit) changes are kept. Exits 1 when there is nothing to undo.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let entry = try global.open().undo()
        Terminal.out("Undid: \(entry.summary) (\(entry.command), \(entry.at))")
    }
}
