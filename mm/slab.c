// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab.c - object caches on top of the buddy allocator.
 *
 * Seed 003: "slab 机制也不是独立的，它本身也是在页分配器的基础上来划分更细粒度的
 * 内存" - the slab layer takes whole pages from the page allocator and cuts
 * them into objects.  This is Bonwick's design (USENIX 1994) as Linux has
 * kept it:
 *
 *   kmem_cache  one object size, three lists of slabs (full, partial, free)
 *   slab        2^order pages; its struct page holds the bookkeeping
 *   object      handed out by kmem_cache_alloc(), chained when free
 *
 *   allocate: pop the first object of the active slab (s->cpu_slab).
 *             When it is full, it goes on the full list and the first
 *             partial slab, else a free one, else a new one (new_slab:
 *             pages, colour, constructor) becomes the active slab
 *   free:     push the object back on its slab's free chain.  For the
 *             active slab that is all; another slab moves from full to
 *             partial, or from partial to free when it empties, and beyond
 *             min_partial empty slabs its pages go back to the buddy
 *             allocator
 *
 * So both paths are O(1): no search, and in the common case no list work
 * either (the active slab is SLUB's "cpu slab").  The constructor runs when a slab is
 * created, once per object; objects come back to the cache still
 * constructed, and the next kmem_cache_alloc() hands them out as they were
 * left (Bonwick's point: keep the constructed state, skip the work).
 *
 * kfree() needs no cache argument: virt_to_page() finds the slab page, and
 * page->slab_cache the cache (PageSlab marks it).
 *
 * Memory pressure: a GFP_KERNEL allocation that the page allocator cannot
 * satisfy calls page_alloc_reclaim_hook = kmem_cache_shrink_all(), which
 * gives every cache's empty slabs back, then retries.  GFP_ATOMIC never
 * does (mm/page_alloc.c).
 *
 * The lists are shared with interrupt handlers (GFP_ATOMIC allocations in
 * IRQ context), so they are only changed with interrupts off.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/export.h>
#include <linux/kasan.h>
#include <linux/rcupdate.h>
#include <mm386/dump.h>
#include "slab.h"


LIST_HEAD(slab_caches);

/* ---------------------------------------------------------------------
 * Reports
 */

/*
 * slab_report - "BUG <cache> (Not tainted): ..." for a misused object, as
 * SLUB words it: the cache, the object, what is wrong, who called.
 */
void slab_report(const struct kmem_cache *s, const char *func, const void *obj,
		 unsigned long caller, const char *fmt, ...)
{
	char what[160];
	va_list args;

	va_start(args, fmt);
	vsnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	report_begin();
	pr_err("BUG %s (Not tainted): %s\n", s ? s->name : "kmalloc", what);
	pr_err("INFO: %s(0x%08lx) called from %pS\n", func, (unsigned long)obj, (void *)caller);
	report_end(0);
}

/* ---------------------------------------------------------------------
 * Slabs: growing and giving back
 */

static void account_slab(struct kmem_cache *s, long pages)
{
	mod_vm_stat((s->flags & SLAB_RECLAIM_ACCOUNT) ? NR_SLAB_RECLAIMABLE :
		    NR_SLAB_UNRECLAIMABLE, pages);
}

/*
 * new_slab - pages for a new slab, with every object free (and
 * constructed).  Objects are chained in address order.  Called with
 * interrupts on when the caller may sleep.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	gfp_t flags = (gfp & ~(GFP_ZONEMASK | __GFP_ZERO)) | s->allocflags |
		      (s->order ? __GFP_COMP : 0);	/* tails point to the head */
	struct page *page = alloc_pages(flags, s->order);
	unsigned long irqflags, colour;
	char *obj;
	unsigned int i;

	if (!page)
		return NULL;
	local_irq_save(irqflags);
	colour = s->colour_next * s->colour_off;
	if (++s->colour_next >= s->colour)
		s->colour_next = 0;
	local_irq_restore(irqflags);

	kasan_poison_slab(s, page);
	__SetPageSlab(page);
	page->slab_cache = s;
	page->private = colour << 16;
	page->s_mem = (char *)lowmem_page_address(page) + colour + s->red_left_pad;
	obj = page->s_mem;
	page->freelist = obj;
	for (i = 0; i < s->num; i++, obj += s->size) {
		if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
			kasan_quiet(debug_init_new(s, obj));
		if (s->ctor) {
			kasan_unpoison_new_object(s, obj);
			s->ctor(obj);
			kasan_poison_new_object(s, obj);
		}
		set_freepointer(s, obj, i + 1 < s->num ? obj + s->size : NULL);
		*free_marker_of(s, obj) = FREE_MARKER ^ (unsigned long)obj;
	}
	account_slab(s, 1L << s->order);
	return page;
}

// Give an empty slab's pages back to the buddy allocator, now.
static void __free_slab(struct kmem_cache *s, struct page *page)
{
	__ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->s_mem = NULL;
	page->private = s->order;	/* what alloc_pages() recorded */
	account_slab(s, -(1L << s->order));
	__free_pages(page, s->order);
}

/* The grace period of a SLAB_TYPESAFE_BY_RCU slab is over: free it. */
static void rcu_free_slab(struct rcu_head *head)
{
	struct page *page = container_of((struct list_head *)head, struct page, lru);

	__free_slab(page->slab_cache, page);
}

/*
 * discard_slab - an empty slab leaves its cache.  For SLAB_TYPESAFE_BY_RCU
 * caches its pages stay a slab of this cache until a grace period has
 * passed (the rcu_head lives in page->lru, which the slab no longer uses),
 * so a reader that still holds a pointer into it reads an object of the
 * right type, free or reused, never a page of someone else.
 */
static void discard_slab(struct kmem_cache *s, struct page *page)
{
	BUILD_BUG_ON(sizeof(struct rcu_head) > sizeof(struct list_head));
	if (unlikely(s->flags & SLAB_TYPESAFE_BY_RCU)) {
		call_rcu((struct rcu_head *)&page->lru, rcu_free_slab);
		return;
	}
	__free_slab(s, page);
}

/*
 * shrink_free_slabs - give back all but @keep empty slabs; with @keep 0,
 * an empty active slab too.  Returns the pages freed.
 */
static unsigned long shrink_free_slabs(struct kmem_cache *s, unsigned long keep)
{
	unsigned long flags, pages = 0;

	for (;;) {
		struct page *page = NULL;

		local_irq_save(flags);
		if (s->nr_free_slabs > keep) {
			page = list_first_entry(&s->slabs_free, struct page, lru);
			list_del(&page->lru);
			s->nr_free_slabs--;
		} else if (!keep && s->cpu_slab && !slab_inuse(s->cpu_slab)) {
			page = s->cpu_slab;
			s->cpu_slab = NULL;
		}
		if (page) {
			s->nr_slabs--;
			s->nr_shrink++;
		}
		local_irq_restore(flags);
		if (!page)
			return pages;
		discard_slab(s, page);
		pages += 1UL << s->order;
	}
}

/* kmem_cache_shrink - give all of @s's empty slabs back.  Returns 0. */
int kmem_cache_shrink(struct kmem_cache *s)
{
	kasan_quarantine_drain();
	shrink_free_slabs(s, 0);
	return 0;
}
EXPORT_SYMBOL(kmem_cache_shrink);

/*
 * kmem_cache_shrink_all - the reclaim hook: every cache gives its empty
 * slabs back.  Returns the number of pages freed.
 */
unsigned long kmem_cache_shrink_all(void)
{
	struct kmem_cache *s;
	unsigned long pages = 0;

	kasan_quarantine_drain();
	list_for_each_entry(s, &slab_caches, list)
		pages += shrink_free_slabs(s, 0);
	return pages;
}

/* ---------------------------------------------------------------------
 * Allocation and free: the fast paths
 */

/*
 * refill_cpu_slab - the active slab is missing or full: retire it to the
 * full list and activate the first partial slab, else a free one, else a
 * new one.  Called and returns with interrupts off (@flags: what the
 * caller's local_irq_save() found); growing puts that state back around
 * the page allocation.  NULL if no memory.
 */
struct page *refill_cpu_slab(struct kmem_cache *s, gfp_t gfp, unsigned long flags)
{
	struct page *page;

	for (;;) {
		page = s->cpu_slab;
		if (page && page->freelist)	/* an interrupt refilled it */
			return page;
		if (page)
			list_add(&page->lru, &s->slabs_full);
		s->cpu_slab = NULL;
		page = list_first_entry_or_null(&s->slabs_partial, struct page, lru);
		if (!page) {
			page = list_first_entry_or_null(&s->slabs_free, struct page, lru);
			if (page)
				s->nr_free_slabs--;
		}
		if (page) {
			list_del(&page->lru);
			s->cpu_slab = page;
			return page;
		}
		local_irq_restore(flags);
		page = new_slab(s, gfp);
		local_irq_disable();
		if (!page)
			return NULL;
		list_add(&page->lru, &s->slabs_free);	/* activated on the next turn */
		s->nr_free_slabs++;
		s->nr_slabs++;
		s->nr_grow++;
	}
}

/*
 * slab_post_alloc - the rare extras after slab_alloc() took an object from
 * a cache with debugging or init_on_free: debugging patterns and owner,
 * and __GFP_ZERO.  (Zeroing alone, slab_post_alloc_hook() does itself.)
 */
void slab_post_alloc(struct kmem_cache *s, struct page *page, void *obj, gfp_t gfp,
		     unsigned long caller, size_t orig_size)
{
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
		kasan_quiet(debug_on_alloc(s, page, obj, caller, orig_size));
	/* init_on_alloc: one memset serves __GFP_ZERO too */
	if ((gfp & __GFP_ZERO) || (s->flags & __SLAB_INIT_ON_ALLOC))
		/* kmalloc debugging guards what lies past orig_size */
		memset(obj, 0, unlikely(s->flags & SLAB_RED_ZONE) ? orig_size : s->object_size);
	else if (s->flags & __SLAB_INIT_ON_FREE)	/* zeroed on free, but for the free pointer */
		*freeptr_of(s, obj) = NULL;
}

/* kmem_cache_alloc - an object from @s (see slab_alloc in mm/slab.h). */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp, _RET_IP_, s->object_size);
}
EXPORT_SYMBOL(kmem_cache_alloc);

/* on_freelist - is @obj on @page's chain of free objects?  (IRQs off) */
bool on_freelist(const struct kmem_cache *s, const struct page *page, const void *obj)
{
	const void *p = page->freelist;
	unsigned int n = 0;

	while (p && n++ <= s->num && !freeptr_outside(s, page, p)) {
		if (p == obj)
			return true;
		p = get_freepointer(s, p);
	}
	return false;
}

/*
 * freelist_corrupt - slab_alloc() took free object @obj, whose free
 * pointer decodes to @next, outside the slab: it was written after the
 * object was freed (or the slab's memory was overrun).  Reported, and
 * refused: the slab's chain ends here and the free objects it still
 * counted are taken out of use (counted as in use for good), so that no
 * allocation is ever handed an address the corruption chose.  Interrupts
 * are off.  noinline, as the other report paths: inlined into
 * kmem_cache_alloc(), gcc's register allocation costs the fast path 5
 * instructions.  Return: the new end of the chain, NULL.
 */
noinline void *freelist_corrupt(struct kmem_cache *s, struct page *page, void *obj, void *next,
		       unsigned long caller)
{
	unsigned int lost = s->num - slab_inuse(page) - 1;

	slab_report(s, "slab_alloc", obj, caller,
		    "Freepointer corrupt: free object 0x%08lx points to 0x%08lx, outside its slab 0x%08lx-0x%08lx; %u free objects taken out of use",
		    (unsigned long)obj, (unsigned long)next, (unsigned long)page->s_mem,
		    (unsigned long)page->s_mem + s->objs_size, lost);
	page->private += lost;
	if (s->flags & SLAB_DEBUG_FLAGS)
		kasan_quiet(debug_take_out_of_use(s, page, obj));
	return NULL;
}

/*
 * slab_moved_on_free - an object went back to @page, which is not the
 * active slab: a full slab becomes partial, an empty one moves to the free
 * list, or, past min_partial empty slabs, leaves the cache (returned, for
 * the caller to discard with interrupts on).  Interrupts are off.
 */
static struct page *slab_moved_on_free(struct kmem_cache *s, struct page *page)
{
	unsigned int inuse = slab_inuse(page);

	if (inuse == s->num - 1)
		list_move(&page->lru, &s->slabs_partial);
	if (inuse)
		return NULL;
	if (s->nr_free_slabs < s->min_partial) {
		list_move(&page->lru, &s->slabs_free);
		s->nr_free_slabs++;
		return NULL;
	}
	list_del(&page->lru);
	s->nr_slabs--;
	return page;
}

/*
 * __slab_free - slab_free()'s careful path: the pointer is not the start
 * of an object, or it looks already free, or the cache is debugged.  A
 * misuse is reported and refused; otherwise the object is freed.
 */
void __slab_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller,
		 const char *func)
{
	unsigned long off = (char *)obj - (char *)slab_first_object(page);
	unsigned long flags;

	if (off % s->size || off / s->size >= s->num) {
		slab_report(s, func, obj, caller,
			    "Invalid object pointer 0x%08lx: %lu bytes into object 0x%08lx",
			    (unsigned long)obj, off % s->size,
			    (unsigned long)obj - off % s->size);
		return;
	}
	local_irq_save(flags);
	if (*free_marker_of(s, obj) == (FREE_MARKER ^ (unsigned long)obj) &&
	    on_freelist(s, page, obj)) {
		local_irq_restore(flags);
		slab_report(s, func, obj, caller,
			    "Object already free: double free of 0x%08lx", (unsigned long)obj);
		return;
	}
	local_irq_restore(flags);
	if (s->flags & SLAB_DEBUG_FLAGS)
		kasan_quiet(debug_on_free(s, page, obj, caller));
	if (s->flags & __SLAB_INIT_ON_FREE)
		memset(obj, 0, s->object_size);
	local_irq_save(flags);
	link_free_object(s, page, obj, freeptr_of(s, obj));
	if (page == s->cpu_slab)
		local_irq_restore(flags);
	else
		slab_free_list_work(s, page, flags);
}

/*
 * slab_free_list_work - after a free into @page, not the active slab: move
 * it between the lists (and maybe give it back).  Called with interrupts
 * off (@flags saved); returns with them restored.
 */
void slab_free_list_work(struct kmem_cache *s, struct page *page, unsigned long flags)
{
	struct page *discard = slab_moved_on_free(s, page);

	local_irq_restore(flags);
	if (discard)
		discard_slab(s, discard);
}

/*
 * not_slab_object - report a pointer outside the direct map (a vmalloc,
 * kmap, user or NULL-page address): it cannot be a slab object.
 */
static noinline void not_slab_object(const struct kmem_cache *s, const char *func,
				     const void *obj, unsigned long caller)
{
	char where[128];

	describe_address((unsigned long)obj, where, sizeof(where));
	slab_report(s, func, obj, caller, "not a slab object: 0x%08lx is in %s",
		    (unsigned long)obj, where);
}

/*
 * kmem_cache_free_careful - kmem_cache_free() of whatever its fast path
 * leaves out (see kfree_careful()); reached by a tail call, so _RET_IP_ is
 * still kmem_cache_free()'s caller.
 */
static noinline void kmem_cache_free_careful(struct kmem_cache *s, void *obj)
{
	struct page *page;

	if (unlikely(!virt_addr_valid(obj))) {
		not_slab_object(s, "kmem_cache_free", obj, _RET_IP_);
		return;
	}
	page = compound_head(virt_to_page(obj));
	if (unlikely(!PageSlab(page) || page->slab_cache != s)) {
		slab_report(s, "kmem_cache_free", obj, _RET_IP_,
			    "Wrong slab cache: object 0x%08lx belongs to %s, not %s",
			    (unsigned long)obj,
			    PageSlab(page) ? page->slab_cache->name : "no cache (not a slab page)",
			    s->name);
		return;
	}
	slab_free(s, page, obj, _RET_IP_, "kmem_cache_free");
}

/**
 * kmem_cache_free - give an object back to the cache it came from
 * @s: the cache
 * @obj: an object kmem_cache_alloc(@s) returned
 *
 * An object of another cache, or anything that is not a live object of
 * @s, is reported and refused.  As in kfree(), the fast path is the plain
 * case only; everything else jumps to kmem_cache_free_careful().
 */
void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *page;
	void **fp;

	if (!SLAB_FREE_FAST_PATH || unlikely(!virt_addr_valid(obj)))
		return kmem_cache_free_careful(s, obj);
	page = virt_to_page(obj);
	if (unlikely(!PageSlab(page) || page->slab_cache != s))
		return kmem_cache_free_careful(s, obj);
	fp = freeptr_of(s, obj);
	if (unlikely(!slab_free_is_plain(s, page, obj, fp)))
		return kmem_cache_free_careful(s, obj);
	slab_free_plain(s, page, obj, fp);
}
EXPORT_SYMBOL(kmem_cache_free);

/*
 * kfree_large - kfree() of something that is not in a slab: it must be the
 * start of a kmalloc_large() block (a compound head page, slab_common.c).
 * Not static: gcc would give a static one registers for arguments and
 * tail-call it, and kfree would be missing from its reports' call trace.
 */
/* not_kmalloc_block - report @obj, on no slab page, as no kmalloc block. */
static noinline void not_kmalloc_block(struct page *page, const void *obj, unsigned long caller,
				       const char *func)
{
	slab_report(NULL, func, obj, caller,
		    "0x%08lx was not allocated by kmalloc (pfn %#lx is %s)",
		    (unsigned long)obj, page_to_pfn(page),
		    PageReserved(page) ? "reserved: kernel image, stack or boot data" :
		    PageHead(page) ? "a kmalloc block, but not its start" :
		    PageBuddy(page) || !page_count(page) ? "free" :
		    "a page from the page allocator: free it with free_pages()");
}

noinline void kfree_large(struct page *page, const void *obj, unsigned long caller)
{
	unsigned int order = page->private;

	if (unlikely(!PageHead(page) || obj != page_address(page))) {
		not_kmalloc_block(page, obj, caller, "kfree");
		return;
	}
	mod_vm_stat(NR_KMALLOC_LARGE, -(1L << order));
	__free_pages(page, order);
}

/*
 * kmalloc_block_size - the usable size of the live kmalloc() block that
 * starts at @obj, for ksize() and krealloc() (@func, called from
 * @caller).  Anything else - an address outside the direct map (a vmalloc
 * or kmap address), the middle of an object or of a large block, an object
 * already freed, a page that kmalloc never gave out - is reported as
 * kfree() would report it.
 * Return: the size, or 0 after a report.
 */
size_t kmalloc_block_size(const void *obj, const char *func, unsigned long caller)
{
	struct kmem_cache *s;
	struct page *page;
	unsigned long off, flags;
	bool freed;

	if (unlikely(!virt_addr_valid(obj))) {
		not_slab_object(NULL, func, obj, caller);
		return 0;
	}
	page = compound_head(virt_to_page(obj));
	if (!PageSlab(page)) {
		if (likely(PageHead(page) && obj == page_address(page)))
			return PAGE_SIZE << page->private;
		not_kmalloc_block(page, obj, caller, func);
		return 0;
	}
	s = page->slab_cache;
	off = (char *)obj - (char *)slab_first_object(page);
	if (off % s->size || off / s->size >= s->num) {
		slab_report(s, func, obj, caller,
			    "Invalid object pointer 0x%08lx: %lu bytes into object 0x%08lx",
			    (unsigned long)obj, off % s->size, (unsigned long)obj - off % s->size);
		return 0;
	}
	local_irq_save(flags);
	freed = kasan_object_freed(obj) ||	/* in KASAN's quarantine */
		(*free_marker_of(s, obj) == (FREE_MARKER ^ (unsigned long)obj) &&
		 on_freelist(s, page, obj));
	local_irq_restore(flags);
	if (freed) {
		slab_report(s, func, obj, caller, "Object 0x%08lx is free: used after kfree()",
			    (unsigned long)obj);
		return 0;
	}
	return s->object_size;
}

/*
 * kfree_careful - kfree() of whatever its fast path leaves out: NULL and
 * other addresses outside lowmem, large kmallocs (compound pages), misuse
 * (reported and refused), caches with debugging or init_on_free, and every
 * kfree() of a KASAN build.  kfree() jumps here (a tail call), so _RET_IP_
 * is still kfree()'s caller, for the reports.
 */
static noinline void kfree_careful(const void *obj)
{
	struct page *page;

	if (unlikely(!virt_addr_valid(obj))) {	/* NULL and ZERO_SIZE_PTR too */
		if (!ZERO_OR_NULL_PTR(obj))
			not_slab_object(NULL, "kfree", obj, _RET_IP_);
		return;
	}
	page = compound_head(virt_to_page(obj));
	if (unlikely(!PageSlab(page))) {
		kfree_large(page, obj, _RET_IP_);
		return;
	}
	slab_free(page->slab_cache, page, (void *)obj, _RET_IP_, "kfree");
}

/**
 * kfree - free memory from kmalloc() (or any slab object)
 * @obj: what kmalloc() returned; NULL and ZERO_SIZE_PTR are ignored
 *
 * The cache is found from the address alone: virt_to_page(obj) is a
 * PageSlab page whose slab_cache says whose it is.  Large allocations
 * (above 8 KB) are compound pages from the page allocator.  Anything else
 * (a vmalloc or stack address, a page kmalloc never gave out, the middle
 * of an object, an object already free) is reported and refused.
 *
 * The fast path below is the plain case only: a whole, live object of a
 * cache without debugging.  Every other case jumps to kfree_careful(),
 * which starts again from @obj.  A jump, not a call: kfree() needs no
 * room for the careful path's arguments, and the stores and saved
 * registers that came with it (6 instructions with gcc).
 */
void kfree(const void *obj)
{
	struct kmem_cache *s;
	struct page *page;
	void **fp;

	if (!SLAB_FREE_FAST_PATH || unlikely(!virt_addr_valid(obj)))
		return kfree_careful(obj);
	page = virt_to_page(obj);
	if (unlikely(!PageSlab(page)))		/* large, or a tail page: careful */
		return kfree_careful(obj);
	s = page->slab_cache;
	fp = freeptr_of(s, obj);
	if (unlikely(!slab_free_is_plain(s, page, obj, fp)))
		return kfree_careful(obj);
	slab_free_plain(s, page, (void *)obj, fp);
}
EXPORT_SYMBOL(kfree);

#ifdef CONFIG_KASAN
/* KASAN's quarantine lets @obj go for good: the free kfree() deferred. */
static void slab_free_quarantined(struct kmem_cache *s, void *obj)
{
	do_slab_free(s, compound_head(virt_to_page(obj)), obj, _RET_IP_, "kfree");
}

void __init slab_kasan_init(void)
{
	kasan_release_object = slab_free_quarantined;
}
#endif

/* ---------------------------------------------------------------------
 * The end of a cache, and finding caches
 */

/*
 * __kmem_cache_shutdown - the end of a cache with no live objects (Linux's
 * name): its free slabs go back to the page allocator and it leaves
 * slab_caches.  kmem_cache_destroy() (slab_common.c) then frees the struct.
 */
void __kmem_cache_shutdown(struct kmem_cache *s)
{
	shrink_free_slabs(s, 0);
	list_del(&s->list);
}

/* ---------------------------------------------------------------------
 * Validation and slabinfo
 */

#define MAX_OBJS_PER_SLAB	((PAGE_SIZE << SLAB_MAX_ORDER) / (2 * sizeof(void *)))

// Check one slab: its free chain, its counts, and with debugging each object.
static int validate_slab(struct kmem_cache *s, struct page *page, unsigned int expect_inuse)
{
	DECLARE_BITMAP(free_map, MAX_OBJS_PER_SLAB);
	char *first = slab_first_object(page), *p = page->freelist;
	unsigned int nfree = 0, i;
	int errors = 0;

	memset(free_map, 0, sizeof(free_map));
	if (!PageSlab(page) || page->slab_cache != s) {
		pr_err("validate %s: slab page %p is not marked as this cache's slab\n", s->name, page);
		return 1;
	}
	while (p) {
		unsigned long off = p - first;

		if (p < first || off % s->size || off / s->size >= s->num ||
		    test_bit(off / s->size, free_map)) {
			pr_err("BUG %s (Not tainted): Freechain corrupt in slab %p at 0x%08lx\n",
			       s->name, page, (unsigned long)p);
			errors++;
			break;
		}
		set_bit(off / s->size, free_map);
		nfree++;
		p = get_freepointer(s, p);
	}
	if (!errors && nfree + slab_inuse(page) != s->num) {
		pr_err("BUG %s (Not tainted): slab %p has %u free objects and %u in use, not %u\n",
		       s->name, page, nfree, slab_inuse(page), s->num);
		errors++;
	}
	if (expect_inuse != ~0u && slab_inuse(page) != expect_inuse) {
		pr_err("BUG %s (Not tainted): slab %p with %u objects in use is on the wrong list\n",
		       s->name, page, slab_inuse(page));
		errors++;
	}
	if (s->flags & SLAB_DEBUG_FLAGS)
		for (i = 0; i < s->num; i++)
			errors += kasan_quiet_val(debug_check_object(s, page, first + i * s->size,
						     !test_bit(i, free_map)));
	return errors;
}

// Validate the slabs of one list; @expect_inuse is ~0u for "any".
static int validate_list(struct kmem_cache *s, struct list_head *list, unsigned int expect_inuse,
			 unsigned long *count)
{
	struct page *page;
	int errors = 0;

	list_for_each_entry(page, list, lru) {
		if (*count > s->nr_slabs) {
			pr_err("BUG %s (Not tainted): a slab list does not end\n", s->name);
			return errors + 1;
		}
		errors += validate_slab(s, page, expect_inuse);
		(*count)++;
	}
	return errors;
}

/**
 * kmem_cache_validate - check every slab of @s
 *
 * Walks the three lists: every slab's free chain must stay inside the slab
 * and add up with the objects in use; the list a slab is on must match its
 * use; with debugging on, every object's red zones and poison are checked
 * (and repaired after being reported).
 * Return: the number of errors found.
 */
int kmem_cache_validate(struct kmem_cache *s)
{
	unsigned long flags, slabs = 0, nfree = 0;
	int errors;

	local_irq_save(flags);
	errors = validate_list(s, &s->slabs_partial, ~0u, &slabs);
	errors += validate_list(s, &s->slabs_full, s->num, &slabs);
	errors += validate_list(s, &s->slabs_free, 0, &nfree);
	if (s->cpu_slab) {
		errors += validate_slab(s, s->cpu_slab, ~0u);
		slabs++;
	}
	if (slabs + nfree != s->nr_slabs || nfree != s->nr_free_slabs) {
		pr_err("BUG %s (Not tainted): %lu slabs on the lists, counts say %lu (%lu free)\n",
		       s->name, slabs + nfree, s->nr_slabs, s->nr_free_slabs);
		errors++;
	}
	local_irq_restore(flags);
	return errors;
}

/* slab_objects_in_use - objects handed out, counted slab by slab. */
unsigned long slab_objects_in_use(struct kmem_cache *s)
{
	unsigned long flags, n;
	struct page *page;

	local_irq_save(flags);
	n = list_count_nodes(&s->slabs_full) * s->num;
	list_for_each_entry(page, &s->slabs_partial, lru)
		n += slab_inuse(page);
	if (s->cpu_slab)
		n += slab_inuse(s->cpu_slab);
	local_irq_restore(flags);
	return n;
}

int check_slab_caches(void)
{
	struct kmem_cache *s;
	int errors = 0;

	list_for_each_entry(s, &slab_caches, list)
		errors += kmem_cache_validate(s);
	return errors;
}
