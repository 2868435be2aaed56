/* Unit tests of collector/sandbox.c: the parser child can read its input
 * and write its result, and nothing else.
 * _DEFAULT_SOURCE: MAP_ANONYMOUS (not in POSIX.1-2008). */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "buf.h"
#include "sandbox.h"
#include "formcheck.h"

static int echo(void *arg, int fd)
{
	const char *msg = arg;

	return write(fd, msg, strlen(msg)) == (ssize_t)strlen(msg) ? 0 : -1;
}

static int opens_a_file(void *arg, int fd)
{
	int f;

	(void)arg;
	f = open("/etc/hostname", O_RDONLY);
	if (f >= 0) {
		if (write(fd, "opened", 6) != 6)
			return -1;
		return 0;
	}
	return -1; /* refused with EPERM (sanitizer builds): fail */
}

static int writes_stdout(void *arg, int fd)
{
	(void)arg;
	(void)fd;
	return write(1, "leak\n", 5) == 5 ? 0 : -1;
}

static int forks(void *arg, int fd)
{
	pid_t p;

	(void)arg;
	(void)fd;
	p = fork();
	if (p == 0)
		_exit(0);
	return p > 0 ? 0 : -1;
}

/* maps an inherited file (arg: its descriptor) */
static int maps_a_file(void *arg, int fd)
{
	void *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, *(int *)arg, 0);

	(void)fd;
	return p == MAP_FAILED ? -1 : 0;
}

static int maps_memory(void *arg, int fd)
{
	char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	(void)arg;
	if (p == MAP_FAILED)
		return -1;
	p[12345] = 'x';
	return write(fd, p + 12345, 1) == 1 ? 0 : -1;
}

static int big(void *arg, int fd)
{
	static char chunk[4096];
	int i;

	(void)arg;
	for (i = 0; i < 64; i++)
		if (write(fd, chunk, sizeof chunk) != (ssize_t)sizeof chunk)
			return -1;
	return 0;
}

int main(void)
{
	struct buf out;
	const char *why;

	buf_init(&out, 1024);
	/* issue 19.10: the limit follows the body at a slow phone's rate */
	CHECK_INT(sandbox_time_limit(0), 30);
	CHECK_INT(sandbox_time_limit(6500000), 30 + 6500000 / SANDBOX_SLOW_RATE); /* 6.2 MB at 100 KB/s took 62 s */
	CHECK(sandbox_time_limit(6500000) > 6500000 / (100 * 1024) + 10);
	CHECK(sandbox_time_limit(16000000) >= 16000000 / (50 * 1024)); /* the largest default body */
	CHECK(sandbox_time_limit(FC_HARD_MAX_BODY) >= (unsigned)(FC_HARD_MAX_BODY / (50 * 1024)));
	CHECK_INT(sandbox_run(echo, "hello", 0, 60, &out, &why), 0);
	CHECK_STR(buf_str(&out), "hello");
	buf_reset(&out);
	CHECK_INT(sandbox_run(opens_a_file, NULL, 0, 60, &out, &why), -1);
	CHECK_STR(buf_str(&out), "");
	printf("open: %s\n", why);
	CHECK_INT(sandbox_run(writes_stdout, NULL, 0, 60, &out, &why), -1);
	printf("stdout: %s\n", why);
	CHECK_INT(sandbox_run(forks, NULL, 0, 60, &out, &why), -1);
	printf("fork: %s\n", why);
	{
		int file = open("/etc/hostname", O_RDONLY);

		CHECK(file >= 0);
		CHECK_INT(sandbox_run(maps_a_file, &file, 0, 60, &out, &why), -1);
		printf("mmap a file: %s\n", why);
		close(file);
	}
	buf_reset(&out);
	CHECK_INT(sandbox_run(maps_memory, NULL, 0, 60, &out, &why), 0);
	CHECK_STR(buf_str(&out), "x");
	buf_reset(&out);
	CHECK_INT(sandbox_run(big, NULL, 0, 60, &out, &why), -1); /* past the output cap */
	CHECK(strstr(why, "too big") != NULL);
	buf_reset(&out);
	CHECK_INT(sandbox_run(echo, "still fine", 0, 60, &out, &why), 0);
	CHECK_STR(buf_str(&out), "still fine");
	buf_free(&out);
	return CHECK_RESULT();
}
