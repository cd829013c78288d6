// SPDX-License-Identifier: GPL-2.0
/*
 * imbalance_module.c - a test module whose init function forgets to undo
 * three things: a preempt_disable(), a kmap_atomic() and a
 * local_irq_disable().  Without repair the kernel would stay in atomic
 * context for good: every GFP_KERNEL allocation after it would report
 * "sleeping function called from invalid context", and with interrupts
 * off the timer would stop.  The loader's do_one_initcall() must say so in
 * one WARNING, in Linux's words, and put all three back.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>

MODULE_LICENSE("GPL");

static struct page *page;

static int __init imbalance_init(void)
{
	char *p;

	page = alloc_page(GFP_HIGHUSER);
	if (!page)
		return -ENOMEM;
	p = kmap_atomic(page);
	p[0] = 'x';
	preempt_disable();
	local_irq_disable();
	pr_info("imbalance_module: returning with a kmap_atomic, preemption and interrupts off\n");
	return 0;
}

static void __exit imbalance_exit(void)
{
	__free_page(page);
}

module_init(imbalance_init);
module_exit(imbalance_exit);
