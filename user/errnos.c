/*
 * user/errnos.c - every system call mm386 serves, called wrongly on purpose.
 *
 * Each line is one call and what the kernel answered: "-1 EFAULT", or a
 * number, or "ok" where the number itself differs between kernels (an
 * address).  The same static program runs on mm386 and on Linux (natively
 * on an x86-64 host that runs i386 programs, or under qemu-i386), and
 * tests/host/test_errnos.py compares the two outputs line by line: the
 * errnos must be Linux's.
 *
 *   bad pointers: for every call that takes one, NULL, an unmapped address
 *                 (0x50000000), the kernel's first byte (0xc0000000) and a
 *                 range that starts 2 bytes below 3 GB and crosses into
 *                 the kernel: -EFAULT, never an oops;
 *   bad numbers:  descriptors, lengths, flags, clocks, limits;
 *   memory:       mmap2, munmap, mprotect with bad ranges and flags, brk
 *                 below its start and into another mapping.
 *
 * The system calls are made with syscall(2), by number, so that glibc's
 * wrappers add nothing.  Only calls that fail before they could block are
 * made: nothing here reads the console.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#define NULLP		0x00000000UL
#define UNMAPPED	0x50000000UL
#define KERNEL		0xc0000000UL
#define CROSSING	0xbffffffeUL	/* 2 bytes below 3 GB, then the kernel */
#define PG		4096UL

static const unsigned long bad[] = { NULLP, UNMAPPED, KERNEL, CROSSING };
static const char *const bad_name[] = { "NULL", "unmapped", "kernel", "crossing" };
#define NR_BAD	4

// One line: what was called and what came back.
static void show(const char *what, long ret)
{
	if (ret == -1)
		printf("%-58s -1 %s\n", what, strerrorname_np(errno));
	else
		printf("%-58s %ld\n", what, ret);
	fflush(stdout);
}

// The same, for a call whose success value differs between kernels.
static void show_ok(const char *what, long ret)
{
	if (ret == -1)
		show(what, ret);
	else
		printf("%-58s ok\n", what);
	fflush(stdout);
}

static void yesno(const char *what, int yes)
{
	printf("%-58s %s\n", what, yes ? "yes" : "no");
	fflush(stdout);
}

static long sc(long nr, long a, long b, long c, long d, long e)
{
	errno = 0;
	return syscall(nr, a, b, c, d, e, 0);
}

static long mmap2(unsigned long addr, unsigned long len, int prot, int flags, int fd,
		  unsigned long pgoff)
{
	errno = 0;
	return syscall(SYS_mmap2, addr, len, prot, flags, fd, pgoff);
}

/*
 * The page below 3 GB must hold non-NUL bytes for the "crossing" strings:
 * on i386 it is the stack's top page; where a 32-bit program's space goes
 * to 4 GB (x86-64) it is mapped here.
 */
static void prepare_crossing(void)
{
	volatile char *top;

	mmap2(KERNEL - PG, PG, PROT_READ | PROT_WRITE,
	      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	top = (volatile char *)CROSSING;
	top[0] = 'x';
	top[1] = 'x';
}

static char exe[256];
static int exe_fd;

// Every pointer argument of every call, each bad pointer in turn.
static void bad_pointers(void)
{
	static char buf[512] __attribute__((aligned(16)));
	char what[96];
	int i;

	for (i = 0; i < NR_BAD; i++) {
		long p = bad[i];
		const char *n = bad_name[i];
		long iov[2] = { p, 16 };

#define T(fmt, call) do { snprintf(what, sizeof(what), fmt, n); show(what, call); } while (0)
		T("read(file, %s, 16)", sc(SYS_read, exe_fd, p, 16, 0, 0));
		T("write(1, %s, 16)", sc(SYS_write, 1, p, 16, 0, 0));
		T("readv(file, %s, 1)", sc(SYS_readv, exe_fd, p, 1, 0, 0));
		T("writev(1, %s, 1)", sc(SYS_writev, 1, p, 1, 0, 0));
		T("readv(file, {%s, 16}, 1)", sc(SYS_readv, exe_fd, (long)iov, 1, 0, 0));
		T("writev(1, {%s, 16}, 1)", sc(SYS_writev, 1, (long)iov, 1, 0, 0));
		T("open(%s, O_RDONLY)", sc(SYS_open, p, O_RDONLY, 0, 0, 0));
		T("openat(AT_FDCWD, %s, O_RDONLY)", sc(SYS_openat, AT_FDCWD, p, O_RDONLY, 0, 0));
		T("execve(%s, NULL, NULL)", sc(SYS_execve, p, 0, 0, 0, 0));
		if (p)		/* a NULL argv is allowed: it would run the program */
			T("execve(exe, %s, NULL)", sc(SYS_execve, (long)exe, p, 0, 0, 0));
		T("readlink(%s, buf, 64)", sc(SYS_readlink, p, (long)buf, 64, 0, 0));
		T("readlink(\"/proc/self/exe\", %s, 64)",
		  sc(SYS_readlink, (long)"/proc/self/exe", p, 64, 0, 0));
		T("uname(%s)", sc(SYS_uname, p, 0, 0, 0, 0));
		T("ugetrlimit(RLIMIT_STACK, %s)", sc(SYS_ugetrlimit, 3, p, 0, 0, 0));
		T("getrlimit(RLIMIT_STACK, %s)", sc(SYS_getrlimit, 3, p, 0, 0, 0));
		T("prlimit64(0, RLIMIT_STACK, NULL, %s)", sc(SYS_prlimit64, 0, 3, 0, p, 0));
		if (p)
			T("prlimit64(0, RLIMIT_STACK, %s, NULL)", sc(SYS_prlimit64, 0, 3, p, 0, 0));
		T("getrandom(%s, 16, 0)", sc(SYS_getrandom, p, 16, 0, 0, 0));
		T("clock_gettime(CLOCK_MONOTONIC, %s)", sc(SYS_clock_gettime, 1, p, 0, 0, 0));
		T("clock_gettime64(CLOCK_MONOTONIC, %s)", sc(SYS_clock_gettime64, 1, p, 0, 0, 0));
		T("getrusage(RUSAGE_SELF, %s)", sc(SYS_getrusage, 0, p, 0, 0, 0));
		T("sysinfo(%s)", sc(SYS_sysinfo, p, 0, 0, 0, 0));
		if (p)		/* times(NULL) is allowed: it returns the ticks */
			T("times(%s)", sc(SYS_times, p, 0, 0, 0, 0));
		if (!p)		/* the good call, for comparison */
			show("statx(file, \"\", AT_EMPTY_PATH, 0x7ff, buf)",
			     sc(SYS_statx, exe_fd, (long)"", AT_EMPTY_PATH, 0x7ff, (long)buf));
		if (p) {
			T("gettimeofday(%s, NULL)", sc(SYS_gettimeofday, p, 0, 0, 0, 0));
			T("gettimeofday(tv, %s)", sc(SYS_gettimeofday, (long)buf, p, 0, 0, 0));
			T("time(%s)", sc(SYS_time, p, 0, 0, 0, 0));
			T("fstat64(1, %s)", sc(SYS_fstat64, 1, p, 0, 0, 0));
			T("statx(file, \"\", AT_EMPTY_PATH, 0x7ff, %s)",
			  sc(SYS_statx, exe_fd, (long)"", AT_EMPTY_PATH, 0x7ff, p));
			T("statx(AT_FDCWD, %s, AT_EMPTY_PATH, 0x7ff, buf)",
			  sc(SYS_statx, AT_FDCWD, p, AT_EMPTY_PATH, 0x7ff, (long)buf));
		}
		T("nanosleep(%s, NULL)", sc(SYS_nanosleep, p, 0, 0, 0, 0));
		T("clock_nanosleep_time64(CLOCK_MONOTONIC, 0, %s, NULL)",
		  sc(SYS_clock_nanosleep_time64, 1, 0, p, 0, 0));
		T("clock_nanosleep(CLOCK_MONOTONIC, 0, %s, NULL)",
		  sc(SYS_clock_nanosleep, 1, 0, p, 0, 0));
		T("set_thread_area(%s)", sc(SYS_set_thread_area, p, 0, 0, 0, 0));
		T("get_thread_area(%s)", sc(SYS_get_thread_area, p, 0, 0, 0, 0));
		T("ioctl(1, TCGETS, %s)", sc(SYS_ioctl, 1, 0x5401, p, 0, 0));
		T("ioctl(1, TIOCGWINSZ, %s)", sc(SYS_ioctl, 1, 0x5413, p, 0, 0));
		T("mmap(%s) (old_mmap's argument block)", sc(SYS_mmap, p, 0, 0, 0, 0));
#undef T
	}
}

// A child that exits at once, for the wait4 cases; its PID.
static long child(void)
{
	long pid = sc(SYS_fork, 0, 0, 0, 0, 0);

	if (pid == 0)
		syscall(SYS_exit, 7);
	return pid;
}

static void processes(void)
{
	long pid;

	show("wait4(-1, NULL, 0, NULL), no children", sc(SYS_wait4, -1, 0, 0, 0, 0));
	show("wait4(-1, NULL, WNOHANG, kernel rusage), no children",
	     sc(SYS_wait4, -1, 0, WNOHANG, KERNEL, 0));
	show("wait4(-1, NULL, 0x1000 (unknown option), NULL)", sc(SYS_wait4, -1, 0, 0x1000, 0, 0));
	show("waitpid(-1, NULL, WNOHANG), no children", sc(SYS_waitpid, -1, 0, WNOHANG, 0, 0));
	pid = child();
	yesno("fork() gives a child", pid > 0);
	show("wait4(child, kernel status, 0, NULL)", sc(SYS_wait4, pid, KERNEL, 0, 0, 0));
	show("wait4(child, NULL, 0, NULL): reaped by the status call", sc(SYS_wait4, pid, 0, 0, 0, 0));
	pid = child();
	show("wait4(child, NULL, 0, unmapped rusage)", sc(SYS_wait4, pid, 0, 0, UNMAPPED, 0) == -1 ?
	     -1 : 0);
	show("wait4(child, NULL, 0, NULL): reaped by the rusage call", sc(SYS_wait4, pid, 0, 0, 0, 0));
	show("clone(CLONE_SIGHAND | SIGCHLD) without CLONE_VM",
	     sc(SYS_clone, 0x800 | SIGCHLD, 0, 0, 0, 0));
	show("execve(\"/no/such/file\", NULL, NULL)", sc(SYS_execve, (long)"/no/such/file", 0, 0, 0, 0));
	show("set_robust_list(head, 11)", sc(SYS_set_robust_list, (long)exe, 11, 0, 0, 0));
	show("system call 999", sc(999, 0, 0, 0, 0, 0));
	show("kill(99999, 0)", sc(SYS_kill, 99999, 0, 0, 0, 0));
	show("kill(self, 99)", sc(SYS_kill, getpid(), 99, 0, 0, 0));
	show("kill(self, 0)", sc(SYS_kill, getpid(), 0, 0, 0, 0));
	show("tgkill(self, self + 1000, 0)", sc(SYS_tgkill, getpid(), getpid() + 1000, 0, 0, 0));
	show("tgkill(0, self, 0)", sc(SYS_tgkill, 0, getpid(), 0, 0, 0));
	show("getpgid(99999)", sc(SYS_getpgid, 99999, 0, 0, 0, 0));
}

/*
 * The clocks Linux has (CLOCK_REALTIME_ALARM and CLOCK_BOOTTIME_ALARM
 * depend on the machine's RTC, so they are left out), which of them
 * clock_nanosleep() takes, and getrusage's and times' other arguments.
 */
static void usage(void)
{
	static long buf[32];
	static const long zero[2];	/* a sleep of 0 s: returns at once */
	struct timespec rt, coarse;
	char what[96];
	long c;

	for (c = 0; c < 16; c++) {
		if (c == 8 || c == 9)
			continue;
		snprintf(what, sizeof(what), "clock_gettime(%ld, buf)", c);
		show(what, sc(SYS_clock_gettime, c, (long)buf, 0, 0, 0));
	}
	for (c = 0; c < 12; c++) {
		if (c == 2 || c == 8 || c == 9)		/* 2: Linux would wait for CPU time */
			continue;
		snprintf(what, sizeof(what), "clock_nanosleep(%ld, 0, {0, 0}, NULL)", c);
		show(what, sc(SYS_clock_nanosleep, c, 0, (long)zero, 0, 0));
	}
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_REALTIME_COARSE, &coarse);
	yesno("CLOCK_REALTIME_COARSE (time()) is the wall clock too",
	      coarse.tv_sec - rt.tv_sec <= 1 && rt.tv_sec - coarse.tv_sec <= 1 &&
	      labs(time(NULL) - rt.tv_sec) <= 1);
	show("getrusage(99, buf)", sc(SYS_getrusage, 99, (long)buf, 0, 0, 0));
	show("getrusage(-2 (RUSAGE_BOTH is the kernel's own), buf)",
	     sc(SYS_getrusage, -2, (long)buf, 0, 0, 0));
	show("getrusage(RUSAGE_CHILDREN, buf)", sc(SYS_getrusage, -1, (long)buf, 0, 0, 0));
	show("getrusage(RUSAGE_THREAD, buf)", sc(SYS_getrusage, 1, (long)buf, 0, 0, 0));
	show_ok("times(NULL)", sc(SYS_times, 0, 0, 0, 0, 0));
	show("sysinfo(buf)", sc(SYS_sysinfo, (long)buf, 0, 0, 0, 0));
}

static void files(void)
{
	static char path[5000], buf[64];
	long iov[2] = { (long)buf, 0x80000000L };
	long ts[2] = { -1, 0 }, ts2[2] = { 0, 1000000000 };
	long desc[4] = { 3, 0, 0, 0x51 };

	show("read(99, buf, 16)", sc(SYS_read, 99, (long)buf, 16, 0, 0));
	show("write(-1, buf, 16)", sc(SYS_write, -1, (long)buf, 16, 0, 0));
	show("close(99)", sc(SYS_close, 99, 0, 0, 0, 0));
	show("dup(99)", sc(SYS_dup, 99, 0, 0, 0, 0));
	show("dup2(99, 5)", sc(SYS_dup2, 99, 5, 0, 0, 0));
	show("dup3(1, 1, 0)", sc(SYS_dup3, 1, 1, 0, 0, 0));
	show("dup3(1, 5, 0x1) (bad flag)", sc(SYS_dup3, 1, 5, 1, 0, 0));
	show("read(file, buf, 0)", sc(SYS_read, exe_fd, (long)buf, 0, 0, 0));
	show("lseek(99, 0, SEEK_SET)", sc(SYS_lseek, 99, 0, 0, 0, 0));
	show("lseek(1, 0, SEEK_SET) (a terminal)", sc(SYS_lseek, 1, 0, 0, 0, 0));
	show("lseek(file, 0, 7)", sc(SYS_lseek, exe_fd, 0, 7, 0, 0));
	show("lseek(file, -4096, SEEK_SET)", sc(SYS_lseek, exe_fd, -4096, 0, 0, 0));
	show("ioctl(99, TCGETS, buf)", sc(SYS_ioctl, 99, 0x5401, (long)buf, 0, 0));
	show("ioctl(1, 0x1234, buf)", sc(SYS_ioctl, 1, 0x1234, (long)buf, 0, 0));
	show("ioctl(file, TCGETS, buf)", sc(SYS_ioctl, exe_fd, 0x5401, (long)buf, 0, 0));
	show("writev(1, iov, 1025)", sc(SYS_writev, 1, (long)iov, 1025, 0, 0));
	show("writev(1, {buf, 0x80000000}, 1)", sc(SYS_writev, 1, (long)iov, 1, 0, 0));
	show("writev(99, iov, 1)", sc(SYS_writev, 99, (long)iov, 1, 0, 0));
	show("fstat64(99, buf)", sc(SYS_fstat64, 99, (long)buf, 0, 0, 0));
	show("open(\"/no/such/file\", O_RDONLY)", sc(SYS_open, (long)"/no/such/file", 0, 0, 0, 0));
	show("open(\"\", O_RDONLY)", sc(SYS_open, (long)"", 0, 0, 0, 0));
	memset(path, 'a', 200);
	path[0] = '/';
	show("open(a 200-byte name, O_RDONLY)", sc(SYS_open, (long)path, 0, 0, 0, 0));
	memset(path, 'a', 300);
	show("open(a 300-byte name, O_RDONLY): NAME_MAX is 255", sc(SYS_open, (long)path, 0, 0, 0, 0));
	memset(path, 'a', sizeof(path) - 1);
	for (int i = 0; i < (int)sizeof(path) - 1; i += 100)
		path[i] = '/';
	show("open(a 4999-byte path, O_RDONLY): PATH_MAX is 4096", sc(SYS_open, (long)path, 0, 0, 0, 0));
	show("openat(99, \"relative\", O_RDONLY)", sc(SYS_openat, 99, (long)"relative", 0, 0, 0));
	show("openat(1, \"relative\", O_RDONLY) (not a directory)",
	     sc(SYS_openat, 1, (long)"relative", 0, 0, 0));
	show("readlink(\"/proc/self/exe\", buf, 0)", sc(SYS_readlink, (long)"/proc/self/exe", (long)buf, 0, 0, 0));
	show("readlink(\"/no/such/file\", buf, 64)", sc(SYS_readlink, (long)"/no/such/file", (long)buf, 64, 0, 0));
	show("statx(file, \"\", 0x80000000 (bad flag), 0x7ff, buf)",
	     sc(SYS_statx, exe_fd, (long)"", 0x80000000L, 0x7ff, (long)path));
	show("statx(file, \"\", AT_EMPTY_PATH, STATX__RESERVED, buf)",
	     sc(SYS_statx, exe_fd, (long)"", AT_EMPTY_PATH, 0x80000000L, (long)path));
	show("getrlimit(99, buf)", sc(SYS_getrlimit, 99, (long)buf, 0, 0, 0));
	show("prlimit64(0, 99, NULL, buf)", sc(SYS_prlimit64, 0, 99, 0, (long)buf, 0));
	show("prlimit64(99999, RLIMIT_STACK, NULL, buf)", sc(SYS_prlimit64, 99999, 3, 0, (long)buf, 0));
	show("getrandom(buf, 16, 0x100 (bad flag))", sc(SYS_getrandom, (long)buf, 16, 0x100, 0, 0));
	show("getrandom(buf, 16, GRND_RANDOM | GRND_INSECURE)", sc(SYS_getrandom, (long)buf, 16, 6, 0, 0));
	show("getrandom(NULL, 0, 0)", sc(SYS_getrandom, 0, 0, 0, 0, 0));
	show("getrandom(0xbffff000, 8192, 0): past 3 GB after a page",
	     sc(SYS_getrandom, 0xbffff000L, 8192, 0, 0, 0));
	show("clock_gettime(99, buf)", sc(SYS_clock_gettime, 99, (long)buf, 0, 0, 0));
	show("clock_gettime(-1, buf)", sc(SYS_clock_gettime, -1, (long)buf, 0, 0, 0));
	show("nanosleep({-1, 0}, NULL)", sc(SYS_nanosleep, (long)ts, 0, 0, 0, 0));
	show("nanosleep({0, 1000000000}, NULL)", sc(SYS_nanosleep, (long)ts2, 0, 0, 0, 0));
	show("gettimeofday(NULL, NULL)", sc(SYS_gettimeofday, 0, 0, 0, 0, 0));
	show("set_thread_area({entry 3}) (not a TLS entry)", sc(SYS_set_thread_area, (long)desc, 0, 0, 0, 0));
	show("get_thread_area({entry 3})", sc(SYS_get_thread_area, (long)desc, 0, 0, 0, 0));
}

static void memory(void)
{
	const int rw = PROT_READ | PROT_WRITE, anon = MAP_PRIVATE | MAP_ANONYMOUS;
	long a, b, brk0, brk1;
	int rofd;

	show("mmap2(NULL, 0, rw, anon)", mmap2(0, 0, rw, anon, -1, 0));
	show("mmap2(NULL, 4096, rw, MAP_ANONYMOUS only)", mmap2(0, PG, rw, MAP_ANONYMOUS, -1, 0));
	show("mmap2(0x10001, 4096, rw, anon | MAP_FIXED)", mmap2(0x10001, PG, rw, anon | MAP_FIXED, -1, 0));
	show("mmap2(NULL, 0xfffff000, rw, anon)", mmap2(0, 0xfffff000UL, rw, anon, -1, 0));
	show("mmap2(NULL, 0xfffff001, rw, anon) (wraps when aligned)", mmap2(0, 0xfffff001UL, rw, anon, -1, 0));
	show("mmap2(0xc0000000, 4096, rw, anon | MAP_FIXED)", mmap2(KERNEL, PG, rw, anon | MAP_FIXED, -1, 0));
	show("mmap2(0xbffff000, 8192, rw, anon | MAP_FIXED)", mmap2(KERNEL - PG, 2 * PG, rw, anon | MAP_FIXED, -1, 0));
	show("mmap2(0x08048000, 4096, rw, anon | MAP_FIXED_NOREPLACE)",
	     mmap2(0x08048000, PG, rw, anon | MAP_FIXED_NOREPLACE, -1, 0));
	show("mmap2(NULL, 4096, rw, MAP_PRIVATE, 99, 0)", mmap2(0, PG, rw, MAP_PRIVATE, 99, 0));
	show("mmap2(NULL, 4096, rw, MAP_PRIVATE, 1 (a terminal), 0)", mmap2(0, PG, rw, MAP_PRIVATE, 1, 0));
	show("mmap2(NULL, 4096, rw, MAP_SHARED, read-only file, 0)", mmap2(0, PG, rw, MAP_SHARED, exe_fd, 0));
	show("mmap2(NULL, 4096, r, MAP_SHARED_VALIDATE | 0x200000, file)",
	     mmap2(0, PG, PROT_READ, MAP_SHARED_VALIDATE | 0x200000, exe_fd, 0));
	show("mmap2(NULL, 8192, r, MAP_PRIVATE, file, 0xffffffff)",
	     mmap2(0, 2 * PG, PROT_READ, MAP_PRIVATE, exe_fd, 0xffffffffUL));

	/* MAP_FIXED over a mapping replaces it: the old bytes are gone */
	a = mmap2(0, 3 * PG, rw, anon, -1, 0);
	show_ok("mmap2(NULL, 12288, rw, anon)", a);
	memset((void *)a, 0x5a, 3 * PG);
	b = mmap2(a + PG, PG, rw, anon | MAP_FIXED, -1, 0);
	yesno("mmap2(a + 4096, 4096, rw, anon | MAP_FIXED) returns a + 4096", b == a + (long)PG);
	yesno("  the page it replaced reads 0, its neighbours 0x5a",
	      !((char *)a)[PG] && ((char *)a)[0] == 0x5a && ((char *)a)[2 * PG] == 0x5a);
	show("mmap2(a, 4096, rw, anon | MAP_FIXED_NOREPLACE) over it",
	     mmap2(a, PG, rw, anon | MAP_FIXED_NOREPLACE, -1, 0));
	b = mmap2(0x60000000, PG, rw, anon, -1, 0);
	yesno("mmap2(hint 0x60000000 (free), 4096) returns the hint", b == 0x60000000);
	sc(SYS_munmap, b, PG, 0, 0, 0);
	b = mmap2(a, PG, rw, anon, -1, 0);
	yesno("mmap2(hint a (taken), 4096) returns another address", b != a && b != -1);
	show("munmap(another, 4096)", sc(SYS_munmap, b, PG, 0, 0, 0));

	show("munmap(a + 1, 4096)", sc(SYS_munmap, a + 1, PG, 0, 0, 0));
	show("munmap(a, 0)", sc(SYS_munmap, a, 0, 0, 0, 0));
	show("munmap(0xc0000000, 4096)", sc(SYS_munmap, KERNEL, PG, 0, 0, 0));
	show("munmap(0xbffff000, 8192)", sc(SYS_munmap, KERNEL - PG, 2 * PG, 0, 0, 0));
	show("munmap(0x50000000, 4096) (nothing there)", sc(SYS_munmap, UNMAPPED, PG, 0, 0, 0));
	show("munmap(a + 4096, 4096) (the middle page)", sc(SYS_munmap, a + PG, PG, 0, 0, 0));
	yesno("  its neighbours still read 0x5a", ((char *)a)[0] == 0x5a && ((char *)a)[2 * PG] == 0x5a);

	show("mprotect(a + 1, 4096, PROT_READ)", sc(SYS_mprotect, a + 1, PG, PROT_READ, 0, 0));
	show("mprotect(a, 4096, 0x100 (bad bit))", sc(SYS_mprotect, a, PG, 0x100, 0, 0));
	show("mprotect(a, 4096, PROT_GROWSDOWN | PROT_GROWSUP)",
	     sc(SYS_mprotect, a, PG, PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP, 0, 0));
	show("mprotect(a, 12288, PROT_READ) (a hole in the middle)", sc(SYS_mprotect, a, 3 * PG, PROT_READ, 0, 0));
	yesno("  the part before the hole changed anyway (Linux keeps it)",
	      sc(SYS_mprotect, a, PG, PROT_READ | PROT_WRITE, 0, 0) == 0);
	show("mprotect(0x50000000, 4096, PROT_READ) (nothing there)", sc(SYS_mprotect, UNMAPPED, PG, PROT_READ, 0, 0));
	show("mprotect(0xfffff000, 8192, PROT_READ) (wraps)", sc(SYS_mprotect, 0xfffff000UL, 2 * PG, PROT_READ, 0, 0));
	show("mprotect(a, 0, PROT_READ)", sc(SYS_mprotect, a, 0, PROT_READ, 0, 0));
	rofd = exe_fd;
	b = mmap2(0, PG, PROT_READ, MAP_SHARED, rofd, 0);
	show_ok("mmap2(NULL, 4096, r, MAP_SHARED, read-only file, 0)", b);
	show("mprotect(that, 4096, rw) (the file is not open for writing)",
	     sc(SYS_mprotect, b, PG, rw, 0, 0));
	show("mprotect(that, 4096, PROT_READ | PROT_EXEC)", sc(SYS_mprotect, b, PG, PROT_READ | PROT_EXEC, 0, 0));
	sc(SYS_munmap, b, PG, 0, 0, 0);
	sc(SYS_munmap, a, 4 * PG, 0, 0, 0);

	brk0 = sc(SYS_brk, 0, 0, 0, 0, 0);
	yesno("brk(0) returns the break", brk0 > 0 && sc(SYS_brk, 0, 0, 0, 0, 0) == brk0);
	yesno("brk(0x1000) (below its start) returns the old break",
	      sc(SYS_brk, 0x1000, 0, 0, 0, 0) == brk0);
	brk1 = sc(SYS_brk, brk0 + 16 * PG, 0, 0, 0, 0);
	yesno("brk(+64K) grows", brk1 == brk0 + 16 * (long)PG);
	memset((void *)brk0, 1, 16 * PG);
	yesno("brk(+16K) shrinks", sc(SYS_brk, brk0 + 4 * PG, 0, 0, 0, 0) == brk0 + 4 * (long)PG);
	a = mmap2((brk0 + 8 * PG) & ~(PG - 1), PG, rw, anon | MAP_FIXED_NOREPLACE, -1, 0);
	yesno("a mapping 4 pages above the break", a != -1);
	yesno("brk(+64K) into that mapping returns the old break",
	      sc(SYS_brk, brk0 + 16 * PG, 0, 0, 0, 0) == brk0 + 4 * (long)PG);
	yesno("brk(0xc0001000) returns the old break",
	      sc(SYS_brk, KERNEL + PG, 0, 0, 0, 0) == brk0 + 4 * (long)PG);
	sc(SYS_munmap, a, PG, 0, 0, 0);
	yesno("brk(its start) gives everything back", sc(SYS_brk, brk0, 0, 0, 0, 0) == brk0);
}

static long mremap5(unsigned long addr, unsigned long old_len, unsigned long new_len, long flags,
		    unsigned long new_addr)
{
	return sc(SYS_mremap, addr, old_len, new_len, flags, new_addr);
}

/*
 * mremap: each rule, then each way it grows or moves a mapping, contents
 * kept.  Memory is touched only where the call did what it should, so
 * that a kernel that gets one wrong still prints every line.
 */
static void remap(void)
{
	const int rw = PROT_READ | PROT_WRITE, anon = MAP_PRIVATE | MAP_ANONYMOUS;
	const long may = MREMAP_MAYMOVE, fixed = MREMAP_FIXED, dont = MREMAP_DONTUNMAP;
	long a, b, c, d;
	int ok;

	a = mmap2(0, 2 * PG, rw, anon, -1, 0);
	b = mmap2(a - 3 * PG, PG, rw, anon | MAP_FIXED_NOREPLACE, -1, 0);
	ok = a != -1 && b == a - 3 * (long)PG;
	yesno("mremap: a (2 pages), and b (1 page) mapped below it, a page apart", ok);
	if (!ok)
		return;
	memset((void *)a, 0x5a, 2 * PG);
	show("mremap(a, 4096, 8192, 0x8 (bad flag))", mremap5(a, PG, 2 * PG, 8, 0));
	show("mremap(a, 4096, 8192, MREMAP_FIXED) without MAYMOVE", mremap5(a, PG, 2 * PG, fixed, 0));
	show("mremap(a, 4096, 4096, MREMAP_DONTUNMAP) without MAYMOVE", mremap5(a, PG, PG, dont, 0));
	show("mremap(a, 4096, 8192, MAYMOVE | DONTUNMAP) (sizes differ)",
	     mremap5(a, PG, 2 * PG, may | dont, 0));
	show("mremap(a + 1, 4096, 8192, 0)", mremap5(a + 1, PG, 2 * PG, 0, 0));
	show("mremap(a, 4096, 0, 0)", mremap5(a, PG, 0, 0, 0));
	show("mremap(a, 4096, 0xfffff001, MAYMOVE) (wraps when aligned)",
	     mremap5(a, PG, 0xfffff001UL, may, 0));
	show("mremap(0x50000000, 4096, 8192, 0) (nothing there)", mremap5(UNMAPPED, PG, 2 * PG, 0, 0));
	show("mremap(0x50000000, 8192, 4096, 0) (a shrink of nothing)",
	     mremap5(UNMAPPED, 2 * PG, PG, 0, 0));
	show("mremap(a, 0, 4096, MAYMOVE) (duplicate a private mapping)", mremap5(a, 0, PG, may, 0));
	show("mremap(a, 12288, 16384, MAYMOVE) (past the VMA's end)", mremap5(a, 3 * PG, 4 * PG, may, 0));
	show("mremap(b, 4096, 16384, 0) (a is in the way)", mremap5(b, PG, 4 * PG, 0, 0));
	show("mremap(a, 8192, 8192, MAYMOVE | FIXED, a + 4096) (overlap)",
	     mremap5(a, 2 * PG, 2 * PG, may | fixed, a + PG));
	show("mremap(a, 4096, 8192, MAYMOVE | FIXED, 0xfffff000)",
	     mremap5(a, PG, 2 * PG, may | fixed, 0xfffff000UL));
	show("mremap(a, 4096, 4096, MAYMOVE | FIXED, a + 4097)",
	     mremap5(a, PG, PG, may | fixed, a + 4097));
	yesno("mremap(a, 8192, 8192, 0) (same size) returns a", mremap5(a, 2 * PG, 2 * PG, 0, 0) == a);

	ok = mremap5(b, PG, 2 * PG, 0, 0) == b;
	yesno("mremap(b, 4096, 8192, 0) grows b in place", ok);
	if (ok)
		((char *)b)[PG] = 1;
	show("mremap(b, 8192, 16384, 0) (a is in the way)", mremap5(b, 2 * PG, 4 * PG, 0, 0));
	c = ok ? mremap5(b, 2 * PG, 5 * PG, may, 0) : -1;
	ok = c != -1 && c != b && ((char *)c)[PG] == 1 && !((char *)c)[4 * PG];
	yesno("mremap(b, 8192, 20480, MAYMOVE) moves it, contents kept", ok);
	if (!ok)
		return;
	yesno("mremap(a, 8192, 4096, 0) shrinks a", mremap5(a, 2 * PG, PG, 0, 0) == a);
	d = mremap5(a, PG, PG, may | fixed, c + 4 * PG);
	ok = d == c + 4 * (long)PG && ((char *)d)[0] == 0x5a && ((char *)c)[PG] == 1;
	yesno("mremap(a, 4096, 4096, MAYMOVE | FIXED, c + 16384) replaces c's last page", ok);
	if (!ok)
		return;
	show("  a is gone: mremap(a, 4096, 8192, 0)", mremap5(a, PG, 2 * PG, 0, 0));
	a = mremap5(d, PG, PG, may | dont, 0);
	ok = a != -1 && a != d && ((char *)a)[0] == 0x5a;
	yesno("mremap(that page, 4096, 4096, MAYMOVE | DONTUNMAP) moves it, contents kept", ok);
	if (ok)
		yesno("  the old page is still mapped, and reads 0", !((char *)d)[0]);
	sc(SYS_munmap, a, PG, 0, 0, 0);
	sc(SYS_munmap, c, 5 * PG, 0, 0, 0);
}

/*
 * In a child of fork(): the byte at @addr, as the child's exit code, or
 * the signal that killed it reading it (+ 1000).
 */
static int read_in_child(const char *addr)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(*(volatile const char *)addr);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? 1000 + WTERMSIG(status) : WEXITSTATUS(status);
}

// madvise: each rule, and what each piece of advice does to the pages.
static void advice(void)
{
	const int rw = PROT_READ | PROT_WRITE, anon = MAP_PRIVATE | MAP_ANONYMOUS;
	char *a = (char *)mmap2(0, 4 * PG, rw, anon, -1, 0), *f, *ro;

	if (a == (char *)-1)
		return;
	memset(a, 0x5a, 4 * PG);
	show("madvise(a, 4096, 99 (no such advice))", sc(SYS_madvise, (long)a, PG, 99, 0, 0));
	show("madvise(a + 1, 4096, MADV_DONTNEED)", sc(SYS_madvise, (long)a + 1, PG, MADV_DONTNEED, 0, 0));
	show("madvise(a, 0, MADV_DONTNEED)", sc(SYS_madvise, (long)a, 0, MADV_DONTNEED, 0, 0));
	show("madvise(a, 0xfffff001, MADV_DONTNEED) (wraps when aligned)",
	     sc(SYS_madvise, (long)a, 0xfffff001L, MADV_DONTNEED, 0, 0));
	show("madvise(0x50000000, 4096, MADV_DONTNEED) (nothing there)",
	     sc(SYS_madvise, UNMAPPED, PG, MADV_DONTNEED, 0, 0));
	show("madvise(a, 4096, MADV_DONTNEED)", sc(SYS_madvise, (long)a, PG, MADV_DONTNEED, 0, 0));
	yesno("  the page reads 0, its neighbour 0x5a", !a[0] && a[PG] == 0x5a);
	sc(SYS_munmap, (long)a + 2 * PG, PG, 0, 0, 0);
	show("madvise(a + 4096, 12288, MADV_DONTNEED) (a hole in the middle)",
	     sc(SYS_madvise, (long)a + PG, 3 * PG, MADV_DONTNEED, 0, 0));
	yesno("  the pages on both sides of the hole were dropped anyway", !a[PG] && !a[3 * PG]);
	memset(a, 0x5a, 2 * PG);
	show("madvise(a, 4096, MADV_FREE)", sc(SYS_madvise, (long)a, PG, MADV_FREE, 0, 0));
	show("madvise(a, 4096, MADV_WILLNEED)", sc(SYS_madvise, (long)a, PG, MADV_WILLNEED, 0, 0));
	show("madvise(a, 4096, MADV_COLD)", sc(SYS_madvise, (long)a, PG, MADV_COLD, 0, 0));
	show("madvise(a, 4096, MADV_PAGEOUT)", sc(SYS_madvise, (long)a, PG, MADV_PAGEOUT, 0, 0));
	show("madvise(a, 4096, MADV_SEQUENTIAL)", sc(SYS_madvise, (long)a, PG, MADV_SEQUENTIAL, 0, 0));
	show("madvise(a, 4096, MADV_DONTDUMP)", sc(SYS_madvise, (long)a, PG, MADV_DONTDUMP, 0, 0));
	show("madvise(a, 4096, MADV_REMOVE) (anonymous)", sc(SYS_madvise, (long)a, PG, MADV_REMOVE, 0, 0));
	a[PG] = 0x5a;
	show("madvise(a + 4096, 4096, MADV_WIPEONFORK)",
	     sc(SYS_madvise, (long)a + PG, PG, MADV_WIPEONFORK, 0, 0));
	show("  a child reads that page as", read_in_child(a + PG));
	show("madvise(a + 4096, 4096, MADV_KEEPONFORK)",
	     sc(SYS_madvise, (long)a + PG, PG, MADV_KEEPONFORK, 0, 0));
	show("  a child reads it as", read_in_child(a + PG));
	show("madvise(a + 4096, 4096, MADV_DONTFORK)",
	     sc(SYS_madvise, (long)a + PG, PG, MADV_DONTFORK, 0, 0));
	show("  a child reading it dies of signal (+1000)", read_in_child(a + PG));
	show("madvise(a + 4096, 4096, MADV_DOFORK)", sc(SYS_madvise, (long)a + PG, PG, MADV_DOFORK, 0, 0));
	show("  a child reads it again, as", read_in_child(a + PG));
	sc(SYS_munmap, (long)a, 4 * PG, 0, 0, 0);

	f = (char *)mmap2(0, PG, rw, MAP_PRIVATE, exe_fd, 0);
	ro = (char *)mmap2(0, PG, PROT_READ, MAP_SHARED, exe_fd, 0);
	if (f == (char *)-1 || ro == (char *)-1)
		return;
	f[0] = 'x';		/* the program starts "\177ELF": a private copy now */
	show("madvise(file, 4096, MADV_DONTNEED)", sc(SYS_madvise, (long)f, PG, MADV_DONTNEED, 0, 0));
	yesno("  the private copy is gone: the file's byte is back", f[0] == 0x7f);
	show("madvise(file, 4096, MADV_FREE)", sc(SYS_madvise, (long)f, PG, MADV_FREE, 0, 0));
	show("madvise(file, 4096, MADV_WIPEONFORK)", sc(SYS_madvise, (long)f, PG, MADV_WIPEONFORK, 0, 0));
	show("madvise(read-only shared file, 4096, MADV_REMOVE)",
	     sc(SYS_madvise, (long)ro, PG, MADV_REMOVE, 0, 0));
	show("madvise(read-only shared file, 4096, MADV_POPULATE_WRITE)",
	     sc(SYS_madvise, (long)ro, PG, MADV_POPULATE_WRITE, 0, 0));
	show("madvise(read-only shared file, 4096, MADV_POPULATE_READ)",
	     sc(SYS_madvise, (long)ro, PG, MADV_POPULATE_READ, 0, 0));
	sc(SYS_munmap, (long)f, PG, 0, 0, 0);
	sc(SYS_munmap, (long)ro, PG, 0, 0, 0);
}

// How many of @vec's @n bytes say resident.
static int count_resident(const unsigned char *vec, int n)
{
	int i, r = 0;

	for (i = 0; i < n; i++)
		r += vec[i] & 1;
	return r;
}

// mincore: its rules, and demand paging seen through it.
static void residency(void)
{
	const int rw = PROT_READ | PROT_WRITE, anon = MAP_PRIVATE | MAP_ANONYMOUS;
	static unsigned char vec[16];
	char *a = (char *)mmap2(0, 4 * PG, rw, anon, -1, 0);

	if (a == (char *)-1)
		return;
	show("mincore(a + 1, 4096, vec)", sc(SYS_mincore, (long)a + 1, PG, (long)vec, 0, 0));
	show("mincore(0x50000000, 4096, vec) (nothing there)",
	     sc(SYS_mincore, UNMAPPED, PG, (long)vec, 0, 0));
	show("mincore(a, 16384, NULL)", sc(SYS_mincore, (long)a, 4 * PG, 0, 0, 0));
	show("mincore(a, 16384, kernel)", sc(SYS_mincore, (long)a, 4 * PG, KERNEL, 0, 0));
	show("mincore(a, 0, vec)", sc(SYS_mincore, (long)a, 0, (long)vec, 0, 0));
	show("mincore(0xbffff000, 8192, vec) (past 3 GB)",
	     sc(SYS_mincore, KERNEL - PG, 2 * PG, (long)vec, 0, 0));
	sc(SYS_mincore, (long)a, 4 * PG, (long)vec, 0, 0);
	show("  a fresh mmap of 4 pages: resident", count_resident(vec, 4));
	a[0] = 1;
	a[2 * PG] = 1;
	sc(SYS_mincore, (long)a, 4 * PG - 100, (long)vec, 0, 0);
	show("  two pages written: resident", count_resident(vec, 4));
	yesno("  pages 0 and 2 are the resident ones", vec[0] & vec[2] & 1 && !(vec[1] & 1));
	sc(SYS_madvise, (long)a, 4 * PG, MADV_DONTNEED, 0, 0);
	sc(SYS_mincore, (long)a, 4 * PG, (long)vec, 0, 0);
	show("  after MADV_DONTNEED: resident", count_resident(vec, 4));
	sc(SYS_munmap, (long)a, 4 * PG, 0, 0, 0);
}

/*
 * Signals: rt_sigaction's, rt_sigprocmask's, rt_sigpending's,
 * rt_sigsuspend's, rt_sigtimedwait's, rt_sigqueueinfo's and sigaltstack's
 * rules (raw calls: the kernel's struct sigaction is handler, flags,
 * restorer, an 8-byte mask).
 */
struct ksigaction {
	unsigned long handler, flags, restorer;
	unsigned long long mask;
};

/*
 * rt_sigtimedwait's (177, and 421 with a 64-bit time) and
 * rt_sigqueueinfo's rules: the set's size, the timespec, who may pose as
 * whom, a process looked for before the signal is judged.
 */
static void rt_wait_and_queue_rules(void)
{
	unsigned long long usr2 = 1ULL << (SIGUSR2 - 1), none = 0;
	long ts32[2] = { 0, 0 };
	long long ts64[2] = { 0, 0 };
	int info[32] = { 0 };
	char what[96];
	pid_t child;
	int i;

	show("rt_sigtimedwait(&set, NULL, {0, 0}, 4)", sc(177, (long)&usr2, 0, (long)ts32, 4, 0));
	show("rt_sigtimedwait(unmapped, NULL, {0, 0}, 8)", sc(177, UNMAPPED, 0, (long)ts32, 8, 0));
	show("rt_sigtimedwait(&set, NULL, unmapped, 8)", sc(177, (long)&usr2, 0, UNMAPPED, 8, 0));
	show("rt_sigtimedwait(&set, NULL, kernel, 8)", sc(177, (long)&usr2, 0, KERNEL, 8, 0));
	show("rt_sigtimedwait(&set, NULL, {0, 0}, 8) (nothing pending)",
	     sc(177, (long)&usr2, 0, (long)ts32, 8, 0));
	show("rt_sigtimedwait(&{}, NULL, {0, 0}, 8)", sc(177, (long)&none, 0, (long)ts32, 8, 0));
	ts32[1] = 1000000000;
	show("rt_sigtimedwait(&set, NULL, {0, 1000000000}, 8)",
	     sc(177, (long)&usr2, 0, (long)ts32, 8, 0));
	ts32[0] = -1;
	ts32[1] = 0;
	show("rt_sigtimedwait(&set, NULL, {-1, 0}, 8)", sc(177, (long)&usr2, 0, (long)ts32, 8, 0));
	show("rt_sigtimedwait_time64(&set, NULL, {0, 0}, 8) (nothing pending)",
	     sc(421, (long)&usr2, 0, (long)ts64, 8, 0));
	ts64[1] = -1;
	show("rt_sigtimedwait_time64(&set, NULL, {0, -1}, 8)",
	     sc(421, (long)&usr2, 0, (long)ts64, 8, 0));
	show("rt_sigtimedwait_time64(&set, NULL, unmapped, 8)",
	     sc(421, (long)&usr2, 0, UNMAPPED, 8, 0));

	info[2] = -1;		/* si_code SI_QUEUE */
	show("rt_sigqueueinfo(self, SIGUSR2, unmapped)", sc(178, getpid(), SIGUSR2, UNMAPPED, 0, 0));
	show("rt_sigqueueinfo(self, SIGUSR2, kernel)", sc(178, getpid(), SIGUSR2, KERNEL, 0, 0));
	show("rt_sigqueueinfo(0, SIGUSR2, {SI_QUEUE})", sc(178, 0, SIGUSR2, (long)info, 0, 0));
	show("rt_sigqueueinfo(-1, SIGUSR2, {SI_QUEUE})", sc(178, -1, SIGUSR2, (long)info, 0, 0));
	show("rt_sigqueueinfo(99999, 99, {SI_QUEUE})", sc(178, 99999, 99, (long)info, 0, 0));
	show("rt_sigqueueinfo(self, 99, {SI_QUEUE})", sc(178, getpid(), 99, (long)info, 0, 0));
	show("rt_sigqueueinfo(self, 0, {SI_QUEUE})", sc(178, getpid(), 0, (long)info, 0, 0));
	show("kill(99999, 99)", sc(SYS_kill, 99999, 99, 0, 0, 0));
	child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	for (i = 0; i < 3; i++) {
		static const int code[3] = { 0, 0x80, -6 };	/* SI_USER, SI_KERNEL, SI_TKILL */

		info[2] = code[i];
		snprintf(what, sizeof(what), "rt_sigqueueinfo(a child, 0, {si_code %d})", code[i]);
		show(what, sc(178, child, 0, (long)info, 0, 0));
	}
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	info[2] = 0;
	ts64[1] = 0;
	sc(SYS_rt_sigprocmask, 0, (long)&usr2, 0, 8, 0);
	show("rt_sigqueueinfo(self, SIGUSR2, {SI_USER}) (blocked)",
	     sc(178, getpid(), SIGUSR2, (long)info, 0, 0));
	show("rt_sigtimedwait_time64(&set, unmapped, {0, 0}, 8)",
	     sc(421, (long)&usr2, UNMAPPED, (long)ts64, 8, 0));
	show("  then (the signal was taken all the same)", sc(421, (long)&usr2, 0, (long)ts64, 8, 0));
	sc(SYS_rt_sigprocmask, 1, (long)&usr2, 0, 8, 0);
}

static void signal_rules(void)
{
	static char altstack[8192];
	struct ksigaction act = { 0 }, old;
	unsigned long long set = 0, got;
	struct { unsigned long sp; int flags; unsigned long size; } ss, oss;
	char what[96];
	int i;

	show("rt_sigaction(SIGUSR1, NULL, &old, 4)", sc(SYS_rt_sigaction, SIGUSR1, 0, (long)&old, 4, 0));
	show("rt_sigaction(0, NULL, &old, 8)", sc(SYS_rt_sigaction, 0, 0, (long)&old, 8, 0));
	show("rt_sigaction(65, NULL, &old, 8)", sc(SYS_rt_sigaction, 65, 0, (long)&old, 8, 0));
	show("rt_sigaction(SIGKILL, &act, NULL, 8)", sc(SYS_rt_sigaction, SIGKILL, (long)&act, 0, 8, 0));
	show("rt_sigaction(SIGSTOP, &act, NULL, 8)", sc(SYS_rt_sigaction, SIGSTOP, (long)&act, 0, 8, 0));
	show("rt_sigaction(SIGKILL, NULL, &old, 8)", sc(SYS_rt_sigaction, SIGKILL, 0, (long)&old, 8, 0));
	for (i = 1; i < NR_BAD; i++) {
		snprintf(what, sizeof(what), "rt_sigaction(SIGUSR1, %s, NULL, 8)", bad_name[i]);
		show(what, sc(SYS_rt_sigaction, SIGUSR1, bad[i], 0, 8, 0));
		snprintf(what, sizeof(what), "rt_sigaction(SIGUSR1, NULL, %s, 8)", bad_name[i]);
		show(what, sc(SYS_rt_sigaction, SIGUSR1, 0, bad[i], 8, 0));
	}
	act.handler = 1;	/* SIG_IGN */
	act.flags = 0x10000000 | 0x400 | 0x100;	/* SA_RESTART, SA_UNSUPPORTED, an unknown bit */
	act.mask = ~0ULL;
	show("rt_sigaction(SIGUSR1, {SIG_IGN, 0x10000500}, NULL, 8)",
	     sc(SYS_rt_sigaction, SIGUSR1, (long)&act, 0, 8, 0));
	sc(SYS_rt_sigaction, SIGUSR1, 0, (long)&old, 8, 0);
	printf("%-58s %#lx\n", "  sa_flags read back", old.flags);
	printf("%-58s %#llx\n", "  sa_mask read back (no SIGKILL, SIGSTOP)", old.mask);
	act.handler = 0;
	act.flags = 0;
	act.mask = 0;
	sc(SYS_rt_sigaction, SIGUSR1, (long)&act, 0, 8, 0);

	show("rt_sigprocmask(99, &set, NULL, 8)", sc(SYS_rt_sigprocmask, 99, (long)&set, 0, 8, 0));
	show("rt_sigprocmask(99, NULL, &set, 8)", sc(SYS_rt_sigprocmask, 99, 0, (long)&set, 8, 0));
	show("rt_sigprocmask(SIG_BLOCK, &set, NULL, 4)", sc(SYS_rt_sigprocmask, 0, (long)&set, 0, 4, 0));
	show("rt_sigprocmask(SIG_BLOCK, unmapped, NULL, 8)",
	     sc(SYS_rt_sigprocmask, 0, UNMAPPED, 0, 8, 0));
	show("rt_sigprocmask(SIG_BLOCK, NULL, kernel, 8)", sc(SYS_rt_sigprocmask, 0, 0, KERNEL, 8, 0));
	set = (1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1)) | (1ULL << (SIGUSR1 - 1));
	sc(SYS_rt_sigprocmask, 2, (long)&set, (long)&got, 8, 0);
	sc(SYS_rt_sigprocmask, 2, (long)&got, (long)&set, 8, 0);
	printf("%-58s %#llx\n", "SIG_SETMASK {SIGKILL, SIGSTOP, SIGUSR1}: blocked", set);

	show("rt_sigpending(&set, 9)", sc(SYS_rt_sigpending, (long)&set, 9, 0, 0, 0));
	show("rt_sigpending(&set, 4)", sc(SYS_rt_sigpending, (long)&set, 4, 0, 0, 0));
	show("rt_sigpending(unmapped, 8)", sc(SYS_rt_sigpending, UNMAPPED, 8, 0, 0, 0));
	show("rt_sigsuspend(&set, 4)", sc(SYS_rt_sigsuspend, (long)&set, 4, 0, 0, 0));
	show("rt_sigsuspend(unmapped, 8)", sc(SYS_rt_sigsuspend, UNMAPPED, 8, 0, 0, 0));

	rt_wait_and_queue_rules();

	ss.sp = (unsigned long)altstack;
	ss.size = sizeof(altstack);
	ss.flags = 3;
	show("sigaltstack({stack, 3 (bad flags), 8192}, NULL)", sc(SYS_sigaltstack, (long)&ss, 0, 0, 0, 0));
	ss.flags = 0;
	ss.size = 1024;
	show("sigaltstack({stack, 0, 1024}, NULL) (below MINSIGSTKSZ)",
	     sc(SYS_sigaltstack, (long)&ss, 0, 0, 0, 0));
	ss.size = sizeof(altstack);
	show("sigaltstack({stack, 0, 8192}, NULL)", sc(SYS_sigaltstack, (long)&ss, 0, 0, 0, 0));
	sc(SYS_sigaltstack, 0, (long)&oss, 0, 0, 0);
	yesno("  read back: that stack, size 8192, flags 0 (not on it)",
	      oss.sp == (unsigned long)altstack && oss.size == sizeof(altstack) && !oss.flags);
	ss.flags = 2;		/* SS_DISABLE */
	show("sigaltstack({_, SS_DISABLE, _}, NULL)", sc(SYS_sigaltstack, (long)&ss, 0, 0, 0, 0));
	sc(SYS_sigaltstack, 0, (long)&oss, 0, 0, 0);
	printf("%-58s %d\n", "  read back: flags", oss.flags);
	show("sigaltstack(unmapped, NULL)", sc(SYS_sigaltstack, UNMAPPED, 0, 0, 0, 0));
	show("sigaltstack(NULL, kernel)", sc(SYS_sigaltstack, 0, KERNEL, 0, 0, 0));
}

int main(void)
{
	long n = syscall(SYS_readlink, "/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0 || (exe_fd = syscall(SYS_open, exe, O_RDONLY)) < 0) {
		perror("errnos: /proc/self/exe");
		return 1;
	}
	printf("errnos: system calls with bad arguments, and what they answer\n");
	prepare_crossing();
	bad_pointers();
	processes();
	signal_rules();
	usage();
	files();
	memory();
	remap();
	advice();
	residency();
	printf("errnos: done\n");
	return 0;
}
