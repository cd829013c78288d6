/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/internal.h - what the files of mm/ share and nobody else needs.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/kasan.h>

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

/*
 * The two halves of freeing a block whose last reference is gone, shared
 * by free_the_page() (one block) and release_pages() (mm/swap.c, many
 * order-0 pages with interrupts off once), as Linux splits them.
 *
 * free_pages_prepare - what every freed block goes through first: KASAN
 * poisons it, its count is 0, init_on_free zeroes it.
 */
static inline void free_pages_prepare(struct page *page, unsigned int order)
{
	kasan_free_pages(page, order);
	set_page_count(page, 0);
	if (unlikely(want_init_on_free()))
		kernel_init_pages(page, order);
}

/*
 * free_unref_page_commit - put prepared block @page of @order (below
 * NR_PCP_ORDERS) on @zone's pcp list, interrupts off; the caller calls
 * free_pcp_trim() once it has put what it frees.
 */
static inline void free_unref_page_commit(struct zone *zone, struct page *page,
					  unsigned int order)
{
	list_add(&page->lru, &zone->pcp.lists[order]);
	zone->pcp.count += 1 << order;
}

// Above high, a batch of the pcp lists goes back to the buddy lists (interrupts off).
static inline void free_pcp_trim(struct zone *zone)
{
	struct per_cpu_pages *pcp = &zone->pcp;

	if (unlikely(pcp->count > pcp->high))
		free_pcppages_bulk(zone, max(pcp->batch, pcp->count - pcp->high));
}

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
void build_all_zonelists(void);
void print_zone_ranges(void);

/* mm/highmem.c: the pkmap window's one page table, made by kmap_init() (mm/init.c) */
extern pte_t *pkmap_page_table;
extern pte_t *kmap_pte;		/* slot 0 of kmap_atomic (mm/highmem.c) */

/* mm/memory.c, for mm/mremap.c */
unsigned long move_page_tables(struct mm_struct *mm, unsigned long old_addr,
			       unsigned long new_addr, unsigned long len);

/* mm/mmap.c: the VMA set's own operations, for mprotect.c, mremap.c, madvise.c */
// Which page of its file the page at @addr of @vma is (Linux's linear_page_index).
static inline unsigned long linear_page_index(const struct vm_area_struct *vma,
					      unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}
// A user page: HighMem when there is any; NULL when memory is out.
static inline struct page *alloc_user_page(void)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN);
}
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);
void remove_vma(struct vm_area_struct *vma);
void vma_adjust(struct vm_area_struct *vma, unsigned long start, unsigned long end);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below);
bool can_merge(const struct vm_area_struct *vma, unsigned long flags,
	       struct ramfs_file *file, unsigned long pgoff, unsigned long start);
struct vm_area_struct *copy_vma(struct vm_area_struct *vma, unsigned long addr,
				unsigned long len, unsigned long pgoff);

/* mm/mprotect.c */
int vma_modify_flags(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		     unsigned long newflags);

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
