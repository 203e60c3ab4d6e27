// SQLite's session extension (changesets), which sqlite3.h declares only when
// SQLITE_ENABLE_SESSION and SQLITE_ENABLE_PREUPDATE_HOOK are defined: they are defined here,
// before the header, so that Swift calls these few functions instead.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "WatchlistSQLiteShim.h"

_Static_assert(WATCHLIST_CHANGE_INSERT == SQLITE_INSERT, "SQLite's operation codes");
_Static_assert(WATCHLIST_CHANGE_UPDATE == SQLITE_UPDATE, "SQLite's operation codes");
_Static_assert(WATCHLIST_CHANGE_DELETE == SQLITE_DELETE, "SQLite's operation codes");
_Static_assert(WATCHLIST_CONFLICT_CONSTRAINT == SQLITE_CHANGESET_CONSTRAINT, "SQLite's conflict codes");

// The session functions are looked up when first needed, not linked: a SQLite built without
// the extension lacks them, and the tool must still start (and say what it cannot do).
static struct {
    int (*session_create)(sqlite3 *, const char *, sqlite3_session **);
    int (*session_attach)(sqlite3_session *, const char *);
    int (*session_changeset)(sqlite3_session *, int *, void **);
    void (*session_delete)(sqlite3_session *);
    int (*changeset_invert)(int, const void *, int *, void **);
    int (*changeset_apply)(sqlite3 *, int, void *, int (*)(void *, const char *),
                           int (*)(void *, int, sqlite3_changeset_iter *), void *);
    int (*changeset_start)(sqlite3_changeset_iter **, int, void *);
    int (*changeset_next)(sqlite3_changeset_iter *);
    int (*changeset_op)(sqlite3_changeset_iter *, const char **, int *, int *, int *);
    int (*changeset_new)(sqlite3_changeset_iter *, int, sqlite3_value **);
    int (*changeset_old)(sqlite3_changeset_iter *, int, sqlite3_value **);
    int (*changeset_finalize)(sqlite3_changeset_iter *);
    int (*changeset_pk)(sqlite3_changeset_iter *, unsigned char **, int *);
    int (*session_enable)(sqlite3_session *, int);
    sqlite3_int64 (*session_memory_used)(sqlite3_session *);
    int found;
} api;

static pthread_once_t api_once = PTHREAD_ONCE_INIT;

static void find_api(void) {
    void *self = dlopen(NULL, RTLD_NOW);
#define FIND(field, name) api.field = (__typeof__(api.field))dlsym(self ? self : RTLD_DEFAULT, name); if (!api.field) return;
    FIND(session_create, "sqlite3session_create")
    FIND(session_attach, "sqlite3session_attach")
    FIND(session_changeset, "sqlite3session_changeset")
    FIND(session_delete, "sqlite3session_delete")
    FIND(changeset_invert, "sqlite3changeset_invert")
    FIND(changeset_apply, "sqlite3changeset_apply")
    FIND(changeset_start, "sqlite3changeset_start")
    FIND(changeset_next, "sqlite3changeset_next")
    FIND(changeset_op, "sqlite3changeset_op")
    FIND(changeset_new, "sqlite3changeset_new")
    FIND(changeset_old, "sqlite3changeset_old")
    FIND(changeset_finalize, "sqlite3changeset_finalize")
    FIND(changeset_pk, "sqlite3changeset_pk")
    FIND(session_enable, "sqlite3session_enable")
#undef FIND
    // Since SQLite 3.36: without it, a recording is cut by the number of changes instead.
    api.session_memory_used = (__typeof__(api.session_memory_used))dlsym(self ? self : RTLD_DEFAULT, "sqlite3session_memory_used");
    api.found = sqlite3_compileoption_used("ENABLE_SESSION") && sqlite3_compileoption_used("ENABLE_PREUPDATE_HOOK");
}

int watchlist_changes_available(void) {
    pthread_once(&api_once, find_api);
    return api.found;
}

int watchlist_changes_begin(sqlite3 *db, const char *const *tables, int count, void **recorder) {
    sqlite3_session *session = NULL;
    *recorder = NULL;
    if (!watchlist_changes_available()) return SQLITE_MISUSE;
    int status = api.session_create(db, "main", &session);
    if (status != SQLITE_OK) return status;
    for (int index = 0; index < count; index++) {
        status = api.session_attach(session, tables[index]);
        if (status != SQLITE_OK) {
            api.session_delete(session);
            return status;
        }
    }
    *recorder = session;
    return SQLITE_OK;
}

int watchlist_changes_end(void *recorder, int *size, void **bytes) {
    sqlite3_session *session = recorder;
    *size = 0;
    *bytes = NULL;
    int status = api.session_changeset(session, size, bytes);
    api.session_delete(session);
    return status;
}

int watchlist_changes_enable(void *recorder, int on) {
    return api.session_enable(recorder, on);
}

sqlite3_int64 watchlist_changes_memory(void *recorder) {
    return api.session_memory_used ? api.session_memory_used(recorder) : -1;
}

int watchlist_changeset_invert(int size, const void *bytes, int *invertedSize, void **inverted) {
    if (!watchlist_changes_available()) return SQLITE_MISUSE;
    return api.changeset_invert(size, bytes, invertedSize, inverted);
}

/// What a conflict was, written for a message: the first conflict of an apply, which aborts it.
struct conflict_report {
    const char *const *tables;
    char *text;
    int capacity;
    int *kind;
};

static const char *conflict_kind(int conflict) {
    switch (conflict) {
    case SQLITE_CHANGESET_DATA: return "holds other values than it expects";
    case SQLITE_CHANGESET_NOTFOUND: return "is no longer there";
    case SQLITE_CHANGESET_CONFLICT: return "is there already";
    case SQLITE_CHANGESET_CONSTRAINT: return "would break a rule of the schema";
    case SQLITE_CHANGESET_FOREIGN_KEY: return "would refer to a row that is not there";
    default: return "does not fit";
    }
}

/// A conflict of any kind aborts: the database is not in the state the changeset expects. The
/// first is described: its table, and its key when the key is one integer or one text.
static int abort_on_conflict(void *context, int conflict, sqlite3_changeset_iter *iterator) {
    struct conflict_report *report = context;
    if (report->kind != NULL && *report->kind == 0) *report->kind = conflict;
    if (report->text != NULL && report->capacity > 0 && report->text[0] == 0) {
        const char *table = "a table";
        int columns = 0, operation = 0, indirect = 0;
        char key[128] = "";
        if (conflict != SQLITE_CHANGESET_FOREIGN_KEY && api.changeset_op(iterator, &table, &columns, &operation, &indirect) == SQLITE_OK) {
            unsigned char *primary = NULL;
            int count = 0;
            if (api.changeset_pk(iterator, &primary, &count) == SQLITE_OK) {
                for (int column = 0; column < count; column++) {
                    if (!primary[column]) continue;
                    sqlite3_value *value = NULL;
                    if (operation == SQLITE_INSERT) api.changeset_new(iterator, column, &value);
                    else api.changeset_old(iterator, column, &value);
                    if (value == NULL) break;
                    if (sqlite3_value_type(value) == SQLITE_INTEGER) {
                        snprintf(key, sizeof key, " %lld", (long long)sqlite3_value_int64(value));
                    } else if (sqlite3_value_type(value) == SQLITE_TEXT) {
                        snprintf(key, sizeof key, " '%.60s'", (const char *)sqlite3_value_text(value));
                    }
                    break;
                }
            }
        } else {
            table = "";
        }
        if (conflict == SQLITE_CHANGESET_FOREIGN_KEY) {
            snprintf(report->text, (size_t)report->capacity, "a row it puts back would refer to a row that is not there");
        } else {
            snprintf(report->text, (size_t)report->capacity, "the %s row%s %s", table, key, conflict_kind(conflict));
        }
    }
    return SQLITE_CHANGESET_ABORT;
}

/// Changes to tables the caller did not name are refused: a changeset is data.
static int only_named_tables(void *context, const char *table) {
    const char *const *names = context;
    for (; *names != NULL; names++) {
        if (strcmp(*names, table) == 0) return 1;
    }
    return 0;
}

/// Calls `visit` for every change of a changeset, in order, until it returns something other
/// than SQLITE_OK, which is returned; SQLITE_OK when every change was visited.
typedef int (*change_visitor)(void *context, sqlite3_changeset_iter *iterator, const char *table, int columns, int operation);

static int for_each_change(int size, void *bytes, change_visitor visit, void *context) {
    sqlite3_changeset_iter *iterator = NULL;
    int status = api.changeset_start(&iterator, size, bytes);
    if (status != SQLITE_OK) return status;
    while ((status = api.changeset_next(iterator)) == SQLITE_ROW) {
        const char *name = NULL;
        int columns = 0, operation = 0, indirect = 0;
        status = api.changeset_op(iterator, &name, &columns, &operation, &indirect);
        if (status != SQLITE_OK) break;
        status = visit(context, iterator, name, columns, operation);
        if (status != SQLITE_OK) break;
    }
    int finished = api.changeset_finalize(iterator);
    if (status == SQLITE_DONE) return finished;
    return status;
}

static int refuse_other_tables(void *tables, sqlite3_changeset_iter *iterator, const char *table, int columns, int operation) {
    (void)iterator; (void)columns; (void)operation;
    return only_named_tables(tables, table) ? SQLITE_OK : SQLITE_AUTH;
}

static int only_report_tables(void *context, const char *table) {
    return only_named_tables(((struct conflict_report *)context)->tables, table);
}

int watchlist_changeset_apply(sqlite3 *db, int size, void *bytes, const char *const *tables, char *conflict, int capacity, int *kind) {
    if (!watchlist_changes_available()) return SQLITE_MISUSE;
    if (conflict != NULL && capacity > 0) conflict[0] = 0;
    if (kind != NULL) *kind = 0;
    // A change to any other table, or damage anywhere, refuses the whole changeset before
    // anything is applied.
    int status = for_each_change(size, bytes, refuse_other_tables, (void *)tables);
    if (status != SQLITE_OK) return status;
    struct conflict_report report = { tables, conflict, capacity, kind };
    return api.changeset_apply(db, size, bytes, only_report_tables, abort_on_conflict, &report);
}

/// An integer value of column `column` of the current change, from its new values (an insert,
/// or an update that changed it) or its old ones (a delete, a key, an update's old value).
static int integer_of(sqlite3_changeset_iter *iterator, int operation, int column, sqlite3_int64 *out) {
    sqlite3_value *value = NULL;
    if (operation != SQLITE_DELETE && api.changeset_new(iterator, column, &value) == SQLITE_OK && value != NULL
        && sqlite3_value_type(value) == SQLITE_INTEGER) {
        *out = sqlite3_value_int64(value);
        return 1;
    }
    value = NULL;
    if (operation != SQLITE_INSERT && api.changeset_old(iterator, column, &value) == SQLITE_OK && value != NULL
        && sqlite3_value_type(value) == SQLITE_INTEGER) {
        *out = sqlite3_value_int64(value);
        return 1;
    }
    return 0;
}

struct rows_wanted {
    const char *table;
    int column;
    sqlite3_int64 *keys, *values;
    int *known;
    int capacity, count;
};

static int note_row(void *context, sqlite3_changeset_iter *iterator, const char *table, int columns, int operation) {
    struct rows_wanted *wanted = context;
    if (strcmp(table, wanted->table) != 0 || columns <= wanted->column) return SQLITE_OK;
    sqlite3_int64 key = 0, value = 0;
    if (!integer_of(iterator, operation, 0, &key)) return SQLITE_OK;
    int has = integer_of(iterator, operation, wanted->column, &value);
    if (wanted->count < wanted->capacity) {
        wanted->keys[wanted->count] = key;
        wanted->values[wanted->count] = value;
        wanted->known[wanted->count] = has;
    }
    wanted->count += 1;
    return SQLITE_OK;
}

int watchlist_changeset_rows(int size, void *bytes, const char *table, int column,
                             sqlite3_int64 *keys, sqlite3_int64 *values, int *known, int capacity, int *count) {
    *count = 0;
    if (!watchlist_changes_available()) return SQLITE_MISUSE;
    struct rows_wanted wanted = { table, column, keys, values, known, capacity, 0 };
    int status = for_each_change(size, bytes, note_row, &wanted);
    *count = wanted.count;
    return status;
}

void watchlist_free(void *bytes) {
    sqlite3_free(bytes);
}

// A changeset read change by change (sync applies each row by its own rules).

int watchlist_changeset_iterate(int size, void *bytes, void **iterator) {
    pthread_once(&api_once, find_api);
    if (!api.found) return SQLITE_MISUSE;
    sqlite3_changeset_iter *it = NULL;
    int status = api.changeset_start(&it, size, bytes);
    *iterator = it;
    return status;
}

int watchlist_changeset_step(void *iterator, const char **table, int *columns, int *operation, int *indirect) {
    sqlite3_changeset_iter *it = iterator;
    int status = api.changeset_next(it);
    if (status != SQLITE_ROW) return status;
    int op = api.changeset_op(it, table, columns, operation, indirect);
    return op == SQLITE_OK ? SQLITE_ROW : op;
}

int watchlist_changeset_primary_key(void *iterator, const unsigned char **flags, int *columns) {
    unsigned char *pk = NULL;
    int status = api.changeset_pk(iterator, &pk, columns);
    *flags = pk;
    return status;
}

int watchlist_changeset_value(void *iterator, int isNew, int column, sqlite3_value **value) {
    *value = NULL;
    return isNew ? api.changeset_new(iterator, column, value) : api.changeset_old(iterator, column, value);
}

int watchlist_changeset_done(void *iterator) {
    return iterator ? api.changeset_finalize(iterator) : SQLITE_OK;
}
