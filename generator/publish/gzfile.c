/* gzfile.c: rel.gz beside a download (gzfile.h). */
#include "publish/gzfile.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int gz_write(struct outdir *out, const char *rel, const char *data, size_t len, char *err,
	size_t errlen)
{
	z_stream z;
	unsigned char *dst;
	size_t cap;
	char path[1024];
	int rc;

	if (len > GZFILE_MAX_IN) {
		snprintf(err, errlen, "%s: more than %u bytes to compress", rel, GZFILE_MAX_IN);
		return -1;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s.gz", rel) >= sizeof(path)) {
		snprintf(err, errlen, "%.200s: path too long", rel);
		return -1;
	}
	memset(&z, 0, sizeof(z));
	/* 15 + 16: a gzip wrapper; zlib's default header has no name and time 0 */
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		snprintf(err, errlen, "%s: zlib could not start", path);
		return -1;
	}
	cap = deflateBound(&z, (uLong)len) + 32;
	if (!(dst = malloc(cap))) {
		deflateEnd(&z);
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	z.next_out = dst;
	z.avail_out = (uInt)cap;
	rc = deflate(&z, Z_FINISH);
	if (rc != Z_STREAM_END) {
		deflateEnd(&z);
		free(dst);
		snprintf(err, errlen, "%s: zlib failed (%d)", path, rc);
		return -1;
	}
	rc = out_write(out, path, (const char *)dst, cap - z.avail_out);
	deflateEnd(&z);
	free(dst);
	if (rc != 0) {
		snprintf(err, errlen, "%s", out->err);
		return -1;
	}
	return 0;
}
