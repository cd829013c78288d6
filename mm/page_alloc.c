// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc.c - the buddy allocator: physical pages in blocks of 2^order.
 *
 * Every zone keeps free_area[0..10]: lists of free blocks of 1, 2, 4 ...
 * 1024 pages.  A block of order n starting at pfn p is always aligned:
 * p is a multiple of 2^n.  Its "buddy" is the block it was split from the
 * other half of, at pfn p ^ 2^n.
 *
 *   allocate order n: take a block from the smallest non-empty list of
 *                     order >= n; while it is too big, split it in two and
 *                     put the upper half on the list one order down.
 *   free order n:     while the buddy is also free at order n, take it off
 *                     its list and merge, one order up; put the result on
 *                     its list.
 *
 * So free memory never stays split once both halves are free, and large
 * physically contiguous blocks survive for those who need them (this is
 * the "物理连续" of the seed articles: alloc_pages and kmalloc hand out
 * physically contiguous memory because this allocator does).
 *
 * Invariants (checked by check_free_areas(), mm/page_alloc_check.c):
 *  - a free block heads with PageBuddy set and page->private = its order;
 *    its other pages have neither PageBuddy nor a reference;
 *  - blocks are aligned to their order, lie inside their zone, never
 *    overlap, and no two free buddies of the same order stay unmerged;
 *  - free_area[n].nr_free counts the list; zone->free_pages is the sum.
 *
 * Allocated blocks: the first page has _refcount 1 and page->private = the
 * order it was allocated with, so that freeing with another order is
 * caught instead of silently corrupting the lists.
 *
 * In front of the buddy lists sit the per-CPU page lists (zone->pcp, see
 * mmzone.h): a block of order 0..3 that is freed waits there for the next
 * allocation of its order, so a page freed and allocated again costs no
 * merging and no splitting.  The lists exchange @batch pages at a time with
 * the buddy lists and never hold more than @high.
 *
 * The free lists are shared with interrupt handlers (GFP_ATOMIC), so every
 * change to them runs with interrupts off, as Linux holds zone->lock with
 * spin_lock_irqsave().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/bitops.h>
#include <linux/export.h>
#include <linux/fault-inject.h>
#include <linux/kasan.h>
#include "internal.h"

struct pglist_data contig_page_data;
unsigned long (*page_alloc_reclaim_hook)(void);

/*
 * init_on_alloc=1: zero every block as it is handed out (so __GFP_ZERO
 * costs nothing more); init_on_free=1: zero it when it comes back (and
 * then not again on allocation: the free lists hold only zeroed pages).
 * Linux's hardening against leaking old contents; Debian turns
 * init_on_alloc on by default.  Slab and vmalloc memory is covered too:
 * it comes from here (slab objects also have their own, mm/slab.c).
 */
bool init_on_alloc;
bool init_on_free;
EXPORT_SYMBOL(init_on_alloc);
EXPORT_SYMBOL(init_on_free);

static int __init early_init_on_alloc(char *buf)
{
	if (kstrtobool(buf, &init_on_alloc))
		return param_invalid("not a boolean (1/0, y/n, on/off)");
	return 0;
}
early_param("init_on_alloc", early_init_on_alloc);

static int __init early_init_on_free(char *buf)
{
	if (kstrtobool(buf, &init_on_free))
		return param_invalid("not a boolean (1/0, y/n, on/off)");
	return 0;
}
early_param("init_on_free", early_init_on_free);

// Linux's report_meminit(): which memory is zeroed automatically.
void __init report_meminit(void)
{
	pr_info("mem auto-init: stack:off, heap alloc:%s, heap free:%s\n",
		init_on_alloc ? "on" : "off", init_on_free ? "on" : "off");
}

// Zero 2^@order pages (HighMem ones through kmap_atomic).
void kernel_init_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++)
		clear_highpage(page + i);
}

const char *const zone_name_table[MAX_NR_ZONES] = { "DMA", "Normal", "HighMem", "Movable" };

/* How far below its watermark an allocation may go (alloc_flags). */
#define ALLOC_WMARK_MASK	0x03	/* index into zone->_watermark[] */
#define ALLOC_HARDER		0x10	/* GFP_ATOMIC: min -= min / 4 */
#define ALLOC_HIGH		0x20	/* __GFP_HIGH: min -= min / 2 */

/* ---------------------------------------------------------------------
 * The free lists
 */

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

static inline void add_to_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	set_buddy_order(page, order);
	list_add(&page->lru, &area->free_list);
	area->nr_free++;
}

static inline void del_page_from_free_list(struct page *page, struct zone *zone,
					   unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/*
 * __free_one_page - put a block on the free lists, merging with its buddies.
 * Called with interrupts off.
 */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order)
{
	zone->free_pages += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + ((long)buddy_pfn - (long)pfn);

		if (!page_is_buddy(zone, buddy, buddy_pfn, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		pfn &= buddy_pfn;		/* the merged block starts lower */
		page = pfn_to_page(pfn);
		order++;
	}
	add_to_free_list(page, zone, order);
}

/*
 * expand - split a block of order @high down to order @low, keeping the
 * first part: each upper half goes back on the list one order down.
 */
static inline void expand(struct zone *zone, struct page *page, unsigned int low,
			  unsigned int high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high);
	}
}

/* __rmqueue_smallest - take a block of @order from @zone, or NULL. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order);
		zone->free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}

/* ---------------------------------------------------------------------
 * The per-CPU page lists
 */

// The first block on pcp list @list (of @order, not empty) of @zone, taken off.
static __always_inline struct page *pcp_pop(struct zone *zone, struct list_head *list,
					    unsigned int order)
{
	struct page *page = list_first_entry(list, struct page, lru);

	list_del(&page->lru);
	zone->pcp.count -= 1 << order;
	return page;
}

/*
 * rmqueue - take a block of @order from @zone: from the pcp list of its
 * order when it has one (refilled with a batch from the buddy lists when
 * empty), else straight from the buddy lists.  Interrupts are off.
 */
static __always_inline struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	struct list_head *list;
	struct page *page;
	int n;

	if (order >= NR_PCP_ORDERS)
		return __rmqueue_smallest(zone, order);
	list = &pcp->lists[order];
	if (unlikely(list_empty(list))) {
#ifdef __clang__
		/*
		 * Inlined into a loop (the bulk allocator), clang works out
		 * the eleven free-list addresses of the buddy search before
		 * the loop, refill or not: about 30 instructions a call.
		 * (gcc does not, and the hiding costs it a few.)
		 */
		OPTIMIZER_HIDE_VAR(zone);
#endif
		for (n = max(pcp->batch >> order, 1); n > 0; n--) {
			page = __rmqueue_smallest(zone, order);
			if (!page)
				break;
			list_add_tail(&page->lru, list);
			pcp->count += 1 << order;
		}
		if (list_empty(list))
			return NULL;
	}
	return pcp_pop(zone, list, order);
}

/*
 * free_pcppages_bulk - give @count pages from @zone's pcp lists back to
 * the buddy lists: the highest orders first (the blocks least likely to be
 * asked for again), and from each list the coldest (least recently freed)
 * first, so that the pages just refilled for a hot order are not the ones
 * sent back.  Interrupts are off.
 */
unsigned long free_pcppages_bulk(struct zone *zone, int count)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	unsigned long freed = 0;
	int order = NR_PCP_ORDERS - 1;

	while (count > 0 && order >= 0) {
		struct list_head *list = &pcp->lists[order];
		struct page *page;

		if (list_empty(list)) {
			order--;
			continue;
		}
		page = list_last_entry(list, struct page, lru);
		list_del(&page->lru);
		pcp->count -= 1 << order;
		count -= 1 << order;
		freed += 1UL << order;
		__free_one_page(page, page_to_pfn(page), zone, order);
	}
	return freed;
}

/* drain_all_pages - empty every pcp list into the buddy lists. */
unsigned long drain_all_pages(void)
{
	unsigned long flags, freed = 0;
	struct zone *zone;

	local_irq_save(flags);
	for_each_zone(zone)
		freed += free_pcppages_bulk(zone, zone->pcp.count);
	local_irq_restore(flags);
	return freed;
}

/*
 * zone_pcp_disable - bypass @zone's pcp lists (drained, high 0, batch 1):
 * every block goes straight to and from the buddy lists.  Tests that watch
 * the buddy lists themselves use it, as Linux's memory hotplug does.
 */
void zone_pcp_disable(struct zone *zone)
{
	unsigned long flags;

	local_irq_save(flags);
	zone->pcp.high = 0;
	zone->pcp.batch = 1;
	free_pcppages_bulk(zone, zone->pcp.count);
	local_irq_restore(flags);
}

/*
 * zone_pcp_enable - Linux's sizes: batch about a quarter of a 1024th of
 * the zone, rounded to 2^n - 1; high the zone's low watermark (at least
 * four batches).
 */
void zone_pcp_enable(struct zone *zone)
{
	int batch = min(zone->managed_pages >> 10, 256UL) / 4;

	batch = batch < 1 ? 1 : (int)roundup_pow_of_two(batch + batch / 2 + 1) / 2 - 1;
	zone->pcp.batch = max(batch, 1);
	zone->pcp.high = max_t(int, low_wmark_pages(zone), 4 * zone->pcp.batch);
}

/* ---------------------------------------------------------------------
 * Watermarks and zone choice
 */

/*
 * __zone_watermark_ok - would @zone still have more than @mark free pages
 * (plus what it keeps back for allocations that could use a higher zone)
 * after handing out a block of @order?  For order > 0 a block of at least
 * that order must also exist.
 */
// For order > 0: is a free block of at least @order on @z's buddy lists?
static __always_inline bool has_free_block(const struct zone *z, unsigned int order)
{
	unsigned int o;

	if (!order)
		return true;
	for (o = order; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

static bool __zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
				enum zone_type highest, unsigned int alloc_flags)
{
	long min = mark;
	long free_pages = (long)z->free_pages - ((1L << order) - 1);

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min + (long)z->lowmem_reserve[highest])
		return false;
	return has_free_block(z, order);
}

/*
 * alloc_pages_fast - the common case of alloc_pages(), inline there: a
 * block of order 0..3 from the pcp list of @zone, the first zone the GFP
 * flags allow, when @zone is above its low watermark.  That is the first
 * thing get_page_from_freelist() tries, checked the same way (a zone keeps
 * no lowmem_reserve against its own allocations), without the loop over
 * zones and alloc_flags.  NULL: the full path decides.
 */
static __always_inline struct page *alloc_pages_fast(struct zone *zone, unsigned int order)
{
	struct list_head *list;
	struct page *page = NULL;
	unsigned long flags;

	if (order >= NR_PCP_ORDERS)
		return NULL;
	list = &zone->pcp.lists[order];
	local_irq_save(flags);
	if (likely(!list_empty(list)) &&
	    likely((long)zone->free_pages - ((1L << order) - 1) > (long)low_wmark_pages(zone)) &&
	    has_free_block(zone, order)) {
		page = pcp_pop(zone, list, order);
		zone->nr_alloc += 1UL << order;
	}
	local_irq_restore(flags);
	return page;
}

/*
 * get_page_from_freelist - try the zones from @highest down to DMA (the
 * fallback order HighMem -> Normal -> DMA) against the watermark that
 * @alloc_flags selects.
 */
static struct page *get_page_from_freelist(unsigned int order, enum zone_type highest,
					   unsigned int alloc_flags)
{
	int z;

	for (z = highest; z >= 0; z--) {
		struct zone *zone = &contig_page_data.node_zones[z];
		unsigned long flags;
		struct page *page;

		if (!zone->managed_pages)
			continue;
		local_irq_save(flags);
		page = NULL;
		if (__zone_watermark_ok(zone, order, zone->_watermark[alloc_flags & ALLOC_WMARK_MASK],
					highest, alloc_flags))
			page = rmqueue(zone, order);
		if (page)
			zone->nr_alloc += 1UL << order;	/* Linux's pgalloc_<zone> counts pages */
		local_irq_restore(flags);
		if (page)
			return page;
	}
	return NULL;
}

static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int flags = WMARK_MIN;

	if (gfp & __GFP_HIGH)
		flags |= ALLOC_HIGH;
	if (gfp & __GFP_ATOMIC)
		flags |= ALLOC_HARDER;
	return flags;
}

/*
 * prep_compound_page - make a block one unit: PG_head on the first page,
 * PG_tail and a pointer to the head on the others (compound_head()).
 */
static void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long i;

	__SetPageHead(page);
	for (i = 1; i < (1UL << order); i++) {
		__SetPageTail(page + i);
		page[i].lru.next = (struct list_head *)page;
	}
}

/*
 * Should a block allocated with @gfp be zeroed?  Not with init_on_free (it
 * is zero already), nor for a caller that zeroes it itself (__GFP_SKIP_ZERO).
 */
static inline bool zero_new_page(gfp_t gfp)
{
	return unlikely(want_init_on_alloc(gfp)) && !want_init_on_free() &&
	       !(gfp & __GFP_SKIP_ZERO);
}

// A new block is handed out: one reference, its order remembered; zeroed if @init.
static __always_inline void prep_new_page(struct page *page, unsigned int order, gfp_t gfp,
					  bool init)
{
	set_page_count(page, 1);
	page->private = order;
	kasan_alloc_pages(page, order);
	if (gfp & __GFP_COMP)
		prep_compound_page(page, order);
	if (unlikely(init))
		kernel_init_pages(page, order);
}

/**
 * alloc_pages - allocate 2^@order physically contiguous pages
 * @gfp: GFP flags: which zones, whether the caller may sleep
 * @order: 0 (one page) to MAX_ORDER - 1 (1024 pages, 4 MB)
 *
 * First every allowed zone is tried against its low watermark, then
 * against min (reduced for GFP_ATOMIC).  A caller that may sleep then asks
 * the slab layer to give back empty slabs and tries once more.  HighMem
 * pages have no kernel address until kmap()ed.
 *
 * Return: the first page of the block, or NULL.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	enum zone_type highest;
	unsigned int alloc_flags;
	struct page *page;

	if (unlikely(order >= MAX_ORDER)) {
		WARN(!(gfp & __GFP_NOWARN), "alloc_pages: order %u is above MAX_ORDER - 1 (%d): refused\n",
		     order, MAX_ORDER - 1);
		return NULL;
	}
	might_sleep_if(gfpflags_allow_blocking(gfp));
	if (should_fail_alloc_page(gfp, order))	/* mm/fail_page_alloc.c */
		return NULL;

	page = alloc_pages_fast(gfp_first_zone(gfp), order);
	if (likely(page))
		goto out;
	highest = gfp_zone(gfp);
	alloc_flags = gfp_to_alloc_flags(gfp);
	page = get_page_from_freelist(order, highest, WMARK_LOW);
	if (!page)
		page = get_page_from_freelist(order, highest, alloc_flags);
	if (!page && drain_all_pages())		/* pcp pages back to the buddy lists */
		page = get_page_from_freelist(order, highest, alloc_flags);
	if (!page && gfpflags_allow_blocking(gfp) && page_alloc_reclaim_hook &&
	    page_alloc_reclaim_hook()) {
		drain_all_pages();	/* reclaimed blocks may sit on pcp lists */
		page = get_page_from_freelist(order, highest, alloc_flags);
	}
	if (unlikely(!page)) {
		if (!(gfp & __GFP_NOWARN))
			warn_alloc(gfp, order);
		return NULL;
	}
out:
	prep_new_page(page, order, gfp, zero_new_page(gfp));
	return page;
}
EXPORT_SYMBOL(alloc_pages);

/**
 * alloc_pages_bulk_array - fill the empty slots of @page_array with pages
 * @gfp: GFP flags, as for alloc_pages()
 * @nr_pages: the size of @page_array
 * @page_array: NULL entries are filled, others are left alone
 *
 * Order-0 pages for callers that need many (vmalloc): the zone is chosen
 * and its watermark checked once per batch, with interrupts off once,
 * instead of once per page.  What the fast pass cannot give is asked of
 * alloc_pages() one page at a time (with its fallback and reclaim).
 * Return: the number of pages now in the array.
 */
unsigned long alloc_pages_bulk_array(gfp_t gfp, unsigned long nr_pages,
				     struct page **page_array)
{
	enum zone_type highest = gfp_zone(gfp);
	bool init = zero_new_page(gfp);
	unsigned long i = 0, filled = 0;
	int z;

	might_sleep_if(gfpflags_allow_blocking(gfp));
	/*
	 * The fast pass starts at the first populated zone (gfp_first_zone()).
	 * With fault injection armed, every page goes through alloc_pages().
	 */
	z = fault_inject_active ? -1 : contig_page_data.zonelist_first[gfp & GFP_ZONEMASK];
	for (; z >= 0 && i < nr_pages; z--) {	/* fast pass */
		struct zone *zone = &contig_page_data.node_zones[z];
		unsigned long flags, taken = 0;
		bool room;

		if (!zone->managed_pages)
			continue;
		local_irq_save(flags);
		/*
		 * Room above the low watermark for every page still wanted
		 * means no page needs its own check (free_pages only falls as
		 * they are taken).
		 */
		room = __zone_watermark_ok(zone, 0, low_wmark_pages(zone) + nr_pages - i,
					   highest, 0);
		for (; i < nr_pages; i++) {
			struct page *page;

			if (page_array[i]) {
				filled++;
				continue;
			}
			if (!room && !__zone_watermark_ok(zone, 0, low_wmark_pages(zone), highest, 0))
				break;
			page = rmqueue(zone, 0);
			if (!page)
				break;
			prep_new_page(page, 0, gfp & ~__GFP_COMP, init);	/* order 0: never compound */
			page_array[i] = page;
			taken++;
		}
		zone->nr_alloc += taken;
		filled += taken;
		local_irq_restore(flags);
	}
	if (i == nr_pages)
		return filled;
	/* The fast pass fell short: the rest one page at a time. */
	for (i = 0, filled = 0; i < nr_pages; i++) {
		if (!page_array[i])
			page_array[i] = alloc_pages(gfp, 0);
		filled += page_array[i] != NULL;
	}
	return filled;
}

/* __get_free_pages - alloc_pages() for lowmem, returning the kernel address. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (WARN(gfp & __GFP_HIGHMEM,
		 "__get_free_pages: __GFP_HIGHMEM pages have no address; use alloc_pages\n"))
		gfp &= ~__GFP_HIGHMEM;
	page = alloc_pages(gfp, order);
	return page ? (unsigned long)page_address(page) : 0;
}
EXPORT_SYMBOL(__get_free_pages);

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}
EXPORT_SYMBOL(get_zeroed_page);

/**
 * split_page - make a block of 2^@order pages 2^@order single pages
 * @page: the first page, from alloc_pages() without __GFP_COMP
 * @order: its order
 *
 * Each page gets its own reference and is freed on its own
 * (__free_page), in any order.
 */
void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	if (WARN(PageHead(page) || page->private != order,
		 "split_page: pfn %#lx is not an order-%u block of single pages\n",
		 page_to_pfn(page), order))
		return;
	for (i = 0; i < (1UL << order); i++) {
		set_page_count(page + i, 1);
		page[i].private = 0;
	}
}
EXPORT_SYMBOL(split_page);

/*
 * make_alloc_exact - keep the first pages of an order-@order block at
 * @addr that @size needs, and free the rest one page at a time.
 */
static void *make_alloc_exact(unsigned long addr, unsigned int order, size_t size)
{
	if (addr) {
		struct page *page = virt_to_page((void *)addr);
		unsigned long nr = PFN_UP(size), i;

		split_page(page, order);
		for (i = nr; i < (1UL << order); i++)
			__free_page(page + i);
	}
	return (void *)addr;
}

/**
 * alloc_pages_exact - physically contiguous pages for @size bytes, no more
 * @size: bytes (rounded up to pages)
 * @gfp: lowmem flags; __GFP_COMP and __GFP_HIGHMEM make no sense here and
 *       are dropped with a WARNING
 *
 * alloc_pages() gives powers of two: 5 pages would cost 8.  This takes the
 * order-3 block and gives the last 3 pages back at once, so a 20 KB DMA
 * buffer costs 5 pages.  Free it with free_pages_exact(addr, @size).
 * Return: the kernel address, or NULL.
 */
void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	unsigned int order = get_order(size);

	if (WARN_ON_ONCE(gfp & (__GFP_COMP | __GFP_HIGHMEM)))
		gfp &= ~(__GFP_COMP | __GFP_HIGHMEM);
	return make_alloc_exact(__get_free_pages(gfp, order), order, size);
}
EXPORT_SYMBOL(alloc_pages_exact);

/**
 * free_pages_exact - free what alloc_pages_exact() gave
 * @virt: its address
 * @size: the size that was asked for
 */
void free_pages_exact(void *virt, size_t size)
{
	unsigned long addr = (unsigned long)virt, end = addr + PAGE_ALIGN(size);

	for (; addr < end; addr += PAGE_SIZE)
		free_page(addr);
}
EXPORT_SYMBOL(free_pages_exact);

/* ---------------------------------------------------------------------
 * Freeing, and what a free must not be
 */

/*
 * free_the_page - a block whose last reference is gone: onto its pcp list
 * (order 0..3; a batch goes back to the buddy lists when the lists hold
 * more than high), or straight to the buddy lists.
 */
static void free_the_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags, i;

	page->private = 0;
	if (unlikely(PageHead(page))) {
		__ClearPageHead(page);
		for (i = 1; i < (1UL << order); i++)
			__ClearPageTail(page + i);
	}
	free_pages_prepare(page, order);
	local_irq_save(flags);
	zone->nr_freed += 1UL << order;	/* Linux's pgfree counts pages */
	if (order < NR_PCP_ORDERS) {
		free_unref_page_commit(zone, page, order);
		free_pcp_trim(zone);
	} else {
		__free_one_page(page, page_to_pfn(page), zone, order);
	}
	local_irq_restore(flags);
}

// Shared by __free_pages() and put_page(): check, drop a reference, free at 0.
static void free_pages_checked(const char *func, struct page *page, unsigned int order,
			       unsigned long caller)
{
	/* free_page_is_bad()'s tests at once; it names the one that failed */
	if (unlikely(order >= MAX_ORDER || (page->flags & PAGE_FLAGS_CHECK_AT_FREE) ||
		     page->_refcount <= 0 || page->private != order ||
		     (page_to_pfn(page) & ((1UL << order) - 1)))) {
		bad_page(func, page, order, order >= MAX_ORDER ? "order is above MAX_ORDER - 1" :
			 free_page_is_bad(page, order), caller);
		return;
	}
	if (--page->_refcount == 0)
		free_the_page(page, order);
}

/**
 * __free_pages - give back 2^@order pages allocated with alloc_pages()
 * @page: the first page of the block
 * @order: the order it was allocated with
 *
 * Drops one reference; the block is freed when none are left.  A double
 * free, a wrong order, a reserved or slab page is reported
 * ("BUG: Bad page state") and refused.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if ((unsigned long)(page - mem_map) >= max_pfn) {
		bad_free_address("__free_pages", (unsigned long)page, order,
				 "not a struct page in mem_map", _RET_IP_);
		return;
	}
	free_pages_checked("__free_pages", page, order, _RET_IP_);
}
EXPORT_SYMBOL(__free_pages);

/**
 * free_pages - give back pages allocated with __get_free_pages()
 * @addr: the kernel address __get_free_pages() returned (0 is ignored)
 * @order: the order it was allocated with
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (addr & ~PAGE_MASK) {
		bad_free_address("free_pages", addr, order, "address not page-aligned", _RET_IP_);
		return;
	}
	if (!virt_addr_valid((void *)addr)) {
		bad_free_address("free_pages", addr, order,
				 "address not in lowmem (vmalloc, kmap or user address?)", _RET_IP_);
		return;
	}
	free_pages_checked("free_pages", virt_to_page(addr), order, _RET_IP_);
}
EXPORT_SYMBOL(free_pages);

/* put_page - drop a reference; the last one frees the block it heads. */
void put_page(struct page *page)
{
	free_pages_checked("put_page", page, page->private, _RET_IP_);
}
EXPORT_SYMBOL(put_page);
