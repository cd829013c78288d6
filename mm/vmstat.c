// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmstat.c - /proc/buddyinfo, /proc/zoneinfo and /proc/vmstat, in
 * Linux 6.1's formats.
 *
 * buddyinfo is the buddy allocator at a glance: for each zone, how many
 * free blocks there are of each order 0..10.  "Nothing lost" tests compare
 * it before and after a workload.
 *
 * zoneinfo and vmstat print every item Linux 6.1 prints on an i386 kernel
 * with one CPU and no NUMA, in its order and with its names
 * (vmstat_text[]): the items mm386 keeps (free pages, slab and page-table
 * pages, kernel stacks, pages allocated and freed per zone) have their
 * values, the others (the LRU lists, the page cache, writeback: mm386 has
 * no files) are 0.  docs/proc.md lists what differs from a real Linux and
 * why.
 *
 * Unlike Linux, these dumps first drain the per-CPU page lists into the
 * buddy lists (drain_all_pages()), so the tables show all free memory and
 * come back to the same numbers after a workload has freed everything.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/gfp.h>
#include <linux/bitops.h>
#include <linux/string.h>
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

/* ---------------------------------------------------------------------
 * The counters, by Linux's names
 */

/* enum zone_stat_item, in order (CONFIG_CMA's nr_free_cma is always there). */
static const char *const zone_stat_names[] = {
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
	"nr_zone_write_pending", "nr_mlock", "nr_bounce", "nr_free_cma",
};

static unsigned long zone_stat(const struct zone *zone, unsigned int item)
{
	return item == 0 ? zone->free_pages : 0;
}

/* enum node_stat_item, in order (CONFIG_SWAP: nr_swapcached; no NUMA balancing). */
static const char *const node_stat_names[] = {
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
	"nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
	"nr_isolated_anon", "nr_isolated_file", "workingset_nodes",
	"workingset_refault_anon", "workingset_refault_file", "workingset_activate_anon",
	"workingset_activate_file", "workingset_restore_anon", "workingset_restore_file",
	"workingset_nodereclaim", "nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_dirty",
	"nr_writeback", "nr_writeback_temp", "nr_shmem", "nr_shmem_hugepages",
	"nr_shmem_pmdmapped", "nr_file_hugepages", "nr_file_pmdmapped",
	"nr_anon_transparent_hugepages", "nr_vmscan_write", "nr_vmscan_immediate_reclaim",
	"nr_dirtied", "nr_written", "nr_throttled_written", "nr_kernel_misc_reclaimable",
	"nr_foll_pin_acquired", "nr_foll_pin_released", "nr_kernel_stack",
	"nr_page_table_pages", "nr_sec_page_table_pages", "nr_swapcached",
};

static unsigned long node_stat(const char *name)
{
	if (!strcmp(name, "nr_slab_reclaimable"))
		return global_vm_stat(NR_SLAB_RECLAIMABLE);
	if (!strcmp(name, "nr_slab_unreclaimable"))	/* kmalloc_large() too, as 6.1 */
		return global_vm_stat(NR_SLAB_UNRECLAIMABLE) + global_vm_stat(NR_KMALLOC_LARGE);
	if (!strcmp(name, "nr_kernel_stack"))		/* in kB, as Linux */
		return global_vm_stat(NR_KERNEL_STACK_KB);
	if (!strcmp(name, "nr_page_table_pages"))	/* PageTables: the processes' */
		return global_vm_stat(NR_USER_PAGETABLE);
	if (!strcmp(name, "nr_anon_pages"))
		return global_vm_stat(NR_ANON_MAPPED);
	if (!strcmp(name, "nr_shmem") || !strcmp(name, "nr_file_pages"))	/* shmem is file pages */
		return global_vm_stat(NR_SHMEM);
	return 0;
}

/*
 * Linux's per-CPU counter threshold for a zone (calculate_normal_threshold):
 * 2 * fls(online CPUs) * (1 + fls(managed pages / 128 MB)), at most 125.
 */
static int stat_threshold(const struct zone *zone)
{
	unsigned long mem = zone->managed_pages >> (27 - PAGE_SHIFT);

	return min(2 * fls(1) * (1 + fls(mem)), 125);
}

static void zoneinfo_show(void)
{
	bool node_done = false;
	struct zone *zone;
	unsigned int i;

	drain_all_pages();
	for_each_zone(zone) {
		printk("Node 0, zone %8s\n", zone->name);
		if (populated_zone(zone) && !node_done) {	/* the first populated zone */
			node_done = true;
			printk("  per-node stats\n");
			for (i = 0; i < ARRAY_SIZE(node_stat_names); i++)
				printk("      %-12s %lu\n", node_stat_names[i],
				       node_stat(node_stat_names[i]));
		}
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
			printk(KERN_CONT "%s%ld", i ? ", " : "", (long)zone->lowmem_reserve[i]);
		printk(KERN_CONT ")\n");
		if (!populated_zone(zone))
			continue;
		for (i = 0; i < ARRAY_SIZE(zone_stat_names); i++)
			printk("      %-12s %lu\n", zone_stat_names[i], zone_stat(zone, i));
		printk("  pagesets\n");
		printk("    cpu: 0\n");
		printk("              count: %d\n", zone->pcp.count);
		printk("              high:  %d\n", zone->pcp.high);
		printk("              batch: %d\n", zone->pcp.batch);
		printk("  vm stats threshold: %d\n", stat_threshold(zone));
		printk("  node_unreclaimable:  0\n");
		printk("  start_pfn:           %lu\n", zone->zone_start_pfn);
	}
}
proc_dump("zoneinfo", zoneinfo_show);

/*
 * /proc/vmstat: the zone counters summed, the node counters, the dirty
 * thresholds, then the events (CONFIG_VM_EVENT_COUNTERS; mm386 keeps
 * pgalloc_<zone> and pgfree, in pages).  Events of configurations mm386
 * does not have (compaction, migration, THP, NUMA) are not printed.
 */
static const char *const event_names[] = {
	"pgpgin", "pgpgout", "pswpin", "pswpout",
	"pgalloc_dma", "pgalloc_normal", "pgalloc_high", "pgalloc_movable",
	"allocstall_dma", "allocstall_normal", "allocstall_high", "allocstall_movable",
	"pgskip_dma", "pgskip_normal", "pgskip_high", "pgskip_movable",
	"pgfree", "pgactivate", "pgdeactivate", "pglazyfree", "pgfault", "pgmajfault",
	"pglazyfreed", "pgrefill", "pgreuse", "pgsteal_kswapd", "pgsteal_direct",
	"pgdemote_kswapd", "pgdemote_direct", "pgscan_kswapd", "pgscan_direct",
	"pgscan_direct_throttle", "pgscan_anon", "pgscan_file", "pgsteal_anon", "pgsteal_file",
	"pginodesteal", "slabs_scanned", "kswapd_inodesteal", "kswapd_low_wmark_hit_quickly",
	"kswapd_high_wmark_hit_quickly", "pageoutrun", "pgrotated", "drop_pagecache",
	"drop_slab", "oom_kill", "unevictable_pgs_culled", "unevictable_pgs_scanned",
	"unevictable_pgs_rescued", "unevictable_pgs_mlocked", "unevictable_pgs_munlocked",
	"unevictable_pgs_cleared", "unevictable_pgs_stranded", "swap_ra", "swap_ra_hit",
};

static unsigned long event(unsigned int i)
{
	struct zone *zone;
	unsigned long n = 0;

	if (i >= 4 && i < 8)				/* pgalloc_<zone> */
		return contig_page_data.node_zones[i - 4].nr_alloc;
	if (i == 16) {					/* pgfree */
		for_each_zone(zone)
			n += zone->nr_freed;
	}
	return n;
}

/*
 * Linux's global_dirty_limits() with its defaults (dirty_ratio 20,
 * dirty_background_ratio 10, HighMem not dirtyable): the page cache may
 * hold that many dirty pages.  mm386 has no page cache; the numbers are
 * Linux's all the same, from free memory.
 */
static void dirty_limits(unsigned long *thresh, unsigned long *bg)
{
	unsigned long x = nr_free_pages(), high = 0;
	struct zone *zone;

	x -= min(x, totalreserve_pages);
	for_each_zone(zone) {
		if (!is_highmem(zone) || !populated_zone(zone))
			continue;
		high += zone->free_pages - min(zone->free_pages, high_wmark_pages(zone));
	}
	x -= min(high, x);
	x += 1;			/* "make sure that the number never reaches zero" */
	*thresh = (20 * PAGE_SIZE / 100) * x / PAGE_SIZE;
	*bg = (10 * PAGE_SIZE / 100) * x / PAGE_SIZE;
}

static void vmstat_show(void)
{
	unsigned long thresh, bg;
	struct zone *zone;
	unsigned int i;

	drain_all_pages();
	for (i = 0; i < ARRAY_SIZE(zone_stat_names); i++) {
		unsigned long n = 0;

		for_each_zone(zone)
			n += zone_stat(zone, i);
		printk("%s %lu\n", zone_stat_names[i], n);
	}
	for (i = 0; i < ARRAY_SIZE(node_stat_names); i++)
		printk("%s %lu\n", node_stat_names[i], node_stat(node_stat_names[i]));
	dirty_limits(&thresh, &bg);
	printk("nr_dirty_threshold %lu\n", thresh);
	printk("nr_dirty_background_threshold %lu\n", bg);
	for (i = 0; i < ARRAY_SIZE(event_names); i++)
		printk("%s %lu\n", event_names[i], event(i));
}
proc_dump("vmstat", vmstat_show);
