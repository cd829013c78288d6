// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/page_alloc_test.c - ktest suite "buddy": the page allocator.
 *
 * Split and merge at every order, alignment, zone placement and fallback,
 * exhaustion and full recovery, watermarks (GFP_ATOMIC below min), a
 * 100 000-operation random stress with the consistency checker, zeroing,
 * reference counts, and every misuse the allocator must report without
 * corrupting its lists.  Every case ends with the buddy allocator exactly
 * as it found it.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/preempt.h>
#include <mm386/ktest.h>
#include <asm/sections.h>
#include "mm_helpers.h"


static struct buddy_snapshot before;

/* The suite watches the buddy lists themselves: no pcp lists in front. */
static int buddy_suite_init(void)
{
	struct zone *zone;

	for_each_zone(zone)
		zone_pcp_disable(zone);
	return check_free_areas();
}

static void buddy_suite_exit(void)
{
	struct zone *zone;

	for_each_zone(zone)
		zone_pcp_enable(zone);
}

static void alloc_free_every_order(struct ktest *t)
{
	unsigned int order;

	kt_need_block(t, MAX_ORDER - 1);
	buddy_snapshot_take(&before);
	for (order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn;

		KT_ASSERT_NOT_NULL(t, page);
		pfn = page_to_pfn(page);
		KT_EXPECT_EQ(t, pfn & ((1UL << order) - 1), 0);
		KT_EXPECT_EQ(t, page_count(page), 1);
		KT_EXPECT_EQ(t, page->private, order);
		KT_EXPECT_FALSE(t, PageBuddy(page));
		KT_EXPECT_FALSE(t, PageReserved(page));
		__free_pages(page, order);
		KT_EXPECT_BUDDY_UNCHANGED(t, &before);
	}
	KT_EXPECT_BUDDY_CONSISTENT(t);
}

/* One order-0 page out of a fully merged zone splits a block all the way
 * down; freeing it merges everything back. */
static void split_and_merge(struct ktest *t)
{
	struct zone *zone;
	struct page *page;
	unsigned long free0;

	buddy_snapshot_take(&before);
	page = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, page);
	zone = page_zone(page);
	free0 = before.free_pages[zone_idx(zone)];
	KT_EXPECT_EQ(t, zone->free_pages, free0 - 1);
	__free_page(page);
	KT_EXPECT_EQ(t, zone->free_pages, free0);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

static void address_alignment(struct ktest *t)
{
	unsigned long addr[MAX_ORDER];
	unsigned int order;

	kt_need_block(t, MAX_ORDER - 1);
	kt_need_pages(t, (1UL << MAX_ORDER) - 1, false);	/* every order at once */
	buddy_snapshot_take(&before);
	for (order = 0; order < MAX_ORDER; order++) {
		addr[order] = __get_free_pages(GFP_KERNEL, order);
		KT_ASSERT_NE(t, addr[order], 0);
		KT_EXPECT_EQ(t, addr[order] & ((PAGE_SIZE << order) - 1), 0);
		KT_EXPECT_TRUE(t, virt_addr_valid((void *)addr[order]));
		/* the whole block is usable */
		memset((void *)addr[order], 0x5a, PAGE_SIZE << order);
	}
	for (order = 0; order < MAX_ORDER; order++)
		free_pages(addr[order], order);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

static void dma_zone_placement(struct ktest *t)
{
	unsigned int order;

	for (order = 0; order <= 4; order++) {
		struct page *page = alloc_pages(GFP_KERNEL | GFP_DMA, order);

		KT_ASSERT_NOT_NULL(t, page);
		KT_EXPECT_EQ(t, page_zonenum(page), ZONE_DMA);
		KT_EXPECT_LT(t, page_to_phys(page) + (PAGE_SIZE << order), SZ_16M + 1);
		__free_pages(page, order);
	}
}

static void highmem_placement(struct ktest *t)
{
	bool room = highmem_room() > 0;
	struct page *page;

	/*
	 * A kunmap()ed page keeps its pkmap slot until the lazy flush, freed
	 * or not; with a small HighMem zone the page below may be one of them.
	 */
	kmap_flush_unused();
	page = alloc_page(GFP_HIGHUSER);

	KT_ASSERT_NOT_NULL(t, page);
	if (room) {
		KT_EXPECT_EQ(t, page_zonenum(page), ZONE_HIGHMEM);
		KT_EXPECT_TRUE(t, PageHighMem(page));
		KT_EXPECT_GE(t, page_to_pfn(page), max_low_pfn);
		KT_EXPECT_NULL(t, page_address(page));	/* no kernel address */
	} else {
		/* No HighMem zone, or none above its watermark: lowmem. */
		KT_EXPECT_NE(t, page_zonenum(page), ZONE_HIGHMEM);
		KT_EXPECT_NOT_NULL(t, page_address(page));
	}
	__free_page(page);
	/* Without __GFP_HIGHMEM no allocation may land in HighMem. */
	page = alloc_pages(GFP_KERNEL, 3);
	KT_ASSERT_NOT_NULL(t, page);
	KT_EXPECT_LT(t, page_to_pfn(page), max_low_pfn);
	__free_pages(page, 3);
}

/*
 * The zone each combination of GFP zone bits tries first (alloc_pages()'s
 * fast path): gfp_zone()'s, or the highest populated zone below it, with
 * only empty zones between, so that no lowmem_reserve stands in the way.
 * At 160 MB GFP_HIGHUSER starts in Normal, at 16 MB GFP_KERNEL in DMA.
 */
static void first_zone_by_gfp(struct ktest *t)
{
	gfp_t bits;

	for (bits = 0; bits <= GFP_ZONEMASK; bits++) {
		const struct zone *first = gfp_first_zone(bits);
		int z = zone_idx(first), i;

		KT_EXPECT_LE(t, z, gfp_zone(bits));
		KT_EXPECT_TRUE(t, first->present_pages || z == ZONE_DMA);
		for (i = z + 1; i <= gfp_zone(bits); i++)
			KT_EXPECT_EQ(t, contig_page_data.node_zones[i].present_pages, 0);
		KT_EXPECT_EQ(t, first->lowmem_reserve[gfp_zone(bits)], 0);
	}
	KT_EXPECT_EQ(t, zone_idx(gfp_first_zone(GFP_HIGHUSER)),
		     totalhigh_pages() ? ZONE_HIGHMEM :
		     contig_page_data.node_zones[ZONE_NORMAL].present_pages ? ZONE_NORMAL : ZONE_DMA);
}

/*
 * Exhaust everything from the top zone down; every zone takes part
 * (fallback), nothing crashes, and freeing restores every count.
 * Lowmem protection shows on the way: an allocation that could have used
 * HighMem may not take the last lowmem_reserve pages of Normal or DMA,
 * so GFP_KERNEL and then GFP_DMA still find some after GFP_HIGHUSER has
 * given up.
 */
static void exhaust_and_recover(struct ktest *t)
{
	static const gfp_t passes[] = { GFP_HIGHUSER, GFP_KERNEL, GFP_KERNEL | GFP_DMA };
	bool room[MAX_NR_ZONES];
	struct page_stash s;
	unsigned int p;
	int order, z;

	/* Exhaustion shrinks the slab caches (the reclaim hook): start shrunk. */
	slab_baseline(&before);
	for (z = 0; z < MAX_NR_ZONES; z++)
		room[z] = zone_room(z, WMARK_HIGH) > 0;
	stash_init(&s);
	for (p = 0; p < ARRAY_SIZE(passes); p++) {
		for (order = MAX_ORDER - 1; order >= 0; order--)
			stash_fill(&s, passes[p], order);
		KT_EXPECT_NULL(t, alloc_page(passes[p] | __GFP_NOWARN));
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &contig_page_data.node_zones[z];
			enum zone_type top = gfp_zone(passes[p]);

			if (!zone->managed_pages || z > (int)top)
				continue;
			/* Each zone stopped at its min watermark plus its reserve. */
			KT_EXPECT_LE(t, zone->free_pages, min_wmark_pages(zone) + zone->lowmem_reserve[top]);
			KT_EXPECT_GE(t, zone->free_pages, zone->lowmem_reserve[top]);
		}
	}
	for (z = 0; z < MAX_NR_ZONES; z++)
		if (room[z])	/* fallback reached every zone that had pages to give */
			KT_EXPECT_GT(t, s.by_zone[z], 0);
	pr_info("buddy: exhausted with %lu blocks, %lu pages (DMA %lu, Normal %lu, HighMem %lu)\n",
		s.count, s.pages_held, s.by_zone[ZONE_DMA], s.by_zone[ZONE_NORMAL],
		s.by_zone[ZONE_HIGHMEM]);
	KT_EXPECT_BUDDY_CONSISTENT(t);
	stash_free_all(&s);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* GFP_KERNEL stops at the min watermark; GFP_ATOMIC may go below it. */
static void atomic_dips_below_min(struct ktest *t)
{
	struct page_stash kernel, atomic;
	struct zone *dma = &contig_page_data.node_zones[ZONE_DMA];
	unsigned long floor;

	buddy_snapshot_take(&before);
	stash_init(&kernel);
	stash_init(&atomic);
	stash_fill(&kernel, GFP_KERNEL | GFP_DMA, 0);
	KT_EXPECT_GT(t, kernel.count, 0);
	KT_EXPECT_EQ(t, dma->free_pages, min_wmark_pages(dma));
	stash_fill(&atomic, GFP_ATOMIC | GFP_DMA, 0);
	KT_EXPECT_GT(t, atomic.count, 0);
	/* GFP_ATOMIC stops at min - min/2 - (min/2)/4. */
	floor = min_wmark_pages(dma) - min_wmark_pages(dma) / 2;
	floor -= floor / 4;
	KT_EXPECT_LE(t, dma->free_pages, floor + 1);
	KT_EXPECT_GT(t, dma->free_pages, 0);
	/* ... and GFP_NOWAIT (no __GFP_HIGH) gets nothing there either. */
	KT_EXPECT_NULL(t, alloc_page(GFP_NOWAIT | GFP_DMA | __GFP_NOWARN));
	stash_free_all(&atomic);
	stash_free_all(&kernel);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

#define STRESS_OPS	100000
#define STRESS_SLOTS	256

/* 100 000 random allocations and frees of orders 0..7 with a fixed seed;
 * the checker runs every 10 000 operations and at the end. */
static void random_stress(struct ktest *t)
{
	static struct page *held[STRESS_SLOTS];
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_ATOMIC, GFP_KERNEL | GFP_DMA, GFP_HIGHUSER };
	struct rnd_state rnd;
	unsigned long i, allocs = 0, fails = 0;

	buddy_snapshot_take(&before);
	prandom_seed_state(&rnd, 386);
	memset(held, 0, sizeof(held));
	for (i = 0; i < STRESS_OPS; i++) {
		unsigned int slot = prandom_u32_below(&rnd, STRESS_SLOTS);
		u32 r = prandom_u32_state(&rnd);

		if (held[slot]) {
			__free_pages(held[slot], held[slot]->private);
			held[slot] = NULL;
		} else {
			/* mostly small orders, as real workloads */
			unsigned int order = (r & 3) ? (r >> 2) % 3 : (r >> 2) % 8;

			held[slot] = alloc_pages(gfps[(r >> 8) % ARRAY_SIZE(gfps)] | __GFP_NOWARN,
						 order);
			allocs++;
			fails += !held[slot];
		}
		if ((i + 1) % 10000 == 0 && check_free_areas()) {
			KT_FAIL(t, "consistency check failed after %lu operations", i + 1);
			break;
		}
	}
	for (i = 0; i < STRESS_SLOTS; i++)
		if (held[i])
			__free_pages(held[i], held[i]->private);
	pr_info("buddy: stress %d ops, %lu allocations, %lu failed\n", STRESS_OPS, allocs, fails);
	KT_EXPECT_BUDDY_CONSISTENT(t);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/*
 * Dirty a page whose buddy we hold, free it, and ask for a zeroed page:
 * it cannot merge, so it sits on top of the order-0 list and comes
 * straight back (the lists are LIFO).  It must come back zeroed.
 */
static void check_zeroing(struct ktest *t, gfp_t gfp)
{
	struct page *held[64], *dirty = NULL, *again;
	unsigned int i, n;
	void *p;

	for (n = 0; n < ARRAY_SIZE(held) && !dirty; n++) {
		held[n] = alloc_page(gfp);
		KT_ASSERT_NOT_NULL(t, held[n]);
		for (i = 0; i < n && !dirty; i++)
			if ((page_to_pfn(held[i]) ^ 1) == page_to_pfn(held[n]))
				dirty = held[i];
	}
	KT_ASSERT_NOT_NULL(t, dirty);
	p = kmap_atomic(dirty);
	memset(p, 0xaa, PAGE_SIZE);
	kunmap_atomic(p);
	for (i = 0; i < n; i++)
		if (held[i] == dirty)
			held[i] = NULL;
	__free_page(dirty);
	again = alloc_page(gfp | __GFP_ZERO);
	KT_EXPECT_PTR_EQ(t, again, dirty);
	p = kmap_atomic(again);
	KT_EXPECT_NULL(t, memchr_inv(p, 0, PAGE_SIZE));
	kunmap_atomic(p);
	__free_page(again);
	for (i = 0; i < n; i++)
		if (held[i])
			__free_page(held[i]);
}

static void zeroed_pages(struct ktest *t)
{
	unsigned long addr;

	buddy_snapshot_take(&before);
	check_zeroing(t, GFP_KERNEL);
	check_zeroing(t, GFP_HIGHUSER);
	addr = get_zeroed_page(GFP_KERNEL);
	KT_ASSERT_NE(t, addr, 0);
	KT_EXPECT_NULL(t, memchr_inv((void *)addr, 0, PAGE_SIZE));
	free_page(addr);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

static void reference_counts(struct ktest *t)
{
	struct page *page;
	struct zone *zone;
	unsigned long free;

	buddy_snapshot_take(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	KT_ASSERT_NOT_NULL(t, page);
	zone = page_zone(page);
	free = zone->free_pages;
	KT_EXPECT_EQ(t, page_count(page), 1);
	get_page(page);
	KT_EXPECT_EQ(t, page_count(page), 2);
	__free_pages(page, 2);			/* drops one reference only */
	KT_EXPECT_EQ(t, page_count(page), 1);
	KT_EXPECT_EQ(t, zone->free_pages, free);
	KT_EXPECT_FALSE(t, PageBuddy(page));
	put_page(page);				/* the last one frees all 4 pages */
	KT_EXPECT_EQ(t, zone->free_pages, free + 4);
	KT_EXPECT_EQ(t, page_count(page), 0);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
	KT_EXPECT_REPORTS(t, 0);
}

/* Each misuse gives one report and leaves the allocator untouched. */
static void misuse_double_free(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long addr;

	KT_ASSERT_NOT_NULL(t, page);
	__free_page(page);
	buddy_snapshot_take(&before);
	__free_page(page);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);

	addr = __get_free_page(GFP_KERNEL);
	KT_ASSERT_NE(t, addr, 0);
	free_page(addr);
	free_page(addr);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
	KT_EXPECT_BUDDY_CONSISTENT(t);
}

static void misuse_wrong_order(struct ktest *t)
{
	struct page *page;

	buddy_snapshot_take(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	KT_ASSERT_NOT_NULL(t, page);
	__free_pages(page, 1);
	KT_EXPECT_REPORTS(t, 1);
	__free_pages(page, 3);
	KT_EXPECT_REPORTS(t, 1);
	__free_pages(page + 1, 0);	/* a page inside the block */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, page_count(page), 1);	/* still allocated, untouched */
	__free_pages(page, 2);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
	KT_EXPECT_BUDDY_CONSISTENT(t);
}

static void misuse_bad_addresses(struct ktest *t)
{
	unsigned long addr;

	buddy_snapshot_take(&before);
	__free_page(virt_to_page(_text));		/* the kernel image: reserved */
	KT_EXPECT_REPORTS(t, 1);
	addr = __get_free_page(GFP_KERNEL);
	KT_ASSERT_NE(t, addr, 0);
	free_page(addr + 8);				/* not page-aligned */
	KT_EXPECT_REPORTS(t, 1);
	free_page(VMALLOC_START + PAGE_SIZE);		/* not lowmem */
	KT_EXPECT_REPORTS(t, 1);
	free_page(0x1000);				/* a user address */
	KT_EXPECT_REPORTS(t, 1);
	free_page(addr);
	KT_EXPECT_REPORTS(t, 0);
	free_page(0);					/* a no-op, as in Linux */
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

static void misuse_order_too_big(struct ktest *t)
{
	struct page *page;

	buddy_snapshot_take(&before);
	KT_EXPECT_NULL(t, alloc_pages(GFP_KERNEL, MAX_ORDER));
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, __get_free_pages(GFP_KERNEL, 20), 0);
	KT_EXPECT_REPORTS(t, 1);
	page = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, page);
	__free_pages(page, MAX_ORDER);
	KT_EXPECT_REPORTS(t, 1);
	__free_page(page);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
	KT_EXPECT_BUDDY_CONSISTENT(t);
}

struct irq_alloc {
	gfp_t gfp;
	struct page *page;
};

static void alloc_in_irq(void *arg)
{
	struct irq_alloc *a = arg;

	a->page = alloc_page(a->gfp);
	if (a->page)
		__free_page(a->page);
}

static void sleeping_alloc_in_interrupt(struct ktest *t)
{
	struct irq_alloc atomic = { GFP_ATOMIC, NULL }, kernel = { GFP_KERNEL, NULL };

	buddy_snapshot_take(&before);
	run_in_hardirq(alloc_in_irq, &atomic);
	KT_EXPECT_NOT_NULL(t, atomic.page);
	KT_EXPECT_REPORTS(t, 0);
	run_in_hardirq(alloc_in_irq, &kernel);	/* reported, then it proceeds */
	KT_EXPECT_NOT_NULL(t, kernel.page);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/*
 * The per-CPU lists: a freed order-0 page waits on its zone's pcp list
 * and is the next one handed out; the buddy lists do not move.  Past
 * "high", a batch goes back; drain_all_pages() returns everything.
 */
static void per_cpu_page_lists(struct ktest *t)
{
	struct zone *zone = &contig_page_data.node_zones[ZONE_DMA];
	struct page_stash s;
	struct page *page, *again;
	unsigned long buddy_free;

	zone_pcp_enable(zone);
	buddy_snapshot_take(&before);
	page = alloc_page(GFP_KERNEL | GFP_DMA);	/* refills a batch */
	KT_ASSERT_NOT_NULL(t, page);
	KT_EXPECT_EQ(t, zone->pcp.count, zone->pcp.batch - 1);
	buddy_free = zone->free_pages;
	__free_page(page);
	KT_EXPECT_EQ(t, zone->free_pages, buddy_free);	/* no merging */
	KT_EXPECT_EQ(t, zone->pcp.count, zone->pcp.batch);
	again = alloc_page(GFP_KERNEL | GFP_DMA);
	KT_EXPECT_PTR_EQ(t, again, page);		/* hot: LIFO */
	__free_page(again);
	stash_init(&s);
	while (s.count < (unsigned long)zone->pcp.high + 8)
		stash_add(&s, alloc_page(GFP_KERNEL | GFP_DMA));
	stash_free_all(&s);
	KT_EXPECT_LE(t, zone->pcp.count, zone->pcp.high);	/* batches went back */
	KT_EXPECT_GT(t, zone->pcp.count, 0);
	KT_EXPECT_BUDDY_CONSISTENT(t);
	KT_EXPECT_GT(t, drain_all_pages(), 0);
	KT_EXPECT_EQ(t, zone->pcp.count, 0);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
	zone_pcp_disable(zone);
}

/* alloc_pages_bulk_array fills the empty slots only, and counts them all. */
static void bulk_allocation(struct ktest *t)
{
	struct page *pages[40], *mine;
	bool all_high = highmem_room() >= ARRAY_SIZE(pages);
	unsigned int i;

	buddy_snapshot_take(&before);
	memset(pages, 0, sizeof(pages));
	mine = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, mine);
	pages[7] = mine;
	KT_EXPECT_EQ(t, alloc_pages_bulk_array(GFP_HIGHUSER | __GFP_ZERO, ARRAY_SIZE(pages), pages),
		     ARRAY_SIZE(pages));
	KT_EXPECT_PTR_EQ(t, pages[7], mine);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		void *p;

		KT_ASSERT_NOT_NULL(t, pages[i]);
		KT_EXPECT_EQ(t, page_count(pages[i]), 1);
		KT_EXPECT_FALSE(t, PageBuddy(pages[i]));
		if (i == 7)
			continue;
		p = kmap_atomic(pages[i]);
		KT_EXPECT_NULL(t, memchr_inv(p, 0, PAGE_SIZE));		/* __GFP_ZERO */
		kunmap_atomic(p);
		if (all_high)
			KT_EXPECT_TRUE(t, PageHighMem(pages[i]));
	}
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		__free_page(pages[i]);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
	KT_EXPECT_REPORTS(t, 0);
}

/* The checker must notice damage: break an invariant, then mend it. */
static void checker_detects_corruption(struct ktest *t)
{
	struct zone *zone = NULL, *z;
	struct page *head;
	unsigned int order = 0;

	for_each_zone(z)
		if (z->free_pages)
			zone = z;
	KT_ASSERT_NOT_NULL(t, zone);
	while (!zone->free_area[order].nr_free)
		order++;
	head = list_first_entry(&zone->free_area[order].free_list, struct page, lru);

	zone->free_area[order].nr_free++;
	KT_EXPECT_GT(t, check_free_areas(), 0);
	zone->free_area[order].nr_free--;

	__ClearPageBuddy(head);
	KT_EXPECT_GT(t, check_free_areas(), 0);
	__SetPageBuddy(head);

	head->_refcount = 1;
	KT_EXPECT_GT(t, check_free_areas(), 0);
	head->_refcount = 0;

	KT_EXPECT_EQ(t, check_free_areas(), 0);
}

static struct ktest_case buddy_cases[] = {
	KTEST_CASE(alloc_free_every_order),
	KTEST_CASE(split_and_merge),
	KTEST_CASE(address_alignment),
	KTEST_CASE(dma_zone_placement),
	KTEST_CASE(highmem_placement),
	KTEST_CASE(first_zone_by_gfp),
	KTEST_CASE(exhaust_and_recover),
	KTEST_CASE(atomic_dips_below_min),
	KTEST_CASE(random_stress),
	KTEST_CASE(zeroed_pages),
	KTEST_CASE(reference_counts),
	KTEST_CASE(misuse_double_free),
	KTEST_CASE(misuse_wrong_order),
	KTEST_CASE(misuse_bad_addresses),
	KTEST_CASE(misuse_order_too_big),
	KTEST_CASE(sleeping_alloc_in_interrupt),
	KTEST_CASE(per_cpu_page_lists),
	KTEST_CASE(bulk_allocation),
	KTEST_CASE(checker_detects_corruption),
	{}
};

static struct ktest_suite buddy_suite = {
	.name = "buddy",
	.cases = buddy_cases,
	.init = buddy_suite_init,
	.exit = buddy_suite_exit,
};
ktest_register(buddy_suite);
