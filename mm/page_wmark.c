// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_wmark.c - how much of each zone the page allocator keeps free:
 * the watermarks, the lowmem reserves and totalreserve_pages, by Linux
 * 6.1's formulas (mm/page_alloc.c there: init_per_zone_wmark_min()).
 *
 *   min_free_kbytes = sqrt(lowmem KB * 16), clamped to [128, 262144]
 *   min    lowmem zones: their share of min_free_kbytes, by size;
 *          HighMem and Movable: managed / 1024, clamped to [32, 128]
 *          (nobody needs those in an emergency) - 32 for an empty one
 *   low    min + max(share / 4, managed * 10 / 10000)
 *   high   low + the same step
 *   lowmem_reserve[j] of zone i < j: (managed pages of zones i+1..j)
 *          / ratio, ratio 256 for DMA and 32 for Normal: what zone i
 *          keeps back from allocations that could have used zone j
 *   totalreserve_pages: for each zone, its largest lowmem_reserve plus
 *          its high watermark, at most its managed pages; MemAvailable
 *          (mm/show_mem.c) subtracts it
 *
 * The seed articles' "GFP_ATOMIC may use the emergency reserve" is the
 * room between min and zero; the allocator's checks are in page_alloc.c.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include "internal.h"

unsigned long totalreserve_pages;
unsigned long min_free_kbytes;

static const unsigned int lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 32, 0, 0 };

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

static bool highmem_like(const struct zone *zone)
{
	return is_highmem(zone) || zone_idx(zone) == ZONE_MOVABLE;
}

static void calculate_totalreserve_pages(void)
{
	unsigned long reserve = 0;
	struct zone *zone;
	int j;

	for_each_zone(zone) {
		unsigned long max = 0;

		for (j = zone_idx(zone); j < MAX_NR_ZONES; j++)
			max = max(max, zone->lowmem_reserve[j]);
		max += high_wmark_pages(zone);
		reserve += min(max, zone->managed_pages);
	}
	totalreserve_pages = reserve;
}

static void setup_per_zone_lowmem_reserve(void)
{
	int i, j;

	for (i = 0; i < MAX_NR_ZONES - 1; i++) {
		struct zone *zone = &contig_page_data.node_zones[i];
		bool clear = !lowmem_reserve_ratio[i] || !zone->managed_pages;
		unsigned long upper = 0;

		for (j = i + 1; j < MAX_NR_ZONES; j++) {
			upper += contig_page_data.node_zones[j].managed_pages;
			zone->lowmem_reserve[j] = clear ? 0 : upper / lowmem_reserve_ratio[i];
		}
	}
	calculate_totalreserve_pages();
}

/**
 * setup_per_zone_wmarks - the watermarks, the pcp sizes, the lowmem
 * reserves and totalreserve_pages, in that order (Linux's
 * init_per_zone_wmark_min(), once memblock has handed memory over)
 */
void setup_per_zone_wmarks(void)
{
	unsigned long lowmem_pages = 0, pages_min;
	struct zone *zone;

	for_each_zone(zone)
		if (!highmem_like(zone))
			lowmem_pages += zone->managed_pages;
	min_free_kbytes = clamp(int_sqrt((lowmem_pages << (PAGE_SHIFT - 10)) * 16), 128UL,
				262144UL);
	pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);

	for_each_zone(zone) {
		unsigned long tmp = (unsigned long)((u64)pages_min * zone->managed_pages /
						    lowmem_pages);

		if (highmem_like(zone))
			zone->_watermark[WMARK_MIN] = clamp(zone->managed_pages / 1024, 32UL, 128UL);
		else
			zone->_watermark[WMARK_MIN] = tmp;
		tmp = max(tmp >> 2, zone->managed_pages * 10 / 10000);
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + tmp;
		zone_pcp_enable(zone);
	}
	setup_per_zone_lowmem_reserve();
}
