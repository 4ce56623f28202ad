// SQLite from Debian's libsqlite3-dev.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro that Swift cannot import: bound text and blobs are copied
// by SQLite, so Swift may free its buffers as soon as the bind call returns.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
