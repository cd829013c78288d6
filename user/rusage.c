/*
 * user/rusage.c - demand paging, counted by the process itself.
 *
 * A program cannot see its page tables, but the kernel counts for it:
 * getrusage() gives its minor page faults (each first touch of a page
 * that demand paging then maps), its peak resident set (ru_maxrss) and its
 * CPU time; sysinfo() gives the machine's free RAM; wait4() gives what a
 * child used.  So a program can watch the articles' point about malloc
 * happen: memory it has been given costs nothing until it is touched, and
 * touching it costs one fault and one page per page.
 *
 *   1. sysinfo: RAM, free RAM, HighMem, processes, load;
 *   2. mmap(8 MB): no fault, no page taken;
 *   3. touch every page: one minor fault each, maxrss and free RAM follow;
 *   4. munmap: the pages come back, maxrss stays (it is a peak);
 *   5. compute until clock() has counted 200 ms of CPU: user time;
 *   6. a child touches 1 MB: wait4's rusage and RUSAGE_CHILDREN say so.
 *
 * Every line starts "rusage: "; tests/host/test_user.py checks the numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/wait.h>

#define PG		4096L
#define TOUCH_PAGES	2048L		/* 8 MB */
#define CHILD_PAGES	256L		/* 1 MB */

static struct rusage self(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru)) {
		perror("rusage: getrusage");
		exit(1);
	}
	return ru;
}

// Free RAM in kB, as sysinfo() reports it.
static long free_kb(void)
{
	struct sysinfo si;

	if (sysinfo(&si)) {
		perror("rusage: sysinfo");
		exit(1);
	}
	return (long)((unsigned long long)si.freeram * si.mem_unit / 1024);
}

static long ms(struct timeval tv)
{
	return tv.tv_sec * 1000L + tv.tv_usec / 1000;
}

// Touch @pages pages from @p, one byte each: each is a first touch.
static void touch(char *p, long pages)
{
	long i;

	for (i = 0; i < pages; i++)
		p[i * PG] = 1;
}

int main(void)
{
	struct sysinfo si;
	struct rusage r0, r1, r2, cru, children;
	struct tms t;
	long f0, f1, f2, spins = 0;
	clock_t c0;
	char *p;
	int status;
	pid_t pid;

	if (sysinfo(&si))
		return perror("rusage: sysinfo"), 1;
	printf("rusage: sysinfo: totalram %llu kB, freeram %llu kB, totalhigh %llu kB, "
	       "freehigh %llu kB, mem_unit %u, procs %u, uptime %ld s, loads %lu %lu %lu\n",
	       (unsigned long long)si.totalram * si.mem_unit / 1024,
	       (unsigned long long)si.freeram * si.mem_unit / 1024,
	       (unsigned long long)si.totalhigh * si.mem_unit / 1024,
	       (unsigned long long)si.freehigh * si.mem_unit / 1024,
	       si.mem_unit, si.procs, si.uptime, si.loads[0], si.loads[1], si.loads[2]);
	printf("rusage: sysconf: _SC_PHYS_PAGES %ld, _SC_AVPHYS_PAGES %ld, _SC_PAGESIZE %ld\n",
	       sysconf(_SC_PHYS_PAGES), sysconf(_SC_AVPHYS_PAGES), sysconf(_SC_PAGESIZE));

	r0 = self();
	f0 = free_kb();
	p = mmap(NULL, TOUCH_PAGES * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (p == MAP_FAILED)
		return perror("rusage: mmap"), 1;
	r1 = self();
	f1 = free_kb();
	printf("rusage: mmap(%ld kB): minor faults +%ld, free RAM -%ld kB\n",
	       TOUCH_PAGES * PG / 1024, r1.ru_minflt - r0.ru_minflt, f0 - f1);
	touch(p, TOUCH_PAGES);
	r2 = self();
	f2 = free_kb();
	printf("rusage: touched %ld pages: minor faults +%ld, maxrss %ld -> %ld kB, "
	       "free RAM -%ld kB\n", TOUCH_PAGES, r2.ru_minflt - r1.ru_minflt, r1.ru_maxrss,
	       r2.ru_maxrss, f1 - f2);
	munmap(p, TOUCH_PAGES * PG);
	printf("rusage: munmap: free RAM +%ld kB, maxrss %ld kB (a peak)\n", free_kb() - f2,
	       self().ru_maxrss);

	c0 = clock();		/* a system call: clock() asks for CLOCK_PROCESS_CPUTIME_ID */
	while (clock() - c0 < CLOCKS_PER_SEC / 5 && spins < 20000) {
		volatile long i, x = 0;

		for (i = 0; i < 100000; i++)	/* user mode: the timer finds it here */
			x += i;
		spins++;
	}
	r1 = self();
	printf("rusage: computed until clock() counted %ld ms: utime %ld ms, stime %ld ms\n",
	       (long)((clock() - c0) * 1000 / CLOCKS_PER_SEC), ms(r1.ru_utime), ms(r1.ru_stime));

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return perror("rusage: fork"), 1;
	if (!pid) {
		p = mmap(NULL, CHILD_PAGES * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			_exit(2);
		touch(p, CHILD_PAGES);
		_exit(0);
	}
	if (wait4(pid, &status, 0, &cru) != pid)
		return perror("rusage: wait4"), 1;
	getrusage(RUSAGE_CHILDREN, &children);
	times(&t);
	printf("rusage: child %d (status %d): wait4 minor faults %ld, maxrss %ld kB; "
	       "RUSAGE_CHILDREN minor faults %ld, maxrss %ld kB\n", pid, status,
	       cru.ru_minflt, cru.ru_maxrss, children.ru_minflt, children.ru_maxrss);
	printf("rusage: times: utime %ld, stime %ld, cutime %ld, cstime %ld ticks of %ld a second\n",
	       (long)t.tms_utime, (long)t.tms_stime, (long)t.tms_cutime, (long)t.tms_cstime,
	       sysconf(_SC_CLK_TCK));
	r0 = self();
	printf("rusage: self at exit: minor faults %ld, major %ld, maxrss %ld kB, "
	       "context switches %ld voluntary, %ld involuntary\n", r0.ru_minflt, r0.ru_majflt,
	       r0.ru_maxrss, r0.ru_nvcsw, r0.ru_nivcsw);
	return 0;
}
