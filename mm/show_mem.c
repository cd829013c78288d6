// SPDX-License-Identifier: GPL-2.0
/*
 * mm/show_mem.c - what the page allocator says about itself: free page
 * counts, MemAvailable, and the report of a failed allocation.
 *
 * When alloc_pages() cannot serve a request it prints Linux's
 *
 *   swapper/0: page allocation failure: order:8, mode:0xcc0(GFP_KERNEL), nodemask=(null)
 *
 * with a call trace and then "Mem-Info:", the state of every zone: its
 * free pages against its watermarks, its lowmem reserve, and its free
 * blocks by order ("Node 0 Normal: 3*4kB 1*8kB ... = 20kB"), which is
 * buddyinfo in kB and shows at a glance why a large order failed while
 * plenty of memory was free (fragmentation; tests/kernel/fragment_test.c).
 * Linux 6.4 gathered these into mm/show_mem.c; mm386 uses that name.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/ratelimit.h>
#include <linux/vmstat.h>
#include <linux/export.h>
#include <linux/sched.h>
#include "internal.h"

#define K(pages)	((unsigned long)(pages) << (PAGE_SHIFT - 10))

int format_gfp(char *buf, size_t size, gfp_t gfp)
{
	static const struct { gfp_t mask; const char *name; } names[] = {
		{ GFP_HIGHUSER, "GFP_HIGHUSER" },
		{ GFP_USER, "GFP_USER" },
		{ GFP_KERNEL, "GFP_KERNEL" },
		{ GFP_ATOMIC, "GFP_ATOMIC" },
		{ GFP_NOFS, "GFP_NOFS" },
		{ GFP_NOIO, "GFP_NOIO" },
		{ GFP_NOWAIT, "GFP_NOWAIT" },
		{ __GFP_DMA, "GFP_DMA" },
		{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
		{ __GFP_ZERO, "__GFP_ZERO" },
		{ __GFP_NOWARN, "__GFP_NOWARN" },
		{ __GFP_COMP, "__GFP_COMP" },
		{ __GFP_HIGH, "__GFP_HIGH" },
		{ __GFP_NOFAIL, "__GFP_NOFAIL" },
		{ __GFP_NORETRY, "__GFP_NORETRY" },
		{ __GFP_ACCOUNT, "__GFP_ACCOUNT" },
		{ __GFP_SKIP_ZERO, "__GFP_SKIP_ZERO" },
	};
	gfp_t left = gfp;
	unsigned int i;
	int n = 0;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if ((left & names[i].mask) != names[i].mask)
			continue;
		n += scnprintf(buf + n, size - n, "%s%s", n ? "|" : "", names[i].name);
		left &= ~names[i].mask;
	}
	if (left || !n)
		n += scnprintf(buf + n, size - n, "%s%#x", n ? "|" : "", left);
	return n;
}

/*
 * show_free_areas - "Mem-Info:": each zone's free pages and watermarks
 * (Linux's field names; counters mm386 does not keep are 0), its lowmem
 * reserve, and its free blocks by order.
 */
void show_free_areas(void)
{
	struct zone *zone;
	unsigned int order;
	int i;

	pr_warn("Mem-Info:\n");
	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		pr_warn("Node 0 %s free:%lukB boost:0kB min:%lukB low:%lukB high:%lukB reserved_highatomic:0KB active_anon:0kB inactive_anon:0kB active_file:0kB inactive_file:0kB unevictable:0kB writepending:0kB present:%lukB managed:%lukB mlocked:0kB bounce:0kB free_pcp:%lukB local_pcp:%lukB free_cma:0kB\n",
			zone->name, K(zone->free_pages), K(min_wmark_pages(zone)),
			K(low_wmark_pages(zone)), K(high_wmark_pages(zone)),
			K(zone->present_pages), K(zone->managed_pages), K(zone->pcp.count),
			K(zone->pcp.count));
		printk(KERN_WARNING "lowmem_reserve[]:");
		for (i = 0; i < MAX_NR_ZONES; i++)
			printk(KERN_CONT " %ld", (long)zone->lowmem_reserve[i]);
		printk(KERN_CONT "\n");
	}
	for_each_zone(zone) {
		unsigned long total = 0;

		if (!populated_zone(zone))
			continue;
		printk(KERN_WARNING "Node 0 %s: ", zone->name);
		for (order = 0; order < MAX_ORDER; order++) {
			unsigned long nr = zone->free_area[order].nr_free;

			total += nr << order;
			printk(KERN_CONT "%lu*%lukB ", nr, K(1UL) << order);
		}
		printk(KERN_CONT "= %lukB\n", K(total));
	}
	pr_warn("%lu pages RAM\n", contig_page_data.node_present_pages);
	pr_warn("%lu pages HighMem/MovableOnly\n", totalhigh_pages());
	pr_warn("%lu pages reserved\n", contig_page_data.node_present_pages - totalram_pages());
}

/**
 * si_mem_available - Linux 6.1's MemAvailable: what could be allocated
 * without pushing any zone below its reserves
 *
 * Free pages, less totalreserve_pages (each zone's high watermark and its
 * largest lowmem reserve, mm/page_wmark.c), plus the part of the page
 * cache and of reclaimable slab that could be dropped (each less the
 * smaller of its half and the sum of the low watermarks).  mm386 has no
 * page cache, so only reclaimable slab adds anything.
 * Return: pages.
 */
unsigned long si_mem_available(void)
{
	unsigned long wmark_low = 0, reclaimable = global_vm_stat(NR_SLAB_RECLAIMABLE);
	long available;
	struct zone *zone;

	for_each_zone(zone)
		wmark_low += low_wmark_pages(zone);
	available = (long)nr_free_pages() - (long)totalreserve_pages;
	available += reclaimable - min(reclaimable / 2, wmark_low);
	return available < 0 ? 0 : available;
}

/**
 * warn_alloc - Linux's report of a failed page allocation
 * @gfp: the flags it was made with
 * @order: its order
 *
 * The "page allocation failure" line, a call trace, and show_free_areas().
 * __GFP_NOWARN callers (kvmalloc's first try, mempools) are not reported,
 * and at most 10 reports in 5 seconds are (Linux's nopage_rs), so that a
 * fault-injection run does not drown the log.
 */
void warn_alloc(gfp_t gfp, unsigned int order)
{
	static DEFINE_RATELIMIT_STATE(nopage_rs, DEFAULT_RATELIMIT_INTERVAL,
				      DEFAULT_RATELIMIT_BURST);	/* 10 in 5 s, as Linux */
	char mode[96];

	if (!__ratelimit(&nopage_rs))
		return;
	format_gfp(mode, sizeof(mode), gfp);
	pr_warn("%s: page allocation failure: order:%u, mode:%#x(%s), nodemask=(null)\n",
		current->comm, order, gfp, mode);
	dump_stack();
	show_free_areas();
}

unsigned long nr_free_pages(void)
{
	struct zone *zone;
	unsigned long n = 0;

	for_each_zone(zone)
		n += zone->free_pages;
	return n;
}
EXPORT_SYMBOL(nr_free_pages);

unsigned long nr_free_highpages(void)
{
	return contig_page_data.node_zones[ZONE_HIGHMEM].free_pages;
}
