/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/kernel/mm_helpers.h - what the memory-management test suites share.
 *
 * A snapshot of the buddy allocator (free blocks per zone and order) lets a
 * test assert "nothing lost": after a workload frees everything, the
 * snapshot taken before must match exactly.
 */
#ifndef _TESTS_MM_HELPERS_H
#define _TESTS_MM_HELPERS_H

#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <mm386/ktest.h>

/* What a slab cache holds, for "nothing lost" with slabs in the picture. */
struct cache_snapshot {
	const struct kmem_cache *cache;
	char name[24];			/* its name then: a destroyed cache is not read */
	unsigned long slabs, objects;
	unsigned long pfn_sum;		/* which pages its slabs are, in short */
};

#define SNAPSHOT_CACHES	64

struct buddy_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
	/* slab_baseline() only: */
	unsigned int nr_caches;
	struct cache_snapshot caches[SNAPSHOT_CACHES];
};

/* Both drain the per-CPU page lists first: their pages are free too. */
void buddy_snapshot_take(struct buddy_snapshot *snap);
/* Compare the allocator with @snap; report each difference; true if equal. */
bool buddy_snapshot_equal(const struct buddy_snapshot *snap, bool report);

#define KT_EXPECT_BUDDY_UNCHANGED(t, snap) do {				\
	if (!buddy_snapshot_equal(snap, true))				\
		KT_FAIL(t, "buddyinfo differs from its snapshot");	\
} while (0)

#define KT_EXPECT_BUDDY_CONSISTENT(t) KT_EXPECT_EQ(t, check_free_areas(), 0)

/*
 * "Nothing lost" with slab caches in the picture: caches keep empty slabs
 * for reuse, so shrink them all before the snapshot and before comparing.
 * slab_baseline() also notes each cache's slabs, objects and slab pages,
 * and slab_equal() compares them all, saying which cache differs: the
 * same objects in other slabs is a difference too (it was once, for the
 * vmap_area cache; mm/vmap_area.c now keeps the oldest node on a merge).
 */
void slab_baseline(struct buddy_snapshot *snap);
bool slab_equal(const struct buddy_snapshot *snap);

#define KT_EXPECT_NOTHING_LOST(t, snap) do {				\
	kmem_cache_shrink_all();					\
	if (!slab_equal(snap))						\
		KT_FAIL(t, "buddyinfo or a slab cache differs from its snapshot"); \
	KT_EXPECT_EQ(t, check_slab_caches(), 0);			\
	KT_EXPECT_BUDDY_CONSISTENT(t);					\
} while (0)

/*
 * What a case needs from the machine.  A workload sized for the usual
 * -m 160 cannot run at the smallest RAM mm386 boots with (8 MB), nor with
 * a HighMem zone of a few pages (highmem=132K, or -m 889): these
 * skip @t there ("# SKIP not enough free memory at this RAM size", after a
 * line saying what it needs and what there is) instead of failing it.
 * They read the zones' counters, never the allocator's answer, so an
 * allocator that fails with the memory there still fails the case.
 *
 * kt_need_pages - @pages free above the high watermarks (in lowmem, or
 * anywhere when @highmem), plus what holding them costs in page tables,
 * page arrays and slabs.
 * kt_need_highmem - @pages free above the high watermark of the HighMem zone
 * (a machine just above 887 MB has a HighMem zone of a few hundred pages).
 * kt_need_block - a free lowmem block of @order or more, taken without
 * going below the zone's low watermark.
 */
void kt_need_pages(struct ktest *t, unsigned long pages, bool highmem);
void kt_need_highmem(struct ktest *t, unsigned long pages);
void kt_need_block(struct ktest *t, unsigned int order);

/*
 * Pages the HighMem zone has free above its low watermark, the ones a
 * GFP_HIGHUSER allocation can take there: 0 with no HighMem zone, and with
 * one smaller than its watermarks (highmem=100K), where they come from
 * lowmem.
 */
unsigned long highmem_room(void);
/* Pages zone @z has free above its watermark @mark (WMARK_MIN, _LOW, _HIGH). */
unsigned long zone_room(int z, enum zone_watermarks mark);

/* A list of allocated blocks, chained through page->lru (free for owners). */
struct page_stash {
	struct list_head pages;
	unsigned long count, pages_held;
	unsigned long by_zone[MAX_NR_ZONES];
};

void stash_init(struct page_stash *s);
void stash_add(struct page_stash *s, struct page *page);
/* Free everything in the stash with __free_pages(page, page->private). */
void stash_free_all(struct page_stash *s);
/* Allocate blocks of @order with @gfp until it fails; returns how many. */
unsigned long stash_fill(struct page_stash *s, gfp_t gfp, unsigned int order);

/*
 * Run @fn(@arg) inside the timer interrupt and wait for it.  The
 * sleeping-function report's rate limit (one a second) starts afresh, so
 * the call's own report is seen.
 */
void run_in_hardirq(void (*fn)(void *arg), void *arg);

/*
 * For a fail-nth walk: @arm true turns the random failures and every knob
 * that spares some allocations (GFP_KERNEL, HighMem, single pages) off,
 * saving them in @saved (16 words); false puts them back.
 */
void fault_knobs_arm(bool arm, u32 *saved);

#endif
