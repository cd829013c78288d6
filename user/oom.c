/*
 * user/oom.c - ask for memory until there is none.
 *
 *   oom brk      sbrk(1 MB) until brk fails (ENOMEM): the heap has grown
 *                into the mmap area; then give it all back
 *   oom mmap     mmap(1 MB) until it fails (ENOMEM): the 3 GB of user
 *                address space are full; then munmap it all
 *   oom malloc   malloc(1 MB) until it returns NULL, touching nothing:
 *                only address space is used (demand paging gives pages on
 *                the first touch); then free it all
 *   oom touch    malloc(1 MB) and write every page, until the machine has
 *                no page left: the page fault cannot be served, and the
 *                kernel kills the process with Linux's line
 *                "Out of memory: Killed process N (oom) total-vm:..."
 *
 * In the first three the program ends normally; in the last it is killed
 * (SIGKILL).  Either way the kernel must get every page back: the run
 * line after each says "nothing lost".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#define MB	(1UL << 20)
#define MAX	4096		/* 4 GB in 1 MB pieces: more than there can be */

static void *pieces[MAX];

static void report(const char *how, unsigned long n, int err)
{
	printf("oom: %s: %lu MB, then %s\n", how, n, err ? strerrorname_np(err) : "success?");
	fflush(stdout);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "malloc";
	unsigned long n = 0, i;
	int err = 0;

	if (!strcmp(mode, "brk")) {
		char *start = sbrk(0);

		while (sbrk(MB) != (void *)-1)
			n++;
		err = errno;
		report("sbrk(1 MB) until it failed", n, err);
		if (brk(start) || sbrk(0) != start)
			return 1;
		printf("oom: brk back to its start\n");
		return err == ENOMEM ? 0 : 1;
	}
	if (!strcmp(mode, "mmap")) {
		for (;;) {
			void *p = mmap(NULL, MB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

			if (p == MAP_FAILED || n == MAX)
				break;
			pieces[n++] = p;
		}
		err = errno;
		report("mmap(1 MB) until it failed", n, err);
		for (i = 0; i < n; i++)
			if (munmap(pieces[i], MB))
				return 1;
		return err == ENOMEM ? 0 : 1;
	}
	if (!strcmp(mode, "malloc")) {
		while (n < MAX && (pieces[n] = malloc(MB)) != NULL)
			n++;
		err = errno;
		report("malloc(1 MB) until it returned NULL", n, err);
		for (i = 0; i < n; i++)
			free(pieces[i]);
		return err == ENOMEM ? 0 : 1;
	}
	if (!strcmp(mode, "touch")) {
		while (n < MAX && (pieces[n] = malloc(MB)) != NULL) {
			memset(pieces[n++], 0x6f, MB);	/* every page: a page fault, a new page */
			if (n % 64 == 0) {
				printf("oom: %lu MB written\n", n);
				fflush(stdout);
			}
		}
		report("malloc(1 MB) and write it until it failed", n, errno);
		return 1;	/* the kernel should have killed us first */
	}
	fprintf(stderr, "oom: brk, mmap, malloc or touch\n");
	return 2;
}
