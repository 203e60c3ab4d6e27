import ArgumentParser
import WatchlistCore

struct CollectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collection",
        abstract: "List, show, import and remove curated collections of films.",
        subcommands: [List.self, Show.self, Import.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the collections and your progress in each.")
        @OptionGroup var global: GlobalOptions
        /// Print JSON instead of a table.
        @Flag(help: "Print one JSON array of collections.") var json = false

        func run() throws {
            let collections = try global.open().collections()
            if json { return Terminal.json(JSONOutput.collections(collections)) }
            Terminal.out(Listings.collections(collections, maxWidth: Terminal.width, bold: global.colors))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a collection: its introduction and films.")
        @OptionGroup var global: GlobalOptions
        /// The collection's slug.
        @Argument(help: "The collection's slug, as 'collection list' shows it.") var slug: String

        func run() throws {
            let listing = try global.open().collection(slug)
            let collection = listing.progress.collection
            var text = "\(collection.title.oneLine)  [\(collection.slug)]\n"
            if !collection.description.isEmpty { text += "\n\(collection.description)\n" }
            text += "\n" + FilmTable.render(listing.films, maxWidth: Terminal.width, bold: global.colors)
            Terminal.out(text + "\n\n" + ProgressLine.render(listing.progress))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add a collection from a text file in the built-in collection's format.",
            discussion: """
                The file: an introduction, then for each film a "Title (Year)" line, a \
                "Description: …" line and an optional "Fact: …" line, with blank lines between films.
                """)
        @OptionGroup var global: GlobalOptions
        /// The collection file.
        @Argument(help: "The collection's text file (UTF-8).") var file: String
        /// The slug.
        @Option(help: "The collection's slug (default: made from the file's name).") var slug: String?
        /// The title.
        @Option(help: "The collection's title (default: the slug in words).") var title: String?

        func run() throws {
            let result = try global.open().importCollection(file: file, slug: slug, title: title)
            Terminal.out("Added the collection \(result.collection.slug) (\(result.collection.title.oneLine)): "
                + "\(result.created + result.matched) films, \(result.created) new, \(result.matched) already known")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a collection and the films that are in no other collection.",
            discussion: "When that would delete viewings, ratings, notes or tags, it says what and needs --force.")
        @OptionGroup var global: GlobalOptions
        /// The collection's slug.
        @Argument(help: "The collection's slug.") var slug: String
        /// Delete the records too.
        @Flag(help: "Remove it even though that deletes viewings, ratings, notes, tags or facts you set.") var force = false

        func run() throws {
            let removal = try global.open().removeCollection(slug, force: force)
            Terminal.out("Removed the collection \(slug) and \(plural(removal.films, "film")) in no other collection"
                + (removal.losesRecords ? ", with \(removal.recordsText)" : ""))
        }
    }
}
