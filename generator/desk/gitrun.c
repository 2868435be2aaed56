/* gitrun.c: run git (see gitrun.h). */
#define _DEFAULT_SOURCE
#include "desk/gitrun.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errmsg.h"

extern char **environ;

#define ENV_MAX 1024 /* variables of our environment passed on */

static const char *const dropped[] = {
	"GIT_DIR=", "GIT_WORK_TREE=", "GIT_INDEX_FILE=", "GIT_OBJECT_DIRECTORY=",
	"GIT_ALTERNATE_OBJECT_DIRECTORIES=", "GIT_CEILING_DIRECTORIES=", "GIT_NAMESPACE=",
	"GIT_COMMON_DIR=", "GIT_PREFIX=", "GIT_QUARANTINE_PATH=",
};

static int is_dropped(const char *var)
{
	size_t i;

	for (i = 0; i < sizeof(dropped) / sizeof(dropped[0]); i++)
		if (strncmp(var, dropped[i], strlen(dropped[i])) == 0)
			return 1;
	return 0;
}

void gitrun_chomp(struct buf *b)
{
	while (b->len && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == '\r'))
		b->data[--b->len] = '\0';
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Move data between the child's pipes until its stdout and stderr close.
 * Returns 0, or -1 when an output did not fit (then the rest is drained). */
static int pump(const struct gitrun *g, int *in_fd, int *out_fd, int *err_fd)
{
	size_t done = 0;
	int overflow = 0;
	char chunk[16384];

	while (*in_fd >= 0 || *out_fd >= 0 || *err_fd >= 0) {
		struct pollfd p[3];
		int n = 0, k;

		if (*in_fd >= 0)
			p[n++] = (struct pollfd){ *in_fd, POLLOUT, 0 };
		if (*out_fd >= 0)
			p[n++] = (struct pollfd){ *out_fd, POLLIN, 0 };
		if (*err_fd >= 0)
			p[n++] = (struct pollfd){ *err_fd, POLLIN, 0 };
		if (poll(p, (nfds_t)n, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (k = 0; k < n; k++) {
			ssize_t r;

			if (!p[k].revents)
				continue;
			if (p[k].fd == *in_fd) {
				r = write(*in_fd, (const char *)g->in + done, g->in_len - done);
				if (r < 0 && errno != EINTR && errno != EAGAIN)
					close_fd(in_fd); /* EPIPE: the child stopped reading */
				else if (r > 0 && (done += (size_t)r) == g->in_len)
					close_fd(in_fd);
				continue;
			}
			r = read(p[k].fd, chunk, sizeof chunk);
			if (r < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (r <= 0) {
				if (p[k].fd == *out_fd)
					close_fd(out_fd);
				else
					close_fd(err_fd);
				continue;
			}
			struct buf *b = p[k].fd == *out_fd ? g->out : g->err;
			if (b && buf_add(b, chunk, (size_t)r) != BUF_OK)
				overflow = 1;
		}
	}
	return overflow ? -1 : 0;
}

static int cloexec_pipe(int p[2])
{
	if (pipe(p) != 0)
		return -1;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

int gitrun(const struct gitrun *g, char *err, size_t errlen)
{
	const char *argv[GITRUN_MAX_ARGS + 2];
	char *envp[ENV_MAX + GITRUN_MAX_ENV + 1];
	int in_p[2] = { -1, -1 }, out_p[2] = { -1, -1 }, err_p[2] = { -1, -1 };
	posix_spawn_file_actions_t fa;
	size_t n = 0, i;
	pid_t pid;
	int rc, status, bad;
	const char *prog = g->prog ? g->prog : "git";

	argv[n++] = prog;
	for (i = 0; g->args[i]; i++) {
		assert(i < GITRUN_MAX_ARGS);
		argv[n++] = g->args[i];
	}
	argv[n] = NULL;
	n = 0;
	for (i = 0; environ[i] && n < ENV_MAX; i++)
		if (!is_dropped(environ[i]))
			envp[n++] = environ[i];
	for (i = 0; g->env[i]; i++) {
		assert(i < GITRUN_MAX_ENV);
		envp[n++] = (char *)g->env[i];
	}
	envp[n] = NULL;

	if ((g->in && cloexec_pipe(in_p) != 0) || (g->out && cloexec_pipe(out_p) != 0) ||
		(g->err && cloexec_pipe(err_p) != 0)) {
		err_set(err, errlen, "pipe: %s", strerror(errno));
		rc = -1;
		goto out;
	}
	posix_spawn_file_actions_init(&fa);
	if (g->in)
		posix_spawn_file_actions_adddup2(&fa, in_p[0], 0);
	else
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (g->out)
		posix_spawn_file_actions_adddup2(&fa, out_p[1], 1);
	else
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (g->err)
		posix_spawn_file_actions_adddup2(&fa, err_p[1], 2);
	rc = g->prog ? posix_spawn(&pid, prog, &fa, NULL, (char *const *)argv, envp)
		     : posix_spawnp(&pid, prog, &fa, NULL, (char *const *)argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		err_set(err, errlen, "cannot run %s: %s / เรียกโปรแกรมไม่ได้", prog, strerror(rc));
		rc = -1;
		goto out;
	}
	close_fd(&in_p[0]);
	close_fd(&out_p[1]);
	close_fd(&err_p[1]);
	if (g->in && g->in_len == 0)
		close_fd(&in_p[1]);
	bad = pump(g, &in_p[1], &out_p[0], &err_p[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			err_set(err, errlen, "waitpid: %s", strerror(errno));
			rc = -1;
			goto out;
		}
	if (bad) {
		err_set(err, errlen, "%s %s: output too long / ผลลัพธ์ยาวเกิน", prog, g->args[0] ? g->args[0] : "");
		rc = -1;
		goto out;
	}
	rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
out:
	for (i = 0; i < 2; i++) {
		close_fd(&in_p[i]);
		close_fd(&out_p[i]);
		close_fd(&err_p[i]);
	}
	return rc;
}
