import ArgumentParser
import WatchlistCore

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Check, back up and restore the database, or print where it is.",
        subcommands: [Check.self, Backup.self, Restore.self, Path.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the schema, SQLite's integrity and foreign keys, and every stored value (exit 74 with each problem).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let watchlist = try global.open(schemaCheck: .report)
            try watchlist.check()
            Terminal.out("The database at \(watchlist.databasePath.oneLine) is sound: its schema is watchlist's, and integrity_check, "
                + "foreign_key_check and the checks of every value found nothing.")
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "backup", abstract: "Write a consistent copy of the database to a file.")
        @OptionGroup var global: GlobalOptions
        /// The backup file.
        @Argument(help: "The backup file to write.") var file: String
        /// Replace an existing file.
        @Flag(help: "Replace the file if it exists.") var force = false

        func run() throws {
            try global.open().backup(to: file, force: force)
            Terminal.out("Backed up the database to \(file.oneLine)")
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Replace the database's content with a backup.",
            discussion: "The backup is checked first; the current content is kept in a backup beside the database.")
        @OptionGroup var global: GlobalOptions
        /// The backup file.
        @Argument(help: "A backup written by 'watchlist db backup'.") var file: String

        func run() throws {
            let kept = try global.open().restore(from: file)
            Terminal.out("Restored the database from \(file.oneLine); the previous content is in \(kept.oneLine) ('watchlist undo' puts it back)")
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the database's path.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            Terminal.out(try global.databasePath().oneLine)
        }
    }
}
