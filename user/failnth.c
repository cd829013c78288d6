/*
 * user/failnth.c - every allocation a system call makes, failed in turn.
 *
 * A system call may allocate a dozen times inside the kernel (fork: the
 * task, its kernel stack, the mm, the page directory, each VMA, each page
 * table...), and each allocation can fail.  Every one of those failure
 * paths must undo what came before it, and most of them never run in
 * normal use.  syzkaller reaches them all with Linux's fail-nth: write N
 * to /proc/thread-self/fail-nth, and the thread's Nth allocation from then
 * on fails; read it back, and 0 says the failure happened, more says the
 * call made fewer than N allocations.  So for N = 1, 2, 3... until the
 * call gets through without reaching N, each of its allocation points
 * fails once.
 *
 *   failnth [-v] [OP...] walk OP's points (all of them when none is given);
 *                        -v prints how each one ended
 *   failnth --exit       what the "exec" operation execs
 *
 * The operations, each run in a child so that a failure that kills it
 * (a page fault whose page cannot be had) ends only that child:
 *
 *   fork      fork, the grandchild exits, wait4
 *   vfork     the same with vfork, whose child borrows the address space
 *   exec      execve of this program (--exit), through its first
 *             page faults to main(), which reports how far the count got
 *   mmap      mmap 64 KB, write a byte to each page, munmap
 *   file      map this program's file privately, read a page of it and
 *             write another (a copy of the file's page), unmap it
 *   split     munmap and mprotect the middle page of three (VMA splits)
 *   brk       grow the heap by 64 KB, write to each page, shrink it
 *   maps      open, read and close /proc/self/maps
 *   devmap    open /dev/mm386 and map its vmalloc_user() and kmalloc()
 *             buffers (drivers/mm386_dev.c), write to them, unmap them
 *   mremap    grow a mapping of 16 written pages to 32 where it cannot
 *             grow in place, then move it to an address of its own (a
 *             new VMA and page table: the PTEs go back if they fail)
 *   madvise   MADV_DONTFORK on the middle page of three (a VMA split),
 *             then MADV_POPULATE_WRITE over all three (their pages)
 *   shmem     mmap 4 pages MAP_SHARED | MAP_ANONYMOUS (the VMA and its
 *             object, mm/shmem.c), write a byte to each page, munmap
 *
 * One line per operation: how many allocation points it has and how each
 * failure ended (the call's errno, "ok" when the call absorbed it, or the
 * signal that killed the child).  The kernel then checks, as after every
 * program, that the whole walk lost nothing.  Fault injection's knobs must
 * let sleeping, HighMem and single-page allocations fail:
 * failslab.ignore_gfp_wait=N fail_page_alloc.ignore_gfp_wait=N
 * fail_page_alloc.ignore_gfp_highmem=N fail_page_alloc.min_order=0
 * (tests/host/test_reliability.py).
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

#define NTH_FILE	"/proc/thread-self/fail-nth"
#define NOT_REACHED	100	/* a child's exit code: the count never got to 0 */
#define MAX_POINTS	5000	/* a walk that goes on longer is reported */
#define PG		4096

/* NTH_FILE, opened twice before the count starts: an open allocates */
static int nth_w = -1, nth_r = -1;

// Arm fail-nth for allocation @n from now.
static int arm(unsigned int n)
{
	char text[16];
	int len = snprintf(text, sizeof(text), "%u", n);

	return write(nth_w, text, len) == len ? 0 : -1;
}

// What is left of the count (0 once the failure happened), or -1.
static long left(void)
{
	char text[16] = "";

	if (read(nth_r, text, sizeof(text) - 1) <= 0)
		return -1;
	return strtol(text, NULL, 10);
}

// Write one byte to each page of [@p, @p + @len).
static void touch(char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i += PG)
		p[i] = 1;
}

// The end of a fork-like call in the parent: its errno, or reap child @pid.
static int reap(pid_t pid)
{
	int status;

	if (pid < 0)
		return errno;
	return waitpid(pid, &status, 0) == pid ? 0 : errno;
}

static int op_fork(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	return reap(pid);
}

static int op_vfork(void)
{
	pid_t pid = vfork();	/* its child must not return from here */

	if (pid == 0)
		_exit(0);
	return reap(pid);
}

static int op_file(void)
{
	int fd = open("/failnth", O_RDONLY), err = 0;
	volatile char *p;

	if (fd < 0)
		return errno;
	p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		err = errno;
	} else {
		(void)p[0];		/* the file's page itself */
		p[PG] = 1;		/* a private copy of the next one */
		if (munmap((void *)p, 4 * PG))
			err = errno;
	}
	close(fd);
	return err;
}

static int op_exec(void)
{
	char *argv[] = { "failnth", "--exit", NULL }, *envp[] = { NULL };

	execve("/failnth", argv, envp);
	return errno;		/* the new program reports for itself */
}

// mmap @pages anonymous pages with @flags, write a byte to each, munmap.
static int map_touch_unmap(int pages, int flags)
{
	char *p = mmap(NULL, pages * PG, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return errno;
	touch(p, pages * PG);
	return munmap(p, pages * PG) ? errno : 0;
}

static int op_mmap(void)
{
	return map_touch_unmap(16, MAP_PRIVATE);
}

// Do the 1s touch() wrote still read 1 (EIO if not: a move lost them)?
static int touched(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i += PG)
		if (p[i] != 1)
			return EIO;
	return 0;
}

/* 16 pages below 1 GB and 16 above: two 4 MB regions with no page table yet */
#define FAR_AWAY	((char *)0x40000000 - 16 * PG)

/*
 * mremap: 16 written pages grow to 32 past a page mapped right after them
 * (a move next to a neighbour: no allocation but the old VMA's splits),
 * then move to FAR_AWAY (a new VMA and two new page tables: if the second
 * cannot be had, the 16 PTEs already moved must come back).
 */
static int op_mremap(void)
{
	const int rw = PROT_READ | PROT_WRITE, anon = MAP_PRIVATE | MAP_ANONYMOUS;
	char *p = mmap(NULL, 17 * PG, rw, anon, -1, 0), *q, *r;
	int err = 0;

	if (p == MAP_FAILED)
		return errno;
	touch(p, 16 * PG);
	q = mremap(p, 16 * PG, 32 * PG, MREMAP_MAYMOVE);
	if (q == MAP_FAILED) {
		err = errno;
		return munmap(p, 17 * PG) ? errno : err;
	}
	touch(q, 32 * PG);
	r = mremap(q, 32 * PG, 32 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, FAR_AWAY);
	if (r == MAP_FAILED)
		err = errno;
	else
		q = r;
	err = touched(q, 32 * PG) ?: err;
	if (munmap(q, 32 * PG) || munmap(p + 16 * PG, PG))
		err = err ? err : errno;
	return err;
}

/* madvise: a VMA split by MADV_DONTFORK, its pages faulted in by MADV_POPULATE_WRITE */
static int op_madvise(void)
{
	char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int err = 0;

	if (p == MAP_FAILED)
		return errno;
	if (madvise(p + PG, PG, MADV_DONTFORK) || madvise(p, 3 * PG, MADV_POPULATE_WRITE))
		err = errno;
	return munmap(p, 3 * PG) ? errno : err;
}

static int verbose;
static char *three;		/* op_split's pages, mapped before the count starts */

static int op_split(void)
{
	if (mprotect(three + PG, PG, PROT_READ))
		return errno;
	return munmap(three + PG, PG) ? errno : 0;
}

static int op_brk(void)
{
	char *start = (char *)syscall(SYS_brk, 0);
	char *end = (char *)syscall(SYS_brk, start + 16 * PG);

	if (end != start + 16 * PG)
		return ENOMEM;	/* brk answers with the old break */
	touch(start, 16 * PG);
	return (char *)syscall(SYS_brk, start) == start ? 0 : ENOMEM;
}

static int op_maps(void)
{
	char buf[512];
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return errno;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	return n < 0 ? errno : 0;
}

static int op_shmem(void)
{
	return map_touch_unmap(4, MAP_SHARED);
}

static int op_devmap(void)
{
	int fd = open("/dev/mm386", O_RDWR), err = 0;
	long offset;

	if (fd < 0)
		return errno;
	for (offset = 0; offset <= PG && !err; offset += PG) {
		char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, offset);

		if (p == MAP_FAILED) {
			err = errno;
			break;
		}
		touch(p, 4 * PG);
		if (munmap(p, 4 * PG))
			err = errno;
	}
	close(fd);
	return err;
}

static const struct op {
	const char *name;
	int (*run)(void);
} ops[] = {
	{ "fork", op_fork }, { "vfork", op_vfork }, { "exec", op_exec }, { "mmap", op_mmap },
	{ "file", op_file }, { "split", op_split }, { "brk", op_brk }, { "maps", op_maps },
	{ "devmap", op_devmap }, { "mremap", op_mremap }, { "madvise", op_madvise },
	{ "shmem", op_shmem },
};

/*
 * Run @op in a child with its @n-th allocation failing.  The child exits
 * with NOT_REACHED if the count did not get to 0, else with the call's
 * errno (0: it succeeded all the same).  Returns the wait status.
 */
static int run_nth(const struct op *op, unsigned int n)
{
	int status, err;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("failnth: fork");
		exit(1);
	}
	if (pid == 0) {
		nth_w = open(NTH_FILE, O_WRONLY);
		nth_r = open(NTH_FILE, O_RDONLY);
		if (op->run == op_split) {
			three = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (three == MAP_FAILED)
				_exit(99);
			touch(three, 3 * PG);
		}
		if (nth_w < 0 || nth_r < 0 || arm(n))
			_exit(99);
		err = op->run();
		switch (left()) {
		case 0:
			_exit(err);
		case -1:
			_exit(99);
		default:
			_exit(NOT_REACHED);
		}
	}
	if (waitpid(pid, &status, 0) != pid) {
		perror("failnth: waitpid");
		exit(1);
	}
	return status;
}

/*
 * A child's exit code, named: "ok", the errno its call returned, or (above
 * NOT_REACHED: not an errno of ours) the new program's own, such as glibc's
 * 127 when its start-up fails.
 */
static const char *exit_name(int code)
{
	static char buf[16];

	if (code == 0)
		return "ok";
	if (code == 99)
		return "(no set-up)";
	if (code < 99 && strerrorname_np(code))
		return strerrorname_np(code);
	snprintf(buf, sizeof(buf), "exit-%d", code);
	return buf;
}

// "KILL" for SIGKILL; "?" for a number glibc has no name for.
static const char *sig_name(int sig)
{
	return sigabbrev_np(sig) ? sigabbrev_np(sig) : "?";
}

// Walk every allocation point of @op and print its line.
static int walk(const struct op *op)
{
	unsigned int n, count[256] = { 0 }, killed[65] = { 0 }, i;
	char line[1024];
	int status, len, bad = 0;

	for (n = 1; n <= MAX_POINTS; n++) {
		status = run_nth(op, n);
		if (WIFEXITED(status) && WEXITSTATUS(status) == NOT_REACHED)
			break;
		if (verbose && WIFEXITED(status))
			printf("failnth: %s: allocation %u failing: %s\n", op->name, n,
			       exit_name(WEXITSTATUS(status)));
		else if (verbose)
			printf("failnth: %s: allocation %u failing: SIG%s\n", op->name, n,
			       sig_name(WTERMSIG(status)));
		if (WIFEXITED(status))
			count[WEXITSTATUS(status)]++;
		else
			killed[WTERMSIG(status) < 65 ? WTERMSIG(status) : 0]++;
	}
	len = snprintf(line, sizeof(line), "failnth: %s: %u allocation points:", op->name, n - 1);
	for (i = 0; i < 256; i++) {
		if (!count[i])
			continue;
		len += snprintf(line + len, sizeof(line) - len, " %s %u", exit_name(i), count[i]);
		bad |= i == 99;
	}
	for (i = 0; i < 65; i++)
		if (killed[i])
			len += snprintf(line + len, sizeof(line) - len, " SIG%s %u", sig_name(i),
					killed[i]);
	if (n > MAX_POINTS) {
		snprintf(line + len, sizeof(line) - len, " (stopped at %u)", MAX_POINTS);
		bad = 1;
	}
	printf("%s\n", line);
	return bad;
}

int main(int argc, char **argv)
{
	unsigned int i;
	int arg, bad = 0;
	long l;

	if (argc == 2 && !strcmp(argv[1], "--exit")) {
		/* "exec" got this far: is the count still running? */
		nth_r = open(NTH_FILE, O_RDONLY);
		if (nth_r < 0)	/* the open's own allocation was the Nth */
			return errno == ENOMEM ? NOT_REACHED : 99;
		l = left();
		return l == 0 ? 0 : l < 0 ? 99 : NOT_REACHED;
	}
	arg = 1;
	if (argc > 1 && !strcmp(argv[1], "-v")) {
		verbose = 1;
		arg++;
	}
	if (arg == argc) {
		for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
			bad |= walk(&ops[i]);
		return bad;
	}
	for (; arg < argc; arg++) {
		for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
			if (!strcmp(argv[arg], ops[i].name))
				break;
		if (i == sizeof(ops) / sizeof(ops[0])) {
			fprintf(stderr, "usage: failnth [-v] [fork|vfork|exec|mmap|file|split|brk|maps|"
				"devmap...] | --exit\n");
			return 2;
		}
		bad |= walk(&ops[i]);
	}
	return bad;
}
