/*
 * user/sysfuzz.c - random system calls, thrown at the kernel on purpose.
 *
 * A kernel must survive whatever a program asks of it: a bad pointer is
 * -EFAULT, a bad number -EINVAL, a program that unmaps its own stack dies
 * with a segfault line, and the kernel goes on, with nothing lost.
 * user/errnos.c checks each call's answer against Linux's, one chosen
 * mistake at a time.  This program does what Linux's fuzzers (trinity,
 * syzkaller) do, in small: it makes calls nobody chose, thousands of
 * them, with arguments drawn from values that tend to break kernels:
 * NULL, the kernel's first byte, a range that crosses 3 GB, lengths of 0,
 * 4095, 4097 and 2^32-1, descriptors that are closed, flags with every
 * bit set, addresses in the middle of the program's own mappings.
 *
 *   sysfuzz [-v] [-l] [SEED [CALLS [PER_CHILD]]]      (defaults: 1 20000 500)
 *
 * The calls are made by children, PER_CHILD each, so that one that kills
 * itself (munmap of its own stack, a SIGKILL to itself, a TLS descriptor
 * it then cannot use) only ends its share early.  A child first closes
 * the console (descriptors 0-2): a read from it would wait for a key, and
 * random bytes written to it would land in the serial log the tests read.
 * fork, vfork and clone are made too; their children exit at once, in
 * the same asm that made the call.  pause, exit and exit_group are never
 * drawn, and sleeps are given short times.
 *
 * Each child also sets its /proc/self/make-it-fail.  Under fault
 * injection with the task filter on (failslab.task_filter=Y,
 * fail_page_alloc.task_filter=Y), the children's calls then see failed
 * allocations while the parent, which must fork the next child and count
 * the last, and the programs after it are spared (user/failcmd.c).
 *
 * The same SEED makes the same calls (the same binary on the same kernel
 * and RAM size), so a failure can be replayed: with -v each child prints
 * every call before making it (on descriptor 31, which nothing here
 * closes), so the last line before an oops names it.  A leak that shows
 * only at the end ("LEAKED", "BUG: Bad rss-counter state") is found by
 * bisecting CALLS: the first N calls are the same for every N.  The
 * kernel's bugs this found are in docs/reliability.md.
 *
 * A child that loops in ring 3 without a system call (it can write over
 * its own code, or map page 0 and jump there) would hold its parent up
 * for good: the parent kills it, with a line that says so (wait_child()).
 * -l makes the first child loop that way once its calls are made, to show
 * that this works.
 *
 * The parent prints one line at the end:
 *   sysfuzz: seed 1: 40 children, 20000 calls, 12333 made: 10 exited, 30 killed (...)
 * (seed 1 at 160 MB; made: the calls the children made before they
 * exited or were killed).
 * The test (tests/host/test_sysfuzz.py) checks the kernel's side: no
 * oops, no warning, the process's "nothing lost", and a program after it
 * that still runs.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <sys/wait.h>

#define PG		4096UL
#define ARENA_PAGES	16	/* the mapping the memory calls mostly aim at */
#define LOG_FD		31	/* -v's descriptor: the last one mm386 has */
#define OVERTIME	60	/* seconds a child may sleep in the kernel */
#define LOOK_FIRST	10	/* naps before the parent first looks at a child */
#define LOOK_EVERY	5	/* naps between two looks */
#define LOOP_STRIKES	3	/* looks in a row that find it looping: killed */
#define MADE_ADDR	0x08000000UL	/* the page that counts the calls made */

/* What one argument is drawn from. */
enum kind {
	K_NONE, K_INT, K_FD, K_PTR, K_LEN, K_PATH, K_ADDR, K_PROT, K_MFLAGS,
	K_OFLAGS, K_PID, K_SIG, K_CLOCK, K_TIMESPEC, K_IOV, K_UDESC, K_IOCTL,
	K_CLONE, K_RES, K_WOPTS, K_TIMESPEC64,
};

struct call {
	int nr;
	const char *name;
	unsigned char arg[6];
	unsigned char forks;	/* its child comes back with 0: exit there */
};

/* Every number mm386 serves except exit, exit_group and pause. */
static const struct call calls[] = {
	{ 2, "fork", { 0 }, 1 },
	{ 3, "read", { K_FD, K_PTR, K_LEN }, 0 },
	{ 4, "write", { K_FD, K_PTR, K_LEN }, 0 },
	{ 5, "open", { K_PATH, K_OFLAGS, K_INT }, 0 },
	{ 6, "close", { K_FD }, 0 },
	{ 7, "waitpid", { K_PID, K_PTR, K_WOPTS }, 0 },
	{ 11, "execve", { K_PATH, K_PTR, K_PTR }, 0 },
	{ 13, "time", { K_PTR }, 0 },
	{ 19, "lseek", { K_FD, K_INT, K_INT }, 0 },
	{ 20, "getpid", { 0 }, 0 },
	{ 24, "getuid", { 0 }, 0 },
	{ 37, "kill", { K_PID, K_SIG }, 0 },
	{ 41, "dup", { K_FD }, 0 },
	{ 43, "times", { K_PTR }, 0 },
	{ 45, "brk", { K_ADDR }, 0 },
	{ 54, "ioctl", { K_FD, K_IOCTL, K_PTR }, 0 },
	{ 63, "dup2", { K_FD, K_FD }, 0 },
	{ 64, "getppid", { 0 }, 0 },
	{ 65, "getpgrp", { 0 }, 0 },
	{ 76, "getrlimit", { K_RES, K_PTR }, 0 },
	{ 77, "getrusage", { K_INT, K_PTR }, 0 },
	{ 78, "gettimeofday", { K_PTR, K_PTR }, 0 },
	{ 85, "readlink", { K_PATH, K_PTR, K_LEN }, 0 },
	{ 90, "old_mmap", { K_PTR }, 0 },
	{ 91, "munmap", { K_ADDR, K_LEN }, 0 },
	{ 114, "wait4", { K_PID, K_PTR, K_WOPTS, K_PTR }, 0 },
	{ 116, "sysinfo", { K_PTR }, 0 },
	{ 120, "clone", { K_CLONE, K_ADDR, K_PTR, K_INT, K_PTR }, 1 },
	{ 122, "uname", { K_PTR }, 0 },
	{ 125, "mprotect", { K_ADDR, K_LEN, K_PROT }, 0 },
	{ 132, "getpgid", { K_PID }, 0 },
	{ 145, "readv", { K_FD, K_IOV, K_INT }, 0 },
	{ 146, "writev", { K_FD, K_IOV, K_INT }, 0 },
	{ 158, "sched_yield", { 0 }, 0 },
	{ 162, "nanosleep", { K_TIMESPEC, K_PTR }, 0 },
	{ 163, "mremap", { K_ADDR, K_LEN, K_LEN, K_PROT, K_ADDR }, 0 },
	{ 190, "vfork", { 0 }, 1 },
	{ 191, "ugetrlimit", { K_RES, K_PTR }, 0 },
	{ 192, "mmap2", { K_ADDR, K_LEN, K_PROT, K_MFLAGS, K_FD, K_INT }, 0 },
	{ 197, "fstat64", { K_FD, K_PTR }, 0 },
	{ 218, "mincore", { K_ADDR, K_LEN, K_PTR }, 0 },
	{ 219, "madvise", { K_ADDR, K_LEN, K_INT }, 0 },
	{ 224, "gettid", { 0 }, 0 },
	{ 238, "tkill", { K_PID, K_SIG }, 0 },
	{ 243, "set_thread_area", { K_UDESC }, 0 },
	{ 244, "get_thread_area", { K_UDESC }, 0 },
	{ 258, "set_tid_address", { K_PTR }, 0 },
	{ 265, "clock_gettime", { K_CLOCK, K_PTR }, 0 },
	{ 267, "clock_nanosleep", { K_CLOCK, K_INT, K_TIMESPEC, K_PTR }, 0 },
	{ 270, "tgkill", { K_PID, K_PID, K_SIG }, 0 },
	{ 295, "openat", { K_FD, K_PATH, K_OFLAGS, K_INT }, 0 },
	{ 311, "set_robust_list", { K_PTR, K_LEN }, 0 },
	{ 330, "dup3", { K_FD, K_FD, K_INT }, 0 },
	{ 340, "prlimit64", { K_PID, K_RES, K_PTR, K_PTR }, 0 },
	{ 355, "getrandom", { K_PTR, K_LEN, K_INT }, 0 },
	{ 383, "statx", { K_FD, K_PATH, K_INT, K_INT, K_PTR }, 0 },
	{ 403, "clock_gettime64", { K_CLOCK, K_PTR }, 0 },
	{ 407, "clock_nanosleep_time64", { K_CLOCK, K_INT, K_TIMESPEC64, K_PTR }, 0 },
	/* one number mm386 does not serve, with random arguments */
	{ -1, "unserved", { K_INT, K_INT, K_PTR, K_LEN, K_INT, K_INT }, 0 },
};
#define NR_CALLS	(sizeof(calls) / sizeof(calls[0]))

/* old_mmap's six arguments, which it reads from memory: mmap2's kinds. */
static const unsigned char mmap_kinds[6] = {
	K_ADDR, K_LEN, K_PROT, K_MFLAGS, K_FD, K_INT
};

static const char *const paths[] = {
	"/dev/mm386", "/proc/self/maps", "/proc/self/status", "/proc/meminfo",
	"/proc/buddyinfo", "/proc/vmallocinfo", "/proc/slabinfo", "/proc/self",
	"/proc/self/exe", "/proc/1/maps", "/proc/99999/maps", "/proc",
	"/nonexistent", "", "/", "relative", "/dev/null", "/dev/mm386/x",
	"/proc/self/maps/", "//dev//mm386", "/proc/self/make-it-fail",
};

static unsigned int rng;		/* xorshift32: the same seed, the same calls */
static int verbose;
static int loop_test;			/* -l: the first child loops at the end */
static unsigned char *arena;		/* ARENA_PAGES read-write, then PROT_NONE */
static unsigned char *rodata_page;	/* one read-only page */
static pid_t self, last_child;
/*
 * The calls the children really made.  A child that kills itself stops
 * short of its share, so the number asked for says little: each child
 * adds one here before each call.  The page is MAP_SHARED, so what the
 * children add reaches the parent.  It sits at MADE_ADDR, just below the
 * program's code, where neither the heap (it grows up from above the
 * program) nor mmap (down from below the stack) would put anything, so
 * the calls meet the same address space as without it: with a page
 * higher up, a brk that grew the heap past it failed, and seed 411 took
 * another course.  The calls can unmap or zap it like any page of their
 * own (the next add then kills the child, or goes to a page of its own):
 * so the count is the least that were made, exact unless that happens.
 */
static volatile unsigned long *made;
/* What the structured arguments point at: never in the arena, which the
 * calls themselves unmap and protect. */
static long timespec_buf[4];
static unsigned int iov_buf[16];
static unsigned int udesc_buf[4];
static unsigned long mmap_args[6];

// The next pseudo-random number (never 0 once seeded with non-zero).
static unsigned int next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

// One of the @n values of @v.
static unsigned long pick(const unsigned long *v, unsigned int n)
{
	return v[next() % n];
}
#define PICK(...) ({ const unsigned long v_[] = { __VA_ARGS__ }; \
		     pick(v_, sizeof(v_) / sizeof(v_[0])); })

// A user pointer: mostly into the arena, sometimes one of the classic bad ones.
static unsigned long user_pointer(void)
{
	switch (next() % 10) {
	case 0:
		return PICK(0UL, 0x50000000UL, 0xc0000000UL, 0xbffffffeUL, 0xfffff000UL,
			    0xffffffffUL, 1UL, 0xbfff0000UL);	/* stack, but below ours */
	case 1:
		return (unsigned long)rodata_page + next() % PG;
	case 2:
		return (unsigned long)arena + ARENA_PAGES * PG + next() % PG; /* PROT_NONE */
	case 3:
		return next();
	default:
		return (unsigned long)arena + next() % (ARENA_PAGES * PG);
	}
}

// A page address, mostly in or around the arena.
static unsigned long page_address(void)
{
	switch (next() % 8) {
	case 0:
		return PICK(0UL, 0x1000UL, 0x08048000UL, 0x40000000UL, 0xbffff000UL,
			    0xc0000000UL, 0xfffff000UL, 0xb0000000UL);
	case 1:
		return (unsigned long)arena + next() % (ARENA_PAGES * PG);	/* unaligned */
	case 2:
		return next() & ~(PG - 1);
	default:
		return (unsigned long)arena + (next() % (ARENA_PAGES + 4)) * PG - 2 * PG;
	}
}

// One argument of kind @k (see enum kind).
static unsigned long draw(int k)
{
	unsigned long sec, nsec;
	unsigned int i;

	switch (k) {
	case K_INT:
		return next() % 2 ? next() % 70 : PICK(0UL, 1UL, 2UL, 3UL, -1UL, 4096UL,
			0x7fffffffUL, 0x80000000UL, 0xffffffffUL, next());
	case K_FD:
		return PICK(-1UL, 0UL, 1UL, 2UL, 3UL, 4UL, 5UL, 6UL, 7UL, 8UL, 9UL, 30UL,
			    32UL, 1000UL, -100UL /* AT_FDCWD */);
	case K_PTR:
		return user_pointer();
	case K_LEN:
		return PICK(0UL, 1UL, 16UL, 100UL, 4095UL, 4096UL, 4097UL, 8192UL,
			    65536UL, 1UL << 20, 0x7fffffffUL, 0xffffffffUL, next() % 20000);
	case K_PATH:
		if (next() % 8 == 0)
			return user_pointer();
		return (unsigned long)paths[next() % (sizeof(paths) / sizeof(paths[0]))];
	case K_ADDR:
		return page_address();
	case K_PROT:
		return next() % 4 ? next() % 8 : next();
	case K_MFLAGS:
		return next() % 4 ? PICK(0x22UL, 0x32UL, 0x21UL, 0x02UL, 0x01UL, 0x03UL,
					 0x122UL, 0x100022UL, 0x8022UL) : next();
	case K_OFLAGS:
		return next() % 3 ? next() % 4 : next();
	case K_PID:
		/* never -1 or 0: "every process" and "my group" hold the parent */
		return PICK((unsigned long)self, (unsigned long)self, 99999UL, -99999UL,
			    last_child ? (unsigned long)last_child : 99998UL);
	case K_SIG:		/* mostly harmless ones; never a stop signal */
		if (next() % 16)	/* 0 (exists?), SIGCHLD, SIGCONT, SIGURG, SIGWINCH */
			return PICK(0UL, 17UL, 18UL, 23UL, 28UL, 66UL, -1UL);
		i = next() % 65;
		return i >= 19 && i <= 22 ? 9 : i;	/* SIGSTOP SIGTSTP SIGTTIN SIGTTOU */
	case K_CLOCK:
		return next() % 14 - 2;
	case K_TIMESPEC:	/* short sleeps only: nothing here may wait for long */
	case K_TIMESPEC64:
		/* A bad pointer, but only one that stays bad: the calls may map
		 * and fill any user address (brk up to 0xb0000000 covers most),
		 * and random bytes there could ask for a sleep of years. */
		if (next() % 4 == 0)
			return PICK(0xc0000000UL, 0xbffffffcUL, 0xfffffff0UL);
		sec = next() % 3 ? 0 : -1;
		nsec = PICK(0UL, 1000UL, 1000000000UL, -1UL);	/* at most 1 us */
		if (k == K_TIMESPEC) {
			timespec_buf[0] = sec;
			timespec_buf[1] = nsec;
		} else {		/* two 64-bit fields */
			timespec_buf[0] = timespec_buf[1] = sec;
			timespec_buf[2] = nsec;
			timespec_buf[3] = (long)nsec < 0 ? -1 : 0;
		}
		return (unsigned long)timespec_buf;
	case K_IOV:
		for (i = 0; i < 16; i += 2) {
			iov_buf[i] = user_pointer();
			iov_buf[i + 1] = draw(K_LEN);
		}
		return next() % 8 ? (unsigned long)iov_buf : user_pointer();
	case K_UDESC:
		udesc_buf[0] = PICK(-1UL, 6UL, 7UL, 8UL, 5UL, 9UL, 12UL, next());
		udesc_buf[1] = next() % 2 ? user_pointer() : 0;
		udesc_buf[2] = next() % 2 ? 0xfffffUL : next();
		udesc_buf[3] = next() % 2 ? 0x51UL : next();
		return next() % 8 ? (unsigned long)udesc_buf : user_pointer();
	case K_IOCTL:
		return PICK(0x6d01UL, 0x6d02UL, 0x5401UL /* TCGETS */, 0x5413UL, 0UL,
			    next());
	case K_CLONE:
		return next() % 2 ? 0x11UL /* SIGCHLD */ : PICK(0x4111UL, 0x100011UL,
			0x200011UL, 0x1000011UL, 0x100UL, next());
	case K_RES:
		return next() % 18;
	case K_WOPTS:
		return PICK(0UL, 1UL /* WNOHANG */, 2UL, 0x40000000UL, next());
	}
	return 0;
}

/* The registers of a system call: number in eax, arguments in ebx, ecx,
 * edx, esi, edi and ebp.  ebp is saved by hand, as the compiler may use it. */
#define LOAD_AND_CALL					\
	"push %%ebp\n\t"				\
	"mov 4(%%eax), %%ebx\n\t"			\
	"mov 8(%%eax), %%ecx\n\t"			\
	"mov 12(%%eax), %%edx\n\t"			\
	"mov 16(%%eax), %%esi\n\t"			\
	"mov 20(%%eax), %%edi\n\t"			\
	"mov 24(%%eax), %%ebp\n\t"			\
	"mov 0(%%eax), %%eax\n\t"			\
	"int $0x80\n\t"

// Make system call @nr with @a.  For fork, vfork and clone (@forks), the
// child exits in the asm itself: a vfork child must not touch the stack
// it shares with its parent, and a clone child may be on another one.
static long make_call(long nr, const unsigned long *a, int forks)
{
	unsigned long regs[7] = { nr, a[0], a[1], a[2], a[3], a[4], a[5] };
	long ret;

	if (forks)
		asm volatile(LOAD_AND_CALL
			     "test %%eax, %%eax\n\t"
			     "jnz 1f\n\t"
			     "mov $1, %%eax\n\t"	/* the child: exit(0) */
			     "xor %%ebx, %%ebx\n\t"
			     "int $0x80\n"
			     "1:\tpop %%ebp"
			     : "=a" (ret)
			     : "a" (regs), "m" (regs)
			     : "ebx", "ecx", "edx", "esi", "edi", "memory", "cc");
	else
		asm volatile(LOAD_AND_CALL
			     "pop %%ebp"
			     : "=a" (ret)
			     : "a" (regs), "m" (regs)
			     : "ebx", "ecx", "edx", "esi", "edi", "memory", "cc");
	return ret;
}

// Print call @c with @a on the -v descriptor.
static void log_call(unsigned int i, long nr, const struct call *c, const unsigned long *a)
{
	char line[160];
	int n;

	n = snprintf(line, sizeof(line), "sysfuzz[%d] %u: %s(%ld) %#lx %#lx %#lx %#lx %#lx %#lx\n",
		     self, i, c->name, nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (write(LOG_FD, line, n) < 0)
		verbose = 0;
}

/*
 * A number mm386 does not serve: -ENOSYS.  Nor exit, exit_group, and the
 * signal calls that would not test the kernel with random arguments:
 * pause and rt_sigsuspend sleep for good, sigreturn and rt_sigreturn load
 * random registers (the child runs on anywhere), rt_sigaction installs
 * random handlers, rt_sigtimedwait (177, 421) would sleep for a random
 * time and rt_sigqueueinfo would send random signals to random processes,
 * the fuzzer's parent among them (user/signals.c tests them all).
 */
static long unserved_number(void)
{
	unsigned int i;
	long nr;

	if (next() % 16 == 0)
		return PICK(-1UL, 0x80000000UL, 450UL, 1000UL, 0x10000UL);
again:
	nr = next() % 450;
	if (nr == 1 || nr == 29 || nr == 252 || nr == 119 || nr == 173 || nr == 174 || nr == 179 ||
	    nr == 177 || nr == 178 || nr == 421)
		goto again;
	for (i = 0; i < NR_CALLS; i++)
		if (calls[i].nr == nr)
			goto again;
	return nr;
}

extern const char __executable_start[], etext[];

// Does [@start, @start + @len) reach into [@lo, @hi) (or wrap past 4 GB from below @hi)?
static int overlaps(unsigned long start, unsigned long len, unsigned long lo, unsigned long hi)
{
	return start < hi && (start + len < start || start + len > lo);
}

/*
 * Would this call put fresh pages over the program's own code, or over
 * the page that counts the calls?  Over the code, the program would then
 * run on through them (00 00 is an instruction), a page fault each, for up
 * to 2 GB: not a kernel bug, but under QEMU ten minutes of nothing, each
 * page of "code" translated anew.  Two calls can: mmap with MAP_FIXED
 * (mmap2, or old_mmap, whose six arguments are in memory) and mremap with
 * MREMAP_FIXED (seed 411 at 32 MB moved a page to 0x08048000 and grew it
 * to 1 MB).  old_mmap given some other
 * pointer reads words this program cannot vouch for, so only a pointer
 * the kernel must refuse (NULL's page, or above 3 GB) goes through.
 * Unmapping the code is fine: that is a quick segfault.  The page that
 * counts the calls (MADE_ADDR) is spared the same way: a child with a
 * page of its own there would count for nobody, and its parent would
 * take it for a child looping in ring 3 (wait_child()).
 */
static int maps_over_own_pages(long nr, const unsigned long *a)
{
	unsigned long start, len;

	if (nr == 90 && a[0] != (unsigned long)mmap_args)
		return a[0] >= PG && a[0] < 0xc0000000UL;
	if (nr == 90 || nr == 192) {
		const unsigned long *m = nr == 90 ? mmap_args : a;

		if (!(m[3] & MAP_FIXED))
			return 0;
		start = m[0];
		len = m[1];
	} else if (nr == 163 && (a[3] & MREMAP_FIXED)) {
		start = a[4];
		len = a[2];
	} else {
		return 0;
	}
	len = (len + PG - 1) & ~(PG - 1);
	return len && (overlaps(start, len, (unsigned long)__executable_start, (unsigned long)etext) ||
		       overlaps(start, len, MADE_ADDR, MADE_ADDR + PG));
}

// The number after "@name:" at the start of a line of @text, or -1 if none.
static long status_field(const char *text, const char *name)
{
	size_t len = strlen(name);

	for (; *text; text++) {
		if (!strncmp(text, name, len) && text[len] == ':')
			return strtol(text + len + 1, NULL, 10);
		while (*text && *text != '\n')
			text++;
		if (!*text)
			break;
	}
	return -1;
}

/*
 * ctxt_switches - @pid's voluntary and nonvoluntary context switches, from
 * its /proc/PID/status.  Return: 0, or -1 if the file could not be read.
 */
static int ctxt_switches(pid_t pid, unsigned long *vol, unsigned long *invol)
{
	char path[32], text[4096];
	long v, nv;
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	len = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (len <= 0)
		return -1;
	text[len] = 0;
	v = status_field(text, "voluntary_ctxt_switches");
	nv = status_field(text, "nonvoluntary_ctxt_switches");
	if (v < 0 || nv < 0)
		return -1;
	*vol = v;
	*invol = nv;
	return 0;
}

/*
 * What wait_child() last saw of a child: the calls made so far, its
 * context switches, how many times it looked, and how many looks in a row
 * found it running in user space without a system call.
 */
struct watch {
	unsigned long made, vol, invol;
	unsigned int looks, strikes;
};

/*
 * in_user_loop - look at child @pid again: is it running on in user space
 * without a system call?  That is so when, since the last look, it has
 * made no call (*made unchanged), never slept (no voluntary context
 * switch), and was preempted at least once (a nonvoluntary switch: the
 * kernel is not preemptible, so that happens only on the way back to
 * ring 3).  True after LOOP_STRIKES such looks in a row.
 */
static int in_user_loop(pid_t pid, struct watch *w)
{
	unsigned long now = *made, vol, invol;

	if (ctxt_switches(pid, &vol, &invol))
		return 0;
	if (w->looks++ && now == w->made && vol == w->vol && invol > w->invol)
		w->strikes++;
	else
		w->strikes = 0;
	w->made = now;
	w->vol = vol;
	w->invol = invol;
	return w->strikes >= LOOP_STRIKES;
}

/*
 * Wait for child @pid, and end a child that will not end.  A child can
 * overwrite its own stack or code (getrandom into it, say), or map page 0
 * and jump there, and then loop in ring 3 without a system call: not the
 * kernel's fault, and Linux's parent would wait forever too.  From its
 * LOOK_FIRST'th nap on, every LOOK_EVERY naps, the parent looks at the
 * child (in_user_loop()), and kills one that runs on in user space with a
 * line that says so.  A child asleep in the kernel for good would be the
 * kernel's fault: after OVERTIME seconds of naps it is killed with a line
 * the tests check is never printed.  (The naps are 10 ms while the child
 * sleeps; a child that runs takes the CPU for its time slice between two
 * naps, which is why the look counts naps, not seconds.)  Return: as
 * waitpid.
 */
static pid_t wait_child(pid_t pid, int *status)
{
	const struct timespec tick = { 0, 10 * 1000 * 1000 };	/* 10 ms */
	struct watch w = { 0 };
	unsigned int waited;
	pid_t ret;

	for (waited = 0; !(ret = waitpid(pid, status, WNOHANG)); waited++) {
		if (waited == OVERTIME * 100) {
			printf("sysfuzz: pid %d ran over %d s: killed\n", (int)pid, OVERTIME);
			fflush(stdout);
			kill(pid, SIGKILL);
		}
		if (waited >= LOOK_FIRST && waited % LOOK_EVERY == 0 && w.strikes < LOOP_STRIKES &&
		    in_user_loop(pid, &w)) {
			printf("sysfuzz: pid %d ran on in user space without a system call: killed\n",
			       (int)pid);
			fflush(stdout);
			kill(pid, SIGKILL);
		}
		nanosleep(&tick, NULL);
	}
	return ret;
}

// One child's share: @n calls.
static void fuzz(unsigned int n)
{
	unsigned int i, j;

	close(0);
	close(1);
	close(2);
	for (i = 0; i < n;) {	/* i counts the calls made: a skipped one is drawn again */
		const struct call *c = &calls[next() % NR_CALLS];
		unsigned long a[6] = { 0 };
		long nr = c->nr, ret;

		if (nr < 0)
			nr = unserved_number();
		for (j = 0; j < 6; j++)
			a[j] = draw(c->arg[j]);
		if (nr == 90) {	/* old_mmap: its six arguments in memory */
			for (j = 0; j < 6; j++)
				mmap_args[j] = draw(mmap_kinds[j]);
			if (next() % 8)
				a[0] = (unsigned long)mmap_args;
		}
		if (maps_over_own_pages(nr, a))
			continue;
		if (verbose)
			log_call(i, nr, c, a);
		i++;
		(*made)++;
		ret = make_call(nr, a, c->forks);
		if (c->forks && ret > 0)
			last_child = ret;
	}
}

// Let fault injection with the task filter fail this process's allocations.
static void make_it_fail(void)
{
	int fd = open("/proc/self/make-it-fail", O_WRONLY);

	if (fd < 0)
		return;		/* a kernel without fault injection: no matter */
	if (write(fd, "1", 1) != 1)
		perror("sysfuzz: /proc/self/make-it-fail");
	close(fd);
}

int main(int argc, char **argv)
{
	unsigned int seed = 1, total = 20000, per_child = 500, children = 0;
	unsigned int exited = 0, killed = 0, by_signal[65] = { 0 }, done;
	int arg = 1, status, sig;
	char others[1000] = "";

	for (; arg < argc && argv[arg][0] == '-' && argv[arg][1]; arg++) {
		if (!strcmp(argv[arg], "-v"))
			verbose = 1;
		else if (!strcmp(argv[arg], "-l"))
			loop_test = 1;
		else
			break;		/* a negative number: the usage line */
	}
	if (argc > arg)
		seed = strtoul(argv[arg], NULL, 0);
	if (argc > arg + 1)
		total = strtoul(argv[arg + 1], NULL, 0);
	if (argc > arg + 2)
		per_child = strtoul(argv[arg + 2], NULL, 0);
	if (!seed || !per_child) {
		fprintf(stderr, "usage: sysfuzz [-v] [-l] [SEED [CALLS [PER_CHILD]]], SEED and PER_CHILD > 0\n");
		return 2;
	}
	if (verbose && dup2(1, LOG_FD) != LOG_FD) {
		perror("sysfuzz: dup2");
		return 1;
	}
	arena = mmap(NULL, (ARENA_PAGES + 1) * PG, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	rodata_page = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	made = mmap((void *)MADE_ADDR, PG, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (arena == MAP_FAILED || rodata_page == MAP_FAILED || made == MAP_FAILED ||
	    mprotect(arena + ARENA_PAGES * PG, PG, PROT_NONE)) {
		perror("sysfuzz: mmap");
		return 1;
	}
	*made = 0;		/* present before the first fork: each child maps the page */
	printf("sysfuzz: seed %u: %u calls, %u per child\n", seed, total, per_child);
	fflush(stdout);
	for (done = 0; done < total; done += per_child) {
		unsigned int n = total - done < per_child ? total - done : per_child;
		pid_t pid;

		/* each child's stream: its own seed, from the seed and its number */
		rng = seed * 2654435761U + children * 40503U + 1;
		if (!rng)
			rng = 1;
		pid = fork();
		if (pid < 0) {
			perror("sysfuzz: fork");
			return 1;
		}
		if (pid == 0) {
			self = getpid();
			make_it_fail();
			fuzz(n);
			while (loop_test && children == 0)
				;	/* -l: the first child runs on in ring 3 */
			_exit(0);
		}
		children++;
		if (wait_child(pid, &status) != pid) {
			perror("sysfuzz: waitpid");
			return 1;
		}
		if (WIFEXITED(status)) {
			exited++;
		} else {
			killed++;
			sig = WTERMSIG(status);
			by_signal[sig < 65 ? sig : 0]++;
		}
	}
	for (sig = 1; sig < 65; sig++) {
		size_t len = strlen(others);

		if (!by_signal[sig])
			continue;
		if (sigabbrev_np(sig))
			snprintf(others + len, sizeof(others) - len, "%sSIG%s %u",
				 len ? ", " : "", sigabbrev_np(sig), by_signal[sig]);
		else
			snprintf(others + len, sizeof(others) - len, "%ssignal %d %u",
				 len ? ", " : "", sig, by_signal[sig]);
	}
	printf("sysfuzz: seed %u: %u children, %u calls, %lu made: %u exited, %u killed (%s)\n",
	       seed, children, total, *made, exited, killed, others[0] ? others : "none");
	return 0;
}
