/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kasan.h - the Kernel Address SANitizer for i386 (make KASAN=1).
 *
 * Linux has no KASAN on x86_32: the shadow of 4 GB, one byte per 8, would
 * be 512 MB.  mm386 shadows only the kernel's gigabyte: 128 MB of address
 * space, carved out of the vmalloc area just below the pkmap window:
 *
 *   KASAN_SHADOW_START  0xf7800000   shadow(PAGE_OFFSET)
 *   KASAN_SHADOW_END    0xff800000   shadow(4 GB) = PKMAP_BASE
 *   shadow(addr)        (addr >> 3) + KASAN_SHADOW_OFFSET (0xdf800000)
 *
 * VMALLOC_END moves down by 128 MB, and so does the lowmem limit
 * (MAXMEM).  Only the shadow of lowmem gets RAM at boot (an eighth of
 * lowmem); the shadow of vmalloc areas gets pages when they are mapped;
 * everything else (the gap, pkmap, fixmap) reads as one shared zero page.
 *
 * A shadow byte says how many of the 8 bytes it covers are accessible:
 * 0 all of them, 1-7 the first N, a negative value none - and why
 * (the KASAN_* values below, Linux 6.1's).  The compiler
 * (-fsanitize=kernel-address) calls __asan_loadN/__asan_storeN before
 * every access and poisons the redzones of stack frames and globals
 * itself; mm/kasan/ does the rest: slab and kmalloc redzones, freed
 * objects (held in a quarantine), free pages, vmalloc areas, and the
 * reports.  docs/reliability.md shows them and what they cost.
 */
#ifndef _LINUX_KASAN_H
#define _LINUX_KASAN_H

#include <linux/types.h>

struct kmem_cache;
struct page;

#define KASAN_SHADOW_SCALE_SHIFT	3
#define KASAN_GRANULE_SIZE		(1UL << KASAN_SHADOW_SCALE_SHIFT)
#define KASAN_GRANULE_MASK		(KASAN_GRANULE_SIZE - 1)
#define KASAN_SHADOW_START		0xf7800000UL
#define KASAN_SHADOW_END		0xff800000UL
#define KASAN_SHADOW_OFFSET		0xdf800000UL	/* the compiler's -fasan-shadow-offset */

/* Shadow values (Linux 6.1's mm/kasan/kasan.h; the stack ones are compiler ABI). */
#define KASAN_PAGE_FREE		0xFF	/* a freed page */
#define KASAN_PAGE_REDZONE	0xFE	/* past a kmalloc_large block */
#define KASAN_SLAB_REDZONE	0xFC	/* a slab object's redzone */
#define KASAN_SLAB_FREE		0xFB	/* a freed slab object */
#define KASAN_GLOBAL_REDZONE	0xF9	/* after a global variable */
#define KASAN_VMALLOC_INVALID	0xF8	/* the unused part of a vmalloc area */
#define KASAN_STACK_LEFT	0xF1
#define KASAN_STACK_MID		0xF2
#define KASAN_STACK_RIGHT	0xF3
#define KASAN_STACK_PARTIAL	0xF4
#define KASAN_ALLOCA_LEFT	0xCA
#define KASAN_ALLOCA_RIGHT	0xCB

#define KASAN_STACK_DEPTH	6	/* frames kept of an allocation or free */

/* Who allocated or freed an object: the call chain (mm386 keeps no depot). */
struct kasan_track {
	unsigned long stack[KASAN_STACK_DEPTH];
};

/* Per slab object, after slab_debug's metadata (mm/slab.c calculate_sizes). */
struct kasan_meta {
	struct kasan_track alloc, free;
	void *qnext;			/* the quarantine's list */
};

#ifdef CONFIG_KASAN

/*
 * kasan_quiet(expr) - run code that reads redzones and freed objects on
 * purpose (slab_debug's pattern checks): no reports meanwhile, as Linux's
 * metadata_access_enable() does.
 */
extern int kasan_depth;
#define kasan_quiet(expr)	do { kasan_depth++; expr; kasan_depth--; } while (0)
#define kasan_quiet_val(expr)	({ __typeof__(expr) __v; kasan_depth++; __v = (expr); kasan_depth--; __v; })

static inline void *kasan_mem_to_shadow(const void *addr)
{
	return (void *)(((unsigned long)addr >> KASAN_SHADOW_SCALE_SHIFT) + KASAN_SHADOW_OFFSET);
}

extern bool kasan_enabled;
extern const char *kasan_last_bug;	/* "slab-out-of-bounds"...: the last report's kind */
extern unsigned long kasan_reports, kasan_quarantine_objects, kasan_quarantine_bytes;
extern unsigned long kasan_lowmem_shadow_bytes, kasan_vmalloc_shadow_pages, kasan_globals;

void kasan_init(void);			/* paging_init, once lowmem is mapped */
void kasan_poison(const void *addr, size_t size, u8 value);
void kasan_unpoison(const void *addr, size_t size);

/* The page allocator (lowmem pages only: HighMem has no permanent address). */
void kasan_alloc_pages(struct page *page, unsigned int order);
void kasan_free_pages(struct page *page, unsigned int order);
void kasan_kmalloc_large(const void *ptr, size_t size, unsigned int order);

/* The slab layer. */
unsigned int kasan_cache_extra(struct kmem_cache *s, unsigned int *redzone);
void kasan_poison_slab(struct kmem_cache *s, struct page *page);
void kasan_unpoison_new_object(struct kmem_cache *s, void *obj);
void kasan_poison_new_object(struct kmem_cache *s, void *obj);
void kasan_slab_alloc(struct kmem_cache *s, void *obj, size_t size, unsigned long caller);
bool kasan_slab_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller);
void kasan_krealloc(const void *obj, size_t new_size);
void kasan_quarantine_drain(void);
/* ksize(): the whole block is the caller's now. */
static inline void kasan_unpoison_object(const void *obj, size_t size)
{
	kasan_unpoison(obj, size);
}
/* slab.c fills it: give a quarantined object back to its slab for good. */
extern void (*kasan_release_object)(struct kmem_cache *s, void *obj);

/* vmalloc: shadow pages for an area, then its bytes accessible or not. */
int kasan_populate_vmalloc(unsigned long addr, unsigned long size, gfp_t gfp);
void kasan_unpoison_vmalloc(const void *addr, unsigned long size);
void kasan_poison_vmalloc(const void *addr, unsigned long size);

/* After a longjmp out of deep frames: their redzones are stale. */
void kasan_unpoison_stack_below(const void *sp);
/* Shadow pages vmalloc areas were given: kept, as page tables are. */
static inline unsigned long kasan_kept_pages(void)
{
	return kasan_vmalloc_shadow_pages;
}

/* Is the slab object at @obj freed (poisoned as such, in the quarantine)? */
static inline bool kasan_object_freed(const void *obj)
{
	return kasan_enabled && *(const u8 *)kasan_mem_to_shadow(obj) == KASAN_SLAB_FREE;
}

#else

#define kasan_quiet(expr)	do { expr; } while (0)
#define kasan_quiet_val(expr)	(expr)

static inline bool kasan_object_freed(const void *obj)
{
	return false;
}

static inline void kasan_init(void) { }
static inline void kasan_alloc_pages(struct page *page, unsigned int order) { }
static inline void kasan_free_pages(struct page *page, unsigned int order) { }
static inline void kasan_kmalloc_large(const void *ptr, size_t size, unsigned int order) { }
static inline unsigned int kasan_cache_extra(struct kmem_cache *s, unsigned int *redzone)
{
	*redzone = 0;
	return 0;
}
static inline void kasan_poison_slab(struct kmem_cache *s, struct page *page) { }
static inline void kasan_unpoison_new_object(struct kmem_cache *s, void *obj) { }
static inline void kasan_poison_new_object(struct kmem_cache *s, void *obj) { }
static inline void kasan_slab_alloc(struct kmem_cache *s, void *obj, size_t size,
				    unsigned long caller) { }
static inline bool kasan_slab_free(struct kmem_cache *s, struct page *page, void *obj,
				   unsigned long caller)
{
	return false;
}
static inline void kasan_krealloc(const void *obj, size_t new_size) { }
static inline void kasan_unpoison_object(const void *obj, size_t size) { }
static inline void kasan_quarantine_drain(void) { }
static inline int kasan_populate_vmalloc(unsigned long addr, unsigned long size, gfp_t gfp)
{
	return 0;
}
static inline void kasan_unpoison_vmalloc(const void *addr, unsigned long size) { }
static inline void kasan_poison_vmalloc(const void *addr, unsigned long size) { }
static inline void kasan_unpoison_stack_below(const void *sp) { }
static inline unsigned long kasan_kept_pages(void) { return 0; }

#endif /* CONFIG_KASAN */

#endif
