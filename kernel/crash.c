// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/crash.c - crash=TYPE: break the kernel on purpose.
 *
 * Seeing an oops is part of learning what the page tables do: a NULL
 * pointer faults because page 0 is not mapped, a write to kernel text
 * faults because it is mapped read-only.  Like Linux's LKDTM, this runs one
 * deliberate fault at the end of boot; the tests check that the oops names
 * the faulting function and that QEMU exits with status 37.
 *
 * Types: null_read null_write rodata_write text_write divide ud2 bug panic
 *        warn (not fatal: it prints a WARNING and boot goes on)
 *        triple_fault hang (for testing the test harness itself)
 *        kmap_stale (needs HighMem: a kmap() address after kunmap())
 *        call_vfreed (a call into a freed vmalloc area: EIP is unmapped)
 *        stack_overflow, stack_unmapped (double faults, kernel/doublefault.c)
 * Other files register more with crash_type() (include/mm386/crash.h).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/vmalloc.h>
#include <linux/sched.h>
#include <asm/pgtable.h>
#include <mm386/crash.h>

static const char crash_rodata[16] = "read-only data";

static noinline void crash_null_read(void)
{
	volatile int *p = NULL;

	pr_info("crash: reading through a NULL pointer\n");
	(void)*p;
}

static noinline void crash_null_write(void)
{
	volatile int *p = NULL;

	pr_info("crash: writing through a NULL pointer\n");
	*p = 0x2a;
}

static noinline void crash_rodata_write(void)
{
	pr_info("crash: writing to .rodata at %p\n", crash_rodata);
	*(volatile char *)crash_rodata = 'X';
}

static noinline void crash_text_write(void)
{
	pr_info("crash: writing to .text at %p\n", crash_text_write);
	*(volatile unsigned char *)crash_text_write = 0xc3;
}

static noinline void crash_divide(void)
{
	unsigned int zero = 0;

	pr_info("crash: dividing by zero\n");
	/* In asm: a C "1 / x" may be compiled without any division at all. */
	__asm__ __volatile__("divl %2" : : "a"(1), "d"(0), "rm"(zero));
}

static noinline void crash_ud2(void)
{
	pr_info("crash: executing an invalid opcode\n");
	__asm__ __volatile__("ud2");
}

static noinline void crash_bug(void)
{
	BUG();
}

static noinline void crash_panic(void)
{
	panic("crash=panic asked for it");
}

static noinline void crash_warn(void)
{
	WARN(1, "crash=warn: a WARNING, boot goes on\n");
}

/* A triple fault: with no usable IDT, an exception cannot be delivered,
 * nor can the double fault that follows; the CPU resets.  QEMU with
 * -no-reboot then exits with status 0, which the harness must never
 * mistake for success. */
static noinline void crash_triple_fault(void)
{
	struct { u16 limit; u32 base; } __packed empty_idt = { 0, 0 };

	pr_info("crash: loading an empty IDT and raising int3\n");
	__asm__ __volatile__("cli; lidt %0; int3" : : "m"(empty_idt));
}

/* A hang: interrupts off, halted for good.  Only timeout(1) ends it. */
static noinline void crash_hang(void)
{
	pr_info("crash: hanging with interrupts off\n");
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

/*
 * crash=kmap_stale: use a kmap() address after kunmap().  Until the lazy
 * flush the stale address still works (the PTE is kept, the bug hides);
 * after kmap_flush_unused() it faults, and the oops names the pkmap slot.
 */
static noinline void crash_kmap_stale(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	volatile unsigned long *p;

	if (!page || !PageHighMem(page)) {
		pr_info("crash: kmap_stale needs HighMem (more than 887 MB of RAM, or highmem=64M)\n");
		if (page)
			__free_page(page);
		return;
	}
	p = kmap(page);
	*p = 0x6b6d6170;
	kunmap(page);
	pr_info("crash: kunmap(pfn %#lx) done; 0x%08lx still reads %#lx until the lazy flush\n",
		page_to_pfn(page), (unsigned long)p, *p);
	kmap_flush_unused();
	pr_info("crash: pkmap flushed; reading 0x%08lx again\n", (unsigned long)p);
	(void)*p;
}

/*
 * A call through a pointer to memory that is gone: EIP itself lands on an
 * unmapped page, so the oops cannot show the code bytes at EIP and says
 * so ("Unable to access opcode bytes"), but has everything else.
 */
static noinline void crash_call_vfreed(void)
{
	void (*fn)(void) = vmalloc(PAGE_SIZE);

	vfree(fn);
	pr_info("crash: calling 0x%08lx, a vmalloc area already freed\n", (unsigned long)fn);
	fn();
	barrier();	/* not a tail call: this function stays in the trace */
}

/*
 * Recursion until the stack runs out: the page below the kernel stack is
 * a guard page (kernel/doublefault.c), so the push that reaches it faults,
 * the CPU cannot push that fault's frame either, and the double-fault task
 * reports it on a stack of its own.  Without the guard this wrote over
 * whatever lay below the stack, silently, and a deeper one reset the CPU.
 */
static volatile int recurse_forever = 1;

static noinline int recurse(volatile char *prev, int depth)
{
	volatile char frame[512];

	frame[0] = depth;
	frame[511] = prev ? prev[0] : 0;
	if (!recurse_forever)
		return 0;
	return recurse(frame, depth + 1) + frame[1];	/* not a tail call */
}

static noinline void crash_stack_overflow(void)
{
	pr_info("crash: recursing on the kernel stack (%d KB) into its guard page\n",
		THREAD_SIZE >> 10);
	recurse(NULL, 0);
}

/* ESP pointed at unmapped memory, then a push: a double fault too. */
static noinline void crash_stack_unmapped(void)
{
	unsigned long sp = PKMAP_BASE - PAGE_SIZE;	/* the gap below pkmap */

	pr_info("crash: pointing ESP at 0x%08lx, which is not mapped, and pushing\n", sp);
	__asm__ __volatile__("mov %0, %%esp\n\tpushl $0" : : "r"(sp) : "memory");
}

crash_type("null_read", crash_null_read);
crash_type("null_write", crash_null_write);
crash_type("rodata_write", crash_rodata_write);
crash_type("text_write", crash_text_write);
crash_type("divide", crash_divide);
crash_type("ud2", crash_ud2);
crash_type("bug", crash_bug);
crash_type("panic", crash_panic);
crash_type("warn", crash_warn);
crash_type("triple_fault", crash_triple_fault);
crash_type("hang", crash_hang);
crash_type("kmap_stale", crash_kmap_stale);
crash_type("call_vfreed", crash_call_vfreed);
crash_type("stack_overflow", crash_stack_overflow);
crash_type("stack_unmapped", crash_stack_unmapped);

extern const struct crash_type __start_crash_types[], __stop_crash_types[];
static const struct crash_type *crash_selected;

static const struct crash_type *find_crash(const char *name)
{
	const struct crash_type *c;

	for (c = __start_crash_types; c < __stop_crash_types; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static int __init crash_setup(char *val)
{
	const struct crash_type *c;
	char names[320];
	int n = 0;

	crash_selected = find_crash(val);
	if (crash_selected)
		return 0;
	for (c = __start_crash_types; c < __stop_crash_types; c++)
		n += scnprintf(names + n, sizeof(names) - n, " %s", c->name);
	return param_out_of_range("no such crash type; one of:%s", names);
}
__setup("crash=", crash_setup);

void crash_boot(void)
{
	if (!crash_selected)
		return;
	pr_info("crash: running crash=%s\n", crash_selected->name);
	crash_selected->fn();
	pr_info("crash: crash=%s returned\n", crash_selected->name);
}
