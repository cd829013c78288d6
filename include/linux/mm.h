/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm.h - the core memory-management interface: frames, pages, addresses.
 *
 * Three ways to name one page of RAM, and how to go between them:
 *
 *   pfn                page frame number: physical address >> PAGE_SHIFT
 *   struct page *      its entry in mem_map[]: pfn_to_page / page_to_pfn
 *   kernel address     lowmem only: __va(pfn << PAGE_SHIFT);
 *                      page_address(page) / virt_to_page(addr)
 *
 * A HighMem page has no permanent kernel address: page_address() is NULL
 * unless kmap() has given it one.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>
#include <asm/page.h>
#include <asm/pgtable.h>

extern struct page *mem_map;		/* one struct page per pfn, 0..max_pfn-1 */
extern unsigned long max_pfn;		/* highest RAM pfn + 1 */
extern unsigned long max_low_pfn;	/* end of lowmem (pfn) */
extern unsigned long min_low_pfn;	/* first pfn after the kernel image */
extern unsigned long highstart_pfn, highend_pfn;
extern unsigned long totalram_pages_count, totalhigh_pages_count;

#define pfn_to_page(pfn)	(mem_map + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define pfn_valid(pfn)		((pfn) < max_pfn)
#define page_to_phys(page)	((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)

/*
 * virt_addr_valid - is @kaddr in the direct map of lowmem (and RAM)?
 * One unsigned comparison: below PAGE_OFFSET, __pa() wraps to a huge pfn.
 * The pfn it computes is the one virt_to_page() needs next.
 */
static inline bool virt_addr_valid(const void *kaddr)
{
	return ((unsigned long)kaddr - PAGE_OFFSET) >> PAGE_SHIFT < max_low_pfn;
}

#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define virt_to_page(kaddr)	pfn_to_page(virt_to_pfn(kaddr))

/* virt_to_head_page - the first page of the (compound) block @x is in. */
static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)(page->flags >> ZONES_PGSHIFT);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_pfn(page) << PAGE_SHIFT);
}

/* page_address - kernel address of @page, or NULL for an unmapped highmem page */
static inline void *page_address(const struct page *page)
{
	if (PageHighMem(page))
		return page->virtual;
	return lowmem_page_address(page);
}

static inline unsigned long totalram_pages(void)
{
	return totalram_pages_count;
}

static inline unsigned long totalhigh_pages(void)
{
	return totalhigh_pages_count;
}

/* Reference counts: an allocated page starts at 1, put_page() frees at 0. */
static inline int page_count(const struct page *page)
{
	return page->_refcount;
}

static inline void set_page_count(struct page *page, int v)
{
	page->_refcount = v;
}

static inline void get_page(struct page *page)
{
	page->_refcount++;
}

void put_page(struct page *page);

/*
 * describe_address - name the region of the 4 GB map that @addr is in
 * ("NULL page", "user space", "lowmem (kernel .text)", "vmalloc guard page
 * of ...", "pkmap", "fixmap", "unmapped ...") into @buf.  Used by the oops.
 */
void describe_address(unsigned long addr, char *buf, size_t size);

/*
 * format_page_flags - @page's flags as "Bad page state" prints them:
 * "0x40000002(buddy|zone=Normal)".  Returns the length written.
 */
int format_page_flags(char *buf, size_t size, const struct page *page);

/*
 * init_on_alloc= and init_on_free= (mm/page_alloc.c): Linux's hardening
 * that zeroes every page, slab object and vmalloc area when it is handed
 * out, or when it is given back.  Slab caches with a constructor or
 * SLAB_TYPESAFE_BY_RCU are exempt (their free objects must stay intact).
 */
extern bool init_on_alloc, init_on_free;

static inline bool want_init_on_alloc(gfp_t gfp)
{
	return init_on_alloc || (gfp & __GFP_ZERO);
}

static inline bool want_init_on_free(void)
{
	return init_on_free;
}

/* mm/init.c: set up all of memory management (called by start_kernel). */
void mm_init(void);
void print_memory_layout(void);

#endif
