// SPDX-License-Identifier: GPL-2.0
/*
 * mm/swap.c - release_pages(): many order-0 pages given back at once.
 *
 * vfree() frees its pages with it: each page is checked as __free_pages()
 * checks it (mm/page_alloc.c, with mm/debug.c's reasons), its reference
 * dropped, and in the common case it goes straight onto its zone's pcp
 * list, all with interrupts off once instead of once per page.  Linux keeps
 * release_pages() in this file, with the LRU lists that mm386 does not
 * have (there is no swap: the name is Linux's).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/bitops.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/export.h>
#include "internal.h"

/**
 * release_pages - drop a reference on each of @nr order-0 pages, freeing
 * those left with none: vfree()'s pages, in bulk
 * @pages: the pages
 * @nr: how many
 *
 * Every page gets __free_pages()'s checks; the common case (an allocated
 * order-0 page with one reference and no flag that forbids freeing) is
 * tested in one pass with interrupts off once, and goes straight onto its
 * zone's pcp list.  Anything else (a shared page, a misuse) takes
 * __free_pages()'s own path, which drops the reference or reports.
 */
void release_pages(struct page **pages, int nr)
{
	/* an order-0 page: a compound head is as wrong as a tail */
	const unsigned long bad_flags = PAGE_FLAGS_CHECK_AT_FREE | (1UL << PG_head);
	unsigned long flags, touched = 0;	/* the zones freed into, a bit each */
	struct zone *zone;
	int i;

	local_irq_save(flags);
	for (i = 0; i < nr; i++) {
		struct page *page = pages[i];

		if (unlikely((unsigned long)(page - mem_map) >= max_pfn ||
			     (page->flags & bad_flags) || page->_refcount != 1 || page->private)) {
			local_irq_restore(flags);
			__free_pages(page, 0);		/* shared, or reported */
			local_irq_save(flags);
			continue;
		}
		free_pages_prepare(page, 0);
		zone = page_zone(page);
		touched |= 1UL << page_zonenum(page);
		zone->nr_freed++;
		free_unref_page_commit(zone, page, 0);
	}
	/* Only a zone that was freed into can be above its pcp high mark. */
	for (; touched; touched &= touched - 1)
		free_pcp_trim(&contig_page_data.node_zones[__ffs(touched)]);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(release_pages);
