// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/irq_work.c - queue a function to run in the next timer interrupt.
 *
 * The queue is a singly linked stack; interrupts are off while it is
 * changed.  irq_work_run() is called by the timer handler, so each
 * function really runs with in_irq() true and interrupts off.
 */
#include <linux/kernel.h>
#include <linux/irq_work.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/export.h>
#include <asm/processor.h>

static struct irq_work *irq_work_list;

/* irq_work_queue - queue @work; false if it is already pending. */
bool irq_work_queue(struct irq_work *work)
{
	unsigned long flags;

	local_irq_save(flags);
	if (work->pending) {
		local_irq_restore(flags);
		return false;
	}
	work->pending = 1;
	work->next = irq_work_list;
	irq_work_list = work;
	local_irq_restore(flags);
	return true;
}
EXPORT_SYMBOL(irq_work_queue);

/* irq_work_run - run everything queued; called in hard interrupt context. */
void irq_work_run(void)
{
	struct irq_work *work = irq_work_list;

	irq_work_list = NULL;
	while (work) {
		struct irq_work *next = work->next;

		work->func(work);
		work->pending = 0;
		work = next;
	}
}

/* irq_work_sync - wait, with interrupts on, until @work has run. */
void irq_work_sync(struct irq_work *work)
{
	unsigned long flags = arch_local_save_flags();

	if (!(flags & X86_EFLAGS_IF))
		panic("irq_work_sync: called with interrupts off, would hang");
	/* test and halt as one step (sti; hlt), so a tick in between still wakes us */
	for (;;) {
		local_irq_disable();
		if (!READ_ONCE(work->pending))
			break;
		safe_halt();
	}
	local_irq_restore(flags);
}
EXPORT_SYMBOL(irq_work_sync);
