import Foundation

extension Watchlist {
    /// Writes every collection and film (or one collection's) in `format` to `output`, from
    /// one consistent read. Rows the database holds damaged are left out, and returned as
    /// "rating row 3: …": the caller says so, with exit 74 (`WatchlistError.incompleteExport`).
    @discardableResult
    public func export(_ format: ExportFormat, collection slug: String? = nil, to output: TextOutput,
                       progress: ProgressHandler? = nil) throws -> [String] {
        var writer = format.makeWriter(output)
        let exportedAt = now
        let leftOut = try database.read { store in
            let only = try slug.map { try self.collectionId(slug: $0, in: store) }
            let total = try store.filmCount(collectionId: only)
            var done = 0
            try writer.begin(exportedAt: exportedAt, collections: store.collectionContents(collectionId: only))
            let leftOut = try store.forEachFilmDetail(collectionId: only) { film in
                try writer.add(film)
                done += 1
                progress?(done, total)
                if done % 1024 == 0 { try Interruption.check() }
            }
            try writer.finish()
            return leftOut
        }
        try output.flush()
        return leftOut
    }

    /// Writes the year in review of `year` (every year when nil) as an HTML page to `output`.
    public func exportReview(year: Int?, collection slug: String? = nil, to output: TextOutput) throws {
        let review = try stats(collection: slug, year: year).review
        try output.write(ReviewPage.render(review, exportedAt: now))
        try output.flush()
    }

    /// The same to the file at `path`, whole or not at all; an existing file is replaced only with `force`.
    public func exportReview(year: Int?, collection slug: String? = nil, toFile path: String, force: Bool) throws {
        if let slug { _ = try database.read { store in try collectionId(slug: slug, in: store) } }
        try OutputFile.write(path: path, force: force, protecting: database.path) { output in
            try exportReview(year: year, collection: slug, to: output)
        }
    }

    /// Writes the export to the file at `path`: it appears whole or not at all, and an
    /// existing file is replaced only with `force`. Returns what was left out, as `export`.
    @discardableResult
    public func export(_ format: ExportFormat, collection slug: String? = nil, toFile path: String, force: Bool,
                       progress: ProgressHandler? = nil) throws -> [String] {
        if let slug { _ = try database.read { store in try collectionId(slug: slug, in: store) } }
        var leftOut: [String] = []
        try OutputFile.write(path: path, force: force, protecting: database.path) { output in
            leftOut = try export(format, collection: slug, to: output, progress: progress)
        }
        return leftOut
    }
}
