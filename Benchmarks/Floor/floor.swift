import CSQLiteFloor
import Glibc

// The floor of a command's cost: a static Swift binary that only opens the database and runs
// the list query, printing each row, with no Foundation and no argument parser. Built and timed
// by scripts/bench.sh beside `watchlist list`.   Usage: floor DATABASE

let listSQL = """
    SELECT f.id, f.title, f.year, (SELECT count(*) FROM viewing v WHERE v.filmId = f.id),
           (SELECT max(watchedOn) FROM viewing v WHERE v.filmId = f.id), r.halfStars,
           (SELECT count(*) FROM note n WHERE n.filmId = f.id),
           (SELECT group_concat(tag, ',') FROM filmTag t WHERE t.filmId = f.id)
    FROM film f LEFT JOIN rating r ON r.filmId = f.id ORDER BY f.id
    """
var db: OpaquePointer?
guard CommandLine.arguments.count == 2, sqlite3_open_v2(CommandLine.arguments[1], &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
    print("usage: floor DATABASE")
    exit(64)
}
sqlite3_busy_timeout(db, 5000)
var statement: OpaquePointer?
guard sqlite3_prepare_v2(db, listSQL, -1, &statement, nil) == SQLITE_OK else { exit(70) }
var out = ""
while sqlite3_step(statement) == SQLITE_ROW {
    for column in 0..<sqlite3_column_count(statement) {
        if column > 0 { out += "  " }
        if let text = sqlite3_column_text(statement, column) { out += String(cString: text) } else { out += "-" }
    }
    out += "\n"
}
sqlite3_finalize(statement)
sqlite3_close(db)
print(out, terminator: "")
