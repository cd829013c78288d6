/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preempt.h - preempt_count and the context a piece of code runs in.
 *
 * mm386 has one CPU and no scheduler, but it keeps Linux's preempt_count
 * so that the allocators can tell "may sleep" from "must not sleep":
 *
 *   bits  0-7   preemption disabled (kmap_atomic, spin locks)
 *   bits  8-15  softirq (unused, kept for the layout)
 *   bits 16-19  hardirq nesting, raised by irq_enter() in the IRQ path
 *
 * in_irq():       in a hardware interrupt handler
 * in_interrupt(): in any interrupt context
 * in_atomic():    anything that forbids sleeping
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/irqflags.h>

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	8
#define HARDIRQ_SHIFT	16
#define PREEMPT_OFFSET	(1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET	(1UL << HARDIRQ_SHIFT)
#define PREEMPT_MASK	0x000000ffUL
#define SOFTIRQ_MASK	0x0000ff00UL
#define HARDIRQ_MASK	0x000f0000UL

extern unsigned long __preempt_count;

static inline unsigned long preempt_count(void)
{
	return READ_ONCE(__preempt_count);
}

#define in_irq()		(preempt_count() & HARDIRQ_MASK)
#define in_hardirq()		in_irq()
#define in_softirq()		(preempt_count() & SOFTIRQ_MASK)
#define in_interrupt()		(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK))
#define in_atomic()		(preempt_count() != 0)

/* The field of preempt_count that offset @n counts in. */
#define __preempt_field(n)						\
	((n) < SOFTIRQ_OFFSET ? PREEMPT_MASK : (n) < HARDIRQ_OFFSET ? SOFTIRQ_MASK : HARDIRQ_MASK)

/*
 * preempt_count_underflow - a preempt_enable() (or irq_exit()) with
 * nothing to undo: reported once, as Linux's CONFIG_DEBUG_PREEMPT does
 * (DEBUG_LOCKS_WARN_ON(val > preempt_count())), and refused, so that the
 * count stays sane instead of wrapping to 0xffffffff and making every
 * later allocation look atomic.  kernel/panic.c.
 */
void preempt_count_underflow(unsigned long val);

#define preempt_count_add(n)	do { __preempt_count += (n); barrier(); } while (0)
#define preempt_count_sub(n) do {					\
	barrier();							\
	if (unlikely((__preempt_count & __preempt_field(n)) < (n)))	\
		preempt_count_underflow(n);				\
	else								\
		__preempt_count -= (n);					\
} while (0)
#define preempt_disable()	preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable()	preempt_count_sub(PREEMPT_OFFSET)
#define pagefault_disable()	preempt_disable()
#define pagefault_enable()	preempt_enable()

/*
 * might_sleep() - say that the caller may sleep.
 *
 * Called at the top of every allocation that is allowed to sleep
 * (GFP_KERNEL, vmalloc, kmap).  In atomic context it prints Linux's
 * "BUG: sleeping function called from invalid context at FILE:LINE"
 * report (at most one a second), then lets the caller go on, as Linux does.
 */
void __might_sleep_flags(const char *file, int line, unsigned long flags);
/* At most one report a second, as in Linux; the reset makes the next one print. */
void might_sleep_ratelimit_reset(void);
extern unsigned long might_sleep_suppressed;

/*
 * atomic_flags - may the code that saved @flags (local_irq_save(),
 * arch_local_save_flags()) not sleep: preemption off, or interrupts off?
 * The test might_sleep() starts with; a caller with more to decide in
 * atomic context (vfree, vmalloc) makes it once for all of it.
 */
#define atomic_flags(flags)	(preempt_count() || !((flags) & X86_EFLAGS_IF))

/*
 * might_sleep_flags - might_sleep() for code that has just done
 * local_irq_save(@flags): the interrupt state to judge is the one before.
 * The common case (preemptible, interrupts on) costs four instructions;
 * everything else, the check that the kernel is RUNNING included (boot
 * allocates with interrupts off), is out of line.
 */
#define might_sleep_flags(flags) do {					\
	if (unlikely(atomic_flags(flags)))				\
		__might_sleep_flags(__FILE__, __LINE__, flags);		\
} while (0)

#define might_sleep()	might_sleep_flags(arch_local_save_flags())

/*
 * might_sleep_flags_if - might_sleep_flags() if @cond holds (Linux's
 * might_sleep_if(), for "this GFP may sleep").  The atomic-context test
 * comes first: it is rarely true and @cond (GFP_KERNEL) usually is, so
 * the common case pays for that test alone, and @cond is tested only
 * when it matters.
 */
#define might_sleep_flags_if(cond, flags) do {				\
	unsigned long __msf = (flags);					\
	if (unlikely(atomic_flags(__msf)) && (cond))			\
		__might_sleep_flags(__FILE__, __LINE__, __msf);		\
} while (0)

#define might_sleep_if(cond)	might_sleep_flags_if(cond, arch_local_save_flags())

#endif
