/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mempool.h - memory pools: a reserve of elements for when the allocator
 * fails (mm/mempool.c).
 *
 * The seed articles' "内存池" is this: a driver that must make progress
 * under memory pressure (a block driver writing pages out to free memory
 * cannot wait for free memory) sets aside min_nr elements when it starts.
 * mempool_alloc() asks the underlying allocator first; only when that
 * fails does it hand out a reserved element, and mempool_free() refills
 * the reserve before giving anything back to the allocator.  So the pool
 * guarantees min_nr elements in flight whatever the rest of the kernel
 * does: with a caller that may sleep, mempool_alloc() never fails (it
 * waits for an element to come back).
 *
 *	pool = mempool_create_kmalloc_pool(16, sizeof(struct req));
 *	r = mempool_alloc(pool, GFP_NOIO);	never NULL when it may sleep
 *	mempool_free(r, pool);
 *	mempool_destroy(pool);			all elements back first
 *
 * Pools of slab objects, kmalloc blocks and pages come ready-made; any
 * other kind needs an alloc and a free function.
 */
#ifndef _LINUX_MEMPOOL_H
#define _LINUX_MEMPOOL_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/numa.h>

struct kmem_cache;

typedef void *(mempool_alloc_t)(gfp_t gfp_mask, void *pool_data);
typedef void (mempool_free_t)(void *element, void *pool_data);

/*
 * struct mempool_s - one pool.  @elements[0..@curr_nr-1] are the reserved
 * elements (a stack); the pool tries to keep @min_nr of them.  Changed
 * with interrupts off: interrupt handlers allocate and free too.
 */
typedef struct mempool_s {
	int min_nr;
	int curr_nr;
	void **elements;
	void *pool_data;
	mempool_alloc_t *alloc;
	mempool_free_t *free;
	unsigned long nr_reserve_used;	/* mm386: elements handed out of the reserve */
} mempool_t;

static inline bool mempool_initialized(mempool_t *pool)
{
	return pool->elements != NULL;
}

int mempool_init_node(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		      mempool_free_t *free_fn, void *pool_data, gfp_t gfp_mask, int node_id);
int mempool_init(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		 mempool_free_t *free_fn, void *pool_data);
void mempool_exit(mempool_t *pool);

mempool_t *mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			       void *pool_data, gfp_t gfp_mask, int nid);
mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			  void *pool_data);
int mempool_resize(mempool_t *pool, int new_min_nr);
void mempool_destroy(mempool_t *pool);
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask);
void mempool_free(void *element, mempool_t *pool);

/* Slab objects: pool_data is the kmem_cache. */
void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data);
void mempool_free_slab(void *element, void *pool_data);

static inline int mempool_init_slab_pool(mempool_t *pool, int min_nr, struct kmem_cache *kc)
{
	return mempool_init(pool, min_nr, mempool_alloc_slab, mempool_free_slab, (void *)kc);
}

static inline mempool_t *mempool_create_slab_pool(int min_nr, struct kmem_cache *kc)
{
	return mempool_create(min_nr, mempool_alloc_slab, mempool_free_slab, (void *)kc);
}

/* kmalloc blocks: pool_data is the size. */
void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data);
void mempool_kfree(void *element, void *pool_data);

static inline int mempool_init_kmalloc_pool(mempool_t *pool, int min_nr, size_t size)
{
	return mempool_init(pool, min_nr, mempool_kmalloc, mempool_kfree, (void *)size);
}

static inline mempool_t *mempool_create_kmalloc_pool(int min_nr, size_t size)
{
	return mempool_create(min_nr, mempool_kmalloc, mempool_kfree, (void *)size);
}

/* Blocks of 2^order pages (struct page *): pool_data is the order. */
void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data);
void mempool_free_pages(void *element, void *pool_data);

static inline int mempool_init_page_pool(mempool_t *pool, int min_nr, int order)
{
	return mempool_init(pool, min_nr, mempool_alloc_pages, mempool_free_pages,
			    (void *)(long)order);
}

static inline mempool_t *mempool_create_page_pool(int min_nr, int order)
{
	return mempool_create(min_nr, mempool_alloc_pages, mempool_free_pages,
			      (void *)(long)order);
}

#endif
