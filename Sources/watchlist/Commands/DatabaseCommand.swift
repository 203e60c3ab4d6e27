import ArgumentParser
import WatchlistCore

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Check, back up and restore the database, or print where it is.",
        subcommands: [Check.self, Backup.self, Restore.self, Path.self])

    struct Check: Performing {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the schema, SQLite's integrity and foreign keys, and every stored value (exit 74 with each problem).",
            discussion: "A database that does not exist is no database to check (exit 66).")
        @OptionGroup var global: GlobalOptions

        struct Request: Equatable {}

        func request() -> Request { Request() }

        static func perform(_ request: Request, _ context: Context) throws -> String {
            let watchlist = try context.watchlist(schemaCheck: .report)
            try watchlist.check()
            return watchlist.databasePath
        }

        static func interrupted(_ request: Request) -> String? { "the check did not finish" }

        static func render(_ path: String, for request: Request, _ context: Context) throws {
            Terminal.out("The database at \(Terminal.path(path)) is sound: its schema is watchlist's, and integrity_check, "
                + "foreign_key_check and the checks of every value found nothing.")
        }
    }

    struct Backup: Performing {
        static let configuration = CommandConfiguration(commandName: "backup", abstract: "Write a consistent copy of the database to a file.")
        @OptionGroup var global: GlobalOptions
        /// The backup file.
        @Argument(help: "The backup file to write.") var file: String
        /// Replace an existing file.
        @Flag(help: "Replace the file if it exists.") var force = false

        struct Request: Equatable {
            var file: String
            var force = false
        }

        func request() -> Request { Request(file: file, force: force) }

        static func perform(_ request: Request, _ context: Context) throws -> Done {
            try context.watchlist().backup(to: request.file, force: request.force)
            return Done()
        }

        static func interrupted(_ request: Request) -> String? { "no backup was written" }

        static func render(_ done: Done, for request: Request, _ context: Context) throws {
            Terminal.out("Backed up the database to \(request.file.oneLine)")
        }
    }

    struct Restore: Performing {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Replace the database's content with a backup.",
            discussion: "The backup is checked first; the current content is kept in a backup beside the database.")
        @OptionGroup var global: GlobalOptions
        /// The backup file.
        @Argument(help: "A backup written by 'watchlist db backup'.") var file: String

        struct Request: Equatable {
            var file: String
        }

        func request() -> Request { Request(file: file) }

        static func perform(_ request: Request, _ context: Context) throws -> String {
            try context.watchlist().restore(from: request.file)
        }

        static func interrupted(_ request: Request) -> String? { "nothing was restored" }

        static func render(_ kept: String, for request: Request, _ context: Context) throws {
            Terminal.out("Restored the database from \(request.file.oneLine); the previous content is in \(Terminal.path(kept)) ('watchlist undo' puts it back)")
        }
    }

    struct Path: Performing {
        static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the database's path.")
        @OptionGroup var global: GlobalOptions

        struct Request: Equatable {}

        func request() -> Request { Request() }

        static func perform(_ request: Request, _ context: Context) throws -> String {
            try context.globals.databasePath()
        }

        static func render(_ path: String, for request: Request, _ context: Context) throws {
            // A path is data for scripts: written whole, never wrapped.
            Terminal.data(path.oneLine)
        }
    }
}
