/* manifest.c: a site's files with their hashes (see manifest.h). */
#include "publish/manifest.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MANIFEST_HEADER "prongsai-manifest 1"

void manifest_init(struct manifest *m)
{
	memset(m, 0, sizeof(*m));
	m->max = MANIFEST_MAX_FILES;
}

void manifest_free(struct manifest *m)
{
	size_t max = m->max;

	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].rel);
	free(m->v);
	memset(m, 0, sizeof(*m));
	m->max = max;
}

void manifest_hash(const void *data, size_t len, unsigned char out[MANIFEST_HASH_BYTES])
{
	crypto_generichash(out, MANIFEST_HASH_BYTES, data, len, NULL, 0);
}

int manifest_hash_file(const char *path, unsigned char out[MANIFEST_HASH_BYTES], uint64_t *size,
	char *err, size_t errlen)
{
	crypto_generichash_state st;
	unsigned char buf[65536];
	uint64_t total = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		snprintf(err, errlen, "%s: %s (อ่านไฟล์ไม่ได้)", path, strerror(errno));
		return -1;
	}
	crypto_generichash_init(&st, NULL, 0, MANIFEST_HASH_BYTES);
	while ((r = read(fd, buf, sizeof(buf))) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errlen, "%s: %s (อ่านไฟล์ไม่ได้)", path, strerror(errno));
			close(fd);
			return -1;
		}
		crypto_generichash_update(&st, buf, (size_t)r);
		total += (uint64_t)r;
	}
	close(fd);
	crypto_generichash_final(&st, out, MANIFEST_HASH_BYTES);
	*size = total;
	return 0;
}

static int rel_valid(const char *rel)
{
	size_t n = strlen(rel);

	return n > 0 && n <= MANIFEST_MAX_PATH && rel[0] != '/' && !strstr(rel, "..") &&
		!strchr(rel, '\n') && !strchr(rel, '\r');
}

static int push(struct manifest *m, char *rel, char *err, size_t errlen)
{
	if (m->n >= m->max) {
		snprintf(err, errlen, "manifest: more than %zu files (รายการไฟล์เกิน %zu ไฟล์)", m->max, m->max);
		return -1;
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 1024;
		struct manifest_entry *v;

		if (cap > m->max)
			cap = m->max;
		if (!(v = realloc(m->v, cap * sizeof(*v)))) {
			snprintf(err, errlen, "manifest: out of memory (หน่วยความจำไม่พอ)");
			return -1;
		}
		m->v = v;
		m->cap = cap;
	}
	memset(&m->v[m->n], 0, sizeof(m->v[m->n]));
	m->v[m->n].rel = rel;
	m->v[m->n].seq = m->n;
	m->n++;
	m->sorted = 0;
	return 0;
}

int manifest_add(struct manifest *m, const char *rel, const unsigned char hash[MANIFEST_HASH_BYTES],
	uint64_t size, char *err, size_t errlen)
{
	char *copy;

	if (!rel_valid(rel)) {
		snprintf(err, errlen, "manifest: bad path \"%.200s\" (ชื่อไฟล์ไม่ถูกต้อง)", rel);
		return -1;
	}
	if (!(copy = strdup(rel))) {
		snprintf(err, errlen, "manifest: out of memory (หน่วยความจำไม่พอ)");
		return -1;
	}
	if (push(m, copy, err, errlen) != 0) {
		free(copy);
		return -1;
	}
	memcpy(m->v[m->n - 1].hash, hash, MANIFEST_HASH_BYTES);
	m->v[m->n - 1].size = size;
	return 0;
}

static int by_path_seq(const void *a, const void *b)
{
	const struct manifest_entry *x = a, *y = b;
	int c = strcmp(x->rel, y->rel);

	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

void manifest_finish(struct manifest *m)
{
	size_t i, k = 0;

	if (m->n)
		qsort(m->v, m->n, sizeof(*m->v), by_path_seq);
	for (i = 0; i < m->n; i++) {
		/* keep the last of each run of one path */
		if (i + 1 < m->n && strcmp(m->v[i].rel, m->v[i + 1].rel) == 0) {
			free(m->v[i].rel);
			continue;
		}
		m->v[k++] = m->v[i];
	}
	m->n = k;
	m->sorted = 1;
}

static int by_path(const void *key, const void *e)
{
	return strcmp(key, ((const struct manifest_entry *)e)->rel);
}

const struct manifest_entry *manifest_find(const struct manifest *m, const char *rel)
{
	if (!m->sorted || !m->n)
		return NULL;
	return bsearch(rel, m->v, m->n, sizeof(*m->v), by_path);
}

void manifest_stat(struct manifest *m, const char *root)
{
	char path[MANIFEST_MAX_PATH + 4096];
	struct stat st;
	size_t i, k = 0;

	for (i = 0; i < m->n; i++) {
		struct manifest_entry *e = &m->v[i];

		snprintf(path, sizeof(path), "%s/%s", root, e->rel);
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size != e->size) {
			free(e->rel);
			continue;
		}
		e->ino = (uint64_t)st.st_ino;
		e->mtime_sec = (int64_t)st.st_mtim.tv_sec;
		e->mtime_nsec = st.st_mtim.tv_nsec;
		e->ctime_sec = (int64_t)st.st_ctim.tv_sec;
		e->ctime_nsec = st.st_ctim.tv_nsec;
		m->v[k++] = *e;
	}
	m->n = k;
}

int manifest_matches(const struct manifest_entry *e, const struct stat *st)
{
	return e->ino != 0 && S_ISREG(st->st_mode) && (uint64_t)st->st_size == e->size &&
		(uint64_t)st->st_ino == e->ino && (int64_t)st->st_mtim.tv_sec == e->mtime_sec &&
		st->st_mtim.tv_nsec == e->mtime_nsec && (int64_t)st->st_ctim.tv_sec == e->ctime_sec &&
		st->st_ctim.tv_nsec == e->ctime_nsec;
}

int manifest_save(const struct manifest *m, const char *path, char *err, size_t errlen)
{
	char tmp[4096 + 64], hex[MANIFEST_HASH_BYTES * 2 + 1];
	FILE *f;
	int ok;

	if (!m->sorted) {
		snprintf(err, errlen, "manifest: not finished");
		return -1;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof(tmp)) {
		snprintf(err, errlen, "%.200s: path too long (ชื่อไฟล์ยาวเกิน)", path);
		return -1;
	}
	if (!(f = fopen(tmp, "we"))) {
		snprintf(err, errlen, "%s: %s (เขียนไฟล์ไม่ได้)", tmp, strerror(errno));
		return -1;
	}
	fprintf(f, "%s\n", MANIFEST_HEADER);
	for (size_t i = 0; i < m->n; i++) {
		const struct manifest_entry *e = &m->v[i];

		sodium_bin2hex(hex, sizeof(hex), e->hash, MANIFEST_HASH_BYTES);
		fprintf(f, "%s %" PRIu64 " %" PRIu64 " %" PRId64 ".%09ld %" PRId64 ".%09ld %s\n", hex,
			e->size, e->ino, e->mtime_sec, e->mtime_nsec, e->ctime_sec, e->ctime_nsec, e->rel);
	}
	fprintf(f, "end %zu\n", m->n);
	/* no fsync: a manifest lost or torn in a crash fails to load (no
	 * "end" line), which only means that the next build writes every file */
	ok = fflush(f) == 0 && !ferror(f);
	if (fclose(f) != 0)
		ok = 0;
	if (!ok || rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s (เขียนไฟล์ไม่ได้)", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* "<seconds>.<9 digits> " at *p into sec, nsec; *p moved past the space.
 * 0 or -1. */
static int parse_time(char **p, int64_t *sec, long *nsec)
{
	char *end;
	long long s;

	if ((**p < '0' || **p > '9') && **p != '-')
		return -1;
	errno = 0;
	s = strtoll(*p, &end, 10);
	if (errno || *end != '.' || strspn(end + 1, "0123456789") != 9 || end[10] != ' ')
		return -1;
	*sec = s;
	*nsec = strtol(end + 1, NULL, 10);
	*p = end + 11;
	return 0;
}

/* "<digits> " at *p into v; *p moved past the space.  0 or -1. */
static int parse_u64(char **p, uint64_t *v)
{
	char *end;
	unsigned long long x;

	if (**p < '0' || **p > '9')
		return -1;
	errno = 0;
	x = strtoull(*p, &end, 10);
	if (errno || *end != ' ')
		return -1;
	*v = x;
	*p = end + 1;
	return 0;
}

/* One entry line into e (rel allocated).  0 or -1. */
static int parse_line(char *line, struct manifest_entry *e)
{
	char *p = line, *end;

	memset(e, 0, sizeof(*e));
	if (!(end = strchr(p, ' ')) || end - p != MANIFEST_HASH_BYTES * 2 ||
		sodium_hex2bin(e->hash, MANIFEST_HASH_BYTES, p, (size_t)(end - p), NULL, NULL, NULL) != 0)
		return -1;
	p = end + 1;
	if (parse_u64(&p, &e->size) != 0 || parse_u64(&p, &e->ino) != 0 ||
		parse_time(&p, &e->mtime_sec, &e->mtime_nsec) != 0 ||
		parse_time(&p, &e->ctime_sec, &e->ctime_nsec) != 0 || !rel_valid(p))
		return -1;
	return (e->rel = strdup(p)) ? 0 : -1;
}

int manifest_load(struct manifest *m, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0, want = 0;
	ssize_t len;
	int state = 0; /* 0 header, 1 entries, 2 after end */
	int bad = 0;
	long lineno = 0;

	manifest_free(m);
	if (!f) {
		if (errno == ENOENT)
			return 1;
		snprintf(err, errlen, "%s: %s (อ่านไฟล์ไม่ได้)", path, strerror(errno));
		return -1;
	}
	while (!bad && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len == 0 || line[len - 1] != '\n' || len > MANIFEST_MAX_PATH + 200) {
			bad = 1;
			break;
		}
		line[len - 1] = '\0';
		if (state == 0) {
			bad = strcmp(line, MANIFEST_HEADER) != 0;
			state = 1;
		} else if (state == 1 && strncmp(line, "end ", 4) == 0) {
			char *end;

			errno = 0;
			want = (size_t)strtoull(line + 4, &end, 10);
			bad = errno || *end || end == line + 4 || want != m->n;
			state = 2;
		} else if (state == 1) {
			struct manifest_entry e;
			char ignore[8];

			if (parse_line(line, &e) != 0 ||
				(m->n && strcmp(m->v[m->n - 1].rel, e.rel) >= 0)) {
				free(e.rel);
				bad = 1;
			} else if (push(m, e.rel, ignore, sizeof(ignore)) != 0) {
				free(e.rel);
				bad = 1;
			} else {
				e.seq = m->n - 1;
				m->v[m->n - 1] = e;
			}
		} else {
			bad = 1; /* anything after "end" */
		}
	}
	free(line);
	if (ferror(f))
		bad = 1;
	fclose(f);
	if (bad || state != 2) {
		manifest_free(m);
		snprintf(err, errlen, "%s:%ld: not a whole manifest (รายการไฟล์เสียหาย)", path,
			lineno ? lineno : 1);
		return -1;
	}
	m->sorted = 1;
	return 0;
}
