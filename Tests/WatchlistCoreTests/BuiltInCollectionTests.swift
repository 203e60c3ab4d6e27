import Foundation
import Testing
@testable import WatchlistCore
@testable import WatchlistModel

@Suite("the built-in collection")
struct BuiltInCollectionTests {
    @Test("the built-in collection has its ten films, in file order, with descriptions and facts")
    func builtIn() throws {
        let parsed = try CollectionText.parse(bytes: PackageResources.soviet_survival_films_txt, source: "built-in")
        #expect(parsed.films.count == 10)
        #expect(parsed.films.first?.title == "The Ascent")
        #expect(parsed.films.first?.year == 1977)
        #expect(parsed.films.last?.title == "The Red Tent")
        #expect(parsed.films.last?.year == 1969)
        #expect(parsed.films.map(\.title).contains("The Cold Summer of 1953"))
        #expect(parsed.films.allSatisfy { !$0.description.isEmpty && !$0.fact.isEmpty })
        #expect(parsed.introduction.hasPrefix("This curated selection of Soviet survival films"))
        #expect(parsed.films[0].fact.hasPrefix("The film was directed by Larisa Shepitko"))
    }

    @Test("the embedded text is the seed file, byte for byte")
    func embeddedIsVerbatim() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Schema/collections/soviet-survival-films.txt")
        let bytes = try Data(contentsOf: seed)
        #expect(Array(bytes) == PackageResources.soviet_survival_films_txt)
    }
}
