/*
 * user/segregs.c - a program's own segment registers, made bad on purpose.
 *
 * A program may load any selector of its own into %ds, %es, %fs, %gs and
 * %ss, and it may change the TLS descriptors those selectors name
 * (set_thread_area).  The kernel saves the registers on every entry and
 * reloads them on the way back (restore_all in kernel/entry.asm), so a
 * descriptor emptied in between makes the kernel's own reload fault.
 * That must never be an oops (kernel/tls.c, kernel/extable.c):
 *
 *   gs    empty the TLS entry glibc's %gs names, then make a system call:
 *         it returns with %gs = 0 (the reload got the null selector, as
 *         Linux's does); glibc's next %gs access would be the program's
 *         own general protection fault, in ring 3
 *   ds    the same with %ds, loaded with a TLS selector first
 *   ss    load %ss with a TLS selector, then empty that entry: the iret
 *         back to ring 3 faults, and the program gets Linux i386's "trap
 *         iret exception" line and SIGILL
 *   rules set_thread_area's refusals (Linux's tls_desc_okay): a 16-bit,
 *         a code and a not-present segment are -EINVAL; the "empty"
 *         descriptors are accepted
 *
 * Everything after the bad reload is done in asm with raw system calls:
 * glibc itself needs %gs and %ds.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <asm/ldt.h>
#include <sys/syscall.h>

// set_thread_area(@u); returns 0 or -errno (no glibc, which needs %gs).
static long set_area(struct user_desc *u)
{
	long ret;

	asm volatile("int $0x80" : "=a" (ret) : "a" (SYS_set_thread_area), "b" (u) : "memory");
	return ret;
}

// A flat, writable, 32-bit data descriptor in a free TLS entry: its selector.
static unsigned short flat_entry(void)
{
	struct user_desc u = {
		.entry_number = -1, .base_addr = 0, .limit = 0xfffff, .seg_32bit = 1,
		.limit_in_pages = 1, .useable = 1,
	};

	if (set_area(&u)) {
		printf("segregs: set_thread_area failed\n");
		return 0;
	}
	return u.entry_number * 8 + 3;
}

/*
 * Empty entry @sel >> 3 (@desc is the empty descriptor) with the register
 * that @load loads holding @sel, call getpid, and report the register as
 * it came back (@save copies it to eax): write @msg0 if it is 0, @msg1 (as
 * long) if not, and exit(0).  All in one asm that never returns (so it
 * may use its input registers freely): after the call, %ds or %gs is no
 * longer usable, and C code needs both.
 */
#define EMPTY_AND_REPORT(load, save, sel, desc, msg0, msg1)			\
	asm volatile(load							\
		     "int $0x80\n\t"		/* set_thread_area: emptied */	\
		     "mov $20, %%eax\n\t"	/* getpid: back through restore_all */ \
		     "int $0x80\n\t"						\
		     save							\
		     "test %%eax, %%eax\n\t"					\
		     "mov %%esi, %%ecx\n\t"					\
		     "jz 1f\n\t"						\
		     "mov %%edi, %%ecx\n"					\
		     "1:\tmov $4, %%eax\n\t"	/* write(1, msg, len) */	\
		     "mov $1, %%ebx\n\t"					\
		     "mov %[len], %%edx\n\t"					\
		     "int $0x80\n\t"						\
		     "mov $1, %%eax\n\t"	/* exit(0) */			\
		     "xor %%ebx, %%ebx\n\t"					\
		     "int $0x80"						\
		     : : "a" (SYS_set_thread_area), "b" (desc), "d" (sel),	\
		       "S" (msg0), "D" (msg1), [len] "i" (sizeof(msg0) - 1)	\
		     : "memory");						\
	__builtin_unreachable()

static struct user_desc empty = { .read_exec_only = 1, .seg_not_present = 1 };

// Say which register holds @sel, whose entry is about to be emptied.
static void announce(const char *reg, unsigned short sel)
{
	empty.entry_number = sel >> 3;
	printf("segregs: %s 0x%x, emptying entry %u\n", reg, sel, sel >> 3);
	fflush(stdout);
}

// The TLS entry glibc's %gs names, emptied under it.
static void gs_case(void)
{
	unsigned short gs;

	asm volatile("mov %%gs, %0" : "=r" (gs));
	announce("gs", gs);
	EMPTY_AND_REPORT("", "mov %%gs, %%eax\n\t", gs, &empty,
			 "segregs: gs is 0 after the call\n", "segregs: gs is X after the call\n");
}

// A TLS selector in %ds, its entry emptied under it.
static void ds_case(void)
{
	unsigned short sel = flat_entry();

	announce("ds", sel);
	/* %ds = sel, then only %ss and %cs are used until the exit */
	EMPTY_AND_REPORT("mov %%dx, %%ds\n\t", "mov %%ds, %%eax\n\t", sel, &empty,
			 "segregs: ds is 0 after the call\n", "segregs: ds is X after the call\n");
}

// A TLS selector in %ss, its entry emptied under it: the iret faults.
static void ss_case(void)
{
	unsigned short sel = flat_entry();

	announce("ss", sel);
	asm volatile("mov %%dx, %%ss\n\t"
		     "int $0x80"		/* the iret back faults: SIGILL */
		     : : "a" (SYS_set_thread_area), "b" (&empty), "d" (sel) : "memory");
	printf("segregs: ss: the iret did not fault\n");
}

// What set_thread_area refuses and accepts, one line each.
static void rules_case(void)
{
	static const struct {
		const char *what;
		struct user_desc u;
	} cases[] = {
		{ "32-bit data", { .limit = 0xfff, .seg_32bit = 1 } },
		{ "16-bit data", { .limit = 0xfff } },
		{ "32-bit code", { .limit = 0xfff, .seg_32bit = 1, .contents = 2 } },
		{ "expand-down data", { .limit = 0xfff, .seg_32bit = 1, .contents = 1 } },
		{ "not present", { .limit = 0xfff, .seg_32bit = 1, .seg_not_present = 1 } },
		{ "empty (LDT_empty)", { .read_exec_only = 1, .seg_not_present = 1 } },
		{ "all zeros (LDT_zero)", { 0 } },
	};
	unsigned int i, entry = flat_entry() >> 3;	/* a free one: 7 on i386 */

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct user_desc u = cases[i].u;
		long ret;

		u.entry_number = entry;
		ret = set_area(&u);
		printf("segregs: set_thread_area(%s) = %ld%s\n", cases[i].what, ret,
		       ret == -22 ? " (EINVAL)" : "");
	}
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "rules";

	if (!strcmp(what, "gs"))
		gs_case();
	else if (!strcmp(what, "ds"))
		ds_case();
	else if (!strcmp(what, "ss"))
		ss_case();
	else if (!strcmp(what, "rules"))
		rules_case();
	else
		printf("segregs: gs, ds, ss or rules\n");
	return 0;
}
