// SPDX-License-Identifier: GPL-2.0
/*
 * mm/kasan/common.c - KASAN's hooks in the allocators, and the globals.
 *
 * Slab objects.  In a KASAN build every cache has, around each object, a
 * left redzone of 16 bytes and a right one that grows with the object
 * (Linux's optimal_redzone: 16 bytes for small objects up to 2 KB for
 * huge ones), and after them struct kasan_meta: who allocated and who
 * freed it (KASAN_STACK_DEPTH return addresses each) and a link for the
 * quarantine (mm/slab.c calculate_sizes asks kasan_cache_extra()).
 *
 *   new slab     all of it poisoned KASAN_SLAB_REDZONE (0xfc)
 *   allocation   the bytes asked for accessible; the rest of the object
 *                redzone, so kmalloc(120) from kmalloc-128 catches p[120]
 *   free         the object poisoned KASAN_SLAB_FREE (0xfb), the free
 *                noted, and the object held in the quarantine, a FIFO of
 *                1/32 of RAM: a use after free stays detectable until
 *                the object is really given back, well after kfree().
 *                A free of an object already free is "double-free"; of
 *                something that is no object's start, "invalid-free".
 *
 * Pages: a freed lowmem page is poisoned KASAN_PAGE_FREE and unpoisoned
 * when allocated; kmalloc_large() poisons what lies past the size asked
 * for (KASAN_PAGE_REDZONE).  Globals: the compiler lays a redzone after
 * each one and registers them from constructors, run by kasan_init().
 * This file is not instrumented.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <linux/export.h>
#include "kasan.h"

/* ---------------------------------------------------------------------
 * Tracks: who allocated, who freed
 */

/*
 * kasan_save_track - the call chain of an allocation or free, starting at
 * @caller (the function that called kmalloc, kfree...), by the frame
 * pointers; the allocator's own frames in between are skipped.
 */
void kasan_save_track(struct kasan_track *t, unsigned long caller)
{
	unsigned long bp = (unsigned long)__builtin_frame_address(0);
	unsigned long base = bp & ~(THREAD_SIZE - 1);
	unsigned int n = 0, depth = 0;
	bool found = false;

	__memset(t, 0, sizeof(*t));
	t->stack[n++] = caller;
	while (bp > base && bp + 8 <= base + THREAD_SIZE && depth++ < 32 &&
	       n < KASAN_STACK_DEPTH) {
		unsigned long next = ((unsigned long *)bp)[0], ret = ((unsigned long *)bp)[1];

		if (!next)		/* start_kernel's frame: its return is into head.asm */
			break;
		if (found)
			t->stack[n++] = ret;
		else if (ret == caller)
			found = true;
		if (next <= bp)
			break;
		bp = next;
	}
}

/* ---------------------------------------------------------------------
 * Slab caches
 */

static unsigned int optimal_redzone(unsigned int object_size)
{
	return object_size <= 64 - 16 ? 16 :
	       object_size <= 128 - 32 ? 32 :
	       object_size <= 512 - 64 ? 64 :
	       object_size <= 4096 - 128 ? 128 :
	       object_size <= (1 << 14) - 256 ? 256 : 512;
}

/*
 * kasan_cache_extra - what a cache's slot needs for KASAN: *@redzone bytes
 * after the object (the left redzone is mm/slab.c's red_left_pad), and
 * the returned bytes of metadata.
 */
unsigned int kasan_cache_extra(struct kmem_cache *s, unsigned int *redzone)
{
	*redzone = optimal_redzone(s->object_size);
	return sizeof(struct kasan_meta);
}

struct kasan_meta *kasan_meta_of(const struct kmem_cache *s, const void *obj)
{
	return (struct kasan_meta *)((char *)obj + s->kasan_offset);
}

void kasan_poison_slab(struct kmem_cache *s, struct page *page)
{
	kasan_poison(page_address(page), PAGE_SIZE << s->order, KASAN_SLAB_REDZONE);
}

/* Around a constructor, which is instrumented code: the object is its to write. */
void kasan_unpoison_new_object(struct kmem_cache *s, void *obj)
{
	kasan_unpoison(obj, s->object_size);
}

void kasan_poison_new_object(struct kmem_cache *s, void *obj)
{
	kasan_poison(obj, round_up(s->object_size, KASAN_GRANULE_SIZE), KASAN_SLAB_REDZONE);
}

/* An object is handed out: @size bytes of it are the caller's. */
void kasan_slab_alloc(struct kmem_cache *s, void *obj, size_t size, unsigned long caller)
{
	kasan_poison(obj, round_up(s->object_size, KASAN_GRANULE_SIZE), KASAN_SLAB_REDZONE);
	kasan_unpoison(obj, size);
	kasan_save_track(&kasan_meta_of(s, obj)->alloc, caller);
}

/* krealloc() kept the block: now only @new_size bytes are the caller's. */
void kasan_krealloc(const void *obj, size_t new_size)
{
	struct page *page = compound_head(virt_to_page(obj));

	if (PageSlab(page)) {
		kasan_poison(obj, round_up(page->slab_cache->object_size, KASAN_GRANULE_SIZE),
			     KASAN_SLAB_REDZONE);
	} else {
		kasan_poison(obj, PAGE_SIZE << page->private, KASAN_PAGE_REDZONE);
	}
	kasan_unpoison(obj, new_size);
}

/* ---------------------------------------------------------------------
 * The quarantine
 */

void (*kasan_release_object)(struct kmem_cache *s, void *obj);
static struct {
	void *head, *tail;
} quarantine;
unsigned long kasan_quarantine_objects, kasan_quarantine_bytes;


static unsigned long quarantine_limit(void)
{
	return max(totalram_pages() * PAGE_SIZE / 32, 256UL << 10);
}

// Give the oldest object back to its slab; interrupts off.
static void quarantine_release_one(void)
{
	void *obj = quarantine.head;
	struct kmem_cache *s;
	struct kasan_meta *m;

	if (!obj)
		return;
	/* The head's cache: found through the slab page, as kfree does. */
	s = compound_head(virt_to_page(obj))->slab_cache;
	m = kasan_meta_of(s, obj);
	quarantine.head = m->qnext;
	if (!quarantine.head)
		quarantine.tail = NULL;
	kasan_quarantine_objects--;
	kasan_quarantine_bytes -= s->size;
	kasan_release_object(s, obj);
}

static void quarantine_put(struct kmem_cache *s, void *obj)
{
	struct kasan_meta *m = kasan_meta_of(s, obj);
	unsigned long flags;

	local_irq_save(flags);
	m->qnext = NULL;
	if (quarantine.tail)
		kasan_meta_of(compound_head(virt_to_page(quarantine.tail))->slab_cache,
			      quarantine.tail)->qnext = obj;
	else
		quarantine.head = obj;
	quarantine.tail = obj;
	kasan_quarantine_objects++;
	kasan_quarantine_bytes += s->size;
	while (kasan_quarantine_bytes > quarantine_limit())
		quarantine_release_one();
	local_irq_restore(flags);
}

/* kasan_quarantine_drain - give every quarantined object back (shrink, destroy). */
void kasan_quarantine_drain(void)
{
	unsigned long flags;

	local_irq_save(flags);
	while (quarantine.head)
		quarantine_release_one();
	local_irq_restore(flags);
}

/*
 * kasan_slab_free - kfree or kmem_cache_free of @obj in @page: a double or
 * invalid free is reported here and refused; a good one is poisoned and
 * quarantined.  Return: true - the slab layer does nothing more now; false
 * for a SLAB_TYPESAFE_BY_RCU cache, whose objects are freed at once.
 */
bool kasan_slab_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller)
{
	unsigned long off = (char *)obj - (char *)page->s_mem;
	struct kasan_meta *m;

	if (off % s->size || off / s->size >= s->num) {
		kasan_report_invalid_free(obj, caller, "invalid-free");
		return true;
	}
	/* RCU readers may still look at it: freed at once, never poisoned (as Linux) */
	if (unlikely(s->flags & SLAB_TYPESAFE_BY_RCU))
		return false;
	if (*(u8 *)kasan_mem_to_shadow(obj) == KASAN_SLAB_FREE) {
		kasan_report_invalid_free(obj, caller, "double-free");
		return true;
	}
	m = kasan_meta_of(s, obj);
	kasan_save_track(&m->free, caller);
	kasan_poison(obj, round_up(s->object_size, KASAN_GRANULE_SIZE), KASAN_SLAB_FREE);
	quarantine_put(s, obj);
	return true;
}

/* ---------------------------------------------------------------------
 * Pages
 */

void kasan_alloc_pages(struct page *page, unsigned int order)
{
	if (!PageHighMem(page))
		kasan_unpoison(page_address(page), PAGE_SIZE << order);
}

void kasan_free_pages(struct page *page, unsigned int order)
{
	if (!PageHighMem(page))
		kasan_poison(page_address(page), PAGE_SIZE << order, KASAN_PAGE_FREE);
}

void kasan_kmalloc_large(const void *ptr, size_t size, unsigned int order)
{
	kasan_poison(ptr, PAGE_SIZE << order, KASAN_PAGE_REDZONE);
	kasan_unpoison(ptr, size);
}

/* ---------------------------------------------------------------------
 * Globals: the compiler's constructors register them
 */

struct kasan_source_location {
	const char *filename;
	int line_no;
	int column_no;
};

/* The compiler's struct __asan_global (ABI version 5 and later: gcc 7+, clang). */
struct kasan_global {
	const void *beg;
	size_t size;
	size_t size_with_redzone;	/* size, then the redzone */
	const void *name;
	const void *module_name;
	unsigned long has_dynamic_init;
	struct kasan_source_location *location;
	char *odr_indicator;
};

unsigned long kasan_globals;

#pragma GCC diagnostic ignored "-Wmissing-prototypes"
void __asan_register_globals(struct kasan_global *globals, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t aligned = round_up(globals[i].size, KASAN_GRANULE_SIZE);

		kasan_unpoison(globals[i].beg, globals[i].size);
		kasan_poison((char *)globals[i].beg + aligned,
			     globals[i].size_with_redzone - aligned, KASAN_GLOBAL_REDZONE);
		kasan_globals++;
	}
}
EXPORT_SYMBOL(__asan_register_globals);

void __asan_unregister_globals(struct kasan_global *globals, size_t n)
{
}
EXPORT_SYMBOL(__asan_unregister_globals);

extern void (*__init_array_start[])(void), (*__init_array_end[])(void);

/* kasan_run_ctors - the kernel's constructors: the compiler's global registrations. */
void __init kasan_run_ctors(void)
{
	void (**fn)(void);

	for (fn = __init_array_start; fn < __init_array_end; fn++)
		(*fn)();
}
