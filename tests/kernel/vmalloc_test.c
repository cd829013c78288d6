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

#define HERE		((const void *)_THIS_IP_)
#define MAX_HELD	512
#define ALIGN_64K	0x10000UL

static struct buddy_snapshot before;
static struct vmalloc_info info_before;
static void *held[MAX_HELD];
static unsigned int held_pages[MAX_HELD];

/* Make every page table of the vmalloc area, then take the baselines. */
static void vm_begin(struct ktest *t)
{
	KT_ASSERT_GE(t, vmalloc_populate_page_tables(), 0);
	slab_baseline(&before);
	get_vmalloc_info(&info_before);
}

/*
 * Nothing lost: buddy, slabs, and the vmalloc area as vm_begin() saw them,
 * and its bookkeeping (trees, lists, free ranges) still consistent.
 */
static void vm_end(struct ktest *t)
{
	struct vmalloc_info now;

	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
	get_vmalloc_info(&now);
	KT_EXPECT_EQ(t, now.nr_areas, info_before.nr_areas);
	KT_EXPECT_EQ(t, now.used, info_before.used);
	KT_EXPECT_EQ(t, now.nr_pages, info_before.nr_pages);
	KT_EXPECT_EQ(t, now.largest_chunk, info_before.largest_chunk);
}

// @addr .. @addr + @size and its guard page lie in the vmalloc area.
static bool in_vmalloc_area(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && !(a & ~PAGE_MASK) &&
	       a + PAGE_ALIGN(size) + PAGE_SIZE <= VMALLOC_END;
}

static u32 pattern(u32 seed, unsigned long i)
{
	return seed * 2654435761u + (u32)i * 40503u + 1;
}

/* Write @seed's pattern to the first word of each page (all words if @all). */
static void fill(void *addr, unsigned long pages, u32 seed, bool all)
{
	u32 *w = addr;
	unsigned long i, step = all ? 1 : PAGE_SIZE / 4;

	for (i = 0; i < pages * (PAGE_SIZE / 4); i += step)
		w[i] = pattern(seed, i);
	if (!all)
		w[pages * (PAGE_SIZE / 4) - 1] = ~seed;	/* and the last word */
}

static bool check(const void *addr, unsigned long pages, u32 seed, bool all)
{
	const u32 *w = addr;
	unsigned long i, step = all ? 1 : PAGE_SIZE / 4;

	for (i = 0; i < pages * (PAGE_SIZE / 4); i += step)
		if (w[i] != pattern(seed, i))
			return false;
	return all || w[pages * (PAGE_SIZE / 4) - 1] == ~seed;
}

// Can @addr be read?  (0 or -EFAULT, via the exception table.)
static long probe(const void *addr)
{
	char c;

	return copy_from_kernel_nofault(&c, addr, 1);
}

static bool starts_with(const char *buf, const char *prefix)
{
	return !strncmp(buf, prefix, strlen(prefix));
}

/*
 * Free pages, counted from a buddy snapshot: the snapshot also counts pages
 * that wait on per-CPU lists (it drains them first where there are any).
 */
static unsigned long free_now(void)
{
	struct buddy_snapshot snap;
	unsigned long n = 0;
	unsigned int z;

	buddy_snapshot_take(&snap);
	for (z = 0; z < MAX_NR_ZONES; z++)
		n += snap.free_pages[z];
	return n;
}

/* How many areas of held[] fit in a quarter of the free memory. */
static unsigned int scaled(unsigned int want, unsigned long pages_each)
{
	unsigned long fit = nr_free_pages() / 4 / (pages_each + 1);

	return max_t(unsigned long, 4, min_t(unsigned long, want, fit));
}

/* ---------------------------------------------------------------------
 * Page tables
 */

/*
 * The first vmalloc in a 4 MB range with no page table makes one (a
 * lowmem page, counted in NR_PAGETABLE); vfree leaves it there.  This case
 * runs first, before any case makes them all.
 */
static void page_tables_on_demand(struct ktest *t)
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

static void vmalloc_vzalloc_vfree(struct ktest *t)
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
 * Virtually contiguous, physically anywhere.  The free lists are first
 * broken up into single pages (every other page of a run is freed, its
 * buddy kept), then a vmalloc takes them: each page is the one its PTE
 * maps and vmalloc_to_page() names, and neighbours in the area are not
 * neighbours in RAM.
 */
static void pages_are_what_the_ptes_say(struct ktest *t)
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
static void areas_use_highmem(struct ktest *t)
{
	enum { N = 8 };
	struct vm_struct *vm;
	unsigned int i;
	char *p;

	if (!totalhigh_pages())
		KT_SKIP(t, "no HighMem zone (boot with more than 887 MB, or highmem=64M)");
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
static void guard_page_faults(struct ktest *t)
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
static void vfree_unmaps_and_flushes(struct ktest *t)
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

/* ---------------------------------------------------------------------
 * lib/test_vmalloc.c's workloads, small
 */

/* fix_size_alloc_test: the same size again and again. */
static void fix_size(struct ktest *t)
{
	unsigned int i;
	void *first = NULL;

	vm_begin(t);
	for (i = 0; i < 1000; i++) {
		u32 *p = vmalloc(3 * PAGE_SIZE);

		KT_ASSERT_NOT_NULL(t, p);
		if (!first)
			first = p;
		if (p != first) {	/* nothing else is live: always the same place */
			KT_FAIL(t, "round %u: 0x%08lx, not 0x%08lx", i, (unsigned long)p,
				(unsigned long)first);
			vfree(p);
			break;
		}
		p[0] = i;
		p[3 * PAGE_SIZE / 4 - 1] = ~i;
		KT_EXPECT_EQ(t, p[0] + p[3 * PAGE_SIZE / 4 - 1], 0xffffffffu);
		vfree(p);
	}
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * random_size_alloc_test: 1 to 100 pages, freed at once; then the same
 * sizes held in slots and replaced at random, every area filled and checked
 * before it goes (an overlap would show as a wrong pattern).
 */
static void random_size(struct ktest *t)
{
	struct rnd_state rnd;
	unsigned int i, slots, live = 0;

	vm_begin(t);
	prandom_seed_state(&rnd, 0x7e57a110c);
	for (i = 0; i < 300; i++) {
		unsigned int pages = 1 + prandom_u32_below(&rnd, 100);
		void *p = vmalloc(pages * PAGE_SIZE);

		KT_ASSERT_NOT_NULL(t, p);
		KT_EXPECT_TRUE(t, in_vmalloc_area(p, pages * PAGE_SIZE));
		fill(p, pages, i, false);
		KT_EXPECT_TRUE(t, check(p, pages, i, false));
		vfree(p);
	}
	slots = scaled(32, 100);
	for (i = 0; i < 2000; i++) {
		unsigned int s = prandom_u32_below(&rnd, slots);

		if (held[s]) {
			if (!check(held[s], held_pages[s], s * 7919 + held_pages[s], false))
				KT_FAIL(t, "op %u: area 0x%08lx (%u pages) lost its pattern", i,
					(unsigned long)held[s], held_pages[s]);
			vfree(held[s]);
			held[s] = NULL;
			live--;
			continue;
		}
		held_pages[s] = 1 + prandom_u32_below(&rnd, 100);
		held[s] = vmalloc(held_pages[s] * PAGE_SIZE);
		if (!held[s]) {
			KT_FAIL(t, "op %u: vmalloc of %u pages failed", i, held_pages[s]);
			break;
		}
		fill(held[s], held_pages[s], s * 7919 + held_pages[s], false);
		live++;
	}
	KT_EXPECT_EQ(t, vmalloc_check(), 0);		/* with the survivors still held */
	for (i = 0; i < slots; i++) {
		if (!held[i])
			continue;
		KT_EXPECT_TRUE(t, check(held[i], held_pages[i], i * 7919 + held_pages[i], false));
		vfree(held[i]);
		held[i] = NULL;
	}
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * full_fit_alloc_test: one-page areas a0 j0 a1 j1 ...; free the j's, which
 * leaves holes of exactly one page and a guard page; the next one-page
 * areas fill exactly those holes, lowest first (first fit), and only then
 * does an area go above them all.
 */
static void full_fit(struct ktest *t)
{
	unsigned int n = scaled(MAX_HELD / 2, 1), i, refilled;
	void **keep = held, **junk = held + MAX_HELD / 2;
	unsigned long top = 0;
	void *p;

	vm_begin(t);
	for (i = 0; i < n; i++) {
		keep[i] = vmalloc(PAGE_SIZE);
		junk[i] = vmalloc(PAGE_SIZE);
		KT_ASSERT_NOT_NULL(t, keep[i]);
		KT_ASSERT_NOT_NULL(t, junk[i]);
		*(u32 *)keep[i] = i;
		top = max(top, (unsigned long)max(keep[i], junk[i]));
	}
	for (i = 0; i < n; i++)
		vfree(junk[i]);
	KT_EXPECT_EQ(t, vmalloc_check(), 0);		/* n one-page holes, each a free range */
	for (refilled = 0; refilled < n; refilled++) {
		p = vmalloc(PAGE_SIZE);
		KT_ASSERT_NOT_NULL(t, p);
		if (p != junk[refilled]) {
			KT_FAIL(t, "refill %u: 0x%08lx, not the hole at 0x%08lx", refilled,
				(unsigned long)p, (unsigned long)junk[refilled]);
			vfree(p);
			break;
		}
	}
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	p = vmalloc(PAGE_SIZE);			/* no hole left: above them all */
	KT_EXPECT_GT(t, (unsigned long)p, top);
	vfree(p);
	for (i = 0; i < n; i++) {
		KT_EXPECT_EQ(t, *(u32 *)keep[i], i);
		vfree(keep[i]);
	}
	for (i = 0; i < refilled; i++)		/* the refills sit where the junk was */
		vfree(junk[i]);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * long_busy_list_alloc_test: many one-page areas held while others come
 * and go above them; then the held ones go in random order.
 */
static void long_busy_list(struct ktest *t)
{
	unsigned int n = scaled(MAX_HELD, 1), i;
	unsigned long top = 0;
	struct vmalloc_info vmi;
	struct rnd_state rnd;

	vm_begin(t);
	for (i = 0; i < n; i++) {
		held[i] = vmalloc(PAGE_SIZE);
		KT_ASSERT_NOT_NULL(t, held[i]);
		*(u32 *)held[i] = pattern(i, 0);
		top = max(top, (unsigned long)held[i]);
	}
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, info_before.nr_areas + n);
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	for (i = 0; i < 2000; i++) {
		u32 *p = vmalloc(PAGE_SIZE);

		KT_ASSERT_NOT_NULL(t, p);
		if ((unsigned long)p <= top) {
			KT_FAIL(t, "round %u: 0x%08lx is inside the busy list", i, (unsigned long)p);
			vfree(p);
			break;
		}
		*p = i;
		vfree(p);
	}
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	prandom_seed_state(&rnd, 0xb05111);
	for (i = n; i > 1; i--) {		/* Fisher-Yates */
		unsigned int j = prandom_u32_below(&rnd, i);

		swap(held[i - 1], held[j]);
	}
	for (i = 0; i < n; i++) {
		u32 *p = held[i];
		unsigned long k;

		/* whose it was: the pattern says */
		for (k = 0; k < n && *p != pattern(k, 0); k++)
			;
		KT_EXPECT_LT(t, k, n);
		vfree(p);
		held[i] = NULL;
	}
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * Aligned requests (align_shift_alloc_test): reservations aligned to 4 KB
 * ... 4 MB between one-page areas, then mapped aligned memory.  A smaller
 * alignment afterwards still finds the slack an aligned area left below
 * itself (the search hint must not skip it).
 */
static void aligned_requests(struct ktest *t)
{
	enum { SHIFTS = 11 };	/* 12 .. 22 */
	struct vm_struct *vm[SHIFTS];
	void *small[SHIFTS], *low;
	unsigned int i, j;
	char *p;

	vm_begin(t);
	for (i = 0; i < SHIFTS; i++) {
		unsigned long align = 1UL << (12 + i);

		small[i] = vmalloc(PAGE_SIZE);
		KT_ASSERT_NOT_NULL(t, small[i]);
		vm[i] = __get_vm_area_node(PAGE_SIZE, align, VM_IOREMAP, VMALLOC_START,
					   VMALLOC_END, GFP_KERNEL, HERE);
		KT_ASSERT_NOT_NULL(t, vm[i]);
		KT_EXPECT_EQ(t, (unsigned long)vm[i]->addr & (align - 1), 0);
		KT_EXPECT_TRUE(t, in_vmalloc_area(vm[i]->addr, PAGE_SIZE));
		KT_EXPECT_EQ(t, vm[i]->size, 2 * PAGE_SIZE);
		KT_EXPECT_GT(t, (unsigned long)vm[i]->addr, (unsigned long)small[i]);
		for (j = 0; j < i; j++)		/* no two areas overlap */
			KT_EXPECT_TRUE(t, (unsigned long)vm[j]->addr + vm[j]->size <=
					  (unsigned long)vm[i]->addr ||
					  (unsigned long)vm[i]->addr + vm[i]->size <=
					  (unsigned long)vm[j]->addr);
	}
	/* The 4 MB-aligned area left slack below it: a page fits there. */
	low = vmalloc(PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, low);
	KT_EXPECT_LT(t, (unsigned long)low, (unsigned long)vm[SHIFTS - 1]->addr);
	vfree(low);
	/* Mapped memory, 64 KB-aligned. */
	p = __vmalloc_node_range(3 * PAGE_SIZE, ALIGN_64K, VMALLOC_START, VMALLOC_END,
				 GFP_KERNEL | __GFP_HIGHMEM, PAGE_KERNEL, 0, HERE);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, (unsigned long)p & (ALIGN_64K - 1), 0);
	fill(p, 3, 0xa119, true);
	KT_EXPECT_TRUE(t, check(p, 3, 0xa119, true));
	vfree(p);
	/* Not a power of two: refused. */
	KT_EXPECT_NULL(t, __get_vm_area_node(PAGE_SIZE, 3 * PAGE_SIZE, VM_IOREMAP, VMALLOC_START,
					     VMALLOC_END, GFP_KERNEL, HERE));
	KT_EXPECT_REPORTS(t, 1);
	for (i = 0; i < SHIFTS; i++) {
		free_vm_area(vm[i]);
		vfree(small[i]);
	}
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * Requests limited to [start, end), as a module loader makes them: each
 * goes to the lowest address that fits inside the window, even in the
 * middle of a free range, and a window with no room left gives NULL while
 * the rest of the vmalloc area has plenty.  Only the part of the window
 * inside the vmalloc area counts.  The window is 64 KB-aligned, so every
 * address is known in advance:
 *
 *   lo: a (3 pages + guard)  c (2 + guard)  .  b (1 + guard)  d (1 + guard)  f (3 + guard)  :hi
 *      +0                   +4             +7 +8             +10            +12             +16
 */
static void ranged_requests(struct ktest *t)
{
	unsigned long lo = ALIGN(VMALLOC_START + SZ_1M, ALIGN_64K), hi = lo + 16 * PAGE_SIZE;
	struct vm_struct *a, *b, *c, *d, *f, *whole, *z;
	struct vmalloc_info vmi;

	vm_begin(t);
	/* A window that starts below the vmalloc area: only its part inside is used. */
	z = __get_vm_area_node(PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, 0, VMALLOC_START + 2 * PAGE_SIZE,
			       GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, z);
	KT_EXPECT_EQ(t, (unsigned long)z->addr, VMALLOC_START);

	a = __get_vm_area_node(3 * PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, lo, hi, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, a);
	KT_EXPECT_EQ(t, (unsigned long)a->addr, lo);		/* cut from a range's middle */
	b = __get_vm_area_node(PAGE_SIZE, 8 * PAGE_SIZE, VM_IOREMAP, lo, hi, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, b);
	KT_EXPECT_EQ(t, (unsigned long)b->addr, lo + 8 * PAGE_SIZE);	/* 32 KB-aligned */
	c = __get_vm_area_node(2 * PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, lo, hi, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, c);
	KT_EXPECT_EQ(t, (unsigned long)c->addr, lo + 4 * PAGE_SIZE);	/* the slack below b */
	d = __get_vm_area_node(PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, lo, hi, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, d);
	KT_EXPECT_EQ(t, (unsigned long)d->addr, lo + 10 * PAGE_SIZE);	/* lo + 7: one page, too small */
	KT_EXPECT_EQ(t, vmalloc_check(), 0);

	/* 4 pages + guard: the window has 4 pages left at its top, and one below b. */
	KT_EXPECT_NULL(t, __get_vm_area_node(4 * PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, lo, hi,
					     GFP_KERNEL | __GFP_NOWARN, HERE));
	whole = __get_vm_area_node(4 * PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, VMALLOC_START,
				   VMALLOC_END, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, whole);
	KT_EXPECT_EQ(t, (unsigned long)whole->addr, VMALLOC_START + 2 * PAGE_SIZE);	/* after z */
	f = __get_vm_area_node(3 * PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, lo, hi, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, (unsigned long)f->addr, lo + 12 * PAGE_SIZE);	/* fits the top exactly */
	KT_EXPECT_NULL(t, __get_vm_area_node(PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, lo + 8 * PAGE_SIZE,
					     hi, GFP_KERNEL | __GFP_NOWARN, HERE));
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, info_before.nr_areas + 7);

	/* Freed in an order that merges on the left, on the right and on both sides. */
	free_vm_area(c);
	free_vm_area(f);
	free_vm_area(a);
	free_vm_area(d);
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	free_vm_area(b);
	free_vm_area(whole);
	free_vm_area(z);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * First fit by brute force, the test's own answer: walk the busy areas in
 * address order (vmalloc_for_each_area) and take the lowest address where
 * @size bytes aligned to @align fit in [@vstart, @vend) between two of
 * them.  It also says whether that leaves free space on both sides of the
 * new area within its gap (a cut from the middle of a free range).
 */
struct first_fit {
	unsigned long size, align, vstart, vend;
	unsigned long cursor, found;
	bool middle;
};

static void first_fit_gap(struct first_fit *ff, unsigned long gap_lo, unsigned long gap_hi)
{
	unsigned long lo = max(gap_lo, ff->vstart), hi = min(gap_hi, ff->vend);
	unsigned long addr = ALIGN(lo, ff->align);

	if (ff->found || addr < lo || addr >= hi || hi - addr < ff->size)
		return;
	ff->found = addr;
	ff->middle = addr != gap_lo && addr + ff->size != gap_hi;
}

static void first_fit_visit(const struct vm_struct *vm, void *arg)
{
	struct first_fit *ff = arg;

	first_fit_gap(ff, ff->cursor, (unsigned long)vm->addr);
	ff->cursor = (unsigned long)vm->addr + vm->size;
}

static void brute_first_fit(struct first_fit *ff)
{
	ff->cursor = VMALLOC_START;
	ff->found = 0;
	vmalloc_for_each_area(first_fit_visit, ff);
	first_fit_gap(ff, ff->cursor, VMALLOC_END);
}

#define STRESS_SLOTS	128
#define STRESS_OPS	4000

/*
 * Thousands of random reservations and frees, 1 to 16 pages, aligned to
 * 4 KB ... 1 MB, half of them limited to a random window (some too small
 * to hold them); every eighth one is real vmalloc memory, written and
 * checked.  Each placement must be exactly the brute-force first fit, or
 * NULL when that finds none; vmalloc_check() every 200 operations.
 */
static void random_aligned_stress(struct ktest *t)
{
	static struct vm_struct *area[STRESS_SLOTS];
	static bool mapped[STRESS_SLOTS];
	unsigned long span = min(SZ_64M, VMALLOC_END - VMALLOC_START);
	unsigned int i, s, allocs = 0, windowed = 0, aligned = 0, no_room = 0, middles = 0;
	struct rnd_state rnd;

	vm_begin(t);
	prandom_seed_state(&rnd, 0x5eed1e55);
	for (i = 1; i <= STRESS_OPS; i++) {
		unsigned long pages = 1 + prandom_u32_below(&rnd, 16), got;
		unsigned long align = PAGE_SIZE << prandom_u32_below(&rnd, 9);
		unsigned long vstart = VMALLOC_START, vend = VMALLOC_END;
		struct first_fit ff;
		u32 *p;

		s = prandom_u32_below(&rnd, STRESS_SLOTS);
		if (area[s]) {
			p = area[s]->addr;
			if (mapped[s]) {
				if (p[0] != s || p[area[s]->nr_pages * PAGE_SIZE / 4 - 1] != ~s)
					KT_FAIL(t, "op %u: area 0x%08lx lost its pattern", i,
						(unsigned long)p);
				vfree(p);
			} else {
				free_vm_area(area[s]);
			}
			area[s] = NULL;
			continue;
		}
		if (prandom_u32_below(&rnd, 2)) {
			vstart += prandom_u32_below(&rnd, span >> PAGE_SHIFT) << PAGE_SHIFT;
			vend = vstart + ((1 + prandom_u32_below(&rnd, span >> (PAGE_SHIFT + 3))) << PAGE_SHIFT);
			vend = min(vend, VMALLOC_END);
			windowed++;
		}
		ff = (struct first_fit){ (pages + 1) << PAGE_SHIFT, align, vstart, vend };
		brute_first_fit(&ff);
		mapped[s] = i % 8 == 0;
		if (mapped[s]) {
			p = __vmalloc_node_range(pages << PAGE_SHIFT, align, vstart, vend,
						 GFP_KERNEL | __GFP_HIGHMEM | __GFP_NOWARN, PAGE_KERNEL,
						 0, HERE);
			area[s] = p ? find_vm_area(p) : NULL;
			if (p) {
				p[0] = s;
				p[pages * PAGE_SIZE / 4 - 1] = ~s;
			}
		} else {
			area[s] = __get_vm_area_node(pages << PAGE_SHIFT, align, VM_IOREMAP, vstart,
						     vend, GFP_KERNEL | __GFP_NOWARN, HERE);
		}
		got = area[s] ? (unsigned long)area[s]->addr : 0;
		if (got != ff.found)
			KT_ASSERT_FAILURE(t, "op %u: %lu pages aligned %#lx in [0x%08lx, 0x%08lx) went to 0x%08lx, first fit is 0x%08lx",
					  i, pages, align, vstart, vend, got, ff.found);
		allocs++;
		aligned += align > PAGE_SIZE;
		no_room += !got;
		middles += got && ff.middle;
		if (i % 200 == 0)
			KT_ASSERT_EQ(t, vmalloc_check(), 0);
	}
	pr_info("vmalloc: stress: %u placements (%u in a window, %u aligned above 4 KB, %u cut from a range's middle, %u found no room)\n",
		allocs, windowed, aligned, middles, no_room);
	KT_EXPECT_GT(t, windowed, STRESS_OPS / 8);
	KT_EXPECT_GT(t, aligned, STRESS_OPS / 8);
	KT_EXPECT_GT(t, middles, 100);
	KT_EXPECT_GT(t, no_room, 10);
	for (s = 0; s < STRESS_SLOTS; s++) {
		if (!area[s])
			continue;
		if (mapped[s])
			vfree(area[s]->addr);
		else
			free_vm_area(area[s]);
		area[s] = NULL;
	}
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * Data integrity across many areas: all filled word by word, checked all
 * together; half freed and replaced in the holes; checked again.
 */
static void data_integrity(struct ktest *t)
{
	unsigned int n = scaled(48, 32), i, round;
	struct rnd_state rnd;

	vm_begin(t);
	prandom_seed_state(&rnd, 0xda7a);
	for (i = 0; i < n; i++) {
		held_pages[i] = 1 + prandom_u32_below(&rnd, 32);
		held[i] = vmalloc(held_pages[i] * PAGE_SIZE);
		KT_ASSERT_NOT_NULL(t, held[i]);
		fill(held[i], held_pages[i], i, true);
	}
	for (round = 1; round <= 2; round++) {
		for (i = 0; i < n; i++)
			if (!check(held[i], held_pages[i], i + (i % 2 ? 0 : (round - 1) * 1000), true))
				KT_FAIL(t, "round %u: area %u at 0x%08lx (%u pages) corrupted", round,
					i, (unsigned long)held[i], held_pages[i]);
		for (i = 0; i < n; i += 2) {
			vfree(held[i]);
			held_pages[i] = 1 + prandom_u32_below(&rnd, 32);
			held[i] = vmalloc(held_pages[i] * PAGE_SIZE);
			KT_ASSERT_NOT_NULL(t, held[i]);
			fill(held[i], held_pages[i], i + round * 1000, true);
		}
	}
	for (i = 0; i < n; i++) {
		KT_EXPECT_TRUE(t, check(held[i], held_pages[i], i + (i % 2 ? 0 : 2000), true));
		vfree(held[i]);
		held[i] = NULL;
	}
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * Out of pages half way: vmalloc gives back the pages it took, and the
 * area.  Memory is filled up to the watermark first, then a few blocks
 * are let go: fewer pages than the request needs.
 */
static void alloc_fails_midway(struct ktest *t)
{
	unsigned long freed = 0, free_before, want;
	struct vmalloc_info vmi;
	struct page_stash s;
	int order;
	void *p;

	vm_begin(t);
	stash_init(&s);
	for (order = MAX_ORDER - 1; order >= 0; order--)
		stash_fill(&s, GFP_KERNEL | __GFP_HIGHMEM, order);
	while (freed < 16 && !list_empty(&s.pages)) {	/* the smallest blocks went in last */
		struct page *page = list_first_entry(&s.pages, struct page, lru);

		list_del(&page->lru);
		freed += 1UL << page->private;
		__free_pages(page, page->private);
	}
	kmem_cache_shrink_all();
	free_before = free_now();
	want = 8 * (freed + 16);
	p = vmalloc(want * PAGE_SIZE);
	KT_EXPECT_NULL(t, p);
	KT_EXPECT_REPORTS(t, 0);		/* out of memory is no misuse: a message */
	kmem_cache_shrink_all();
	KT_EXPECT_EQ(t, free_now(), free_before);
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, info_before.nr_areas);
	KT_EXPECT_EQ(t, vmi.nr_pages, info_before.nr_pages);
	pr_info("vmalloc: %lu pages free, vmalloc of %lu pages failed\n", freed, want);
	if (p)
		vfree(p);
	stash_free_all(&s);
	vm_end(t);
}

/* ---------------------------------------------------------------------
 * vmap, and the kmap triangle
 */

static void vmap_lowmem_pages(struct ktest *t)
{
	struct page *pages[3];
	struct vm_struct *vm;
	unsigned int i;
	char *v;

	vm_begin(t);
	for (i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, pages[i]);
		fill(page_address(pages[i]), 1, 0x10 + i, true);
	}
	v = vmap(pages, 3, VM_MAP, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, v);
	KT_EXPECT_TRUE(t, in_vmalloc_area(v, 3 * PAGE_SIZE));
	vm = find_vm_area(v);
	KT_ASSERT_NOT_NULL(t, vm);
	KT_EXPECT_TRUE(t, vm->flags & VM_MAP);
	KT_EXPECT_EQ(t, vm->nr_pages, 0);		/* the pages are not the area's */
	KT_EXPECT_EQ(t, vm->size, 4 * PAGE_SIZE);
	for (i = 0; i < 3; i++) {
		KT_EXPECT_PTR_EQ(t, vmalloc_to_page(v + i * PAGE_SIZE), pages[i]);
		KT_EXPECT_TRUE(t, check(v + i * PAGE_SIZE, 1, 0x10 + i, true));
	}
	KT_EXPECT_EQ(t, probe(v + 3 * PAGE_SIZE), -EFAULT);	/* guard page */
	vunmap(v);
	KT_EXPECT_EQ(t, probe(v), -EFAULT);
	for (i = 0; i < 3; i++) {		/* the pages are still ours, intact */
		KT_EXPECT_TRUE(t, check(page_address(pages[i]), 1, 0x10 + i, true));
		__free_page(pages[i]);
	}
	vunmap(NULL);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * Three windows on the same HighMem frames: kmap(), vmap() and
 * kmap_atomic().  Whatever is written through one is read through the
 * other two.
 */
static void vmap_highmem_triangle(struct ktest *t)
{
	enum { N = 4 };
	struct page *pages[N];
	u32 *k[N], *v;
	unsigned int i;

	if (!totalhigh_pages())
		KT_SKIP(t, "no HighMem zone (boot with more than 887 MB, or highmem=64M)");
	vm_begin(t);
	for (i = 0; i < N; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		KT_ASSERT_NOT_NULL(t, pages[i]);
		KT_ASSERT_TRUE(t, PageHighMem(pages[i]));
		k[i] = kmap(pages[i]);
		KT_ASSERT_NOT_NULL(t, k[i]);
		k[i][5] = 0x6b6d6170 + i;		/* "kmap" */
	}
	v = vmap(pages, N, VM_MAP, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, v);
	for (i = 0; i < N; i++) {
		u32 *vp = v + i * PAGE_SIZE / 4, *a;

		KT_EXPECT_PTR_EQ(t, vmalloc_to_page(vp), pages[i]);
		KT_EXPECT_NE(t, (unsigned long)vp, (unsigned long)k[i]);
		KT_EXPECT_EQ(t, vp[5], 0x6b6d6170 + i);		/* kmap -> vmap */
		vp[6] = 0x766d6170 + i;				/* "vmap" */
		a = kmap_atomic(pages[i]);
		KT_EXPECT_EQ(t, a[5], 0x6b6d6170 + i);		/* kmap -> kmap_atomic */
		KT_EXPECT_EQ(t, a[6], 0x766d6170 + i);		/* vmap -> kmap_atomic */
		a[7] = 0x61746f6d + i;				/* "atom" */
		kunmap_atomic(a);
		KT_EXPECT_EQ(t, k[i][6], 0x766d6170 + i);	/* vmap -> kmap */
		KT_EXPECT_EQ(t, k[i][7], 0x61746f6d + i);	/* kmap_atomic -> kmap */
		KT_EXPECT_EQ(t, vp[7], 0x61746f6d + i);		/* kmap_atomic -> vmap */
	}
	vunmap(v);
	KT_EXPECT_EQ(t, probe(v), -EFAULT);
	for (i = 0; i < N; i++) {
		KT_EXPECT_EQ(t, k[i][6], 0x766d6170 + i);	/* still there after vunmap */
		kunmap(pages[i]);
		__free_page(pages[i]);
	}
	kmap_flush_unused();
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/* ---------------------------------------------------------------------
 * vmallocinfo
 */

/*
 * Areas of every kind, then the dump: the host test checks each line
 * (tests/host/test_vmalloc.py).  One area is big enough (1100 pages) for
 * its pages[] array to be vmalloc memory itself ("vpages").
 */
static void vmallocinfo_lists_areas(struct ktest *t)
{
	long vmalloc_pages = global_vm_stat(NR_VMALLOC);
	struct page *pages[2];
	struct vm_struct *r, *vm;
	struct vmalloc_info vmi;
	void *a, *b, *c, *big;
	unsigned int i;

	vm_begin(t);
	a = vmalloc(PAGE_SIZE);
	b = vzalloc(5 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	for (i = 0; i < 2; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, pages[i]);
	}
	c = vmap(pages, 2, VM_MAP, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, c);
	r = get_vm_area(3 * PAGE_SIZE, VM_IOREMAP);
	KT_ASSERT_NOT_NULL(t, r);
	big = vmalloc(1100 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, big);
	vm = find_vm_area(big);
	KT_ASSERT_NOT_NULL(t, vm);
	KT_EXPECT_TRUE(t, is_vmalloc_addr(vm->pages));	/* 4400 bytes of array: vmalloc'd */
	KT_EXPECT_EQ(t, global_vm_stat(NR_VMALLOC), vmalloc_pages + 1 + 5 + 1100 + 2);
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, info_before.nr_areas + 6);
	KT_EXPECT_EQ(t, vmi.used, info_before.used + (2 + 6 + 3 + 4 + 1101 + 3) * PAGE_SIZE);
	pr_info("vmalloc: vmallocinfo with a=0x%08lx b=0x%08lx c=0x%08lx r=0x%08lx big=0x%08lx array=0x%08lx\n",
		(unsigned long)a, (unsigned long)b, (unsigned long)c, (unsigned long)r->addr,
		(unsigned long)big, (unsigned long)vm->pages);
	KT_EXPECT_EQ(t, proc_dump_show("vmallocinfo"), 0);
	vfree(big);
	free_vm_area(r);
	vunmap(c);
	for (i = 0; i < 2; i++)
		__free_page(pages[i]);
	vfree(b);
	vfree(a);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/* ---------------------------------------------------------------------
 * Misuse: each reported, refused, nothing corrupted
 */

static void vfree_not_vmalloc_memory(struct ktest *t)
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

static void vfree_middle_of_area(struct ktest *t)
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
	KT_EXPECT_EQ(t, vmi.nr_areas, info_before.nr_areas + 1);
	vfree(p);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

static void double_vfree(struct ktest *t)
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

static void vmalloc_size_zero(struct ktest *t)
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
static void vmalloc_bigger_than_area(struct ktest *t)
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

	vfree(c->addr);				/* reported, then done */
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
 * vmalloc, vfree, vmap and vunmap may sleep: in the timer interrupt each
 * gives exactly one "sleeping function called from invalid context" and
 * then works.  __vmalloc(GFP_ATOMIC) is fine there.
 */
static void vmalloc_in_interrupt(struct ktest *t)
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
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, probe(c.addr), -EFAULT);

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
static void kfree_of_vmalloc_pointer(struct ktest *t)
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
static void vunmap_of_vmalloc_area(struct ktest *t)
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

static struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(page_tables_on_demand),	/* first: before the tables are all made */
	KTEST_CASE(vmalloc_vzalloc_vfree),
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
