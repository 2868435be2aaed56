/* history.c: content/'s revision history from git (see history.h). */
#define _DEFAULT_SOURCE
#include "load/history.h"

#include <ctype.h>
#include <errno.h>
#include <git2.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "derive/revisions.h"

#define CACHE_MAGIC "prongsai-history 2"
#define RENAME_LIMIT 1000

/* The reading state: growable arrays (capped by HIST_MAX_*), an index of
 * files by path (open addressing, size a power of 2). */
struct reader {
	struct history *h;
	const struct hist_opts *o;
	struct arena *a;
	struct arena scratch;     /* per commit */
	struct hist_file *files;
	size_t n_files, cap_files;
	struct hist_change *changes;
	size_t n_changes, cap_changes, dropped;
	size_t *slots;            /* file index + 1, 0 = empty */
	size_t n_slots;
	size_t seq;
	/* the commit being read */
	int64_t time;
	const char *commit;
	struct hist_author who;
	size_t file;              /* index of the file being compared */
	const char *reason;
	char *err;
	size_t errlen;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void index_put(struct reader *r, size_t i);

static void index_grow(struct reader *r)
{
	size_t k, old = r->n_slots;
	size_t *os = r->slots;

	r->n_slots = old ? 2 * old : 1024;
	if (!(r->slots = calloc(r->n_slots, sizeof(*r->slots))))
		abort();
	for (k = 0; k < old; k++)
		if (os[k])
			index_put(r, os[k] - 1);
	free(os);
}

static void index_put(struct reader *r, size_t i)
{
	size_t k = hash_str(r->files[i].path) & (r->n_slots - 1);

	while (r->slots[k] && strcmp(r->files[r->slots[k] - 1].path, r->files[i].path) != 0)
		k = (k + 1) & (r->n_slots - 1);
	r->slots[k] = i + 1;
}

/* The file index of path, or (size_t)-1. */
static size_t index_get(const struct reader *r, const char *path)
{
	size_t k;

	if (!r->n_slots)
		return (size_t)-1;
	k = hash_str(path) & (r->n_slots - 1);
	while (r->slots[k]) {
		if (strcmp(r->files[r->slots[k] - 1].path, path) == 0)
			return r->slots[k] - 1;
		k = (k + 1) & (r->n_slots - 1);
	}
	return (size_t)-1;
}

/* The entry of path, added (not yet published: time 0) when new; -1 past
 * HIST_MAX_FILES. */
static size_t file_entry(struct reader *r, const char *path)
{
	size_t i = index_get(r, path);

	if (i != (size_t)-1)
		return i;
	if (r->n_files >= HIST_MAX_FILES)
		return (size_t)-1;
	if (r->n_files == r->cap_files) {
		r->cap_files = r->cap_files ? 2 * r->cap_files : 256;
		if (!(r->files = realloc(r->files, r->cap_files * sizeof(*r->files))))
			abort();
	}
	memset(&r->files[r->n_files], 0, sizeof(r->files[0]));
	r->files[r->n_files].path = arena_strdup(r->a, path);
	if (2 * (r->n_files + 1) > r->n_slots)
		index_grow(r);
	index_put(r, r->n_files);
	return r->n_files++;
}

/* Move the entry of from to the path to (a rename). */
static void file_rename(struct reader *r, const char *from, const char *to)
{
	size_t i = index_get(r, from), k;

	if (i == (size_t)-1)
		return;
	r->files[i].path = arena_strdup(r->a, to);
	for (k = 0; k < r->n_slots; k++) /* rebuild: renames are rare */
		r->slots[k] = 0;
	for (k = 0; k < r->n_files; k++)
		index_put(r, k);
}

static struct hist_change *change_new(struct reader *r)
{
	if (r->n_changes >= HIST_MAX_CHANGES) {
		r->dropped++;
		return NULL;
	}
	if (r->n_changes == r->cap_changes) {
		r->cap_changes = r->cap_changes ? 2 * r->cap_changes : 1024;
		if (!(r->changes = realloc(r->changes, r->cap_changes * sizeof(*r->changes))))
			abort();
	}
	memset(&r->changes[r->n_changes], 0, sizeof(r->changes[0]));
	r->changes[r->n_changes].seq = r->seq++;
	return &r->changes[r->n_changes++];
}

/* ---- authors ---- */

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The officer who is this git author (see history.h), or NULL. */
static const struct person *officer_of(const struct model *m, const char *name, const char *email)
{
	size_t i;

	if (email && ends_with(email, "@users.noreply.invalid")) {
		const char *at = strchr(email, '@');
		char id[MODEL_MAX_ID + 1];
		if ((size_t)(at - email) <= MODEL_MAX_ID) {
			snprintf(id, sizeof(id), "%.*s", (int)(at - email), email);
			if (m->people_by_id && model_person(m, id))
				return model_person(m, id);
			for (i = 0; i < m->n_people; i++)
				if (strcmp(m->people[i].id, id) == 0)
					return &m->people[i];
		}
	}
	if (!email || !email[0])
		return NULL;
	for (i = 0; i < m->n_people; i++)
		if (m->people[i].email && strcasecmp(m->people[i].email, email) == 0)
			return &m->people[i];
	if (m->site.email && strcasecmp(m->site.email, email) == 0 && name)
		for (i = 0; i < m->n_people; i++)
			if (strcmp(m->people[i].name, name) == 0)
				return &m->people[i];
	return NULL;
}

static struct hist_author author_of(struct reader *r, const git_signature *sig)
{
	struct hist_author w = { "ไม่ระบุชื่อ", NULL };
	const struct person *p = officer_of(r->o->m, sig->name, sig->email);

	if (p) {
		w.name = p->name;
		w.person = p->id;
	} else if (sig->name && sig->name[0] && !strchr(sig->name, '@'))
		w.name = arena_strdup(r->a, sig->name);
	return w;
}

/* A fingerprint of what the author mapping reads (people and the office
 * e-mail) and of the folder: a cache made with others is not used. */
static uint64_t fingerprint(const struct model *m, const char *prefix)
{
	uint64_t h = hash_str(prefix) ^ hash_str(m->site.email ? m->site.email : "");
	size_t i;

	for (i = 0; i < m->n_people; i++)
		h = h * 31 + hash_str(m->people[i].id) + 7 * hash_str(m->people[i].name) +
			13 * hash_str(m->people[i].email ? m->people[i].email : "");
	return h;
}

/* ---- reading commits ---- */

static void emit(void *ctx, const char *field, const char *old, const char *new)
{
	struct reader *r = ctx;
	struct hist_change *c = change_new(r);

	if (!c)
		return;
	c->path = (const char *)(uintptr_t)r->file; /* resolved to the path at the end */
	c->field = arena_strdup(r->a, field);
	c->old_value = old ? arena_strdup(r->a, old) : NULL;
	c->new_value = new ? arena_strdup(r->a, new) : NULL;
	c->time = r->time;
	c->commit = r->commit;
	c->who = r->who;
	c->reason = r->reason;
}

/* The blob's text (from the scratch arena), or NULL (*n 0). */
static const char *blob_text(struct reader *r, git_repository *repo, const git_oid *id, size_t *n)
{
	git_blob *b;
	const char *t = NULL;

	*n = 0;
	if (git_oid_is_zero(id) || git_blob_lookup(&b, repo, id) != 0)
		return NULL;
	if ((size_t)git_blob_rawsize(b) <= MODEL_MAX_FILE_SIZE) {
		*n = (size_t)git_blob_rawsize(b);
		t = arena_strndup(&r->scratch, git_blob_rawcontent(b), *n);
	}
	git_blob_free(b);
	return t;
}

/* Is the blob at path in tree the same as id? */
static int same_in(git_tree *tree, const char *path, const git_oid *id)
{
	git_tree_entry *e;
	int same;

	if (git_tree_entry_bypath(&e, tree, path) != 0)
		return 0;
	same = git_oid_equal(git_tree_entry_id(e), id);
	git_tree_entry_free(e);
	return same;
}

static int has_path(git_tree *tree, const char *path)
{
	git_tree_entry *e;

	if (git_tree_entry_bypath(&e, tree, path) != 0)
		return 0;
	git_tree_entry_free(e);
	return 1;
}

/* One delta of a commit against its (first) parent. */
static void read_delta(struct reader *r, git_repository *repo, const git_diff_delta *d,
	size_t prefix_len, int boundary)
{
	const char *np = d->new_file.path + prefix_len, *op = d->old_file.path + prefix_len;
	const char *old = NULL, *new = NULL;
	size_t n_old = 0, n_new = 0, fi;

	if (d->status == GIT_DELTA_RENAMED && rev_kind_of(op) != REV_NONE)
		file_rename(r, op, np);
	if (rev_kind_of(d->status == GIT_DELTA_DELETED ? op : np) == REV_NONE)
		return;
	if ((fi = file_entry(r, d->status == GIT_DELTA_DELETED ? op : np)) == (size_t)-1)
		return;
	if (d->status == GIT_DELTA_ADDED || (d->status == GIT_DELTA_RENAMED && !r->files[fi].time)) {
		if (!r->files[fi].time) {
			r->files[fi].time = r->time;
			r->files[fi].commit = r->commit;
			r->files[fi].who = r->who;
			r->files[fi].present_at_start = boundary;
		}
		if (d->status == GIT_DELTA_ADDED)
			return; /* re-added after a deletion: its first publication stays */
	}
	r->file = fi;
	r->reason = NULL;
	if (d->status == GIT_DELTA_DELETED) {
		emit(r, "file", "present", NULL);
		return;
	}
	if (git_oid_equal(&d->old_file.id, &d->new_file.id))
		return; /* a pure rename */
	old = blob_text(r, repo, &d->old_file.id, &n_old);
	new = blob_text(r, repo, &d->new_file.id, &n_new);
	if (new) {
		const char *why = rev_reason(np, new, n_new, &r->scratch);
		r->reason = why ? arena_strdup(r->a, why) : NULL;
	}
	rev_diff(np, old, n_old, new, n_new, emit, r, &r->scratch);
}

static int git_fail(struct reader *r, const char *what)
{
	const git_error *e = git_error_last();

	snprintf(r->err, r->errlen, "git: %s: %s", what, e && e->message ? e->message : "error");
	return -1;
}

static void add_closing(struct history *h, int fy, int annual, int64_t t, size_t seq, const char *commit,
	struct hist_author who)
{
	if (history_closing(h, fy, annual) || h->n_closings >= HIST_MAX_CLOSINGS)
		return; /* the first closing counts */
	h->closings[h->n_closings].fy = fy;
	h->closings[h->n_closings].annual = annual;
	h->closings[h->n_closings].time = t;
	h->closings[h->n_closings].seq = seq;
	h->closings[h->n_closings].commit = commit;
	h->closings[h->n_closings++].who = who;
}

int history_close_trailer(const char *msg, int *fy, int *annual)
{
	size_t n = strlen(HIST_CLOSE_TRAILER);
	const char *l;

	for (l = msg; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		char kind[16];
		int y;
		if (strncmp(l, HIST_CLOSE_TRAILER, n) != 0)
			continue;
		if (sscanf(l + n, " %4d %15s", &y, kind) == 2 && y >= 2400 && y <= 2700 &&
			(strcmp(kind, "annual") == 0 || strcmp(kind, "half-year") == 0)) {
			*fy = y;
			*annual = kind[0] == 'a';
			return 1;
		}
	}
	return 0;
}

const struct hist_closing *history_closing(const struct history *h, int fy, int annual)
{
	size_t i;

	for (i = 0; h && i < h->n_closings; i++)
		if (h->closings[i].fy == fy && h->closings[i].annual == annual)
			return &h->closings[i];
	return NULL;
}

/* Read one commit: its changes against its first parent (a merge: only
 * what differs from every parent). */
/* The changes between two trees (either may be NULL), found by comparing
 * entries and descending only into subtrees whose ids differ (libgit2's
 * tree diff visits every entry of both trees, which for 100,000 report
 * files costs milliseconds a commit).  Blobs only; paths are full, from the
 * scratch arena; only those under prefix.  Returns -1 past max deltas. */
struct tdiff {
	git_diff_delta *d;
	size_t n, cap, max;
	int adds, dels;           /* tracked files added and deleted */
};

static int tree_changes(struct reader *r, git_repository *repo, git_tree *a, git_tree *b, const char *base,
	const char *prefix, struct tdiff *t, int depth);

static int entry_change(struct reader *r, git_repository *repo, const git_tree_entry *ea,
	const git_tree_entry *eb, const char *base, const char *prefix, struct tdiff *t, int depth)
{
	const git_tree_entry *e = eb ? eb : ea;
	const char *path;
	size_t pl, n;
	int ta, tb;

	if (ea && eb && git_oid_equal(git_tree_entry_id(ea), git_tree_entry_id(eb)))
		return 0; /* the same file or subtree: nothing below changed */
	path = arena_printf(&r->scratch, "%s%s", base, git_tree_entry_name(e));
	pl = strlen(prefix);
	n = strlen(path);
	ta = ea && git_tree_entry_type(ea) == GIT_OBJECT_TREE;
	tb = eb && git_tree_entry_type(eb) == GIT_OBJECT_TREE;
	/* outside content/: neither under the prefix nor on the way to it */
	if (strncmp(path, prefix, n < pl ? n : pl) != 0)
		return 0;
	if (ta || tb) {
		git_tree *x = NULL, *y = NULL;
		int rc = 0;
		if (n < pl && prefix[n] != '/')
			return 0;
		if (ta && git_tree_lookup(&x, repo, git_tree_entry_id(ea)) != 0)
			return -1;
		if (tb && git_tree_lookup(&y, repo, git_tree_entry_id(eb)) != 0) {
			git_tree_free(x);
			return -1;
		}
		rc = tree_changes(r, repo, x, y, arena_printf(&r->scratch, "%s/", path), prefix, t, depth + 1);
		git_tree_free(x);
		git_tree_free(y);
		if (rc)
			return rc;
		if (ta && tb)
			return 0;
		/* a blob became a tree or the other way: the blob side below */
		if (ta)
			ea = NULL;
		else
			eb = NULL;
		if (!ea && !eb)
			return 0;
	}
	if (n < pl)
		return 0;
	if (t->n == t->cap) {
		if (t->cap >= t->max)
			return -1;
		t->cap = t->cap ? 2 * t->cap : 64;
		if (!(t->d = realloc(t->d, t->cap * sizeof(*t->d))))
			abort();
	}
	memset(&t->d[t->n], 0, sizeof(t->d[0]));
	t->d[t->n].status = !ea ? GIT_DELTA_ADDED : !eb ? GIT_DELTA_DELETED : GIT_DELTA_MODIFIED;
	t->d[t->n].old_file.path = t->d[t->n].new_file.path = path;
	if (ea)
		t->d[t->n].old_file.id = *git_tree_entry_id(ea);
	if (eb)
		t->d[t->n].new_file.id = *git_tree_entry_id(eb);
	if (rev_kind_of(path + pl) != REV_NONE) {
		t->adds += !ea;
		t->dels += !eb;
	}
	t->n++;
	return 0;
}

static int tree_changes(struct reader *r, git_repository *repo, git_tree *a, git_tree *b, const char *base,
	const char *prefix, struct tdiff *t, int depth)
{
	size_t i, na = a ? git_tree_entrycount(a) : 0, nb = b ? git_tree_entrycount(b) : 0;

	if (depth > 64)
		return -1;
	for (i = 0; i < nb; i++) {
		const git_tree_entry *eb = git_tree_entry_byindex(b, i);
		const git_tree_entry *ea = a ? git_tree_entry_byname(a, git_tree_entry_name(eb)) : NULL;
		if (entry_change(r, repo, ea, eb, base, prefix, t, depth) != 0)
			return -1;
	}
	for (i = 0; i < na; i++) {
		const git_tree_entry *ea = git_tree_entry_byindex(a, i);
		if ((!b || !git_tree_entry_byname(b, git_tree_entry_name(ea))) &&
			entry_change(r, repo, ea, NULL, base, prefix, t, depth) != 0)
			return -1;
	}
	return 0;
}

#define TDIFF_MAX 100000          /* files one commit may change; more: libgit2's diff */

static int read_commit(struct reader *r, git_repository *repo, const git_oid *id, const char *prefix,
	size_t prefix_len, int first_parent)
{
	git_commit *c = NULL, *p0 = NULL;
	git_tree *tree = NULL, *ptree = NULL;
	git_diff *diff = NULL;
	git_diff_options dopt = GIT_DIFF_OPTIONS_INIT;
	git_diff_find_options fopt = GIT_DIFF_FIND_OPTIONS_INIT;
	char hex[GIT_OID_HEXSZ + 1], spec_buf[PATH_MAX];
	char *spec[1];
	unsigned np, k;
	int boundary = 0, rc = -1;
	size_t i, n;
	struct tdiff td = { NULL, 0, 0, TDIFF_MAX, 0, 0 };

	if (git_commit_lookup(&c, repo, id) != 0 || git_commit_tree(&tree, c) != 0)
		return git_fail(r, "commit");
	np = git_commit_parentcount(c);
	if (np > 0 && (git_commit_parent(&p0, c, 0) != 0 || git_commit_tree(&ptree, p0) != 0)) {
		boundary = 1; /* a shallow clone's first commit: its parent is not here */
		r->h->shallow = 1;
	}
	r->time = (int64_t)git_commit_time(c);
	if (!r->h->starts || r->time < r->h->starts)
		r->h->starts = r->time;
	git_oid_tostr(hex, sizeof(hex), id);
	r->commit = arena_strdup(r->a, hex);
	r->who = author_of(r, git_commit_author(c));
	{
		int fy, annual;
		if (history_close_trailer(git_commit_message(c), &fy, &annual))
			add_closing(r->h, fy, annual, r->time, r->seq, r->commit, r->who);
	}
	if (tree_changes(r, repo, ptree, tree, "", prefix, &td, 0) == 0 && !(td.adds && td.dels)) {
		n = td.n; /* no rename possible: the quick comparison is the diff */
	} else {
		/* a tracked file added and another deleted: let git find renames */
		if (prefix_len) {
			snprintf(spec_buf, sizeof(spec_buf), "%.*s", (int)prefix_len - 1, prefix);
			spec[0] = spec_buf;
			dopt.pathspec.strings = spec;
			dopt.pathspec.count = 1;
		}
		if (git_diff_tree_to_tree(&diff, repo, ptree, tree, &dopt) != 0)
			goto out_git;
		fopt.flags = GIT_DIFF_FIND_RENAMES;
		fopt.rename_limit = RENAME_LIMIT;
		if (git_diff_find_similar(diff, &fopt) != 0)
			goto out_git;
		n = git_diff_num_deltas(diff);
	}
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = diff ? git_diff_get_delta(diff, i) : &td.d[i];
		int skip = 0;
		if (strncmp(d->new_file.path, prefix, prefix_len) != 0 || strncmp(d->old_file.path, prefix, prefix_len) != 0)
			continue;
		for (k = 1; k < np && !skip && !first_parent; k++) {
			git_commit *pk;
			git_tree *tk;
			if (git_commit_parent(&pk, c, k) != 0)
				continue;
			if (git_commit_tree(&tk, pk) == 0) {
				skip = d->status == GIT_DELTA_DELETED ? !has_path(tk, d->old_file.path) :
					same_in(tk, d->new_file.path, &d->new_file.id);
				git_tree_free(tk);
			}
			git_commit_free(pk);
		}
		if (!skip)
			read_delta(r, repo, d, prefix_len, boundary);
	}
	rc = 0;
	goto out;
out_git:
	git_fail(r, "diff");
out:
	free(td.d);
	arena_reset(&r->scratch);
	git_diff_free(diff);
	git_tree_free(ptree);
	git_tree_free(tree);
	git_commit_free(p0);
	git_commit_free(c);
	return rc;
}

/* ---- the cache ---- */

/* Fields are tab-separated; \\, \t, \n escaped; \N is NULL. */
static void put_field(FILE *f, const char *s)
{
	fputc('\t', f);
	if (!s) {
		fputs("\\N", f);
		return;
	}
	for (; *s; s++)
		if (*s == '\\')
			fputs("\\\\", f);
		else if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
}

/* Write the cache atomically (a temporary file renamed over it); failures
 * leave no cache, which only costs the next build a full read. */
static void cache_write(const struct reader *r, const char *path, uint64_t fp, const char *prefix)
{
	char tmp[PATH_MAX];
	FILE *f;
	size_t i;
	int ok;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp%ld", path, (long)getpid()) >= (int)sizeof(tmp) ||
		!(f = fopen(tmp, "w")))
		return;
	fprintf(f, "%s\nhead\t%s\t%016llx", CACHE_MAGIC, r->h->head, (unsigned long long)fp);
	put_field(f, prefix);
	fprintf(f, "\nmeta\t%d\t%lld\t%lld\n", r->h->shallow, (long long)r->h->starts,
		(long long)r->h->rewritten_after);
	for (i = 0; i < r->n_files; i++) {
		const struct hist_file *x = &r->files[i];
		fputc('F', f);
		put_field(f, x->path);
		fprintf(f, "\t%lld", (long long)x->time);
		put_field(f, x->commit ? x->commit : "");
		put_field(f, x->who.name);
		put_field(f, x->who.person);
		fprintf(f, "\t%d\n", x->present_at_start);
	}
	for (i = 0; i < r->n_changes; i++) {
		const struct hist_change *c = &r->changes[i];
		fprintf(f, "C\t%zu", (size_t)(uintptr_t)c->path);
		put_field(f, c->field);
		put_field(f, c->old_value);
		put_field(f, c->new_value);
		fprintf(f, "\t%lld", (long long)c->time);
		put_field(f, c->commit);
		put_field(f, c->who.name);
		put_field(f, c->who.person);
		put_field(f, c->reason);
		fputc('\n', f);
	}
	for (i = 0; i < r->h->n_closings; i++) {
		const struct hist_closing *k = &r->h->closings[i];
		fprintf(f, "K\t%d\t%d\t%lld\t%zu", k->fy, k->annual, (long long)k->time, k->seq);
		put_field(f, k->commit);
		put_field(f, k->who.name);
		put_field(f, k->who.person);
		fputc('\n', f);
	}
	fprintf(f, "end\t%zu\t%zu\n", r->n_files, r->n_changes);
	ok = !ferror(f);
	ok &= fflush(f) == 0 && fsync(fileno(f)) == 0;
	ok &= fclose(f) == 0;
	if (!ok || rename(tmp, path) != 0)
		unlink(tmp);
}

/* Split line (modified in place) into at most max unescaped fields;
 * returns their number. */
static size_t split_line(char *line, char **fld, size_t max)
{
	size_t n = 0;
	char *s = line, *w;

	while (n < max) {
		fld[n++] = w = s;
		for (; *s && *s != '\t'; s++) {
			if (*s == '\\' && s[1]) {
				s++;
				*w++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'N' ? '\0' : *s;
				if (*s == 'N')
					fld[n - 1] = NULL; /* \N: NULL */
			} else
				*w++ = *s;
		}
		if (!*s) {
			*w = '\0';
			return n;
		}
		s++;
		*w = '\0';
	}
	return n;
}

static int parse_i64(const char *s, int64_t *v)
{
	char *end;
	long long x;

	if (!s || !*s)
		return -1;
	errno = 0;
	x = strtoll(s, &end, 10);
	if (errno || *end)
		return -1;
	*v = x;
	return 0;
}

static const char *dup_or_null(struct reader *r, const char *s)
{
	return s ? arena_strdup(r->a, s) : NULL;
}

/* Read the cache into r; 0 with *head the cached HEAD, or -1 (r left
 * empty: a full read follows). */
static int cache_read(struct reader *r, const char *path, uint64_t fp, const char *prefix, char *head,
	size_t headlen)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *fld[12], want[32];
	size_t cap = 0, n, nf_end = 0, nc_end = 0;
	ssize_t len;
	int stage = 0, done = 0;
	const char *last_commit = NULL;

	if (!f)
		return -1;
	snprintf(want, sizeof(want), "%016llx", (unsigned long long)fp);
	while (!done && (len = getline(&line, &cap, f)) > 0) {
		if (len > HIST_CACHE_MAX_LINE || line[len - 1] != '\n')
			goto bad;
		line[len - 1] = '\0';
		if (stage == 0) {
			if (strcmp(line, CACHE_MAGIC) != 0)
				goto bad;
			stage = 1;
			continue;
		}
		n = split_line(line, fld, 12);
		if (stage == 1) {
			if (n != 4 || strcmp(fld[0], "head") != 0 || strlen(fld[1]) != GIT_OID_HEXSZ ||
				strcmp(fld[2], want) != 0 || !fld[3] || strcmp(fld[3], prefix) != 0)
				goto bad;
			snprintf(head, headlen, "%s", fld[1]);
			stage = 2;
		} else if (stage == 2) {
			int64_t sh, st, rw;
			if (n != 4 || strcmp(fld[0], "meta") != 0 || parse_i64(fld[1], &sh) || parse_i64(fld[2], &st) ||
				parse_i64(fld[3], &rw))
				goto bad;
			r->h->shallow = sh != 0;
			r->h->starts = st;
			r->h->rewritten_after = rw;
			stage = 3;
		} else if (n == 7 && strcmp(fld[0], "F") == 0) {
			int64_t t, pr;
			size_t i;
			if (!fld[1] || parse_i64(fld[2], &t) || !fld[3] || !fld[4] || parse_i64(fld[6], &pr) ||
				index_get(r, fld[1]) != (size_t)-1 || (i = file_entry(r, fld[1])) == (size_t)-1)
				goto bad;
			r->files[i].time = t;
			r->files[i].commit = fld[3][0] ? arena_strdup(r->a, fld[3]) : NULL;
			r->files[i].who.name = arena_strdup(r->a, fld[4]);
			r->files[i].who.person = dup_or_null(r, fld[5]);
			r->files[i].present_at_start = pr != 0;
		} else if (n == 10 && strcmp(fld[0], "C") == 0) {
			int64_t fi, t;
			struct hist_change *c;
			if (parse_i64(fld[1], &fi) || fi < 0 || (size_t)fi >= r->n_files || !fld[2] ||
				parse_i64(fld[5], &t) || !fld[6] || !fld[7] || !(c = change_new(r)))
				goto bad;
			c->path = (const char *)(uintptr_t)fi;
			c->field = arena_strdup(r->a, fld[2]);
			c->old_value = dup_or_null(r, fld[3]);
			c->new_value = dup_or_null(r, fld[4]);
			c->time = t;
			if (!last_commit || strcmp(last_commit, fld[6]) != 0)
				last_commit = arena_strdup(r->a, fld[6]);
			c->commit = last_commit;
			c->who.name = arena_strdup(r->a, fld[7]);
			c->who.person = dup_or_null(r, fld[8]);
			c->reason = dup_or_null(r, fld[9]);
		} else if (n == 8 && strcmp(fld[0], "K") == 0) {
			int64_t fy, an, t, sq;
			if (parse_i64(fld[1], &fy) || parse_i64(fld[2], &an) || parse_i64(fld[3], &t) ||
				parse_i64(fld[4], &sq) || sq < 0 || !fld[5] || !fld[6] || fy < 2400 || fy > 2700)
				goto bad;
			add_closing(r->h, (int)fy, an != 0, t, (size_t)sq, arena_strdup(r->a, fld[5]),
				(struct hist_author){ arena_strdup(r->a, fld[6]), dup_or_null(r, fld[7]) });
		} else if (n == 3 && strcmp(fld[0], "end") == 0) {
			int64_t a, b;
			if (parse_i64(fld[1], &a) || parse_i64(fld[2], &b))
				goto bad;
			nf_end = (size_t)a;
			nc_end = (size_t)b;
			done = 1;
		} else
			goto bad;
	}
	if (!done || nf_end != r->n_files || nc_end != r->n_changes || getline(&line, &cap, f) > 0)
		goto bad;
	free(line);
	fclose(f);
	return 0;
bad:
	free(line);
	fclose(f);
	r->n_files = r->n_changes = 0;
	r->seq = 0;
	r->h->shallow = 0;
	r->h->starts = r->h->rewritten_after = 0;
	r->h->n_closings = 0;
	if (r->slots)
		memset(r->slots, 0, r->n_slots * sizeof(*r->slots));
	return -1;
}

/* ---- the walk ---- */

/* Where the history was rewritten: the date of the newest commit the old
 * history shares with HEAD (their merge base), else of the newest cached
 * change still reachable, else where the old history started. */
static int64_t rewrite_date(struct reader *r, git_repository *repo, const git_oid *head,
	const git_oid *old, int have_old, int64_t old_starts)
{
	git_oid base, id;
	git_commit *c;
	size_t i, tried = 0;
	int64_t t = 0;

	if (have_old && git_merge_base(&base, repo, head, old) == 0 &&
		git_commit_lookup(&c, repo, &base) == 0) {
		t = (int64_t)git_commit_time(c);
		git_commit_free(c);
		return t;
	}
	for (i = r->n_changes; i-- > 0 && tried < 200; tried++)
		if (git_oid_fromstr(&id, r->changes[i].commit) == 0 &&
			(git_oid_equal(&id, head) || git_graph_descendant_of(repo, head, &id) == 1))
			return r->changes[i].time;
	return old_starts ? old_starts : 1;
}

static int by_path(const void *x, const void *y)
{
	return strcmp(((const struct hist_file *)x)->path, ((const struct hist_file *)y)->path);
}

/* Copy what was read into h (paths resolved, files sorted). */
static void finish(struct reader *r)
{
	struct history *h = r->h;
	size_t i;

	h->n_files = r->n_files;
	h->files = arena_alloc(r->a, (r->n_files ? r->n_files : 1) * sizeof(*h->files));
	if (r->n_files)
		memcpy(h->files, r->files, r->n_files * sizeof(*h->files));
	h->n_changes = r->n_changes;
	h->changes = arena_alloc(r->a, (r->n_changes ? r->n_changes : 1) * sizeof(*h->changes));
	for (i = 0; i < r->n_changes; i++) {
		h->changes[i] = r->changes[i];
		h->changes[i].path = r->files[(size_t)(uintptr_t)r->changes[i].path].path;
	}
	if (h->n_files)
		qsort(h->files, h->n_files, sizeof(*h->files), by_path);
}

/* content/ relative to the repository's work tree ("" or "dir/"), in p;
 * -1 when content/ is not inside it. */
static int content_prefix(git_repository *repo, const char *content, char *p, size_t plen)
{
	char real[PATH_MAX], wd[PATH_MAX];
	const char *w = git_repository_workdir(repo);
	size_t n;

	if (!w || !realpath(content, real) || !realpath(w, wd))
		return -1;
	n = strlen(wd);
	if (strncmp(real, wd, n) != 0 || (real[n] != '\0' && real[n] != '/'))
		return -1;
	if (real[n] == '\0')
		p[0] = '\0';
	else if (snprintf(p, plen, "%s/", real + n + 1) >= (int)plen)
		return -1;
	return 0;
}

static int walk(struct reader *r, git_repository *repo, const git_oid *head, const git_oid *hide,
	const char *prefix)
{
	git_revwalk *w;
	git_oid id;
	char spec[PATH_MAX];
	size_t plen = strlen(prefix);
	int rc = 0, e;

	snprintf(spec, sizeof(spec), "%.*s", plen ? (int)plen - 1 : 0, prefix);
	if (git_revwalk_new(&w, repo) != 0)
		return git_fail(r, "revwalk");
	git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
	if (git_revwalk_push(w, head) != 0 || (hide && git_revwalk_hide(w, hide) != 0)) {
		git_revwalk_free(w);
		return git_fail(r, "revwalk");
	}
	while ((e = git_revwalk_next(&id, w)) == 0) {
		if (read_commit(r, repo, &id, prefix, plen, 0) != 0) {
			rc = -1;
			break;
		}
		r->h->commits_read++;
	}
	if (!rc && e != GIT_ITEROVER)
		rc = git_fail(r, "revwalk");
	git_revwalk_free(w);
	return rc;
}

/* A shallow clone: libgit2's revwalk stops at the missing parents with an
 * error, so the first-parent chain is followed down to the oldest commit
 * that is there (a merge then counts whole, by its first parent). */
static int walk_shallow(struct reader *r, git_repository *repo, const git_oid *head, const git_oid *hide,
	const char *prefix)
{
	git_oid *ids = NULL, cur = *head;
	size_t n = 0, cap = 0, plen = strlen(prefix);
	char spec[PATH_MAX];
	int rc = 0;

	snprintf(spec, sizeof(spec), "%.*s", plen ? (int)plen - 1 : 0, prefix);
	for (;;) {
		git_commit *c;
		if (hide && git_oid_equal(&cur, hide))
			break;
		if (git_commit_lookup(&c, repo, &cur) != 0)
			break;
		if (n == cap) {
			git_oid *grown;
			cap = cap ? 2 * cap : 256;
			if (!(grown = realloc(ids, cap * sizeof(*ids))))
				abort();
			ids = grown;
		}
		ids[n++] = cur;
		if (git_commit_parentcount(c) == 0) {
			git_commit_free(c);
			break;
		}
		cur = *git_commit_parent_id(c, 0);
		git_commit_free(c);
	}
	while (n > 0 && !rc) {
		rc = read_commit(r, repo, &ids[--n], prefix, plen, 1);
		r->h->commits_read++;
	}
	free(ids);
	return rc;
}

static void reader_free(struct reader *r)
{
	free(r->files);
	free(r->changes);
	free(r->slots);
	arena_free(&r->scratch);
}

static void reader_reset(struct reader *r)
{
	r->h->n_closings = 0;
	r->n_files = r->n_changes = 0;
	r->seq = 0;
	if (r->slots)
		memset(r->slots, 0, r->n_slots * sizeof(*r->slots));
}

int history_read(struct history *h, const struct hist_opts *o, struct arena *a, char *err,
	size_t errlen)
{
	struct reader r;
	git_repository *repo = NULL;
	git_reference *ref = NULL;
	git_tree *tree = NULL;
	git_commit *hc = NULL;
	git_tree_entry *e = NULL;
	git_oid head, old;
	char prefix[PATH_MAX], hex[GIT_OID_HEXSZ + 1], cached[GIT_OID_HEXSZ + 1] = "";
	uint64_t fp;
	int rc = 0, have_cache = 0, have_old = 0;
	int64_t old_rewritten = 0;

	memset(h, 0, sizeof(*h));
	memset(&r, 0, sizeof(r));
	r.h = h;
	r.o = o;
	r.a = a;
	r.err = err;
	r.errlen = errlen;
	err[0] = '\0';
	arena_init(&r.scratch);
	git_libgit2_init();
	/* a folder of 10,000 reports is a tree of ~400 KB: libgit2 caches only
	 * trees up to 4 KB by default, so each commit would inflate its
	 * parent's trees again */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, (size_t)4 << 20);
	git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)512 << 20);
	if (git_repository_open_ext(&repo, o->content, 0, NULL) != 0 || git_repository_is_bare(repo) ||
		content_prefix(repo, o->content, prefix, sizeof(prefix)) != 0 ||
		git_repository_head(&ref, repo) != 0 || git_reference_peel((git_object **)&hc, ref, GIT_OBJECT_COMMIT) != 0 ||
		git_commit_tree(&tree, hc) != 0 ||
		(prefix[0] && git_tree_entry_bypath(&e, tree, prefix) != 0))
		goto none; /* no history: quietly */
	head = *git_commit_id(hc);
	h->prefix = arena_strdup(a, prefix);
	git_oid_tostr(hex, sizeof(hex), &head);
	fp = fingerprint(o->m, prefix);
	if (o->cache && cache_read(&r, o->cache, fp, prefix, cached, sizeof(cached)) == 0)
		have_cache = 1;
	if (have_cache && git_oid_fromstr(&old, cached) == 0) {
		git_commit *oc;
		have_old = git_commit_lookup(&oc, repo, &old) == 0;
		if (have_old)
			git_commit_free(oc);
		if (git_oid_equal(&old, &head)) {
			h->head = arena_strdup(a, hex);
			h->available = 1;
			h->prefix = arena_strdup(a, prefix);
			finish(&r);
			goto out;
		}
		if (!have_old || git_graph_descendant_of(repo, &head, &old) != 1) {
			/* rewritten: read it all again */
			old_rewritten = rewrite_date(&r, repo, &head, &old, have_old, h->starts);
			reader_reset(&r);
			h->shallow = 0;
			h->starts = 0;
			h->rewritten_after = 0;
			have_cache = 0;
		}
	}
	if ((git_repository_is_shallow(repo) ? walk_shallow : walk)(&r, repo, &head, have_cache ? &old : NULL,
		prefix) != 0) {
		reader_reset(&r);
		memset(h, 0, sizeof(*h));
		rc = -1;
		goto out;
	}
	h->head = arena_strdup(a, hex);
	h->available = 1;
	h->prefix = arena_strdup(a, prefix);
	if (old_rewritten)
		h->rewritten_after = old_rewritten;
	if (o->cache)
		cache_write(&r, o->cache, fp, prefix);
	finish(&r);
	goto out;
none:
	memset(h, 0, sizeof(*h));
out:
	git_tree_entry_free(e);
	git_tree_free(tree);
	git_commit_free(hc);
	git_reference_free(ref);
	git_repository_free(repo);
	git_libgit2_shutdown();
	reader_free(&r);
	return rc;
}

pdate history_date(int64_t t)
{
	int64_t s = t + 7 * 3600;

	return (pdate)(s >= 0 ? s / 86400 : -((-s + 86399) / 86400));
}

const struct hist_file *history_file(const struct history *h, const char *path)
{
	size_t lo = 0, hi = h->n_files;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(h->files[mid].path, path);
		if (c == 0)
			return &h->files[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Write tree (the blobs and subtrees) into dir. */
static int write_tree(git_repository *repo, git_tree *tree, const char *dir, int depth, char *err,
	size_t errlen)
{
	size_t i, n = git_tree_entrycount(tree);
	char path[PATH_MAX];

	if (depth > 32 || mkdir(dir, 0755) != 0) {
		snprintf(err, errlen, "%s: %s", dir, depth > 32 ? "too deep" : strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(tree, i);
		const char *name = git_tree_entry_name(e);
		if (strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
			snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path))
			continue;
		if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
			git_tree *sub;
			int rc;
			if (git_tree_lookup(&sub, repo, git_tree_entry_id(e)) != 0)
				goto git;
			rc = write_tree(repo, sub, path, depth + 1, err, errlen);
			git_tree_free(sub);
			if (rc)
				return -1;
		} else if (git_tree_entry_type(e) == GIT_OBJECT_BLOB &&
			git_tree_entry_filemode(e) != GIT_FILEMODE_LINK) {
			git_blob *b;
			FILE *f;
			int ok;
			if (git_blob_lookup(&b, repo, git_tree_entry_id(e)) != 0)
				goto git;
			if (!(f = fopen(path, "wb"))) {
				snprintf(err, errlen, "%s: %s", path, strerror(errno));
				git_blob_free(b);
				return -1;
			}
			ok = fwrite(git_blob_rawcontent(b), 1, (size_t)git_blob_rawsize(b), f) ==
				(size_t)git_blob_rawsize(b);
			ok &= fclose(f) == 0;
			git_blob_free(b);
			if (!ok) {
				snprintf(err, errlen, "%s: write failed", path);
				return -1;
			}
		}
	}
	return 0;
git:
	snprintf(err, errlen, "git: %s", git_error_last() ? git_error_last()->message : "error");
	return -1;
}

int history_checkout(const char *content, const char *commit, const char *dir, char *err, size_t errlen)
{
	git_repository *repo = NULL;
	git_commit *c = NULL;
	git_tree *root = NULL, *sub = NULL;
	git_tree_entry *e = NULL;
	git_oid id;
	char prefix[PATH_MAX];
	int rc = -1;

	git_libgit2_init();
	if (git_repository_open_ext(&repo, content, 0, NULL) != 0 ||
		content_prefix(repo, content, prefix, sizeof(prefix)) != 0 || git_oid_fromstr(&id, commit) != 0 ||
		git_commit_lookup(&c, repo, &id) != 0 || git_commit_tree(&root, c) != 0) {
		snprintf(err, errlen, "git: %s: %s", commit,
			git_error_last() ? git_error_last()->message : "not found");
		goto out;
	}
	if (prefix[0]) {
		prefix[strlen(prefix) - 1] = '\0';
		if (git_tree_entry_bypath(&e, root, prefix) != 0 || git_tree_lookup(&sub, repo, git_tree_entry_id(e)) != 0) {
			snprintf(err, errlen, "git: %s: no %s at %s", content, prefix, commit);
			goto out;
		}
	}
	rc = write_tree(repo, sub ? sub : root, dir, 0, err, errlen);
out:
	git_tree_entry_free(e);
	git_tree_free(sub);
	git_tree_free(root);
	git_commit_free(c);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}
