/* SPDX-License-Identifier: GPL-2.0 */
/*
 * slab.h - object caches (kmem_cache_*) and kmalloc, the seed articles'
 * most-used allocator.
 *
 * A kmem_cache hands out objects of one size.  It carves them out of
 * "slabs", blocks of 2^order pages from the buddy allocator, and keeps
 * freed objects for the next request instead of returning memory at once:
 * that is why kmalloc() is fast, and why its memory is physically
 * contiguous (a slab is).  kmalloc() is a set of caches of common sizes:
 *
 *   kmalloc-8 kmalloc-16 kmalloc-32 kmalloc-64 kmalloc-96 kmalloc-128
 *   kmalloc-192 kmalloc-256 kmalloc-512 kmalloc-1k kmalloc-2k kmalloc-4k
 *   kmalloc-8k, and dma-kmalloc-* for GFP_DMA
 *
 * Requests above 8 KB go straight to the page allocator, up to
 * KMALLOC_MAX_SIZE = 4 MB (order 10).  This is the modern Linux model that
 * seed 001 describes ("order <= 10"); seed 000's "128 KB" limit is Linux 2.4's
 * size-131072 cache (docs/slab.md).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <asm/page.h>
#include <linux/slab_def.h>	/* struct kmem_cache (Linux: slub_def.h, here too) */

/* kmem_cache_create() flags (Linux's values) */
#define SLAB_CONSISTENCY_CHECKS	0x00000100UL	/* extra checks on free */
#define SLAB_RED_ZONE		0x00000400UL	/* guard bytes around objects */
#define SLAB_POISON		0x00000800UL	/* 0x6b when free, 0x5a when new */
#define SLAB_HWCACHE_ALIGN	0x00002000UL	/* align objects to cache lines */
#define SLAB_CACHE_DMA		0x00004000UL	/* slabs from ZONE_DMA */
#define SLAB_STORE_USER		0x00010000UL	/* remember who allocated/freed */
#define SLAB_PANIC		0x00040000UL	/* panic if creation fails */
#define SLAB_RECLAIM_ACCOUNT	0x00020000UL	/* count as SReclaimable */
#define SLAB_KMALLOC		0x00100000UL	/* a kmalloc cache (internal) */

#define SLAB_DEBUG_FLAGS	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | \
				 SLAB_CONSISTENCY_CHECKS)

/* Poison values (include/linux/poison.h in Linux) */
#define POISON_INUSE	0x5a	/* a new object, not yet written */
#define POISON_FREE	0x6b	/* a freed object */
#define POISON_END	0xa5	/* the last byte of a freed object */
#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */

#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)		/* kmalloc-8k */
#define KMALLOC_MIN_SIZE	(1UL << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE	(1UL << (MAX_ORDER - 1 + PAGE_SHIFT))	/* 4 MB */

/*
 * kmalloc(0) returns this: not NULL (the allocation "worked") but a
 * pointer that faults when used, in the NULL page.  kfree() ignores it.
 */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);
int kmem_cache_shrink(struct kmem_cache *s);
const char *kmem_cache_name(const struct kmem_cache *s);
unsigned int kmem_cache_size(const struct kmem_cache *s);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/*
 * The kmalloc caches: [gfp & __GFP_DMA][kmalloc_index(size)] (slab_common.c).
 * They are made at boot and never go away, so they are static structs, not
 * pointers as in Linux: for a constant size, &kmalloc_caches[t][i] is a
 * constant too, and kmalloc() loads nothing to find its cache.
 */
enum kmalloc_cache_type {
	KMALLOC_NORMAL = 0,
	KMALLOC_DMA = __GFP_DMA,	/* 1: the type is gfp & __GFP_DMA, no branch */
	NR_KMALLOC_TYPES
};
extern struct kmem_cache kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t gfp)
{
	return gfp & __GFP_DMA;
}

/*
 * kmalloc_index - which kmalloc cache serves @size (1..8 KB), for a size
 * known at compile time: the comparisons fold to a constant.
 *
 *   index  1    2    3  4   5   6   7    8    9    10  11  12  13
 *   cache  96   192  8  16  32  64  128  256  512  1k  2k  4k  8k
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 8)
		return 3;
	if (size <= 16)
		return 4;
	if (size <= 32)
		return 5;
	if (size <= 64)
		return 6;
	if (size <= 96)
		return 1;
	if (size <= 128)
		return 7;
	if (size <= 192)
		return 2;
	if (size <= 256)
		return 8;
	if (size <= 512)
		return 9;
	if (size <= 1024)
		return 10;
	if (size <= 2048)
		return 11;
	if (size <= 4096)
		return 12;
	return 13;
}

void *__kmalloc(size_t size, gfp_t gfp);
void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp, size_t size);

/**
 * kmalloc - allocate physically contiguous kernel memory
 * @size: bytes; 0 gives ZERO_SIZE_PTR, above 4 MB gives NULL and a WARNING
 * @gfp: GFP_KERNEL (may sleep), GFP_ATOMIC (interrupts), | GFP_DMA, | __GFP_ZERO
 *
 * As in Linux 6.1, kmalloc() itself is inline: when @size is a constant
 * (kmalloc(100, ...)), the cache is picked at compile time and the call
 * goes straight to kmalloc_trace(cache); any other size goes through
 * __kmalloc(), which picks the cache at run time.  In GDB, break on those
 * two (docs/gdb.md).
 *
 * Return: the memory, at least @size bytes (ksize() tells how much), in
 * lowmem, so virt_to_phys() works on it; or NULL.
 */
static __always_inline void *kmalloc(size_t size, gfp_t gfp)
{
	if (__builtin_constant_p(size) && size && size <= KMALLOC_MAX_CACHE_SIZE &&
	    !(gfp & __GFP_HIGHMEM))
		return kmalloc_trace(&kmalloc_caches[kmalloc_type(gfp)][kmalloc_index(size)], gfp,
				     size);
	return __kmalloc(size, gfp);
}

void kfree(const void *obj);
size_t ksize(const void *obj);
void *krealloc(const void *p, size_t new_size, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
/*
 * kstrdup_const - @s itself when it is in the kernel's read-only data (it
 * lives as long as the kernel), else a kstrdup() copy.  Free the result
 * with kfree_const(), which frees only copies.
 */
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *p);
void *kmemdup(const void *src, size_t len, gfp_t gfp);

static __always_inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, gfp);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

/* The kmalloc cache that serves @size with @gfp (NULL above 8 KB). */
struct kmem_cache *kmalloc_slab(size_t size, gfp_t gfp);

/* mm/slab.c: set up the cache of caches and the kmalloc caches. */
void kmem_cache_init(void);
/* Give every cache's empty slabs back; returns the pages freed. */
unsigned long kmem_cache_shrink_all(void);
/* Check every slab of @s (and its objects when debugging): error count. */
int kmem_cache_validate(struct kmem_cache *s);
/* kmem_cache_validate() over every cache. */
int check_slab_caches(void);
/* Find a cache by name (the shell, tests); NULL if none. */
struct kmem_cache *kmem_cache_find(const char *name);

/*
 * struct kmem_obj_info - what the slab allocator knows of an address
 * (Linux keeps it in mm/slab.h, for kmem_dump_obj(); mm386's shell asks
 * too, before it frees what it did not allocate).
 */
struct kmem_obj_info {
	void *kp_ptr;			/* the address asked about */
	struct page *kp_slab;		/* its slab page */
	void *kp_objp;			/* the object it falls in (NULL: none) */
	unsigned long kp_data_offset;	/* kp_ptr - kp_objp */
	struct kmem_cache *kp_slab_cache;
	void *kp_ret;			/* who allocated it (slab_debug=U), or NULL */
	bool kp_free;			/* mm386: the object is on a free list now */
};
bool kmem_valid_obj(const void *object);
void kmem_obj_info(struct kmem_obj_info *kpp, const void *object);
void kmem_dump_obj(const void *object);

#endif
