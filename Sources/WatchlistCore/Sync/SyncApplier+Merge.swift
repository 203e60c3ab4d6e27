import Foundation
internal import GRDB

/// One film made on two devices by different means (a `film add` here, an import there) with
/// the same id of one kind (IMDb, Letterboxd, TMDB, Trakt): the two are one film. The film with
/// the smaller key stays, every row of the other moves to it by the rules of its table (a
/// rating: the later; a tag: one; a fact taken twice: the staying film's), and the other is
/// removed. What arrives later for the removed film goes to the film that stays, on every
/// device alike (the merge is remembered in `syncRowTime` as long as a removal is).
extension SyncApplier {
    /// `syncRowTime.tableName` of a merge: `rowKey` the removed film, `row` the film it went to.
    static let mergedFilm = "film merged"

    /// The film a film was merged into, or the film itself.
    mutating func filmStaying(_ key: Int64) throws -> Int64 {
        if let known = mergedFilms[key] { return known }
        var current = key
        var seen: Set<Int64> = [key]
        while let merge = try store.rowTime(SyncApplier.mergedFilm, current), let into = merge.row.flatMap({ Int64($0) }), seen.insert(into).inserted {
            current = into
        }
        mergedFilms[key] = current
        return current
    }

    /// The change with every film it names that was merged here replaced by the film it went to.
    mutating func redirected(_ change: RowChange) throws -> RowChange {
        if anyMerge == nil {
            anyMerge = try store.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM syncRowTime WHERE tableName = ?)", [SyncApplier.mergedFilm]) ?? true
        }
        guard anyMerge == true else { return change }
        let columns = try rows.columns(change.table)
        let index = change.table == "film" ? 0 : columns.firstIndex(of: "filmId")
        guard let index, change.old.count == columns.count, change.new.count == columns.count else { return change }
        var (old, new) = (change.old, change.new)
        for slot in [0, 1] {
            guard let value = (slot == 0 ? old : new)[index] ?? nil, let film = Int64.fromDatabaseValue(value) else { continue }
            let staying = try filmStaying(film)
            guard staying != film else { continue }
            if slot == 0 { old[index] = staying.databaseValue } else { new[index] = staying.databaseValue }
        }
        return RowChange(table: change.table, operation: change.operation, primaryKey: change.primaryKey, old: old, new: new)
    }

    /// Whether an incoming id of a film, held here by another film, made the two one film.
    mutating func mergesFilms(_ change: RowChange, local: [DatabaseValue], at time: String) throws -> Bool {
        guard change.table == "filmIdentifier", let column = try rows.columns("filmIdentifier").firstIndex(of: "filmId"),
              let theirs = change.new[column].flatMap({ $0 }).flatMap(Int64.fromDatabaseValue),
              let ours = Int64.fromDatabaseValue(local[column]), theirs != ours,
              try rows.row("film", primaryKey: [true] + Array(repeating: false, count: try rows.columns("film").count - 1), key: [theirs.databaseValue]) != nil
        else { return false }
        try mergeFilm(max(theirs, ours), into: min(theirs, ours), at: time)
        return true
    }

    /// Moves every row of film `gone` to film `staying`, then removes `gone`.
    mutating func mergeFilm(_ gone: Int64, into staying: Int64, at time: String) throws {
        let title = describe("film", [gone.databaseValue])
        for table in SharedTables.names where table != "film" {
            let columns = try rows.columns(table)
            guard let filmColumn = columns.firstIndex(of: "filmId") else { continue }
            let primaryKey = try SyncApplier.primaryKey(store, table)
            let held = try Row.fetchAll(store.db, sql: "SELECT * FROM \"\(table)\" WHERE filmId = ?", arguments: [gone])
                .map { row in (0..<columns.count).map { row[$0] as DatabaseValue } }
            for values in held {
                let key = SyncApplier.key(values, primaryKey: primaryKey)
                let rowTime = try localTime(table, key: key, values)
                try rows.delete(table, primaryKey: primaryKey, key: key)
                var moved = values
                moved[filmColumn] = staying.databaseValue
                try insert(RowChange(table: table, operation: .insert, primaryKey: primaryKey, old: moved.map { _ in nil }, new: moved), at: rowTime)
            }
        }
        try rows.delete("film", primaryKey: [true] + Array(repeating: false, count: try rows.columns("film").count - 1), key: [gone.databaseValue])
        presentParents["film"]?.remove(gone)
        anyMerge = true
        try store.setRowTime(SyncApplier.mergedFilm, gone, at: time, row: String(staying))
        mergedFilms[gone] = staying
        decisions.append("\(title): made on two devices with the same id; one film now, holding the rows of both")
    }

    /// Which columns make a table's primary key.
    static func primaryKey(_ store: Store, _ table: String) throws -> [Bool] {
        try Int.fetchAll(store.db, sql: "SELECT pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table]).map { $0 > 0 }
    }
}
