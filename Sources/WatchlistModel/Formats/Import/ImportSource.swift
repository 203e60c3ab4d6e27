import Foundation

/// One file given to import, as a value: listed once (by the service, from the paths given)
/// before anything of it is read, and carried as it is to the reader.
public struct ImportSource: Sendable {
    /// How messages name it: the path typed, `archive.zip:lists/x.csv`, `standard input`.
    public var name: String
    /// Its path inside what was given: below the export's own folders for a member of a folder
    /// or archive (`lists/x.csv`); its own name for a file given alone (`ratings.csv`); empty
    /// for a stream, whose content alone says what it is. Nothing above what the person typed
    /// (`..`, a dot-folder, a folder called `lists`) is part of it.
    public var place: String
    /// A member of a folder or archive, which may hold files import does not read; a file given
    /// alone is read, or refused.
    public var inExport: Bool
    /// Its bytes: in memory, or a file mapped into memory (read front to back, once or twice).
    public var content: InputBytes

    public init(name: String, place: String, inExport: Bool, content: InputBytes) {
        (self.name, self.place, self.inExport, self.content) = (name, place, inExport, content)
    }

    public init(name: String, place: String, inExport: Bool, bytes: [UInt8]) {
        self.init(name: name, place: place, inExport: inExport, content: InputBytes(bytes))
    }

    /// A file given alone: named by its path, placed by its own name.
    public init(file path: String, bytes: [UInt8]) {
        self.init(name: path, place: ImportSource.place(ofFileAt: path), inExport: false, bytes: bytes)
    }

    /// The first bytes of a .zip archive (a Letterboxd export as it is downloaded).
    public static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// The place of a file given alone: its own name.
    public static func place(ofFileAt path: String) -> String { (path as NSString).lastPathComponent }
}

/// Where a file sits in an export decides what it is, before its content does.
enum ExportPlace: Equatable {
    /// The place names the kind: `diary.csv`, `likes/films.csv`, `lists/*.csv`.
    case kind(ImportKind)
    /// A file of the export that import does not read, and why.
    case ignored(String)
    /// Nothing known about the place: the content decides.
    case unknown

    /// The place of a member of an export, by its path inside it (see `places(of:)`), or of a
    /// file given alone by its name (`inExport` false: only its name counts, and a file given
    /// by name is never ignored for being hidden or in a folder of deleted entries).
    static func of(_ place: String, inExport: Bool) -> ExportPlace {
        let parts = place.lowercased().split(separator: "/").map(String.init)
        guard let name = parts.last else { return .unknown }
        if inExport {
            let folder = parts.count >= 2 ? parts[parts.count - 2] : ""
            if parts.contains(where: { $0.hasPrefix(".") || $0 == "__macosx" }) { return .ignored("a hidden file, or macOS's metadata") }
            if parts.contains("deleted") { return .ignored("entries you deleted on Letterboxd") }
            if parts.contains("orphaned") { return .ignored("entries Letterboxd could no longer attach to a film") }
            if folder == "likes" {
                switch name {
                case "films.csv": return .kind(.letterboxdLikes)
                case "reviews.csv": return .ignored("reviews by others that you liked")
                case "lists.csv": return .ignored("lists by others that you liked")
                default: return .ignored("not a file of a Letterboxd export that import reads")
                }
            }
            if folder == "lists", name.hasSuffix(".csv") { return .kind(.letterboxdList) }
        }
        switch name {
        case "diary.csv": return .kind(.letterboxdDiary)
        case "reviews.csv": return .kind(.letterboxdReviews)
        case "watched.csv" where inExport: return .kind(.letterboxdWatched)
        case "comments.csv" where inExport: return .ignored("comments you wrote on reviews and lists")
        case "profile.csv" where inExport: return .ignored("your Letterboxd profile, which holds no film")
        default: break
        }
        if !inExport || name.hasSuffix(".csv") || name.hasSuffix(".json") { return .unknown }
        return .ignored("not a CSV or JSON file")
    }

    /// A place's file name, lower case: what names a file's kind when its header does not.
    static func fileName(_ place: String) -> String { (place as NSString).lastPathComponent.lowercased() }

    /// Folders an export names its files by: kept in a file's place when every file sits in one.
    static let exportFolders: Set<String> = ["lists", "likes", "deleted", "orphaned"]

    /// The places of a folder's or an archive's files: their paths inside it, without the
    /// folders they all sit in (an export unzipped into a folder of its own, or several deep:
    /// `archive/letterboxd-me-2026-04-13-19-23-utc/diary.csv` is `diary.csv`), but never
    /// without a folder of the export's own (a folder of only lists keeps `lists/`).
    static func places(of paths: [String]) -> [String] {
        var split = paths.map { $0.split(separator: "/").map(String.init) }
        while let first = split.first?.first, !exportFolders.contains(first.lowercased()),
              split.allSatisfy({ $0.count >= 2 && $0[0] == first }) {
            split = split.map { Array($0.dropFirst()) }
        }
        return split.map { $0.joined(separator: "/") }
    }
}

extension ImportReader {
    /// Why a member of an export at this place is not read, or nil when it may be: lets a caller
    /// skip reading the bytes of a file that would be ignored.
    public static func ignoredReason(place: String) -> String? {
        if case .ignored(let reason) = ExportPlace.of(place, inExport: true) { return reason }
        return nil
    }

    /// `ExportPlace.places`, for the service that lists a folder or an archive.
    public static func places(of paths: [String]) -> [String] { ExportPlace.places(of: paths) }
}
