// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc_check.c - the buddy allocator's bookkeeping, verified from
 * scratch.
 *
 * check_free_areas() walks every zone and checks what mm/page_alloc.c
 * promises at its top: each block on a free list is a PageBuddy head of
 * the list's order, aligned, inside its zone, with free tail pages; no
 * free block has a free buddy of its order (merging is complete); the
 * per-CPU lists hold free, aligned blocks and count them right; each
 * list's nr_free and each zone's free_pages add up.  The ktest suites call
 * it after their work (tests/kernel/mm_helpers.h) and print the first few
 * problems.  It only reads, with interrupts off.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include "internal.h"

#define CHECK_REPORT_MAX	10

struct check_state {
	int errors;
	const struct zone *zone;
};

static void __printf(2, 3) check_error(struct check_state *st, const char *fmt, ...)
{
	va_list args;

	if (st->errors++ >= CHECK_REPORT_MAX)
		return;
	printk(KERN_ERR "check_free_areas: zone %s: ", st->zone->name);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}

// Check one free block and the pages inside it.
static void check_block(struct check_state *st, struct page *page, unsigned int order)
{
	const struct zone *zone = st->zone;
	unsigned long pfn = page_to_pfn(page), n = 1UL << order, i;

	if (!zone_spans_pfn(zone, pfn) || pfn + n > zone_end_pfn(zone)) {
		check_error(st, "order-%u block at pfn %#lx is outside the zone\n", order, pfn);
		return;
	}
	if (pfn & (n - 1))
		check_error(st, "order-%u block at pfn %#lx is not aligned\n", order, pfn);
	if (!PageBuddy(page) || page->private != order)
		check_error(st, "pfn %#lx on the order-%u list has buddy=%d order=%lu\n", pfn,
			    order, PageBuddy(page), page->private);
	for (i = 0; i < n; i++) {
		const struct page *p = page + i;

		if (page_count(p) || PageReserved(p) || PageSlab(p) || PageHead(p) || PageTail(p))
			check_error(st, "pfn %#lx in a free order-%u block is in use (count %d flags %#lx)\n",
				    pfn + i, order, page_count(p), p->flags);
		if (i && PageBuddy(p))
			check_error(st, "free blocks overlap: pfn %#lx inside the order-%u block at %#lx\n",
				    pfn + i, order, pfn);
	}
	if (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ n;

		if (page_is_buddy(zone, pfn_to_page(buddy_pfn), buddy_pfn, order))
			check_error(st, "order-%u buddies at pfn %#lx and %#lx are both free, not merged\n",
				    order, pfn, buddy_pfn);
	}
}

// The pcp lists hold free, unmerged, aligned blocks and count them right.
static void check_pcp(struct check_state *st)
{
	const struct per_cpu_pages *pcp = &st->zone->pcp;
	unsigned int order;
	long pages = 0;

	for (order = 0; order < NR_PCP_ORDERS; order++) {
		struct page *page;
		unsigned long n = 0;

		list_for_each_entry(page, &pcp->lists[order], lru) {
			unsigned long pfn = page_to_pfn(page);

			if (++n > st->zone->spanned_pages) {
				check_error(st, "pcp order-%u list does not end\n", order);
				break;
			}
			if (!zone_spans_pfn(st->zone, pfn) || (pfn & ((1UL << order) - 1)) ||
			    PageBuddy(page) || page_count(page) || PageReserved(page))
				check_error(st, "pcp order-%u list holds a bad block at pfn %#lx\n",
					    order, pfn);
			pages += 1L << order;
		}
	}
	if (pages != pcp->count)
		check_error(st, "pcp lists hold %ld pages, count says %d\n", pages, pcp->count);
}

static void check_zone(struct check_state *st)
{
	const struct zone *zone = st->zone;
	unsigned long free = 0, heads = 0, pfn;
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		const struct free_area *area = &zone->free_area[order];
		struct page *page;
		unsigned long count = 0;

		list_for_each_entry(page, &area->free_list, lru) {
			if (++count > zone->spanned_pages) {
				check_error(st, "order-%u free list does not end (a cycle?)\n", order);
				break;
			}
			check_block(st, page, order);
		}
		if (count != area->nr_free)
			check_error(st, "order-%u list has %lu blocks, nr_free says %lu\n", order,
				    count, area->nr_free);
		free += count << order;
	}
	if (free != zone->free_pages)
		check_error(st, "lists hold %lu free pages, free_pages says %lu\n", free,
			    zone->free_pages);
	check_pcp(st);
	for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++)
		heads += PageBuddy(pfn_to_page(pfn));
	for (order = 0; order < MAX_ORDER; order++)
		heads -= zone->free_area[order].nr_free;
	if (heads)
		check_error(st, "%ld pages are marked buddy but are on no free list\n", (long)heads);
}

/**
 * check_free_areas - verify every free list of every zone
 *
 * Checks the invariants listed at the top of mm/page_alloc.c, prints the first
 * few problems found, and leaves everything as it was.
 * Return: the number of problems (0 when all is well).
 */
int check_free_areas(void)
{
	struct check_state st = { 0, NULL };
	struct zone *zone;
	unsigned long flags;

	local_irq_save(flags);
	for_each_zone(zone) {
		st.zone = zone;
		if (zone->spanned_pages)
			check_zone(&st);
	}
	local_irq_restore(flags);
	if (st.errors > CHECK_REPORT_MAX)
		pr_err("check_free_areas: ... %d problems in all\n", st.errors);
	return st.errors;
}
