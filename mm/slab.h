/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/slab.h - what slab.c, slab_common.c and slab_debug.c share.
 *
 * They depend downward only: slab_common.c (kmalloc, creating and
 * destroying caches, the bootstrap) calls slab.c (the caches themselves,
 * and kfree), which calls slab_debug.c (checks for caches with
 * SLAB_DEBUG_FLAGS); tools/mm_deps.py checks it.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>

#define FREE_MARKER	0x51ab5eedUL	/* ^ object address: "this object is free" */
#define SLAB_MAX_ORDER	3		/* slabs of up to 8 pages */

static inline void *slab_first_object(const struct page *page)
{
	return page->s_mem;
}

static inline void **freeptr_of(const struct kmem_cache *s, const void *obj)
{
	return (void **)((char *)obj + s->offset);
}

static inline unsigned long *free_marker_of(const struct kmem_cache *s, const void *obj)
{
	return (unsigned long *)((char *)obj + s->offset + sizeof(void *));
}

/* mm/slab.c */
int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
		    unsigned int align, unsigned long flags, void (*ctor)(void *));
void __kmem_cache_shutdown(struct kmem_cache *s);
void kfree_large(struct page *page, const void *obj, unsigned long caller);
struct page *refill_cpu_slab(struct kmem_cache *s, gfp_t gfp, unsigned long flags);
void slab_post_alloc(struct kmem_cache *s, struct page *page, void *obj, gfp_t gfp,
		     unsigned long caller, size_t orig_size);
void __slab_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller,
		 const char *func);
void slab_free_list_work(struct kmem_cache *s, struct page *page, unsigned long flags);
unsigned long slab_objects_in_use(struct kmem_cache *s);
struct kmem_cache *create_boot_cache(struct kmem_cache *s, const char *name,
				     unsigned int size, unsigned long flags);
bool on_freelist(const struct kmem_cache *s, const struct page *page, const void *obj);
void slab_report(const struct kmem_cache *s, const char *func, const void *obj,
		 unsigned long caller, const char *fmt, ...) __printf(5, 6);

/*
 * link_free_object - push @obj on @page's free chain (interrupts off).
 * @fp: freeptr_of(cache, @obj); the free marker is the word after it
 */
static __always_inline void link_free_object(struct page *page, void *obj, void **fp)
{
	fp[0] = page->freelist;
	fp[1] = (void *)(FREE_MARKER ^ (unsigned long)obj);
	page->freelist = obj;
	page->private--;
}

/*
 * slab_alloc - the one allocation path of kmem_cache_alloc() and kmalloc()
 * @orig_size: the size the caller asked for (kmalloc red-zones the rest
 *             when debugging)
 *
 * The fast path, inlined into both: pop the active slab's first free
 * object with interrupts off.  Everything else (a new active slab,
 * debugging, zeroing) is out of line.
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
					size_t orig_size)
{
	unsigned long flags;
	struct page *page;
	void *obj, **fp;

	local_irq_save(flags);
	if (gfpflags_allow_blocking(gfp))
		might_sleep_flags(flags);
	page = s->cpu_slab;
	if (unlikely(!page || !page->freelist)) {
		page = refill_cpu_slab(s, gfp, flags);
		if (unlikely(!page)) {
			local_irq_restore(flags);
			return NULL;
		}
	}
	obj = page->freelist;
	fp = freeptr_of(s, obj);
	page->freelist = fp[0];
	fp[1] = NULL;				/* the free marker */
	page->private++;
	local_irq_restore(flags);
	if (unlikely((gfp & __GFP_ZERO) || (s->flags & SLAB_DEBUG_FLAGS)))
		slab_post_alloc(s, page, obj, gfp, caller, orig_size);
	return obj;
}

/*
 * slab_free - give @obj back to its slab (@func is kfree or
 * kmem_cache_free, for reports).  The fast path checks that @obj starts an
 * object of @page and does not carry the free marker; anything else goes to
 * __slab_free(), which reports misuse and runs the debugging checks.
 */
static __always_inline void slab_free(struct kmem_cache *s, struct page *page, void *obj,
				      unsigned long caller, const char *func)
{
	unsigned long off = (char *)obj - (char *)slab_first_object(page);
	unsigned long idx = off / s->size, flags;	/* one div gives both */
	void **fp = freeptr_of(s, obj);

	if (unlikely(off % s->size || idx >= s->num ||
		     fp[1] == (void *)(FREE_MARKER ^ (unsigned long)obj) ||	/* free marker */
		     (s->flags & SLAB_DEBUG_FLAGS))) {
		__slab_free(s, page, obj, caller, func);
		return;
	}
	local_irq_save(flags);
	link_free_object(page, obj, fp);
	if (likely(page == s->cpu_slab))
		local_irq_restore(flags);
	else
		slab_free_list_work(s, page, flags);
}

/* mm/slab_debug.c: only called for caches with SLAB_DEBUG_FLAGS */
extern unsigned long slab_debug_flags;
void debug_init_new(struct kmem_cache *s, void *obj);
void debug_on_alloc(struct kmem_cache *s, struct page *page, void *obj,
		    unsigned long caller, size_t orig_size);
void debug_on_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller);
int debug_check_object(struct kmem_cache *s, struct page *page, void *obj, bool active);
void debug_set_orig_size(struct kmem_cache *s, void *obj, size_t size);
unsigned long slab_alloc_caller(const struct kmem_cache *s, const void *obj);

/* mm/slab_common.c: the cache of caches, for kmem_cache_create() */
extern struct kmem_cache *kmem_cache;

#endif
