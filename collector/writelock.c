/* writelock.c: see writelock.h. */
#include "writelock.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

int writelock_open(const char *db_path)
{
	char path[4096];
	int n;

	if (!db_path)
		return -1;
	n = snprintf(path, sizeof path, "%s-writer", db_path);
	if (n < 0 || (size_t)n >= sizeof path)
		return -1;
	return open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
}

/* SIGALRM only interrupts the wait (no SA_RESTART). */
static void on_alarm(int sig)
{
	(void)sig;
}

int writelock_acquire(int fd, int ms)
{
	struct sigaction sa, old_sa;
	struct itimerval t, old_t, zero;
	struct flock fl;
	int rc, err;

	if (fd < 0 || ms <= 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	memset(&zero, 0, sizeof zero);
	memset(&t, 0, sizeof t);
	t.it_value.tv_sec = ms / 1000;
	t.it_value.tv_usec = (ms % 1000) * 1000;
	if (sigaction(SIGALRM, &sa, &old_sa) != 0)
		return -1;
	if (setitimer(ITIMER_REAL, &t, &old_t) != 0) {
		sigaction(SIGALRM, &old_sa, NULL);
		return -1;
	}
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	rc = fcntl(fd, F_SETLKW, &fl);
	err = errno;
	/* disarm before the handler goes, then give the caller its timer back */
	setitimer(ITIMER_REAL, &zero, NULL);
	sigaction(SIGALRM, &old_sa, NULL);
	setitimer(ITIMER_REAL, &old_t, NULL);
	if (rc == 0)
		return 0;
	return err == EINTR ? 1 : -1;
}

void writelock_release(int fd)
{
	struct flock fl;

	if (fd < 0)
		return;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_UNLCK;
	fl.l_whence = SEEK_SET;
	fcntl(fd, F_SETLK, &fl);
}
