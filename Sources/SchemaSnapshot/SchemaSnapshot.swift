import Foundation
import GRDBSQLite

// Build tool (run by Plugins/SchemaSnapshotPlugin, never shipped): runs the migrations of
// Schema/, in order, in an in-memory SQLite database, as GRDB's migrator does, and writes the
// Swift file `SchemaSnapshot.objects`: for each migration, the schema objects (type, name,
// SQL) a database has once it is applied. WatchlistCore checks every database it opens
// against these, so that no process builds them again at start.
//
// Usage: SchemaSnapshot OUTPUT.swift MIGRATION.sql...   (the files in migration order)
//
// An `@main` type, not top-level code: a fuzzing build (scripts/fuzz.sh) compiles every
// executable of the package graph, this one too, as a library.

@main
enum SchemaSnapshot {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first, arguments.count >= 2 else { fail("usage: SchemaSnapshot OUTPUT.swift MIGRATION.sql...") }
        var handle: OpaquePointer?
        guard sqlite3_open(":memory:", &handle) == SQLITE_OK, let db = handle else { fail("cannot open an in-memory database") }

        // What GRDB's DatabaseMigrator runs first (DatabaseMigrator.swift), word for word.
        execute(db, "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        var swift = """
            // Generated at build time by Sources/SchemaSnapshot from Schema/*.sql; not kept in git.

            extension SchemaSnapshot {
                static let objects: [String: [Object]] = [

            """
        for path in arguments.dropFirst() {
            let identifier = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            guard let sql = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
            execute(db, sql)
            execute(db, "INSERT INTO grdb_migrations VALUES (\(literal(identifier).replacingOccurrences(of: "\"", with: "'")))")
            swift += "        \(literal(identifier)): [\n"
            for (type, name, sql) in objects(db) {
                swift += "            Object(type: \(literal(type)), name: \(literal(name)), sql: \(literal(sql))),\n"
            }
            swift += "        ],\n"
        }
        swift += "    ]\n}\n"
        do {
            try swift.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            fail("cannot write \(output): \(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("SchemaSnapshot: \(message)\n".utf8))
        exit(1)
    }

    static func execute(_ db: OpaquePointer, _ sql: String) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            fail("SQLite refused the SQL: \(message.map { String(cString: $0) } ?? "?")")
        }
    }

    static func objects(_ db: OpaquePointer) -> [(String, String, String)] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name", -1, &statement, nil) == SQLITE_OK else {
            fail("cannot read sqlite_master")
        }
        defer { sqlite3_finalize(statement) }
        var rows: [(String, String, String)] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            func text(_ column: Int32) -> String { String(cString: sqlite3_column_text(statement, column)) }
            rows.append((text(0), text(1), text(2)))
        }
        return rows
    }

    /// A Swift string literal holding `text` exactly.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
