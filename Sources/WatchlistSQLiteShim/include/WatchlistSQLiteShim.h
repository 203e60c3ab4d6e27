#ifndef WATCHLIST_SQLITE_SHIM_H
#define WATCHLIST_SQLITE_SHIM_H

#include <sqlite3.h>

/// Turns on SQLite's defensive flag (SQLITE_DBCONFIG_DEFENSIVE) for a connection: no
/// `PRAGMA writable_schema`, no writes to shadow tables, none of the features that let
/// ordinary SQL corrupt the file. sqlite3_db_config is variadic, which Swift cannot call.
/// Returns SQLITE_OK, or SQLite's error code.
int watchlist_sqlite_set_defensive(sqlite3 *db);

/// Catches SIGINT and SIGTERM (`on` non-zero) or gives them back their default action. A
/// caught signal is only recorded (a signal handler may do nothing more), and the next one
/// of either kind takes its default action: a second Ctrl-C ends the process at once.
void watchlist_catch_interruptions(int on);

/// The signal caught since `watchlist_catch_interruptions(1)`, or 0.
int watchlist_interruption(void);

/// Makes the connection's statements stop (SQLITE_INTERRUPT) once a signal was caught: a
/// progress handler that SQLite calls every few thousand instructions.
void watchlist_sqlite_stop_on_interruption(sqlite3 *db);

#endif
