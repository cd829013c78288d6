// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/stacktrace.c - "Call Trace:" by following frame pointers.
 *
 * Every function compiled with -fno-omit-frame-pointer starts with
 *     push %ebp; mov %esp, %ebp
 * so EBP points at a pair { caller's EBP, return address }.  Following the
 * chain of saved EBPs walks back through the callers; each return address
 * is printed as a symbol.  The chain ends at the zero EBP that
 * boot/head.asm puts there before calling start_kernel().
 *
 * When the chain passes through kernel/entry.asm (an exception or an
 * interrupt), the return address is ret_from_exception; the interrupted
 * EIP is then taken from the saved pt_regs, so the trace shows the
 * function that was running too.  A hardware interrupt is bracketed by
 * <IRQ> ... </IRQ>, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/export.h>
#include <asm/traps.h>
#include <asm/desc.h>
#include <linux/sched.h>

extern char ret_from_exception[];

#define MAX_TRACE_DEPTH	40

/* on_kernel_stack - is [@addr, @addr + @len) on the running task's kernel stack? */
bool on_kernel_stack(unsigned long addr, unsigned long len)
{
	unsigned long lo = (unsigned long)current->stack, hi = lo + THREAD_SIZE;

	return addr >= lo && addr + len <= hi && addr + len > addr;
}

/*
 * show_trace - print "Call Trace:" and the chain of callers from frame @bp.
 * @first_ip: if not 0, printed first (the EIP of an exception).
 */
void show_trace(unsigned long bp, unsigned long first_ip)
{
	int depth = 0, irq = in_irq() != 0;

	printk(KERN_EMERG "Call Trace:\n");
	if (irq)
		printk(KERN_EMERG " <IRQ>\n");
	if (first_ip)
		printk(KERN_EMERG " %pB\n", (void *)first_ip);
	while (bp && on_kernel_stack(bp, 12) && depth++ < MAX_TRACE_DEPTH) {
		unsigned long next = ((unsigned long *)bp)[0];
		unsigned long ret = ((unsigned long *)bp)[1];

		if (ret == (unsigned long)ret_from_exception) {
			/* do_entry(regs): its argument sits above the return address */
			struct pt_regs *regs = ((struct pt_regs **)bp)[2];

			if (irq && regs->vector >= FIRST_EXTERNAL_VECTOR) {
				printk(KERN_EMERG " </IRQ>\n");
				irq = 0;
			}
			printk(KERN_EMERG " %pB\n", (void *)regs->ip);
		} else {
			printk(KERN_EMERG " %pB\n", (void *)ret);
		}
		if (next <= bp)
			break;
		bp = next;
	}
	if (irq)
		printk(KERN_EMERG " </IRQ>\n");
}

/* dump_stack - print the call trace of the caller, as Linux's dump_stack(). */
noinline void dump_stack(void)
{
	printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s Not tainted " UTS_RELEASE "\n",
	       current->pid, current->comm);
	show_trace((unsigned long)__builtin_frame_address(0), 0);
}
EXPORT_SYMBOL(dump_stack);
