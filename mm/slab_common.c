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
#include <asm/sections.h>
#include "slab.h"

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

void __init create_kmalloc_caches(void)
{
	/* Largest first: slabinfo lists the newest first, so smallest first. */
	static const u8 by_size_down[] = { 13, 12, 11, 10, 9, 8, 2, 7, 1, 6, 5, 4, 3 };
	unsigned int type, n;

	for (type = NR_KMALLOC_TYPES; type-- > 0;) {
		for (n = 0; n < ARRAY_SIZE(by_size_down); n++) {
			unsigned int i = by_size_down[n];
			unsigned long flags = SLAB_KMALLOC | (type == KMALLOC_DMA ? SLAB_CACHE_DMA : 0);

			create_boot_cache(&kmalloc_caches[type][i], type == KMALLOC_DMA ?
					  kmalloc_info[i].dma_name : kmalloc_info[i].name,
					  kmalloc_info[i].size, flags);
		}
	}
}

static inline unsigned int get_order(size_t size)
{
	return size <= PAGE_SIZE ? 0 : fls((size - 1) >> PAGE_SHIFT);
}

// Above 8 KB: a compound block of pages straight from the buddy allocator.
static void *kmalloc_large(size_t size, gfp_t gfp, unsigned long caller)
{
	unsigned int order;
	struct page *page;

	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		WARN(1, "kmalloc: size %zu (from %pS) is above KMALLOC_MAX_SIZE (%lu bytes, order %d): refused\n",
		     size, (void *)caller, KMALLOC_MAX_SIZE, MAX_ORDER - 1);
		return NULL;
	}
	order = get_order(size);
	page = alloc_pages(gfp | __GFP_COMP, order);
	if (!page)
		return NULL;
	mod_vm_stat(NR_KMALLOC_LARGE, 1L << order);
	return page_address(page);
}

/*
 * kfree_large - kfree() of something that is not in a slab: it must be the
 * start of a kmalloc_large() block (a compound head page).
 */
void kfree_large(struct page *page, const void *obj, unsigned long caller)
{
	unsigned int order = page->private;

	if (unlikely(!PageHead(page) || obj != page_address(page))) {
		slab_report(NULL, "kfree", obj, caller,
			    "0x%08lx was not allocated by kmalloc (pfn %#lx is %s)",
			    (unsigned long)obj, page_to_pfn(page),
			    PageReserved(page) ? "reserved: kernel image, stack or boot data" :
			    PageHead(page) ? "a kmalloc block, but not its start" :
			    PageBuddy(page) || !page_count(page) ? "free" :
			    "a page from the page allocator: free it with free_pages()");
		return;
	}
	mod_vm_stat(NR_KMALLOC_LARGE, -(1L << order));
	__free_pages(page, order);
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
	if (unlikely(size - 1 >= KMALLOC_MAX_CACHE_SIZE || (gfp & __GFP_HIGHMEM)))
		return kmalloc_slow(size, gfp, _RET_IP_);
	return slab_alloc(&kmalloc_caches[kmalloc_type(gfp)][size_to_index(size)], gfp,
			  _RET_IP_, size);
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

/* ksize - how many bytes really are usable at @obj (>= what was asked). */
size_t ksize(const void *obj)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj) || !virt_addr_valid(obj))
		return 0;
	page = compound_head(virt_to_page(obj));
	if (PageSlab(page)) {
		struct kmem_cache *s = page->slab_cache;

		/* The caller now owns all of it: debugging must not call the
		 * bytes past the original request a red zone any more. */
		if (s->flags & SLAB_RED_ZONE)
			debug_set_orig_size(s, (void *)obj, s->object_size);
		return s->object_size;
	}
	return PageHead(page) ? PAGE_SIZE << page->private : 0;
}
EXPORT_SYMBOL(ksize);

/**
 * krealloc - resize a kmalloc() block, keeping its contents
 * @p: the block (NULL: like kmalloc)
 * @new_size: the new size (0: like kfree, returns ZERO_SIZE_PTR)
 * @gfp: for a new block
 *
 * Return: @p itself if it is already big enough, else a new block with the
 * old contents (and @p freed); NULL on failure, leaving @p untouched.
 */
void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	size_t old;
	void *n;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	old = ksize(p);
	if (new_size <= old)
		return (void *)p;
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

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
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
