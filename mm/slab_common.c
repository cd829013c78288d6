// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab_common.c - kmalloc(): general-purpose caches by size.
 *
 * mm386 follows modern Linux (SLUB's kmalloc-8 ... kmalloc-8k): it keeps
 * the seed articles' behaviour - small requests come from slab caches,
 * memory is physically contiguous - with today's sizes, and it makes the
 * limit the page allocator's own: anything above 8 KB is a compound page
 * block from alloc_pages(), up to KMALLOC_MAX_SIZE = 4 MB (order 10), as
 * seed 001 says.  Linux 2.4's size-32 ... size-131072 caches, the source of
 * the "128 KB" limit in seeds 000 and 003, are gone from Linux since 2.6.
 *
 * kmalloc() is inline (<linux/slab.h>), as in Linux 6.1.  For a constant
 * size the compiler picks the cache and calls kmalloc_trace(cache).  Any
 * other size comes to __kmalloc(), where picking the cache is a table
 * lookup for sizes up to 192 bytes (to reach the non-power-of-two
 * kmalloc-96 and kmalloc-192) and fls() above: two or three instructions,
 * no search.
 *
 *   index  1    2    3  4   5   6   7    8    9    10  11  12  13
 *   cache  96   192  8  16  32  64  128  256  512  1k  2k  4k  8k
 *
 * GFP_DMA requests use a parallel set, dma-kmalloc-*, whose slabs come
 * from ZONE_DMA (below 16 MB).
 *
 * As in Linux, this file is also the slab layer's front door, above
 * mm/slab.c's caches: kmem_cache_create() and kmem_cache_destroy(), which
 * copy and free the cache's name with the kmalloc family, and
 * kmem_cache_init(), the bootstrap.  kfree() is slab.c's: it frees slab
 * objects and kmalloc_large() blocks alike, and calls nothing here.  At
 * the end, what an address is for reports and the shell (kmem_valid_obj,
 * kmem_obj_info, kmem_dump_obj), as in Linux's slab_common.c.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/vmstat.h>
#include <linux/export.h>
#include <linux/rcupdate.h>
#include <asm/sections.h>
#include <linux/kasan.h>
#include <linux/irqflags.h>
#include <mm386/dump.h>
#include "slab.h"

/* The cache of caches: every struct kmem_cache is one of its objects. */
static struct kmem_cache kmem_cache_boot;
struct kmem_cache *kmem_cache;

/* Indexed by kmalloc_type(gfp), then by kmalloc_index(size); [t][0] is unused. */
struct kmem_cache kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];
EXPORT_SYMBOL(kmalloc_caches);

/* (size - 1) / 8 -> cache index, for sizes 1..192. */
static const u8 size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6,		/* 8 16 32 32 64 64 64 64 */
	1, 1, 1, 1, 7, 7, 7, 7,		/* 96 96 96 96 128 128 128 128 */
	2, 2, 2, 2, 2, 2, 2, 2,		/* 192 ... */
};

static const struct {
	const char *name, *dma_name;
	unsigned int size;
} kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = { "kmalloc-96", "dma-kmalloc-96", 96 },
	[2] = { "kmalloc-192", "dma-kmalloc-192", 192 },
	[3] = { "kmalloc-8", "dma-kmalloc-8", 8 },
	[4] = { "kmalloc-16", "dma-kmalloc-16", 16 },
	[5] = { "kmalloc-32", "dma-kmalloc-32", 32 },
	[6] = { "kmalloc-64", "dma-kmalloc-64", 64 },
	[7] = { "kmalloc-128", "dma-kmalloc-128", 128 },
	[8] = { "kmalloc-256", "dma-kmalloc-256", 256 },
	[9] = { "kmalloc-512", "dma-kmalloc-512", 512 },
	[10] = { "kmalloc-1k", "dma-kmalloc-1k", 1024 },
	[11] = { "kmalloc-2k", "dma-kmalloc-2k", 2048 },
	[12] = { "kmalloc-4k", "dma-kmalloc-4k", 4096 },
	[13] = { "kmalloc-8k", "dma-kmalloc-8k", 8192 },
};

// kmalloc_index() for a size known only at run time (1..8 KB).
static inline unsigned int size_to_index(size_t size)
{
	if (size <= 192)
		return size_index[(size - 1) / 8];
	return fls(size - 1);
}

struct kmem_cache *kmalloc_slab(size_t size, gfp_t gfp)
{
	if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	return &kmalloc_caches[kmalloc_type(gfp)][size_to_index(size)];
}

static void __init new_kmalloc_cache(unsigned int type, unsigned int i)
{
	unsigned long flags = SLAB_KMALLOC | (type == KMALLOC_DMA ? SLAB_CACHE_DMA : 0);

	create_boot_cache(&kmalloc_caches[type][i], type == KMALLOC_DMA ?
			  kmalloc_info[i].dma_name : kmalloc_info[i].name, kmalloc_info[i].size,
			  flags);
	kmalloc_caches[type][i].usersize = kmalloc_info[i].size;
}

/*
 * create_kmalloc_caches - in Linux's order: the normal caches by size,
 * kmalloc-96 right after kmalloc-64 and kmalloc-192 after kmalloc-128,
 * then the DMA ones.  slabinfo lists the newest first, so it shows
 * dma-kmalloc-8k first and kmalloc-8 last, as Linux's does.
 */
static void __init create_kmalloc_caches(void)
{
	unsigned int type, i;

	for (type = 0; type < NR_KMALLOC_TYPES; type++) {
		for (i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
			new_kmalloc_cache(type, i);
			if (i == 6)
				new_kmalloc_cache(type, 1);	/* kmalloc-96 */
			if (i == 7)
				new_kmalloc_cache(type, 2);	/* kmalloc-192 */
		}
	}
}

// Above 8 KB: a compound block of pages straight from the buddy allocator.
static void *kmalloc_large(size_t size, gfp_t gfp, unsigned long caller)
{
	unsigned int order;
	struct page *page;

	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		WARN(!(gfp & __GFP_NOWARN), "kmalloc: size %zu (from %pS) is above KMALLOC_MAX_SIZE (%lu bytes, order %d): refused\n",
		     size, (void *)caller, KMALLOC_MAX_SIZE, MAX_ORDER - 1);
		return NULL;
	}
	order = get_order(size);
	page = alloc_pages(gfp | __GFP_COMP, order);
	if (!page)
		return NULL;
	mod_vm_stat(NR_KMALLOC_LARGE, 1L << order);
	kasan_kmalloc_large(page_address(page), size, order);
	return page_address(page);
}

// __kmalloc()'s rare cases: 0 bytes, above 8 KB, or __GFP_HIGHMEM.
static noinline void *kmalloc_slow(size_t size, gfp_t gfp, unsigned long caller)
{
	if (gfp & __GFP_HIGHMEM) {
		WARN(1, "kmalloc: __GFP_HIGHMEM in gfp %#x from %pS: kmalloc memory must have an address; dropped\n",
		     gfp, (void *)caller);
		gfp &= ~__GFP_HIGHMEM;
	}
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp, caller);
	return slab_alloc(kmalloc_slab(size, gfp), gfp, caller, size);
}

/**
 * __kmalloc - kmalloc() of a size known only at run time
 * @size: bytes
 * @gfp: as for kmalloc()
 *
 * Return: as kmalloc().
 */
void *__kmalloc(size_t size, gfp_t gfp)
{
	/* One test sends 0, above 8 KB and __GFP_HIGHMEM to the slow path. */
	struct kmem_cache *s;

	if (unlikely(size - 1 >= KMALLOC_MAX_CACHE_SIZE || (gfp & __GFP_HIGHMEM)))
		return kmalloc_slow(size, gfp, _RET_IP_);
	s = &kmalloc_caches[kmalloc_type(gfp)][size_to_index(size)];
	/*
	 * The cache's address, once: left as an expression, gcc computes it
	 * again (two multiplications) each time the fast path needs it.
	 */
	__asm__("" : "+r"(s));
	return slab_alloc(s, gfp, _RET_IP_, size);
}
EXPORT_SYMBOL(__kmalloc);

/**
 * kmalloc_trace - kmalloc() of a constant size: the inline kmalloc() has
 * already picked the cache
 * @s: &kmalloc_caches[kmalloc_type(@gfp)][kmalloc_index(@size)]
 * @gfp: as for kmalloc()
 * @size: what the caller asked for (debugging red-zones the rest)
 *
 * Return: as kmalloc().  (Linux's name: there it is also where the
 * kmalloc tracepoint fires.)
 */
void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp, size_t size)
{
	return slab_alloc(s, gfp, _RET_IP_, size);
}
EXPORT_SYMBOL(kmalloc_trace);

/*
 * ksize_checked - ksize() for @func, called from @caller: the usable size
 * of a live kmalloc block, or 0 after a report (kmalloc_block_size).
 */
static size_t ksize_checked(const void *obj, const char *func, unsigned long caller)
{
	struct page *page;
	size_t size = kmalloc_block_size(obj, func, caller);

	if (!size)
		return 0;
	page = compound_head(virt_to_page(obj));
	/* The caller now owns all of it: debugging must not call the bytes
	 * past the original request a red zone any more, nor KASAN. */
	if (PageSlab(page) && (page->slab_cache->flags & SLAB_RED_ZONE))
		debug_set_orig_size(page->slab_cache, (void *)obj, size);
	kasan_unpoison_object(obj, size);
	return size;
}

/**
 * ksize - how many bytes really are usable at @obj (>= what was asked)
 * @obj: a live kmalloc() block; NULL and ZERO_SIZE_PTR give 0
 *
 * Anything else (a vmalloc address, the middle of a block, a block
 * already freed) is reported, as kfree() reports it, and gives 0.
 */
size_t ksize(const void *obj)
{
	if (ZERO_OR_NULL_PTR(obj))
		return 0;
	return ksize_checked(obj, "ksize", _RET_IP_);
}
EXPORT_SYMBOL(ksize);

/**
 * kmalloc_size_roundup - how many bytes kmalloc(@size) really hands out
 * @size: what a caller would ask for
 *
 * The size of the kmalloc cache that serves @size, or for more than
 * 8 KB the whole pages kmalloc_large() takes.  A caller that will use the
 * rest anyway (a growing buffer) asks for this much up front, instead of
 * calling ksize() afterwards.  0 stays 0; SIZE_MAX stays SIZE_MAX.
 */
size_t kmalloc_size_roundup(size_t size)
{
	if (unlikely(!size))
		return 0;
	if (unlikely(size == SIZE_MAX))
		return SIZE_MAX;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return PAGE_SIZE << get_order(size);
	return kmalloc_slab(size, GFP_KERNEL)->object_size;
}
EXPORT_SYMBOL(kmalloc_size_roundup);

/**
 * krealloc - resize a kmalloc() block, keeping its contents
 * @p: the block (NULL: like kmalloc)
 * @new_size: the new size (0: like kfree, returns ZERO_SIZE_PTR)
 * @gfp: for a new block
 *
 * A @p that is no live kmalloc() block (a vmalloc pointer, the middle of
 * a block, a block already freed) is reported and refused: NULL, and
 * nothing changes.
 * Return: @p itself if it is already big enough, else a new block with the
 * old contents (and @p freed); NULL on failure, leaving @p untouched.
 */
void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	size_t old = 0;
	void *n;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (!ZERO_OR_NULL_PTR(p)) {
		old = ksize_checked(p, "krealloc", _RET_IP_);
		if (!old)
			return NULL;
	}
	if (new_size <= old) {
		kasan_krealloc(p, new_size);	/* only new_size bytes are the caller's */
		return (void *)p;
	}
	n = kmalloc(new_size, gfp);
	if (n && old) {
		memcpy(n, p, old);
		kfree(p);
	}
	return n;
}
EXPORT_SYMBOL(krealloc);

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);

/**
 * kmemdup_nul - a kmalloc() copy of @len bytes of @s, NUL-terminated
 * @s: the bytes (need not be terminated; NULL gives NULL)
 * @len: how many to copy
 * @gfp: for kmalloc()
 */
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	char *buf;

	if (!s)
		return NULL;
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(kmemdup_nul);

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	return s ? kmemdup_nul(s, strnlen(s, max), gfp) : NULL;
}
EXPORT_SYMBOL(kstrndup);

char *kstrdup(const char *s, gfp_t gfp)
{
	return kstrndup(s, SIZE_MAX, gfp);
}
EXPORT_SYMBOL(kstrdup);

const char *kstrdup_const(const char *s, gfp_t gfp)
{
	if (is_kernel_rodata((unsigned long)s))
		return s;
	return kstrdup(s, gfp);
}
EXPORT_SYMBOL(kstrdup_const);

void kfree_const(const void *p)
{
	if (!is_kernel_rodata((unsigned long)p))
		kfree(p);
}
EXPORT_SYMBOL(kfree_const);

/* ---------------------------------------------------------------------
 * Caches of one's own, and the bootstrap
 */

/**
 * kmem_cache_create - create a cache of objects of one size
 * @name: shown in slabinfo; the cache keeps a copy (kstrdup_const), so a
 *        module's string may go away with the module
 * @size: object size in bytes
 * @align: required alignment (0 for the default)
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, SLAB_POISON, SLAB_RED_ZONE...
 * @ctor: called on each object when its slab is created, or NULL
 *
 * Return: the cache, or NULL (with a message) if the size or alignment
 * cannot be served.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *))
{
	return kmem_cache_create_usercopy(name, size, align, flags, 0, 0, ctor);
}
EXPORT_SYMBOL(kmem_cache_create);

struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size,
					      unsigned int align, unsigned long flags,
					      unsigned int useroffset, unsigned int usersize,
					      void (*ctor)(void *))
{
	struct kmem_cache *s;
	const char *cache_name;

	might_sleep();
	/* Fail closed on a region that does not fit, as Linux does. */
	if (WARN(size < usersize || size - usersize < useroffset || (!usersize && useroffset),
		 "kmem_cache_create_usercopy(%s): usercopy region %u+%u outside objects of %u bytes: none\n",
		 name ? name : "(null)", useroffset, usersize, size))
		useroffset = usersize = 0;
	if (!name || !size || (align && !is_power_of_2(align)) || align > PAGE_SIZE) {
		pr_err("kmem_cache_create(%s): bad size %u or alignment %u\n",
		       name ? name : "(null)", size, align);
		goto fail;
	}
	cache_name = kstrdup_const(name, GFP_KERNEL);
	if (!cache_name)
		goto fail;
	s = kmem_cache_alloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto free_name;
	if (kmem_cache_open(s, cache_name, size, align, flags, ctor)) {
		pr_err("kmem_cache_create(%s): objects of %u bytes do not fit in %lu-page slabs\n",
		       name, size, 1UL << SLAB_MAX_ORDER);
		kmem_cache_free(kmem_cache, s);
		goto free_name;
	}
	s->useroffset = useroffset;
	s->usersize = usersize;
	return s;
free_name:
	kfree_const(cache_name);
fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: cannot create cache %s", name ? name : "(null)");
	return NULL;
}
EXPORT_SYMBOL(kmem_cache_create_usercopy);

/**
 * kmem_cache_destroy - remove a cache whose objects have all been freed
 * @s: the cache (NULL is ignored)
 *
 * A cache that still has live objects is not destroyed: that is a leak in
 * its user, reported as a BUG with the count, and the cache stays usable.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long live;

	if (!s)
		return;
	might_sleep();
	kasan_quarantine_drain();	/* freed objects KASAN still holds are freed */
	live = slab_objects_in_use(s);
	if (live) {
		report_begin();
		pr_err("BUG %s (Not tainted): kmem_cache_destroy %s: Slab cache still has %lu objects; not destroyed\n",
		       s->name, s->name, live);
		pr_err("INFO: kmem_cache_destroy called from %pS\n", __builtin_return_address(0));
		report_end(0);
		return;
	}
	__kmem_cache_shutdown(s);
	/* Its last slabs may wait for a grace period (rcu_free_slab uses s). */
	if (s->flags & SLAB_TYPESAFE_BY_RCU)
		rcu_barrier();
	kfree_const(s->name);
	kmem_cache_free(kmem_cache, s);
}
EXPORT_SYMBOL(kmem_cache_destroy);

/*
 * kmem_cache_init - the cache of caches first (a static struct, since no
 * cache exists to allocate it from), then the kmalloc caches; and the
 * reclaim hook for the page allocator.
 */
void __init kmem_cache_init(void)
{
	kmem_cache = create_boot_cache(&kmem_cache_boot, "kmem_cache",
				       sizeof(struct kmem_cache), SLAB_HWCACHE_ALIGN);
	create_kmalloc_caches();
	page_alloc_reclaim_hook = kmem_cache_shrink_all;
#ifdef CONFIG_KASAN
	slab_kasan_init();
#endif
}

/* ---------------------------------------------------------------------
 * /proc/slabinfo
 */

/*
 * slab_objects_free_listed - free objects in the slabs on the lists (not
 * the active slab): SLUB's count_partial(), its node partial lists.
 */
static unsigned long slab_objects_free_listed(struct kmem_cache *s)
{
	unsigned long flags, n;
	struct page *page;

	local_irq_save(flags);
	n = s->nr_free_slabs * s->num;
	list_for_each_entry(page, &s->slabs_partial, lru)
		n += s->num - slab_inuse(page);
	local_irq_restore(flags);
	return n;
}

/*
 * slabinfo_show - /proc/slabinfo as Linux 6.1's SLUB fills it
 * (get_slabinfo(), cache_show()): the newest cache first; active_objs
 * counts the active slab's free objects as active (SLUB cannot see a CPU
 * slab's free list from outside), and every slab is an active slab.
 * SLUB has no tunables: 0 0 0.
 */
static void slabinfo_show(void)
{
	struct kmem_cache *s;

	printk("slabinfo - version: 2.1\n");
	printk("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	list_for_each_entry(s, &slab_caches, list) {
		unsigned long nr_objs = s->nr_slabs * s->num;

		printk("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
		       s->name, nr_objs - slab_objects_free_listed(s), nr_objs, s->size, s->num,
		       1 << s->order, 0, 0, 0, s->nr_slabs, s->nr_slabs, 0UL);
	}
}
proc_dump("slabinfo", slabinfo_show);

/* ---------------------------------------------------------------------
 * What an address is, for reports and the shell (Linux keeps these here too)
 */

/**
 * kmem_valid_obj - does @object point into a slab page?
 * @object: any address
 *
 * True for an address in the direct map whose page belongs to a slab cache,
 * whether or not the object there is allocated (kmem_obj_info() tells).
 */
bool kmem_valid_obj(const void *object)
{
	return virt_addr_valid(object) && PageSlab(compound_head(virt_to_page(object)));
}
EXPORT_SYMBOL(kmem_valid_obj);

/**
 * kmem_obj_info - what the slab allocator knows of the object at @object
 * @kpp: filled in
 * @object: an address for which kmem_valid_obj() is true
 *
 * The object @object falls in, its cache, the offset into it, who allocated
 * it (recorded only for caches with SLAB_STORE_USER, slab_debug=U) and
 * whether it is free now.  Linux keeps this for kmem_dump_obj(); the
 * shell uses it to tell a live object of the kernel's own from its own.
 */
void kmem_obj_info(struct kmem_obj_info *kpp, const void *object)
{
	struct page *page = compound_head(virt_to_page(object));
	struct kmem_cache *s = page->slab_cache;
	unsigned long off = (const char *)object - (const char *)slab_first_object(page);
	unsigned long flags;

	*kpp = (struct kmem_obj_info){ .kp_ptr = (void *)object, .kp_slab = page,
				       .kp_slab_cache = s };
	if ((const char *)object < (const char *)slab_first_object(page) ||
	    off / s->size >= s->num)
		return;			/* the slab's colour or tail: no object */
	kpp->kp_objp = (char *)slab_first_object(page) + off / s->size * s->size;
	kpp->kp_data_offset = off % s->size;
	if (s->flags & SLAB_STORE_USER)
		kpp->kp_ret = (void *)slab_alloc_caller(s, kpp->kp_objp);
	local_irq_save(flags);
	kpp->kp_free = on_freelist(s, page, kpp->kp_objp);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(kmem_obj_info);

/**
 * kmem_dump_obj - print what kmem_obj_info() knows, in Linux's words
 * @object: an address for which kmem_valid_obj() is true
 */
void kmem_dump_obj(const void *object)
{
	struct kmem_obj_info kp;

	kmem_obj_info(&kp, object);
	pr_cont(" slab %s", kp.kp_slab_cache->name);
	if (!kp.kp_objp) {
		pr_cont(" outside any object\n");
		return;
	}
	pr_cont(" start %08lx pointer offset %lu size %u%s", (unsigned long)kp.kp_objp,
		kp.kp_data_offset,
		kp.kp_slab_cache->object_size, kp.kp_free ? " (free)" : "");
	if (kp.kp_ret)
		pr_cont(" allocated at %pS", kp.kp_ret);
	pr_cont("\n");
}
EXPORT_SYMBOL(kmem_dump_obj);

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}
EXPORT_SYMBOL(kmem_cache_name);

unsigned int kmem_cache_size(const struct kmem_cache *s)
{
	return s->object_size;
}
EXPORT_SYMBOL(kmem_cache_size);

struct kmem_cache *kmem_cache_find(const char *name)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}
