import ArgumentParser
import WatchlistCore

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Give the films of your diary their directors, runtime and genres from IMDb's public dataset files, offline.",
        subcommands: [Import.self])

    struct Import: Performing {
        static let configuration = CommandConfiguration(
            abstract: "Read IMDb's dataset files (title.basics, title.crew, name.basics, title.akas, title.ratings; gzipped or not).",
            discussion: """
                Download them from https://datasets.imdbws.com/ (IMDb's, for personal and non-commercial use) \
                and name the files, or the folder they are in; any of the five will do: title.basics gives \
                runtimes, genres and original titles, title.crew with name.basics directors, title.akas and \
                title.ratings help match the films that have no IMDb id. A film with an IMDb id is matched by \
                it; one without, by its title and year (a year apart only when one title is left; two of the \
                same year by votes only when one has 20 times the other's, else it is listed as ambiguous); \
                the id found is kept, marked as found by matching ('film unset --imdb' takes it away). These \
                facts show after what you set and what your own exports gave; a new run with newer files \
                replaces them. The run is one entry of the history ('undo' takes it back). The report goes \
                to standard error, or with --json to standard output. Ctrl-C stops it and changes nothing.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "IMDb's dataset files, or the folder they were downloaded to.") var paths: [String]
        @Flag(help: "Report what the run would do, and change nothing.") var dryRun = false
        @Flag(help: "Print the report as one JSON document on standard output.") var json = false

        struct Request {
            var paths: [String]
            var dryRun = false
            var json = false
        }

        func request() throws -> Request { Request(paths: paths, dryRun: dryRun, json: json) }

        static func perform(_ request: Request, _ context: Context) throws -> DatasetsReport {
            let watchlist = try context.watchlist()
            let bar = ProgressBar("Reading")
            bar.unit = "MiB"
            defer { bar.finish() }
            return try watchlist.importDatasets(request.paths, dryRun: request.dryRun) { file, done, total in
                if bar.label != file {
                    bar.finish()
                    bar.label = file
                }
                bar.update(done, total)
            }
        }

        static func interrupted(_ request: Request) -> String? { "nothing was changed" }

        static func render(_ report: DatasetsReport, for request: Request, _ context: Context) throws {
            guard request.json else { return Terminal.note(DatasetsReportText.render(report)) }
            Terminal.json(JSONOutput.datasetsReport(report))
        }
    }
}
