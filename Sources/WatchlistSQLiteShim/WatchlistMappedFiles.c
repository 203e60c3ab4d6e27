#include "WatchlistSQLiteShim.h"

#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// A file mapped into memory and read while another program shrinks it: touching a page past
// its new end raises SIGBUS, which would end the process with no message. The mappings the
// tool reads are listed here; a SIGBUS inside one of them maps a page of zeros over the page
// that faulted (so the read goes on and finds nothing there) and marks the mapping, and the
// reader then says "the file changed while it was read". A SIGBUS anywhere else is a real
// fault: the default action ends the process, as it would have.

#define WATCHLIST_MAPPINGS 16

static struct {
    uintptr_t start;
    size_t length;
    volatile sig_atomic_t faulted;
} mappings[WATCHLIST_MAPPINGS];

static volatile sig_atomic_t installed = 0;

static void on_bus_error(int number, siginfo_t *info, void *context) {
    (void)context;
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int i = 0; i < WATCHLIST_MAPPINGS; i++) {
        if (mappings[i].length == 0 || address < mappings[i].start || address >= mappings[i].start + mappings[i].length) continue;
        long page = sysconf(_SC_PAGESIZE);
        uintptr_t base = address - address % (uintptr_t)page;
        // mmap is a system call; with MAP_FIXED it replaces the page in place.
        if (mmap((void *)base, (size_t)page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
            mappings[i].faulted = 1;
            return;
        }
        break;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(number, &action, NULL);
    raise(number);
}

int watchlist_guard_mapping(const void *start, size_t length) {
    if (!installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_bus_error;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        if (sigaction(SIGBUS, &action, NULL) != 0) return -1;
        installed = 1;
    }
    for (int i = 0; i < WATCHLIST_MAPPINGS; i++) {
        if (mappings[i].length != 0) continue;
        mappings[i].faulted = 0;
        mappings[i].start = (uintptr_t)start;
        mappings[i].length = length;
        return i;
    }
    return -1;
}

int watchlist_mapping_faulted(int guard) {
    if (guard < 0 || guard >= WATCHLIST_MAPPINGS) return 0;
    return mappings[guard].faulted;
}

void watchlist_unguard_mapping(int guard) {
    if (guard < 0 || guard >= WATCHLIST_MAPPINGS) return;
    mappings[guard].length = 0;
    mappings[guard].start = 0;
}
