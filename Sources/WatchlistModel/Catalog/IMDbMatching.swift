import Foundation

/// Which title of IMDb's datasets is each film of a diary: right before complete. A film with
/// an IMDb id is that title. A film without one is matched by its title and year against the
/// titles of film-like types (`filmTypes`), their primary, original and other titles folded as
/// `TitleKey` folds: the year exact, or a year off by one only when that leaves one candidate;
/// two candidates of the exact year are decided by votes only when one has `voteFactor` times
/// the other's; otherwise the film is left unmatched and its candidates are listed. A film
/// without a year is not matched by title. A title another film of the diary already holds is
/// never given to a second film, and one title found for two films goes to neither.
///
/// Fed as the files are streamed (other titles first, then titles, then votes), it keeps only
/// the rows that can concern a film of the diary (a candidate only within a year of a film it
/// may be): memory follows the diary, not the files.
public struct IMDbMatching: Sendable {
    /// The title types a film of a diary can be (IMDb's `titleType`): a series, an episode, a
    /// game or a music video never is.
    public static let filmTypes: Set<String> = ["movie", "tvMovie", "video", "short", "tvSpecial"]
    /// How many times the votes of the second candidate the first needs to win a tie.
    public static let voteFactor = 20

    /// A film of the diary, as the matching sees it.
    public struct Film: Sendable, Equatable {
        public let key: Int64
        public let imdb: String?
        public let titles: [String]
        public let year: Int?
        /// Ids the person took away from the film: never its match.
        public let refused: Set<String>

        public init(key: Int64, imdb: String?, titles: [String], year: Int?, refused: Set<String> = []) {
            (self.key, self.imdb, self.titles, self.year, self.refused) = (key, imdb, titles, year, refused)
        }
    }

    /// A title that may be a film's, as the matching keeps it.
    public struct Candidate: Sendable, Equatable {
        public let id: String
        public let title: String
        public let year: Int?
        public var votes: Int

        public var described: String { "\(title.oneLine) (\(year.map(String.init) ?? "no year"), \(id), \(votes) votes)" }
    }

    public enum Decision: Sendable, Equatable {
        case byId(film: Int64, id: String)
        case byTitle(film: Int64, id: String, rule: String)
        case ambiguous(film: Int64, candidates: [Candidate])
        case notFound(film: Int64)
    }

    private let films: [Film]
    /// Film keys by each folded title.
    private var filmsByTitle: [String: [Int64]] = [:]
    private let wantedIds: Set<String>
    /// Ids (as numbers) whose other titles (`title.akas`) are a film's: the films.
    private var alternateIds: [Int: [Int64]] = [:]
    /// Each film's year, by key.
    private var years: [Int64: Int] = [:]
    /// Candidates kept, by id; the films each may be.
    private(set) var candidates: [String: Candidate] = [:]
    private var candidateFilms: [String: Set<Int64>] = [:]
    /// The ids found in the titles file, of films that have one.
    private var foundIds: Set<String> = []
    /// The rows of `title.basics` kept: those of the films' ids and of the candidates.
    public private(set) var titles: [String: IMDbTitle] = [:]
    /// The same keys and ids as hashes and numbers, for the tests of a line's bytes.
    private var titleHashes: Set<UInt64> = []
    private let wantedNumbers: Set<Int>
    private var candidateNumbers: Set<Int> = []

    public init(films: [Film]) {
        self.films = films
        wantedIds = Set(films.compactMap(\.imdb))
        wantedNumbers = Set(wantedIds.compactMap { IMDbDataset.idNumber(Array($0.utf8)[...], prefix: (0x74, 0x74)) })
        for film in films where film.imdb == nil && film.year != nil {
            years[film.key] = film.year
            for title in Set(film.titles.map(TitleKey.fold)) where !title.isEmpty { filmsByTitle[title, default: []].append(film.key) }
        }
        titleHashes = Set(filmsByTitle.keys.map(TitleFold.hash))
    }

    /// The test of a file's lines, made before its pass: what the matching has gathered so far
    /// decides which lines may concern a film (title.basics: a film's id, an id title.akas gave
    /// a film's title, or a title a film has; title.akas: a title; title.ratings: a candidate).
    public func lineTest(for dataset: IMDbDataset) -> IMDbLineTest {
        switch dataset {
        case .titleBasics: IMDbLineTest(dataset, titles: titleHashes, ids: wantedNumbers.union(alternateIds.keys))
        case .titleAkas: IMDbLineTest(dataset, titles: titleHashes, ids: [])
        case .titleRatings: IMDbLineTest(dataset, titles: [], ids: candidateNumbers)
        case .titleCrew, .nameBasics: IMDbLineTest(dataset, titles: [], ids: [])
        }
    }

    /// Whether any film is matched by title (else `title.akas` need not be read).
    public var needsTitles: Bool { !filmsByTitle.isEmpty }

    /// A row of `title.akas`: its id may be a film's, by this title.
    public mutating func consider(_ alternate: IMDbAlternateTitle) {
        guard let keys = filmsByTitle[TitleKey.fold(alternate.title)],
              let number = IMDbDataset.idNumber(Array(alternate.id.utf8)[...], prefix: (0x74, 0x74)) else { return }
        var films = alternateIds[number] ?? []
        for key in keys where !films.contains(key) { films.append(key) }
        alternateIds[number] = films
    }

    /// A row of `title.basics`.
    public mutating func consider(_ title: IMDbTitle) {
        if wantedIds.contains(title.id) {
            foundIds.insert(title.id)
            titles[title.id] = title
        }
        guard IMDbMatching.filmTypes.contains(title.type), let year = title.year,
              let number = IMDbDataset.idNumber(Array(title.id.utf8)[...], prefix: (0x74, 0x74)) else { return }
        var keys = Set(alternateIds[number] ?? [])
        for name in [title.primaryTitle, title.originalTitle].compactMap({ $0 }) {
            if let found = filmsByTitle[TitleKey.fold(name)] { keys.formUnion(found) }
        }
        // Only a title a year or less from a film's can be its match: the others are not kept.
        keys = keys.filter { abs((years[$0] ?? .min / 2) - year) <= 1 }
        guard !keys.isEmpty else { return }
        candidateNumbers.insert(number)
        candidates[title.id] = Candidate(id: title.id, title: title.primaryTitle ?? title.originalTitle ?? title.id, year: title.year, votes: 0)
        candidateFilms[title.id, default: []].formUnion(keys)
        titles[title.id] = title
    }

    /// Without `title.basics`, a film's IMDb id is taken as found: what `title.crew` says of it
    /// is still its own.
    public mutating func acceptHeldIds() {
        foundIds = wantedIds
    }

    /// A row of `title.ratings`: the votes of a candidate.
    public mutating func consider(_ votes: IMDbVotes) {
        candidates[votes.id]?.votes = votes.votes
    }

    /// Every film's decision, in the order the films were given.
    public func decide() -> [Decision] {
        var byFilm: [Int64: [Candidate]] = [:]
        for (id, keys) in candidateFilms {
            guard let candidate = candidates[id] else { continue }
            for key in keys { byFilm[key, default: []].append(candidate) }
        }
        // An id a film of the diary holds is that film's: no other film is given it.
        let held = wantedIds
        let decisions: [Decision] = films.map { film in
            if let id = film.imdb { return foundIds.contains(id) ? .byId(film: film.key, id: id) : .notFound(film: film.key) }
            guard let year = film.year else { return .notFound(film: film.key) }
            let all = (byFilm[film.key] ?? []).filter { !held.contains($0.id) && !film.refused.contains($0.id) }.sorted { ($0.votes, $1.id) > ($1.votes, $0.id) }
            let exact = all.filter { $0.year == year }
            if exact.count == 1 { return .byTitle(film: film.key, id: exact[0].id, rule: "title and year") }
            if exact.count > 1 {
                if exact[0].votes >= IMDbMatching.voteFactor * max(exact[1].votes, 1) {
                    return .byTitle(film: film.key, id: exact[0].id, rule: "title and year, by far the most votes")
                }
                return .ambiguous(film: film.key, candidates: Array(exact.prefix(5)))
            }
            let near = all.filter { $0.year.map { abs($0 - year) == 1 } ?? false }
            if near.count == 1 { return .byTitle(film: film.key, id: near[0].id, rule: "title, a year apart") }
            if near.count > 1 { return .ambiguous(film: film.key, candidates: Array(near.prefix(5))) }
            return .notFound(film: film.key)
        }
        // Two films of the diary given one title (the same film twice, or a remake's year
        // apart): neither is, and both are listed with it.
        var claims: [String: Int] = [:]
        for case .byTitle(_, let id, _) in decisions { claims[id, default: 0] += 1 }
        return decisions.map { decision in
            guard case .byTitle(let film, let id, _) = decision, claims[id]! > 1, let candidate = candidates[id] else { return decision }
            return .ambiguous(film: film, candidates: [candidate])
        }
    }
}
