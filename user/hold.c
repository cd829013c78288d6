/*
 * user/hold.c - two live processes to look at from the shell.
 *
 *   mm386> run -b hold
 *   hold: parent 2, child 3: heap 0x80f1b60, mmap 0xb7eff010, stack 0xbfffed7c; ready
 *   mm386> ps
 *   mm386> maps 3
 *   mm386> pgdcmp 2 3
 *   mm386> v2p 3 0xb7eff010
 *   mm386> kill 2
 *
 * It mallocs 100 bytes (glibc's brk heap) and 1 MB (its own mmap), writes
 * to both, and forks: from then on parent and child share every page
 * copy-on-write.  The child writes one byte into the heap page and one
 * into the first page of the 1 MB block, so those two pages are copied
 * (do_wp_page); everything else stays shared, read-only, until written.
 * Then both wait for a signal (pause), which with no handler ends them:
 * the shell's `kill PID`.  With an argument, they sleep that many seconds
 * instead and exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	char *small = malloc(100), *big = malloc(1 << 20);
	int local = 0, seconds = argc > 1 ? atoi(argv[1]) : 0;
	pid_t parent = getpid(), child;

	memset(small, 1, 100);
	memset(big, 2, 1 << 20);
	fflush(stdout);
	child = fork();
	if (child < 0) {
		perror("hold: fork");
		return 1;
	}
	if (child == 0) {
		small[0] = 3;		/* copy-on-write: the heap page is copied */
		big[0] = 3;		/* and the first page of the mmap */
		printf("hold: parent %d, child %d: heap %p, mmap %p, stack %p; ready\n", (int)parent,
		       (int)getpid(), (void *)small, (void *)big, (void *)&local);
		fflush(stdout);
	}
	if (seconds)
		sleep(seconds);
	else
		pause();	/* until killed */
	if (child > 0)
		waitpid(child, NULL, 0);
	return small[0] == (child ? 1 : 3) ? 0 : 1;
}
