import Foundation

/// Every failure a user can meet, with what the message needs to say what went wrong. The
/// messages name no command-line flag: the executable maps each case to its documented exit
/// status and adds the hint that names one.
public enum WatchlistError: Error, Equatable, LocalizedError, Sendable {
    // A reference that names nothing.
    case filmNotFound(query: String, suggestions: [String])
    case ambiguousFilm(query: String, candidates: [String])
    case noteNotFound(id: Int64)
    case collectionNotFound(slug: String, known: [String])
    /// A command that would change nothing (a rating it already has, a tag it already has, a
    /// viewing to remove that is not there): why, without a final stop.
    case nothingChanged(String)
    case nothingToSuggest(collection: String?)

    // Values the user typed that we cannot accept.
    case invalidRating(String)
    case invalidDate(String)
    case futureDate(String, today: String)
    case dateBeforeRelease(String, film: String, year: Int)
    case emptyNote
    case invalidTag(String, reason: String)
    case invalidSlug(String)
    case collectionExists(slug: String)
    case builtInCollection(slug: String)
    case removalNeedsForce(slug: String, removal: CollectionRemoval)
    case textTooLong(what: String, length: Int, limit: Int)
    case invalidArgument(String)

    // Input data that is not well formed.
    /// Typed text that is not text: a NUL byte, invalid UTF-8.
    case invalidText(what: String, problem: String)
    /// A file whose content breaks its format: where (the line, when it has lines) and what.
    case malformedFile(source: String, line: Int?, problem: String)
    /// A CSV file whose header row is none that import reads.
    case unrecognisedFile(source: String, header: [String], expected: [String])
    /// A file of another format than the one asked for.
    case wrongFormat(source: String, kind: String, actual: ImportFormat, requested: ImportFormat)
    case fileTooLarge(source: String, limit: Int)
    /// A file that another command reads: a collection's text given to `import`, an export
    /// given to `collection import`.
    case otherKindOfFile(source: String, kind: FileKind)
    /// A folder or archive that holds no file of an export.
    case noExportFiles(path: String, expected: [String])
    /// A file given to restore that is not a sound watchlist database this version reads.
    case notABackup(path: String, reason: String)

    // Files.
    case unreadableInput(path: String, reason: String)
    case outputExists(path: String)
    case outputNotWritable(path: String, reason: String)

    // The database.
    case databaseUnavailable(path: String, reason: String)
    /// No database path could be worked out: HOME is missing or not absolute.
    case homeNotUsable(home: String?)
    case notADatabase(path: String, reason: String)
    case newerDatabase(path: String)
    case databaseLocked(path: String)
    case databaseReadOnly(path: String)
    case databaseDamaged(path: String, problems: [String])
    /// An export written without the rows the database could not read.
    case incompleteExport(path: String, leftOut: [String])
    /// A sync that applied everything else, and refused files it names in its report.
    case syncFilesRefused(count: Int, folder: String)

    /// Work stopped by SIGINT (Ctrl-C) or SIGTERM, and rolled back: what that left undone.
    case interrupted(signal: Int32, outcome: String)

    /// A broken invariant: a bug, never the user's fault.
    case internalError(String)

    public var errorDescription: String? {
        switch self {
        case let .filmNotFound(query, suggestions):
            let base = "No film matches '\(query.oneLine)'."
            if suggestions.isEmpty { return base }
            return base + " Did you mean: " + suggestions.joined(separator: ", ") + "?"
        case let .ambiguousFilm(query, candidates):
            return "'\(query.oneLine)' matches \(candidates.count) films; name one by id or by title and year:\n"
                + candidates.map { "  \($0)" }.joined(separator: "\n")
        case let .noteNotFound(id):
            return "No note has id \(id)."
        case let .collectionNotFound(slug, known):
            return "No collection has the slug '\(slug.oneLine)'. The collections are: \(known.joined(separator: ", "))."
        case let .nothingChanged(reason):
            return reason + "; nothing was changed."
        case let .nothingToSuggest(collection):
            return (collection.map { "Every film of \($0) is watched." } ?? "Every film is watched.") + " Nothing to suggest."
        case let .invalidRating(text):
            return "'\(text.oneLine)' is not a rating. A rating is 0.5 to 5 in steps of 0.5: 3, 3.5, 4½, ★★★★½, or n/10 such as 9/10."
        case let .invalidDate(text):
            return "'\(text.oneLine)' is not a date. Use YYYY-MM-DD (a day that exists, such as 2026-02-28), today, yesterday or unknown."
        case let .futureDate(text, today):
            return "\(text) is in the future (today is \(today)). Log a viewing on or before today."
        case let .dateBeforeRelease(text, film, year):
            return "\(text) is before \(film) came out in \(year). Use a date in \(year) or later, or 'unknown'."
        case .emptyNote:
            return "The note is empty."
        case let .invalidTag(tag, reason):
            return "'\(tag.oneLine)' is not a tag: \(reason). A tag is 1 to 100 characters without commas, such as arctic or seen-in-cinema."
        case let .invalidSlug(slug):
            return "'\(slug.oneLine)' is not a collection slug. A slug is 1 to 64 lower-case letters, digits and hyphens, such as french-new-wave."
        case let .collectionExists(slug):
            return "A collection with the slug '\(slug)' already exists."
        case let .builtInCollection(slug):
            return "'\(slug)' is the built-in collection; it cannot be removed."
        case let .removalNeedsForce(slug, removal):
            return "Removing '\(slug)' would delete \(plural(removal.films, "film")) that \(removal.films == 1 ? "is" : "are") in no other collection, "
                + "with \(removal.recordsText). Nothing was removed."
        case let .textTooLong(what, length, limit):
            return "The \(what) is \(length) code points long; the limit is \(limit)."
        case let .invalidArgument(message):
            return message
        case let .invalidText(what, problem):
            return "The \(what) \(problem); give plain UTF-8 text."
        case let .malformedFile(source, line, problem):
            return line.map { "\(source.oneLine), line \($0): \(problem)." } ?? "\(source.oneLine): \(problem)."
        case let .unrecognisedFile(source, header, expected):
            let shown = header.prefix(8).map { ($0.count > 40 ? $0.prefix(40) + "…" : $0).oneLine }
            return "\(source.oneLine): the header row (\(shown.joined(separator: ","))) is not one that import reads. Expected one of:\n"
                + expected.map { "  " + $0 }.joined(separator: "\n")
        case let .wrongFormat(source, kind, _, requested):
            return "\(source.oneLine) is \(kind), not \(requested.article) \(requested.displayName) export."
        case let .otherKindOfFile(source, kind):
            switch kind {
            case .collection: return "\(source.oneLine) is a collection's text (an introduction, then films with their descriptions), not an export."
            case .export: return "\(source.oneLine) is an export of films or ratings, not a collection's text."
            }
        case let .fileTooLarge(source, limit):
            return "\(source.oneLine) is larger than \(limit >> 20) MiB, the most watchlist reads."
        case let .noExportFiles(path, expected):
            return "\(path.oneLine) holds none of the files of an export (\(expected.joined(separator: ", ")))."
        case let .notABackup(path, reason):
            return "\(path.oneLine) cannot be restored: \(reason)."
        case let .unreadableInput(path, reason):
            return "Cannot read \(path.oneLine): \(reason)."
        case let .outputExists(path):
            return "\(path.oneLine) already exists."
        case let .outputNotWritable(path, reason):
            return "Cannot write \(path.oneLine): \(reason)."
        case let .databaseUnavailable(path, reason):
            return "Cannot use the database at \(path.oneLine): \(reason)."
        case let .homeNotUsable(home):
            return home.map { "HOME is '\($0.oneLine)', not an absolute path, so the default database cannot be found." }
                ?? "HOME is not set, so the default database cannot be found."
        case let .notADatabase(path, reason):
            return "\(path.oneLine) is not a watchlist database (\(reason)). It was left unchanged."
        case let .newerDatabase(path):
            return "The database at \(path.oneLine) was written by a newer version of watchlist. It was left unchanged; upgrade watchlist to use it."
        case let .databaseLocked(path):
            return "The database at \(path.oneLine) stayed locked by another process past the timeout. Try again when it has finished."
        case let .databaseReadOnly(path):
            return "The database at \(path.oneLine) is read-only, so nothing was changed. Check the permissions of the file and its folder."
        case let .databaseDamaged(path, problems):
            return "The database at \(path.oneLine) failed its checks (\(plural(problems.count, "problem"))):\n"
                + problems.prefix(20).map { "  \($0.oneLine)" }.joined(separator: "\n")
        case let .incompleteExport(path, leftOut):
            return "The export left out \(plural(leftOut.count, "row")) the database at \(path.oneLine) holds damaged; everything else was written:\n"
                + leftOut.prefix(20).map { "  \($0.oneLine)" }.joined(separator: "\n") + (leftOut.count > 20 ? "\n  and \(leftOut.count - 20) more" : "")
        case let .syncFilesRefused(count, folder):
            return "\(plural(count, "file")) in \(folder.oneLine) \(count == 1 ? "was" : "were") refused (named above): nothing of \(count == 1 ? "it" : "them") was applied; everything else was"
        case let .interrupted(_, outcome):
            return "Interrupted: \(outcome)."
        case let .internalError(message):
            return "Internal error: \(message). Please report it; nothing was changed."
        }
    }
}

/// The kinds of file that one command refuses and another reads.
public enum FileKind: Sendable, Equatable {
    /// A collection in the built-in collection's text format.
    case collection
    /// An export (Letterboxd, IMDb, Trakt…) or a watchlist JSON document.
    case export
}
