// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/vmalloc_misuse_test.c - ktest suite "vmalloc": every misuse
 * of the vmalloc API (a pointer vmalloc never returned, the middle of an
 * area, a double vfree, size 0, too big, calls from an interrupt, kfree of
 * vmalloc memory, vunmap of a vmalloc area): each reported with its exact
 * number of reports, refused, and nothing corrupted.
 *
 * vmalloc_test.c lists these cases in the suite; vmalloc_test.h has the
 * helpers they share.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/highmem.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/preempt.h>
#include <mm386/ktest.h>
#include <mm386/dump.h>
#include "mm_helpers.h"
#include "vmalloc_test.h"

/* ---------------------------------------------------------------------
 * Misuse: each reported, refused, nothing corrupted
 */

void vfree_not_vmalloc_memory(struct ktest *t)
{
	char *k;

	vm_begin(t);
	k = kmalloc(64, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, k);
	strcpy(k, "kmalloc");
	vfree(k);					/* a kmalloc pointer */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_STREQ(t, k, "kmalloc");
	kfree(k);
	KT_EXPECT_REPORTS(t, 0);
	vfree((void *)(VMALLOC_END - 5 * PAGE_SIZE));	/* free vmalloc space */
	KT_EXPECT_REPORTS(t, 1);
	vfree((void *)0x1000);				/* user space */
	KT_EXPECT_REPORTS(t, 1);
	vfree(NULL);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

void vfree_middle_of_area(struct ktest *t)
{
	struct vmalloc_info vmi;
	char *p;

	vm_begin(t);
	p = vmalloc(3 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	fill(p, 3, 0x3dd1e, true);
	vfree(p + 4);
	KT_EXPECT_REPORTS(t, 1);
	vfree(p + PAGE_SIZE);
	KT_EXPECT_REPORTS(t, 1);
	vfree(p + 3 * PAGE_SIZE);			/* its guard page */
	KT_EXPECT_REPORTS(t, 1);
	vunmap(p + 8);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_TRUE(t, check(p, 3, 0x3dd1e, true));	/* still mapped, untouched */
	KT_EXPECT_NOT_NULL(t, find_vm_area(p));
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vm_info_before.nr_areas + 1);
	vfree(p);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

void double_vfree(struct ktest *t)
{
	void *p;

	vm_begin(t);
	p = vmalloc(2 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	vfree(p);
	KT_EXPECT_REPORTS(t, 0);
	vfree(p);
	KT_EXPECT_REPORTS(t, 1);
	vm_end(t);				/* the pages went back once, not twice */
}

void vmalloc_size_zero(struct ktest *t)
{
	vm_begin(t);
	KT_EXPECT_NULL(t, vmalloc(0));
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_NULL(t, vzalloc(0));
	KT_EXPECT_REPORTS(t, 1);
	vm_end(t);
}

/*
 * Bigger than the vmalloc area (or all of RAM), and bigger than what is
 * left of it once most of it is reserved: NULL and a WARNING each.  A
 * request that fits the last free range exactly still works.
 */
void vmalloc_bigger_than_area(struct ktest *t)
{
	struct vmalloc_info vmi;
	struct vm_struct *r;
	unsigned long left;
	void *p;

	vm_begin(t);
	KT_EXPECT_NULL(t, vmalloc(VMALLOC_END - VMALLOC_START));
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_NULL(t, vmalloc(ULONG_MAX - 100));
	KT_EXPECT_REPORTS(t, 1);

	get_vmalloc_info(&vmi);
	r = __get_vm_area_node(vmi.largest_chunk - 17 * PAGE_SIZE, PAGE_SIZE, VM_IOREMAP,
			       VMALLOC_START, VMALLOC_END, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, r);
	get_vmalloc_info(&vmi);
	left = vmi.largest_chunk;
	KT_EXPECT_GE(t, left, 16 * PAGE_SIZE);
	pr_info("vmalloc: reserved 0x%08lx-0x%08lx; the largest free range is now %lu bytes\n",
		(unsigned long)r->addr, (unsigned long)r->addr + r->size, left);
	p = vmalloc(left);			/* + its guard page: one page too many */
	KT_EXPECT_NULL(t, p);
	KT_EXPECT_REPORTS(t, 1);
	p = vmalloc(left - PAGE_SIZE);		/* exactly the free range */
	KT_EXPECT_NOT_NULL(t, p);
	KT_EXPECT_REPORTS(t, 0);
	vfree(p);
	free_vm_area(r);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

struct irq_call {
	void *addr;
	struct page **pages;
	bool in_irq;
};

static void vmalloc_from_irq(void *arg)
{
	struct irq_call *c = arg;

	c->in_irq = in_irq();
	c->addr = vmalloc(2 * PAGE_SIZE);	/* might_sleep() reports, then it works */
}

static void atomic_vmalloc_from_irq(void *arg)
{
	struct irq_call *c = arg;

	c->addr = __vmalloc(PAGE_SIZE, GFP_ATOMIC);	/* allowed: no report */
}

static void vfree_from_irq(void *arg)
{
	struct irq_call *c = arg;

	vfree(c->addr);				/* allowed: deferred, as in Linux */
}

static void vmap_from_irq(void *arg)
{
	struct irq_call *c = arg;

	c->addr = vmap(c->pages, 2, VM_MAP, PAGE_KERNEL);
}

static void vunmap_from_irq(void *arg)
{
	struct irq_call *c = arg;

	vunmap(c->addr);
}

/*
 * vmalloc, vmap and vunmap may sleep: in the timer interrupt each gives
 * exactly one "sleeping function called from invalid context" and then
 * works.  __vmalloc(GFP_ATOMIC) is fine there, and so is vfree(), as in
 * Linux since 3.10: the area stays until the next vmalloc-family call in
 * process context (or vfree_deferred_drain()) frees it.
 */
void vmalloc_in_interrupt(struct ktest *t)
{
	struct page *pages[2];
	struct irq_call c = { NULL, pages, false };
	unsigned int i;

	vm_begin(t);
	run_in_hardirq(vmalloc_from_irq, &c);
	KT_EXPECT_TRUE(t, c.in_irq);
	KT_EXPECT_REPORTS(t, 1);
	KT_ASSERT_NOT_NULL(t, c.addr);
	fill(c.addr, 2, 0x12c, true);
	KT_EXPECT_TRUE(t, check(c.addr, 2, 0x12c, true));
	run_in_hardirq(vfree_from_irq, &c);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_EQ(t, probe(c.addr), 0);		/* deferred: still mapped */
	KT_EXPECT_TRUE(t, find_vm_area(c.addr)->flags & VM_FREE_DEFERRED);
	vfree_deferred_drain();
	KT_EXPECT_EQ(t, probe(c.addr), -EFAULT);
	KT_EXPECT_NULL(t, find_vm_area(c.addr));

	run_in_hardirq(atomic_vmalloc_from_irq, &c);
	KT_EXPECT_REPORTS(t, 0);
	KT_ASSERT_NOT_NULL(t, c.addr);
	vfree(c.addr);

	for (i = 0; i < 2; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, pages[i]);
		*(u32 *)page_address(pages[i]) = 0x1b + i;
	}
	run_in_hardirq(vmap_from_irq, &c);
	KT_EXPECT_REPORTS(t, 1);
	KT_ASSERT_NOT_NULL(t, c.addr);
	KT_EXPECT_EQ(t, *(u32 *)((char *)c.addr + PAGE_SIZE), 0x1c);
	run_in_hardirq(vunmap_from_irq, &c);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, probe(c.addr), -EFAULT);
	for (i = 0; i < 2; i++)
		__free_page(pages[i]);
	vm_end(t);
}

/* kfree() of vmalloc memory: the slab layer reports it and keeps away. */
void kfree_of_vmalloc_pointer(struct ktest *t)
{
	char buf[160], want[64];
	char *p;

	vm_begin(t);
	p = vmalloc(PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	strcpy(p, "vmalloc");
	kfree(p);
	KT_EXPECT_REPORTS(t, 1);
	kfree(p + PAGE_SIZE);				/* its guard page */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_STREQ(t, p, "vmalloc");
	KT_EXPECT_NOT_NULL(t, find_vm_area(p));
	/* What the report says the address is. */
	describe_address((unsigned long)p, buf, sizeof(buf));
	snprintf(want, sizeof(want), "vmalloc area 0x%08lx-0x%08lx (8192 bytes, vmalloc) from ",
		 (unsigned long)p, (unsigned long)p + 2 * PAGE_SIZE);
	KT_EXPECT_TRUE(t, starts_with(buf, want));
	vfree(p);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/* vunmap() of vmalloc memory would lose its pages: refused. */
void vunmap_of_vmalloc_area(struct ktest *t)
{
	char *p, *k;

	vm_begin(t);
	p = vmalloc(2 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	fill(p, 2, 0x0abc, true);
	vunmap(p);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_TRUE(t, check(p, 2, 0x0abc, true));
	KT_EXPECT_NOT_NULL(t, find_vm_area(p));
	k = kmalloc(32, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, k);
	vunmap(k);					/* not vmalloc space at all */
	KT_EXPECT_REPORTS(t, 1);
	kfree(k);
	vfree(p);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

