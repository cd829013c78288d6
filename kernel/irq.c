// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/irq.c - dispatching hardware interrupts.
 *
 * do_IRQ() runs for vectors 32-47.  Between irq_enter() and irq_exit()
 * the hardirq bits of preempt_count are raised, which is what makes
 * in_interrupt() true and makes a GFP_KERNEL allocation in a handler
 * trigger the "sleeping function called from invalid context" report.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include <linux/errno.h>
#include <asm/desc.h>
#include <asm/irq_regs.h>

struct irq_action {
	irq_handler_t handler;
	const char *name;
	void *dev;
};

static struct irq_action irq_actions[NR_IRQS];
unsigned long irq_count[NR_IRQS];
static unsigned long spurious_count;
struct pt_regs *irq_regs;

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev)
{
	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	if (irq_actions[irq].handler)
		return -EBUSY;
	irq_actions[irq] = (struct irq_action){ handler, name, dev };
	enable_8259A_irq(irq);
	return 0;
}

void do_IRQ(struct pt_regs *regs)
{
	unsigned int irq = regs->vector - FIRST_EXTERNAL_VECTOR;
	struct irq_action *action = &irq_actions[irq];
	struct pt_regs *old_regs = set_irq_regs(regs);

	irq_enter();
	irq_count[irq]++;
	/* Acknowledge first: a handler may run long (tests do work here). */
	ack_8259A_irq(irq);
	if (action->handler)
		action->handler(irq, action->dev);
	else
		spurious_count++;
	irq_exit();
	set_irq_regs(old_regs);
}
