/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gfp.h - "get free pages" flags, and the page allocator's API.
 *
 * The flags say where memory may come from and what the allocator may do
 * to find it (values as in Linux 6.1):
 *
 *   zone modifiers   __GFP_DMA      only ZONE_DMA (below 16 MB)
 *                    __GFP_HIGHMEM  ZONE_HIGHMEM allowed (caller will kmap)
 *                    (neither)      ZONE_NORMAL, falling back to ZONE_DMA
 *   behaviour        __GFP_DIRECT_RECLAIM  may sleep to free memory: only in
 *                                   process context (might_sleep checks)
 *                    __GFP_HIGH     important: may dig below the min watermark
 *                    __GFP_ZERO     return zeroed memory
 *                    __GFP_NOWARN   no "page allocation failure" report
 *                    __GFP_COMP     a compound page (kmalloc's big requests)
 *
 * The usual combinations, as seed 000's flag tree uses them:
 *
 *   GFP_KERNEL  process context, may sleep and reclaim
 *   GFP_ATOMIC  interrupt handlers and other places that cannot sleep;
 *               may use the emergency reserve below the min watermark
 *   GFP_NOWAIT  cannot sleep, no emergency reserve
 *   GFP_DMA     with one of the above: memory below 16 MB
 *   GFP_HIGHUSER  pages for user space: HighMem preferred
 *   GFP_HIGHUSER_MOVABLE  what a user page fault allocates with
 *
 * Zone fallback: HighMem -> Normal -> DMA; Normal -> DMA; DMA only.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/mmzone.h>
#include <linux/bug.h>

struct page;

#define __GFP_DMA		0x01u
#define __GFP_HIGHMEM		0x02u
#define __GFP_DMA32		0x04u
#define __GFP_MOVABLE		0x08u
#define __GFP_RECLAIMABLE	0x10u
#define __GFP_HIGH		0x20u
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_ZERO		0x100u
#define __GFP_ATOMIC		0x200u
#define __GFP_DIRECT_RECLAIM	0x400u
#define __GFP_KSWAPD_RECLAIM	0x800u
#define __GFP_NOWARN		0x2000u
#define __GFP_RETRY_MAYFAIL	0x4000u
#define __GFP_NOFAIL		0x8000u
#define __GFP_NORETRY		0x10000u
#define __GFP_MEMALLOC		0x20000u
#define __GFP_COMP		0x40000u
#define __GFP_NOMEMALLOC	0x80000u
#define __GFP_HARDWALL		0x100000u
#define __GFP_ACCOUNT		0x400000u
/*
 * __GFP_SKIP_ZERO: the caller zeroes the pages itself, so init_on_alloc
 * and __GFP_ZERO do not make the page allocator do it (Linux's value; there
 * only KASAN's hardware tags use it).  vmalloc() zeroes through the area's
 * own mapping instead of a kmap_atomic() per HighMem page (mm/vmalloc.c).
 */
#define __GFP_SKIP_ZERO		0x1000000u

#define __GFP_RECLAIM	(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define GFP_ZONEMASK	(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)

#define GFP_ATOMIC	(__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO	(__GFP_RECLAIM)
#define GFP_NOFS	(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER	(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA		__GFP_DMA
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)
/*
 * GFP_HIGHUSER_MOVABLE - a user page (demand paging, COW copies): HighMem
 * first, since the kernel only touches it through kmap_atomic; movable,
 * since only page tables point at it (mm386 does not migrate, but keeps
 * Linux's value).
 */
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_HIGHMEM	__GFP_HIGHMEM

/* gfpflags_allow_blocking - may an allocation with @gfp sleep? */
static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return !!(gfp & __GFP_DIRECT_RECLAIM);
}

/* gfp_zone - the highest zone an allocation with @gfp may use. */
static inline enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	if (gfp & __GFP_HIGHMEM)
		return ZONE_HIGHMEM;
	return ZONE_NORMAL;
}

/*
 * gfp_first_zone - the zone an allocation with @gfp tries first: gfp_zone()'s,
 * or the highest populated one below it (pglist_data's zonelist_first).
 */
static inline struct zone *gfp_first_zone(gfp_t gfp)
{
	return &contig_page_data.node_zones[contig_page_data.zonelist_first[gfp & GFP_ZONEMASK]];
}

/* Format @gfp as Linux does in reports: "GFP_KERNEL|__GFP_ZERO". */
int format_gfp(char *buf, size_t size, gfp_t gfp);

struct page *alloc_pages(gfp_t gfp, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long alloc_pages_bulk_array(gfp_t gfp, unsigned long nr_pages,
				     struct page **page_array);
unsigned long get_zeroed_page(gfp_t gfp);
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
void release_pages(struct page **pages, int nr);

void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);
void split_page(struct page *page, unsigned int order);

/*
 * alloc_pages_node - alloc_pages() on node @nid; mm386 is one node
 * (<linux/numa.h>), so NUMA_NO_NODE and 0 are the same and others are a
 * bug (a WARNING, then node 0), as in Linux's VM_BUG_ON.
 */
static inline struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
{
	WARN_ON_ONCE(nid != -1 && nid != 0);
	return alloc_pages(gfp, order);
}

#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define __get_dma_pages(gfp, order) __get_free_pages((gfp) | GFP_DMA, order)
#define __free_page(page)	__free_pages(page, 0)
#define free_page(addr)		free_pages(addr, 0)

/*
 * The allocator's hook for memory pressure: a GFP_KERNEL allocation that
 * would fail first asks the slab layer to give back its empty slabs
 * (mm/slab.c sets this), then retries.
 */
extern unsigned long (*page_alloc_reclaim_hook)(void);

unsigned long nr_free_pages(void);
unsigned long nr_free_highpages(void);

/* Check every free list (mm/page_alloc.c); returns the problems found. */
int check_free_areas(void);

/* The per-CPU page lists (mmzone.h): return their pages, or bypass them. */
unsigned long drain_all_pages(void);
struct zone;
void zone_pcp_disable(struct zone *zone);
void zone_pcp_enable(struct zone *zone);

#endif
