/*
 * user/hello_raw.c - the smallest user program: no C library at all.
 *
 * Two system calls through `int $0x80`, with Linux i386's ABI: the
 * number in eax (4 = write, 1 = exit), the arguments in ebx, ecx, edx,
 * the result back in eax.  Built with -nostdlib -static: _start is the
 * entry point, and the stack holds argc, argv, envp and the auxiliary
 * vector that the kernel put there (fs/binfmt_elf.c).
 */
static long syscall3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ __volatile__("int $0x80" : "=a"(ret) : "0"(nr), "b"(a), "c"(b), "d"(c)
			     : "memory");
	return ret;
}

static unsigned long length(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

void __attribute__((noreturn, used)) start_c(long *sp)
{
	long argc = sp[0], i;
	char **argv = (char **)(sp + 1);
	static const char msg[] = "hello from ring 3\n";

	syscall3(4, 1, (long)msg, sizeof(msg) - 1);
	for (i = 0; i < argc; i++) {
		syscall3(4, 1, (long)"argv: ", 6);
		syscall3(4, 1, (long)argv[i], length(argv[i]));
		syscall3(4, 1, (long)"\n", 1);
	}
	syscall3(1, 42, 0, 0);
	for (;;)
		;
}

/* _start: pass the initial stack pointer (argc's address) to C. */
__asm__(".globl _start\n"
	"_start:\n"
	"	xorl %ebp, %ebp\n"
	"	pushl %esp\n"
	"	call start_c\n");
