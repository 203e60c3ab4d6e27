import ArgumentParser
import WatchlistCore

extension ImportFormat: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Letterboxd and IMDb exports, or a watchlist JSON document, as one transaction.",
        discussion: """
            Reads a Letterboxd export (the .zip, the unzipped folder, or any of its files), IMDb \
            exports (ratings, the watchlist, lists), the CSV of 'export --format letterboxd', or a \
            JSON document of 'export'. Films match by IMDb, Letterboxd or TMDB id, then by title \
            and year; films that are not in the database are skipped and listed, or created with \
            --add-missing. Watchlists and lists become collections. Importing the same files \
            again adds nothing. The report goes to standard error, or with --json to standard \
            output (its warnings to standard error as well).
            """)

    @OptionGroup var global: GlobalOptions
    /// The files.
    @Argument(help: "Files, folders or .zip archives to import.") var paths: [String]
    /// The format.
    @Option(help: "auto (by header row and file name), watchlist, letterboxd or imdb.") var format: ImportFormat = .auto
    /// Change nothing.
    @Flag(help: "Report what the import would do, and change nothing.") var dryRun = false
    /// Create missing films.
    @Flag(help: "Create the films the database does not have (in a collection named after the source, or the list they are on).")
    var addMissing = false
    /// Leave out watchlists and lists.
    @Flag(help: "Leave out watchlists and lists (which otherwise become collections).") var noLists = false
    /// JSON report.
    @Flag(help: "Print the report as one JSON document on standard output.") var json = false

    func run() throws {
        let bar = ProgressBar("Importing")
        defer { bar.finish() }
        let options = ImportOptions(format: format, dryRun: dryRun, addMissing: addMissing, lists: !noLists)
        let report = try global.open().importFiles(paths, options: options, progress: bar.update)
        bar.finish()
        guard json else { return Terminal.note(ImportReportText.render(report)) }
        Terminal.json(JSONOutput.importReport(report))
        for warning in report.warnings { Terminal.note("warning: \(warning.oneLine)") }
    }
}
