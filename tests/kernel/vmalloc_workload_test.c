// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/vmalloc_workload_test.c - ktest suite "vmalloc": the
 * workloads of Linux's lib/test_vmalloc.c at a small scale with fixed
 * seeds, first fit checked against a brute-force search, data integrity
 * across many areas, and running out of pages midway.
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

#define MAX_HELD	512

static void *held[MAX_HELD];
static unsigned int held_pages[MAX_HELD];

/* ---------------------------------------------------------------------
 * lib/test_vmalloc.c's workloads, small
 */

/* fix_size_alloc_test: the same size again and again. */
void fix_size(struct ktest *t)
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
void random_size(struct ktest *t)
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
void full_fit(struct ktest *t)
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
void long_busy_list(struct ktest *t)
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
	KT_EXPECT_EQ(t, vmi.nr_areas, vm_info_before.nr_areas + n);
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
void aligned_requests(struct ktest *t)
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

/*
 * Requests limited to [start, end), as a module loader makes them: each
 * goes to the lowest address that fits inside the window, even in the
 * middle of a free range, and a window with no room left gives NULL while
 * the rest of the vmalloc area has plenty.  Only the part of the window
 * inside the vmalloc area counts.  The window is a free, 64 KB-aligned
 * range that the brute-force first fit finds (modules or anything else may
 * hold areas already), so every address in it is known in advance:
 *
 *   lo: a (3 pages + guard)  c (2 + guard)  .  b (1 + guard)  d (1 + guard)  f (3 + guard)  :hi
 *      +0                   +4             +7 +8             +10            +12             +16
 */
void ranged_requests(struct ktest *t)
{
	struct first_fit ff = { 2 * PAGE_SIZE, PAGE_SIZE, VMALLOC_START, VMALLOC_END };
	struct vm_struct *a, *b, *c, *d, *f, *whole, *z;
	struct vmalloc_info vmi;
	unsigned long lo, hi;

	vm_begin(t);
	/* A window that starts below the vmalloc area: only its part inside is used. */
	brute_first_fit(&ff);
	KT_ASSERT_NE(t, ff.found, 0);
	z = __get_vm_area_node(PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, 0, ff.found + 2 * PAGE_SIZE,
			       GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, z);
	KT_EXPECT_EQ(t, (unsigned long)z->addr, ff.found);
	ff = (struct first_fit){ 16 * PAGE_SIZE, ALIGN_64K, VMALLOC_START + SZ_1M, VMALLOC_END };
	brute_first_fit(&ff);
	KT_ASSERT_NE(t, ff.found, 0);
	lo = ff.found;
	hi = lo + 16 * PAGE_SIZE;

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
	ff = (struct first_fit){ 5 * PAGE_SIZE, PAGE_SIZE, VMALLOC_START, VMALLOC_END };
	brute_first_fit(&ff);
	whole = __get_vm_area_node(4 * PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, VMALLOC_START,
				   VMALLOC_END, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, whole);
	KT_EXPECT_EQ(t, (unsigned long)whole->addr, ff.found);	/* outside the window */
	KT_EXPECT_TRUE(t, ff.found + 5 * PAGE_SIZE <= lo || ff.found >= hi);
	f = __get_vm_area_node(3 * PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, lo, hi, GFP_KERNEL, HERE);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, (unsigned long)f->addr, lo + 12 * PAGE_SIZE);	/* fits the top exactly */
	KT_EXPECT_NULL(t, __get_vm_area_node(PAGE_SIZE, PAGE_SIZE, VM_IOREMAP, lo + 8 * PAGE_SIZE,
					     hi, GFP_KERNEL | __GFP_NOWARN, HERE));
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vm_info_before.nr_areas + 7);

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

#define STRESS_SLOTS	128
#define STRESS_OPS	4000

/*
 * Thousands of random reservations and frees, 1 to 16 pages, aligned to
 * 4 KB ... 1 MB, half of them limited to a random window (some too small
 * to hold them); every eighth one is real vmalloc memory, written and
 * checked.  Each placement must be exactly the brute-force first fit, or
 * NULL when that finds none; vmalloc_check() every 200 operations.
 */
void random_aligned_stress(struct ktest *t)
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
void data_integrity(struct ktest *t)
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
void alloc_fails_midway(struct ktest *t)
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
	KT_EXPECT_EQ(t, vmi.nr_areas, vm_info_before.nr_areas);
	KT_EXPECT_EQ(t, vmi.nr_pages, vm_info_before.nr_pages);
	pr_info("vmalloc: %lu pages free, vmalloc of %lu pages failed\n", freed, want);
	if (p)
		vfree(p);
	stash_free_all(&s);
	vm_end(t);
}

