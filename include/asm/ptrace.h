/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/ptrace.h - struct pt_regs, the registers saved on an exception or
 * interrupt.  The layout is fixed by the push order in kernel/entry.asm:
 * its segment and general registers first, then what the stub pushed
 * (vector, error code), then what the CPU pushed (eip, cs, eflags).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

struct pt_regs {
	unsigned long di, si, bp, sp_at_pusha, bx, dx, cx, ax;	/* pushad */
	unsigned long gs, fs, es, ds;
	unsigned long vector, error_code;
	unsigned long ip, cs, flags;
	/* Only present when the CPU switched privilege level: */
	unsigned long sp, ss;
};

/* The stack pointer at the moment of the exception (kernel mode). */
static inline unsigned long kernel_stack_pointer(const struct pt_regs *regs)
{
	return (unsigned long)&regs->sp;
}

#endif
