// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/vma_test.c - ktest suites "vma" and "fault": a process's
 * address space from inside the kernel (mm/mmap.c, mm/mprotect.c,
 * mm/memory.c, mm/pgtable.c).
 *
 * Each case makes an empty address space (mm_alloc), lends it to task 0
 * (current->mm, and its page directory in CR3) and works on it with the
 * functions the system calls use: do_mmap, do_munmap, do_mprotect,
 * sys_brk.  The user addresses are touched with copy_to_user and
 * copy_from_user, so every access goes through the real page fault path
 * (kernel/fault.c: demand paging, copy-on-write, the exception table for
 * bad addresses).  At the end the address space goes (mmput) and every
 * page, page table and VMA must be back.
 *
 *   vma:   find_vma, splitting on munmap and mprotect, merging neighbours,
 *          top-down get_unmapped_area and hints, MAP_FIXED over mappings,
 *          MAP_FIXED_NOREPLACE, brk, the page tables freed with the VMAs
 *   fault: the zero page, a new page, the zero page replaced, COW after
 *          copy_page_range (copy, then reuse), PROT_NONE and read-only
 *          VMAs, stack growth and its limit, a kernel PDE made after the
 *          address space (vmalloc) reachable with its CR3 loaded
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/irqflags.h>
#include <asm/pgtable.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

#define PG		PAGE_SIZE
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_PRIVATE | MAP_ANONYMOUS)
#define FIXED		(ANON | MAP_FIXED)
#define NOREPLACE	(ANON | MAP_FIXED_NOREPLACE)
#define BASE		0x40000000UL	/* where the cases put their fixed mappings */


static struct buddy_snapshot before;
static unsigned long saved_min_flt, saved_cow_flt;
static long committed_before;		/* vm_committed_as at user_begin() */

// An empty address space, lent to task 0: current->mm and CR3.
static struct mm_struct *user_begin(struct ktest *t)
{
	struct mm_struct *mm;
	unsigned long flags;

	slab_baseline(&before);
	committed_before = vm_committed_as;
	mm = mm_alloc();
	if (!mm)
		return NULL;
	mm->mmap_base = TASK_SIZE - (128UL << 20);
	saved_min_flt = current->min_flt;
	saved_cow_flt = current->cow_flt;
	local_irq_save(flags);
	current->mm = current->active_mm = mm;
	switch_mm(NULL, mm);
	local_irq_restore(flags);
	return mm;
}

// Give the address space back to nobody and free it.
static void user_release(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	switch_mm(mm, NULL);
	current->mm = current->active_mm = NULL;
	local_irq_restore(flags);
	mmput(mm);
	current->min_flt = saved_min_flt;
	current->cow_flt = saved_cow_flt;
}

/*
 * Give the address space back; everything it had must come back, and
 * every page promised to it (Committed_AS, mm/util.c) be taken back.
 */
static void user_end(struct ktest *t, struct mm_struct *mm)
{
	user_release(mm);
	KT_EXPECT_NOTHING_LOST(t, &before);
	KT_EXPECT_EQ(t, vm_committed_as, committed_before);
}

/*
 * The cases about address arithmetic make mappings far larger than RAM:
 * overcommit mode 0 would refuse them (as Linux's does), so they run in
 * mode 1, which promises anything.  Return: the mode to put back.
 */
static int overcommit_always(void)
{
	int mode = sysctl_overcommit_memory;

	sysctl_overcommit_memory = OVERCOMMIT_ALWAYS;
	return mode;
}

#define USER_BEGIN(t, mm) struct mm_struct *mm = user_begin(t); KT_ASSERT_NOT_NULL(t, mm)

static unsigned long map(unsigned long addr, unsigned long len, unsigned long prot,
			 unsigned long flags)
{
	return do_mmap(NULL, addr, len, prot, flags, 0);
}

static int put_byte(unsigned long addr, u8 v)
{
	return copy_to_user((void __user *)addr, &v, 1) ? -EFAULT : 0;
}

static int get_byte(unsigned long addr, u8 *v)
{
	return copy_from_user(v, (const void __user *)addr, 1) ? -EFAULT : 0;
}

// The pte for @addr in @mm, or 0 when there is none.
static pte_t pte_of(struct mm_struct *mm, unsigned long addr)
{
	pte_t *p = follow_pte(mm, addr);

	return p ? *p : 0;
}

/* ---------------------------------------------------------------------
 * vma
 */

static void find_vma_rules(struct ktest *t)
{
	USER_BEGIN(t, mm);
	struct vm_area_struct *a, *b;

	KT_ASSERT_EQ(t, map(BASE, 2 * PG, RW, FIXED), BASE);
	KT_ASSERT_EQ(t, map(BASE + 4 * PG, PG, PROT_READ, FIXED), BASE + 4 * PG);
	a = find_vma(mm, BASE);
	b = find_vma(mm, BASE + 4 * PG);
	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_NE(t, (unsigned long)a, (unsigned long)b);
	KT_EXPECT_PTR_EQ(t, find_vma(mm, 0), a);		/* below: the first above */
	KT_EXPECT_PTR_EQ(t, find_vma(mm, BASE + 2 * PG - 1), a);	/* its last byte */
	KT_EXPECT_PTR_EQ(t, find_vma(mm, BASE + 2 * PG), b);	/* in the gap: the next */
	KT_EXPECT_NULL(t, find_vma(mm, BASE + 5 * PG));	/* above everything */
	KT_EXPECT_NULL(t, find_vma_intersection(mm, BASE + 2 * PG, BASE + 4 * PG));
	KT_EXPECT_PTR_EQ(t, find_vma_intersection(mm, BASE + 3 * PG, BASE + 5 * PG), b);
	KT_EXPECT_EQ(t, mm->map_count, 2);
	KT_EXPECT_EQ(t, mm->total_vm, 3);
	KT_EXPECT_EQ(t, mm->data_vm, 2);			/* private writable */
	user_end(t, mm);
}

static void munmap_splits(struct ktest *t)
{
	USER_BEGIN(t, mm);
	struct vm_area_struct *v;

	KT_ASSERT_EQ(t, map(BASE, 4 * PG, RW, FIXED), BASE);
	KT_ASSERT_EQ(t, put_byte(BASE, 1), 0);
	KT_ASSERT_EQ(t, put_byte(BASE + 3 * PG, 4), 0);
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + PG, 2 * PG), 0);	/* the middle */
	KT_EXPECT_EQ(t, mm->map_count, 2);
	v = find_vma(mm, BASE);
	KT_EXPECT_EQ(t, v->vm_end, BASE + PG);
	v = find_vma(mm, BASE + PG);
	KT_EXPECT_EQ(t, v->vm_start, BASE + 3 * PG);
	KT_EXPECT_EQ(t, mm->total_vm, 2);
	KT_EXPECT_EQ(t, get_mm_rss(mm), 2);			/* the written pages stay */
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + 2 * PG, PG), 0);	/* nothing there: fine */
	KT_EXPECT_EQ(t, do_munmap(mm, BASE + 1, PG), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, BASE, 0), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, TASK_SIZE, PG), -EINVAL);
	KT_EXPECT_EQ(t, do_munmap(mm, BASE, 4 * PG), 0);	/* across both */
	KT_EXPECT_EQ(t, mm->map_count, 0);
	KT_EXPECT_EQ(t, get_mm_rss(mm), 0);
	KT_EXPECT_EQ(t, mm->pgtables_bytes, 0);		/* its page table went too */
	user_end(t, mm);
}

static void mprotect_splits_and_merges(struct ktest *t)
{
	USER_BEGIN(t, mm);

	KT_ASSERT_EQ(t, map(BASE, 3 * PG, RW, FIXED), BASE);
	KT_EXPECT_EQ(t, do_mprotect(BASE + PG, PG, PROT_READ), 0);
	KT_EXPECT_EQ(t, mm->map_count, 3);
	KT_EXPECT_EQ(t, put_byte(BASE + PG, 1), -EFAULT);	/* read-only now */
	KT_EXPECT_EQ(t, put_byte(BASE, 1), 0);
	KT_EXPECT_EQ(t, do_mprotect(BASE + PG, PG, RW), 0);	/* back: one VMA again */
	KT_EXPECT_EQ(t, mm->map_count, 1);
	KT_EXPECT_EQ(t, put_byte(BASE + PG, 1), 0);
	KT_EXPECT_EQ(t, do_mprotect(BASE, 4 * PG, PROT_READ), -ENOMEM);	/* past the end */
	KT_EXPECT_EQ(t, do_mprotect(BASE + 1, PG, PROT_READ), -EINVAL);
	KT_EXPECT_EQ(t, do_mprotect(BASE, PG, 0x100), -EINVAL);
	user_end(t, mm);
}

static void neighbours_merge(struct ktest *t)
{
	USER_BEGIN(t, mm);

	KT_ASSERT_EQ(t, map(BASE, PG, RW, FIXED), BASE);
	KT_ASSERT_EQ(t, map(BASE + 2 * PG, PG, RW, FIXED), BASE + 2 * PG);
	KT_EXPECT_EQ(t, mm->map_count, 2);
	KT_ASSERT_EQ(t, map(BASE + PG, PG, RW, FIXED), BASE + PG);	/* fills the hole */
	KT_EXPECT_EQ(t, mm->map_count, 1);			/* prev, new and next: one */
	KT_EXPECT_EQ(t, find_vma(mm, BASE)->vm_end, BASE + 3 * PG);
	KT_ASSERT_EQ(t, map(BASE + 3 * PG, PG, PROT_READ, FIXED), BASE + 3 * PG);
	KT_EXPECT_EQ(t, mm->map_count, 2);			/* other permissions: apart */
	user_end(t, mm);
}

static void topdown_and_hints(struct ktest *t)
{
	USER_BEGIN(t, mm);
	unsigned long a, b, c;

	a = map(0, 2 * PG, RW, ANON);
	KT_EXPECT_EQ(t, a, mm->mmap_base - 2 * PG);		/* just below mmap_base */
	b = map(0, PG, RW, ANON);
	KT_EXPECT_EQ(t, b, a - PG);				/* top-down: below it */
	KT_EXPECT_EQ(t, mm->map_count, 1);			/* and merged with it */
	KT_EXPECT_EQ(t, do_munmap(mm, a, 2 * PG), 0);
	c = map(0, PG, RW, ANON);
	KT_EXPECT_EQ(t, c, mm->mmap_base - PG);		/* the highest hole first */
	KT_EXPECT_EQ(t, map(BASE, PG, RW, ANON), BASE);	/* a free hint is taken */
	KT_EXPECT_NE(t, map(BASE, PG, RW, ANON), BASE);	/* a taken one is not */
	KT_EXPECT_EQ(t, map(0x1000, PG, RW, MAP_PRIVATE | MAP_ANONYMOUS), 0x10000);	/* mmap_min_addr */
	KT_EXPECT_EQ(t, map(0, TASK_SIZE, RW, ANON), (unsigned long)-ENOMEM);
	KT_EXPECT_EQ(t, map(TASK_SIZE, PG, RW, FIXED), (unsigned long)-ENOMEM);
	KT_EXPECT_EQ(t, map(0, 0, RW, ANON), (unsigned long)-EINVAL);
	user_end(t, mm);
}

static void map_fixed_replaces(struct ktest *t)
{
	USER_BEGIN(t, mm);
	u8 v = 0;
	int i;

	KT_ASSERT_EQ(t, map(BASE, 4 * PG, RW, FIXED), BASE);
	for (i = 0; i < 4; i++)
		KT_ASSERT_EQ(t, put_byte(BASE + i * PG, 0x5a), 0);
	KT_EXPECT_EQ(t, get_mm_rss(mm), 4);
	KT_EXPECT_EQ(t, map(BASE + PG, 2 * PG, PROT_READ, NOREPLACE), (unsigned long)-EEXIST);
	KT_EXPECT_EQ(t, get_mm_rss(mm), 4);			/* NOREPLACE changed nothing */
	KT_EXPECT_EQ(t, map(BASE + PG, 2 * PG, PROT_READ, FIXED), BASE + PG);
	KT_EXPECT_EQ(t, mm->map_count, 3);			/* split around it */
	KT_EXPECT_EQ(t, get_mm_rss(mm), 2);			/* its old pages are gone */
	KT_EXPECT_EQ(t, get_byte(BASE + PG, &v), 0);
	KT_EXPECT_EQ(t, v, 0);					/* fresh: zero */
	KT_EXPECT_EQ(t, get_byte(BASE + 3 * PG, &v), 0);
	KT_EXPECT_EQ(t, v, 0x5a);				/* the neighbours keep theirs */
	KT_EXPECT_EQ(t, map(BASE + 1, PG, RW, FIXED), (unsigned long)-EINVAL);
	user_end(t, mm);
}

static void brk_grows_and_shrinks(struct ktest *t)
{
	USER_BEGIN(t, mm);
	unsigned long start = BASE;

	mm->start_brk = mm->brk = start;
	KT_EXPECT_EQ(t, sys_brk(0), start);
	KT_EXPECT_EQ(t, sys_brk(start - PG), start);		/* below its start: no */
	KT_EXPECT_EQ(t, sys_brk(start + 3 * PG + 5), start + 3 * PG + 5);
	KT_EXPECT_EQ(t, mm->total_vm, 4);
	KT_EXPECT_EQ(t, put_byte(start + 3 * PG, 1), 0);
	KT_EXPECT_EQ(t, put_byte(start + 4 * PG, 1), -EFAULT);	/* past the break */
	KT_ASSERT_EQ(t, map(start + 6 * PG, PG, RW, FIXED), start + 6 * PG);
	KT_EXPECT_EQ(t, sys_brk(start + 8 * PG), start + 3 * PG + 5);	/* into a mapping: no */
	KT_EXPECT_EQ(t, sys_brk(start + PG), start + PG);
	KT_EXPECT_EQ(t, mm->total_vm, 2);
	KT_EXPECT_EQ(t, get_mm_rss(mm), 0);			/* the written page went */
	KT_EXPECT_EQ(t, sys_brk(TASK_SIZE + PG), start + PG);
	user_end(t, mm);
}

/*
 * A request that no hole can hold fails, however the arithmetic goes: the
 * bottom-up search once took the 128 MB hole above a 2.6 GB heap for a
 * 2 GB mapping, because the heap's end + 2 GB wrapped past 4 GB, and made
 * a VMA that ends below its start (found by user/sysfuzz.c).
 */
static void no_mapping_wraps_past_4gb(struct ktest *t)
{
	USER_BEGIN(t, mm);
	unsigned long heap = 0x08100000UL, end = 0xb0000000UL;
	int mode = overcommit_always();		/* a 2.6 GB heap */
	struct vm_area_struct *vma;

	mm->start_brk = mm->brk = heap;
	KT_ASSERT_EQ(t, sys_brk(end), end);
	KT_EXPECT_EQ(t, map(0, PG, RW, ANON), mm->mmap_base - PG);
	KT_EXPECT_EQ(t, map(0, 0x80000000UL, RW, ANON), (unsigned long)-ENOMEM);
	KT_EXPECT_EQ(t, map(0xbffff000UL, 0x7fffffffUL, RW, ANON), (unsigned long)-ENOMEM);
	KT_EXPECT_EQ(t, map(end, 0x80000000UL, RW, ANON), (unsigned long)-ENOMEM);
	for_each_vma(mm, vma)
		KT_EXPECT_LT(t, vma->vm_start, vma->vm_end);
	KT_EXPECT_EQ(t, mm->map_count, 2);
	/* a split in the heap still works, and leaves nothing outside a VMA */
	KT_EXPECT_EQ(t, map(0x1d2ef000UL, 2 * PG, PROT_READ, FIXED), 0x1d2ef000UL);
	KT_EXPECT_EQ(t, mm->map_count, 4);
	sysctl_overcommit_memory = mode;
	user_end(t, mm);
}

static struct ktest_case vma_cases[] = {
	KTEST_CASE(find_vma_rules),
	KTEST_CASE(munmap_splits),
	KTEST_CASE(mprotect_splits_and_merges),
	KTEST_CASE(neighbours_merge),
	KTEST_CASE(topdown_and_hints),
	KTEST_CASE(map_fixed_replaces),
	KTEST_CASE(brk_grows_and_shrinks),
	KTEST_CASE(no_mapping_wraps_past_4gb),
	{}
};

static struct ktest_suite vma_suite = { .name = "vma", .cases = vma_cases };
ktest_register(vma_suite);

/* ---------------------------------------------------------------------
 * fault
 */

static void zero_page_then_new_page(struct ktest *t)
{
	USER_BEGIN(t, mm);
	unsigned long flt = current->min_flt;
	u8 v = 1;

	KT_ASSERT_EQ(t, map(BASE, PG, RW, FIXED), BASE);
	KT_EXPECT_EQ(t, pte_of(mm, BASE), 0);			/* nothing until touched */
	KT_EXPECT_EQ(t, get_byte(BASE, &v), 0);
	KT_EXPECT_EQ(t, v, 0);
	KT_EXPECT_EQ(t, pte_pfn(pte_of(mm, BASE)), page_to_pfn(empty_zero_page));
	KT_EXPECT_FALSE(t, pte_of(mm, BASE) & _PAGE_RW);
	KT_EXPECT_EQ(t, get_mm_rss(mm), 0);			/* the zero page is nobody's */
	KT_EXPECT_EQ(t, put_byte(BASE, 7), 0);			/* zero page -> a new page */
	KT_EXPECT_NE(t, pte_pfn(pte_of(mm, BASE)), page_to_pfn(empty_zero_page));
	KT_EXPECT_TRUE(t, pte_of(mm, BASE) & _PAGE_RW);
	KT_EXPECT_EQ(t, get_mm_rss(mm), 1);
	KT_EXPECT_EQ(t, current->min_flt - flt, 2);
	KT_EXPECT_EQ(t, current->cow_flt, saved_cow_flt);	/* replacing zeroes is no copy */
	KT_EXPECT_EQ(t, mm->pgtables_bytes, PAGE_SIZE);
	user_end(t, mm);
}

static void first_write_gets_a_zeroed_page(struct ktest *t)
{
	USER_BEGIN(t, mm);
	u8 v = 1;
	struct page *page;

	KT_ASSERT_EQ(t, map(BASE, 2 * PG, RW, FIXED), BASE);
	KT_ASSERT_EQ(t, put_byte(BASE + PG + 9, 3), 0);
	page = pfn_to_page(pte_pfn(pte_of(mm, BASE + PG)));
	KT_EXPECT_TRUE(t, PageAnon(page));
	KT_EXPECT_EQ(t, page_count(page), 1);
	KT_EXPECT_EQ(t, get_byte(BASE + PG + 8, &v), 0);
	KT_EXPECT_EQ(t, v, 0);					/* cleared before mapping */
	KT_EXPECT_EQ(t, pte_of(mm, BASE), 0);			/* its neighbour untouched */
	user_end(t, mm);
}

static void cow_copies_then_reuses(struct ktest *t)
{
	USER_BEGIN(t, mm);
	struct mm_struct *child = mm_alloc();
	struct vm_area_struct *vma, *copy;
	struct page *old, *page;
	u8 v = 0;

	KT_ASSERT_NOT_NULL(t, child);
	KT_ASSERT_EQ(t, map(BASE, PG, RW, FIXED), BASE);
	KT_ASSERT_EQ(t, put_byte(BASE, 0x11), 0);
	old = pfn_to_page(pte_pfn(pte_of(mm, BASE)));
	/* what dup_mm does for one VMA: the child's copy is a promise of its own */
	vma = find_vma(mm, BASE);
	KT_ASSERT_TRUE(t, vma->vm_flags & VM_ACCOUNT);
	KT_ASSERT_EQ(t, security_vm_enough_memory_mm(mm, vma_pages(vma)), 0);
	copy = vm_area_alloc(child);
	KT_ASSERT_NOT_NULL(t, copy);
	*copy = *vma;
	copy->vm_mm = child;
	INIT_LIST_HEAD(&copy->vm_list);
	KT_ASSERT_EQ(t, insert_vm_struct(child, copy), 0);
	KT_ASSERT_EQ(t, copy_page_range(child, mm, copy), 0);
	KT_EXPECT_EQ(t, page_count(old), 2);			/* shared */
	KT_EXPECT_FALSE(t, pte_of(mm, BASE) & _PAGE_RW);	/* write-protected in both */
	KT_EXPECT_FALSE(t, pte_of(child, BASE) & _PAGE_RW);
	KT_EXPECT_EQ(t, put_byte(BASE, 0x22), 0);		/* the parent writes: a copy */
	page = pfn_to_page(pte_pfn(pte_of(mm, BASE)));
	KT_EXPECT_NE(t, page_to_pfn(page), page_to_pfn(old));
	KT_EXPECT_EQ(t, current->cow_flt - saved_cow_flt, 1);
	KT_EXPECT_EQ(t, page_count(old), 1);			/* the child's alone now */
	KT_EXPECT_EQ(t, pte_pfn(pte_of(child, BASE)), page_to_pfn(old));
	/* the child writes: its page is no longer shared, so it is reused */
	local_irq_disable();
	switch_mm(mm, child);
	current->mm = current->active_mm = child;
	local_irq_enable();
	KT_EXPECT_EQ(t, get_byte(BASE, &v), 0);
	KT_EXPECT_EQ(t, v, 0x11);				/* the old contents */
	KT_EXPECT_EQ(t, put_byte(BASE, 0x33), 0);
	KT_EXPECT_EQ(t, pte_pfn(pte_of(child, BASE)), page_to_pfn(old));
	KT_EXPECT_TRUE(t, pte_of(child, BASE) & _PAGE_RW);
	KT_EXPECT_EQ(t, current->cow_flt - saved_cow_flt, 1);	/* no second copy */
	local_irq_disable();
	switch_mm(child, mm);
	current->mm = current->active_mm = mm;
	local_irq_enable();
	mmput(child);
	KT_EXPECT_EQ(t, get_byte(BASE, &v), 0);
	KT_EXPECT_EQ(t, v, 0x22);
	user_end(t, mm);
}

static void bad_accesses_fail(struct ktest *t)
{
	USER_BEGIN(t, mm);
	u8 v;

	KT_ASSERT_EQ(t, map(BASE, PG, PROT_NONE, FIXED), BASE);
	KT_ASSERT_EQ(t, map(BASE + 2 * PG, PG, PROT_READ, FIXED), BASE + 2 * PG);
	KT_EXPECT_EQ(t, get_byte(BASE, &v), -EFAULT);		/* PROT_NONE */
	KT_EXPECT_EQ(t, put_byte(BASE + 2 * PG, 1), -EFAULT);	/* read-only */
	KT_EXPECT_EQ(t, get_byte(BASE + 2 * PG, &v), 0);
	KT_EXPECT_EQ(t, get_byte(BASE + PG, &v), -EFAULT);	/* no VMA */
	KT_EXPECT_EQ(t, get_byte(0, &v), -EFAULT);		/* NULL */
	KT_EXPECT_EQ(t, get_byte(TASK_SIZE, &v), -EFAULT);	/* the kernel: access_ok */
	KT_EXPECT_EQ(t, copy_from_user(&v, (const void __user *)(TASK_SIZE - 1), 2), 2);
	user_end(t, mm);
}

static void stack_grows_down_to_its_limit(struct ktest *t)
{
	USER_BEGIN(t, mm);
	unsigned long top = BASE + STACK_RLIMIT + 16 * PG;
	int mode = overcommit_always();		/* an 8 MB stack at mem=8M */
	struct vm_area_struct *stack;

	KT_ASSERT_EQ(t, map(top - PG, PG, RW, FIXED | MAP_GROWSDOWN), top - PG);
	stack = find_vma(mm, top - PG);
	KT_EXPECT_EQ(t, put_byte(top - 5 * PG, 1), 0);		/* below it: it grows */
	KT_EXPECT_EQ(t, stack->vm_start, top - 5 * PG);
	KT_EXPECT_EQ(t, mm->stack_vm, 5);
	KT_EXPECT_EQ(t, put_byte(top - STACK_RLIMIT, 1), 0);	/* 8 MB: still fine */
	KT_EXPECT_EQ(t, put_byte(top - STACK_RLIMIT - PG, 1), -EFAULT);	/* past RLIMIT_STACK */
	KT_EXPECT_EQ(t, stack->vm_start, top - STACK_RLIMIT);
	sysctl_overcommit_memory = mode;
	user_end(t, mm);
}

/*
 * A kernel PDE made after the address space: vmalloc of 8 MB makes at
 * least one new page table in swapper_pg_dir, unless every one of the
 * vmalloc area exists already (another suite made them all: then this
 * case has nothing to show, and says so).  pgd_list must have copied it
 * into the process's page directory, so the vmalloc memory is there with
 * the process's CR3 loaded.  The new page tables stay (as in Linux): the
 * free pages are checked with them counted.
 */
static void vmalloc_after_mm_is_reachable(struct ktest *t)
{
	static pgd_t kernel_before[PTRS_PER_PGD];
	unsigned long flags, free_before, tables_before;
	unsigned int i, new = 0;
	struct mm_struct *mm;
	u8 *v, byte = 0;

	kt_need_pages(t, (8UL << 20) / PAGE_SIZE, true);
	memcpy(kernel_before, swapper_pg_dir, sizeof(kernel_before));
	kmem_cache_shrink_all();
	drain_all_pages();
	free_before = nr_free_pages();
	tables_before = global_vm_stat(NR_PAGETABLE);
	mm = user_begin(t);
	KT_ASSERT_NOT_NULL(t, mm);
	v = vmalloc(8UL << 20);
	KT_ASSERT_NOT_NULL(t, v);
	v[(4UL << 20) + 5] = 0x77;
	for (i = KERNEL_PGD_BOUNDARY; i < PTRS_PER_PGD; i++) {
		KT_EXPECT_EQ(t, mm->pgd[i], swapper_pg_dir[i]);	/* synced through pgd_list */
		new += !pgd_present(kernel_before[i]) && pgd_present(mm->pgd[i]);
	}
	local_irq_save(flags);
	KT_EXPECT_EQ(t, read_cr3(), __pa(mm->pgd));		/* this process's CR3 */
	KT_EXPECT_EQ(t, copy_from_kernel_nofault(&byte, v + (4UL << 20) + 5, 1), 0);
	local_irq_restore(flags);
	KT_EXPECT_EQ(t, byte, 0x77);
	vfree(v);
	user_release(mm);
	kmem_cache_shrink_all();
	drain_all_pages();
	KT_EXPECT_EQ(t, nr_free_pages() + (global_vm_stat(NR_PAGETABLE) - tables_before),
		     free_before);
	if (!new)
		KT_SKIP(t, "every page table of the vmalloc area existed already");
}

static struct ktest_case fault_cases[] = {
	KTEST_CASE(zero_page_then_new_page),
	KTEST_CASE(first_write_gets_a_zeroed_page),
	KTEST_CASE(cow_copies_then_reuses),
	KTEST_CASE(bad_accesses_fail),
	KTEST_CASE(stack_grows_down_to_its_limit),
	KTEST_CASE(vmalloc_after_mm_is_reachable),
	{}
};

static struct ktest_suite fault_suite = { .name = "fault", .cases = fault_cases };
ktest_register(fault_suite);
