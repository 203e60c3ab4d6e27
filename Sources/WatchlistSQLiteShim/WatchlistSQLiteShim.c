#include "WatchlistSQLiteShim.h"

#include <signal.h>
#include <string.h>

int watchlist_sqlite_set_defensive(sqlite3 *db) {
    int enabled = 0;
    int status = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
    if (status == SQLITE_OK && enabled != 1) return SQLITE_ERROR;
    return status;
}

static volatile sig_atomic_t caught_signal = 0;

static void set_handlers(void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a read that waits (standard input) returns EINTR and sees the signal.
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
}

static void on_signal(int number) {
    if (caught_signal == 0) caught_signal = number;
    // sigaction is async-signal-safe: the next signal ends the process.
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
}

void watchlist_catch_interruptions(int on) {
    if (on) caught_signal = 0;
    set_handlers(on ? on_signal : SIG_DFL);
    if (on) {
        // A parent may hand the signals over blocked (the mask survives exec): a signal that
        // is never delivered would let the work run on to the end. Unblock them for the work.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        sigprocmask(SIG_UNBLOCK, &signals, NULL);
    }
}

int watchlist_interruption(void) {
    return caught_signal;
}

static int stop_when_caught(void *unused) {
    (void)unused;
    return caught_signal != 0;
}

void watchlist_sqlite_stop_on_interruption(sqlite3 *db) {
    sqlite3_progress_handler(db, 20000, stop_when_caught, NULL);
}
