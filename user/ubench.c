/*
 * user/ubench.c - what user-space memory costs, measured from user space.
 *
 * Each benchmark times a loop with rdtsc, in ring 3.  Under QEMU with
 * -icount shift=0 (make bench) one TSC tick is one guest instruction, so
 * the figures are instructions per operation, kernel and user together,
 * and two runs print the same.  The lines have the kernel's bench format
 * (kernel/bench.c), so tools/bench.py reads them with its own:
 *
 *   bench: user_first_touch iters=16384 ticks_per_op=1234.56
 *
 *   user_getpid            a system call that does nothing: the int $0x80
 *                          round trip every other figure contains
 *   user_first_touch       write one byte to a page of a fresh anonymous
 *                          mapping: a page fault, a new zeroed page
 *   user_cow_fault         write one byte to a page shared with a child
 *                          after fork: a fault that copies the page
 *   user_brk_grow_shrink   brk(+4 KB) then brk(-4 KB): a VMA grown and
 *                          shrunk (no page touched)
 *   user_mmap_munmap_1mb   mmap(1 MB) then munmap (no page touched)
 *   user_fork_exit_wait    fork, the child exits at once, wait4 reaps it
 *
 * "ubench smoke" runs a few iterations of each, for make check.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define PG	4096UL

static inline unsigned long long rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

static unsigned long long overhead_centi;	/* an empty loop's ticks per iteration, x100 */

/* Raw figures, as the kernel's: the loop's own instructions are in them. */

static void report(const char *name, const char *desc, unsigned long n,
		   unsigned long long ticks)
{
	unsigned long long centi = (ticks * 100 + n / 2) / n;

	printf("bench: %s iters=%lu ticks_per_op=%llu.%02llu\n", name, n, centi / 100, centi % 100);
	printf("bench-table: %-44s %10lu %10llu.%02llu\n", desc, n, centi / 100, centi % 100);
	fflush(stdout);
}

static void empty_loop(unsigned long n)
{
	unsigned long long t0 = rdtsc(), t1;
	unsigned long i;

	for (i = 0; i < n; i++)
		__asm__ __volatile__("" ::: "memory");
	t1 = rdtsc();
	overhead_centi = ((t1 - t0) * 100 + n / 2) / n;
}

static void getpid_bench(unsigned long n)
{
	unsigned long long t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++)
		syscall(SYS_getpid);
	report("user_getpid", "getpid() (the system call round trip)", n, rdtsc() - t0);
}

static void first_touch(unsigned long n)
{
	char *p = mmap(NULL, n * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long long t0;

	if (p == MAP_FAILED)
		return;
	t0 = rdtsc();
	for (unsigned long i = 0; i < n; i++)
		p[i * PG] = 1;
	report("user_first_touch", "first touch of an anonymous page (user)", n, rdtsc() - t0);
	munmap(p, n * PG);
}

/* Batches of 256 pages: each shared with a paused child, then written. */
static void cow_fault(unsigned long n)
{
	const unsigned long batch = 256;
	char *p = mmap(NULL, batch * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long long ticks = 0, t0;
	unsigned long done = 0;

	if (p == MAP_FAILED)
		return;
	memset(p, 1, batch * PG);
	while (done < n) {
		pid_t child = fork();
		unsigned long i, k = n - done < batch ? n - done : batch;

		if (child == 0) {
			pause();
			_exit(0);
		}
		t0 = rdtsc();
		for (i = 0; i < k; i++)
			p[i * PG] = 2;		/* copy-on-write: a new page, a copy */
		ticks += rdtsc() - t0;
		done += k;
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	report("user_cow_fault", "copy-on-write fault after fork (user)", n, ticks);
	munmap(p, batch * PG);
}

static void brk_bench(unsigned long n)
{
	unsigned long cur = syscall(SYS_brk, 0);
	unsigned long long t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++) {
		syscall(SYS_brk, cur + PG);
		syscall(SYS_brk, cur);
	}
	report("user_brk_grow_shrink", "brk(+4 KB) + brk(-4 KB) (user)", n, rdtsc() - t0);
}

static void mmap_bench(unsigned long n)
{
	unsigned long long t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++) {
		void *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);

		munmap(p, 1 << 20);
	}
	report("user_mmap_munmap_1mb", "mmap(1 MB) + munmap (user)", n, rdtsc() - t0);
}

static void fork_bench(unsigned long n)
{
	unsigned long long t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++) {
		pid_t child = fork();

		if (child == 0)
			_exit(0);
		waitpid(child, NULL, 0);
	}
	report("user_fork_exit_wait", "fork + exit + wait4 of a small process", n, rdtsc() - t0);
}

int main(int argc, char **argv)
{
	unsigned long k = argc > 1 && !strcmp(argv[1], "smoke") ? 100 : 1;

	empty_loop(100000);
	printf("bench: user_loop_overhead iters=100000 ticks_per_op=%llu.%02llu\n",
	       overhead_centi / 100, overhead_centi % 100);
	getpid_bench(100000 / k);
	first_touch(16384 / k);
	cow_fault(4096 / k);
	brk_bench(10000 / k);
	mmap_bench(10000 / k);
	fork_bench(1000 / k);
	return 0;
}
