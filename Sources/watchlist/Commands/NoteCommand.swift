import ArgumentParser
import WatchlistCore

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add, list, edit and delete notes; a film can have many.",
        discussion: "'watchlist note <film> <text>' adds a note; text '-' reads it from standard input.",
        subcommands: [Add.self, List.self, Edit.self, Delete.self],
        defaultSubcommand: Add.self)

    /// The text argument: `-` reads standard input.
    static func text(_ argument: String) throws -> String {
        argument == "-" ? try Terminal.readStandardInput(limit: InputText.maximumTextBytes,
                                                            why: "a note is at most \(InputText.maximumNoteLength) characters") : argument
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a note to a film (the default).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: FilmArgument
        /// The note's text.
        @Argument(help: "The note's text, or '-' to read it from standard input.") var text: String

        func run() throws {
            try Add.perform(global.values, film: target.film, text: text)
        }

        static func perform(_ global: Globals, film: String, text: String) throws {
            let added = try global.open().addNote(film, text: NoteCommand.text(text))
            Terminal.out("Added note \(added.note.id) to \(added.film.displayTitle)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the notes, or one film's.")
        @OptionGroup var global: GlobalOptions
        /// Only this film's notes.
        @Argument(help: "Only this film's notes.", completion: FilmCompletion.kind) var film: String?
        /// Print JSON instead of text.
        @Flag(help: "Print one JSON array of notes.") var json = false

        func run() throws {
            let notes = try global.open().notes(of: film)
            if json { return Terminal.json(JSONOutput.notes(notes)) }
            guard !notes.isEmpty else { return Terminal.note("No notes yet: add one with 'watchlist note <film> <text>'.") }
            Terminal.out(FilmText.notes(notes))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Replace a note's text.")
        @OptionGroup var global: GlobalOptions
        /// The note's id.
        @Argument(help: "The note's id, as 'note list' shows it.") var id: Int64
        /// The new text.
        @Argument(help: "The new text, or '-' to read it from standard input.") var text: String

        func run() throws {
            let edited = try global.open().editNote(id: id, text: NoteCommand.text(text))
            Terminal.out("Edited note \(edited.note.id) on \(edited.film.displayTitle)")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a note.")
        @OptionGroup var global: GlobalOptions
        /// The note's id.
        @Argument(help: "The note's id, as 'note list' shows it.") var id: Int64

        func run() throws {
            let deleted = try global.open().deleteNote(id: id)
            Terminal.out("Deleted note \(deleted.note.id) from \(deleted.film.displayTitle)")
        }
    }
}
