/* sandbox.c: see sandbox.h.  _GNU_SOURCE: for syscall numbers, prctl(2)
 * and the seccomp/BPF headers, which are Linux-specific. */
#define _GNU_SOURCE
#include "sandbox.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#define HAVE_SECCOMP 1
#if defined(__x86_64__)
#define SANDBOX_ARCH AUDIT_ARCH_X86_64
#else
#define SANDBOX_ARCH AUDIT_ARCH_AARCH64
#endif
#endif

#if defined(__SANITIZE_ADDRESS__)
#define SANDBOX_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANDBOX_SANITIZED 1
#endif
#endif

#ifdef HAVE_SECCOMP
#ifdef SANDBOX_SANITIZED
#define DENY (SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA))
#else
#define DENY SECCOMP_RET_KILL_PROCESS
#endif

#define ARG_LO(n) (offsetof(struct seccomp_data, args[n]))
#define ARG_HI(n) (offsetof(struct seccomp_data, args[n]) + 4) /* little-endian */
#define LOAD(off) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (off))
#define RET(v) BPF_STMT(BPF_RET | BPF_K, (v))
/* if nr == n, allow */
#define ALLOW_NR(n) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (n), 0, 1), RET(SECCOMP_RET_ALLOW)

int sandbox_enter(int in_fd, int out_fd)
{
	struct sock_filter f[] = {
		LOAD(offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SANDBOX_ARCH, 1, 0),
		RET(SECCOMP_RET_KILL_PROCESS),
		LOAD(offsetof(struct seccomp_data, nr)),
		/* read(in_fd, ...); jump offsets count from the next instruction */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_read, 0, 6),
		LOAD(ARG_HI(0)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 2),
		LOAD(ARG_LO(0)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)in_fd, 1, 0),
		RET(DENY),
		RET(SECCOMP_RET_ALLOW),
		/* write(out_fd or 2, ...) */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_write, 0, 7),
		LOAD(ARG_HI(0)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 3),
		LOAD(ARG_LO(0)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)out_fd, 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 2, 1, 0),
		RET(DENY),
		RET(SECCOMP_RET_ALLOW),
		/* mmap of anonymous memory only (no inherited file, such as
		 * SQLite's WAL index), never executable */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_mmap, 0, 6),
		LOAD(ARG_LO(2)),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, PROT_EXEC, 3, 0),
		LOAD(ARG_LO(3)),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, MAP_ANONYMOUS, 0, 1),
		RET(SECCOMP_RET_ALLOW),
		RET(DENY),
		ALLOW_NR(SYS_brk),
		ALLOW_NR(SYS_munmap),
		ALLOW_NR(SYS_mremap),
		ALLOW_NR(SYS_madvise),
		ALLOW_NR(SYS_close),
		ALLOW_NR(SYS_fstat),
		ALLOW_NR(SYS_newfstatat),
		ALLOW_NR(SYS_clock_gettime),
		ALLOW_NR(SYS_rt_sigreturn),
		ALLOW_NR(SYS_exit),
		ALLOW_NR(SYS_exit_group),
#ifdef SANDBOX_SANITIZED
		/* ASan checks its signal stack before every noreturn call */
		ALLOW_NR(SYS_sigaltstack),
		ALLOW_NR(SYS_gettid),
		ALLOW_NR(SYS_getpid),
#endif
		RET(DENY),
	};
	struct sock_fprog prog = { .len = (unsigned short)(sizeof f / sizeof f[0]), .filter = f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
		return -1;
	return 0;
}
#else
int sandbox_enter(int in_fd, int out_fd)
{
	(void)in_fd;
	(void)out_fd;
	return -1;
}
#endif

unsigned sandbox_time_limit(size_t content_length)
{
	return 30 + (unsigned)(content_length / SANDBOX_SLOW_RATE);
}

/* Limits that hold even without seccomp: wall and CPU time, no files written, no
 * new processes; address space too, except under the sanitizers (their
 * shadow memory needs terabytes of it). */
static void child_limits(unsigned wall_seconds)
{
	struct rlimit rl;

	alarm(wall_seconds); /* a body that never comes (timers are not inherited) */
	rl.rlim_cur = rl.rlim_max = 10;
	setrlimit(RLIMIT_CPU, &rl);
	rl.rlim_cur = rl.rlim_max = 0;
	setrlimit(RLIMIT_FSIZE, &rl);
#ifndef SANDBOX_SANITIZED
	rl.rlim_cur = rl.rlim_max = 1024UL << 20;
	setrlimit(RLIMIT_AS, &rl);
#endif
}

#define EXIT_NO_SECCOMP 3 /* the child's status when it may not run unsandboxed */

int sandbox_run(int (*fn)(void *arg, int fd), void *arg, int allow_unsandboxed, unsigned wall_seconds,
		struct buf *out, const char **why)
{
	int fds[2], status, rc = 0;
	pid_t pid;
	char chunk[65536];
	ssize_t n;

	*why = "";
	if (pipe(fds) != 0) {
		*why = "pipe failed";
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		*why = "fork failed";
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		child_limits(wall_seconds);
		if (sandbox_enter(0, fds[1]) != 0 && !allow_unsandboxed)
			_exit(EXIT_NO_SECCOMP);
		_exit(fn(arg, fds[1]) == 0 ? 0 : 1);
	}
	close(fds[1]);
	for (;;) {
		n = read(fds[0], chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (rc == 0 && buf_add(out, chunk, (size_t)n) != BUF_OK) {
			*why = "child's output too big";
			rc = -1;
			kill(pid, SIGKILL);
		}
	}
	if (n < 0 && rc == 0) {
		*why = "reading the child's output failed";
		rc = -1;
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			*why = "waitpid failed";
			return -1;
		}
	}
	if (rc < 0)
		return -1;
	if (WIFSIGNALED(status)) {
		*why = WTERMSIG(status) == SIGSYS ? "child killed by the seccomp filter" : "child killed by a signal";
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_NO_SECCOMP) {
		*why = "the seccomp sandbox could not be installed (PRONGSAI_ALLOW_UNSANDBOXED=1 allows it)";
		return SANDBOX_UNAVAILABLE;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*why = "child failed";
		return -1;
	}
	return 0;
}
