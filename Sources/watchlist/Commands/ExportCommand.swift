import ArgumentParser
import Foundation
import WatchlistCore

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every collection and film as json (full backup), csv, markdown, html or letterboxd.")

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

    func validate() throws {
        if year != nil && format != .html { throw ValidationError("--year goes with --format html.") }
        if let year, !(1870...9999).contains(year) { throw ValidationError("\(year) is not a year to review (1870 to 9999).") }
        if output?.isEmpty == true { throw ValidationError("--output needs a file path.") }
        if force && (output == nil || output == "-") { throw ValidationError("--force goes with --output FILE.") }
    }

    func run() throws {
        let watchlist = try global.open()
        if let year {
            if let output, output != "-" {
                try watchlist.exportReview(year: year, collection: collection, toFile: output, force: force)
                return Terminal.out("Exported the year in review of \(year) to \(output.oneLine)")
            }
            return try watchlist.exportReview(year: year, collection: collection, to: TextOutput(descriptor: STDOUT_FILENO, name: "standard output"))
        }
        let bar = ProgressBar("Exporting")
        defer { bar.finish() }
        let leftOut: [String]
        if let output, output != "-" {
            leftOut = try watchlist.export(format, collection: collection, toFile: output, force: force, progress: bar.update)
            bar.finish()
            Terminal.out("Exported \(format.rawValue) to \(output.oneLine)")
        } else {
            let standardOutput = TextOutput(descriptor: STDOUT_FILENO, name: "standard output")
            leftOut = try watchlist.export(format, collection: collection, to: standardOutput, progress: bar.update)
        }
        if !leftOut.isEmpty { throw WatchlistError.incompleteExport(path: watchlist.databasePath, leftOut: leftOut) }
    }
}
