import ArgumentParser
import WatchlistCore

extension ImportFormat: ExpressibleByArgument {}

struct ImportCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Letterboxd, IMDb, Trakt and Criticker exports, a spreadsheet, or a watchlist JSON document, as one transaction.",
        discussion: """
            Reads a Letterboxd export of any year (the .zip, the unzipped folder, or any of its files), IMDb \
            exports of any year (ratings, the watchlist, lists, check-ins), Trakt's JSON (ratings, watched, \
            history, watchlist, lists), Criticker's ratings, the CSV of 'export --format letterboxd', a JSON \
            document of 'export', or any CSV whose columns --columns names. Films match by IMDb, Letterboxd, \
            TMDB or Trakt id, then by title \
            and year; films that are not in the database are skipped and listed, or created with \
            --add-missing. Watchlists and lists become collections (a list none of whose films is in \
            the database makes none). Importing the same files \
            again adds nothing. The report goes to standard error, or with --json to standard \
            output (its warnings to standard error as well). Ctrl-C stops the import and imports nothing.
            """)

    @OptionGroup var global: GlobalOptions
    /// The files.
    @Argument(help: "Files, folders or .zip archives to import.") var paths: [String]
    /// The format.
    @Option(help: "auto (by content and file name), watchlist, letterboxd, imdb, trakt, criticker or spreadsheet.") var format: ImportFormat = .auto
    /// A spreadsheet's columns.
    @Option(help: ArgumentHelp("Read a CSV of your own by its columns: 'title=Film,year=Released,watched=Date,rating=Score/10,note=Thoughts' "
                               + "(fields: title, year, watched, rating with its scale /5, /10 or /100, note, tags, rewatch, imdb).",
                               valueName: "mapping"))
    var columns: String?
    /// Change nothing.
    @Flag(help: "Report what the import would do, and change nothing.") var dryRun = false
    /// Create missing films.
    @Flag(help: "Create the films the database does not have (in a collection named after the source, or the list they are on).")
    var addMissing = false
    /// Leave out watchlists and lists.
    @Flag(help: "Leave out watchlists and lists (which otherwise become collections).") var noLists = false
    /// JSON report.
    @Flag(help: "Print the report as one JSON document on standard output.") var json = false

    struct Request {
        var paths: [String]
        var options: ImportOptions
        var json = false
    }

    func request() throws -> Request {
        let mapping = try columns.map(SpreadsheetColumns.init(parsing:))
        if mapping != nil, format != .auto, format != .spreadsheet {
            throw ValidationError("--columns reads a spreadsheet; leave out --format, or use --format spreadsheet.")
        }
        return Request(paths: paths, options: ImportOptions(format: format, dryRun: dryRun, addMissing: addMissing, lists: !noLists, columns: mapping),
                       json: json)
    }

    static func perform(_ request: Request, _ context: Context) throws -> ImportReport {
        let watchlist = try context.watchlist()
        let bar = ProgressBar("Importing")
        defer { bar.finish() }
        return try watchlist.importFiles(request.paths, options: request.options, progress: bar.update)
    }

    static func interrupted(_ request: Request) -> String? { request.options.dryRun ? "nothing was read to the end" : "nothing was imported" }

    static func render(_ report: ImportReport, for request: Request, _ context: Context) throws {
        guard request.json else { return Terminal.note(ImportReportText.render(report)) }
        Terminal.json(JSONOutput.importReport(report))
        for warning in report.warnings { Terminal.note("warning: \(warning.oneLine)") }
    }
}
