#include "WatchlistSQLiteShim.h"

int watchlist_sqlite_set_defensive(sqlite3 *db) {
    int enabled = 0;
    int status = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
    if (status == SQLITE_OK && enabled != 1) return SQLITE_ERROR;
    return status;
}
