/* history.h: the revision history of content/, read from git with libgit2.
 *
 * history_read() finds the git repository that holds content/ (content/ may
 * be its top or a folder in it), walks the commits reachable from HEAD,
 * oldest first, and records for every tracked file (derive/revisions.h)
 * when and by whom it was first published, and every later change of a
 * field that matters, with the old and new values, the commit's date, its
 * author and the correction reason the new version gives.
 *  - Commit dates are the committer's (when the change reached the
 *    repository), authors the author's.  An author is an officer of
 *    people.yaml when the e-mail is the officer's, or `<id>@users.noreply.invalid`,
 *    or the office's e-mail (site.yaml office.email) with the officer's exact
 *    name; otherwise the git author's name is shown.  E-mail addresses are
 *    never kept.
 *  - A merge commit contributes only what it changed against every parent
 *    (a conflict resolution); its branches' commits are read themselves.
 *  - Renames and moves (git's similarity detection) carry the file's history
 *    over to the new path.
 *  - A shallow clone: the history starts at its oldest commit (`starts`);
 *    files already there count as present, not as published then.
 *  - Not a git repository, no commit yet, or content/ not in HEAD:
 *    `available` is 0 and nothing else is set (quietly: not an error).
 * The cache (a text file, `cache` path, beside the output) holds what was
 * read, keyed by the HEAD commit and a fingerprint of people.yaml and the
 * folder; a build reads only the commits after the cached one.  A missing,
 * unreadable or inconsistent cache means a full read.  When the cached
 * commit is no longer an ancestor of HEAD (history rewritten by a force
 * push), the whole history is read again and `rewritten` says after which
 * date it differs. */
#ifndef PRONGSAI_HISTORY_H
#define PRONGSAI_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "model/model.h"

#define HIST_MAX_CHANGES 2000000  /* changes kept; later ones are not kept */
#define HIST_MAX_FILES 1000000
#define HIST_CACHE_MAX_LINE (64 * 1024)

struct hist_author {
	const char *name;         /* display name: the officer's, else git's */
	const char *person;       /* people.yaml id, or NULL */
};

/* A tracked file's first publication. */
struct hist_file {
	const char *path;         /* relative to content/, as in HEAD */
	int64_t time;             /* seconds since the epoch */
	const char *commit;       /* 40 hex digits */
	struct hist_author who;
	int present_at_start;     /* there when a shallow history starts */
};

/* One field of one file changed by one commit. */
struct hist_change {
	const char *path;         /* relative to content/, as in HEAD */
	const char *field;        /* "disbursed", "kpis.booths", "plan[2026-01].percent", "file" */
	const char *old_value, *new_value; /* as written; NULL: added / removed */
	int64_t time;
	const char *commit;
	struct hist_author who;
	const char *reason;       /* correction reason, or NULL */
	size_t seq;               /* order read (oldest first), unique */
};

/* A half-year or annual report closed by `prongsai report close`: a commit
 * whose message has the trailer "Prongsai-Close: <fy> half-year|annual". */
#define HIST_CLOSE_TRAILER "Prongsai-Close:"
#define HIST_MAX_CLOSINGS 100

struct hist_closing {
	int fy;                   /* BE */
	int annual;               /* 1 annual, 0 half-year */
	int64_t time;
	const char *commit;
	struct hist_author who;
	size_t seq;               /* the seq of the first change read after it:
	                             changes with seq >= this came after the
	                             closing (commit times may be equal) */
};

struct history {
	int available;
	const char *head;         /* HEAD commit, 40 hex */
	int shallow;
	int64_t starts;           /* oldest commit read (shallow clones) */
	int64_t rewritten_after;  /* 0, or the date after which history was rewritten */
	struct hist_file *files;  /* by path */
	size_t n_files;
	struct hist_change *changes; /* oldest first */
	size_t n_changes;
	size_t commits_read;      /* by this build (0: all from the cache) */
	struct hist_closing closings[HIST_MAX_CLOSINGS]; /* the first closing of each report */
	size_t n_closings;
	const char *prefix;       /* content/ in the repository: "" or "dir/" */
};

struct hist_opts {
	const char *content;      /* the content folder */
	const char *cache;        /* cache file, or NULL for none */
	const struct model *m;    /* people.yaml and the office e-mail */
};

/* Read the history into h (memory from a).  Returns 0 (also when there is
 * no history: h->available == 0), or -1 with a message in err when the
 * repository cannot be read (h is then "not available"; the build goes on
 * without history).  A cache that cannot be written is not an error. */
int history_read(struct history *h, const struct hist_opts *o, struct arena *a, char *err,
	size_t errlen);

/* The closing of fy's report (annual or half-year), or NULL. */
const struct hist_closing *history_closing(const struct history *h, int fy, int annual);

/* Parse "Prongsai-Close: 2569 annual" lines of a commit message: returns 1
 * with *fy and *annual set at the first such line, else 0. */
int history_close_trailer(const char *msg, int *fy, int *annual);

/* Write content/ as it was at commit (40 hex) into the new folder dir (which
 * must not exist).  Returns 0, or -1 with a message in err (dir may then
 * hold part of it: the caller removes it). */
int history_checkout(const char *content, const char *commit, const char *dir, char *err, size_t errlen);

/* The Bangkok date (UTC+7 all year) of a commit time. */
pdate history_date(int64_t t);

/* The first publication of path, or NULL. */
const struct hist_file *history_file(const struct history *h, const char *path);

#endif
