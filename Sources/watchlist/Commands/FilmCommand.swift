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

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a film's directors, genres, countries, language, runtime or release date (each replaces what you set before).")

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

        func metadata() throws -> FilmMetadata {
            func values(_ raw: [String], _ field: MetadataField) throws -> [String] {
                // Counted before any value is looked at: ten thousand of them are refused at once.
                guard raw.count <= MetadataField.maximumValues else {
                    throw WatchlistError.invalidArgument("At most \(MetadataField.maximumValues) values of --\(field.rawValue); \(raw.count) were given.")
                }
                var result: [String] = []
                var seen = Swift.Set<String>()
                for value in try raw.map({ try InputText.metadataValue($0, field: field) }) where seen.insert(value).inserted { result.append(value) }
                return result
            }
            var metadata = FilmMetadata(directors: try values(directors, .director), genres: try values(genres, .genre),
                                        countries: try values(countries, .country),
                                        language: try language.map { try InputText.metadataValue($0, field: .language) },
                                        runtime: try runtime.map(InputText.runtime))
            if let released {
                guard let day = Day(iso: released) else { throw WatchlistError.invalidDate(released) }
                metadata.released = day
            }
            return metadata
        }

        func run() throws {
            let result = try global.values.open().setFacts(target.film, try metadata())
            Terminal.out("Set the \(result.changed.map(\.rawValue).joined(separator: ", ")) of \(result.film.displayTitle).")
        }
    }

    struct Unset: ParsableCommand {
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

        func validate() throws {
            if !all && fields.isEmpty { throw ValidationError("Name what to forget (--director, --runtime…), or --all.") }
            if all && !fields.isEmpty { throw ValidationError("Use --all or name fields, not both.") }
        }

        var fields: [MetadataField] {
            [(director, MetadataField.director), (genre, .genre), (country, .country), (language, .language), (runtime, .runtime),
             (released, .released)].filter(\.0).map(\.1)
        }

        func run() throws {
            let result = try global.values.open().unsetFacts(target.film, all ? [] : fields)
            Terminal.out("Forgot the \(result.changed.map(\.rawValue).joined(separator: ", ")) you set for \(result.film.displayTitle).")
        }
    }
}
