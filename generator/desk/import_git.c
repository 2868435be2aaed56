/* import_git.c: the git side of `prongsai import` (see import_git.h). */
#define _DEFAULT_SOURCE
#include "desk/import_git.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk/gitrun.h"
#include "errmsg.h"
#include "fdio.h"
#include "publish/fsutil.h"
#include "publish/output.h"

/* One git call: "--git-dir=..." ["--work-tree=..."] then the arguments
 * (NULL-terminated varargs).  index: a GIT_INDEX_FILE, or NULL.  Returns
 * git's exit status, or -1 (err set) when it could not run. */
static int git(const struct igit *g, const char *work_tree, const char *index, const void *in, size_t in_len,
	       struct buf *out, struct buf *errout, const char *const *env, char *err, size_t errlen, ...)
{
	struct gitrun r;
	char gd[PATH_MAX + 16], wt[PATH_MAX + 16], ix[PATH_MAX + 32];
	size_t n = 0, e = 0;
	const char *a;
	va_list ap;

	memset(&r, 0, sizeof(r));
	snprintf(gd, sizeof gd, "--git-dir=%s", g->git_dir);
	r.args[n++] = gd;
	if (work_tree && *work_tree) {
		snprintf(wt, sizeof wt, "--work-tree=%s", work_tree);
		r.args[n++] = wt;
	}
	va_start(ap, errlen);
	while ((a = va_arg(ap, const char *)) != NULL) {
		assert(n < GITRUN_MAX_ARGS);
		r.args[n++] = a;
	}
	va_end(ap);
	if (index) {
		snprintf(ix, sizeof ix, "GIT_INDEX_FILE=%s", index);
		r.env[e++] = ix;
	}
	for (; env && *env; env++) {
		assert(e < GITRUN_MAX_ENV);
		r.env[e++] = *env;
	}
	r.in = in;
	r.in_len = in_len;
	r.out = out;
	r.err = errout;
	return gitrun(&r, err, errlen);
}

/* git ... into out (one line, chomped); 0 only when git said 0. */
static int git_line(const struct igit *g, const char *work_tree, struct buf *out, char *err, size_t errlen,
		    const char *what, const char *a1, const char *a2, const char *a3, const char *a4)
{
	int rc;

	buf_reset(out);
	rc = git(g, work_tree, NULL, NULL, 0, out, NULL, NULL, err, errlen, a1, a2, a3, a4, (char *)NULL);
	if (rc != 0) {
		if (rc > 0)
			err_set(err, errlen, "git %s failed (exit %d) / คำสั่ง git ไม่สำเร็จ", what, rc);
		return -1;
	}
	gitrun_chomp(out);
	return 0;
}

static int is_oid(const char *s)
{
	size_t i;

	for (i = 0; i < 40; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[40] == '\0' || s[40] == '\n' || s[40] == ' ';
}

static int copy_oid(char out[41], const char *s, char *err, size_t errlen)
{
	if (!is_oid(s)) {
		err_set(err, errlen, "git gave no object id / git ไม่ได้ให้รหัส object");
		return -1;
	}
	memcpy(out, s, 40);
	out[40] = '\0';
	return 0;
}

static int set_path(char *dst, size_t len, const char *src, char *err, size_t errlen)
{
	if (strlen(src) >= len) {
		err_set(err, errlen, "path too long / path ยาวเกิน: %.80s", src);
		return -1;
	}
	strcpy(dst, src);
	return 0;
}

int igit_open(struct igit *g, const char *git_dir, const char *content, char *err, size_t errlen)
{
	struct buf b;
	char abs_content[PATH_MAX];
	const char *tmpdir = getenv("TMPDIR");
	int rc = -1;

	memset(g, 0, sizeof(*g));
	buf_init(&b, IGIT_MAX_OUT);
	if (git_dir && *git_dir) {
		if (!realpath(git_dir, abs_content)) {
			err_set(err, errlen, "%s: %s / ไม่พบ repository", git_dir, strerror(errno));
			goto out;
		}
		if (set_path(g->git_dir, sizeof g->git_dir, abs_content, err, errlen) != 0 ||
			git_line(g, NULL, &b, err, errlen, "rev-parse", "rev-parse", "--is-bare-repository", NULL, NULL) != 0)
			goto out;
		if (strcmp(buf_str(&b), "true") != 0) {
			if (git_line(g, NULL, &b, err, errlen, "rev-parse", "rev-parse", "--show-toplevel", NULL, NULL) != 0 ||
				set_path(g->work_tree, sizeof g->work_tree, buf_str(&b), err, errlen) != 0)
				goto out;
		}
	} else {
		struct gitrun r;

		if (!realpath(content, abs_content)) {
			err_set(err, errlen, "%s: %s / ไม่พบโฟลเดอร์เนื้อหา", content, strerror(errno));
			goto out;
		}
		memset(&r, 0, sizeof(r));
		r.args[0] = "-C";
		r.args[1] = abs_content;
		r.args[2] = "rev-parse";
		r.args[3] = "--absolute-git-dir";
		r.args[4] = "--show-toplevel";
		r.out = &b;
		if ((rc = gitrun(&r, err, errlen)) != 0) {
			if (rc > 0)
				err_set(err, errlen, "%s is not inside a git repository (give --git-dir) /"
					" โฟลเดอร์เนื้อหาไม่ได้อยู่ใน repository ของ git", content);
			rc = -1;
			goto out;
		}
		gitrun_chomp(&b);
		char *nl = strchr(b.data, '\n');
		if (!nl) {
			err_set(err, errlen, "git rev-parse: unexpected answer / คำตอบของ git ไม่ถูกต้อง");
			goto out;
		}
		*nl = '\0';
		if (set_path(g->git_dir, sizeof g->git_dir, b.data, err, errlen) != 0 ||
			set_path(g->work_tree, sizeof g->work_tree, nl + 1, err, errlen) != 0)
			goto out;
	}
	if (git_line(g, NULL, &b, err, errlen, "symbolic-ref HEAD", "symbolic-ref", "-q", "HEAD", NULL) != 0 ||
		set_path(g->branch, sizeof g->branch, buf_str(&b), err, errlen) != 0)
		goto out;
	/* the content folder inside the repository */
	if (g->work_tree[0] && !(git_dir && *git_dir)) {
		size_t wl = strlen(g->work_tree);
		if (strncmp(abs_content, g->work_tree, wl) != 0 || (abs_content[wl] != '/' && abs_content[wl])) {
			err_set(err, errlen, "%s is not inside the work tree %s / โฟลเดอร์เนื้อหาไม่อยู่ใน work tree",
				abs_content, g->work_tree);
			goto out;
		}
		if (abs_content[wl])
			snprintf(g->prefix, sizeof g->prefix, "%s/", abs_content + wl + 1);
	} else if (git(g, NULL, NULL, NULL, 0, &b, NULL, NULL, err, errlen, "config", "--get",
		       "prongsai.contentdir", (char *)NULL) == 0) {
		gitrun_chomp(&b);
		if (b.len && strcmp(buf_str(&b), ".") != 0)
			snprintf(g->prefix, sizeof g->prefix, "%s/", buf_str(&b));
	} else {
		char spec[300];
		snprintf(spec, sizeof spec, "%s:content/site.yaml", g->branch);
		if (git(g, NULL, NULL, NULL, 0, NULL, NULL, NULL, err, errlen, "cat-file", "-e", spec,
			(char *)NULL) == 0)
			strcpy(g->prefix, "content/");
	}
	snprintf(g->tmp, sizeof g->tmp, "%s/prongsai-import.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(g->tmp)) {
		err_set(err, errlen, "mkdtemp %s: %s / สร้างโฟลเดอร์ชั่วคราวไม่ได้", g->tmp, strerror(errno));
		g->tmp[0] = '\0';
		goto out;
	}
	rc = 0;
out:
	buf_free(&b);
	return rc;
}

void igit_close(struct igit *g)
{
	if (g->tmp[0])
		remove_tree(g->tmp);
	g->tmp[0] = '\0';
}

int igit_tip(const struct igit *g, char tip[41], char *err, size_t errlen)
{
	struct buf b;
	char spec[300];
	int rc;

	buf_init(&b, 4096);
	snprintf(spec, sizeof spec, "%s^{commit}", g->branch);
	rc = git_line(g, NULL, &b, err, errlen, "rev-parse", "rev-parse", "--verify", "-q", spec);
	if (rc == 0)
		rc = copy_oid(tip, buf_str(&b), err, errlen);
	else
		err_set(err, errlen, "%s has no commit yet / สาขายังไม่มี commit", g->branch);
	buf_free(&b);
	return rc;
}

int igit_find_entry(const struct igit *g, long long id, char out[41], int *found, char *err, size_t errlen)
{
	struct buf b;
	char depth[32], want[32];
	const char *p;
	int rc;

	*found = 0;
	buf_init(&b, IGIT_MAX_OUT);
	snprintf(depth, sizeof depth, "-n%d", IGIT_SEARCH_DEPTH);
	snprintf(want, sizeof want, "%lld", id);
	rc = git(g, NULL, NULL, NULL, 0, &b, NULL, NULL, err, errlen, "log", depth,
		 "--format=%H %(trailers:key=" IGIT_TRAILER ",valueonly,separator=%x20)", g->branch, "--",
		 (char *)NULL);
	if (rc != 0) {
		if (rc > 0)
			err_set(err, errlen, "git log failed (exit %d) / คำสั่ง git log ไม่สำเร็จ", rc);
		buf_free(&b);
		return -1;
	}
	/* lines "<oid> [value...]" */
	for (p = buf_str(&b); *p; ) {
		const char *eol = strchr(p, '\n'), *v;
		size_t len = eol ? (size_t)(eol - p) : strlen(p);

		if (len > 41 && is_oid(p)) {
			for (v = p + 41; v < p + len; ) {
				size_t wl = 0;
				while (v + wl < p + len && v[wl] != ' ')
					wl++;
				if (wl == strlen(want) && memcmp(v, want, wl) == 0) {
					memcpy(out, p, 40);
					out[40] = '\0';
					*found = 1;
					buf_free(&b);
					return 0;
				}
				v += wl + 1;
			}
		}
		p += len + (eol ? 1 : 0);
	}
	buf_free(&b);
	return 0;
}

int igit_export(const struct igit *g, const char *tip, const char *dir, char *err, size_t errlen)
{
	char index[PATH_MAX + 32], spec[PATH_MAX + 64];
	int rc, created;

	snprintf(index, sizeof index, "%s/export.index", g->tmp);
	if (g->prefix[0])
		snprintf(spec, sizeof spec, "%s:%.*s", tip, (int)strlen(g->prefix) - 1, g->prefix);
	else
		snprintf(spec, sizeof spec, "%s^{tree}", tip);
	unlink(index);
	if (fs_mkdirs(dir, 0700, &created, err, errlen) != 0)
		return -1;
	rc = git(g, NULL, index, NULL, 0, NULL, NULL, NULL, err, errlen, "read-tree", spec, (char *)NULL);
	if (rc == 0)
		rc = git(g, dir, index, NULL, 0, NULL, NULL, NULL, err, errlen, "checkout-index", "-a", "-f",
			 (char *)NULL);
	unlink(index);
	if (rc > 0)
		err_set(err, errlen, "git could not write out %s (exit %d) / แตกไฟล์จาก git ไม่ได้", spec, rc);
	return rc == 0 ? 0 : -1;
}

int igit_commit(const struct igit *g, const char *tip, const struct iq_file *files, size_t n,
		const struct igit_who *author, const struct igit_who *committer, const char *message,
		char out[41], int *unchanged, char *err, size_t errlen)
{
	struct buf b, info;
	char index[PATH_MAX + 32], tree[41], old_tree[41], spec[64];
	char an[600], ae[600], ad[64], cn[600], ce[600], cd[64];
	const char *env[7];
	size_t i;
	int rc = -1;

	*unchanged = 0;
	buf_init(&b, IGIT_MAX_OUT);
	buf_init(&info, IGIT_MAX_OUT);
	snprintf(index, sizeof index, "%s/commit.index", g->tmp);
	unlink(index);
	if (git(g, NULL, index, NULL, 0, NULL, NULL, NULL, err, errlen, "read-tree", tip, (char *)NULL) != 0) {
		err_set(err, errlen, "git read-tree %s failed / อ่าน commit ไม่ได้", tip);
		goto out;
	}
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		if (git(g, NULL, NULL, files[i].data, files[i].len, &b, NULL, NULL, err, errlen, "hash-object", "-w",
			"--stdin", (char *)NULL) != 0) {
			err_set(err, errlen, "git hash-object failed / เขียน object ไม่ได้");
			goto out;
		}
		/* update-index -z --index-info: "mode SP sha TAB path NUL" */
		buf_printf(&info, "100644 %.40s\t%s%s", buf_str(&b), g->prefix, files[i].path);
		buf_addc(&info, '\0');
		if (!is_oid(buf_str(&b)) || info.err) {
			err_set(err, errlen, "git hash-object: no object id / ไม่ได้รหัส object");
			goto out;
		}
	}
	if (git(g, NULL, index, info.data, info.len, NULL, NULL, NULL, err, errlen, "update-index", "-z",
		"--index-info", (char *)NULL) != 0) {
		err_set(err, errlen, "git update-index failed / ปรับ index ชั่วคราวไม่ได้");
		goto out;
	}
	buf_reset(&b);
	if (git(g, NULL, index, NULL, 0, &b, NULL, NULL, err, errlen, "write-tree", (char *)NULL) != 0 ||
		copy_oid(tree, buf_str(&b), err, errlen) != 0)
		goto out;
	snprintf(spec, sizeof spec, "%s^{tree}", tip);
	if (git_line(g, NULL, &b, err, errlen, "rev-parse", "rev-parse", spec, NULL, NULL) != 0 ||
		copy_oid(old_tree, buf_str(&b), err, errlen) != 0)
		goto out;
	if (strcmp(tree, old_tree) == 0) {
		*unchanged = 1;
		rc = 0;
		goto out;
	}
	snprintf(an, sizeof an, "GIT_AUTHOR_NAME=%s", author->name);
	snprintf(ae, sizeof ae, "GIT_AUTHOR_EMAIL=%s", author->email);
	snprintf(ad, sizeof ad, "GIT_AUTHOR_DATE=@%lld +0700", author->when);
	snprintf(cn, sizeof cn, "GIT_COMMITTER_NAME=%s", committer->name);
	snprintf(ce, sizeof ce, "GIT_COMMITTER_EMAIL=%s", committer->email);
	snprintf(cd, sizeof cd, "GIT_COMMITTER_DATE=@%lld +0700", committer->when);
	env[0] = an, env[1] = ae, env[2] = ad, env[3] = cn, env[4] = ce, env[5] = cd, env[6] = NULL;
	buf_reset(&b);
	if (git(g, NULL, NULL, message, strlen(message), &b, NULL, env, err, errlen, "commit-tree", tree, "-p",
		tip, "-F", "-", (char *)NULL) != 0) {
		err_set(err, errlen, "git commit-tree failed / สร้าง commit ไม่ได้");
		goto out;
	}
	rc = copy_oid(out, buf_str(&b), err, errlen);
out:
	unlink(index);
	buf_free(&b);
	buf_free(&info);
	return rc;
}

/* The repository's pre-receive hook, if it has an executable one. */
static int hook_path(const struct igit *g, char *path, size_t len, char *err, size_t errlen)
{
	struct buf b;
	int rc;

	buf_init(&b, 4096);
	rc = git_line(g, NULL, &b, err, errlen, "rev-parse", "rev-parse", "--git-path", "hooks/pre-receive", NULL);
	if (rc == 0) {
		int w = buf_str(&b)[0] != '/' ? snprintf(path, len, "%s/%s", g->git_dir, buf_str(&b))
					       : snprintf(path, len, "%s", buf_str(&b));
		if (w < 0 || (size_t)w >= len) {
			err_set(err, errlen, "path too long / path ยาวเกิน");
			rc = -1;
		}
	}
	buf_free(&b);
	return rc;
}

int igit_land(const struct igit *g, const char *tip, const char *commit, struct buf *hook_out,
	      enum igit_landed *result, char *err, size_t errlen)
{
	char now[41], refspec[400], hook[PATH_MAX], gd_env[PATH_MAX + 16], line[600];
	int rc;

	if (igit_tip(g, now, err, errlen) != 0)
		return -1;
	if (strcmp(now, tip) != 0) {
		*result = IGIT_MOVED;
		return 0;
	}
	if (!g->work_tree[0]) {
		/* bare: a push into itself runs its hooks as for anyone's push */
		snprintf(refspec, sizeof refspec, "%s:%s", commit, g->branch);
		rc = git(g, NULL, NULL, NULL, 0, NULL, hook_out, NULL, err, errlen, "push", "--quiet", g->git_dir,
			 refspec, (char *)NULL);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			*result = IGIT_LANDED;
			return 0;
		}
		if (igit_tip(g, now, err, errlen) != 0)
			return -1;
		*result = strcmp(now, tip) != 0 ? IGIT_MOVED : IGIT_REFUSED;
		return 0;
	}
	/* a checkout: its own pre-receive hook, then update-ref with the old value */
	if (hook_path(g, hook, sizeof hook, err, errlen) != 0)
		return -1;
	if (access(hook, X_OK) == 0) {
		struct gitrun r;

		/* as git runs hooks: in the git directory, with GIT_DIR set */
		memset(&r, 0, sizeof(r));
		r.prog = "/bin/sh";
		r.args[0] = "-c";
		r.args[1] = "cd \"$0\" && exec \"$1\"";
		r.args[2] = g->git_dir;
		r.args[3] = hook;
		snprintf(gd_env, sizeof gd_env, "GIT_DIR=%s", g->git_dir);
		r.env[0] = gd_env;
		snprintf(line, sizeof line, "%s %s %s\n", tip, commit, g->branch);
		r.in = line;
		r.in_len = strlen(line);
		r.err = hook_out;
		r.out = hook_out;
		rc = gitrun(&r, err, errlen);
		if (rc < 0)
			return -1;
		if (rc != 0) {
			*result = IGIT_REFUSED;
			return 0;
		}
	}
	rc = git(g, NULL, NULL, NULL, 0, NULL, hook_out, NULL, err, errlen, "update-ref", "-m",
		 "prongsai import", g->branch, commit, tip, (char *)NULL);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		*result = IGIT_LANDED;
		return 0;
	}
	if (igit_tip(g, now, err, errlen) != 0)
		return -1;
	if (strcmp(now, tip) != 0) {
		*result = IGIT_MOVED;
		return 0;
	}
	err_set(err, errlen, "git update-ref %s failed (exit %d) / เลื่อนสาขาไม่ได้", g->branch, rc);
	return -1;
}

/* Write data to path through a temporary file beside it and rename. */
static int write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
	char tmp[PATH_MAX + 32], dir[PATH_MAX];
	int fd, created;

	if (fs_parent(path, dir, sizeof dir, err, errlen) != 0 || fs_mkdirs(dir, 0755, &created, err, errlen) != 0)
		return -1;
	snprintf(tmp, sizeof tmp, "%s.import-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		err_set(err, errlen, "%s: %s / เขียนไฟล์ไม่ได้", path, strerror(errno));
		return -1;
	}
	if (fd_write_all(fd, data, len) != 0 || fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
		err_set(err, errlen, "%s: %s / เขียนไฟล์ไม่ได้", path, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	if (rename(tmp, path) != 0) {
		err_set(err, errlen, "%s: %s / เขียนไฟล์ไม่ได้", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int igit_sync_worktree(const struct igit *g, const struct iq_file *files, size_t n, char *err, size_t errlen)
{
	struct buf paths;
	char path[PATH_MAX];
	size_t i;
	int rc;

	if (!g->work_tree[0])
		return 0;
	buf_init(&paths, IGIT_MAX_OUT);
	for (i = 0; i < n; i++) {
		if (snprintf(path, sizeof path, "%s/%s%s", g->work_tree, g->prefix, files[i].path) >= (int)sizeof path) {
			err_set(err, errlen, "path too long / path ยาวเกิน");
			buf_free(&paths);
			return -1;
		}
		if (write_atomic(path, files[i].data, files[i].len, err, errlen) != 0) {
			buf_free(&paths);
			return -1;
		}
		buf_printf(&paths, "%s%s", g->prefix, files[i].path);
		buf_addc(&paths, '\0');
	}
	/* the index entries as in the new commit (paths relative to the top) */
	rc = git(g, g->work_tree, NULL, paths.data, paths.len, NULL, NULL, NULL, err, errlen, "-C", g->work_tree,
		 "update-index", "--add", "-z", "--stdin", (char *)NULL);
	buf_free(&paths);
	if (rc != 0) {
		if (rc > 0)
			err_set(err, errlen, "git update-index failed (exit %d) / ปรับ index ไม่ได้", rc);
		return -1;
	}
	return 0;
}
