import Foundation

/// `watchlist facts import`: IMDb's public dataset files give the films of a diary their
/// directors, runtime, genres and original title, as a source of their own (`datasets`, shown
/// after what the person and their own exports gave). The files are streamed, one pass each, in
/// the order the matching needs (title.akas, title.basics, title.ratings, then title.crew for
/// the films matched and name.basics for their directors), keeping only the rows that concern a
/// film of the diary; nothing is written until every file is read, and then in one recorded
/// transaction: an interruption leaves the database as it was, and `undo` takes a run back.
extension Watchlist {
    /// What a run reads and says: `progress` is given the file being read and the MiB read of it.
    public typealias DatasetsProgress = (_ file: String, _ done: Int, _ total: Int) -> Void

    public func importDatasets(_ paths: [String], dryRun: Bool = false, progress: DatasetsProgress? = nil) throws -> DatasetsReport {
        guard !paths.isEmpty else { throw WatchlistError.invalidArgument("Name IMDb's dataset files, or the folder they were downloaded to.") }
        var report = DatasetsReport()
        report.dryRun = dryRun
        let files = try DatasetFiles.find(paths, leftOut: &report.filesLeftOut)
        let films = try database.read { try $0.filmsForMatching() }
        var run = DatasetsRun(films: films.map(\.matching))
        report.films = films.count
        try run.read(files, into: &report, progress: progress)
        let decisions = run.matching.decide()
        let facts = run.facts(for: decisions, given: Set(files.keys), leftOut: &report.leftOut)
        let byKey = Dictionary(uniqueKeysWithValues: films.map { ($0.matching.key, $0) })
        for decision in decisions {
            switch decision {
            case .byId: report.matchedById += 1
            case .byTitle(let key, let id, let rule):
                report.matchedByTitle.append(.init(film: byKey[key]!.displayTitle, id: id,
                                                   title: run.matching.titles[id]?.primaryTitle ?? id, rule: rule))
            case .ambiguous(let key, let candidates):
                report.ambiguous.append(.init(film: byKey[key]!.displayTitle, candidates: candidates.map(\.described)))
            case .notFound(let key): report.notFound.append(byKey[key]!.displayTitle)
            }
        }
        // In title order: the report reads as a list, the same from one run to the next.
        report.matchedByTitle.sort { $0.film.localizedStandardCompare($1.film) == .orderedAscending }
        report.ambiguous.sort { $0.film.localizedStandardCompare($1.film) == .orderedAscending }
        report.notFound.sort { $0.localizedStandardCompare($1) == .orderedAscending }
        let apply: (Store) throws -> DatasetsReport = { store in
            var result = report
            try store.applyDatasets(decisions, facts: facts, into: &result)
            return result
        }
        if dryRun { return try database.writeAndRollBack(apply) }
        return try recorded({ report in
            "Read IMDb's datasets: \(plural(report.matchedById + report.matchedByTitle.count, "film")) matched "
                + "(\(report.matchedByTitle.count) by title), facts of \(plural(report.filmsChanged, "film")) added or changed"
        }, changed: \.changedAnything, apply)
    }
}

/// The dataset files given: each file named, or each of a folder's that is one of IMDb's.
enum DatasetFiles {
    /// The files by dataset. A file named that is none of IMDb's is refused (65); a folder's
    /// other files are left out and named; two files of one dataset are refused.
    static func find(_ paths: [String], leftOut: inout [String]) throws -> [IMDbDataset: String] {
        var found: [IMDbDataset: String] = [:]
        func add(_ path: String, _ dataset: IMDbDataset) throws {
            if let other = found[dataset] {
                throw WatchlistError.invalidArgument("Two \(dataset.rawValue) files were given: \(other.oneLine) and \(path.oneLine); give one.")
            }
            found[dataset] = path
        }
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw WatchlistError.unreadableInput(path: path, reason: POSIX.lastError) }
            guard POSIX.isFolder(info) else {
                // Each file is opened twice (its header, then its pass): a FIFO or a device
                // would give its second reading nothing.
                guard POSIX.isRegularFile(info) else { throw WatchlistError.unreadableInput(path: path, reason: "it is not a regular file") }
                try add(path, try IMDbDatasetFile.recognize(path: path))
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = (path as NSString).appendingPathComponent(name)
                var entry = stat()
                guard stat(file, &entry) == 0, POSIX.isRegularFile(entry) else { continue }
                guard let dataset = try? IMDbDatasetFile.recognize(path: file) else {
                    leftOut.append(name.oneLine)
                    continue
                }
                try add(file, dataset)
            }
        }
        guard !found.isEmpty else {
            throw WatchlistError.noExportFiles(path: paths.joined(separator: ", "), expected: IMDbDataset.allCases.map { $0.rawValue + ".tsv.gz" })
        }
        return found
    }
}

/// One run's reading: the matching, then what the matched films' rows say.
struct DatasetsRun {
    var matching: IMDbMatching
    /// Directors' `nm` ids by matched title, and names by `nm` id.
    private var crews: [String: [String]] = [:]
    private var names: [String: String] = [:]

    init(films: [IMDbMatching.Film]) {
        matching = IMDbMatching(films: films)
    }

    /// Reads the files in the order the matching needs.
    mutating func read(_ files: [IMDbDataset: String], into report: inout DatasetsReport,
                       progress: Watchlist.DatasetsProgress?) throws {
        var matched: Set<String> = [], matchedIds = IMDbIdSet([], prefix: "tt")
        var wantedNames: Set<String> = [], wantedNameIds = IMDbIdSet([], prefix: "nm")
        for dataset in [IMDbDataset.titleAkas, .titleBasics, .titleRatings, .titleCrew, .nameBasics] {
            guard let path = files[dataset] else { continue }
            if dataset == .titleAkas && !matching.needsTitles { continue }
            if dataset == .titleCrew {
                if files[.titleBasics] == nil { matching.acceptHeldIds() }
                matched = Set(matching.decide().compactMap(\.id))
                matchedIds = IMDbIdSet(matched, prefix: "tt")
            }
            if dataset == .nameBasics {
                wantedNameIds = IMDbIdSet(wantedNames, prefix: "nm")
            }
            let lines = matching.lineTest(for: dataset)
            var file = IMDbDatasetFile(path: path)
            let name = (path as NSString).lastPathComponent
            // Most lines concern no film: their id and titles, tested as bytes, say so.
            try file.read(progress: { progress?(name, $0 >> 20, $1 >> 20) }, wanted: { dataset, line in
                switch dataset {
                case .titleCrew: return matchedIds.mayHold(line)
                case .nameBasics: return wantedNameIds.mayHold(line)
                case .titleBasics, .titleAkas, .titleRatings: return lines.mayConcern(line)
                }
            }) { dataset, fields, _, problems in
                // A row that breaks the format is named and left out; the file reads on.
                do throws(IMDbDatasetRow.Problem) {
                    switch dataset {
                    case .titleAkas: if let row = try IMDbDatasetRow.alternateTitle(fields, problems: &problems) { matching.consider(row) }
                    case .titleBasics: matching.consider(try IMDbDatasetRow.title(fields, problems: &problems))
                    case .titleRatings: matching.consider(try IMDbDatasetRow.votes(fields, problems: &problems))
                    case .titleCrew:
                        guard let first = fields.first, matched.contains(String(decoding: first, as: UTF8.self)) else { return }
                        let row = try IMDbDatasetRow.crew(fields, problems: &problems)
                        crews[row.id] = row.directors
                        wantedNames.formUnion(row.directors)
                    case .nameBasics:
                        guard let first = fields.first, wantedNames.contains(String(decoding: first, as: UTF8.self)),
                              let row = try IMDbDatasetRow.name(fields, problems: &problems) else { return }
                        names[row.id] = row.name
                    }
                } catch {
                    problems.append(error.text)
                }
            }
            report.files.append(.init(name: name.oneLine, dataset: dataset, rows: file.rows))
            report.problems += file.problems.prefix(max(0, IMDbDatasetFile.shownProblems - report.problems.count))
            report.problemCount += file.problemCount
        }
        if files[.titleBasics] == nil && files[.titleCrew] == nil { matching.acceptHeldIds() }
    }

    /// The facts each matched film is given, by film key: the fields the files given can
    /// say, with the values they say (none, where a file says nothing of the title).
    func facts(for decisions: [IMDbMatching.Decision], given: Set<IMDbDataset>, leftOut: inout [String]) -> [Int64: (FilmMetadata, [MetadataField])] {
        var fields: [MetadataField] = []
        if given.contains(.titleBasics) { fields += [.genre, .runtime, .originalTitle] } else {
            leftOut.append("runtime, genres and original titles: title.basics was not given")
        }
        if given.contains(.titleCrew) && given.contains(.nameBasics) { fields.append(.director) } else {
            leftOut.append("directors: " + (given.contains(.titleCrew) ? "name.basics" : "title.crew") + " was not given")
        }
        var result: [Int64: (FilmMetadata, [MetadataField])] = [:]
        for decision in decisions {
            guard let id = decision.id, let key = decision.film else { continue }
            var metadata = FilmMetadata()
            if let title = matching.titles[id] {
                metadata.runtime = title.runtime
                for genre in title.genres {
                    if let value = try? InputText.metadataValue(genre, field: .genre), !metadata.genres.contains(value) { metadata.genres.append(value) }
                }
                metadata.originalTitle = title.originalTitle ?? title.primaryTitle
            }
            for person in crews[id] ?? [] {
                if let name = names[person].flatMap({ try? InputText.metadataValue($0, field: .director) }), !metadata.directors.contains(name) {
                    metadata.directors.append(name)
                }
            }
            // A title a file does not hold (a slice of it, a title IMDb removed), or directors
            // none of whose names name.basics holds, keep what an earlier run gave of them.
            var known = fields
            if matching.titles[id] == nil { known.removeAll { $0 != .director } }
            if let crew = crews[id], crew.isEmpty || !metadata.directors.isEmpty {} else { known.removeAll { $0 == .director } }
            if !known.isEmpty { result[key] = (metadata, known) }
        }
        return result
    }
}

extension IMDbMatching.Decision {
    /// The film the decision is about.
    var film: Int64? {
        switch self {
        case .byId(let film, _), .byTitle(let film, _, _), .ambiguous(let film, _), .notFound(let film): film
        }
    }

    /// The id a film was matched to, if it was.
    var id: String? {
        switch self {
        case .byId(_, let id), .byTitle(_, let id, _): id
        case .ambiguous, .notFound: nil
        }
    }
}
