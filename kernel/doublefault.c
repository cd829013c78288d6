// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/doublefault.c - the double fault, on a stack of its own.
 *
 * When the CPU cannot deliver an exception - the kernel stack ran into its
 * guard page, so there is nowhere to push the page fault's frame - it
 * raises a double fault.  Handled like any exception, that would need the
 * same broken stack, fault a third time, and reset the machine (a triple
 * fault: QEMU exits 0 and nothing is printed).  So, as Linux i386 does
 * (arch/x86/kernel/doublefault_32.c), vector 8 is a task gate: the CPU
 * saves the broken context into the running TSS (cpu_tss) and switches to
 * doublefault_tss, which has a stack, page directory and segments of its
 * own.  doublefault_shim() then reads the broken registers out of cpu_tss
 * and prints Linux's report:
 *
 *   PANIC: double fault, error_code: 0x0
 *   BUG: stack guard page was hit at c018bffc (stack is c018c000..c0190000)
 *   double fault: 0000 [#1]
 *   EIP: recurse+0x12/0x40 ... the registers
 *
 * and the kernel stops (status 37).  Kernel stacks have guard pages for
 * this: every task's stack is vmalloc()ed (kernel/fork.c, Linux's
 * CONFIG_VMAP_STACK: the page below it is another area's guard page or
 * free), and the page below the boot stack is unmapped (paging_init).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/irqflags.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <asm/traps.h>

extern struct x86_hw_tss cpu_tss;

static struct x86_hw_tss doublefault_tss __aligned(128);
static u8 doublefault_stack[2 * PAGE_SIZE] __aligned(PAGE_SIZE);

/*
 * doublefault_shim - the double-fault task's code.  It starts with
 * interrupts off on doublefault_stack (the CPU pushed the error code,
 * always 0, where a return address would be: nobody returns).
 */
static void __noreturn doublefault_shim(void)
{
	unsigned long cr2 = read_cr2(), base = (unsigned long)current->stack;
	struct pt_regs regs = {
		.ip = cpu_tss.ip, .flags = cpu_tss.flags, .cs = cpu_tss.cs,
		.ax = cpu_tss.ax, .bx = cpu_tss.bx, .cx = cpu_tss.cx, .dx = cpu_tss.dx,
		.si = cpu_tss.si, .di = cpu_tss.di, .bp = cpu_tss.bp, .sp = cpu_tss.sp,
		.ss = cpu_tss.ss, .ds = cpu_tss.ds, .es = cpu_tss.es, .fs = cpu_tss.fs,
		.gs = cpu_tss.gs, .vector = X86_TRAP_DF,
	};

	printk(KERN_EMERG "PANIC: double fault, error_code: 0x0\n");
	if (cr2 < base && cr2 >= base - PAGE_SIZE)
		printk(KERN_EMERG "BUG: stack guard page was hit at %08lx (stack is %08lx..%08lx)\n",
		       cr2, base, base + THREAD_SIZE);
	die("double fault", &regs, 0);
}

// A 32-bit available-TSS descriptor (type 9) for @base, @limit.
static u64 tss_descriptor(unsigned long base, unsigned long limit)
{
	return (limit & 0xffff) | ((u64)(base & 0xffffff) << 16) | (0x89ULL << 40) |
	       ((u64)((limit >> 16) & 0xf) << 48) | ((u64)(base >> 24) << 56);
}

/*
 * doublefault_init - the double-fault task: its TSS in GDT entry 31
 * (Linux's GDT_ENTRY_DOUBLEFAULT_TSS) and a task gate at vector 8.
 * After gdt_init() and idt_init().
 */
void __init doublefault_init(void)
{
	struct x86_hw_tss *t = &doublefault_tss;

	t->ip = (unsigned long)doublefault_shim;
	t->sp = t->sp0 = (unsigned long)doublefault_stack + sizeof(doublefault_stack) - 16;
	t->flags = 0x2;				/* interrupts off */
	t->cs = __KERNEL_CS;
	t->ss = t->ds = t->es = t->ss0 = __KERNEL_DS;
	t->__cr3 = __pa(swapper_pg_dir);	/* the kernel's half is in every pgd too */
	t->io_bitmap_base = sizeof(*t);
	gdt_set_entry(GDT_ENTRY_DOUBLEFAULT_TSS, tss_descriptor((unsigned long)t, sizeof(*t) - 1));
	idt_set_task_gate(X86_TRAP_DF, GDT_ENTRY_DOUBLEFAULT_TSS * 8);
}
