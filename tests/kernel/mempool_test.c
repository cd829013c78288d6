// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/mempool_test.c - ktest suite "mempool": the reserve is
 * handed out when, and only when, the allocator fails.
 *
 * The allocator is made to fail by exhaustion, not by a fault-injection
 * hook: every lowmem page the page allocator will give (even to
 * GFP_ATOMIC) is taken, then every element the pool's own allocator can
 * still find (objects left in slabs).  Then the pool's reserve is all
 * there is: GFP_ATOMIC gets exactly min_nr elements and then NULL; a
 * caller that may sleep waits until an element comes back (freed here by
 * the timer interrupt) instead of failing.  Everything is given back at
 * the end: nothing lost.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/mempool.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

static struct buddy_snapshot before;

/* What exhaustion took: pages, and elements of the pool's own kind. */
struct hoard {
	struct page_stash pages;
	void *elements[4096];
	unsigned int nr;
};

static struct hoard hoard;

// Take everything the page allocator gives, then every element the pool's allocator finds.
static void exhaust(mempool_t *pool)
{
	void *e;

	stash_init(&hoard.pages);
	stash_fill(&hoard.pages, GFP_ATOMIC, 0);
	hoard.nr = 0;
	while (hoard.nr < ARRAY_SIZE(hoard.elements) &&
	       (e = pool->alloc(GFP_ATOMIC | __GFP_NOWARN, pool->pool_data)))
		hoard.elements[hoard.nr++] = e;
}

static void give_back(mempool_t *pool)
{
	while (hoard.nr)
		pool->free(hoard.elements[--hoard.nr], pool->pool_data);
	stash_free_all(&hoard.pages);
}

/*
 * The pool's promise with a kind of element: while memory is plentiful
 * the reserve is not touched; once the allocator is dry, exactly min_nr
 * reserved elements, then NULL; freeing refills the reserve first.
 */
static void check_reserve(struct ktest *t, mempool_t *pool, int min_nr)
{
	void *got[16], *e;
	int i;

	KT_ASSERT_NOT_NULL(t, pool);
	KT_EXPECT_EQ(t, pool->curr_nr, min_nr);
	e = mempool_alloc(pool, GFP_KERNEL);	/* from the allocator */
	KT_EXPECT_NOT_NULL(t, e);
	KT_EXPECT_EQ(t, pool->curr_nr, min_nr);
	mempool_free(e, pool);			/* the reserve is full: to the allocator */
	KT_EXPECT_EQ(t, pool->curr_nr, min_nr);

	exhaust(pool);
	KT_EXPECT_GT(t, hoard.pages.count, 0);
	for (i = 0; i < min_nr; i++) {
		got[i] = mempool_alloc(pool, GFP_ATOMIC);
		KT_EXPECT_NOT_NULL(t, got[i]);
	}
	KT_EXPECT_EQ(t, pool->curr_nr, 0);
	KT_EXPECT_EQ(t, pool->nr_reserve_used, min_nr);
	KT_EXPECT_NULL(t, mempool_alloc(pool, GFP_ATOMIC));	/* dry, and may not wait */
	for (i = 0; i < min_nr; i++)
		mempool_free(got[i], pool);
	KT_EXPECT_EQ(t, pool->curr_nr, min_nr);
	give_back(pool);
	mempool_destroy(pool);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void kmalloc_pool_reserve(struct ktest *t)
{
	slab_baseline(&before);
	check_reserve(t, mempool_create_kmalloc_pool(4, 200), 4);
}

static void slab_pool_reserve(struct ktest *t)
{
	static struct buddy_snapshot without_cache;
	struct kmem_cache *s;

	/* check_reserve compares with the cache there; the end, without it */
	slab_baseline(&without_cache);
	s = kmem_cache_create("test_mempool", 700, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	slab_baseline(&before);
	check_reserve(t, mempool_create_slab_pool(3, s), 3);
	kmem_cache_destroy(s);
	KT_EXPECT_NOTHING_LOST(t, &without_cache);
}

static void page_pool_reserve(struct ktest *t)
{
	mempool_t *pool;
	struct page *page;

	slab_baseline(&before);
	pool = mempool_create_page_pool(2, 1);
	KT_ASSERT_NOT_NULL(t, pool);
	page = mempool_alloc(pool, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, page);
	KT_EXPECT_EQ(t, page->private, 1);	/* an order-1 block */
	mempool_free(page, pool);
	check_reserve(t, pool, 2);
}

/* mempool_resize: shrinking gives surplus back, growing fills from the allocator. */
static void resize(struct ktest *t)
{
	mempool_t *pool;

	slab_baseline(&before);
	pool = mempool_create_kmalloc_pool(2, 64);
	KT_ASSERT_NOT_NULL(t, pool);
	KT_EXPECT_EQ(t, mempool_resize(pool, 10), 0);
	KT_EXPECT_EQ(t, pool->min_nr, 10);
	KT_EXPECT_EQ(t, pool->curr_nr, 10);
	KT_EXPECT_EQ(t, mempool_resize(pool, 1), 0);
	KT_EXPECT_EQ(t, pool->curr_nr, 1);
	KT_EXPECT_EQ(t, mempool_resize(pool, 0), -EINVAL);
	KT_EXPECT_REPORTS(t, 1);
	mempool_destroy(pool);
	mempool_destroy(NULL);
	KT_EXPECT_NULL(t, mempool_create_kmalloc_pool(0, 64));
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/*
 * A caller that may sleep is never given NULL: with the allocator and the
 * reserve dry it waits until an element comes back - here freed by the
 * timer interrupt a few ticks later.
 */
static mempool_t *wait_pool;
static void *held;
static unsigned long freed_at;

static void free_from_irq(struct irq_work *work)
{
	freed_at = jiffies;
	mempool_free(held, wait_pool);
}

static struct irq_work free_work = IRQ_WORK_INIT(free_from_irq);

static void sleeping_caller_waits(struct ktest *t)
{
	void *e;

	slab_baseline(&before);
	wait_pool = mempool_create_kmalloc_pool(1, 3000);
	KT_ASSERT_NOT_NULL(t, wait_pool);
	exhaust(wait_pool);
	held = mempool_alloc(wait_pool, GFP_ATOMIC);	/* the one reserved element */
	KT_ASSERT_NOT_NULL(t, held);
	freed_at = 0;
	irq_work_queue(&free_work);		/* comes back at the next tick */
	e = mempool_alloc(wait_pool, GFP_KERNEL);
	KT_EXPECT_PTR_EQ(t, e, held);
	KT_EXPECT_NE(t, freed_at, 0);
	mempool_free(e, wait_pool);
	give_back(wait_pool);
	mempool_destroy(wait_pool);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static struct ktest_case mempool_cases[] = {
	KTEST_CASE(kmalloc_pool_reserve),
	KTEST_CASE(slab_pool_reserve),
	KTEST_CASE(page_pool_reserve),
	KTEST_CASE(resize),
	KTEST_CASE(sleeping_caller_waits),
	{}
};

static struct ktest_suite mempool_suite = { .name = "mempool", .cases = mempool_cases };
ktest_register(mempool_suite);
