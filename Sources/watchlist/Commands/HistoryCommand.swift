import ArgumentParser
import WatchlistCore

struct HistoryCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the recorded changes, newest first: local time, command, what it did.",
        discussion: "The last \(Watchlist.historyLimit) changes are kept, and all of them are listed.")

    @OptionGroup var global: GlobalOptions
    /// Print JSON instead of a table.
    @Flag(help: "Print one JSON array of entries.") var json = false

    struct Request: Equatable {
        var json = false
    }

    func request() -> Request { Request(json: json) }

    static func perform(_ request: Request, _ context: Context) throws -> [HistoryEntry] {
        try context.watchlist().history()
    }

    static func render(_ entries: [HistoryEntry], for request: Request, _ context: Context) throws {
        if request.json { return Terminal.json(JSONOutput.history(entries)) }
        guard !entries.isEmpty else { return Terminal.note("No changes recorded yet.") }
        Terminal.out(Listings.history(entries, maxWidth: context.width, bold: context.colors, glyphs: context.glyphs))
    }
}

struct UndoCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the latest recorded change exactly (an import included), and say what it was.",
        discussion: "The last \(Watchlist.historyLimit) changes are kept. Exits 1 when there is nothing to undo.")

    @OptionGroup var global: GlobalOptions

    struct Request: Equatable {}

    func request() -> Request { Request() }

    static func perform(_ request: Request, _ context: Context) throws -> HistoryEntry {
        try context.watchlist().undo()
    }

    static func interrupted(_ request: Request) -> String? { "nothing was undone" }

    static func render(_ entry: HistoryEntry, for request: Request, _ context: Context) throws {
        Terminal.out("Undid: \(context.glyphs.stored(entry.summary.oneLine)) (\(entry.command.oneLine), \(Timestamp.local(entry.at)))")
    }
}
