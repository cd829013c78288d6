/*
 * user/forkcow.c - fork, copy-on-write, wait4, execve and vfork, counted.
 *
 * 32 pages of bss are written by the parent, then:
 *
 *   fork A   the child writes nothing and exits: its COW count is the
 *            baseline (the stack, glibc's own variables)
 *   fork B   the child writes PAGES of the 32 pages and exits with PAGES:
 *            its COW count is A's plus exactly PAGES (do_wp_page copies
 *            each page on its first write; the kernel prints both counts
 *            in the exit lines)
 *            then the parent writes all 32 again: nobody shares them any
 *            more, so each write fault reuses the page (no copy)
 *   fork C   the child execs /hello: wait4 sees its status 0
 *   fork D   the child writes to NULL: wait4 sees it killed by SIGSEGV
 *   fork E   the child pauses: wait4(WNOHANG) says 0, kill(SIGKILL) ends
 *            it, wait4 sees signal 9
 *   vfork F  the child execs /hello while the parent waits
 *   fork G   the child outlives the parent: task 0 reaps it
 *
 * Boot with vmtrace=forkcow to see each COW fault and, at each fork, how
 * many pages of each VMA the child shares.  The parent exits with the
 * number of checks that failed.
 */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define NPAGES	32
#define PG	4096

static char pages[NPAGES][PG] __attribute__((aligned(PG)));
static int failed;

static void check(int ok, const char *what)
{
	printf("forkcow: %s: %s\n", what, ok ? "ok" : "FAILED");
	fflush(stdout);
	failed += !ok;
}

/*
 * The kernel zeroes a new page with SSE stores (clear_page() in
 * include/asm/page.h): the %xmm0 a program had before its first touch of a
 * page must be the one it has after the fault.
 */
#ifdef __SSE__
#define XMM0_CLOBBER , "xmm0"
#else
#define XMM0_CLOBBER
#endif
static int xmm0_survives_first_touch(char *p)
{
	static const unsigned int pattern[4] = { 0x01234567, 0x89abcdef, 0xfeedface, 0xdeadbeef };
	unsigned int out[4];

	__asm__ __volatile__("movups %1, %%xmm0\n\t"
			     "movb $1, (%2)\n\t"
			     "movups %%xmm0, %0"
			     : "=m"(out) : "m"(pattern), "r"(p) : "memory" XMM0_CLOBBER);
	return !memcmp(out, pattern, sizeof(out));
}

static void write_pages(int n, char v)
{
	for (int i = 0; i < n; i++)
		pages[i][0] = v;
}

// fork, run @child in the child (it never returns), return the child's PID.
static pid_t spawn(void (*child)(void *), void *arg)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		child(arg);
		_exit(127);
	}
	return pid;
}

static void child_nothing(void *arg __attribute__((unused)))
{
	_exit(0);
}

static void child_write(void *arg)
{
	int n = *(int *)arg;

	write_pages(n, 'B');
	_exit(n);
}

static void child_exec(void *arg)
{
	char *argv[] = { "hello", arg, NULL }, *envp[] = { NULL };

	execve("/hello", argv, envp);
	_exit(126);
}

static void child_segv(void *arg __attribute__((unused)))
{
	*(volatile int *)0 = 1;
}

static void child_pause(void *arg __attribute__((unused)))
{
	pause();
}

static void child_orphan(void *arg __attribute__((unused)))
{
	for (int i = 0; i < 50; i++)
		sched_yield();
	_exit(0);
}

int main(int argc, char **argv)
{
	int written = argc > 1 ? atoi(argv[1]) : 20, status;
	pid_t pid;

	check(xmm0_survives_first_touch(pages[0]), "%xmm0 kept across the fault that zeroes a page");
	write_pages(NPAGES, 'P');
	printf("forkcow[%d]: %d pages written; the children write %d of them\n", (int)getpid(),
	       NPAGES, written);

	pid = spawn(child_nothing, NULL);
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status),
	      "fork A: the child wrote nothing, exit status 0");
	pid = spawn(child_write, &written);
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == written,
	      "fork B: the child wrote its pages, exit status = pages");
	check(pages[0][0] == 'P' && pages[NPAGES - 1][0] == 'P',
	      "the parent's pages are untouched by the child's writes");
	write_pages(NPAGES, 'Q');	/* reused: the children are gone */

	pid = spawn(child_exec, "from-exec");
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status),
	      "fork C: execve /hello, exit status 0");
	pid = spawn(child_segv, NULL);
	check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "fork D: killed by SIGSEGV, wait4 says so");
	pid = spawn(child_pause, NULL);
	check(waitpid(pid, &status, WNOHANG) == 0, "fork E: WNOHANG while it runs: 0");
	check(kill(pid, SIGKILL) == 0, "fork E: kill(SIGKILL)");
	check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "fork E: killed by SIGKILL, wait4 says so");
	check(waitpid(-1, &status, WNOHANG) == -1, "no children left: ECHILD");

	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		execl("/hello", "hello", "from-vfork", (char *)NULL);
		_exit(126);
	}
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status),
	      "vfork F: execve /hello, exit status 0");

	spawn(child_orphan, NULL);
	printf("forkcow: %d checks failed; exiting before child G\n", failed);
	return failed;
}
