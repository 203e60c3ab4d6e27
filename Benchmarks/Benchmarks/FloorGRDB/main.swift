import Foundation
import GRDB

// The floor of a command's cost with the libraries watchlist is built on: a static binary that
// opens the database with GRDB (Foundation linked, as GRDB needs it) and runs the list query,
// printing each row, with no argument parser and none of watchlist's code. Timed by
// scripts/bench.sh beside `watchlist list` and the bare floor (Benchmarks/Floor).
// Usage: floor-grdb DATABASE

let listSQL = """
    SELECT f.id, f.title, f.year, (SELECT count(*) FROM viewing v WHERE v.filmId = f.id),
           (SELECT max(watchedOn) FROM viewing v WHERE v.filmId = f.id), r.halfStars,
           (SELECT count(*) FROM note n WHERE n.filmId = f.id),
           (SELECT group_concat(tag, ',') FROM filmTag t WHERE t.filmId = f.id)
    FROM film f LEFT JOIN rating r ON r.filmId = f.id ORDER BY f.id
    """
let queue = try DatabaseQueue(path: CommandLine.arguments[1])
let out = try queue.read { db in
    var out = ""
    let rows = try Row.fetchCursor(db, sql: listSQL)
    while let row = try rows.next() {
        out += (0..<row.count).map { (row[$0] as DatabaseValue).description }.joined(separator: "  ") + "\n"
    }
    return out
}
print(out, terminator: "")
