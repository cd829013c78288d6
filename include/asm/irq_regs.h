/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/asm/irq_regs.h - the registers an interrupt found.
 *
 * do_IRQ() records where the running code was stopped, so that a handler
 * deep down (the timer's, charging a tick of CPU time) can ask whether it
 * interrupted user mode or the kernel, as Linux's get_irq_regs() lets it.
 * One CPU: a plain variable, saved and restored around nested interrupts.
 */
#ifndef _ASM_IRQ_REGS_H
#define _ASM_IRQ_REGS_H

struct pt_regs;

extern struct pt_regs *irq_regs;	/* NULL outside an interrupt */

static inline struct pt_regs *get_irq_regs(void)
{
	return irq_regs;
}

// Make @new_regs the interrupt's registers; returns the old ones, to restore.
static inline struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old = irq_regs;

	irq_regs = new_regs;
	return old;
}

#endif
