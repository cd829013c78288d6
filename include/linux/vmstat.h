/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmstat.h - global counters of where memory went, for /proc/meminfo.
 *
 * Each subsystem that takes pages for its own use counts them here: the
 * slab layer its slab pages, vmalloc the pages behind its areas, the boot
 * code its page tables.  Counts are in pages.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

enum vm_stat_item {
	NR_SLAB_RECLAIMABLE,	/* slab pages of caches that can shrink */
	NR_SLAB_UNRECLAIMABLE,	/* all other slab pages */
	NR_PAGETABLE,		/* kernel page tables */
	NR_USER_PAGETABLE,	/* processes' page tables (mm/memory.c) */
	NR_VMALLOC,		/* pages mapped by vmalloc areas */
	NR_KMALLOC_LARGE,	/* kmalloc requests served by the page allocator (6.1
				 * counts them as unreclaimable slab: SUnreclaim) */
	NR_KERNEL_STACK_KB,	/* kernel stacks of tasks, in kB (not the boot stack) */
	NR_ANON_MAPPED,		/* anonymous pages mapped by processes (AnonPages) */
	NR_SHMEM,		/* pages of shared anonymous memory (Shmem, mm/shmem.c) */
	NR_VM_STAT_ITEMS
};

extern long vm_stat[NR_VM_STAT_ITEMS];

static inline void mod_vm_stat(enum vm_stat_item item, long delta)
{
	vm_stat[item] += delta;
}

static inline long global_vm_stat(enum vm_stat_item item)
{
	return vm_stat[item];
}

#endif
