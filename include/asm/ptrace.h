/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/ptrace.h - struct pt_regs, the registers saved on an exception or
 * interrupt.  The layout is fixed by the push order in kernel/entry.asm:
 * its segment and general registers first, then what the stub pushed
 * (vector, error code), then what the CPU pushed (eip, cs, eflags, and
 * from ring 3 also the user's esp and ss: sp and ss below).
 *
 * Every task's kernel stack has, at its very top, the pt_regs of its
 * user-mode registers while it is in the kernel (task_pt_regs()).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

struct pt_regs {
	unsigned long di, si, bp, sp_at_pusha, bx, dx, cx, ax;	/* pushad */
	unsigned long gs, fs, es, ds;
	unsigned long vector;
	union {
		unsigned long error_code;	/* exceptions: the CPU's error code */
		unsigned long orig_ax;		/* int $0x80: the system call number */
	};
	unsigned long ip, cs, flags;
	/* Only present when the CPU switched privilege level: */
	unsigned long sp, ss;
};

/* user_mode - did the exception or interrupt come from ring 3? */
static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

/* The stack pointer at the moment of the exception (kernel mode). */
static inline unsigned long kernel_stack_pointer(const struct pt_regs *regs)
{
	return (unsigned long)&regs->sp;
}

#endif
