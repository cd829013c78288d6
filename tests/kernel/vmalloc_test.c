// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/vmalloc_test.c - ktest suite "vmalloc": mm/vmalloc.c.
 *
 * The workloads of Linux's lib/test_vmalloc.c at a small scale with fixed
 * seeds (fix_size, random_size, full_fit, long_busy_list, aligned
 * requests), data integrity across many areas, and what makes vmalloc
 * vmalloc: the pages are the ones the PTEs say and need not be physically
 * contiguous; the guard page after each area faults; after vfree() the
 * mapping and its TLB entry are gone; vmap() of HighMem pages agrees with
 * kmap() and kmap_atomic(); HighMem is used when there is some.  Then
 * every misuse, each with its exact number of reports.
 *
 * The vmalloc area's page tables are made on first use and kept (as in
 * Linux), so the first case watches one being made, and every other case
 * first makes them all (vm_begin): then "nothing lost" can be exact.  Each
 * case ends with the buddy allocator, the slab caches and the vmalloc area
 * (areas, bytes, NR_VMALLOC) as it found them.
 *
 * The cases are in four files by story (vmalloc_test.h lists them); this
 * one has the suite, the baselines, and the basics.
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

static struct buddy_snapshot before;
struct vmalloc_info vm_info_before;

// vmalloc_test.h
void vm_begin(struct ktest *t)
{
	KT_ASSERT_TRUE(t, vmalloc_populate_page_tables() >= 0);
	slab_baseline(&before);
	get_vmalloc_info(&vm_info_before);
}

// vmalloc_test.h
void vm_end(struct ktest *t)
{
	struct vmalloc_info now;

	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
	get_vmalloc_info(&now);
	KT_EXPECT_EQ(t, now.nr_areas, vm_info_before.nr_areas);
	KT_EXPECT_EQ(t, now.used, vm_info_before.used);
	KT_EXPECT_EQ(t, now.nr_pages, vm_info_before.nr_pages);
	KT_EXPECT_EQ(t, now.largest_chunk, vm_info_before.largest_chunk);
}

/* ---------------------------------------------------------------------
 * Page tables
 */

/*
 * The first vmalloc in a 4 MB range with no page table makes one (a
 * lowmem page, counted in NR_PAGETABLE); vfree leaves it there.  This case
 * runs first, before any case makes them all.
 */
void page_tables_on_demand(struct ktest *t)
{
	unsigned long pde, lo, hi, free, tables;
	char *p;

	for (pde = (VMALLOC_END - 1) & PMD_MASK; pde >= (VMALLOC_START & PMD_MASK); pde -= PMD_SIZE)
		if (!pgd_present(*pgd_offset_k(pde)))
			break;
	if (pde < (VMALLOC_START & PMD_MASK))
		KT_SKIP(t, "every page table of the vmalloc area exists already");
	lo = max(pde, VMALLOC_START);
	hi = min(pde + PMD_SIZE, VMALLOC_END);
	kmem_cache_shrink_all();
	free = free_now();
	tables = global_vm_stat(NR_PAGETABLE);

	p = __vmalloc_node_range(PAGE_SIZE, 1, lo, hi, GFP_KERNEL, PAGE_KERNEL, 0, HERE);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_GE(t, (unsigned long)p, lo);
	KT_EXPECT_LE(t, (unsigned long)p + 2 * PAGE_SIZE, hi);
	KT_EXPECT_TRUE(t, pgd_present(*pgd_offset_k(pde)));
	KT_EXPECT_EQ(t, global_vm_stat(NR_PAGETABLE), tables + 1);
	fill(p, 1, 7, true);
	KT_EXPECT_TRUE(t, check(p, 1, 7, true));
	vfree(p);
	kmem_cache_shrink_all();
	/* The page table stays: one page less than before, and still counted. */
	KT_EXPECT_EQ(t, free_now(), free - 1);
	KT_EXPECT_TRUE(t, pgd_present(*pgd_offset_k(pde)));
	KT_EXPECT_EQ(t, global_vm_stat(NR_PAGETABLE), tables + 1);
	KT_EXPECT_EQ(t, probe(p), -EFAULT);

	/* Now all of them; a second call has nothing left to do. */
	KT_EXPECT_GE(t, vmalloc_populate_page_tables(), 0);
	KT_EXPECT_EQ(t, vmalloc_populate_page_tables(), 0);
	for (pde = VMALLOC_START & PMD_MASK; pde < VMALLOC_END; pde += PMD_SIZE)
		KT_EXPECT_TRUE(t, pgd_present(*pgd_offset_k(pde)));
	KT_EXPECT_REPORTS(t, 0);
}

/* ---------------------------------------------------------------------
 * Basics
 */

void vmalloc_vzalloc_vfree(struct ktest *t)
{
	static const unsigned long sizes[] = { 1, PAGE_SIZE, 3 * PAGE_SIZE + 5, 40000 };
	long vmalloc_pages = global_vm_stat(NR_VMALLOC);
	struct vm_struct *vm;
	unsigned int i;
	char *p, *z, sym[64];

	vm_begin(t);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long pages = PAGE_ALIGN(sizes[i]) >> PAGE_SHIFT;

		p = vmalloc(sizes[i]);
		KT_ASSERT_NOT_NULL(t, p);
		KT_EXPECT_TRUE(t, in_vmalloc_area(p, sizes[i]));
		KT_EXPECT_TRUE(t, is_vmalloc_addr(p));
		KT_EXPECT_FALSE(t, virt_addr_valid(p));
		vm = find_vm_area(p);
		KT_ASSERT_NOT_NULL(t, vm);
		KT_EXPECT_PTR_EQ(t, vm->addr, p);
		KT_EXPECT_EQ(t, vm->size, (pages + 1) * PAGE_SIZE);	/* the guard page too */
		KT_EXPECT_EQ(t, get_vm_area_size(vm), pages * PAGE_SIZE);
		KT_EXPECT_EQ(t, vm->nr_pages, pages);
		KT_EXPECT_EQ(t, vm->flags, VM_ALLOC);
		snprintf(sym, sizeof(sym), "%pS", vm->caller);
		KT_EXPECT_TRUE(t, starts_with(sym, "vmalloc_vzalloc_vfree+0x"));
		KT_EXPECT_NULL(t, find_vm_area(p + PAGE_SIZE));		/* only the start */
		KT_EXPECT_EQ(t, global_vm_stat(NR_VMALLOC), vmalloc_pages + pages);
		/* writable end to end, every word */
		memset(p, 0xa5, pages * PAGE_SIZE);
		KT_EXPECT_NULL(t, memchr_inv(p, 0xa5, pages * PAGE_SIZE));
		vfree(p);
		KT_EXPECT_EQ(t, global_vm_stat(NR_VMALLOC), vmalloc_pages);
		/* The same pages come back (buddy LIFO) to vzalloc: zeroed. */
		z = vzalloc(sizes[i]);
		KT_ASSERT_NOT_NULL(t, z);
		KT_EXPECT_NULL(t, memchr_inv(z, 0, pages * PAGE_SIZE));
		vfree(z);
	}
	vfree(NULL);				/* a no-op, like kfree(NULL) */
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * Where the bookkeeping lives.  The vm_struct is always in the area's
 * vmap_area node (a slab object of cache vmap_area), and so is a one-page
 * area's pages[] array; a bigger array is its own kmalloc block, and above
 * a page it is vmalloc memory, as in Linux.  Each way, vfree() gives all
 * of it back.
 */
void pages_array_placement(struct ktest *t)
{
	const unsigned long most = PAGE_SIZE / sizeof(struct page *);
	const unsigned long nrs[] = { 1, 2, most, most + 1 };
	unsigned int i;

	vm_begin(t);
	kt_need_pages(t, nrs[ARRAY_SIZE(nrs) - 1], true);
	for (i = 0; i < ARRAY_SIZE(nrs); i++) {
		unsigned int kind = i == 0 ? 0 : i < 3 ? 1 : 2;	/* node, kmalloc, vmalloc */
		struct vmap_area *va;
		struct vm_struct *vm;
		char *p = vmalloc(nrs[i] * PAGE_SIZE);

		KT_ASSERT_NOT_NULL(t, p);
		vm = find_vm_area(p);
		KT_ASSERT_NOT_NULL(t, vm);
		va = container_of(vm, struct vmap_area, own_vm);
		KT_EXPECT_EQ(t, va->va_start, (unsigned long)p);
		KT_EXPECT_PTR_EQ(t, va->vm, vm);
		KT_EXPECT_STREQ(t, kmem_cache_name(virt_to_head_page(va)->slab_cache), "vmap_area");
		KT_EXPECT_EQ(t, vm->nr_pages, nrs[i]);
		KT_EXPECT_EQ(t, vm->pages == va->own_pages, kind == 0);
		if (kind == 1)
			KT_EXPECT_GE(t, ksize(vm->pages), nrs[i] * sizeof(struct page *));
		KT_EXPECT_EQ(t, virt_addr_valid(vm->pages), kind < 2);
		KT_EXPECT_EQ(t, is_vmalloc_addr(vm->pages), kind == 2);
		KT_EXPECT_PTR_EQ(t, vm->pages[nrs[i] - 1], vmalloc_to_page(p + (nrs[i] - 1) * PAGE_SIZE));
		vfree(p);
	}
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * Virtually contiguous, physically anywhere.  The free lists are first
 * broken up into single pages (every other page of a run is freed, its
 * buddy kept), then a vmalloc takes them: each page is the one its PTE
 * maps and vmalloc_to_page() names, and neighbours in the area are not
 * neighbours in RAM.
 */
void pages_are_what_the_ptes_say(struct ktest *t)
{
	enum { N = 32 };
	struct page *run[2 * N];
	unsigned int i, gaps = 0;
	struct vm_struct *vm;
	char *p;

	vm_begin(t);
	for (i = 0; i < 2 * N; i++) {
		run[i] = alloc_page(GFP_KERNEL | __GFP_HIGHMEM);
		KT_ASSERT_NOT_NULL(t, run[i]);
	}
	for (i = 0; i < 2 * N; i += 2)
		__free_page(run[i]);
	p = vmalloc(N * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	vm = find_vm_area(p);
	KT_ASSERT_NOT_NULL(t, vm);
	fill(p, N, 0x9a9e, true);
	for (i = 0; i < N; i++) {
		char *va = p + i * PAGE_SIZE;
		pte_t *pte = lookup_address((unsigned long)va);
		void *k;

		KT_ASSERT_NOT_NULL(t, pte);
		KT_EXPECT_TRUE(t, pte_present(*pte));
		KT_EXPECT_PTR_EQ(t, vmalloc_to_page(va + 123), vm->pages[i]);
		KT_EXPECT_EQ(t, pte_pfn(*pte), page_to_pfn(vm->pages[i]));
		KT_EXPECT_EQ(t, vmalloc_to_pfn(va), page_to_pfn(vm->pages[i]));
		/* The frame itself, seen through kmap_atomic, holds what we wrote. */
		k = kmap_atomic(vm->pages[i]);
		KT_EXPECT_EQ(t, memcmp(k, va, PAGE_SIZE), 0);
		kunmap_atomic(k);
		if (i && page_to_pfn(vm->pages[i]) != page_to_pfn(vm->pages[i - 1]) + 1)
			gaps++;
	}
	KT_EXPECT_NULL(t, vmalloc_to_page(p + N * PAGE_SIZE));	/* the guard page */
	pr_info("vmalloc: %u pages at 0x%08lx, %u physical discontinuities\n", N,
		(unsigned long)p, gaps);
	KT_EXPECT_GT(t, gaps, 0);
	KT_EXPECT_TRUE(t, check(p, N, 0x9a9e, true));
	vfree(p);
	for (i = 1; i < 2 * N; i += 2)
		__free_page(run[i]);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/* When there is HighMem, vmalloc takes its pages there first. */
void areas_use_highmem(struct ktest *t)
{
	enum { N = 8 };
	struct vm_struct *vm;
	unsigned int i;
	char *p;

	if (!totalhigh_pages())
		KT_SKIP(t, "no HighMem zone (boot with more than 887 MB, or highmem=64M)");
	kt_need_highmem(t, N);
	kmap_flush_unused();	/* no page keeps a slot from an earlier kmap() */
	vm_begin(t);
	p = vmalloc(N * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	vm = find_vm_area(p);
	KT_ASSERT_NOT_NULL(t, vm);
	for (i = 0; i < N; i++) {
		KT_EXPECT_TRUE(t, PageHighMem(vm->pages[i]));
		KT_EXPECT_EQ(t, page_zonenum(vm->pages[i]), ZONE_HIGHMEM);
		KT_EXPECT_NULL(t, page_address(vm->pages[i]));	/* no kmap: reached only here */
	}
	fill(p, N, 0x41e, true);
	KT_EXPECT_TRUE(t, check(p, N, 0x41e, true));
	pr_info("vmalloc: 0x%08lx maps HighMem pfn %#lx..., %u pages\n", (unsigned long)p,
		page_to_pfn(vm->pages[0]), N);
	vfree(p);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/* ---------------------------------------------------------------------
 * The guard page, and vfree
 */

/*
 * The byte after the last page faults: probed with copy_from_kernel_nofault,
 * and described as the guard page of this area, from this caller.
 */
void guard_page_faults(struct ktest *t)
{
	static const unsigned long sizes[] = { 1, PAGE_SIZE, 3 * PAGE_SIZE - 100, 5 * PAGE_SIZE };
	char buf[160], want[96];
	unsigned int i;

	vm_begin(t);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long usable = PAGE_ALIGN(sizes[i]), start, end;
		char *p = vmalloc(sizes[i]);

		KT_ASSERT_NOT_NULL(t, p);
		start = (unsigned long)p;
		end = start + usable + PAGE_SIZE;
		p[usable - 1] = 'z';
		KT_EXPECT_EQ(t, probe(p + usable - 1), 0);
		KT_EXPECT_EQ(t, probe(p + usable), -EFAULT);		/* one past the end */
		KT_EXPECT_EQ(t, probe(p + usable + PAGE_SIZE - 1), -EFAULT);
		KT_EXPECT_NULL(t, vmalloc_to_page(p + usable));

		describe_address(start + usable, buf, sizeof(buf));
		snprintf(want, sizeof(want), "vmalloc guard page of area 0x%08lx-0x%08lx (%lu bytes) from ",
			 start, end, end - start);
		KT_EXPECT_TRUE(t, starts_with(buf, want));
		KT_EXPECT_NOT_NULL(t, strstr(buf, "from guard_page_faults+0x"));

		describe_address(start + usable - 1, buf, sizeof(buf));
		snprintf(want, sizeof(want), "vmalloc area 0x%08lx-0x%08lx (%lu bytes, vmalloc) from ",
			 start, end, end - start);
		KT_EXPECT_TRUE(t, starts_with(buf, want));
		snprintf(want, sizeof(want), ": page %lu, pfn %#lx", (usable >> PAGE_SHIFT) - 1,
			 vmalloc_to_pfn(p + usable - 1));
		KT_EXPECT_NOT_NULL(t, strstr(buf, want));
		vfree(p);
	}
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * After vfree the old address faults: the PTE is clear and the TLB entry
 * (made by reading just before) is flushed.  The range is then reused.
 */
void vfree_unmaps_and_flushes(struct ktest *t)
{
	char buf[160], want[96];
	volatile char *p, *q;
	unsigned long start;

	vm_begin(t);
	p = vmalloc(2 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, p);
	start = (unsigned long)p;
	p[0] = 1;
	p[PAGE_SIZE] = 2;
	KT_EXPECT_EQ(t, p[0] + p[PAGE_SIZE], 3);	/* both translations now in the TLB */
	vfree((void *)p);
	KT_EXPECT_FALSE(t, pte_present(*lookup_address(start)));
	KT_EXPECT_FALSE(t, pte_present(*lookup_address(start + PAGE_SIZE)));
	KT_EXPECT_EQ(t, probe((void *)p), -EFAULT);
	KT_EXPECT_EQ(t, probe((void *)(p + PAGE_SIZE)), -EFAULT);
	describe_address(start + 8, buf, sizeof(buf));
	KT_EXPECT_TRUE(t, starts_with(buf, "vmalloc area ["));
	snprintf(want, sizeof(want), ": free vmalloc space (vfreed: 0x%08lx-0x%08lx (%lu bytes) from ",
		 start, start + 3 * PAGE_SIZE, 3 * PAGE_SIZE);
	KT_EXPECT_NOT_NULL(t, strstr(buf, want));
	/* First fit: the lowest range that fits is this one again. */
	q = vmalloc(2 * PAGE_SIZE);
	KT_EXPECT_PTR_EQ(t, q, p);
	KT_EXPECT_EQ(t, probe((void *)q), 0);
	vfree((void *)q);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}


static struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(page_tables_on_demand),	/* first: before the tables are all made */
	KTEST_CASE(vmalloc_vzalloc_vfree),
	KTEST_CASE(pages_array_placement),
	KTEST_CASE(pages_are_what_the_ptes_say),
	KTEST_CASE(areas_use_highmem),
	KTEST_CASE(guard_page_faults),
	KTEST_CASE(vfree_unmaps_and_flushes),
	KTEST_CASE(fix_size),
	KTEST_CASE(random_size),
	KTEST_CASE(full_fit),
	KTEST_CASE(long_busy_list),
	KTEST_CASE(aligned_requests),
	KTEST_CASE(ranged_requests),
	KTEST_CASE(random_aligned_stress),
	KTEST_CASE(data_integrity),
	KTEST_CASE(alloc_fails_midway),
	KTEST_CASE(vmap_lowmem_pages),
	KTEST_CASE(vmap_highmem_triangle),
	KTEST_CASE(vmallocinfo_lists_areas),
	KTEST_CASE(vfree_not_vmalloc_memory),
	KTEST_CASE(vfree_middle_of_area),
	KTEST_CASE(double_vfree),
	KTEST_CASE(vmalloc_size_zero),
	KTEST_CASE(vmalloc_bigger_than_area),
	KTEST_CASE(vmalloc_in_interrupt),
	KTEST_CASE(kfree_of_vmalloc_pointer),
	KTEST_CASE(vunmap_of_vmalloc_area),
	{}
};

static struct ktest_suite vmalloc_suite = {
	.name = "vmalloc",
	.cases = vmalloc_cases,
};
ktest_register(vmalloc_suite);
