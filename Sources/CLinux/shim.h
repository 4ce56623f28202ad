// Linux calls that Swift's Glibc module leaves out: glibc declares them only with _GNU_SOURCE.
#include <sys/syscall.h>
#include <unistd.h>

// sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE): starts writing the file's changed pages to
// the disk and returns without waiting. 0, or -1 with errno.
static inline int teamplotter_start_writeback(int descriptor) {
    return (int)syscall(SYS_sync_file_range, descriptor, 0L, 0L, 2U);
}
