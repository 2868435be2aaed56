/* fsutil.c: see fsutil.h. */
#include "publish/fsutil.h"
#include "errmsg.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Make one directory if it is missing; 1 made, 0 already there, -1 error. */
static int mkdir_one(const char *p, mode_t mode, char *err, size_t errlen)
{
	struct stat st;

	if (mkdir(p, mode) == 0)
		return 1;
	if (errno == EEXIST && stat(p, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST)
		err_set(err, errlen, "%s exists and is not a directory / %s มีอยู่แล้วแต่ไม่ใช่โฟลเดอร์", p, p);
	else
		err_set(err, errlen, "cannot create directory %s: %s / สร้างโฟลเดอร์ไม่ได้", p, strerror(errno));
	return -1;
}

int fs_mkdirs(const char *dir, mode_t mode, int *created, char *err, size_t errlen)
{
	char p[PATH_MAX];
	size_t len = strlen(dir), i;
	int made = 0, r;

	if (created)
		*created = 0;
	if (len >= sizeof(p)) {
		err_set(err, errlen, "path too long: %.100s... / พาธยาวเกินไป", dir);
		return -1;
	}
	memcpy(p, dir, len + 1);
	while (len > 1 && p[len - 1] == '/')
		p[--len] = '\0';
	if (len == 0 || strcmp(p, ".") == 0 || strcmp(p, "/") == 0)
		return 0;
	for (i = 1; i <= len; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		if (p[i - 1] == '/')
			continue; /* "a//b" */
		p[i] = '\0';
		r = mkdir_one(p, mode, err, errlen);
		if (i < len)
			p[i] = '/';
		if (r < 0)
			return -1;
		made += r;
	}
	if (created)
		*created = made;
	return 0;
}

int fs_parent(const char *path, char *out, size_t outlen, char *err, size_t errlen)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	while (len > 0 && path[len - 1] != '/')
		len--;
	while (len > 1 && path[len - 1] == '/')
		len--;
	if (len == 0) {
		path = ".";
		len = 1;
	}
	if (len >= outlen) {
		err_set(err, errlen, "path too long: %.100s... / พาธยาวเกินไป", path);
		return -1;
	}
	memcpy(out, path, len);
	out[len] = '\0';
	return 0;
}

int fs_sync_dir(const char *dir, char *err, size_t errlen)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY), rc;

	if (fd < 0) {
		err_set(err, errlen, "cannot open directory %s: %s / เปิดโฟลเดอร์ไม่ได้", dir, strerror(errno));
		return -1;
	}
	rc = fsync(fd);
	if (rc != 0)
		err_set(err, errlen, "fsync %s: %s / บันทึกโฟลเดอร์ลงดิสก์ไม่ได้", dir, strerror(errno));
	close(fd);
	return rc == 0 ? 0 : -1;
}
