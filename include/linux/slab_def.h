/* SPDX-License-Identifier: GPL-2.0 */
/*
 * slab_def.h - struct kmem_cache, and where each object keeps what.
 *
 * One slot of a slab (the stride, s->size bytes) looks like this:
 *
 *   | left red zone | object         | right red zone | free ptr, marker | orig_size | tracks |
 *   |<-red_left_pad>|<-object_size-->|                |  (if outside)   |  (kmalloc debug)   |
 *                   ^ the pointer handed out       ...inuse           ^ metadata
 *
 * Without debugging (and without a constructor) the free pointer lives
 * inside the free object itself, at offset 0: a free object's memory is the
 * cache's to use.  It is stored obfuscated, as with Linux's
 * CONFIG_SLAB_FREELIST_HARDENED (which Debian's kernels have, and mm386
 * always): pointer ^ the cache's random key ^ the byte-swapped address of
 * the slot it is stored in (mm/slab.h, freelist_ptr).  A use-after-free
 * write cannot aim the allocator at an address of its choosing: what it
 * wrote decodes to noise, and a decoded pointer that lands outside the
 * slab is reported and refused.  A constructor (objects must stay constructed while free)
 * or poisoning (the whole object is filled with 0x6b) moves it after the
 * object.  Next to the free pointer sits a marker word, FREE_MARKER ^ the
 * object's address, written on free and cleared on allocation: it lets every
 * kfree() spot a double free cheaply (confirmed by walking the slab's free
 * list), debugging or not.
 *
 * Slabs are described by their struct page (no separate slab header, as in
 * Linux's SLUB): PageSlab, page->slab_cache, page->freelist (first free
 * object), page->private (objects in use, low 16 bits; the slab's colour
 * offset, high 16 bits), page->s_mem (first object), page->lru (link in one
 * of the three lists).  Objects in use are counted per slab only:
 * slab_objects_in_use() adds them up when slabinfo or destroy needs it.
 */
#ifndef _LINUX_SLAB_DEF_H
#define _LINUX_SLAB_DEF_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm_types.h>

/* Who allocated or freed an object, and when (SLAB_STORE_USER). */
struct kmem_track {
	unsigned long addr;	/* the caller */
	unsigned long when;	/* jiffies */
};

struct kmem_cache {
	/* used by every allocation and free */
	unsigned int size;		/* stride: object plus red zones and metadata */
	unsigned int object_size;	/* what kmem_cache_create() was asked for */
	unsigned int offset;		/* free pointer's offset from the object */
	unsigned int red_left_pad;	/* bytes of left red zone */
	unsigned int num;		/* objects per slab */
	unsigned long flags;		/* SLAB_* */
	unsigned long random;		/* freelist key (CONFIG_SLAB_FREELIST_HARDENED) */
	unsigned int objs_size;		/* num * size: a free pointer must land below */
	/*
	 * The active slab (SLUB's "cpu slab"; mm386 has one CPU): allocation
	 * takes its objects until it is full, and frees into it need no list
	 * work at all.  It is on none of the lists.  Every other slab is on
	 * exactly one of them, by how many of its objects are in use.
	 */
	struct page *cpu_slab;
	struct list_head slabs_partial;	/* some objects in use */
	struct list_head slabs_full;	/* all objects in use */
	struct list_head slabs_free;	/* no object in use; at most min_partial kept */
	unsigned int order;		/* a slab is 2^order pages */
	gfp_t allocflags;		/* GFP_DMA for SLAB_CACHE_DMA */
	void (*ctor)(void *obj);
	unsigned int align;
	unsigned int inuse;		/* end of the right red zone */
	unsigned int meta_offset;	/* orig_size and tracks (debugging) */
	unsigned int kasan_offset;	/* struct kasan_meta (KASAN builds) */
	/* Bonwick's colouring: slab n starts its objects colour_off * c in,
	 * c = 0, 1, ..., colour - 1 in turn, so objects of different slabs
	 * do not all compete for the same cache lines. */
	unsigned int colour;
	unsigned int colour_off;
	unsigned int colour_next;
	unsigned int min_partial;	/* free slabs kept for reuse */
	/* the part of each object that may be copied to or from user space
	 * (kmem_cache_create_usercopy; the whole object for kmalloc caches) */
	unsigned int useroffset;
	unsigned int usersize;
	/* counts, shown by slabinfo */
	unsigned long nr_slabs;		/* the active slab and all on the lists */
	unsigned long nr_free_slabs;	/* slabs on slabs_free */
	unsigned long nr_grow, nr_shrink;	/* slabs made, slabs given back */
	const char *name;		/* kstrdup_const() of the creator's */
	struct list_head list;		/* on slab_caches */
};

extern struct list_head slab_caches;

/* The slab's bookkeeping in its struct page (see above). */
static inline unsigned int slab_inuse(const struct page *page)
{
	return page->private & 0xffff;
}

static inline unsigned int slab_colour(const struct page *page)
{
	return page->private >> 16;
}

#endif
