// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mempool.c - memory pools: a reserve for when the allocator fails.
 *
 * include/linux/mempool.h says what a pool is for.  How it keeps its
 * promise, as Linux 6.1 does:
 *
 *   mempool_alloc:  1. the allocator, asked gently (no sleeping, no
 *                      reclaim, no warning: __GFP_NORETRY | __GFP_NOWARN,
 *                      without __GFP_DIRECT_RECLAIM and __GFP_IO);
 *                   2. failing that, a reserved element;
 *                   3. the reserve is empty: the allocator once more with
 *                      the caller's own flags (it may reclaim now);
 *                   4. still nothing: a caller that may not sleep gets
 *                      NULL; one that may sleep waits for an element to
 *                      come back (mempool_free) and starts over.  It never
 *                      gets NULL.
 *   mempool_free:   an element refills the reserve if it is short;
 *                   otherwise it goes back to the allocator.
 *
 * The reserve is used last, not first: while the allocator can give, the
 * reserve stays full for the day it cannot.
 *
 * Waiting.  Linux sleeps on the pool's wait queue (io_schedule_timeout,
 * 5 s at a time).  Until mm386 has a scheduler, the only code that can
 * return an element while a caller waits is an interrupt handler (or
 * irq_work), so the waiter halts with interrupts on, one tick at a time,
 * and looks again: the same contract, without the context switch.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/mempool.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/jiffies.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <asm/processor.h>

static void add_element(mempool_t *pool, void *element)
{
	BUG_ON(pool->curr_nr >= pool->min_nr);
	pool->elements[pool->curr_nr++] = element;
}

static void *remove_element(mempool_t *pool)
{
	BUG_ON(pool->curr_nr <= 0);
	return pool->elements[--pool->curr_nr];
}

/**
 * mempool_exit - give a pool's reserved elements and its array back
 * @pool: a pool set up with mempool_init() (its struct is the caller's)
 */
void mempool_exit(mempool_t *pool)
{
	while (pool->curr_nr)
		pool->free(remove_element(pool), pool->pool_data);
	kfree(pool->elements);
	pool->elements = NULL;
}
EXPORT_SYMBOL(mempool_exit);

/**
 * mempool_destroy - free a pool made by mempool_create()
 * @pool: the pool (NULL does nothing); every element it handed out must
 *        have come back with mempool_free() first
 */
void mempool_destroy(mempool_t *pool)
{
	if (unlikely(!pool))
		return;
	mempool_exit(pool);
	kfree(pool);
}
EXPORT_SYMBOL(mempool_destroy);

/**
 * mempool_init_node - set up a pool whose struct the caller provides
 * @pool: the struct (zeroed or not)
 * @min_nr: elements to reserve, at least 1
 * @alloc_fn: the allocator the pool stands in for
 * @free_fn: its free
 * @pool_data: passed to both (the cache, the size, the order)
 * @gfp_mask: for the element array and the first @min_nr elements
 * @node_id: NUMA_NO_NODE or 0
 *
 * The reserve is filled now, with the allocator: a pool that cannot have
 * its reserve is not made.
 * Return: 0, or -ENOMEM with nothing kept.
 */
int mempool_init_node(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		      mempool_free_t *free_fn, void *pool_data, gfp_t gfp_mask, int node_id)
{
	memset(pool, 0, sizeof(*pool));
	if (WARN(min_nr <= 0, "mempool_init: min_nr %d: a pool needs at least one element\n",
		 min_nr))
		return -EINVAL;
	pool->min_nr = min_nr;
	pool->pool_data = pool_data;
	pool->alloc = alloc_fn;
	pool->free = free_fn;
	pool->elements = kmalloc_array_node(min_nr, sizeof(void *), gfp_mask, node_id);
	if (!pool->elements)
		return -ENOMEM;
	while (pool->curr_nr < pool->min_nr) {
		void *element = pool->alloc(gfp_mask, pool->pool_data);

		if (unlikely(!element)) {
			mempool_exit(pool);
			return -ENOMEM;
		}
		add_element(pool, element);
	}
	return 0;
}
EXPORT_SYMBOL(mempool_init_node);

int mempool_init(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		 mempool_free_t *free_fn, void *pool_data)
{
	return mempool_init_node(pool, min_nr, alloc_fn, free_fn, pool_data, GFP_KERNEL,
				 NUMA_NO_NODE);
}
EXPORT_SYMBOL(mempool_init);

/**
 * mempool_create_node - a new pool with @min_nr elements reserved
 *
 * As mempool_init_node(), the struct itself allocated too.
 * Return: the pool, or NULL.
 */
mempool_t *mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			       void *pool_data, gfp_t gfp_mask, int node_id)
{
	mempool_t *pool = kzalloc_node(sizeof(*pool), gfp_mask, node_id);

	if (!pool)
		return NULL;
	if (mempool_init_node(pool, min_nr, alloc_fn, free_fn, pool_data, gfp_mask, node_id)) {
		kfree(pool);
		return NULL;
	}
	return pool;
}
EXPORT_SYMBOL(mempool_create_node);

mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			  void *pool_data)
{
	return mempool_create_node(min_nr, alloc_fn, free_fn, pool_data, GFP_KERNEL,
				   NUMA_NO_NODE);
}
EXPORT_SYMBOL(mempool_create);

/**
 * mempool_resize - change how many elements a pool reserves
 * @pool: the pool
 * @new_min_nr: the new reserve, at least 1
 *
 * Shrinking gives surplus reserved elements back to the allocator now.
 * Growing makes a bigger array and fills it with the allocator
 * (GFP_KERNEL); if the allocator runs dry the reserve stays short and is
 * topped up by later mempool_free() calls, as in Linux.  May sleep.
 * Return: 0, or -ENOMEM (no memory for the array: nothing changed).
 */
int mempool_resize(mempool_t *pool, int new_min_nr)
{
	void **new_elements, *element;
	unsigned long flags;

	might_sleep();
	if (WARN(new_min_nr <= 0, "mempool_resize: new_min_nr %d: refused\n", new_min_nr))
		return -EINVAL;
	local_irq_save(flags);
	if (new_min_nr <= pool->min_nr) {
		while (new_min_nr < pool->curr_nr) {
			element = remove_element(pool);
			local_irq_restore(flags);
			pool->free(element, pool->pool_data);
			local_irq_save(flags);
		}
		pool->min_nr = new_min_nr;
		local_irq_restore(flags);
		return 0;
	}
	local_irq_restore(flags);

	new_elements = kmalloc_array(new_min_nr, sizeof(*new_elements), GFP_KERNEL);
	if (!new_elements)
		return -ENOMEM;
	local_irq_save(flags);
	memcpy(new_elements, pool->elements, pool->curr_nr * sizeof(*new_elements));
	swap(pool->elements, new_elements);
	pool->min_nr = new_min_nr;
	local_irq_restore(flags);
	kfree(new_elements);

	while (pool->curr_nr < pool->min_nr) {
		element = pool->alloc(GFP_KERNEL, pool->pool_data);
		if (!element)
			break;
		local_irq_save(flags);
		if (pool->curr_nr < pool->min_nr) {
			add_element(pool, element);
			element = NULL;
		}
		local_irq_restore(flags);
		if (element) {		/* an interrupt's free filled it meanwhile */
			pool->free(element, pool->pool_data);
			break;
		}
	}
	return 0;
}
EXPORT_SYMBOL(mempool_resize);

/*
 * mempool_wait - no element anywhere: wait until one comes back to @pool
 * or five seconds pass (Linux's io_schedule_timeout(5*HZ)), halting with
 * interrupts on between ticks.
 */
static void mempool_wait(mempool_t *pool)
{
	unsigned long end = jiffies + 5 * HZ;

	while (!READ_ONCE(pool->curr_nr) && time_before(jiffies, end))
		halt();
}

/**
 * mempool_alloc - an element: from the allocator, else from the reserve
 * @pool: the pool
 * @gfp_mask: GFP_KERNEL, GFP_NOIO, GFP_ATOMIC...; no __GFP_ZERO (a reserved
 *            element is not cleared)
 *
 * The steps are at the top of the file.  A caller that may sleep
 * (__GFP_DIRECT_RECLAIM) is never given NULL: it waits for an element to
 * come back.  Others get NULL when the allocator and the reserve are dry.
 * Return: the element, or NULL.
 */
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask)
{
	unsigned long flags;
	gfp_t gfp_temp;
	void *element;

	WARN_ON_ONCE(gfp_mask & __GFP_ZERO);
	might_sleep_if(gfpflags_allow_blocking(gfp_mask));
	gfp_mask |= __GFP_NOMEMALLOC | __GFP_NORETRY | __GFP_NOWARN;
	gfp_temp = gfp_mask & ~(__GFP_DIRECT_RECLAIM | __GFP_IO);

	for (;;) {
		element = pool->alloc(gfp_temp, pool->pool_data);
		if (likely(element))
			return element;

		local_irq_save(flags);
		if (likely(pool->curr_nr)) {
			element = remove_element(pool);
			pool->nr_reserve_used++;
			local_irq_restore(flags);
			return element;
		}
		local_irq_restore(flags);
		if (gfp_temp != gfp_mask) {	/* now with the caller's own flags */
			gfp_temp = gfp_mask;
			continue;
		}
		if (!(gfp_mask & __GFP_DIRECT_RECLAIM) || irqs_disabled() || preempt_count())
			return NULL;
		mempool_wait(pool);
	}
}
EXPORT_SYMBOL(mempool_alloc);

/**
 * mempool_free - give an element back
 * @element: from mempool_alloc(@pool) (NULL does nothing)
 * @pool: the pool
 *
 * It refills the reserve if that is short of min_nr, else it goes back
 * to the allocator.  Any context, interrupts included.
 */
void mempool_free(void *element, mempool_t *pool)
{
	unsigned long flags;

	if (unlikely(!element))
		return;
	if (unlikely(READ_ONCE(pool->curr_nr) < pool->min_nr)) {
		local_irq_save(flags);
		if (likely(pool->curr_nr < pool->min_nr)) {
			add_element(pool, element);
			local_irq_restore(flags);
			return;
		}
		local_irq_restore(flags);
	}
	pool->free(element, pool->pool_data);
}
EXPORT_SYMBOL(mempool_free);

/* ---------------------------------------------------------------------
 * The ready-made kinds
 */

void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data)
{
	return kmem_cache_alloc(pool_data, gfp_mask);
}
EXPORT_SYMBOL(mempool_alloc_slab);

void mempool_free_slab(void *element, void *pool_data)
{
	kmem_cache_free(pool_data, element);
}
EXPORT_SYMBOL(mempool_free_slab);

void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data)
{
	return kmalloc((size_t)pool_data, gfp_mask);
}
EXPORT_SYMBOL(mempool_kmalloc);

void mempool_kfree(void *element, void *pool_data)
{
	kfree(element);
}
EXPORT_SYMBOL(mempool_kfree);

void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data)
{
	return alloc_pages(gfp_mask, (int)(long)pool_data);
}
EXPORT_SYMBOL(mempool_alloc_pages);

void mempool_free_pages(void *element, void *pool_data)
{
	__free_pages(element, (int)(long)pool_data);
}
EXPORT_SYMBOL(mempool_free_pages);
