// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mm_init.c - mem_map and the zones.
 *
 * free_area_init() builds the two structures everything else stands on:
 *
 *   mem_map[]  one struct page for every page frame from pfn 0 to max_pfn,
 *              holes included (a flat array: pfn_to_page is an index).  It
 *              comes from memblock, in lowmem, so it has a kernel address.
 *              Every page starts out PG_reserved; memblock_free_all() clears
 *              the bit on the pages it gives to the buddy allocator.
 *
 *   zones      DMA     [first RAM pfn, 16 MB)
 *              Normal  [16 MB, max_low_pfn)      (the rest of lowmem)
 *              HighMem [max_low_pfn, max_pfn)    (above the direct map)
 *              each with its span (holes included), its present pages
 *              (holes excluded) and, once memblock has let go, its managed
 *              pages (present minus what stays reserved).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <linux/export.h>
#include <linux/bitops.h>
#include <linux/kasan.h>
#include <asm/string.h>
#include "internal.h"

struct page *mem_map;
EXPORT_SYMBOL(mem_map);
unsigned long max_pfn, max_low_pfn, min_low_pfn;
EXPORT_SYMBOL(max_pfn);
EXPORT_SYMBOL(max_low_pfn);	/* virt_addr_valid() */
unsigned long highstart_pfn, highend_pfn;
unsigned long totalram_pages_count, totalhigh_pages_count;
EXPORT_SYMBOL(totalram_pages_count);

/* memmap_init_range() writes each struct page as one 32-byte pattern */
BUILD_BUG_ON(sizeof(struct page) != 32);

/*
 * memmap_init_range - initialise the struct pages of [@start, @end): free
 * pages of their zone (flags: the zone and PG_highmem; count 0; the buddy
 * allocator links them) when @reserved is false, else PG_reserved pages
 * with one reference (holes, firmware, the kernel, memblock's allocations).
 */
void memmap_init_range(unsigned long start, unsigned long end, bool reserved)
{
	static const enum zone_type zones[] = { ZONE_DMA, ZONE_NORMAL, ZONE_HIGHMEM };
	unsigned long i;

	for (i = 0; i < ARRAY_SIZE(zones) && start < end; i++) {
		struct zone *zone = &contig_page_data.node_zones[zones[i]];
		unsigned long stop = min(end, zones[i] == ZONE_HIGHMEM ? max_pfn : zone_end_pfn(zone));
		struct page tmpl = {
			.flags = ((unsigned long)zones[i] << ZONES_PGSHIFT) |
				 (zones[i] == ZONE_HIGHMEM ? 1UL << PG_highmem : 0) |
				 (reserved ? 1UL << PG_reserved : 0),
			._refcount = reserved,
		};

		if (start >= stop)
			continue;
		/* one pass, two SSE stores per page (asm/string.h) */
		fill_32byte_pattern(pfn_to_page(start), pfn_to_page(stop), &tmpl);
		start = stop;
	}
}

// Pages of memblock.memory inside [start, end).
static unsigned long present_pages_in(unsigned long start, unsigned long end)
{
	const struct memblock_region *r;
	unsigned long i, n = 0;

	for_each_mem_region(i, r) {
		unsigned long s = max_t(unsigned long, PFN_UP(r->base), start);
		unsigned long e = min_t(unsigned long, PFN_DOWN(r->base + r->size), end);

		if (s < e)
			n += e - s;
	}
	return n;
}

static void __init zone_init(enum zone_type idx, unsigned long start, unsigned long end)
{
	struct zone *zone = &contig_page_data.node_zones[idx];
	unsigned int order;

	zone->name = zone_names(idx);
	if (end < start)
		end = start;
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	zone->present_pages = present_pages_in(start, end);
	for (order = 0; order < MAX_ORDER; order++)
		INIT_LIST_HEAD(&zone->free_area[order].free_list);
	for (order = 0; order < NR_PCP_ORDERS; order++)
		INIT_LIST_HEAD(&zone->pcp.lists[order]);
}

/**
 * free_area_init - set up the zones (ZONE_MOVABLE stays empty) for mem_map
 * (which the caller allocated, not zeroed: memblock_free_all() writes
 * every struct page, memmap_init_range() above)
 * @max_dma: first pfn above ZONE_DMA (16 MB)
 * @max_low: first pfn above lowmem (max_low_pfn)
 * @max: first pfn above RAM (max_pfn)
 */
void __init free_area_init(unsigned long max_dma, unsigned long max_low, unsigned long max)
{
	unsigned long start = PFN_UP(memblock_start_of_DRAM());
	pg_data_t *pgdat = NODE_DATA(0);

	max_dma = min(max_dma, max_low);
	zone_init(ZONE_DMA, start, max_dma);
	zone_init(ZONE_NORMAL, max(max_dma, start), max_low);
	zone_init(ZONE_HIGHMEM, max_low, max);
	zone_init(ZONE_MOVABLE, max, max);	/* empty, as without kernelcore= */
	pgdat->node_start_pfn = start;
	pgdat->node_spanned_pages = max - start;
	pgdat->node_present_pages = present_pages_in(start, max);
	build_all_zonelists();
}

/*
 * build_all_zonelists - for each combination of GFP zone bits, the zone an
 * allocation tries first: gfp_zone()'s, or the highest zone below it that
 * has pages.  The zones between the two are empty, so the lowmem_reserve
 * that the first zone keeps against that allocation is 0, as against its
 * own (mm/page_wmark.c): alloc_pages()'s fast path needs no other check.
 */
void __init build_all_zonelists(void)
{
	pg_data_t *pgdat = NODE_DATA(0);
	gfp_t bits;

	BUILD_BUG_ON(GFP_ZONEMASK + 1 != GFP_ZONE_COMBINATIONS);
	for (bits = 0; bits <= GFP_ZONEMASK; bits++) {
		int z = gfp_zone(bits);

		while (z > 0 && !pgdat->node_zones[z].present_pages)
			z--;
		pgdat->zonelist_first[bits] = z;
	}
}

/* Linux's "Zone ranges:" block, as free_area_init() prints it. */
void print_zone_ranges(void)
{
	struct zone *zone;
	const struct memblock_region *r;
	unsigned long i;

	pr_info("Zone ranges:\n");
	for_each_zone(zone) {
		if (zone_idx(zone) == ZONE_MOVABLE)	/* Linux lists it apart */
			continue;
		if (!zone->spanned_pages) {
			pr_info("  %-8s empty\n", zone->name);
			continue;
		}
		pr_info("  %-8s [mem 0x%016llx-0x%016llx]\n", zone->name,
			PFN_PHYS(zone->zone_start_pfn), PFN_PHYS(zone_end_pfn(zone)) - 1);
	}
	pr_info("Movable zone start for each node\n");	/* none: no kernelcore= */
	pr_info("Early memory node ranges\n");
	for_each_mem_region(i, r)
		pr_info("  node   0: [mem 0x%016llx-0x%016llx]\n", r->base, r->base + r->size - 1);
}

/* ---------------------------------------------------------------------
 * Boot: memblock hands its free memory over
 */

/*
 * free_memblock_range - free [start_pfn, end_pfn) into the buddy allocator
 * in the largest aligned blocks that fit.  Returns the pages freed.
 */
unsigned long free_memblock_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn;

	memmap_init_range(start_pfn, end_pfn, false);	/* not reserved, count 0 */
	while (pfn < end_pfn) {
		struct page *page = pfn_to_page(pfn);
		struct zone *zone = page_zone(page);
		unsigned int order = pfn ? min_t(unsigned int, __ffs(pfn), MAX_ORDER - 1)
					 : MAX_ORDER - 1;

		/* A block must fit in the range and in its zone. */
		while (pfn + (1UL << order) > min(end_pfn, zone_end_pfn(zone)))
			order--;
		if (want_init_on_free())	/* the free lists hold zeroed pages only */
			kernel_init_pages(page, order);
		zone->managed_pages += 1UL << order;
		kasan_free_pages(page, order);
		__free_one_page(page, pfn, zone, order);
		pfn += 1UL << order;
	}
	return end_pfn - start_pfn;
}
