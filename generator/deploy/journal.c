/* journal.c: see journal.h. */
#define _DEFAULT_SOURCE /* flock */
#include "deploy/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#define JOURNAL_HEAD "prongsai-deploy-journal 1 "
#define JOURNAL_MAX_TEXT ((size_t)REMOTE_MANIFEST_MAX_FILES * (REMOTE_MANIFEST_MAX_PATH / 8 + 80))

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct remote_manifest_entry *)a)->path, ((const struct remote_manifest_entry *)b)->path);
}

/* Add path (and hash) to m, unsorted. */
static int push(struct remote_manifest *m, const char *path, size_t pl, const unsigned char *hash)
{
	if (m->n >= REMOTE_MANIFEST_MAX_FILES)
		return -1;
	if (m->n == m->alloc) {
		size_t na = m->alloc ? m->alloc * 2 : 64;
		struct remote_manifest_entry *ne = realloc(m->e, na * sizeof *ne);
		if (!ne)
			return -1;
		m->e = ne;
		m->alloc = na;
	}
	m->e[m->n].path = strndup(path, pl);
	if (!m->e[m->n].path)
		return -1;
	if (hash)
		memcpy(m->e[m->n].hash, hash, REMOTE_MANIFEST_HASH_BYTES);
	else
		memset(m->e[m->n].hash, 0, REMOTE_MANIFEST_HASH_BYTES);
	m->e[m->n].size = 0;
	m->n++;
	return 0;
}

/* Read the lines of an existing journal for remote_id; 0, or -1 (discard). */
static int load(struct journal *j, const char *text, size_t len, const char *head)
{
	const char *p = text, *end = text + len;
	size_t hl = strlen(head);

	if (len < hl || memcmp(text, head, hl) != 0)
		return -1;
	p += hl;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break; /* a line cut short by the interruption: ignored */
		if ((size_t)(nl - p) > REMOTE_MANIFEST_MAX_PATH + 80)
			return -1;
		if (nl - p > 2 && p[0] == 'D' && p[1] == ' ') {
			if (push(&j->done_del, p + 2, (size_t)(nl - p - 2), NULL) != 0)
				return -1;
		} else if (nl - p > 3 + 2 * REMOTE_MANIFEST_HASH_BYTES && p[0] == 'P' && p[1] == ' ' &&
			   p[2 + 2 * REMOTE_MANIFEST_HASH_BYTES] == ' ') {
			unsigned char h[REMOTE_MANIFEST_HASH_BYTES];
			size_t got = 0;
			if (sodium_hex2bin(h, sizeof h, p + 2, 2 * REMOTE_MANIFEST_HASH_BYTES, NULL, &got, NULL) != 0 ||
			    got != sizeof h)
				return -1;
			if (push(&j->done_put, p + 3 + 2 * REMOTE_MANIFEST_HASH_BYTES,
				 (size_t)(nl - p - 3 - 2 * REMOTE_MANIFEST_HASH_BYTES), h) != 0)
				return -1;
		} else {
			return -1;
		}
		p = nl + 1;
	}
	if (j->done_put.n)
		qsort(j->done_put.e, j->done_put.n, sizeof *j->done_put.e, cmp_entry);
	if (j->done_del.n)
		qsort(j->done_del.e, j->done_del.n, sizeof *j->done_del.e, cmp_entry);
	return 0;
}

int journal_open(struct journal *j, const char *path, const unsigned char remote_id[REMOTE_MANIFEST_HASH_BYTES],
		 char *err, size_t errlen)
{
	char head[sizeof JOURNAL_HEAD + 2 * REMOTE_MANIFEST_HASH_BYTES + 2], hex[2 * REMOTE_MANIFEST_HASH_BYTES + 1];
	struct stat st;
	int keep = 0;

	memset(j, 0, sizeof *j);
	j->fd = -1;
	remote_manifest_hex(remote_id, hex);
	snprintf(head, sizeof head, "%s%s\n", JOURNAL_HEAD, hex);
	j->path = strdup(path);
	if (!j->path) {
		snprintf(err, errlen, "%s: หน่วยความจำไม่พอ (out of memory)", path);
		return -1;
	}
	j->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (j->fd < 0 || fstat(j->fd, &st) != 0) {
		snprintf(err, errlen, "%s: เปิดบันทึกการส่งไม่ได้ (cannot open the deploy journal): %s", path,
			 strerror(errno));
		journal_close(j);
		return -1;
	}
	if (flock(j->fd, LOCK_EX | LOCK_NB) != 0) {
		snprintf(err, errlen, "%s: มีการส่งขึ้นเครื่องปลายทางนี้อยู่แล้ว (another deploy to this target is "
			 "running)", path);
		journal_close(j);
		return -2;
	}
	if (st.st_size > 0 && (size_t)st.st_size <= JOURNAL_MAX_TEXT) {
		char *text = malloc((size_t)st.st_size + 1);
		size_t n = 0;
		ssize_t r;
		while (text && n < (size_t)st.st_size &&
		       (r = pread(j->fd, text + n, (size_t)st.st_size - n, (off_t)n)) > 0)
			n += (size_t)r;
		if (text && n == (size_t)st.st_size && load(j, text, n, head) == 0)
			keep = 1;
		free(text);
	}
	if (!keep) {
		remote_manifest_free(&j->done_put);
		remote_manifest_free(&j->done_del);
		if (ftruncate(j->fd, 0) != 0 || pwrite(j->fd, head, strlen(head), 0) != (ssize_t)strlen(head) ||
		    fdatasync(j->fd) != 0) {
			snprintf(err, errlen, "%s: เขียนบันทึกการส่งไม่ได้ (cannot write the deploy journal): %s",
				 path, strerror(errno));
			journal_close(j);
			return -1;
		}
	}
	if (lseek(j->fd, 0, SEEK_END) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		journal_close(j);
		return -1;
	}
	return 0;
}

int journal_is_done(const struct journal *j, const struct plan_op *op)
{
	const struct remote_manifest_entry *e;

	if (op->rank == RANK_DELETE)
		return remote_manifest_find(&j->done_del, op->entry->path) != NULL;
	e = remote_manifest_find(&j->done_put, op->entry->path);
	return e && memcmp(e->hash, op->entry->hash, REMOTE_MANIFEST_HASH_BYTES) == 0;
}

int journal_record(struct journal *j, const struct plan_op *op)
{
	char line[REMOTE_MANIFEST_MAX_PATH + 2 * REMOTE_MANIFEST_HASH_BYTES + 8], hex[2 * REMOTE_MANIFEST_HASH_BYTES + 1];
	int n;

	if (op->rank == RANK_DELETE) {
		n = snprintf(line, sizeof line, "D %s\n", op->entry->path);
	} else {
		remote_manifest_hex(op->entry->hash, hex);
		n = snprintf(line, sizeof line, "P %s %s\n", hex, op->entry->path);
	}
	if (n < 0 || (size_t)n >= sizeof line) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (write(j->fd, line, (size_t)n) != n)
		return -1;
	return fdatasync(j->fd);
}

void journal_close(struct journal *j)
{
	if (j->fd >= 0)
		close(j->fd);
	free(j->path);
	remote_manifest_free(&j->done_put);
	remote_manifest_free(&j->done_del);
	memset(j, 0, sizeof *j);
	j->fd = -1;
}

void journal_finish(struct journal *j)
{
	if (j->path)
		unlink(j->path);
	journal_close(j);
}
