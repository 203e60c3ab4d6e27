import Foundation

/// What an items file says of its Trakt list: the ids of its `list` object, and its own name.
struct TraktListReference: Sendable {
    var id: Int64?
    var slug: String?
    var fileName: String

    /// Whether `list` is this file's list: by the ids the file gives when it gives them; else
    /// by the file's whole name, which is the list's slug or id, alone or after `list`/`lists`
    /// and `-` or `_`, or before `-items`/`_items` (`top-2023.json`, `lists_23.json`,
    /// `top-2023_items.json`). Never by a part of a name: `top-2023.json` is not list 23's.
    func names(_ list: TraktList) -> Bool {
        if let id { return list.id == id }
        if let slug { return list.slug?.lowercased() == slug.lowercased() }
        var name = Substring(fileName.lowercased())
        for prefix in ["lists-", "lists_", "list-", "list_"] where name.hasPrefix(prefix) && name.count > prefix.count {
            name = name.dropFirst(prefix.count)
            break
        }
        for suffix in ["-items", "_items"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name = name.dropLast(suffix.count)
            break
        }
        return list.slug.map { $0.lowercased() == name } == true || list.id.map { String($0) == name } == true
    }
}

/// What the Trakt reader keeps across the files of one import, settled at the end
/// (`settleTrakt`): the lists `lists.json` names, the films with plays in a history file, what
/// watched files say of the others, and the lists' items waiting for their names.
struct TraktState {
    var lists: [TraktList] = []
    var historyFilms = Set<Int>()
    var watched: [Int: TraktPlays] = [:]
    /// The plays on days not known that the watched files' counts make, over the whole import.
    var playsFromCounts = 0
    var pendingLists: [ImportedCollection] = []
}

/// What Trakt's watched files say of a film: its latest play, and how many plays it has.
struct TraktPlays {
    var last: String?
    var plays: Int

    /// The most plays one film may have.
    static let maximumPerFilm = 100_000
    /// The most plays on days not known the counts of one import may make: a file of a few
    /// kilobytes must not become millions of rows.
    static let maximumFromCounts = 100_000
}

/// A Trakt list (`lists.json`): what its items file is matched to.
struct TraktList: Sendable {
    var name: String
    var description: String
    var slug: String?
    var id: Int64?
}

