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
#include "internal.h"

struct page *mem_map;
EXPORT_SYMBOL(mem_map);
unsigned long max_pfn, max_low_pfn, min_low_pfn;
EXPORT_SYMBOL(max_pfn);
EXPORT_SYMBOL(max_low_pfn);	/* virt_addr_valid() */
unsigned long highstart_pfn, highend_pfn;
unsigned long totalram_pages_count, totalhigh_pages_count;
EXPORT_SYMBOL(totalram_pages_count);

BUILD_BUG_ON(sizeof(struct page) != 32);

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
 * free_area_init - set up mem_map and the zones (ZONE_MOVABLE stays empty)
 * @max_dma: first pfn above ZONE_DMA (16 MB)
 * @max_low: first pfn above lowmem (max_low_pfn)
 * @max: first pfn above RAM (max_pfn)
 */
void __init free_area_init(unsigned long max_dma, unsigned long max_low, unsigned long max)
{
	unsigned long start = PFN_UP(memblock_start_of_DRAM()), pfn;
	pg_data_t *pgdat = NODE_DATA(0);

	mem_map = memblock_alloc(max * sizeof(struct page), PAGE_SIZE);
	max_dma = min(max_dma, max_low);
	zone_init(ZONE_DMA, start, max_dma);
	zone_init(ZONE_NORMAL, max(max_dma, start), max_low);
	zone_init(ZONE_HIGHMEM, max_low, max);
	zone_init(ZONE_MOVABLE, max, max);	/* empty, as without kernelcore= */
	pgdat->node_start_pfn = start;
	pgdat->node_spanned_pages = max - start;
	pgdat->node_present_pages = present_pages_in(start, max);

	for (pfn = 0; pfn < max; pfn++) {
		struct page *page = &mem_map[pfn];
		enum zone_type z = pfn >= max_low ? ZONE_HIGHMEM :
				   pfn >= max_dma ? ZONE_NORMAL : ZONE_DMA;

		page->flags = (1UL << PG_reserved) | ((unsigned long)z << ZONES_PGSHIFT);
		if (z == ZONE_HIGHMEM)
			__SetPageHighMem(page);
		set_page_count(page, 1);
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
