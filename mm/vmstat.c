// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmstat.c - /proc/buddyinfo and /proc/zoneinfo, in Linux's formats.
 *
 * buddyinfo is the buddy allocator at a glance: for each zone, how many
 * free blocks there are of each order 0..10.  "Nothing lost" tests compare
 * it before and after a workload.
 *
 * Unlike Linux, these dumps first drain the per-CPU page lists into the
 * buddy lists (drain_all_pages()), so the tables show all free memory and
 * come back to the same numbers after a workload has freed everything.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <mm386/dump.h>

long vm_stat[NR_VM_STAT_ITEMS];

static void buddyinfo_show(void)
{
	struct zone *zone;
	unsigned int order;

	drain_all_pages();
	for_each_zone(zone) {
		char line[128];
		int n;

		if (!populated_zone(zone))
			continue;
		n = scnprintf(line, sizeof(line), "Node 0, zone %8s ", zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			n += scnprintf(line + n, sizeof(line) - n, "%6lu ",
				       zone->free_area[order].nr_free);
		printk("%s\n", line);
	}
}
proc_dump("buddyinfo", buddyinfo_show);

static void zoneinfo_show(void)
{
	struct zone *zone;
	int i;

	drain_all_pages();
	for_each_zone(zone) {
		printk("Node 0, zone %8s\n", zone->name);
		printk("  pages free     %lu\n", zone->free_pages);
		printk("        boost    0\n");
		printk("        min      %lu\n", min_wmark_pages(zone));
		printk("        low      %lu\n", low_wmark_pages(zone));
		printk("        high     %lu\n", high_wmark_pages(zone));
		printk("        spanned  %lu\n", zone->spanned_pages);
		printk("        present  %lu\n", zone->present_pages);
		printk("        managed  %lu\n", zone->managed_pages);
		printk("        cma      0\n");
		printk("        protection: (");
		for (i = 0; i < MAX_NR_ZONES; i++)
			printk(KERN_CONT "%s%lu", i ? ", " : "", zone->lowmem_reserve[i]);
		printk(KERN_CONT ")\n");
		if (!populated_zone(zone))
			continue;
		printk("      nr_free_pages %lu\n", zone->free_pages);
		printk("  pagesets\n");
		printk("    cpu: 0\n");
		printk("              count: %d\n", zone->pcp.count);
		printk("              high:  %d\n", zone->pcp.high);
		printk("              batch: %d\n", zone->pcp.batch);
		printk("      pgalloc      %lu\n", zone->nr_alloc);
		printk("      pgfree       %lu\n", zone->nr_free_calls);
		printk("      nr_alloc_fail %lu\n", zone->nr_alloc_fail);
		printk("  start_pfn:           %lu\n", zone->zone_start_pfn);
	}
}
proc_dump("zoneinfo", zoneinfo_show);
