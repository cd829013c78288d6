// SPDX-License-Identifier: GPL-2.0
/*
 * mm/meminfo.c - /proc/meminfo: the whole of RAM in one table.
 *
 * Every line Linux 6.1's fs/proc/meminfo.c prints on an i386 kernel with
 * HighMem, without CMA, hugetlbfs, THP, zswap or memory-failure handling,
 * in its order and format ("Name:  %8lu kB"), so that free, vmstat,
 * psutil and the rest read it as they read Linux's.  mm386 has no page
 * cache, no swap and no LRU lists: the lines about those are 0.  What
 * processes hold (AnonPages, Shmem, PageTables) and were promised
 * (Committed_AS, mm/util.c) is counted.  On a 32-bit kernel the interesting split is
 * Low/High: LowTotal is lowmem (the direct map), HighTotal is ZONE_HIGHMEM.
 * MemAvailable is Linux's estimate (si_mem_available(), mm/show_mem.c).
 * docs/proc.md compares each line with Linux's.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/gfp.h>
#include <linux/vmstat.h>
#include <linux/vmalloc.h>
#include <mm386/dump.h>
#include "internal.h"

#define K(pages)	((unsigned long)(pages) << (PAGE_SHIFT - 10))

static void show_val_kb(const char *name, unsigned long pages)
{
	printk("%-16s%8lu kB\n", name, K(pages));
}

static void meminfo_show(void)
{
	unsigned long sreclaimable = global_vm_stat(NR_SLAB_RECLAIMABLE);
	unsigned long sunreclaim = global_vm_stat(NR_SLAB_UNRECLAIMABLE) +
				   global_vm_stat(NR_KMALLOC_LARGE);	/* as 6.1 */
	unsigned long totalram, freeram, totalhigh, freehigh;

	drain_all_pages();	/* the pcp lists' pages are free too */
	totalram = totalram_pages();
	freeram = nr_free_pages();
	totalhigh = totalhigh_pages();
	freehigh = nr_free_highpages();

	show_val_kb("MemTotal:", totalram);
	show_val_kb("MemFree:", freeram);
	show_val_kb("MemAvailable:", si_mem_available());
	show_val_kb("Buffers:", 0);
	/* Linux's Cached is its page cache, shmem included: here shmem alone */
	show_val_kb("Cached:", global_vm_stat(NR_SHMEM));
	show_val_kb("SwapCached:", 0);
	show_val_kb("Active:", 0);
	show_val_kb("Inactive:", 0);
	show_val_kb("Active(anon):", 0);
	show_val_kb("Inactive(anon):", 0);
	show_val_kb("Active(file):", 0);
	show_val_kb("Inactive(file):", 0);
	show_val_kb("Unevictable:", 0);
	show_val_kb("Mlocked:", 0);
	show_val_kb("HighTotal:", totalhigh);
	show_val_kb("HighFree:", freehigh);
	show_val_kb("LowTotal:", totalram - totalhigh);
	show_val_kb("LowFree:", freeram - freehigh);
	show_val_kb("SwapTotal:", 0);
	show_val_kb("SwapFree:", 0);
	show_val_kb("Dirty:", 0);
	show_val_kb("Writeback:", 0);
	show_val_kb("AnonPages:", global_vm_stat(NR_ANON_MAPPED));
	show_val_kb("Mapped:", 0);
	show_val_kb("Shmem:", global_vm_stat(NR_SHMEM));
	show_val_kb("KReclaimable:", sreclaimable);
	show_val_kb("Slab:", sreclaimable + sunreclaim);
	show_val_kb("SReclaimable:", sreclaimable);
	show_val_kb("SUnreclaim:", sunreclaim);
	printk("KernelStack:    %8lu kB\n", global_vm_stat(NR_KERNEL_STACK_KB));
	/* the processes' page tables, as Linux counts them; the kernel's: dump=layout */
	show_val_kb("PageTables:", global_vm_stat(NR_USER_PAGETABLE));
	show_val_kb("SecPageTables:", 0);
	show_val_kb("NFS_Unstable:", 0);
	show_val_kb("Bounce:", 0);
	show_val_kb("WritebackTmp:", 0);
	show_val_kb("CommitLimit:", vm_commit_limit());	/* no swap: overcommit_ratio% of RAM */
	show_val_kb("Committed_AS:", vm_memory_committed());
	printk("VmallocTotal:   %8lu kB\n", (VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb("VmallocUsed:", global_vm_stat(NR_VMALLOC));
	show_val_kb("VmallocChunk:", 0);
	show_val_kb("Percpu:", 0);
	/* arch_report_meminfo(): how paging_init() mapped lowmem */
	printk("DirectMap4k:    %8lu kB\n", K(direct_pages_count[PG_LEVEL_4K]));
	printk("DirectMap4M:    %8lu kB\n", direct_pages_count[PG_LEVEL_2M] << 12);
}
proc_dump("meminfo", meminfo_show);
