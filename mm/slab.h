/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/slab.h - what slab.c, slab_common.c and slab_debug.c share.
 *
 * They depend downward only: slab_common.c (kmalloc, creating and
 * destroying caches, the bootstrap, slabinfo) and slab_bulk.c call slab.c
 * (the caches themselves, and kfree), which calls slab_debug.c (checks
 * for caches with SLAB_DEBUG_FLAGS); slab_order.c (a cache's layout and
 * slab order) is below them all; tools/mm_deps.py checks it.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/swab.h>
#include <linux/fault-inject.h>
#include <linux/kasan.h>
#include <linux/string.h>

#define FREE_MARKER	0x51ab5eedUL	/* ^ object address: "this object is free" */

/*
 * Internal s->flags bits, set by kmem_cache_open(): zero objects on
 * allocation / on free (init_on_alloc=, init_on_free=; not for caches with
 * a constructor, SLAB_TYPESAFE_BY_RCU or poisoning, as in Linux).  They
 * share the fast paths' one test with the debugging flags.
 */
#define __SLAB_INIT_ON_ALLOC	0x40000000UL
#define __SLAB_INIT_ON_FREE	0x80000000UL
#define SLAB_POST_ALLOC_FLAGS	(SLAB_DEBUG_FLAGS | __SLAB_INIT_ON_ALLOC | __SLAB_INIT_ON_FREE)
#define SLAB_SLOW_FREE_FLAGS	(SLAB_DEBUG_FLAGS | __SLAB_INIT_ON_FREE)
#define SLAB_MAX_ORDER	3		/* slabs of up to 8 pages */

/* A KASAN build sends every free through KASAN's checks (slab_free()). */
#ifdef CONFIG_KASAN
#define SLAB_FREE_FAST_PATH	0
#else
#define SLAB_FREE_FAST_PATH	1
#endif

static inline void *slab_first_object(const struct page *page)
{
	return page->s_mem;
}

static inline void **freeptr_of(const struct kmem_cache *s, const void *obj)
{
	return (void **)((char *)obj + s->offset);
}

/*
 * freelist_ptr - CONFIG_SLAB_FREELIST_HARDENED, always on: the free
 * pointer as stored at @slot is @ptr ^ the cache's key ^ @slot's address
 * byte-swapped (Linux's formula); the same xor decodes it.
 */
static __always_inline void *freelist_ptr(const struct kmem_cache *s, const void *ptr,
					  void *const *slot)
{
	return (void *)((unsigned long)ptr ^ s->random ^ swab((unsigned long)slot));
}

// The next free object after free object @obj (decoded).
static __always_inline void *get_freepointer(const struct kmem_cache *s, const void *obj)
{
	void **slot = freeptr_of(s, obj);

	return freelist_ptr(s, *slot, slot);
}

static __always_inline void set_freepointer(const struct kmem_cache *s, void *obj, void *next)
{
	void **slot = freeptr_of(s, obj);

	*slot = freelist_ptr(s, next, slot);
}

/*
 * freeptr_outside - is decoded free pointer @next neither NULL nor inside
 * @page's objects?  One subtraction and one comparison: a corrupted
 * pointer decodes to noise, which lands outside with near certainty.
 */
static __always_inline bool freeptr_outside(const struct kmem_cache *s, const struct page *page,
					    const void *next)
{
	return next && (unsigned long)((const char *)next - (const char *)page->s_mem) >= s->objs_size;
}

static inline unsigned long *free_marker_of(const struct kmem_cache *s, const void *obj)
{
	return (unsigned long *)((char *)obj + s->offset + sizeof(void *));
}

/* mm/slab_order.c */
int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
		    unsigned int align, unsigned long flags, void (*ctor)(void *));
struct kmem_cache *create_boot_cache(struct kmem_cache *s, const char *name,
				     unsigned int size, unsigned long flags);

/* mm/slab.c */
void __kmem_cache_shutdown(struct kmem_cache *s);
void kfree_large(struct page *page, const void *obj, unsigned long caller);
size_t kmalloc_block_size(const void *obj, const char *func, unsigned long caller);
struct page *refill_cpu_slab(struct kmem_cache *s, gfp_t gfp, unsigned long flags);
void slab_post_alloc(struct kmem_cache *s, struct page *page, void *obj, gfp_t gfp,
		     unsigned long caller, size_t orig_size);
void __slab_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller,
		 const char *func);
void slab_free_list_work(struct kmem_cache *s, struct page *page, unsigned long flags);
unsigned long slab_objects_in_use(struct kmem_cache *s);
bool on_freelist(const struct kmem_cache *s, const struct page *page, const void *obj);
void *freelist_corrupt(struct kmem_cache *s, struct page *page, void *obj, void *next,
		       unsigned long caller);
void slab_kasan_init(void);
void slab_report(const struct kmem_cache *s, const char *func, const void *obj,
		 unsigned long caller, const char *fmt, ...) __printf(5, 6);

/*
 * link_free_object - push @obj on @page's free chain (interrupts off).
 * @fp: freeptr_of(@s, @obj); the free marker is the word after it
 */
static __always_inline void link_free_object(const struct kmem_cache *s, struct page *page,
					     void *obj, void **fp)
{
	fp[0] = freelist_ptr(s, page->freelist, fp);
	fp[1] = (void *)(FREE_MARKER ^ (unsigned long)obj);
	page->freelist = obj;
	page->private--;
}

/*
 * take_free_object - pop @page's first free object (interrupts off).  A
 * free pointer that decodes to outside the slab is reported and the chain
 * cut there (freelist_corrupt(), for @caller's report).
 */
static __always_inline void *take_free_object(struct kmem_cache *s, struct page *page,
					      unsigned long caller)
{
	void *obj = page->freelist, **fp = freeptr_of(s, obj);
	void *next = freelist_ptr(s, fp[0], fp);

	if (unlikely(freeptr_outside(s, page, next)))
		next = freelist_corrupt(s, page, obj, next, caller);
	page->freelist = next;
	fp[1] = NULL;				/* the free marker */
	page->private++;
	return obj;
}

// Does a new object of @s, allocated with @gfp, need anything more (zeroing, debugging)?
static __always_inline bool slab_wants_post_alloc(const struct kmem_cache *s, gfp_t gfp)
{
	return unlikely((gfp & __GFP_ZERO) || (s->flags & SLAB_POST_ALLOC_FLAGS));
}

/*
 * slab_post_alloc_hook - what a new object may still need.  Zeroing alone
 * (kzalloc, init_on_alloc), the common extra, is done right here, with
 * memset's stores inlined (__memset_inline); debugging and init_on_free
 * caches go through slab_post_alloc().
 */
static __always_inline void slab_post_alloc_hook(struct kmem_cache *s, struct page *page,
						 void *obj, gfp_t gfp, unsigned long caller,
						 size_t orig_size)
{
	if (!slab_wants_post_alloc(s, gfp))
		return;
	/* (read again: keeping the flags in a register costs the fast path) */
	if (likely(!(READ_ONCE(s->flags) & (SLAB_DEBUG_FLAGS | __SLAB_INIT_ON_FREE))))
		__memset_inline(obj, 0, s->object_size);
	else
		slab_post_alloc(s, page, obj, gfp, caller, orig_size);
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
	void *obj;

	local_irq_save(flags);
	might_sleep_flags_if(gfpflags_allow_blocking(gfp), flags);
	if (should_failslab(s, gfp)) {		/* mm/failslab.c */
		local_irq_restore(flags);
		return NULL;
	}
	page = s->cpu_slab;
	if (unlikely(!page || !page->freelist)) {
		page = refill_cpu_slab(s, gfp, flags);
		if (unlikely(!page)) {
			local_irq_restore(flags);
			return NULL;
		}
	}
	obj = take_free_object(s, page, caller);
	local_irq_restore(flags);
	kasan_slab_alloc(s, obj, orig_size, caller);
	slab_post_alloc_hook(s, page, obj, gfp, caller, orig_size);
	return obj;
}

/*
 * slab_free_is_plain - may @obj go straight back to @page, its slab: it
 * starts one of the slab's objects, it does not carry the free marker, and
 * @s needs no debugging or init_on_free?  @fp: freeptr_of(@s, @obj).
 */
static __always_inline bool slab_free_is_plain(const struct kmem_cache *s,
					       const struct page *page, const void *obj,
					       void **fp)
{
	unsigned long off = (const char *)obj - (const char *)slab_first_object(page);

	return !(off % s->size || off / s->size >= s->num ||	/* one div gives both */
		 fp[1] == (void *)(FREE_MARKER ^ (unsigned long)obj) ||	/* free marker */
		 (s->flags & SLAB_SLOW_FREE_FLAGS));
}

// Push plain object @obj (slab_free_is_plain) on @page's free chain.
static __always_inline void slab_free_plain(struct kmem_cache *s, struct page *page, void *obj,
					    void **fp)
{
	unsigned long flags;

	local_irq_save(flags);
	link_free_object(s, page, obj, fp);
	if (likely(page == s->cpu_slab))
		local_irq_restore(flags);
	else
		slab_free_list_work(s, page, flags);
}

/*
 * do_slab_free - give @obj back to its slab (@func is kfree or
 * kmem_cache_free, for reports).  A plain free is a push; anything else
 * goes to __slab_free(), which reports misuse and runs the debugging checks.
 */
static __always_inline void do_slab_free(struct kmem_cache *s, struct page *page, void *obj,
					 unsigned long caller, const char *func)
{
	void **fp = freeptr_of(s, obj);

	if (unlikely(!slab_free_is_plain(s, page, obj, fp)))
		__slab_free(s, page, obj, caller, func);
	else
		slab_free_plain(s, page, obj, fp);
}

/*
 * slab_free - kfree() and kmem_cache_free(): in a KASAN build the object
 * first goes through KASAN's checks and its quarantine (mm/kasan/common.c),
 * which gives it to do_slab_free() later; otherwise straight there.
 */
static __always_inline void slab_free(struct kmem_cache *s, struct page *page, void *obj,
				      unsigned long caller, const char *func)
{
	if (kasan_slab_free(s, page, obj, caller))
		return;
	do_slab_free(s, page, obj, caller, func);
}

/* mm/slab_debug.c: only called for caches with SLAB_DEBUG_FLAGS */
extern unsigned long slab_debug_flags;
void debug_init_new(struct kmem_cache *s, void *obj);
void debug_on_alloc(struct kmem_cache *s, struct page *page, void *obj,
		    unsigned long caller, size_t orig_size);
void debug_on_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller);
int debug_check_object(struct kmem_cache *s, struct page *page, void *obj, bool active);
void debug_take_out_of_use(struct kmem_cache *s, struct page *page, void *obj);
void debug_set_orig_size(struct kmem_cache *s, void *obj, size_t size);
unsigned long slab_alloc_caller(const struct kmem_cache *s, const void *obj);

/* mm/slab_common.c: the cache of caches, for kmem_cache_create() */
extern struct kmem_cache *kmem_cache;

#endif
