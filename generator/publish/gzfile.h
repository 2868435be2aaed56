/* gzfile.h: a gzipped copy of a download beside it (rel + ".gz"), so that
 * a large open-data file can be fetched compressed from any host, also
 * one that does not compress on the fly.  The copy is the same bytes on
 * every build (gzip header without a name or a time; zlib's default level
 * 6: level 9 took twice the time for 9% less at 10,000 projects). */
#ifndef PRONGSAI_GZFILE_H
#define PRONGSAI_GZFILE_H

#include <stddef.h>
#include "publish/output.h"

/* The largest file compressed (a bigger one gets no .gz; OPENDATA_MAX_SIZE
 * bounds what is offered). */
#define GZFILE_MAX_IN (512u * 1024 * 1024)

/* Write data (len bytes) gzip-compressed to rel + ".gz" in out.  Returns 0,
 * or -1 with err set (out of memory, zlib failed, len over GZFILE_MAX_IN,
 * or the write failed: out is then marked failed). */
int gz_write(struct outdir *out, const char *rel, const char *data, size_t len, char *err,
	size_t errlen);

#endif
