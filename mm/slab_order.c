// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab_order.c - how a cache is laid out: one slot's layout (object,
 * red zones, free pointer, debugging metadata; slab_def.h draws it), the
 * slab's size by Linux 6.1 SLUB's calculate_order(), Bonwick's colours,
 * and which of init_on_alloc/init_on_free apply.  kmem_cache_open() puts
 * it together for kmem_cache_create() and the boot caches
 * (mm/slab_common.c); mm/slab.c runs the caches.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/bitops.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/kasan.h>
#include "slab.h"

#define SLAB_MIN_OBJECTS	8	/* SLUB: 4 * (fls(nr_cpu_ids) + 1), one CPU */
#define CACHE_LINE_SIZE		64
#define MIN_PARTIAL		5
#define MAX_PARTIAL		10

static unsigned int calculate_alignment(unsigned long flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = CACHE_LINE_SIZE;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = ALIGN(max_t(unsigned int, align, sizeof(void *)), sizeof(void *));
#ifdef CONFIG_KASAN
	align = max_t(unsigned int, align, KASAN_GRANULE_SIZE);	/* objects start granules */
#endif
	return align;
}

/*
 * calculate_sizes - lay out one slot (see slab_def.h).  Offsets are from
 * the object pointer; s->size, the stride, counts the left red zone too.
 */
static void calculate_sizes(struct kmem_cache *s)
{
	unsigned int inuse = ALIGN(s->object_size, sizeof(void *));
	unsigned int meta;
	unsigned int kasan_redzone, kasan_meta = kasan_cache_extra(s, &kasan_redzone);

	s->red_left_pad = 0;
	if (s->flags & SLAB_RED_ZONE) {
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		if (inuse == s->object_size)	/* at least one word on the right */
			inuse += sizeof(void *);
	}
	if (kasan_meta) {		/* KASAN: redzones on both sides (mm/kasan/common.c) */
		s->red_left_pad = max(s->red_left_pad, ALIGN(2 * KASAN_GRANULE_SIZE, s->align));
		inuse = ALIGN(inuse, KASAN_GRANULE_SIZE) + kasan_redzone;
	}
	s->inuse = inuse;
	meta = inuse;
	if (s->ctor || (s->flags & SLAB_POISON) || s->object_size < 2 * sizeof(void *)) {
		s->offset = meta;		/* free pointer and marker outside */
		meta += 2 * sizeof(void *);
	} else {
		s->offset = 0;			/* inside the free object */
	}
	s->meta_offset = meta;
	if (s->flags & SLAB_DEBUG_FLAGS)	/* orig_size, alloc and free tracks */
		meta += sizeof(unsigned long) + 2 * sizeof(struct kmem_track);
	s->kasan_offset = meta;
	meta += kasan_meta;
	s->size = ALIGN(s->red_left_pad + meta, s->align);
}

/*
 * calc_slab_order - SLUB's: the smallest order, from the one that holds
 * @min_objects up, whose slab wastes at most 1/@fract_leftover of itself
 * (> @max_order if none does).
 */
static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects,
				    unsigned int max_order, unsigned int fract_leftover)
{
	unsigned int order;

	for (order = get_order(min_objects * size); order <= max_order; order++) {
		unsigned int slab_size = PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/*
 * calculate_order - Linux 6.1 SLUB's slab size for objects of s->size
 * bytes: aim for min_objects = 4 * (fls(nr_cpu_ids) + 1) = 8 objects per
 * slab (one CPU) wasting at most 1/16 of it, then allow 1/8 and 1/4, then
 * fewer objects, up to order 3 (PAGE_ALLOC_COSTLY_ORDER).  So kmalloc-1k
 * is 8 objects in 2 pages, kmalloc-4k 8 in 8, kmalloc-8k 4 in 8.  Sets
 * num, order, the colours (Bonwick's, which SLUB leaves out) and
 * min_partial; -1 if the objects do not fit in 8 pages.
 */
static int calculate_order(struct kmem_cache *s)
{
	unsigned int min_objects = SLAB_MIN_OBJECTS, fraction, order;

	if (s->size > PAGE_SIZE << SLAB_MAX_ORDER)
		return -1;
	min_objects = min(min_objects, (unsigned int)(PAGE_SIZE << SLAB_MAX_ORDER) / s->size);
	for (; min_objects > 1; min_objects--)
		for (fraction = 16; fraction >= 4; fraction /= 2) {
			order = calc_slab_order(s->size, min_objects, SLAB_MAX_ORDER, fraction);
			if (order <= SLAB_MAX_ORDER)
				goto found;
		}
	order = calc_slab_order(s->size, 1, SLAB_MAX_ORDER, 1);
found:
	s->order = order;
	s->num = (PAGE_SIZE << order) / s->size;
	s->objs_size = s->num * s->size;
	s->colour_off = max_t(unsigned int, CACHE_LINE_SIZE, s->align);
	s->colour = ((PAGE_SIZE << order) - s->num * s->size) / s->colour_off;
	s->colour_next = 0;
	s->min_partial = clamp((unsigned int)ilog2(s->size) / 2, MIN_PARTIAL, MAX_PARTIAL);
	return 0;
}

/*
 * slab_init_flags - which of init_on_alloc/init_on_free apply to a new
 * cache (Linux's slab_want_init_on_alloc/free): not to caches whose free
 * objects must keep their contents (a constructor's work, an RCU reader's
 * view) or that poison them anyway.
 */
static unsigned long slab_init_flags(unsigned long flags, void (*ctor)(void *))
{
	unsigned long init = 0;

	if (ctor || (flags & (SLAB_TYPESAFE_BY_RCU | SLAB_POISON)))
		return 0;
	if (want_init_on_alloc(0))
		init |= __SLAB_INIT_ON_ALLOC;
	if (want_init_on_free())
		init |= __SLAB_INIT_ON_FREE;
	return init;
}

// Set up a cache whose struct is already allocated; 0 or -errno.
int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
			   unsigned int align, unsigned long flags, void (*ctor)(void *))
{
	memset(s, 0, sizeof(*s));
	/*
	 * Refuse what no slab can hold before any arithmetic on the size:
	 * near 4 GB, ALIGN() and the red zones would wrap it round to a few
	 * bytes, or to 0 and a division by zero in calculate_order().
	 */
	if (size > PAGE_SIZE << SLAB_MAX_ORDER)
		return -1;
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	flags |= slab_debug_flags;
	if (ctor)
		flags &= ~SLAB_POISON;	/* objects must stay constructed */
	flags |= slab_init_flags(flags, ctor);
	s->flags = flags;
	s->random = get_random_u32();	/* the key of its hardened free pointers (mm/slab.h) */
	s->align = calculate_alignment(flags, align, size);
	s->allocflags = (flags & SLAB_CACHE_DMA) ? GFP_DMA : 0;
	INIT_LIST_HEAD(&s->slabs_partial);
	INIT_LIST_HEAD(&s->slabs_full);
	INIT_LIST_HEAD(&s->slabs_free);
	calculate_sizes(s);
	if (calculate_order(s))
		return -1;
	list_add(&s->list, &slab_caches);
	return 0;
}

struct kmem_cache *create_boot_cache(struct kmem_cache *s, const char *name,
				     unsigned int size, unsigned long flags)
{
	/* kmalloc memory is 8-byte aligned, and naturally so for powers of two. */
	unsigned int align = is_power_of_2(size) ? size : 8;

	if (kmem_cache_open(s, name, size, align, flags, NULL))
		panic("create_boot_cache: cannot create %s (size %u)", name, size);
	return s;
}
