import Foundation

extension Watchlist {
    /// Writes every collection and film (or one collection's) in `format` to `output`, from
    /// one consistent read.
    public func export(_ format: ExportFormat, collection slug: String? = nil, to output: TextOutput,
                       progress: ProgressHandler? = nil) throws {
        var writer = format.makeWriter(output)
        let exportedAt = now
        try database.read { store in
            let only = try slug.map { try self.collectionId(slug: $0, in: store) }
            let total = try store.filmCount(collectionId: only)
            var done = 0
            try writer.begin(exportedAt: exportedAt, collections: store.collectionContents(collectionId: only))
            try store.forEachFilmDetail(collectionId: only) { film in
                try writer.add(film)
                done += 1
                progress?(done, total)
            }
            try writer.finish()
        }
        try output.flush()
    }

    /// Writes the export to the file at `path`: it appears whole or not at all, and an
    /// existing file is replaced only with `force`.
    public func export(_ format: ExportFormat, collection slug: String? = nil, toFile path: String, force: Bool,
                       progress: ProgressHandler? = nil) throws {
        if let slug { _ = try database.read { store in try collectionId(slug: slug, in: store) } }
        try OutputFile.write(path: path, force: force, protecting: database.path) { output in
            try export(format, collection: slug, to: output, progress: progress)
        }
    }
}
