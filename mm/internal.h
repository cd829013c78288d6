/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/internal.h - what the files of mm/ share and nobody else needs.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/gfp.h>

/* mm/page_alloc.c */
/* page_is_buddy - is @buddy (at @buddy_pfn) a free block of @order in @zone? */
static inline bool page_is_buddy(const struct zone *zone, const struct page *buddy,
				 unsigned long buddy_pfn, unsigned int order)
{
	return zone_spans_pfn(zone, buddy_pfn) && PageBuddy(buddy) &&
	       buddy->private == order;
}

void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order);
void kernel_init_pages(struct page *page, unsigned int order);
unsigned long free_pcppages_bulk(struct zone *zone, int count);

/* mm/debug.c: what a free must not be, and the report when it is */
/* The flags free_page_is_bad() refuses (a compound head may be freed, a tail not). */
#define PAGE_FLAGS_CHECK_AT_FREE \
	((1UL << PG_buddy) | (1UL << PG_reserved) | (1UL << PG_slab) | (1UL << PG_tail))
const char *free_page_is_bad(const struct page *page, unsigned int order);
void bad_page(const char *func, const struct page *page, unsigned int order,
	      const char *reason, unsigned long caller);
void bad_free_address(const char *func, unsigned long addr, unsigned int order,
		      const char *reason, unsigned long caller);

/* mm/show_mem.c */
void warn_alloc(gfp_t gfp, unsigned int order);
void show_free_areas(void);
unsigned long si_mem_available(void);
void setup_per_zone_wmarks(void);
void report_meminit(void);
extern const char *const zone_name_table[MAX_NR_ZONES];
static inline const char *zone_names(enum zone_type idx)
{
	return zone_name_table[idx];
}

/* mm/mm_init.c */
void memmap_init_range(unsigned long start, unsigned long end, bool reserved);
unsigned long free_memblock_range(unsigned long start_pfn, unsigned long end_pfn);
void free_area_init(unsigned long max_dma_pfn, unsigned long max_low, unsigned long max);
void print_zone_ranges(void);

/* mm/highmem.c: the pkmap window's one page table, made by kmap_init() (mm/init.c) */
extern pte_t *pkmap_page_table;
extern pte_t *kmap_pte;		/* slot 0 of kmap_atomic (mm/highmem.c) */

/* mm/describe.c */
/* Set by vmalloc_init() to vmalloc_describe(); NULL before. */
extern void (*vmalloc_describe_hook)(unsigned long addr, char *buf, size_t size);
/* "vmalloc area [start-end]: free vmalloc space"; returns its length. */
int describe_free_vmalloc(char *buf, size_t size);

/* mm/init.c */
void paging_init(void);

/* The first 16 MB: ISA DMA reaches no further. */
#define MAX_DMA_PFN	(SZ_16M >> PAGE_SHIFT)

#endif
