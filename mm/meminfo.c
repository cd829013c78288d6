// SPDX-License-Identifier: GPL-2.0
/*
 * mm/meminfo.c - /proc/meminfo: the whole of RAM in one table.
 *
 * The lines keep Linux's names and format ("Name:  %8lu kB"), so tools
 * that parse /proc/meminfo read this too.  On a 32-bit kernel the
 * interesting split is Low/High: LowTotal is lowmem (the direct map),
 * HighTotal is ZONE_HIGHMEM.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/vmstat.h>
#include <mm386/dump.h>

#define K(pages)	((unsigned long)(pages) << (PAGE_SHIFT - 10))

static void show_val_kb(const char *name, unsigned long pages)
{
	printk("%-16s%8lu kB\n", name, K(pages));
}

/* Free pages minus what the watermarks keep back: what a user could get. */
static unsigned long mem_available(void)
{
	struct zone *zone;
	unsigned long avail = 0;

	for_each_zone(zone)
		if (zone->free_pages > high_wmark_pages(zone))
			avail += zone->free_pages - high_wmark_pages(zone);
	return avail;
}

static void meminfo_show(void)
{
	unsigned long slab_r = global_vm_stat(NR_SLAB_RECLAIMABLE);
	unsigned long slab_u = global_vm_stat(NR_SLAB_UNRECLAIMABLE);
	unsigned long vmalloc_total = (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT;

	drain_all_pages();	/* the pcp lists' pages are free too */

	show_val_kb("MemTotal:", totalram_pages());
	show_val_kb("MemFree:", nr_free_pages());
	show_val_kb("MemAvailable:", mem_available());
	show_val_kb("Buffers:", 0);
	show_val_kb("Cached:", 0);
	show_val_kb("HighTotal:", totalhigh_pages());
	show_val_kb("HighFree:", nr_free_highpages());
	show_val_kb("LowTotal:", totalram_pages() - totalhigh_pages());
	show_val_kb("LowFree:", nr_free_pages() - nr_free_highpages());
	show_val_kb("Slab:", slab_r + slab_u);
	show_val_kb("SReclaimable:", slab_r);
	show_val_kb("SUnreclaim:", slab_u);
	show_val_kb("KmallocLarge:", global_vm_stat(NR_KMALLOC_LARGE));
	/* the processes' page tables, as Linux counts them; the kernel's: dump=layout */
	show_val_kb("PageTables:", global_vm_stat(NR_USER_PAGETABLE));
	show_val_kb("VmallocTotal:", vmalloc_total);
	show_val_kb("VmallocUsed:", global_vm_stat(NR_VMALLOC));
	show_val_kb("DirectMap4k:", max_low_pfn);
}
proc_dump("meminfo", meminfo_show);
