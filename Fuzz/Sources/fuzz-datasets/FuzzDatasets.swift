import FuzzDriver
import WatchlistModel

// IMDb's dataset rows (title.basics, title.crew, name.basics, title.akas, title.ratings): the
// input's lines, the first a header or not, each row read by its dataset's reader (or by every
// reader, for a header that names none). Whatever the bytes, every value kept is within its
// bounds: no runtime past the limit, no list longer than kept, no control character in a text.
// And the tests a pass makes on a line's bytes before reading it never say no wrongly: a field
// is the field the split gives, and a title's hash from its bytes is the hash of its fold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let lines = input[...].split(separator: 0x0A, omittingEmptySubsequences: false)
    guard let header = lines.first else { return 0 }
    let known = IMDbDataset.recognize(header: header)
    var folds = TitleFold.Scalars()
    for line in lines.dropFirst() {
        let fields = IMDbDataset.fields(line)
        for index in 0..<10 { precondition(IMDbDataset.field(line, index).map(Array.init) == (index < fields.count ? Array(fields[index]) : nil)) }
        var problems: [String] = []
        for dataset in known.map({ [$0] }) ?? IMDbDataset.allCases {
            switch dataset {
            case .titleBasics:
                if let title = try? IMDbDatasetRow.title(fields, problems: &problems) {
                    precondition(title.runtime.map { (1...IMDbDataset.runtimeLimit).contains($0) } ?? true)
                    precondition(title.genres.count <= IMDbDataset.listLimit)
                    if let primary = title.primaryTitle, let hash = TitleFold.hash(fields[2], folds: &folds) {
                        precondition(hash == TitleFold.hash(TitleKey.fold(primary)))
                    }
                    for text in [title.primaryTitle, title.originalTitle].compactMap({ $0 }) + title.genres {
                        precondition(!text.unicodeScalars.contains { $0.properties.generalCategory == .control })
                    }
                }
            case .titleCrew:
                if let crew = try? IMDbDatasetRow.crew(fields, problems: &problems) {
                    precondition(crew.directors.count <= IMDbDataset.listLimit && crew.directors.allSatisfy { $0.hasPrefix("nm") })
                }
            case .nameBasics:
                if let name = try? IMDbDatasetRow.name(fields, problems: &problems) {
                    precondition(!name.name.unicodeScalars.contains { $0.properties.generalCategory == .control })
                }
            case .titleAkas: _ = try? IMDbDatasetRow.alternateTitle(fields, problems: &problems)
            case .titleRatings: _ = try? IMDbDatasetRow.votes(fields, problems: &problems)
            }
        }
    }
    return 0
}
