// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/fuzz_buddy.c - mm/page_alloc.c, the buddy allocator, against
 * a model: which page frames are handed out.
 *
 * Operations: alloc_pages(order 0..10, one of seven GFP masks), the bulk
 * allocator, __free_pages of a block the model holds, drain_all_pages,
 * and now and then a misuse (a double free, a free of a tail page), which
 * must be reported once and change nothing.  After each allocation:
 *
 *   the block lies in a zone the GFP mask allows, is aligned to its order,
 *   and touches no frame the model already holds; with __GFP_ZERO it is
 *   zero.  Every block is filled with a pattern when it is made and
 *   checked when it is freed.
 *
 * Every few steps check_free_areas() verifies the free lists, and each
 * zone's free count must be its start count less what the model holds.
 * At the end of each input everything is freed: the free lists must be
 * exactly as they were (buddyinfo, order by order).
 */
#include "host.h"
#include <linux/highmem.h>

#define MAX_BLOCKS	128
#define RAM_MB		48
#define LOW_MB		32

struct block {
	struct page *page;
	unsigned int order;
	u32 seed;
};

static struct block blocks[MAX_BLOCKS];
static unsigned int nr_blocks;
static u8 owned[(RAM_MB << 20) >> PAGE_SHIFT];	/* the model: 1 = handed out */
static unsigned long start_free[MAX_NR_ZONES], start_nr_free[MAX_NR_ZONES][MAX_ORDER];
static unsigned long expected_reports;

static const gfp_t gfps[] = {
	GFP_KERNEL, GFP_ATOMIC, GFP_HIGHUSER, GFP_KERNEL | GFP_DMA, GFP_KERNEL | __GFP_ZERO,
	GFP_HIGHUSER | __GFP_ZERO, GFP_KERNEL | __GFP_COMP,
};

static void pattern(struct page *page, unsigned int order, u32 seed, bool write)
{
	unsigned int i, w;

	for (i = 0; i < (1U << order); i++) {
		u32 *p = kmap_atomic(page + i);

		for (w = 0; w < PAGE_SIZE / 4; w += 61) {
			if (write)
				p[w] = seed + i * 4096 + w;
			else if (p[w] != seed + i * 4096 + w)
				host_fail("pfn %#lx (order %u block, page %u) changed while allocated",
					  page_to_pfn(page), order, i);
		}
		kunmap_atomic(p);
	}
}

static void took(struct page *page, unsigned int order, gfp_t gfp, u32 seed)
{
	unsigned long pfn = page_to_pfn(page), i;
	enum zone_type z = page_zonenum(page);

	if (pfn & ((1UL << order) - 1))
		host_fail("order %u block at pfn %#lx is not aligned", order, pfn);
	if (z > gfp_zone(gfp))
		host_fail("gfp %#x got a page of zone %d", gfp, z);
	for (i = 0; i < (1UL << order); i++) {
		if (owned[pfn + i])
			host_fail("pfn %#lx handed out twice", pfn + i);
		owned[pfn + i] = 1;
		if ((gfp & __GFP_ZERO)) {
			u8 *p = kmap_atomic(page + i);

			if (memchr_inv(p, 0, PAGE_SIZE))
				host_fail("__GFP_ZERO page %#lx is not zero", pfn + i);
			kunmap_atomic(p);
		}
	}
	pattern(page, order, seed, true);
	blocks[nr_blocks++] = (struct block){ page, order, seed };
}

static void give_back(unsigned int i)
{
	struct block *b = &blocks[i];
	unsigned long pfn = page_to_pfn(b->page), k;

	pattern(b->page, b->order, b->seed, false);
	for (k = 0; k < (1UL << b->order); k++)
		owned[pfn + k] = 0;
	__free_pages(b->page, b->order);
	*b = blocks[--nr_blocks];
}

static void check_counts(void)
{
	unsigned long held[MAX_NR_ZONES] = { 0 };
	unsigned int i, z;

	drain_all_pages();
	for (i = 0; i < nr_blocks; i++)
		held[page_zonenum(blocks[i].page)] += 1UL << blocks[i].order;
	for (z = 0; z < MAX_NR_ZONES; z++)
		if (contig_page_data.node_zones[z].free_pages != start_free[z] - held[z])
			host_fail("zone %u: %lu free, the model says %lu", z,
				  contig_page_data.node_zones[z].free_pages, start_free[z] - held[z]);
	if (check_free_areas())
		host_fail("check_free_areas found errors");
	if (misuse_reports != expected_reports)
		host_fail("%lu reports, %lu expected", misuse_reports, expected_reports);
}

// A double free, or a free of a block's tail page: one report, no change.
static void misuse(u32 r)
{
	struct block b;

	if (!nr_blocks)
		return;
	b = blocks[r % nr_blocks];
	if ((r & 0x100) && b.order) {
		__free_pages(b.page + 1, 0);
	} else {
		give_back(r % nr_blocks);
		__free_pages(b.page, b.order);
	}
	expected_reports++;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct bytes b = { data, size };
	unsigned int z, o, steps = 0;

	host_boot(RAM_MB, LOW_MB);
	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++) {
		start_free[z] = contig_page_data.node_zones[z].free_pages;
		for (o = 0; o < MAX_ORDER; o++)
			start_nr_free[z][o] = contig_page_data.node_zones[z].free_area[o].nr_free;
	}
	expected_reports = misuse_reports;
	while (b.n) {
		u32 op = take(&b, 1), arg = take(&b, 2);
		struct page *page;

		if (op % 16 < 8 && nr_blocks < MAX_BLOCKS) {
			unsigned int order = arg % 16 < 12 ? arg % 4 : arg % MAX_ORDER;
			gfp_t gfp = gfps[(arg >> 8) % ARRAY_SIZE(gfps)] | __GFP_NOWARN;

			page = alloc_pages(gfp, order);
			if (page)
				took(page, order, gfp, arg * 2654435761u);
		} else if (op % 16 < 14 && nr_blocks) {
			give_back(arg % nr_blocks);
		} else if (op % 16 == 14 && nr_blocks + 8 <= MAX_BLOCKS) {
			struct page *pages[8] = { NULL };
			unsigned int n = 1 + arg % 8, i;

			alloc_pages_bulk_array(GFP_HIGHUSER, n, pages);
			for (i = 0; i < n; i++)
				if (pages[i])
					took(pages[i], 0, GFP_HIGHUSER, arg + i);
		} else if (op == 255) {
			misuse(arg);
		} else {
			drain_all_pages();
		}
		if (++steps % 8 == 0)
			check_counts();
	}
	check_counts();
	while (nr_blocks)
		give_back(nr_blocks - 1);
	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++)
		for (o = 0; o < MAX_ORDER; o++)
			if (contig_page_data.node_zones[z].free_area[o].nr_free != start_nr_free[z][o])
				host_fail("zone %u order %u: %lu free blocks, was %lu", z, o,
					  contig_page_data.node_zones[z].free_area[o].nr_free,
					  start_nr_free[z][o]);
	check_counts();
	return 0;
}

/*
 * Unit tests: a split and its merge (order 3 from an order-10 block
 * leaves one free block at each order 3..9, and freeing it merges them
 * back), the zones of each mask, and a double free reported once.
 */
int harness_unit_tests(void)
{
	static const u8 prog[] = {
		0, 0, 3,		/* order 3, GFP_KERNEL */
		0, 2, 0,		/* order 0, GFP_HIGHUSER */
		0, 3, 1,		/* order 1, GFP_DMA */
		0, 4, 2,		/* order 2, zeroed */
		14, 0, 5,		/* 6 pages in bulk */
		8, 0, 1, 8, 0, 0,	/* free two */
		255, 0, 0,		/* a double free */
		255, 1, 0,		/* a tail page */
	};

	return LLVMFuzzerTestOneInput(prog, sizeof(prog));
}
