/* remote_manifest.c: see remote_manifest.h. */
#define _DEFAULT_SOURCE /* DT_* */
#include "deploy/remote_manifest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

void remote_manifest_init(struct remote_manifest *m)
{
	memset(m, 0, sizeof *m);
}

void remote_manifest_free(struct remote_manifest *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->e[i].path);
	free(m->e);
	memset(m, 0, sizeof *m);
}

int remote_manifest_path_ok(const char *p)
{
	const char *seg = p;
	size_t len = strlen(p);

	if (len == 0 || len > REMOTE_MANIFEST_MAX_PATH || p[0] == '/' || p[len - 1] == '/')
		return 0;
	for (; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '"' || *p == '\\')
			return 0;
		if (*p == '/' || !p[1]) {
			size_t sl = (size_t)(p - seg) + (*p == '/' ? 0 : 1);
			if (sl == 0 || (sl == 1 && seg[0] == '.') || (sl == 2 && seg[0] == '.' && seg[1] == '.'))
				return 0;
			seg = p + 1;
		}
	}
	return 1;
}

void remote_manifest_hex(const unsigned char hash[REMOTE_MANIFEST_HASH_BYTES], char out[2 * REMOTE_MANIFEST_HASH_BYTES + 1])
{
	sodium_bin2hex(out, 2 * REMOTE_MANIFEST_HASH_BYTES + 1, hash, REMOTE_MANIFEST_HASH_BYTES);
}

int remote_manifest_hash_file(const char *path, unsigned char hash[REMOTE_MANIFEST_HASH_BYTES], long long *size)
{
	crypto_generichash_state st;
	unsigned char blk[65536];
	long long total = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return -1;
	crypto_generichash_init(&st, NULL, 0, REMOTE_MANIFEST_HASH_BYTES);
	while ((r = read(fd, blk, sizeof blk)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		crypto_generichash_update(&st, blk, (size_t)r);
		total += r;
	}
	close(fd);
	crypto_generichash_final(&st, hash, REMOTE_MANIFEST_HASH_BYTES);
	*size = total;
	return 0;
}

static int add(struct remote_manifest *m, const char *path, size_t plen)
{
	if (m->n == m->alloc) {
		size_t na = m->alloc ? m->alloc * 2 : 256;
		struct remote_manifest_entry *ne;
		if (na > REMOTE_MANIFEST_MAX_FILES)
			na = REMOTE_MANIFEST_MAX_FILES;
		if (m->n >= na)
			return -1;
		ne = realloc(m->e, na * sizeof *ne);
		if (!ne)
			return -1;
		m->e = ne;
		m->alloc = na;
	}
	m->e[m->n].path = malloc(plen + 1);
	if (!m->e[m->n].path)
		return -1;
	memcpy(m->e[m->n].path, path, plen);
	m->e[m->n].path[plen] = '\0';
	m->e[m->n].size = 0;
	m->n++;
	return 0;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct remote_manifest_entry *)a)->path, ((const struct remote_manifest_entry *)b)->path);
}

struct scan {
	struct remote_manifest *m;
	char *err;
	size_t errlen;
	char full[4096 + REMOTE_MANIFEST_MAX_PATH + 2];
	size_t root_len; /* bytes of "dir/" in full */
};

/* Walk full (a directory; rel part after root_len) at depth. */
static int walk(struct scan *s, size_t len, int depth)
{
	DIR *d;
	struct dirent *de;
	int rc = 0;

	if (depth > REMOTE_MANIFEST_MAX_DEPTH) {
		snprintf(s->err, s->errlen, "%s: ไดเรกทอรีซ้อนลึกเกิน %d ชั้น (directories nested deeper than %d)",
			 s->full, REMOTE_MANIFEST_MAX_DEPTH, REMOTE_MANIFEST_MAX_DEPTH);
		return -1;
	}
	d = opendir(s->full);
	if (!d) {
		snprintf(s->err, s->errlen, "%s: เปิดไดเรกทอรีไม่ได้ (cannot open the directory): %s", s->full,
			 strerror(errno));
		return -1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		struct stat st;
		size_t nl = strlen(de->d_name), nlen;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (depth == 0 && strcmp(de->d_name, REMOTE_MANIFEST_NAME) == 0)
			continue;
		if (len + 1 + nl >= sizeof s->full || len + 1 + nl - s->root_len > REMOTE_MANIFEST_MAX_PATH) {
			snprintf(s->err, s->errlen, "%.200s/%s: ชื่อแฟ้มยาวเกิน %d ไบต์ (path longer than %d bytes)",
				 s->full, de->d_name, REMOTE_MANIFEST_MAX_PATH, REMOTE_MANIFEST_MAX_PATH);
			rc = -1;
			break;
		}
		nlen = len;
		if (nlen > 0 && s->full[nlen - 1] != '/')
			s->full[nlen++] = '/';
		memcpy(s->full + nlen, de->d_name, nl + 1);
		nlen += nl;
		if (lstat(s->full, &st) != 0) {
			snprintf(s->err, s->errlen, "%s: %s", s->full, strerror(errno));
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			rc = walk(s, nlen, depth + 1);
		} else if (!S_ISREG(st.st_mode)) {
			snprintf(s->err, s->errlen, "%s: ไม่ใช่แฟ้มธรรมดา (not a regular file: links and special "
				 "files are not deployed)", s->full);
			rc = -1;
		} else if (!remote_manifest_path_ok(s->full + s->root_len)) {
			snprintf(s->err, s->errlen, "%s: ชื่อแฟ้มมีอักขระที่ส่งขึ้นเครื่องปลายทางไม่ได้ (the name has a "
				 "character that cannot be deployed: control character, \" or \\)", s->full);
			rc = -1;
		} else if (add(s->m, s->full + s->root_len, nlen - s->root_len) != 0) {
			snprintf(s->err, s->errlen, "%s: แฟ้มเกิน %d แฟ้มหรือหน่วยความจำไม่พอ (more than %d files, or "
				 "out of memory)", s->full, REMOTE_MANIFEST_MAX_FILES, REMOTE_MANIFEST_MAX_FILES);
			rc = -1;
		} else {
			struct remote_manifest_entry *e = &s->m->e[s->m->n - 1];
			if (remote_manifest_hash_file(s->full, e->hash, &e->size) != 0) {
				snprintf(s->err, s->errlen, "%s: อ่านแฟ้มไม่ได้ (cannot read): %s", s->full,
					 strerror(errno));
				rc = -1;
			}
		}
		s->full[len] = '\0';
	}
	closedir(d);
	return rc;
}

int remote_manifest_scan(const char *dir, struct remote_manifest *m, char *err, size_t errlen)
{
	struct scan *s = calloc(1, sizeof *s);
	size_t dl = strlen(dir);
	int rc;

	remote_manifest_free(m);
	if (!s || dl + 2 >= 4096) {
		snprintf(err, errlen, "%s: หน่วยความจำไม่พอหรือชื่อยาวเกิน (out of memory or path too long)", dir);
		free(s);
		return -1;
	}
	s->m = m;
	s->err = err;
	s->errlen = errlen;
	memcpy(s->full, dir, dl + 1);
	while (dl > 1 && s->full[dl - 1] == '/')
		s->full[--dl] = '\0';
	s->root_len = dl + 1;
	rc = walk(s, dl, 0);
	free(s);
	if (rc != 0) {
		remote_manifest_free(m);
		return -1;
	}
	if (m->n)
		qsort(m->e, m->n, sizeof *m->e, cmp_entry);
	return 0;
}

#define HEADER "prongsai-manifest 1\n"

int remote_manifest_parse(const char *text, size_t len, struct remote_manifest *m, char *err, size_t errlen)
{
	const char *p = text, *end = text + len;
	size_t line = 1, hl = strlen(HEADER);

	remote_manifest_free(m);
	if (len > REMOTE_MANIFEST_MAX_TEXT || len < hl || memcmp(text, HEADER, hl) != 0) {
		snprintf(err, errlen, "บรรทัด 1: ไม่ใช่บัญชีแฟ้มของ prongsai (line 1: not a prongsai manifest)");
		return -1;
	}
	p += hl;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *sp;
		unsigned char hash[REMOTE_MANIFEST_HASH_BYTES];
		size_t hlen = 0;
		char *num_end;
		long long size;
		line++;
		if (!nl || nl - p < 2 * REMOTE_MANIFEST_HASH_BYTES + 3 || p[2 * REMOTE_MANIFEST_HASH_BYTES] != ' ')
			goto bad;
		if (sodium_hex2bin(hash, sizeof hash, p, 2 * REMOTE_MANIFEST_HASH_BYTES, NULL, &hlen, NULL) != 0 ||
		    hlen != REMOTE_MANIFEST_HASH_BYTES)
			goto bad;
		sp = p + 2 * REMOTE_MANIFEST_HASH_BYTES + 1;
		if (*sp < '0' || *sp > '9')
			goto bad;
		errno = 0;
		size = strtoll(sp, &num_end, 10);
		if (errno || size < 0 || *num_end != ' ' || num_end + 1 >= nl)
			goto bad;
		{
			char path[REMOTE_MANIFEST_MAX_PATH + 1];
			size_t pl = (size_t)(nl - (num_end + 1));
			if (pl > REMOTE_MANIFEST_MAX_PATH)
				goto bad;
			memcpy(path, num_end + 1, pl);
			path[pl] = '\0';
			if (!remote_manifest_path_ok(path) || (m->n && strcmp(m->e[m->n - 1].path, path) >= 0))
				goto bad;
			if (add(m, path, pl) != 0)
				goto bad;
			memcpy(m->e[m->n - 1].hash, hash, sizeof hash);
			m->e[m->n - 1].size = size;
		}
		p = nl + 1;
	}
	return 0;
bad:
	snprintf(err, errlen, "บรรทัด %zu: ไม่ใช่ \"แฮช ขนาด ชื่อ\" ที่เรียงตามชื่อ (line %zu: not \"hash size path\" "
		 "in path order)", line, line);
	remote_manifest_free(m);
	return -1;
}

int remote_manifest_format(const struct remote_manifest *m, struct buf *out)
{
	char hex[2 * REMOTE_MANIFEST_HASH_BYTES + 1];
	size_t i;

	buf_adds(out, HEADER);
	for (i = 0; i < m->n; i++) {
		remote_manifest_hex(m->e[i].hash, hex);
		buf_printf(out, "%s %lld %s\n", hex, m->e[i].size, m->e[i].path);
	}
	return out->err;
}

const struct remote_manifest_entry *remote_manifest_find(const struct remote_manifest *m, const char *path)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->e[mid].path, path);
		if (c == 0)
			return &m->e[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
