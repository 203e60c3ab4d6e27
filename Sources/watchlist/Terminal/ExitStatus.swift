import Foundation
import WatchlistCore

/// The documented exit statuses (README.md, "Exit statuses"), after sysexits.h.
enum ExitStatus {
    static let notFound: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
}

extension WatchlistError {
    var exitStatus: Int32 {
        switch self {
        case .filmNotFound, .ambiguousFilm, .noteNotFound, .collectionNotFound, .nothingChanged, .nothingToSuggest:
            ExitStatus.notFound
        case .invalidRating, .invalidDate, .futureDate, .dateBeforeRelease, .emptyNote, .textTooLong, .invalidArgument,
             .invalidTag, .invalidSlug, .collectionExists, .builtInCollection, .removalNeedsForce:
            ExitStatus.usage
        case .invalidText, .malformedFile, .unrecognisedFile, .otherKindOfFile, .wrongFormat, .fileTooLarge, .noExportFiles, .notABackup,
             .syncFilesRefused:
            ExitStatus.dataError
        case .unreadableInput:
            ExitStatus.noInput
        case .outputExists, .outputNotWritable:
            ExitStatus.cannotCreate
        case .databaseUnavailable, .homeNotUsable, .notADatabase, .newerDatabase, .databaseLocked, .databaseReadOnly, .databaseDamaged,
             .incompleteExport:
            ExitStatus.ioError
        case .internalError:
            ExitStatus.software
        case .interrupted(let signal, _):
            // As a shell reports a process ended by the signal: 130 for SIGINT, 143 for SIGTERM.
            128 + signal
        }
    }

    /// What to type to get past the error, where a command or flag does it: the core's
    /// messages name none, so that they hold for any front end.
    var hint: String? {
        switch self {
        case .filmNotFound(_, let suggestions) where suggestions.isEmpty:
            "Run 'watchlist list' to see the films and their ids."
        case .noteNotFound:
            "Run 'watchlist note list' to see the notes and their ids."
        case .emptyNote:
            "Give the note's text as an argument, or '-' to read it from standard input."
        case .collectionExists:
            "Choose another slug with --slug, or remove the old collection first."
        case .removalNeedsForce:
            "Use --force to remove it all, or export it first."
        case let .wrongFormat(_, _, actual, _):
            "Leave out --format, or use --format \(actual.rawValue)."
        case .outputExists:
            "Use --force to replace it, or choose another file."
        case .otherKindOfFile(let source, .collection):
            "Add it as a collection with 'watchlist collection import \(ShellWords.quoted(source))'."
        case .otherKindOfFile(let source, .export):
            "Import it with 'watchlist import \(ShellWords.quoted(source))'."
        case .homeNotUsable:
            "Pass --db PATH or set WATCHLIST_DB."
        case .notADatabase:
            "Pass another file with --db."
        case .databaseDamaged:
            "Restore a backup with 'watchlist db restore FILE', or export what can be read first."
        case .incompleteExport:
            "Run 'watchlist db check' to list every problem."
        default:
            nil
        }
    }
}
