import Foundation
import WatchlistModel

// Values written as text in tests, as a person types them: `viewing.watchedOn == "2026-11-25"`,
// `watchlist.rate("ascent", "4½")`, `watchlist.tag("ascent", ["arctic"])`. A literal that is
// not a valid value stops the test run: it is the test that is wrong.

extension Day: ExpressibleByStringLiteral, ExpressibleByUnicodeScalarLiteral,
               ExpressibleByExtendedGraphemeClusterLiteral {
    public init(stringLiteral text: String) {
        guard let day = Day(iso: text) else { fatalError("'\(text)' is not a day: fix the test") }
        self = day
    }
}

extension StarRating: ExpressibleByStringLiteral, ExpressibleByUnicodeScalarLiteral,
                      ExpressibleByExtendedGraphemeClusterLiteral {
    public init(stringLiteral text: String) {
        guard let rating = StarRating(parsing: text) else { fatalError("'\(text)' is not a rating: fix the test") }
        self = rating
    }
}

extension Tag: ExpressibleByStringLiteral, ExpressibleByUnicodeScalarLiteral,
               ExpressibleByExtendedGraphemeClusterLiteral {
    public init(stringLiteral text: String) {
        do { self = try Tag(text) } catch { fatalError("'\(text)' is not a tag: fix the test") }
    }
}

extension NoteText: ExpressibleByStringLiteral, ExpressibleByUnicodeScalarLiteral,
                    ExpressibleByExtendedGraphemeClusterLiteral {
    public init(stringLiteral text: String) {
        do { self = try NoteText(text) } catch { fatalError("'\(text)' is not a note: fix the test") }
    }
}

/// A temporary folder for one test.
public func makeTemporaryFolder(_ prefix: String = "watchlist-test") throws -> String {
    let path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
