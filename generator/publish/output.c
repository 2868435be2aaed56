/* output.c: staging folder and atomic swap. */
#define _GNU_SOURCE /* renameat2 (Linux); nftw */
#include "publish/output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <linux/fs.h>
#endif

static char *path_join3(const char *dir, const char *prefix, const char *base, const char *suffix)
{
	size_t n = strlen(dir) + strlen(prefix) + strlen(base) + strlen(suffix) + 3;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s%s%s", dir, prefix, base, suffix);
	return p;
}

int out_begin(struct outdir *o, const char *final, char *err, size_t errlen)
{
	char *a = strdup(final), *b = strdup(final);
	char suffix[32];
	const char *dir, *base;

	memset(o, 0, sizeof(*o));
	if (!a || !b) {
		free(a);
		free(b);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* strip trailing slashes: "public/" -> "public" */
	for (size_t n = strlen(a); n > 1 && a[n - 1] == '/'; n--)
		a[n - 1] = b[n - 1] = '\0';
	dir = dirname(a);
	base = basename(b);
	snprintf(suffix, sizeof(suffix), ".new-%ld", (long)getpid());
	o->final = path_join3(dir, "", base, "");
	o->stage = path_join3(dir, ".", base, suffix);
	snprintf(suffix, sizeof(suffix), ".old-%ld", (long)getpid());
	o->old = path_join3(dir, ".", base, suffix);
	o->manifest = path_join3(dir, ".", base, "-manifest");
	o->render_cache = path_join3(dir, ".", base, "-render");
	free(a);
	free(b);
	pthread_mutex_init(&o->lock, NULL);
	manifest_init(&o->live);
	manifest_init(&o->next);
	if (!o->final || !o->stage || !o->old || !o->manifest || !o->render_cache) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (sodium_init() < 0) {
		snprintf(err, errlen, "libsodium cannot start");
		return -1;
	}
	{
		/* the mode out_write() gives a file: what a linked one must have */
		mode_t mask = umask(022);

		umask(mask);
		o->file_mode = 0644 & ~mask;
	}
	{
		struct stat st;
		char merr[256];

		/* no live site, or a manifest that cannot be read: write everything */
		if (lstat(o->final, &st) != 0 || !S_ISDIR(st.st_mode) ||
			manifest_load(&o->live, o->manifest, merr, sizeof(merr)) != 0)
			manifest_free(&o->live);
	}
	remove_tree(o->stage); /* a leftover of this pid */
	if (mkdir(o->stage, 0755) != 0) {
		snprintf(err, errlen, "%s: %s", o->stage, strerror(errno));
		return -1;
	}
	return 0;
}

static void out_fail(struct outdir *o, const char *what, const char *rel)
{
	pthread_mutex_lock(&o->lock);
	if (!o->failed)
		snprintf(o->err, sizeof(o->err), "%s %s: %s", what, rel, strerror(errno));
	o->failed = 1;
	pthread_mutex_unlock(&o->lock);
}

/* mkdir -p of the parent folders of rel under the stage. */
static int make_parents(struct outdir *o, const char *rel)
{
	char path[PATH_MAX], *last;
	size_t base = strlen(o->stage), i;
	int n = snprintf(path, sizeof(path), "%s/%s", o->stage, rel);

	if (n < 0 || (size_t)n >= sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* the parent first: it is most often there or the only one missing
	 * (an existing folder's mkdir still locks the folder above it) */
	last = strrchr(path + base, '/');
	if (last == path + base)
		return 0; /* a file at the top */
	*last = '\0';
	if (mkdir(path, 0755) == 0 || errno == EEXIST)
		return 0;
	if (errno != ENOENT)
		return -1;
	*last = '/';
	for (i = base + 1; path[i]; i++) {
		if (path[i] != '/')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			return -1;
		path[i] = '/';
	}
	return 0;
}

static int rel_ok(const char *rel)
{
	return rel[0] && rel[0] != '/' && !strstr(rel, "..") && !strstr(rel, "//");
}

/* Record rel (hash, size) in the new site's manifest and count it.
 * Returns 0, or -1 and marks the output failed. */
static int record(struct outdir *o, const char *rel, const unsigned char hash[MANIFEST_HASH_BYTES],
	size_t len, int linked)
{
	char err[256];
	int rc;

	pthread_mutex_lock(&o->lock);
	rc = manifest_add(&o->next, rel, hash, len, err, sizeof(err));
	if (rc != 0 && !o->failed) {
		snprintf(o->err, sizeof(o->err), "%s", err);
		o->failed = 1;
	}
	o->files++;
	o->bytes += len;
	if (linked) {
		o->linked++;
		o->linked_bytes += len;
	}
	pthread_mutex_unlock(&o->lock);
	return rc;
}

/* Hard-link rel from the live site into the stage at path (replacing a
 * file there) when the live file is the one the manifest recorded with
 * this hash and len, and has this mode.  1 when linked, else 0. */
static int link_live(struct outdir *o, const char *rel, const char *path,
	const unsigned char hash[MANIFEST_HASH_BYTES], size_t len, mode_t mode)
{
	const struct manifest_entry *e = manifest_find(&o->live, rel);
	char live[PATH_MAX];
	struct stat st;

	if (!e || e->size != len || sodium_memcmp(e->hash, hash, MANIFEST_HASH_BYTES) != 0)
		return 0;
	if (snprintf(live, sizeof(live), "%s/%s", o->final, rel) >= (int)sizeof(live) ||
		lstat(live, &st) != 0 || !manifest_matches(e, &st) || (st.st_mode & 07777) != mode)
		return 0;
	if (link(live, path) == 0)
		return 1;
	if (errno == EEXIST && unlink(path) == 0 && link(live, path) == 0)
		return 1;
	return 0;
}

int out_reuse(struct outdir *o, const char *rel, const unsigned char hash[MANIFEST_HASH_BYTES])
{
	const struct manifest_entry *e = manifest_find(&o->live, rel);
	char path[PATH_MAX];

	if (!e || !rel_ok(rel) || sodium_memcmp(e->hash, hash, MANIFEST_HASH_BYTES) != 0)
		return 0;
	if (make_parents(o, rel) != 0) {
		out_fail(o, "mkdir", rel);
		return -1;
	}
	if (snprintf(path, sizeof(path), "%s/%s", o->stage, rel) >= (int)sizeof(path) ||
		!link_live(o, rel, path, hash, (size_t)e->size, o->file_mode))
		return 0;
	return record(o, rel, hash, (size_t)e->size, 1) == 0 ? 1 : -1;
}

int out_write(struct outdir *o, const char *rel, const void *data, size_t len)
{
	return out_write_hash(o, rel, data, len, NULL);
}

int out_write_hash(struct outdir *o, const char *rel, const void *data, size_t len,
	unsigned char hash_out[MANIFEST_HASH_BYTES])
{
	char path[PATH_MAX];
	unsigned char hash[MANIFEST_HASH_BYTES];
	const char *p = data;
	int fd;

	if (!rel_ok(rel)) {
		errno = EINVAL;
		out_fail(o, "bad path", rel);
		return -1;
	}
	if (make_parents(o, rel) != 0) {
		out_fail(o, "mkdir", rel);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s", o->stage, rel);
	manifest_hash(data, len, hash);
	if (hash_out)
		memcpy(hash_out, hash, MANIFEST_HASH_BYTES);
	if (link_live(o, rel, path, hash, len, o->file_mode))
		return record(o, rel, hash, len, 1);
	/* a file already at path may be a link to a live file: never write
	 * through it */
	if (unlink(path) != 0 && errno != ENOENT) {
		out_fail(o, "unlink", rel);
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		out_fail(o, "open", rel);
		return -1;
	}
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			out_fail(o, "write", rel);
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	if (close(fd) != 0) {
		out_fail(o, "close", rel);
		return -1;
	}
	return record(o, rel, hash, (size_t)(p - (const char *)data), 0);
}

int out_path(struct outdir *o, const char *rel, char *path, size_t cap)
{
	if (!rel_ok(rel)) {
		errno = EINVAL;
		out_fail(o, "bad path", rel);
		return -1;
	}
	if (make_parents(o, rel) != 0) {
		out_fail(o, "mkdir", rel);
		return -1;
	}
	if (snprintf(path, cap, "%s/%s", o->stage, rel) >= (int)cap) {
		errno = ENAMETOOLONG;
		out_fail(o, "path", rel);
		return -1;
	}
	/* the library must not write through a link to a live file */
	if (unlink(path) != 0 && errno != ENOENT) {
		out_fail(o, "unlink", rel);
		return -1;
	}
	return 0;
}

int out_written(struct outdir *o, const char *rel)
{
	char path[PATH_MAX], err[256];
	unsigned char hash[MANIFEST_HASH_BYTES];
	uint64_t size;
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", o->stage, rel);
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
		manifest_hash_file(path, hash, &size, err, sizeof(err)) != 0) {
		out_fail(o, "stat", rel);
		return -1;
	}
	/* the same as the live file: keep that one (its inode and mtime) */
	return record(o, rel, hash, (size_t)size,
		link_live(o, rel, path, hash, (size_t)size, st.st_mode & 07777));
}

int out_copy(struct outdir *o, const char *rel, const char *src)
{
	int fd = open(src, O_RDONLY);
	struct stat st;
	char *data;
	ssize_t got = 0, r;
	int res;

	if (fd < 0 || fstat(fd, &st) != 0 || st.st_size > 64L * 1024 * 1024) {
		if (fd >= 0)
			close(fd);
		out_fail(o, "read", src);
		return -1;
	}
	data = malloc((size_t)st.st_size + 1);
	if (!data) {
		close(fd);
		out_fail(o, "malloc", src);
		return -1;
	}
	while (got < st.st_size && (r = read(fd, data + got, (size_t)(st.st_size - got))) > 0)
		got += r;
	close(fd);
	res = got == st.st_size ? out_write(o, rel, data, (size_t)got) : -1;
	if (got != st.st_size)
		out_fail(o, "read", src);
	free(data);
	return res;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) != 0 && errno != ENOENT ? -1 : 0;
}

int remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	return nftw(path, rm_entry, 32, FTW_DEPTH | FTW_PHYS);
}

/* Give each folder under rel (inside the stage) without an index.html the
 * placeholder page.  Returns 0 or -1. */
static int fill_indexes(struct outdir *o, const char *rel, const char *html, int depth)
{
	char path[PATH_MAX], child[PATH_MAX + 300];
	DIR *dir;
	struct dirent *de;
	struct stat st;
	int rc = 0;

	if (depth > 32)
		return -1;
	snprintf(path, sizeof(path), "%s%s%s", o->stage, rel[0] ? "/" : "", rel);
	snprintf(child, sizeof(child), "%s/index.html", path);
	if (stat(child, &st) != 0) {
		snprintf(child, sizeof(child), "%s%sindex.html", rel, rel[0] ? "/" : "");
		if (out_write(o, child, html, strlen(html)) != 0)
			return -1;
	}
	if (!(dir = opendir(path)))
		return -1;
	while (rc == 0 && (de = readdir(dir)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		/* the entry's type from the listing when the file system gives it */
		if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN)
			continue;
		snprintf(child, sizeof(child), "%s/%s", path, de->d_name);
		if (de->d_type == DT_UNKNOWN && (lstat(child, &st) != 0 || !S_ISDIR(st.st_mode)))
			continue;
		snprintf(child, sizeof(child), "%s%s%s", rel, rel[0] ? "/" : "", de->d_name);
		rc = fill_indexes(o, child, html, depth + 1);
	}
	closedir(dir);
	return rc;
}

/* The new site is live and the old one gone (its removal changed the
 * ctime of the files both shared): record the files' inodes and times and
 * write the manifest.  A manifest that cannot be written is left missing (the next
 * build then writes every file). */
static void save_manifest(struct outdir *o)
{
	char err[256];

	manifest_stat(&o->next, o->final);
	if (manifest_save(&o->next, o->manifest, err, sizeof(err)) != 0)
		unlink(o->manifest);
}

int out_commit(struct outdir *o, const char *index_html, char *err, size_t errlen)
{
	struct stat st;
	int have_final, rc;

	if (o->failed) {
		snprintf(err, errlen, "%s", o->err);
		out_abort(o);
		return -1;
	}
	if (index_html) {
		rc = fill_indexes(o, "", index_html, 0);
		if (rc != 0 || o->failed) {
			snprintf(err, errlen, "%s", o->failed ? o->err : "cannot list the staging folder");
			out_abort(o);
			return -1;
		}
	}
	have_final = lstat(o->final, &st) == 0;
	if (have_final && !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s exists and is not a folder", o->final);
		out_abort(o);
		return -1;
	}
	manifest_finish(&o->next);
	/* the live manifest goes first: a crash after the swap leaves no
	 * manifest (the next build writes every file), never a wrong one */
	if (unlink(o->manifest) != 0 && errno != ENOENT) {
		snprintf(err, errlen, "%s: %s", o->manifest, strerror(errno));
		out_abort(o);
		return -1;
	}
	if (!have_final) {
		if (rename(o->stage, o->final) != 0) {
			snprintf(err, errlen, "rename %s: %s", o->final, strerror(errno));
			out_abort(o);
			return -1;
		}
		save_manifest(o);
		return 0;
	}
#if defined(__linux__) && defined(SYS_renameat2) && defined(RENAME_EXCHANGE)
	if (syscall(SYS_renameat2, AT_FDCWD, o->stage, AT_FDCWD, o->final, RENAME_EXCHANGE) == 0) {
		/* the stage path now holds the previous site */
		remove_tree(o->stage);
		save_manifest(o);
		return 0;
	}
#endif
	if (rename(o->final, o->old) != 0) {
		snprintf(err, errlen, "rename %s: %s", o->final, strerror(errno));
		out_abort(o);
		return -1;
	}
	if (rename(o->stage, o->final) != 0) {
		snprintf(err, errlen, "rename %s: %s", o->final, strerror(errno));
		rename(o->old, o->final); /* put the live site back */
		out_abort(o);
		return -1;
	}
	remove_tree(o->old);
	save_manifest(o);
	return 0;
}

void out_abort(struct outdir *o)
{
	if (o->stage)
		remove_tree(o->stage);
}

void out_free(struct outdir *o)
{
	free(o->final);
	free(o->stage);
	free(o->old);
	free(o->manifest);
	free(o->render_cache);
	manifest_free(&o->live);
	manifest_free(&o->next);
	pthread_mutex_destroy(&o->lock);
	o->final = o->stage = o->old = o->manifest = o->render_cache = NULL;
}
