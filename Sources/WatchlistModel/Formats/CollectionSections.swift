/// Films kept until the end of an export and handed out collection by collection: what the
/// page formats (Markdown, HTML) need, since an export reads films in id order.
struct CollectionSections {
    struct Section {
        var title: String
        var introduction: String
        var films: [FilmDetail]
    }

    private(set) var exportedAt = ""
    private var collections: [CollectionContents] = []
    private var films: [Int64: FilmDetail] = [:]
    private var order: [Int64] = []

    mutating func begin(exportedAt: String, collections: [CollectionContents]) {
        self.exportedAt = exportedAt
        self.collections = collections
    }

    mutating func add(_ film: FilmDetail) {
        films[film.film.id] = film
        order.append(film.film.id)
    }

    /// Each collection with its films in collection order, then the films in no collection
    /// under "Other films".
    var sections: [Section] {
        var listed = Set<Int64>()
        var sections = collections.map { contents in
            listed.formUnion(contents.filmIds)
            return Section(title: contents.collection.title, introduction: contents.collection.description,
                           films: contents.filmIds.compactMap { films[$0] })
        }
        let others = order.filter { !listed.contains($0) }.compactMap { films[$0] }
        if !others.isEmpty { sections.append(Section(title: "Other films", introduction: "", films: others)) }
        return sections
    }

    /// The title of the only section, or nil when there are several.
    var onlyTitle: String? {
        let sections = sections
        return sections.count == 1 ? sections[0].title : nil
    }
}

/// An export that is a page grouped by collection (Markdown, HTML): it keeps the films in
/// `pages` until `finish`, since an export reads them in id order.
protocol PageExportWriter: ExportWriter {
    var pages: CollectionSections { get set }
}

extension PageExportWriter {
    mutating func begin(exportedAt: String, collections: [CollectionContents]) throws {
        pages.begin(exportedAt: exportedAt, collections: collections)
    }

    mutating func add(_ film: FilmDetail) throws {
        pages.add(film)
    }
}
