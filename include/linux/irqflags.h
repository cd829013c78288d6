/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irqflags.h - turning interrupts off and on, saving the previous state.
 *
 * local_irq_save(flags) disables interrupts and remembers whether they
 * were on; local_irq_restore(flags) puts that state back.  This is how
 * code shares data with the timer interrupt on one CPU.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/compiler.h>

#define X86_EFLAGS_IF	0x00000200

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0" : ASM_OUTPUT_RM(flags) : : "memory");
	return flags;
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

static inline int irqs_disabled(void)
{
	return !(arch_local_save_flags() & X86_EFLAGS_IF);
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	local_irq_disable();
	return flags;
}

/*
 * Put EFLAGS back as local_irq_save() found it: IF with the rest, which
 * nothing between the two changes.  Two instructions and no branch (Linux
 * 2.6's i386 did the same; later kernels test IF and sti).
 */
static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("pushl %0; popfl" : : ASM_INPUT_G(flags) : "memory", "cc");
}

#define local_irq_save(flags)	  do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define safe_halt()		__asm__ __volatile__("sti; hlt" ::: "memory")

#endif
