/*
 * user/segv.c - bad memory accesses, each killed with Linux's line.
 *
 * argv[1] picks the access; mm386 prints, as Linux does,
 *   segv[N]: segfault at ADDR ip IP sp SP error E in segv[START+SIZE]
 * and the process dies with SIGSEGV; the kernel goes on.
 *   null         read address 0 (error 4: user, read, not present)
 *   kernel       read 0xc0000000, the kernel's first byte (error 5: a
 *                present page, but not a user one: the U/S bit)
 *   text         write to the program's own code (error 7)
 *   stack        recurse until the stack passes its 8 MB limit
 *   unmapped     write far from any mapping (error 6)
 */
#include <stdio.h>
#include <string.h>

static volatile int sink;
static volatile int limit = 1 << 30;	/* never reached: the stack ends first */

static int recurse(int n)
{
	volatile char pad[4096];

	pad[0] = n;
	if (n == limit)
		return 0;
	return recurse(n + 1) + pad[0];
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "null";

	printf("segv: %s\n", what);
	fflush(stdout);
	if (!strcmp(what, "null"))
		sink = *(volatile int *)0;
	else if (!strcmp(what, "kernel"))
		sink = *(volatile int *)0xc0000000;
	else if (!strcmp(what, "text"))
		*(volatile int *)(void *)main = 0;
	else if (!strcmp(what, "stack"))
		sink = recurse(0);
	else if (!strcmp(what, "unmapped"))
		*(volatile int *)0x50000000 = 1;
	printf("segv: %s did not fault\n", what);
	return 1;
}
