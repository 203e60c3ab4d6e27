#ifndef WATCHLIST_SQLITE_SHIM_H
#define WATCHLIST_SQLITE_SHIM_H

#include <sqlite3.h>

/// Turns on SQLite's defensive flag (SQLITE_DBCONFIG_DEFENSIVE) for a connection: no
/// `PRAGMA writable_schema`, no writes to shadow tables, none of the features that let
/// ordinary SQL corrupt the file. sqlite3_db_config is variadic, which Swift cannot call.
/// Returns SQLITE_OK, or SQLite's error code.
int watchlist_sqlite_set_defensive(sqlite3 *db);

#endif
