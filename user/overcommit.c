/*
 * user/overcommit.c - what the kernel promises a malloc(): Committed_AS.
 *
 * malloc() gets its memory from brk() and mmap(), and those only make
 * VMAs: the pages come on the first touch.  So the kernel promises memory
 * it has not handed out yet, and it keeps count (mm/util.c): every private
 * writable mapping, the heap, the stack and shared anonymous memory add
 * their whole length to Committed_AS in /proc/meminfo when they are made,
 * touched or not.  vm.overcommit_memory says how far the promises may go:
 *
 *   0  a guess: any one request up to the size of RAM (malloc of more
 *      than all of RAM returns NULL at once);
 *   1  always;
 *   2  never more than CommitLimit (overcommit_ratio% of RAM) in all: a
 *      malloc() or even a fork() fails, but a process never dies later
 *      for lack of the memory it was given.
 *
 * Each line is a fact.  The first part (how each call moves Committed_AS)
 * is the same on Linux, where tests/host/test_overcommit.py also runs
 * this program; the second part turns vm.overcommit_memory and needs a
 * machine whose RAM fits in a 32-bit address space (mm386's 160 MB or
 * 2 GB), so it runs on mm386 only.  The program puts the knobs back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define PG	4096L
#define MB	(1024L * 1024)

static void say(const char *what, long value)
{
	printf("%-68s %ld\n", what, value);
	fflush(stdout);
}

// A system call's result: "ok", or "-1 ENAME" when it failed.
static void said(const char *what, int failed)
{
	if (failed)
		printf("%-68s -1 %s\n", what, strerrorname_np(errno));
	else
		printf("%-68s ok\n", what);
	fflush(stdout);
}

static void yesno(const char *what, int ok)
{
	printf("%-68s %s\n", what, ok ? "yes" : "no");
	fflush(stdout);
}

// The number after "@name:" in /proc/meminfo, in kB, or -1.
static long meminfo_kb(const char *name)
{
	char line[128];
	size_t n = strlen(name);
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, name, n) && line[n] == ':')
			kb = strtol(line + n + 1, NULL, 10);
	fclose(f);
	return kb;
}

static long committed(void)
{
	return meminfo_kb("Committed_AS");
}

// /proc/sys/vm/@knob's value, or -1.
static long knob(const char *name)
{
	char path[64], text[32] = "";
	int fd;

	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0 || read(fd, text, sizeof(text) - 1) < 0)
		return -1;
	close(fd);
	return strtol(text, NULL, 0);
}

// Write @value to /proc/sys/vm/@name.  Return: 0, or -1 with errno.
static int set_knob(const char *name, const char *value)
{
	char path[64];
	int fd, n;

	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	n = write(fd, value, strlen(value));
	close(fd);
	return n < 0 ? -1 : 0;
}

// How many lines /proc/self/maps has now (one per VMA).
static long maps_lines(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	long n = 0;
	int c;

	if (!f)
		return -1;
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

static char *map(long len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

#define RW	(PROT_READ | PROT_WRITE)

// How each call moves Committed_AS: the same on Linux and on mm386.
static void promises(void)
{
	long c0 = committed(), c, lines;
	char *a, *b, *r;
	int i;
	pid_t pid;

	say("/proc/sys/vm/overcommit_memory reads", knob("overcommit_memory"));
	say("/proc/sys/vm/overcommit_ratio reads", knob("overcommit_ratio"));
	said("open(/proc/sys/vm/no_such_knob)", open("/proc/sys/vm/no_such_knob", O_RDONLY) < 0);
	said("open(/proc/no_such_table)", open("/proc/no_such_table", O_RDONLY) < 0);
	a = map(4 * MB, RW, MAP_PRIVATE);
	say("mmap(4 MB, rw, private): Committed_AS grew by (kB)", committed() - c0);
	for (i = 0; i < 4 * MB; i += PG)
		a[i] = 1;
	say("  after touching every page, by", committed() - c0);
	b = map(4 * MB, PROT_READ, MAP_PRIVATE);
	say("mmap(4 MB, read-only, private) too: by", committed() - c0);
	mprotect(b, 4 * MB, RW);
	say("  mprotect(it, rw): by", committed() - c0);
	mprotect(b, 4 * MB, PROT_READ);
	say("  mprotect(it, read-only) again: by (the promise stays)", committed() - c0);
	munmap(a, 4 * MB);
	munmap(b, 4 * MB);
	say("munmap of both: by", committed() - c0);

	a = map(4 * MB, RW, MAP_PRIVATE | MAP_NORESERVE);
	say("mmap(4 MB, rw, private, MAP_NORESERVE): by", committed() - c0);
	munmap(a, 4 * MB);

	a = map(4 * MB, RW, MAP_SHARED);
	say("mmap(4 MB, rw, shared anonymous): by", committed() - c0);
	pid = fork();
	if (pid == 0) {
		a[0] = 1;
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	munmap(a, 4 * MB);
	say("  munmap: by", committed() - c0);
	a = map(4 * MB, RW, MAP_SHARED | MAP_NORESERVE);
	say("mmap(4 MB, rw, shared anonymous, MAP_NORESERVE): by", committed() - c0);
	a[0] = a[PG] = a[2 * PG] = 1;
	say("  after touching 3 pages: by", committed() - c0);
	munmap(a, 4 * MB);
	say("  munmap: by", committed() - c0);

	sbrk(4 * MB);
	say("sbrk(4 MB): by", committed() - c0);
	sbrk(-4 * MB);
	say("sbrk(-4 MB): by", committed() - c0);

	/* 16 MB of address space, nothing promised (not writable), then 4 MB rw in it */
	r = map(16 * MB, PROT_NONE, MAP_PRIVATE);
	a = mmap(r, 4 * MB, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	munmap(r + 4 * MB, 12 * MB);		/* room after it to grow into */
	say("mmap(4 MB, rw, private) again: by", committed() - c0);
	a = mremap(a, 4 * MB, 8 * MB, 0);
	say("  mremap(it, 4 MB -> 8 MB), in place: by", committed() - c0);
	b = mmap(a + 8 * MB, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	a = mremap(a, 8 * MB, 12 * MB, MREMAP_MAYMOVE);
	say("  mremap(it, 8 MB -> 12 MB), moved (a page is in the way): by", committed() - c0);
	munmap(b, PG);
	b = mremap(a, 4 * MB, 4 * MB, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	say("  mremap(its first 4 MB, MAYMOVE | DONTUNMAP): by", committed() - c0);
	munmap(a, 12 * MB);
	munmap(b, 4 * MB);
	say("munmap of all of them: by", committed() - c0);

	/* 1000 VMAs: every other page made writable (and promised) */
	lines = maps_lines();
	c = committed();
	a = map(1000 * PG, PROT_READ, MAP_PRIVATE);
	for (i = 0; i < 1000; i += 2)
		mprotect(a + i * PG, PG, RW);
	say("mmap(1000 pages, read-only), every other one mprotect(rw): by", committed() - c);
	say("  /proc/self/maps grew by (lines, one per VMA)", maps_lines() - lines);
	munmap(a, 1000 * PG);
	say("  munmap: by", committed() - c);

	c = committed();
	pid = fork();
	if (pid == 0)
		for (;;)
			pause();		/* until the parent has looked */
	yesno("while a forked child lives, Committed_AS is higher", committed() > c);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	say("  once it is reaped: by", committed() - c);
}

// Fork a child that exits at once, and reap it.  Return: did fork() fail?
static int fork_fails(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return 1;
	waitpid(pid, NULL, 0);
	return 0;
}

// The three policies, at the size of this machine's RAM (mm386 only).
static void policies(void)
{
	long total = meminfo_kb("MemTotal") * 1024, big = total + 4 * MB, len, left;
	char *a;

	printf("policies:\n");
	yesno("CommitLimit is overcommit_ratio% of MemTotal",
	      meminfo_kb("CommitLimit") == meminfo_kb("MemTotal") / 4 *
					   knob("overcommit_ratio") / 100 * 4);
	a = map(big, RW, MAP_PRIVATE);
	said("mode 0: mmap(MemTotal + 4 MB, rw, private)", a == MAP_FAILED);
	a = map(big, RW, MAP_PRIVATE | MAP_NORESERVE);
	said("  the same with MAP_NORESERVE", a == MAP_FAILED);
	if (a != MAP_FAILED)
		munmap(a, big);
	a = map(big, RW, MAP_SHARED);
	said("  mmap(MemTotal + 4 MB, rw, shared anonymous)", a == MAP_FAILED);
	errno = 0;
	a = malloc(big);
	yesno("  malloc(MemTotal + 4 MB) returns NULL", !a);
	yesno("  with errno ENOMEM", errno == ENOMEM);
	free(a);
	a = map(total - 4 * MB, RW, MAP_PRIVATE);
	said("  mmap(MemTotal - 4 MB, rw, private): more than is free", a == MAP_FAILED);
	if (a != MAP_FAILED)
		munmap(a, total - 4 * MB);

	said("write 1 to overcommit_memory", set_knob("overcommit_memory", "1"));
	a = map(big, RW, MAP_PRIVATE);
	said("mode 1: mmap(MemTotal + 4 MB, rw, private)", a == MAP_FAILED);
	if (a != MAP_FAILED)
		munmap(a, big);

	said("write 2 to overcommit_memory", set_knob("overcommit_memory", "2"));
	left = (meminfo_kb("CommitLimit") - committed()) * 1024;
	a = map(left + 4 * MB, RW, MAP_PRIVATE);
	said("mode 2: mmap(what CommitLimit leaves + 4 MB, rw, private)", a == MAP_FAILED);
	a = map(left + 4 * MB, RW, MAP_PRIVATE | MAP_NORESERVE);
	said("  the same with MAP_NORESERVE (ignored in mode 2)", a == MAP_FAILED);
	a = map(left + 4 * MB, PROT_READ, MAP_PRIVATE);
	said("  the same read-only (nothing to promise)", a == MAP_FAILED);
	if (a != MAP_FAILED) {
		said("    then mprotect(it, rw)", mprotect(a, left + 4 * MB, RW) != 0);
		munmap(a, left + 4 * MB);
	}
	said("  sbrk(what is left + 4 MB)", sbrk(left + 4 * MB) == (void *)-1);
	len = (left / 10 * 6) & ~(PG - 1);
	a = map(len, RW, MAP_PRIVATE);
	said("  mmap(60% of what is left, rw, private)", a == MAP_FAILED);
	said("  then fork() (the child would need as much again)", fork_fails());
	munmap(a, len);
	said("  after munmap of it, fork()", fork_fails());

	said("write 100 to overcommit_ratio", set_knob("overcommit_ratio", "100"));
	yesno("  CommitLimit is MemTotal", meminfo_kb("CommitLimit") == meminfo_kb("MemTotal"));
	said("write 65536 to overcommit_kbytes", set_knob("overcommit_kbytes", "65536"));
	say("  CommitLimit (kB)", meminfo_kb("CommitLimit"));
	say("  overcommit_ratio reads", knob("overcommit_ratio"));
	said("write 50 to overcommit_ratio", set_knob("overcommit_ratio", "50"));
	say("  overcommit_kbytes reads", knob("overcommit_kbytes"));

	said("write 3 to overcommit_memory", set_knob("overcommit_memory", "3"));
	said("write -1 to overcommit_memory", set_knob("overcommit_memory", "-1"));
	said("write \"two\" to overcommit_memory", set_knob("overcommit_memory", "two"));
	say("  it reads", knob("overcommit_memory"));
	said("write \" 0\\n\" to overcommit_memory", set_knob("overcommit_memory", " 0\n"));
	say("  it reads", knob("overcommit_memory"));
}

int main(int argc, char **argv)
{
	printf("overcommit: what mmap, brk, mprotect, mremap and fork promise\n");
	promises();
	if (argc < 2 || strcmp(argv[1], "promises"))
		policies();
	printf("overcommit: done\n");
	return 0;
}
