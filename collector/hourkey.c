/* hourkey.c: see hourkey.h.  File format: "HOUR HEX64\n". */
#include "hourkey.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "fdio.h"

#define KEYFILE_MAX 128

/* Read the key file.  1 with key when it holds hour's key, 0 when it is
 * missing or of another hour (or unreadable as a key: it is replaced), -1
 * with err when it must not be used. */
static int read_key(const char *path, long long hour, unsigned char key[HOURKEY_BYTES],
		    char *err, size_t errlen)
{
	char text[KEYFILE_MAX + 1], *sp;
	struct stat st;
	ssize_t n;
	size_t bin;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errlen, "key file %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 077) != 0) {
		close(fd);
		snprintf(err, errlen, "key file %s must be a regular file of this user with mode 0600", path);
		return -1;
	}
	n = read(fd, text, KEYFILE_MAX);
	close(fd);
	if (n <= 0)
		return 0;
	text[n] = '\0';
	sp = strchr(text, ' ');
	if (!sp || strtoll(text, NULL, 10) != hour || strlen(sp + 1) != 2 * HOURKEY_BYTES + 1 ||
	    sodium_hex2bin(key, HOURKEY_BYTES, sp + 1, 2 * HOURKEY_BYTES, NULL, &bin, NULL) != 0 ||
	    bin != HOURKEY_BYTES) {
		sodium_memzero(text, sizeof text);
		return 0;
	}
	sodium_memzero(text, sizeof text);
	return 1;
}

int hourkey_get(const char *db_path, long long hour, unsigned char key[HOURKEY_BYTES],
		char *err, size_t errlen)
{
	char path[4096], tmp[4120], text[KEYFILE_MAX], hex[2 * HOURKEY_BYTES + 1];
	int fd, len, rc;

	err[0] = '\0';
	if (!db_path || snprintf(path, sizeof path, "%s-key", db_path) >= (int)sizeof path ||
	    snprintf(tmp, sizeof tmp, "%s-key.%ld", db_path, (long)getpid()) >= (int)sizeof tmp) {
		snprintf(err, errlen, "key file: database path too long");
		return -1;
	}
	rc = read_key(path, hour, key, err, errlen);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	/* a new key for this hour: written whole, then renamed over the old */
	randombytes_buf(key, HOURKEY_BYTES);
	sodium_bin2hex(hex, sizeof hex, key, HOURKEY_BYTES);
	len = snprintf(text, sizeof text, "%lld %s\n", hour, hex);
	sodium_memzero(hex, sizeof hex);
	unlink(tmp); /* left by an earlier process with our pid */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		sodium_memzero(text, sizeof text);
		snprintf(err, errlen, "key file %s: %s", tmp, strerror(errno));
		return -1;
	}
	rc = fchmod(fd, 0600) == 0 && fd_write_all(fd, text, (size_t)len) == 0 ? 0 : -1;
	sodium_memzero(text, sizeof text);
	if (close(fd) != 0 || rc != 0 || rename(tmp, path) != 0) {
		snprintf(err, errlen, "key file %s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
