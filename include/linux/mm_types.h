/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm_types.h - struct page: one for every physical page frame.
 *
 * mem_map[] holds one struct page per page frame from pfn 0 to max_pfn
 * (a flat array, as Linux's FLATMEM), so pfn_to_page(pfn) is &mem_map[pfn].
 * Every byte counts: at 3 GB of RAM there are 786432 of them, so the
 * struct is exactly 32 bytes (0.78% of RAM; BUILD_BUG_ON in mm/mm_init.c).
 *
 *   offset  field        why it exists
 *   0       flags        PG_* state bits (page-flags.h); the zone number in
 *                        the top two bits, so page_zone() needs no lookup
 *   4       _refcount    users of an allocated page; 0 while free
 *   8       lru          PageBuddy: link in zone->free_area[order].free_list
 *                        PageSlab:  link in its cache's full/partial/free list
 *   16      private      PageBuddy: the order of the free block it heads
 *                        allocated: the order it was allocated with, so that
 *                        free_pages() with the wrong order is caught
 *                        PageSlab:  objects in use (slab_inuse)
 *   20      slab_cache   PageSlab: the cache that owns this slab, which is
 *                        how kfree() finds the cache from an address alone
 *   24      freelist     PageSlab: the first free object of this slab
 *   28      virtual      HighMem: the address kmap() gave it, or NULL
 *                        (lowmem pages have a fixed one: __va(pfn << 12))
 *           s_mem        PageSlab (always lowmem): the slab's first object,
 *                        so kfree() finds an object's index with one
 *                        subtraction
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

struct kmem_cache;

struct page {
	unsigned long flags;
	int _refcount;
	struct list_head lru;
	unsigned long private;
	struct kmem_cache *slab_cache;
	void *freelist;
	union {
		void *virtual;
		void *s_mem;
	};
};

#endif
