/*
 * user/hello.c - an unmodified static glibc program: printf and malloc.
 *
 * Built by Debian's i686-linux-gnu-gcc -static.  glibc's own startup runs
 * first (brk, set_thread_area for its TLS in %gs, set_tid_address,
 * set_robust_list, rseq, ugetrlimit, readlink /proc/self/exe, getrandom,
 * mprotect of its RELRO data), then main().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	char *p = malloc(100);

	strcpy(p, "malloc works");
	printf("hello, world from %s (argc %d): %s\n", argv[0], argc, p);
	free(p);
	return 0;
}
