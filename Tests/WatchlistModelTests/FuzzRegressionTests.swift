import Foundation
import Testing
@testable import WatchlistModel

/// Inputs the fuzzers (scripts/fuzz.sh) found that crashed the readers. Each must now be
/// refused with a message, or read, but never crash.
@Suite("fuzz regressions")
struct FuzzRegressionTests {
    func read(_ bytes: [UInt8], path: String, format: ImportFormat) -> Result<ImportBatch, Error> {
        var reader = ImportReader(today: "2026-11-26")
        return Result { try reader.read(ImportSource(file: path, bytes: bytes), format: format); return reader.finish() }
    }

    @Test("a rating of 1e308 (Int of an infinite double trapped) is malformed input, in JSON and in CSV")
    func hugeRating() throws {
        let json = #"{"format":"watchlist","version":1,"films":[{"title":"A","year":1999,"rating":1e308}]}"#
        guard case .failure(WatchlistError.malformedFile(_, _, let message)) = read(Array(json.utf8), path: "doc.json", format: .auto) else {
            Issue.record("the document was not refused")
            return
        }
        #expect(message.contains("films[0].rating"))
        for rating in ["1e308", "-1e308", "inf", "nan", "1e-308"] {
            let csv = "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,A,2000,x,\(rating)\n"
            guard case .failure(WatchlistError.malformedFile(_, _, let message)) = read(Array(csv.utf8), path: "ratings.csv", format: .auto) else {
                Issue.record("rating \(rating) was not refused")
                continue
            }
            #expect(message.contains("is not a rating"))
        }
    }

    @Test("the crashing input the fuzzer saved is refused")
    func savedInput() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz/corpus/document/crash-huge-rating.json")
        let bytes = try [UInt8](Data(contentsOf: corpus))
        guard case .failure(let error) = read(bytes, path: "crash.json", format: .watchlist) else {
            Issue.record("the input was not refused")
            return
        }
        #expect(error is WatchlistError)
    }
}
