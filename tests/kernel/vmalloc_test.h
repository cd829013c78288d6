/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/kernel/vmalloc_test.h - what the files of the ktest suite "vmalloc"
 * share: the baselines and the helpers, and the cases, which
 * vmalloc_test.c lists in the suite in their order.
 *
 *   vmalloc_test.c           the suite, the baselines, page tables, the
 *                            basics, the guard page and vfree
 *   vmalloc_workload_test.c  lib/test_vmalloc.c's workloads, first fit,
 *                            data integrity, running out midway
 *   vmalloc_vmap_test.c      vmap, the kmap triangle, vmallocinfo
 *   vmalloc_misuse_test.c    every misuse, each with its reports
 */
#ifndef _TESTS_VMALLOC_TEST_H
#define _TESTS_VMALLOC_TEST_H

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/uaccess.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

#define HERE		((const void *)_THIS_IP_)
#define ALIGN_64K	0x10000UL

/* The vmalloc area as vm_begin() found it. */
extern struct vmalloc_info vm_info_before;

/* Make every page table of the vmalloc area, then take the baselines. */
void vm_begin(struct ktest *t);
/*
 * Nothing lost: buddy, slabs, and the vmalloc area as vm_begin() saw them,
 * and its bookkeeping (trees, lists, free ranges) still consistent.
 */
void vm_end(struct ktest *t);

// @addr .. @addr + @size and its guard page lie in the vmalloc area.
static inline bool in_vmalloc_area(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && !(a & ~PAGE_MASK) &&
	       a + PAGE_ALIGN(size) + PAGE_SIZE <= VMALLOC_END;
}

static inline u32 pattern(u32 seed, unsigned long i)
{
	return seed * 2654435761u + (u32)i * 40503u + 1;
}

/* Write @seed's pattern to the first word of each page (all words if @all). */
static inline void fill(void *addr, unsigned long pages, u32 seed, bool all)
{
	u32 *w = addr;
	unsigned long i, step = all ? 1 : PAGE_SIZE / 4;

	for (i = 0; i < pages * (PAGE_SIZE / 4); i += step)
		w[i] = pattern(seed, i);
	if (!all)
		w[pages * (PAGE_SIZE / 4) - 1] = ~seed;	/* and the last word */
}

static inline bool check(const void *addr, unsigned long pages, u32 seed, bool all)
{
	const u32 *w = addr;
	unsigned long i, step = all ? 1 : PAGE_SIZE / 4;

	for (i = 0; i < pages * (PAGE_SIZE / 4); i += step)
		if (w[i] != pattern(seed, i))
			return false;
	return all || w[pages * (PAGE_SIZE / 4) - 1] == ~seed;
}

// Can @addr be read?  (0 or -EFAULT, via the exception table.)
static inline long probe(const void *addr)
{
	char c;

	return copy_from_kernel_nofault(&c, addr, 1);
}

static inline bool starts_with(const char *buf, const char *prefix)
{
	return !strncmp(buf, prefix, strlen(prefix));
}

/*
 * Free pages, counted from a buddy snapshot: the snapshot also counts pages
 * that wait on per-CPU lists (it drains them first where there are any).
 */
static inline unsigned long free_now(void)
{
	struct buddy_snapshot snap;
	unsigned long n = 0;
	unsigned int z;

	buddy_snapshot_take(&snap);
	for (z = 0; z < MAX_NR_ZONES; z++)
		n += snap.free_pages[z];
	return n;
}

/* How many areas of held[] fit in a quarter of the free memory. */
static inline unsigned int scaled(unsigned int want, unsigned long pages_each)
{
	unsigned long fit = nr_free_pages() / 4 / (pages_each + 1);

	return max_t(unsigned long, 4, min_t(unsigned long, want, fit));
}

/* vmalloc_test.c */
void page_tables_on_demand(struct ktest *t);
void vmalloc_vzalloc_vfree(struct ktest *t);
void pages_array_placement(struct ktest *t);
void pages_are_what_the_ptes_say(struct ktest *t);
void areas_use_highmem(struct ktest *t);
void guard_page_faults(struct ktest *t);
void vfree_unmaps_and_flushes(struct ktest *t);

/* vmalloc_workload_test.c */
void fix_size(struct ktest *t);
void random_size(struct ktest *t);
void full_fit(struct ktest *t);
void long_busy_list(struct ktest *t);
void aligned_requests(struct ktest *t);
void ranged_requests(struct ktest *t);
void random_aligned_stress(struct ktest *t);
void data_integrity(struct ktest *t);
void alloc_fails_midway(struct ktest *t);

/* vmalloc_vmap_test.c */
void vmap_lowmem_pages(struct ktest *t);
void vmap_highmem_triangle(struct ktest *t);
void vmallocinfo_lists_areas(struct ktest *t);

/* vmalloc_misuse_test.c */
void vfree_not_vmalloc_memory(struct ktest *t);
void vfree_middle_of_area(struct ktest *t);
void double_vfree(struct ktest *t);
void vmalloc_size_zero(struct ktest *t);
void vmalloc_bigger_than_area(struct ktest *t);
void vmalloc_in_interrupt(struct ktest *t);
void kfree_of_vmalloc_pointer(struct ktest *t);
void vunmap_of_vmalloc_area(struct ktest *t);

#endif
