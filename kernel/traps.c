// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/traps.c - CPU exceptions, and the oops.
 *
 * An exception in ring 3 is the program's fault: it gets the signal
 * Linux would send (a divide error SIGFPE, an invalid opcode SIGILL, a
 * general protection fault SIGSEGV...).  A handler for it runs (and may
 * move EIP on); without one, Linux's "traps:" line is printed and the
 * signal kills the program.  The kernel goes on.
 *
 * In the kernel, an exception at an instruction the exception table lists
 * is expected (restore_all's segment pops and iret: kernel/entry.asm) and
 * handled there.  Any other but the page fault (kernel/fault.c) is
 * fatal: die() prints an oops in Linux's words (the exception's name and
 * error code, the registers, the code bytes around EIP, a symbolized call
 * trace) and panics, which powers QEMU off with status 37.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/reboot.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <linux/sched.h>


static const char *const trap_names[32] = {
	[0] = "divide error",
	[1] = "debug",
	[2] = "nmi",
	[3] = "int3",
	[4] = "overflow",
	[5] = "bounds",
	[6] = "invalid opcode",
	[7] = "device not available",
	[8] = "double fault",
	[9] = "coprocessor segment overrun",
	[10] = "invalid TSS",
	[11] = "segment not present",
	[12] = "stack segment",
	[13] = "general protection fault",
	[14] = "page fault",
	[15] = "spurious interrupt bug",
	[16] = "coprocessor error",
	[17] = "alignment check",
	[18] = "machine check",
	[19] = "SIMD error",
	[20] = "virtualization exception",
	[21] = "control protection fault",
};

/*
 * Print the code bytes around EIP, the faulting one in <>, as Linux does.
 * They are read with copy_from_kernel_nofault(), so code anywhere works
 * (a module's, in the vmalloc area) and a wild EIP gives a line, not a
 * second fault.
 */
static void show_code(unsigned long ip)
{
	enum { before = 21, after = 11 };
	u8 code[before + after];
	char line[3 * (before + after) + 16];
	int n = 0;
	unsigned int i;

	if (ip < before || copy_from_kernel_nofault(code, (void *)(ip - before), sizeof(code))) {
		printk(KERN_EMERG "Code: Unable to access opcode bytes at 0x%08lx.\n",
		       ip - before);
		return;
	}
	for (i = 0; i < before + after; i++)
		n += scnprintf(line + n, sizeof(line) - n, i == before ? "<%02x> " : "%02x ",
			       code[i]);
	printk(KERN_EMERG "Code: %s\n", line);
}

void show_regs(struct pt_regs *regs)
{
	/* Read before show_code(), whose probe of a wild EIP may fault again. */
	unsigned long cr2 = read_cr2();

	printk(KERN_EMERG "EIP: %pS\n", (void *)regs->ip);
	show_code(regs->ip);
	printk(KERN_EMERG "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk(KERN_EMERG "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->si, regs->di, regs->bp,
	       regs->vector == X86_TRAP_DF ? regs->sp : kernel_stack_pointer(regs));
	printk(KERN_EMERG "DS: %04lx ES: %04lx FS: %04lx GS: %04lx SS: %04x EFLAGS: %08lx\n",
	       regs->ds & 0xffff, regs->es & 0xffff, regs->fs & 0xffff,
	       regs->gs & 0xffff, __KERNEL_DS, regs->flags);
	printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       read_cr0(), cr2, read_cr3(), read_cr4());
	show_trace(regs->bp, 0);
}

void __noreturn die(const char *str, struct pt_regs *regs, unsigned long err)
{
	static int die_counter;

	local_irq_disable();
	if (oops_in_progress) {
		printk(KERN_EMERG "Recursive fault while printing an oops (%s at %pS)\n",
		       str, (void *)regs->ip);
		mm386_power_off(EXIT_OOPS);
	}
	oops_in_progress = 1;
	printk(KERN_EMERG "%s: %04lx [#%d]\n", str, err & 0xffff, ++die_counter);
	printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s Not tainted " UTS_RELEASE "\n",
	       current->pid, current->comm);
	show_regs(regs);
	print_modules();
	panic("Fatal exception");
}

// Exception @v's name in Linux's messages.
static const char *trap_name(unsigned long v)
{
	if (v == X86_TRAP_IRET)
		return "iret exception";
	return v < ARRAY_SIZE(trap_names) && trap_names[v] ? trap_names[v] : "reserved exception";
}

// The signal Linux sends for exception @v in ring 3.
static int trap_signal(unsigned long v)
{
	switch (v) {
	case X86_TRAP_DE: case 16: case 19:
		return SIGFPE;
	case X86_TRAP_UD: case X86_TRAP_IRET:
		return SIGILL;
	case X86_TRAP_DB: case X86_TRAP_BP:
		return SIGTRAP;
	case X86_TRAP_NP: case X86_TRAP_SS: case 17:
		return SIGBUS;
	}
	return SIGSEGV;
}

// The si_code Linux gives exception @v's signal (its si_addr is then the EIP).
static int trap_si_code(unsigned long v)
{
	switch (v) {
	case X86_TRAP_DE:
		return FPE_INTDIV;
	case X86_TRAP_UD:
		return ILL_ILLOPN;
	case X86_TRAP_IRET:
		return ILL_BADSTK;
	}
	return SI_KERNEL;
}

/*
 * do_user_trap - exception @v in ring 3: the signal (trap_signal), and
 * when the program has no handler for it, Linux's line ("traps: prog[2]
 * general protection fault ip:... sp:... error:0 in prog[8048000+9d000]",
 * or "... trap divide error ip:...") before it kills the process.
 */
static void do_user_trap(struct pt_regs *regs, unsigned long v)
{
	const char *name = trap_name(v);
	int sig = trap_signal(v), code = trap_si_code(v);
	bool show = unhandled_signal(current, sig);

	current->trap_nr = v;
	current->error_code = regs->error_code;
	force_sig_fault(sig, code, code == SI_KERNEL || v == X86_TRAP_IRET ? 0 : regs->ip);
	if (!show)
		return;
	if (v == X86_TRAP_GP)
		pr_info("traps: %s[%d] general protection fault ip:%lx sp:%lx error:%lx",
			current->comm, current->pid, regs->ip, regs->sp, regs->error_code);
	else
		pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx", current->comm,
			current->pid, name, regs->ip, regs->sp, regs->error_code);
	print_vma_addr(" in ", regs->ip);
	printk(KERN_CONT "\n");
}

void do_trap(struct pt_regs *regs)
{
	unsigned long v = regs->vector;

	if (v == X86_TRAP_PF) {
		do_page_fault(regs, read_cr2());
		return;
	}
	if (user_mode(regs)) {	/* iret_error's frame is always the program's */
		do_user_trap(regs, v);
		return;
	}
	if (fixup_exception(regs))
		return;
	die(trap_name(v), regs, regs->error_code);
}
