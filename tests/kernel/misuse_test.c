// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/misuse_test.c - the ktest suite "misuse": mistakes a module
 * written against Linux's API can make, found by trying them from outside
 * (issue 18), each reported in one place and refused or repaired, with
 * nothing corrupted and nothing lost:
 *
 *   a cache size near 4 GB        kmem_cache_create() refuses it (it divided
 *                                 by zero once)
 *   a NULL entry in vmap's pages  refused with a WARNING (it mapped the
 *                                 kernel image writable once)
 *   kunmap_atomic() of an address no kmap_atomic() returned
 *                                 reported; preempt_count never goes below 0
 *   GFP_KERNEL under preempt_disable(), 200 times
 *                                 one report a second, as in Linux
 *   krealloc() of a vmalloc pointer, of the middle of a block, of a freed
 *   block; ksize() of a freed block
 *                                 reported, refused, nothing changed
 *   vfree() in an interrupt       deferred, as in Linux; a double one reported
 *   an init function that returns with preemption off, a kmap_atomic held or
 *   interrupts off                do_one_initcall() says so and repairs it
 *
 * Each case that causes reports announces how many (KT_EXPECT_REPORTS).
 * docs/reliability.md lists the whole catalogue.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/uaccess.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <asm/fixmap.h>
#include <mm386/ktest.h>
#include <mm386/initcall.h>
#include "mm_helpers.h"

static struct buddy_snapshot before;

// Can @addr be read?  0 or -EFAULT.
static long readable(const void *addr)
{
	char c;

	return copy_from_kernel_nofault(&c, addr, 1);
}

/* ---------------------------------------------------------------------
 * Sizes no slab can serve
 */

static void cache_size_near_4g_is_refused(struct ktest *t)
{
	static const unsigned int sizes[] = { 0xffffffff, 0xfffffff8, 0xfffff001, 1U << 30,
					      (PAGE_SIZE << 3) + 1 };
	struct kmem_cache *s;
	unsigned int i;

	slab_baseline(&before);
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		KT_EXPECT_NULL(t, kmem_cache_create("misuse_huge", sizes[i], 0, 0, NULL));
	/* A big size that fits still works, with slab_debug's metadata too. */
	s = kmem_cache_create("misuse_big", PAGE_SIZE << 2, 0, SLAB_RED_ZONE, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 0);	/* refused with a line, not a report */
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* ---------------------------------------------------------------------
 * The free pointer: obfuscated, and checked (CONFIG_SLAB_FREELIST_HARDENED)
 */

/*
 * A 64-byte cache keeps its free pointer inside the free object - unless
 * slab_debug poisons free objects, which moves it out (and catches a
 * write after free by the poison instead: the slab_debug suite).
 */
static struct kmem_cache *pointer_inside_cache(struct ktest *t, const char *name)
{
	struct kmem_cache *s = kmem_cache_create(name, 64, 0, 0, NULL);

	KT_ASSERT_NOT_NULL(t, s);
	if (s->offset) {
		kmem_cache_destroy(s);
		KT_SKIP(t, "slab_debug: the free pointer is outside the object, poison guards it");
	}
	return s;
}

static void free_pointer_is_obfuscated(struct ktest *t)
{
	struct kmem_cache *s = pointer_inside_cache(t, "misuse_fp");
	void **a, **b;

	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);				/* b's free pointer is a */
	KT_EXPECT_NE(t, (unsigned long)b[0], (unsigned long)a);
	KT_EXPECT_EQ(t, (unsigned long)b[0],
		     (unsigned long)a ^ s->random ^ __builtin_bswap32((unsigned long)b));
	KT_EXPECT_PTR_EQ(t, kmem_cache_alloc(s, GFP_KERNEL), b);
	KT_EXPECT_PTR_EQ(t, kmem_cache_alloc(s, GFP_KERNEL), a);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 0);
}

/*
 * A use-after-free write aims the free pointer at a target of its choice
 * (here a stack buffer, as an exploit would): the allocator must never
 * hand the target out.  The slab's chain is cut instead, with a report.
 */
static void freelist_redirection_is_refused(struct ktest *t)
{
	struct kmem_cache *s = pointer_inside_cache(t, "misuse_redirect");
	char target[64];
	void **a, *p[4];
	unsigned int i;

	a = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, a);
	kmem_cache_free(s, a);
	a[0] = target;					/* the use after free */
	KT_EXPECT_PTR_EQ(t, kmem_cache_alloc(s, GFP_KERNEL), a);
	KT_EXPECT_REPORTS(t, 1);			/* Freepointer corrupt */
	for (i = 0; i < ARRAY_SIZE(p); i++) {
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KT_EXPECT_NOT_NULL(t, p[i]);
		KT_EXPECT_NE(t, (unsigned long)p[i], (unsigned long)target);
		KT_EXPECT_NE(t, (unsigned long)p[i], (unsigned long)a);
	}
	KT_EXPECT_EQ(t, kmem_cache_validate(s), 0);	/* the counts add up */
	for (i = 0; i < ARRAY_SIZE(p); i++)
		kmem_cache_free(s, p[i]);
	kmem_cache_free(s, a);
	KT_EXPECT_EQ(t, kmem_cache_validate(s), 0);
	KT_EXPECT_REPORTS(t, 0);
	/* The slab's lost objects count as in use: the cache is not destroyed. */
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 1);
}

/* ---------------------------------------------------------------------
 * vmap() of pages that are not pages
 */

static void vmap_of_a_null_page_is_refused(struct ktest *t)
{
	struct page *pages[3];
	struct vmalloc_info vmi, vmi_before;
	void *addr;

	KT_ASSERT_TRUE(t, vmalloc_populate_page_tables() >= 0);	/* kept once made */
	slab_baseline(&before);
	get_vmalloc_info(&vmi_before);
	pages[0] = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, pages[0]);
	pages[1] = NULL;
	pages[2] = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, pages[2]);
	addr = vmap(pages, 3, VM_MAP, PAGE_KERNEL);
	KT_EXPECT_NULL(t, addr);
	KT_EXPECT_REPORTS(t, 1);
	/* A pointer into the middle of a struct page, and one past mem_map. */
	pages[1] = (struct page *)((char *)pages[0] + 4);
	KT_EXPECT_NULL(t, vmap(pages, 3, VM_MAP, PAGE_KERNEL));
	KT_EXPECT_REPORTS(t, 1);
	pages[1] = mem_map + max_pfn;
	KT_EXPECT_NULL(t, vmap(pages, 3, VM_MAP, PAGE_KERNEL));
	KT_EXPECT_REPORTS(t, 1);
	/* Nothing stays mapped, and the good pages still map. */
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vmi_before.nr_areas);
	pages[1] = pages[2];
	addr = vmap(pages, 2, VM_MAP, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, addr);
	KT_EXPECT_PTR_EQ(t, vmalloc_to_page(addr), pages[0]);
	vunmap(addr);
	__free_page(pages[0]);
	__free_page(pages[2]);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* ---------------------------------------------------------------------
 * kunmap_atomic() of what kmap_atomic() never returned
 */

static void kunmap_atomic_of_unmapped_address(struct ktest *t)
{
	unsigned long count = preempt_count();
	int depth = kmap_atomic_depth();
	void *low = kmalloc(64, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, low);
	/* A lowmem address, with no kmap_atomic() to undo: preempt_count stays. */
	kunmap_atomic(low);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, preempt_count(), count);
	/* A fixmap address above the kmap_atomic slots, a vmalloc and a user address. */
	kunmap_atomic((void *)fix_to_virt(FIX_KMAP_BEGIN - 1));
	kunmap_atomic((void *)(VMALLOC_START + PAGE_SIZE));
	kunmap_atomic((void *)0x1000);
	KT_EXPECT_REPORTS(t, 3);
	KT_EXPECT_EQ(t, preempt_count(), count);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);
	/* A GFP_KERNEL allocation now is not "called from invalid context". */
	kfree(low);
	low = kmalloc(64, GFP_KERNEL);
	KT_EXPECT_NOT_NULL(t, low);
	kfree(low);
	KT_EXPECT_REPORTS(t, 0);
}

/* A plain preempt_enable() too many: the same report, the same floor. */
static void preempt_enable_underflow(struct ktest *t)
{
	unsigned long count = preempt_count();

	KT_ASSERT_EQ(t, count, 0);
	preempt_enable();
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	preempt_disable();
	preempt_enable();
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_EQ(t, preempt_count(), 0);
}

/* ---------------------------------------------------------------------
 * "sleeping function called from invalid context", 200 times
 */

#define STORM	200

static void sleeping_in_atomic_is_rate_limited(struct ktest *t)
{
	static void *p[STORM];
	unsigned long suppressed = might_sleep_suppressed;
	unsigned int i;

	preempt_disable();
	for (i = 0; i < STORM; i++)
		p[i] = kmalloc(32, GFP_KERNEL);
	preempt_enable();
	KT_EXPECT_REPORTS(t, 1);
	/* 199 kmallocs at least (a new slab's page asks the page allocator too) */
	KT_EXPECT_GE(t, might_sleep_suppressed - suppressed, STORM - 1);
	for (i = 0; i < STORM; i++) {
		KT_EXPECT_NOT_NULL(t, p[i]);
		kfree(p[i]);
	}
	/* A new second (the limiter reset) reports again. */
	might_sleep_ratelimit_reset();
	preempt_disable();
	kfree(kmalloc(32, GFP_KERNEL));
	preempt_enable();
	KT_EXPECT_REPORTS(t, 1);
}

/* ---------------------------------------------------------------------
 * krealloc() and ksize() of what is no live kmalloc block
 */

static void krealloc_of_vmalloc_pointer(struct ktest *t)
{
	struct vmalloc_info vmi, vmi_before;
	char *v, *n;

	slab_baseline(&before);
	get_vmalloc_info(&vmi_before);
	v = vmalloc(PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, v);
	strcpy(v, "vmalloc memory");
	n = krealloc(v, 64, GFP_KERNEL);
	KT_EXPECT_NULL(t, n);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_STREQ(t, v, "vmalloc memory");	/* untouched, still allocated */
	KT_EXPECT_PTR_EQ(t, find_vm_area(v)->addr, v);
	KT_EXPECT_EQ(t, ksize(v), 0);
	KT_EXPECT_REPORTS(t, 1);
	vfree(v);
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vmi_before.nr_areas);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void krealloc_of_interior_or_freed_pointer(struct ktest *t)
{
	char *p, *big;

	slab_baseline(&before);
	p = kmalloc(64, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	memset(p, 0x5a, 64);
	KT_EXPECT_NULL(t, krealloc(p + 16, 50, GFP_KERNEL));	/* not p + 16 back */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, ksize(p + 16), 0);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_GE(t, ksize(p), 64);
	kfree(p);
	KT_EXPECT_EQ(t, ksize(p), 0);			/* freed: not 64, and said so */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_NULL(t, krealloc(p, 200, GFP_KERNEL));
	KT_EXPECT_REPORTS(t, 1);
	/* A large block (compound pages): its middle is refused too. */
	big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, big);
	KT_EXPECT_NULL(t, krealloc(big + PAGE_SIZE, 5 * PAGE_SIZE, GFP_KERNEL));
	KT_EXPECT_REPORTS(t, 1);
	big = krealloc(big, 5 * PAGE_SIZE, GFP_KERNEL);	/* the right way still works */
	KT_EXPECT_NOT_NULL(t, big);
	kfree(big);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* ---------------------------------------------------------------------
 * vfree() in a hard interrupt
 */

static void vfree_twice_from_irq(void *arg)
{
	vfree(arg);
	vfree(arg);		/* the second one is a double free */
}

static void vfree_in_interrupt_is_deferred(struct ktest *t)
{
	struct vmalloc_info vmi, vmi_before;
	void *p;

	KT_ASSERT_TRUE(t, vmalloc_populate_page_tables() >= 0);
	slab_baseline(&before);
	get_vmalloc_info(&vmi_before);
	p = vmalloc(3 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	run_in_hardirq(vfree_twice_from_irq, p);
	KT_EXPECT_REPORTS(t, 1);			/* the double free, not the first */
	KT_EXPECT_EQ(t, readable(p), 0);		/* pending */
	vfree(p);					/* a third: drains, then refuses */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, readable(p), -EFAULT);
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vmi_before.nr_areas);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* ---------------------------------------------------------------------
 * do_one_initcall(): what an init function leaves behind
 */

static struct page *init_page;

static int init_leaves_preemption_off(void)
{
	preempt_disable();
	return 0;
}

static int init_leaves_kmap_atomic(void)
{
	void *p = kmap_atomic(init_page);

	memset(p, 0x11, 16);
	return 0;
}

static int init_leaves_irqs_off(void)
{
	local_irq_disable();
	return -EINVAL;
}

static int init_is_clean(void)
{
	return 7;
}

static void initcall_imbalance_is_repaired(struct ktest *t)
{
	int depth = kmap_atomic_depth();
	void *a;

	init_page = alloc_page(GFP_HIGHUSER);
	KT_ASSERT_NOT_NULL(t, init_page);
	KT_EXPECT_EQ(t, do_one_initcall(init_leaves_preemption_off), 0);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	KT_EXPECT_EQ(t, do_one_initcall(init_leaves_kmap_atomic), 0);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);	/* the slot was given back */
	KT_EXPECT_EQ(t, do_one_initcall(init_leaves_irqs_off), -EINVAL);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_FALSE(t, irqs_disabled());
	KT_EXPECT_EQ(t, do_one_initcall(init_is_clean), 7);
	KT_EXPECT_REPORTS(t, 0);
	/* What init wrote is there; a new kmap_atomic takes the freed slot. */
	a = kmap_atomic(init_page);
	KT_EXPECT_EQ(t, *(u8 *)a, 0x11);
	if (PageHighMem(init_page))
		KT_EXPECT_EQ(t, (unsigned long)a, fix_to_virt(FIX_KMAP_BEGIN + depth));
	kunmap_atomic(a);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	__free_page(init_page);
	KT_EXPECT_REPORTS(t, 0);
}

/* ---------------------------------------------------------------------
 * Kernel stacks: vmalloc'ed, with a guard page below (kernel/fork.c)
 */

static void task_stack_has_a_guard_page(struct ktest *t)
{
	static const char *const argv[] = { "no_such_program", NULL };
	struct vmalloc_info vmi, vmi_before;
	struct task_struct *p;
	unsigned long stack;
	int status = 0;
	pid_t pid;

	get_vmalloc_info(&vmi_before);
	pid = kernel_run_program("no_such_program", argv);
	KT_ASSERT_GT(t, pid, 0);
	p = find_task_by_pid(pid);
	KT_ASSERT_NOT_NULL(t, p);
	stack = (unsigned long)p->stack;
	KT_EXPECT_TRUE(t, is_vmalloc_addr(p->stack));
	KT_EXPECT_EQ(t, stack & (THREAD_SIZE - 1), 0);
	KT_EXPECT_EQ(t, readable((void *)stack), 0);
	KT_EXPECT_EQ(t, readable((void *)(stack + THREAD_SIZE - 1)), 0);
	KT_EXPECT_EQ(t, readable((void *)(stack - 1)), -EFAULT);	/* the guard */
	KT_EXPECT_EQ(t, kernel_wait4(pid, &status, 0, false, NULL), pid);
	KT_EXPECT_EQ(t, status, 127 << 8);		/* exec failed: ENOENT */
	KT_EXPECT_EQ(t, readable((void *)stack), -EFAULT);	/* freed with the task */
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vmi_before.nr_areas);
	KT_EXPECT_REPORTS(t, 0);
}

static struct ktest_case misuse_cases[] = {
	KTEST_CASE(cache_size_near_4g_is_refused),
	KTEST_CASE(free_pointer_is_obfuscated),
	KTEST_CASE(freelist_redirection_is_refused),
	KTEST_CASE(vmap_of_a_null_page_is_refused),
	KTEST_CASE(kunmap_atomic_of_unmapped_address),
	KTEST_CASE(preempt_enable_underflow),
	KTEST_CASE(sleeping_in_atomic_is_rate_limited),
	KTEST_CASE(krealloc_of_vmalloc_pointer),
	KTEST_CASE(krealloc_of_interior_or_freed_pointer),
	KTEST_CASE(vfree_in_interrupt_is_deferred),
	KTEST_CASE(initcall_imbalance_is_repaired),
	KTEST_CASE(task_stack_has_a_guard_page),
	{}
};

static struct ktest_suite misuse_suite = { .name = "misuse", .cases = misuse_cases };
ktest_register(misuse_suite);
