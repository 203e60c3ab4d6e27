#ifndef WATCHLIST_SQLITE_SHIM_H
#define WATCHLIST_SQLITE_SHIM_H

#include <sqlite3.h>
#include <stddef.h>

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

// SQLite's session extension: a transaction's changes to named tables as a changeset,
// inverted and applied. The calls are defined in WatchlistChangesets.c, which turns on the
// declarations sqlite3.h keeps behind SQLITE_ENABLE_SESSION.

#define WATCHLIST_CHANGE_INSERT 18
#define WATCHLIST_CHANGE_DELETE 9
#define WATCHLIST_CHANGE_UPDATE 23

/// Non-zero when the SQLite in use was built with the session extension.
int watchlist_changes_available(void);

/// Starts recording the changes made to `tables` (count of them) of the main database in a
/// recorder (a session), given back through `recorder`. Returns SQLITE_OK or SQLite's error code.
int watchlist_changes_begin(sqlite3 *db, const char *const *tables, int count, void **recorder);

/// Ends a recording: the changeset (free it with watchlist_free) and its size. The recorder is
/// deleted whatever the result.
int watchlist_changes_end(void *recorder, int *size, void **bytes);

/// Stops (0) or resumes (1) recording; returns whether it records now.
int watchlist_changes_enable(void *recorder, int on);

/// The memory the recording holds, in bytes; -1 when this SQLite cannot say (before 3.36).
sqlite3_int64 watchlist_changes_memory(void *recorder);

/// The changeset that undoes `bytes` (free it with watchlist_free).
int watchlist_changeset_invert(int size, const void *bytes, int *invertedSize, void **inverted);

/// Applies a changeset to the main database. A change to a table not in the NULL-terminated
/// `tables` refuses it before anything is applied (SQLITE_AUTH); a damaged changeset is
/// SQLITE_CORRUPT; any conflict aborts it and leaves the database as it was (SQLITE_ABORT, or
/// SQLITE_CONSTRAINT for a foreign key), and the first is described in `conflict` (`capacity`
/// bytes; may be NULL): "the viewing row 12 is no longer there", and its kind in `kind`
/// (SQLITE_CHANGESET_DATA, _NOTFOUND, _CONFLICT, _CONSTRAINT or _FOREIGN_KEY; 0 for none).
int watchlist_changeset_apply(sqlite3 *db, int size, void *bytes, const char *const *tables, char *conflict, int capacity, int *kind);

#define WATCHLIST_CONFLICT_CONSTRAINT 4

/// For every change to `table` whose first column is an integer: that column (`keys`), and
/// column `column` where the changeset holds it as an integer (`values`, `known` 1) — an
/// update holds only the columns it changed besides the key. Up to `capacity` are written;
/// `count` is how many there are.
int watchlist_changeset_rows(int size, void *bytes, const char *table, int column,
                             sqlite3_int64 *keys, sqlite3_int64 *values, int *known, int capacity, int *count);

/// Reads a changeset change by change: an iterator (end it with watchlist_changeset_done).
int watchlist_changeset_iterate(int size, void *bytes, void **iterator);

/// The next change: its table, column count, operation (WATCHLIST_CHANGE_…) and whether it
/// was indirect. SQLITE_ROW while there is one, SQLITE_DONE at the end, or SQLite's error.
int watchlist_changeset_step(void *iterator, const char **table, int *columns, int *operation, int *indirect);

/// Which columns of the current change's table make its primary key (one flag a column).
int watchlist_changeset_primary_key(void *iterator, const unsigned char **flags, int *columns);

/// Column `column` of the current change: its new value (`isNew` non-zero; an insert or
/// update) or its old one (a delete or update). NULL `value`: the change does not hold it.
int watchlist_changeset_value(void *iterator, int isNew, int column, sqlite3_value **value);

/// Ends an iterator (NULL is no-op); SQLITE_CORRUPT when the changeset was damaged.
int watchlist_changeset_done(void *iterator);

/// Frees what SQLite allocated for a changeset.
void watchlist_free(void *bytes);

// Files mapped into memory (WatchlistMappedFiles.c).

/// Watches the mapping at `start` of `length` bytes: a SIGBUS inside it (the file shrank while
/// it was read) puts a page of zeros where the file ended and marks the mapping, instead of
/// ending the process. Returns the guard's number, or -1 when no guard is free (the mapping is
/// then read unguarded).
int watchlist_guard_mapping(const void *start, size_t length);

/// Non-zero when a SIGBUS was caught inside the guarded mapping.
int watchlist_mapping_faulted(int guard);

/// Stops watching the mapping (before it is unmapped).
void watchlist_unguard_mapping(int guard);

#endif
