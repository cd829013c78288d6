/*
 * user/sharedanon.c - shared anonymous memory: mmap(MAP_SHARED |
 * MAP_ANONYMOUS), the memory a parent and its children write together.
 *
 * Private anonymous memory (malloc's) is copied on write after fork; this
 * is the other kind: one set of pages, whoever touches them first
 * (mm/shmem.c).  Each line is a fact about it, the same on Linux and on
 * mm386 (tests/host/test_sharedanon.py runs the program on both and
 * compares):
 *
 *   - the first touch of a page, before or after fork, in parent or child,
 *     makes the page everyone sees;
 *   - reading a page first, then writing it, writes that page, not the
 *     zero page every untouched private page reads (a bug mm386 had: the
 *     write went to the zero page itself);
 *   - MADV_DONTNEED drops this process's view only: the bytes come back;
 *     MADV_REMOVE gives the pages back, in every process;
 *   - mprotect() and munmap() of a part, and mremap() that moves the
 *     mapping, keep the rest shared (and a VMA split by mprotect() is one
 *     again when the protection is undone, as a file's would be); mremap() with a zero old length makes
 *     a second mapping of the same pages; past the end of the first mmap's
 *     length there is nothing (SIGBUS), even after mremap() grew the VMA;
 *   - /proc/self/status counts the pages in RssShmem, not RssAnon.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define PG	4096L

static void say(const char *what, long value)
{
	printf("%-68s %ld\n", what, value);
	fflush(stdout);
}

// A system call's result @rc, "-1 ENAME" when it failed.
static void said(const char *what, long rc)
{
	if (rc == -1)
		printf("%-68s -1 %s\n", what, strerrorname_np(errno));
	else
		printf("%-68s %ld\n", what, rc);
	fflush(stdout);
}

static void yesno(const char *what, int ok)
{
	printf("%-68s %s\n", what, ok ? "yes" : "no");
	fflush(stdout);
}

// How a child ended: its exit status, or 1000 + the signal that killed it.
static int child_status(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? 1000 + WTERMSIG(status) : WEXITSTATUS(status);
}

// What a child reads at @addr: the byte, or 1000 + the signal that killed it.
static int read_in_child(const volatile char *addr)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(*addr);
	return child_status(pid);
}

// A child writes @value at @addr.  Return: 0, or 1000 + the signal that killed it.
static int write_in_child(volatile char *addr, char value)
{
	pid_t pid = fork();

	if (pid == 0) {
		*addr = value;
		_exit(0);
	}
	return child_status(pid);
}

// The number after "@name:" in /proc/self/status, in kB, or -1.
static long status_kb(const char *name)
{
	char line[256];
	long kb = -1;
	size_t len = strlen(name);
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, name, len) && line[len] == ':')
			kb = strtol(line + len + 1, NULL, 10);
	fclose(f);
	return kb;
}

/*
 * The /proc/self/maps line of the mapping at @addr, as "@what  PERMS
 * OFFSET DEV NAME": its addresses and inode number (which differ from
 * kernel to kernel) left out.
 */
static void maps_line(const char *what, const volatile char *addr)
{
	char line[256], perms[8], dev[16], name[128];
	unsigned long start, end, off, ino;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		name[0] = 0;
		if (sscanf(line, "%lx-%lx %7s %lx %15s %lu %127[^\n]", &start, &end, perms, &off,
			   dev, &ino, name) < 6 || (unsigned long)addr < start ||
		    (unsigned long)addr >= end)
			continue;
		printf("%-68s %s %08lx %s %s\n", what, perms, off, dev, name);
	}
	fclose(f);
	fflush(stdout);
}

int main(void)
{
	const int rw = PROT_READ | PROT_WRITE, shared = MAP_SHARED | MAP_ANONYMOUS;
	volatile char *p = mmap(NULL, 8 * PG, rw, shared, -1, 0), *q, *r;
	unsigned char vec[1];
	long shmem0, anon0;

	printf("sharedanon: MAP_SHARED | MAP_ANONYMOUS, eight pages\n");
	if (p == MAP_FAILED) {
		perror("sharedanon: mmap");
		return 1;
	}
	shmem0 = status_kb("RssShmem");
	anon0 = status_kb("RssAnon");

	maps_line("its line in /proc/self/maps", p);
	say("page 0 read before any write reads", p[0]);
	p[0] = 0x5a;
	say("  then written 0x5a (90), it reads", p[0]);
	q = mmap(NULL, PG, rw, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	say("  a new private page reads (the zero page is still zero)", q[0]);
	say("  page 1, not touched yet, reads", p[PG]);
	munmap((void *)q, PG);

	say("a child reads page 0 as", read_in_child(p));
	write_in_child(p + PG, 7);
	say("a child writes 7 to page 1, first read here before: here it reads", p[PG]);
	write_in_child(p + 2 * PG, 8);
	say("a child writes 8 to page 2, never touched here: here it reads", p[2 * PG]);
	p[3 * PG] = 9;
	say("the parent writes 9 to page 3 after the forks: a child reads", read_in_child(p + 3 * PG));
	say("RssShmem grew by (kB)", status_kb("RssShmem") - shmem0);
	say("RssAnon grew by (kB)", status_kb("RssAnon") - anon0);

	said("madvise(page 0, MADV_DONTNEED)", madvise((void *)p, PG, MADV_DONTNEED));
	say("  page 0 reads", p[0]);
	say("  and a child reads it as", read_in_child(p));
	said("  mincore(page 0) (still the mapping's)", mincore((void *)p, PG, vec) ?: vec[0]);
	said("madvise(page 1, MADV_FREE) (not private)", madvise((void *)(p + PG), PG, MADV_FREE));
	said("madvise(page 1, MADV_WIPEONFORK) (not private)",
	    madvise((void *)(p + PG), PG, MADV_WIPEONFORK));
	write_in_child(p + 2 * PG, 10);
	said("madvise(page 2, MADV_REMOVE)", madvise((void *)(p + 2 * PG), PG, MADV_REMOVE));
	said("  mincore(page 2) (a hole now)", mincore((void *)(p + 2 * PG), PG, vec) ?: vec[0]);
	say("  page 2 reads", p[2 * PG]);
	say("  and a child reads it as", read_in_child(p + 2 * PG));

	said("mprotect(page 4, PROT_READ)", mprotect((void *)(p + 4 * PG), PG, PROT_READ));
	write_in_child(p + 5 * PG, 11);
	say("  a child writes 11 to page 5, past the split: here it reads", p[5 * PG]);
	say("  a child writing page 4 dies of signal (+1000)", write_in_child(p + 4 * PG, 1));
	said("munmap(page 6)", munmap((void *)(p + 6 * PG), PG));
	write_in_child(p + 7 * PG, 12);
	say("  a child writes 12 to page 7, past the hole: here it reads", p[7 * PG]);
	maps_line("  page 4's line in /proc/self/maps", p + 4 * PG);
	maps_line("  page 7's line", p + 7 * PG);
	said("mprotect(page 4, rw) again", mprotect((void *)(p + 4 * PG), PG, rw));
	maps_line("  pages 0-5 are one VMA again: page 4's line", p + 4 * PG);

	q = mremap((void *)(p + 5 * PG), 0, PG, MREMAP_MAYMOVE);
	yesno("mremap(page 5, 0, 4096, MAYMOVE) duplicates it", q != MAP_FAILED);
	if (q == MAP_FAILED)
		return 1;
	say("  the copy reads", q[0]);
	write_in_child(q, 14);
	say("  a child writes 14 to the copy: page 5 reads", p[5 * PG]);
	maps_line("  the copy's line in /proc/self/maps", q);
	munmap((void *)q, PG);
	q = mremap((void *)(p + 7 * PG), PG, PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	yesno("mremap(page 7, 4096, 4096, MAYMOVE | DONTUNMAP) moves it", q != MAP_FAILED);
	if (q == MAP_FAILED)
		return 1;
	say("  the new page reads", q[0]);
	say("  the old address, still mapped, reads", p[7 * PG]);
	munmap((void *)q, PG);

	r = mremap((void *)p, 4 * PG, 16 * PG, MREMAP_MAYMOVE);
	yesno("mremap(pages 0-3, 16 pages, MAYMOVE) gives a mapping", r != MAP_FAILED);
	if (r == MAP_FAILED)
		return 1;
	say("  its page 3 reads", r[3 * PG]);
	maps_line("  its line in /proc/self/maps", r);
	write_in_child(r + 1 * PG, 13);
	say("  a child writes 13 to its page 1: here it reads", r[PG]);
	say("  a child reading page 8, past the first length, dies of (+1000)",
	    read_in_child(r + 8 * PG));
	munmap((void *)r, 16 * PG);
	munmap((void *)(p + 4 * PG), 4 * PG);
	say("after munmap of all of it, RssShmem grew by (kB)", status_kb("RssShmem") - shmem0);
	printf("sharedanon: done\n");
	return 0;
}
