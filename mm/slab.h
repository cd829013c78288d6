/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/slab.h - what slab.c, slab_common.c and slab_debug.c share.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/mm.h>

#define FREE_MARKER	0x51ab5eedUL	/* ^ object address: "this object is free" */

/* The slab's bookkeeping in its struct page (see slab_def.h). */
static inline unsigned int slab_inuse(const struct page *page)
{
	return page->private & 0xffff;
}

static inline unsigned int slab_colour(const struct page *page)
{
	return page->private >> 16;
}

static inline void *slab_first_object(const struct kmem_cache *s, const struct page *page)
{
	return (char *)lowmem_page_address(page) + slab_colour(page) + s->red_left_pad;
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
void *slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller, size_t orig_size);
void slab_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller,
	       const char *func);
struct kmem_cache *create_boot_cache(struct kmem_cache *s, const char *name,
				     unsigned int size, unsigned long flags);
bool on_freelist(const struct kmem_cache *s, const struct page *page, const void *obj);
void slab_report(const struct kmem_cache *s, const char *func, const void *obj,
		 unsigned long caller, const char *fmt, ...) __printf(5, 6);

/* mm/slab_debug.c: only called for caches with SLAB_DEBUG_FLAGS */
extern unsigned long slab_debug_flags;
void debug_init_new(struct kmem_cache *s, void *obj);
void debug_on_alloc(struct kmem_cache *s, struct page *page, void *obj,
		    unsigned long caller, size_t orig_size);
void debug_on_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller);
int debug_check_object(struct kmem_cache *s, struct page *page, void *obj, bool active);
void debug_set_orig_size(struct kmem_cache *s, void *obj, size_t size);

/* mm/slab_common.c */
void create_kmalloc_caches(void);
void kfree_large(struct page *page, const void *obj, unsigned long caller);

#endif
