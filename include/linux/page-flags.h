/* SPDX-License-Identifier: GPL-2.0 */
/*
 * page-flags.h - the state bits of struct page.
 *
 *   PG_reserved  never given to the buddy allocator: firmware areas, the
 *                kernel image, memblock's own allocations (mem_map, page
 *                tables), holes in the memory map
 *   PG_buddy     heads a free block on a free_area list (page->private is
 *                the block's order); the other pages of the block are clear
 *   PG_slab      belongs to a slab (page->slab_cache says whose)
 *   PG_head      first page of a compound allocation (__GFP_COMP): a slab of
 *                more than one page, or a kmalloc() request above 8 KB
 *   PG_tail      any other page of a compound allocation; page->lru.next
 *                points to its head, so compound_head() finds the slab (or
 *                the kmalloc block) from an address in any of its pages
 *   PG_highmem   lives in ZONE_HIGHMEM: no permanent kernel address
 *   PG_anon      an anonymous user page (heap, stack, a COW copy): Linux
 *                says this with the low bit of page->mapping; mm386 has
 *                no mapping field.  Cleared when the last mapping goes.
 *
 * The top ZONES_WIDTH bits of flags hold the zone number.
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_reserved,
	PG_buddy,
	PG_slab,
	PG_head,
	PG_tail,
	PG_highmem,
	PG_anon,
	__NR_PAGEFLAGS
};

#define ZONES_WIDTH	2
#define ZONES_PGSHIFT	(32 - ZONES_WIDTH)
#define PAGE_FLAGS_MASK	((1UL << __NR_PAGEFLAGS) - 1)

#define PAGEFLAG(uname, lname)						\
static inline int Page##uname(const struct page *page)			\
	{ return (page->flags >> PG_##lname) & 1; }			\
static inline void __SetPage##uname(struct page *page)			\
	{ page->flags |= 1UL << PG_##lname; }				\
static inline void __ClearPage##uname(struct page *page)		\
	{ page->flags &= ~(1UL << PG_##lname); }

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Slab, slab)
PAGEFLAG(Head, head)
PAGEFLAG(Tail, tail)
PAGEFLAG(HighMem, highmem)
PAGEFLAG(Anon, anon)

#undef PAGEFLAG

/* compound_head - the first page of the compound block @page belongs to. */
static inline struct page *compound_head(struct page *page)
{
	if (PageTail(page))
		return (struct page *)page->lru.next;
	return page;
}

#endif
