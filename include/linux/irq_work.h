/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irq_work.h - run a function in hard interrupt context.
 *
 * As in Linux, irq_work_queue() asks for @work->func to be called from an
 * interrupt handler; in mm386 that is the next timer tick.  This is how
 * tests and the demo show what the allocators do inside a real interrupt:
 * GFP_ATOMIC works, GFP_KERNEL and vmalloc report "sleeping function called
 * from invalid context", kmap_atomic works.
 */
#ifndef _LINUX_IRQ_WORK_H
#define _LINUX_IRQ_WORK_H

#include <linux/types.h>

struct irq_work {
	struct irq_work *next;
	void (*func)(struct irq_work *work);
	volatile int pending;
};

#define IRQ_WORK_INIT(fn)	{ .func = (fn) }

bool irq_work_queue(struct irq_work *work);
void irq_work_sync(struct irq_work *work);
void irq_work_run(void);

#endif
