/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmzone.h - zones and the buddy allocator's free lists.
 *
 * Physical memory is split into zones by what it can be used for:
 *
 *   ZONE_DMA      [0, 16 MB)           ISA DMA can only reach the first 16 MB
 *   ZONE_NORMAL   [16 MB, lowmem end)  permanently mapped at PAGE_OFFSET
 *   ZONE_HIGHMEM  [lowmem end, RAM end) no permanent mapping: kmap() it
 *   ZONE_MOVABLE  empty (Linux fills it only when asked, kernelcore=)
 *
 * Each zone runs its own buddy allocator: free_area[order] lists the free
 * blocks of 2^order pages, order 0..MAX_ORDER-1 (1 page to 4 MB), and
 * counts them.  Three watermarks (min < low < high, in pages) say how much
 * of the zone must stay free: ordinary allocations leave "low" free,
 * allocations that may not sleep (GFP_ATOMIC) may dig below "min".
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>

#define MAX_ORDER		11
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

enum zone_type {
	ZONE_DMA,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	/*
	 * Pages that can always be migrated (kernelcore=, movablecore=,
	 * memory hotplug).  mm386 has no page migration, so, like a Linux
	 * booted without those options, it is always empty; it is here for
	 * Linux's zone indexes, its zoneinfo and its protection arrays.
	 */
	ZONE_MOVABLE,
	MAX_NR_ZONES
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

struct free_area {
	struct list_head free_list;	/* heads of free blocks of this order */
	unsigned long nr_free;		/* how many blocks are on the list */
};

/*
 * The per-CPU page lists ("pcp", Linux's per_cpu_pages; mm386 has one CPU,
 * so one set per zone).  Small blocks (order 0..3) freed recently wait here
 * for the next allocation of their order, instead of merging into the
 * buddy lists at once and being split again a moment later.  The lists
 * take @batch pages from the buddy lists when they run dry, and give
 * @batch back when they hold more than @high.  Pages here are free, but
 * the buddy allocator counts them as allocated (zone->free_pages excludes
 * them, as NR_FREE_PAGES does in Linux); drain_all_pages() returns them.
 */
#define NR_PCP_ORDERS	4	/* orders 0 .. PAGE_ALLOC_COSTLY_ORDER */

struct per_cpu_pages {
	int count;			/* pages on all the lists */
	int high;			/* more than this: give batch back */
	int batch;			/* pages moved at a time */
	struct list_head lists[NR_PCP_ORDERS];
};

struct zone {
	/* Pages the allocator tries to keep free; see __zone_watermark_ok(). */
	unsigned long _watermark[NR_WMARK];
	/*
	 * Pages this zone keeps back from allocations that could have used
	 * a higher zone (indexed by that zone): lowmem is precious.
	 */
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	const char *name;
	unsigned long zone_start_pfn;
	/* zone_start_pfn + spanned_pages is the end; holes included. */
	unsigned long spanned_pages;
	/* pages that exist (no holes) */
	unsigned long present_pages;
	/* pages given to the buddy allocator (present minus reserved) */
	unsigned long managed_pages;
	/* free pages: invariant, sum over free_area[o].nr_free << o */
	unsigned long free_pages;
	struct free_area free_area[MAX_ORDER];
	struct per_cpu_pages pcp;
	/* pages allocated from and freed to this zone: /proc/vmstat's
	 * pgalloc_<zone> and (summed) pgfree */
	unsigned long nr_alloc, nr_freed;
};

/* Every value of gfp & GFP_ZONEMASK (<linux/gfp.h>): four zone bits. */
#define GFP_ZONE_COMBINATIONS	16

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	/*
	 * zonelist_first[gfp & GFP_ZONEMASK]: the zone an allocation tries
	 * first, gfp_zone()'s choice, or the highest populated zone below it
	 * when that one is empty (HighMem, with less than 896 MB of RAM): as
	 * Linux's zonelists leave empty zones out.  build_all_zonelists().
	 */
	unsigned char zonelist_first[GFP_ZONE_COMBINATIONS];
	unsigned long node_start_pfn;
	unsigned long node_spanned_pages;
	unsigned long node_present_pages;
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)	(&contig_page_data)

#define for_each_zone(zone)						\
	for (zone = contig_page_data.node_zones;			\
	     zone < contig_page_data.node_zones + MAX_NR_ZONES; zone++)

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline enum zone_type zone_idx(const struct zone *zone)
{
	return (enum zone_type)(zone - contig_page_data.node_zones);
}

static inline bool is_highmem(const struct zone *zone)
{
	return zone_idx(zone) == ZONE_HIGHMEM;
}

/* totalreserve_pages - what no allocation may take (mm/page_wmark.c). */
extern unsigned long totalreserve_pages;

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])

#endif
