import ArgumentParser
import WatchlistCore

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add, list, edit and delete notes; a film can have many.",
        discussion: "'watchlist note <film> <text>' adds a note; text '-' reads it from standard input. "
            + "A note the film has already, word for word, is not added again (exit 1).",
        subcommands: [Add.self, List.self, Edit.self, Delete.self],
        defaultSubcommand: Add.self)

    /// A note's text as the command line gives it: typed, or `-` for standard input, which is
    /// read when the command runs.
    enum Text: Equatable {
        case typed(NoteText)
        case standardInput

        init(_ argument: String) throws {
            self = argument == "-" ? .standardInput : .typed(try NoteText(argument))
        }

        /// The text, standard input read.
        func read() throws -> NoteText {
            switch self {
            case .typed(let text): text
            case .standardInput:
                try NoteText(Terminal.readStandardInput(limit: InputText.maximumTextBytes,
                                                        why: "a note is at most \(InputText.maximumNoteLength) characters"))
            }
        }
    }

    struct Add: Performing {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a note to a film (the default).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: FilmArgument
        /// The note's text.
        @Argument(help: "The note's text, or '-' to read it from standard input.") var text: String

        struct Request: Equatable {
            var film: String
            var text: NoteCommand.Text

            /// `note <film> <text>` as typed.
            init(film: String, text: String) throws {
                (self.film, self.text) = (film, try NoteCommand.Text(text))
            }
        }

        func request() throws -> Request { try Request(film: target.film, text: text) }

        static func perform(_ request: Request, _ context: Context) throws -> FilmNote {
            try context.watchlist().addNote(request.film, text: request.text.read())
        }

        static func render(_ added: FilmNote, for request: Request, _ context: Context) throws {
            Terminal.out("Added note \(added.note.number) to \(added.film.displayTitle)")
        }
    }

    struct List: Performing {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the notes, or one film's.")
        @OptionGroup var global: GlobalOptions
        /// Only this film's notes.
        @Argument(help: "Only this film's notes.", completion: FilmCompletion.kind) var film: String?
        /// Print JSON instead of text.
        @Flag(help: "Print one JSON array of notes.") var json = false

        struct Request: Equatable {
            var film: String?
            var json = false
        }

        func request() -> Request { Request(film: film, json: json) }

        static func perform(_ request: Request, _ context: Context) throws -> [FilmNote] {
            try context.watchlist().notes(of: request.film)
        }

        static func render(_ notes: [FilmNote], for request: Request, _ context: Context) throws {
            if request.json { return Terminal.json(JSONOutput.notes(notes)) }
            guard !notes.isEmpty else { return Terminal.note("No notes yet: add one with 'watchlist note <film> <text>'.") }
            Terminal.out(FilmText.notes(notes))
        }
    }

    struct Edit: Performing {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Replace a note's text.")
        @OptionGroup var global: GlobalOptions
        /// The note's id.
        @Argument(help: "The note's id, as 'note list' shows it.") var id: Int64
        /// The new text.
        @Argument(help: "The new text, or '-' to read it from standard input.") var text: String

        struct Request: Equatable {
            var id: Int64
            var text: NoteCommand.Text
        }

        func request() throws -> Request { Request(id: id, text: try NoteCommand.Text(text)) }

        static func perform(_ request: Request, _ context: Context) throws -> FilmNote {
            try context.watchlist().editNote(number: request.id, text: request.text.read())
        }

        static func render(_ edited: FilmNote, for request: Request, _ context: Context) throws {
            Terminal.out("Edited note \(edited.note.number) on \(edited.film.displayTitle)")
        }
    }

    struct Delete: Performing {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a note.")
        @OptionGroup var global: GlobalOptions
        /// The note's id.
        @Argument(help: "The note's id, as 'note list' shows it.") var id: Int64

        struct Request: Equatable {
            var id: Int64
        }

        func request() -> Request { Request(id: id) }

        static func perform(_ request: Request, _ context: Context) throws -> FilmNote {
            try context.watchlist().deleteNote(number: request.id)
        }

        static func render(_ deleted: FilmNote, for request: Request, _ context: Context) throws {
            Terminal.out("Deleted note \(deleted.note.number) from \(deleted.film.displayTitle)")
        }
    }
}
