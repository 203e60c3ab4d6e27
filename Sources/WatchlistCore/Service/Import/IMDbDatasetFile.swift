import Foundation

/// One of IMDb's dataset files read as a stream (`GzipLines`): its kind known by its header,
/// each row given to the caller as it is read, and the problems of its lines collected (the
/// first `shownProblems` in full, then only counted), never a refusal of the whole file for a
/// line. Memory stays flat: nothing of the file is kept but what the caller keeps.
struct IMDbDatasetFile {
    let path: String
    private(set) var dataset: IMDbDataset?
    /// "title.basics.tsv.gz, line 12: …" for the first problems; how many there were in all.
    private(set) var problems: [String] = []
    private(set) var problemCount = 0
    private(set) var rows = 0
    static let shownProblems = 20

    init(path: String) { self.path = path }

    private mutating func note(_ line: Int, _ text: String) {
        problemCount += 1
        if problems.count < IMDbDatasetFile.shownProblems {
            problems.append("\((path as NSString).lastPathComponent.oneLine), line \(line): \(text)")
        }
    }

    /// Which dataset the file at `path` is, by its first line alone: 65 when it is empty or
    /// its header is none of IMDb's.
    static func recognize(path: String) throws -> IMDbDataset {
        struct Stop: Error {}
        var header: ArraySlice<UInt8>?
        do {
            try GzipLines(path: path).forEach({ bytes, _ in
                header = bytes
                throw Stop()
            }, tooLong: { _ in })
        } catch is Stop {}
        guard let header else {
            throw WatchlistError.malformedFile(source: path, line: nil, problem: "it is empty: not one of IMDb's dataset files")
        }
        guard let dataset = IMDbDataset.recognize(header: header) else {
            let names = IMDbDataset.fields(header.prefix(400)).prefix(10).map { String(decoding: $0, as: UTF8.self) }
            throw WatchlistError.unrecognisedFile(source: path, header: names, expected: IMDbDataset.titleBasics.columns)
        }
        return dataset
    }

    /// Reads the file, giving `row` each data line's fields and number. 65 when its first line
    /// is not the header of one of IMDb's datasets.
    /// `wanted` sees each line first: a line it says no to is counted and left unsplit.
    mutating func read(progress: ((Int, Int) -> Void)? = nil, wanted: (IMDbDataset, ArraySlice<UInt8>) -> Bool = { _, _ in true },
                       _ row: (IMDbDataset, [ArraySlice<UInt8>], Int, inout [String]) throws -> Void) throws {
        let lines = GzipLines(path: path)
        var found: IMDbDataset?
        var failure: Error?
        var this = self
        do {
            try lines.forEach({ bytes, number in
                if number == 1 {
                    guard let dataset = IMDbDataset.recognize(header: bytes) else {
                        let header = IMDbDataset.fields(bytes.prefix(400)).prefix(10).map { String(decoding: $0, as: UTF8.self) }
                        failure = WatchlistError.unrecognisedFile(source: path, header: header, expected: IMDbDataset.titleBasics.columns)
                        throw CancellationError()
                    }
                    found = dataset
                    return
                }
                guard let dataset = found, !bytes.isEmpty else { return }
                this.rows += 1
                if number % 65_536 == 0 { progress?(lines.bytesRead, lines.size) }
                if !wanted(dataset, bytes) { return }
                var problems: [String] = []
                try row(dataset, IMDbDataset.fields(bytes), number, &problems)
                for problem in problems { this.note(number, problem) }
            }, tooLong: { number in this.note(number, "it is longer than 1 MiB: left out") })
        } catch is CancellationError {
            throw failure ?? WatchlistError.internalError("a dataset read stopped")
        }
        guard found != nil else {
            throw WatchlistError.malformedFile(source: path, line: nil, problem: "it is empty: not one of IMDb's dataset files")
        }
        this.dataset = found
        self = this
    }
}
