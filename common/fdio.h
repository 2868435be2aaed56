/* fdio.h: writing to file descriptors. */
#ifndef PRONGSAI_FDIO_H
#define PRONGSAI_FDIO_H

#include <stddef.h>

/* Write all n bytes of p to fd, retrying after EINTR and short writes.
 * Returns 0, or -1 with errno set (EIO if write() returned 0); on failure
 * part of p may have been written. */
int fd_write_all(int fd, const void *p, size_t n);

#endif
