// SPDX-License-Identifier: GPL-2.0
/*
 * user/signals.c - a memory fault is a signal, and a program can catch it.
 *
 * The articles' malloc() lives on demand paging: the kernel maps a page
 * when the program first touches it.  A touch the kernel cannot allow is
 * SIGSEGV, and by default that ends the program with the "segfault at"
 * line.  With a handler (sigaction, SA_SIGINFO) the program hears about it
 * instead: si_addr is the address, si_code says why (SEGV_MAPERR: nothing
 * mapped; SEGV_ACCERR: the mapping forbids it), and when the handler
 * returns the faulting instruction runs again.  So a program can do its
 * own demand paging (garbage collectors and user-space pagers do):
 *
 *   1. writes to PROT_NONE pages: the handler mprotect()s each page
 *   2. touches of unmapped pages: the handler mmap()s each one
 *   3. a stack overflow: the handler runs on a sigaltstack() stack
 *   4. SIGILL at ud2, SIGFPE at a division by zero: the handler moves EIP
 *      on (ucontext's registers); SIGBUS past a file's end
 *   5. SIGCHLD while waitpid() sleeps: SA_RESTART, or EINTR; a parent
 *      that ignores SIGCHLD (or sets SA_NOCLDWAIT) leaves no zombies
 *   6. blocked signals wait (sigprocmask, sigpending, sigsuspend); a
 *      real-time signal is queued each time it is sent (sigqueue), up to
 *      RLIMIT_SIGPENDING, and sigwaitinfo()/sigtimedwait() take one
 *   7. the FPU/SSE registers survive a handler, which starts clean
 *   8. what ends a program anyway: SA_RESETHAND, a fault while SIGSEGV is
 *      blocked, a bad rt_sigreturn frame, handlers nested past the end of
 *      the alternate stack
 *
 * Each line is checked by tests/host/test_user.py.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

/* A handler's signature is fixed; most use only some of its arguments. */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#define PG	4096UL
#define NPAGES	4

static volatile sig_atomic_t hits;
static volatile uintptr_t last_addr;
static volatile int last_code;

static void check(int ok, const char *what)
{
	printf("signals: %s: %s\n", what, ok ? "yes" : "NO");
	fflush(stdout);
}

// Install @fn for @sig with @flags (SA_SIGINFO handlers take three arguments).
static void on(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags | SA_SIGINFO;
	if (sigaction(sig, &sa, NULL)) {
		perror("signals: sigaction");
		exit(1);
	}
}

// Fork a child that runs @fn; return its wait status.
static int in_child(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static const char *how_it_ended(int status)
{
	static char s[64];

	if (WIFSIGNALED(status))
		snprintf(s, sizeof(s), "killed by signal %d", WTERMSIG(status));
	else
		snprintf(s, sizeof(s), "exited with status %d", WEXITSTATUS(status));
	return s;
}

/* 1 and 2: the handler makes the page usable, and the access runs again. */
static void grant_access(int sig, siginfo_t *si, void *uc)
{
	uintptr_t page = (uintptr_t)si->si_addr & ~(PG - 1);

	hits++;
	last_addr = (uintptr_t)si->si_addr;
	last_code = si->si_code;
	if (si->si_code == SEGV_ACCERR)
		mprotect((void *)page, PG, PROT_READ | PROT_WRITE);
	else
		mmap((void *)page, PG, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
}

static void user_pager(void)
{
	/* volatile: each access must happen where it is written, between the checks */
	volatile char *p = mmap(NULL, NPAGES * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int i, ok = 1;

	on(SIGSEGV, grant_access, 0);
	for (i = 0; i < NPAGES; i++) {
		p[i * PG + 100] = 'a' + i;
		ok &= last_addr == (uintptr_t)&p[i * PG + 100] && last_code == SEGV_ACCERR;
	}
	printf("signals: %d writes to PROT_NONE pages: %d SIGSEGVs, si_code %d (SEGV_ACCERR)\n",
	       NPAGES, hits, last_code);
	check(ok && p[100] == 'a' && p[3 * PG + 100] == 'd',
	      "si_addr was the byte written, and after mprotect() in the handler the write went through");

	munmap((void *)p, NPAGES * PG);		/* now nothing is mapped there */
	hits = 0;
	for (i = 0; i < NPAGES; i++) {
		ok &= p[i * PG] == 0;
		ok &= last_addr == (uintptr_t)&p[i * PG] && last_code == SEGV_MAPERR;
	}
	printf("signals: %d reads of unmapped pages: %d SIGSEGVs, si_code %d (SEGV_MAPERR)\n",
	       NPAGES, hits, last_code);
	check(ok, "the handler mmap()ed each page at si_addr and the read gave 0");
	munmap((void *)p, NPAGES * PG);
	signal(SIGSEGV, SIG_DFL);
}

/* 3: a stack overflow.  The handler needs a stack of its own. */
static sigjmp_buf overflow_jmp;
static char *altstack;
static volatile uintptr_t handler_sp;

static void on_overflow(int sig, siginfo_t *si, void *uc)
{
	char here;

	handler_sp = (uintptr_t)&here;
	last_addr = (uintptr_t)si->si_addr;
	siglongjmp(overflow_jmp, 1);
}

static int recurse(int n)
{
	volatile char frame[1024];

	frame[0] = n;
	if (n > (1 << 20))	/* never: the stack (8 MB) ends first */
		return 0;
	return recurse(n + 1) + frame[0];
}

static void overflow_child(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = SIGSTKSZ };
	int with_altstack = !!altstack;

	if (with_altstack && sigaltstack(&ss, NULL))
		_exit(2);
	on(SIGSEGV, on_overflow, SA_ONSTACK);
	if (sigsetjmp(overflow_jmp, 1) == 0)
		recurse(0);
	printf("signals: stack overflow: SIGSEGV at 0x%lx, handled on the alternate stack: %s\n",
	       (unsigned long)last_addr,
	       handler_sp >= (uintptr_t)altstack && handler_sp < (uintptr_t)altstack + SIGSTKSZ ?
	       "yes" : "NO");
	fflush(stdout);
}

static void stack_overflow(void)
{
	altstack = malloc(SIGSTKSZ);
	printf("signals: a child overflows its stack with a handler and a sigaltstack: %s\n",
	       how_it_ended(in_child(overflow_child)));
	free(altstack);
	altstack = NULL;
	printf("signals: a child overflows its stack with a handler but no sigaltstack: %s\n",
	       how_it_ended(in_child(overflow_child)));
}

/* 4: the handler changes the registers sigreturn puts back. */
static void skip_2_bytes(int sig, siginfo_t *si, void *ucp)
{
	ucontext_t *uc = ucp;

	last_code = si->si_code;
	last_addr = (uintptr_t)si->si_addr;
	hits = uc->uc_mcontext.gregs[REG_EIP] == (greg_t)last_addr;
	uc->uc_mcontext.gregs[REG_EIP] += 2;	/* ud2 is 0f 0b, div %ecx f7 f1 */
}

static sigjmp_buf bus_jmp;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
	last_code = si->si_code;
	last_addr = (uintptr_t)si->si_addr;
	siglongjmp(bus_jmp, 1);
}

static void bad_instructions(void)
{
	volatile char *past_end;
	char exe[256] = "";
	struct stat st;
	size_t size;
	char *map;
	int fd;

	on(SIGILL, skip_2_bytes, 0);
	hits = 0;
	__asm__ __volatile__("ud2");
	printf("signals: ud2: SIGILL, si_code %d (ILL_ILLOPN), si_addr == the saved EIP: %s\n",
	       last_code, hits ? "yes" : "NO");
	check(1, "the handler moved the saved EIP past ud2 and the program went on");
	signal(SIGILL, SIG_DFL);

	on(SIGFPE, skip_2_bytes, 0);
	hits = 0;
	__asm__ __volatile__("div %%ecx" : : "a"(1), "d"(0), "c"(0));
	printf("signals: 1 / 0: SIGFPE, si_code %d (FPE_INTDIV), si_addr == the saved EIP: %s\n",
	       last_code, hits ? "yes" : "NO");
	signal(SIGFPE, SIG_DFL);

	/* a mapping of our own file, two pages longer than the file */
	fd = readlink("/proc/self/exe", exe, sizeof(exe) - 1) > 0 ? open(exe, O_RDONLY) : -1;
	if (fd < 0 || fstat(fd, &st)) {
		perror("signals: /proc/self/exe");
		exit(1);
	}
	size = st.st_size;
	map = mmap(NULL, size + 2 * PG, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		perror("signals: mmap of /proc/self/exe");
		exit(1);
	}
	past_end = map + ((size + PG - 1) & ~(PG - 1));
	on(SIGBUS, on_bus, 0);
	if (sigsetjmp(bus_jmp, 1) == 0)
		(void)*past_end;
	printf("signals: a read of the page past the file's end: SIGBUS, si_code %d (BUS_ADRERR), "
	       "si_addr that page: %s\n", last_code, last_addr == (uintptr_t)past_end ? "yes" : "NO");
	munmap(map, size + 2 * PG);
	signal(SIGBUS, SIG_DFL);
}

/* 5: SIGCHLD interrupts waitpid(): restarted with SA_RESTART, EINTR without. */
static volatile pid_t chld_pid;
static volatile int chld_code, chld_status;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	if (++hits > 1)
		return;		/* keep the first: A's */
	chld_pid = si->si_pid;
	chld_code = si->si_code;
	chld_status = si->si_status;
}

static pid_t sleeper(long ms, int code)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec t = { ms / 1000, (ms % 1000) * 1000000 };

		nanosleep(&t, NULL);
		_exit(code);
	}
	return pid;
}

static void sigchld(int flags, const char *name)
{
	pid_t a, b, ret;
	int status, err;

	on(SIGCHLD, on_chld, flags);
	hits = 0;
	a = sleeper(50, 3);
	b = sleeper(500, 4);
	ret = waitpid(b, &status, 0);
	err = errno;
	printf("signals: %s: waitpid(B) = %s while A exited; SIGCHLD from A: si_pid %s, "
	       "si_code %d (CLD_EXITED), si_status %d\n", name,
	       ret == b ? "B" : ret == -1 && err == EINTR ? "-1 (EINTR)" : "something else",
	       chld_pid == a ? "A" : "other", chld_code, chld_status);
	if (ret != b)
		waitpid(b, &status, 0);
	waitpid(a, &status, 0);
	signal(SIGCHLD, SIG_DFL);
}

/*
 * 5: with SIGCHLD ignored, or SA_NOCLDWAIT, children are reaped by the kernel
 * as they exit: waitpid(-1) sleeps until none is left, then gives ECHILD,
 * and their PIDs are gone (kill(pid, 0): ESRCH).  A handler still runs
 * with SA_NOCLDWAIT.  Whatever the kernel did not reap is reaped here.
 */
static void on_chld_count(int sig, siginfo_t *si, void *uc)
{
	hits++;
}

static void no_zombies(int nocldwait, const char *name)
{
	pid_t kids[3], ret;
	int i, status, err, gone = 0;

	if (nocldwait)
		on(SIGCHLD, on_chld_count, SA_NOCLDWAIT | SA_RESTART);
	else
		signal(SIGCHLD, SIG_IGN);
	hits = 0;
	for (i = 0; i < 3; i++)
		kids[i] = sleeper(20 * (i + 1), i);
	ret = waitpid(-1, &status, 0);
	err = errno;
	for (i = 0; i < 3; i++)
		gone += kill(kids[i], 0) == -1 && errno == ESRCH;
	printf("signals: %s: waitpid(-1) = %s, %d of 3 children already gone, "
	       "handler ran: %s\n", name,
	       ret == -1 && err == ECHILD ? "-1 (ECHILD)" : ret > 0 ? "a child" : "something else",
	       gone, hits ? "yes" : "no");
	if (!nocldwait) {	/* a vfork() child frees itself while its parent sleeps */
		pid_t child = vfork();

		if (child == 0)
			_exit(0);
		ret = waitpid(-1, &status, 0);
		printf("signals: %s: a vfork() child's _exit() let its parent go on; "
		       "waitpid(-1) = %s\n", name,
		       ret == -1 && errno == ECHILD ? "-1 (ECHILD)" : "something else");
	}
	signal(SIGCHLD, SIG_DFL);
	while (waitpid(-1, &status, 0) > 0)
		;
}

/* 6: a blocked signal waits in sigpending() until it is unblocked. */
static volatile pid_t usr_pid;

static void count(int sig, siginfo_t *si, void *uc)
{
	hits++;
	last_code = si->si_code;
	usr_pid = si->si_pid;
}

static void blocking(void)
{
	sigset_t set, pending, old;
	pid_t child;

	on(SIGUSR1, count, 0);
	hits = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR1);
	sigpending(&pending);
	printf("signals: SIGUSR1 sent while blocked: handler ran %d times, sigpending has it: %s\n",
	       hits, sigismember(&pending, SIGUSR1) ? "yes" : "NO");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("signals: unblocked: handler ran %d time, si_code %d (SI_USER), si_pid ours: %s\n",
	       hits, last_code, usr_pid == getpid() ? "yes" : "NO");

	sigprocmask(SIG_BLOCK, &set, &old);
	child = fork();
	if (child == 0) {
		struct timespec t = { 0, 50 * 1000000 };

		nanosleep(&t, NULL);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	hits = 0;
	sigemptyset(&set);
	errno = 0;
	sigsuspend(&set);
	sigprocmask(SIG_BLOCK, NULL, &pending);
	printf("signals: sigsuspend() returned %s after the child's SIGUSR1 (si_pid the child: %s); "
	       "SIGUSR1 blocked again: %s\n", errno == EINTR ? "EINTR" : "something else",
	       usr_pid == child ? "yes" : "NO", sigismember(&pending, SIGUSR1) ? "yes" : "NO");
	waitpid(child, NULL, 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
}

/*
 * 6: real-time signals queue: each sigqueue() is one delivery, in order,
 * with its own value; a standard signal sent twice while blocked is one.
 */
#define RT_MAX 8
static volatile int rt_n;
static int rt_value[RT_MAX], rt_code[RT_MAX];

static void on_rt(int sig, siginfo_t *si, void *uc)
{
	if (rt_n < RT_MAX) {
		rt_value[rt_n] = si->si_value.sival_int;
		rt_code[rt_n] = si->si_code;
	}
	rt_n++;
}

static void realtime(void)
{
	int sig = SIGRTMIN + 1, i, got;
	struct timespec none = { 0, 0 }, short_wait = { 0, 20000000 };
	union sigval v;
	struct rlimit rl;
	sigset_t set;
	siginfo_t si;
	pid_t child;
	long queued = 0;

	on(sig, on_rt, 0);
	on(SIGUSR2, on_rt, 0);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (i = 0; i < 3; i++) {
		v.sival_int = 100 + i;
		sigqueue(getpid(), sig, v);
	}
	kill(getpid(), sig);
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGUSR2);
	rt_n = 0;
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("signals: SIGRTMIN+1 sigqueue()d with 100, 101, 102, then kill()ed, SIGUSR2 kill()ed "
	       "twice, all while blocked: %d deliveries\n", rt_n);
	check(rt_n == 5 && rt_value[0] == 100 && rt_value[1] == 101 && rt_value[2] == 102 &&
	      rt_code[0] == SI_QUEUE && rt_code[2] == SI_QUEUE && rt_code[3] == SI_USER &&
	      rt_code[4] == SI_USER, "in order, values and si_code SI_QUEUE, then SI_USER; "
	      "SIGUSR2 once");

	sigprocmask(SIG_BLOCK, &set, NULL);
	getrlimit(RLIMIT_SIGPENDING, &rl);
	v.sival_int = 1;
	while (queued <= (long)rl.rlim_cur && sigqueue(getpid(), sig, v) == 0)
		queued++;
	check(errno == EAGAIN && queued <= (long)rl.rlim_cur && queued > (long)rl.rlim_cur - 16,
	      "sigqueue() until EAGAIN: about RLIMIT_SIGPENDING queued");
	got = 0;
	while (sigtimedwait(&set, &si, &none) == sig)
		got++;
	printf("signals: sigtimedwait() with no wait took them all back: %s; then %s\n",
	       got == queued ? "yes" : "NO", errno == EAGAIN ? "EAGAIN" : strerror(errno));
	i = sigtimedwait(&set, &si, &short_wait);
	printf("signals: sigtimedwait() for 20 ms with nothing sent: %s\n",
	       i == -1 && errno == EAGAIN ? "-1 (EAGAIN)" : "something else");
	child = fork();
	if (child == 0) {
		struct timespec t = { 0, 30000000 };

		nanosleep(&t, NULL);
		v.sival_int = 9;
		sigqueue(getppid(), sig, v);
		_exit(0);
	}
	i = sigwaitinfo(&set, &si);
	printf("signals: sigwaitinfo() while a child sigqueue()s 9: signal %s, si_value %d, "
	       "si_code %d (SI_QUEUE), si_pid the child: %s\n", i == sig ? "SIGRTMIN+1" : "other",
	       si.si_value.sival_int, si.si_code, si.si_pid == child ? "yes" : "no");
	waitpid(child, NULL, 0);
	child = fork();
	if (child == 0) {
		v.sival_int = 7;
		for (i = 0; i < 200; i++)
			sigqueue(getpid(), sig, v);
		_exit(0);	/* 200 pending: the kernel frees them ("nothing lost") */
	}
	waitpid(child, NULL, 0);
	memset(&si, 0, sizeof(si));
	si.si_code = SI_USER;
	child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	i = syscall(SYS_rt_sigqueueinfo, child, SIGUSR1, &si);
	printf("signals: rt_sigqueueinfo() posing as kill() to another process: %s\n",
	       i == -1 && errno == EPERM ? "-1 (EPERM)" : "something else");
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(sig, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* 7: the interrupted code's FPU/SSE registers come back; the handler starts clean. */
static volatile unsigned int handler_mxcsr, handler_fcw;

__attribute__((target("sse2")))
static void clobber_fpu(int sig, siginfo_t *si, void *uc)
{
	unsigned int mxcsr;
	unsigned short fcw;

	__asm__ __volatile__("stmxcsr %0; fnstcw %1" : "=m"(mxcsr), "=m"(fcw));
	handler_mxcsr = mxcsr;
	handler_fcw = fcw;
	__asm__ __volatile__("pcmpeqd %%xmm1, %%xmm1; fldpi; fldpi" : : : "xmm1", "st", "st(1)");
}

__attribute__((target("sse2")))
static void fpu_state(void)
{
	static const uint32_t pattern[4] __attribute__((aligned(16))) = {
		0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00 };
	uint32_t after[4] __attribute__((aligned(16)));
	unsigned int mxcsr = 0x9f80, mxcsr_after;	/* flush-to-zero on: not the default */
	long pid = getpid();

	on(SIGUSR2, clobber_fpu, 0);
	/* raise it with a bare system call: no library code between the two movdqa */
	__asm__ __volatile__("ldmxcsr %[m]\n\t"
			     "movdqa %[p], %%xmm1\n\t"
			     "push %%ebx\n\t"
			     "mov %[pid], %%ebx\n\t"
			     "int $0x80\n\t"
			     "pop %%ebx\n\t"
			     "movdqa %%xmm1, %[a]\n\t"
			     "stmxcsr %[ma]"
			     : [a] "=m"(after), [ma] "=m"(mxcsr_after)
			     : [p] "m"(pattern), [m] "m"(mxcsr), [pid] "r"(pid),
			       "a"(270), "c"(pid), "d"(SIGUSR2)
			     : "xmm1", "memory");
	printf("signals: in the handler: MXCSR %#x, x87 control word %#x (a new program's)\n",
	       handler_mxcsr, handler_fcw);
	check(!memcmp(after, pattern, sizeof(after)) && mxcsr_after == mxcsr,
	      "%xmm1 and MXCSR were back after the handler changed them");
	__asm__ __volatile__("ldmxcsr %0" : : "m"((unsigned int){ 0x1f80 }));
	signal(SIGUSR2, SIG_DFL);
}

/* 8: what ends a program even with handlers. */
static void reset_hand_child(void)
{
	on(SIGUSR1, count, SA_RESETHAND);
	raise(SIGUSR1);
	raise(SIGUSR1);		/* SIG_DFL by now: this one kills */
}

static volatile int *volatile low_address = (int *)16;

static void blocked_segv_child(void)
{
	sigset_t set;

	on(SIGSEGV, grant_access, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGSEGV);
	sigprocmask(SIG_BLOCK, &set, NULL);
	*low_address = 1;
}

static void bad_sigreturn_child(void)
{
	/* rt_sigreturn with ESP in the unmapped first page: no frame to read */
	__asm__ __volatile__("mov $0x800, %%esp; mov $173, %%eax; int $0x80" : : : "memory");
}

/* The kernel's MINSIGSTKSZ on i386 (glibc's macro asks the CPU: larger) */
#define ALTSTACK_MIN	2048

static volatile int depth;
static char *alt_base;

/*
 * Use the alternate stack down to its last 256 bytes, then send SIGUSR1
 * again: its frame (about 900 bytes with the FPU state) does not fit.
 */
static void nest(int sig, siginfo_t *si, void *uc)
{
	char here;
	volatile char *room;

	if (++depth > 1)
		_exit(depth);	/* the second handler ran: its frame went somewhere */
	room = __builtin_alloca(&here - (alt_base + 256));
	room[0] = 0;
	syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1);
	_exit(depth);
}

static void altstack_overflow_child(void)
{
	stack_t ss = { .ss_sp = alt_base = malloc(ALTSTACK_MIN), .ss_size = ALTSTACK_MIN };

	sigaltstack(&ss, NULL);
	on(SIGUSR1, nest, SA_ONSTACK | SA_NODEFER);
	raise(SIGUSR1);
}

static void fatal(void)
{
	printf("signals: SA_RESETHAND, SIGUSR1 twice: %s\n", how_it_ended(in_child(reset_hand_child)));
	printf("signals: a fault while SIGSEGV is blocked: %s\n",
	       how_it_ended(in_child(blocked_segv_child)));
	printf("signals: rt_sigreturn with no frame: %s\n",
	       how_it_ended(in_child(bad_sigreturn_child)));
	printf("signals: handlers nested on a %d-byte sigaltstack: %s\n", ALTSTACK_MIN,
	       how_it_ended(in_child(altstack_overflow_child)));
}

int main(void)
{
	user_pager();
	stack_overflow();
	bad_instructions();
	sigchld(SA_RESTART, "SA_RESTART");
	sigchld(0, "no SA_RESTART");
	no_zombies(0, "SIGCHLD ignored");
	no_zombies(1, "SA_NOCLDWAIT with a handler");
	blocking();
	realtime();
	fpu_state();
	fatal();
	printf("signals: done\n");
	return 0;
}
