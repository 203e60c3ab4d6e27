import ArgumentParser
import WatchlistCore

struct CollectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collection",
        abstract: "List, show, import and remove curated collections of films.",
        subcommands: [List.self, Show.self, Import.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: Performing {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the collections and your progress in each.")
        @OptionGroup var global: GlobalOptions
        /// Print JSON instead of a table.
        @Flag(help: "Print one JSON array of collections.") var json = false

        struct Request: Equatable {
            var json = false
        }

        func request() -> Request { Request(json: json) }

        static func perform(_ request: Request, _ context: Context) throws -> [CollectionProgress] {
            try context.watchlist().collections()
        }

        static func render(_ collections: [CollectionProgress], for request: Request, _ context: Context) throws {
            if request.json { return Terminal.json(JSONOutput.collections(collections)) }
            Terminal.out(Listings.collections(collections, maxWidth: context.width, bold: context.colors))
        }
    }

    struct Show: Performing {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a collection: its introduction and films.")
        @OptionGroup var global: GlobalOptions
        /// The collection's slug.
        @Argument(help: "The collection's slug, as 'collection list' shows it.") var slug: String

        struct Request: Equatable {
            var slug: String
        }

        func request() -> Request { Request(slug: slug) }

        static func perform(_ request: Request, _ context: Context) throws -> CollectionListing {
            try context.watchlist().collection(request.slug)
        }

        static func render(_ listing: CollectionListing, for request: Request, _ context: Context) throws {
            let collection = listing.progress.collection
            var text = "\(collection.title.oneLine)  [\(collection.slug)]\n"
            if !collection.description.isEmpty { text += "\n\(collection.description)\n" }
            text += "\n" + FilmTable.render(listing.films, maxWidth: context.width, bold: context.colors)
            Terminal.out(text + "\n\n" + ProgressLine.render(listing.progress, width: context.width))
        }
    }

    struct Import: Performing {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add a collection from a text file in the built-in collection's format.",
            discussion: """
                The file: an introduction, then for each film a "Title (Year)" line, a \
                "Description: ..." line and an optional "Fact: ..." line, with blank lines between films. \
                An export of Letterboxd, IMDb or another service is read by 'watchlist import'.
                """)
        @OptionGroup var global: GlobalOptions
        /// The collection file.
        @Argument(help: "The collection's text file (UTF-8).") var file: String
        /// The slug.
        @Option(help: "The collection's slug (default: made from the file's name).") var slug: String?
        /// The title.
        @Option(help: "The collection's title (default: the slug in words).") var title: String?

        struct Request: Equatable {
            var file: String
            var slug: String?
            var title: String?
        }

        func request() throws -> Request { Request(file: file, slug: slug.map(InputText.slug), title: title) }

        static func perform(_ request: Request, _ context: Context) throws -> CollectionImport {
            try context.watchlist().importCollection(file: request.file, slug: request.slug, title: request.title)
        }

        static func render(_ result: CollectionImport, for request: Request, _ context: Context) throws {
            Terminal.out("Added the collection \(result.collection.slug) (\(result.collection.title.oneLine)): "
                + "\(plural(result.created + result.matched, "film")), \(result.created) new, \(result.matched) already known")
        }
    }

    struct Remove: Performing {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a collection and the films that are in no other collection.",
            discussion: "When that would delete viewings, ratings, notes or tags, it says what and needs --force.")
        @OptionGroup var global: GlobalOptions
        /// The collection's slug.
        @Argument(help: "The collection's slug.") var slug: String
        /// Delete the records too.
        @Flag(help: "Remove it even though that deletes viewings, ratings, notes, tags or facts you set.") var force = false

        struct Request: Equatable {
            var slug: String
            var force = false
        }

        func request() -> Request { Request(slug: slug, force: force) }

        static func perform(_ request: Request, _ context: Context) throws -> CollectionRemoval {
            try context.watchlist().removeCollection(request.slug, force: request.force)
        }

        static func render(_ removal: CollectionRemoval, for request: Request, _ context: Context) throws {
            Terminal.out("Removed the collection \(request.slug) and \(plural(removal.films, "film")) in no other collection"
                + (removal.losesRecords ? ", with \(removal.recordsText)" : ""))
        }
    }
}
