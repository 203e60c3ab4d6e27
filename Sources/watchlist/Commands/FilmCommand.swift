import ArgumentParser
import WatchlistCore

struct FilmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "film",
        abstract: "Set what you know about a film: directors, genres, countries, language, runtime, release date.",
        discussion: """
            What you set is shown before what an imported file says, and never replaced by an import; \
            'film unset' forgets it, and the file's values show again. 'undo' takes either back.
            """,
        subcommands: [Set.self, Unset.self])

    struct Set: Performing {
        static let configuration = CommandConfiguration(
            abstract: "Set a film's directors, genres, countries, language, runtime or release date (each replaces what you set before).",
            discussion: "Setting what the film has already changes nothing (exit 1).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: FilmArgument
        @Option(name: .customLong("director"), help: ArgumentHelp("A director; repeat for several, in credit order.", valueName: "name"))
        var directors: [String] = []
        @Option(name: .customLong("genre"), help: ArgumentHelp("A genre; repeat for several.", valueName: "genre")) var genres: [String] = []
        @Option(name: .customLong("country"), help: ArgumentHelp("A country; repeat for several.", valueName: "country"))
        var countries: [String] = []
        @Option(help: ArgumentHelp("The original language.", valueName: "language")) var language: String?
        @Option(help: ArgumentHelp("The runtime: minutes (111) or hours and minutes (1h51).", valueName: "minutes")) var runtime: String?
        @Option(help: ArgumentHelp("The release date, YYYY-MM-DD.", valueName: "date")) var released: String?
        @Option(help: ArgumentHelp("The film's year, for a film an import made without one (Netflix's history gives none).",
                                   valueName: "year")) var year: Int?

        struct Request: Equatable {
            var film: String
            var metadata: FilmMetadata
            var year: Int?
        }

        func request() throws -> Request {
            Request(film: target.film, metadata: try FilmMetadata.parsing(directors: directors, genres: genres, countries: countries,
                                                                          language: language, runtime: runtime, released: released),
                    year: year)
        }

        static func perform(_ request: Request, _ context: Context) throws -> FilmMetadataResult {
            try context.watchlist().setFacts(request.film, request.metadata, year: request.year)
        }

        static func render(_ result: FilmMetadataResult, for request: Request, _ context: Context) throws {
            let fields = (result.yearSet != nil ? ["year"] : []) + result.changed.map(\.rawValue)
            Terminal.out("Set the \(fields.joined(separator: ", ")) of \(result.film.displayTitle).")
        }
    }

    struct Unset: Performing {
        static let configuration = CommandConfiguration(
            abstract: "Forget what you set about a film (the fields named, or all of them); an imported file's values show again.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: FilmArgument
        @Flag(help: "Forget the directors you set.") var director = false
        @Flag(help: "Forget the genres you set.") var genre = false
        @Flag(help: "Forget the countries you set.") var country = false
        @Flag(help: "Forget the language you set.") var language = false
        @Flag(help: "Forget the runtime you set.") var runtime = false
        @Flag(help: "Forget the release date you set.") var released = false
        @Flag(help: "Forget everything you set about the film.") var all = false
        @Flag(help: "Take the film's IMDb id away (a wrong match of 'facts import'), with the facts IMDb's datasets gave for it; no later run gives it back.")
        var imdb = false

        struct Request: Equatable {
            var film: String
            /// Empty: every field.
            var fields: [MetadataField]
            var imdb = false
        }

        enum Outcome {
            case facts(FilmMetadataResult)
            case imdb(film: Film, id: String)
        }

        func request() throws -> Request {
            let fields = [(director, MetadataField.director), (genre, .genre), (country, .country), (language, .language), (runtime, .runtime),
                          (released, .released)].filter(\.0).map(\.1)
            if imdb {
                guard !all && fields.isEmpty else { throw ValidationError("Use --imdb alone: it takes the id away, not what you set.") }
                return Request(film: target.film, fields: [], imdb: true)
            }
            if !all && fields.isEmpty { throw ValidationError("Name what to forget (--director, --runtime...), --all, or --imdb.") }
            if all && !fields.isEmpty { throw ValidationError("Use --all or name fields, not both.") }
            return Request(film: target.film, fields: fields)
        }

        static func perform(_ request: Request, _ context: Context) throws -> Outcome {
            let watchlist = try context.watchlist()
            if request.imdb {
                let (film, id) = try watchlist.unsetIMDbId(request.film)
                return .imdb(film: film, id: id)
            }
            return .facts(try watchlist.unsetFacts(request.film, request.fields))
        }

        static func render(_ outcome: Outcome, for request: Request, _ context: Context) throws {
            switch outcome {
            case .facts(let result):
                Terminal.out("Forgot the \(result.changed.map(\.rawValue).joined(separator: ", ")) you set for \(result.film.displayTitle).")
            case .imdb(let film, let id):
                Terminal.out("Took the IMDb id \(id) away from \(film.displayTitle); 'facts import' will not give it back.")
            }
        }
    }
}
