/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/fuzz/shim/linux/irqflags.h - the host build's interrupt flag.
 *
 * The allocators turn interrupts off around their lists (cli/sti, which a
 * user-space process may not execute).  On the host there are no
 * interrupts: the flag is a variable, so that the code's own checks
 * (might_sleep, irqs_disabled, "returned with interrupts disabled") still
 * see what it did.  Everything else of the kernel's headers is used as it
 * is; tests/fuzz/host.c provides the few kernel facilities the allocators
 * call (printk, panic, the reports).
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#define X86_EFLAGS_IF	0x00000200

extern unsigned long host_eflags;

static inline unsigned long arch_local_save_flags(void)
{
	return host_eflags;
}

static inline void local_irq_disable(void)
{
	host_eflags &= ~X86_EFLAGS_IF;
}

static inline void local_irq_enable(void)
{
	host_eflags |= X86_EFLAGS_IF;
}

static inline int irqs_disabled(void)
{
	return !(host_eflags & X86_EFLAGS_IF);
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = host_eflags;

	local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	host_eflags = flags;
}

#define local_irq_save(flags)	  do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define safe_halt()		local_irq_enable()

#endif
