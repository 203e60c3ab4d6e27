import ArgumentParser
import Foundation
import WatchlistCore

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: Performing {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every collection and film as json (full backup), csv, markdown, html or letterboxd.",
        discussion: "A file given with --output appears whole or not at all: Ctrl-C leaves no file behind.")

    @OptionGroup var global: GlobalOptions
    /// The format.
    @Option(help: "json (the full document), csv (a row per film), markdown or html (a page to share), or letterboxd (for Letterboxd's importer).")
    var format: ExportFormat = .json
    /// Only one collection.
    @Option(help: ArgumentHelp("Only this collection and its films.", valueName: "slug")) var collection: String?
    /// Where to write.
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output ('-' is standard output).", valueName: "file"))
    var output: String?
    /// Replace an existing output file.
    @Flag(help: "Replace the output file if it exists.") var force = false
    /// The year in review instead of the diary.
    @Option(help: ArgumentHelp("With --format html: the year in review of that year (hours, directors, genres, countries) instead of the diary.",
                               valueName: "YYYY"))
    var year: Int?

    struct Request: Equatable {
        var format: ExportFormat = .json
        var collection: String?
        /// nil: standard output.
        var file: String?
        var force = false
        var year: Int?
    }

    func request() throws -> Request {
        if year != nil && format != .html { throw ValidationError("--year goes with --format html.") }
        if let year, !(1870...9999).contains(year) { throw ValidationError("\(year) is not a year to review (1870 to 9999).") }
        if output?.isEmpty == true { throw ValidationError("--output needs a file path.") }
        if force && (output == nil || output == "-") { throw ValidationError("--force goes with --output FILE.") }
        return Request(format: format, collection: collection, file: output == "-" ? nil : output, force: force, year: year)
    }

    /// What was written, and the rows left out because the database holds them damaged.
    struct Written {
        var leftOut: [String] = []
        var databasePath: String
    }

    static func perform(_ request: Request, _ context: Context) throws -> Written {
        let watchlist = try context.watchlist()
        let standardOutput = TextOutput(descriptor: STDOUT_FILENO, name: "standard output")
        if let year = request.year {
            if let file = request.file {
                try watchlist.exportReview(year: year, collection: request.collection, toFile: file, force: request.force)
            } else {
                try watchlist.exportReview(year: year, collection: request.collection, to: standardOutput)
            }
            return Written(databasePath: watchlist.databasePath)
        }
        let bar = ProgressBar("Exporting")
        defer { bar.finish() }
        let leftOut = try request.file.map {
            try watchlist.export(request.format, collection: request.collection, toFile: $0, force: request.force, progress: bar.update)
        } ?? watchlist.export(request.format, collection: request.collection, to: standardOutput, progress: bar.update)
        return Written(leftOut: leftOut, databasePath: watchlist.databasePath)
    }

    static func interrupted(_ request: Request) -> String? { request.file == nil ? "the export stopped part way" : "no file was written" }

    static func render(_ written: Written, for request: Request, _ context: Context) throws {
        if let file = request.file {
            Terminal.out(request.year.map { "Exported the year in review of \($0) to \(file.oneLine)" } ?? "Exported \(request.format.rawValue) to \(file.oneLine)")
        }
        if !written.leftOut.isEmpty { throw WatchlistError.incompleteExport(path: written.databasePath, leftOut: written.leftOut) }
    }
}
