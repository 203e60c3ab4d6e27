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
        case .filmNotFound, .ambiguousFilm, .noteNotFound, .collectionNotFound, .nothingToRemove, .nothingToSuggest:
            ExitStatus.notFound
        case .invalidRating, .invalidDate, .futureDate, .dateBeforeRelease, .emptyNote, .textTooLong, .invalidArgument,
             .invalidTag, .invalidSlug, .collectionExists, .builtInCollection, .removalNeedsForce:
            ExitStatus.usage
        case .malformedInput, .malformedCollection:
            ExitStatus.dataError
        case .unreadableInput:
            ExitStatus.noInput
        case .outputExists, .outputNotWritable:
            ExitStatus.cannotCreate
        case .databaseUnavailable, .notADatabase, .newerDatabase, .databaseLocked, .databaseReadOnly, .databaseDamaged:
            ExitStatus.ioError
        case .internalError:
            ExitStatus.software
        }
    }
}
