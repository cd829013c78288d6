// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/mm_helpers.c - snapshots, page stashes and the hardirq runner
 * used by the memory-management suites.
 */
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/irq_work.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/slab_def.h>
#include <linux/fault-inject.h>
#include "../../mm/slab.h"
#include "mm_helpers.h"

void buddy_snapshot_take(struct buddy_snapshot *snap)
{
	unsigned int z, o;

	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &contig_page_data.node_zones[z];

		snap->free_pages[z] = zone->free_pages;
		for (o = 0; o < MAX_ORDER; o++)
			snap->nr_free[z][o] = zone->free_area[o].nr_free;
	}
}

bool buddy_snapshot_equal(const struct buddy_snapshot *snap, bool report)
{
	bool equal = true;
	unsigned int z, o;

	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &contig_page_data.node_zones[z];

		if (snap->free_pages[z] != zone->free_pages) {
			equal = false;
			if (report)
				printk("    # zone %s: %lu free pages, was %lu\n", zone->name,
				       zone->free_pages, snap->free_pages[z]);
		}
		for (o = 0; o < MAX_ORDER; o++) {
			if (snap->nr_free[z][o] == zone->free_area[o].nr_free)
				continue;
			equal = false;
			if (report)
				printk("    # zone %s order %u: %lu free blocks, was %lu\n",
				       zone->name, o, zone->free_area[o].nr_free,
				       snap->nr_free[z][o]);
		}
	}
	return equal;
}

// The pages of @s's slabs, in short: a sum of their pfns, weighted.
static unsigned long slab_pfn_sum(struct kmem_cache *s)
{
	unsigned long flags, sum = 0;
	struct list_head *lists[] = { &s->slabs_partial, &s->slabs_full, &s->slabs_free };
	struct page *page;
	unsigned int i;

	local_irq_save(flags);
	for (i = 0; i < ARRAY_SIZE(lists); i++)
		list_for_each_entry(page, lists[i], lru)
			sum += page_to_pfn(page) * 2654435761UL;
	if (s->cpu_slab)
		sum += page_to_pfn(s->cpu_slab) * 2654435761UL;
	local_irq_restore(flags);
	return sum;
}

static void cache_snapshot_take(struct cache_snapshot *c, struct kmem_cache *s)
{
	c->cache = s;
	strscpy(c->name, s->name, sizeof(c->name));
	c->slabs = s->nr_slabs;
	c->objects = slab_objects_in_use(s);
	c->pfn_sum = slab_pfn_sum(s);
}

void slab_baseline(struct buddy_snapshot *snap)
{
	struct kmem_cache *s;

	kmem_cache_shrink_all();
	buddy_snapshot_take(snap);
	snap->nr_caches = 0;
	list_for_each_entry(s, &slab_caches, list)
		if (snap->nr_caches < SNAPSHOT_CACHES)
			cache_snapshot_take(&snap->caches[snap->nr_caches++], s);
}

// mm_helpers.h
bool slab_equal(const struct buddy_snapshot *snap)
{
	bool equal = buddy_snapshot_equal(snap, true);
	struct cache_snapshot now;
	unsigned int i;

	for (i = 0; i < snap->nr_caches; i++) {
		const struct cache_snapshot *c = &snap->caches[i];
		struct kmem_cache *s;
		bool alive = false;

		list_for_each_entry(s, &slab_caches, list)	/* never read a destroyed one */
			alive |= s == c->cache;
		if (!alive) {
			printk("    # cache %s: destroyed since the snapshot\n", c->name);
			equal = false;
			continue;
		}
		cache_snapshot_take(&now, (struct kmem_cache *)c->cache);
		if (now.slabs == c->slabs && now.objects == c->objects && now.pfn_sum == c->pfn_sum)
			continue;
		printk("    # cache %s: %lu objects in %lu slabs, was %lu in %lu%s\n",
		       c->name, now.objects, now.slabs, c->objects, c->slabs,
		       now.pfn_sum != c->pfn_sum ? " (other pages)" : "");
		equal = false;
	}
	return equal;
}

// RAM in MB (QEMU's -m), for the lines that say why a case was skipped.
static unsigned long ram_mb(void)
{
	return (max_pfn + 255) >> 8;
}

unsigned long zone_room(int z, enum zone_watermarks mark)
{
	const struct zone *zone = &contig_page_data.node_zones[z];

	return zone->free_pages > zone->_watermark[mark] ?
	       zone->free_pages - zone->_watermark[mark] : 0;
}

// Pages zones @lo..@hi have free above their watermark @mark, pcp lists drained.
static unsigned long room_in(int lo, int hi, enum zone_watermarks mark)
{
	unsigned long room = 0;
	int z;

	drain_all_pages();
	for (z = lo; z <= hi; z++)
		room += zone_room(z, mark);
	return room;
}

unsigned long highmem_room(void)
{
	return room_in(ZONE_HIGHMEM, ZONE_HIGHMEM, WMARK_LOW);
}

// Skip @t unless zones @lo..@hi have @want pages free above their high watermarks.
static void need_room(struct ktest *t, unsigned long want, int lo, int hi, const char *where)
{
	unsigned long room = room_in(lo, hi, WMARK_HIGH);

	if (room >= want)
		return;
	ktest_note(t, "needs %lu kB free above the watermarks%s; %lu MB of RAM leave %lu kB",
		   want << 2, where, ram_mb(), room << 2);
	KT_SKIP(t, "not enough free memory at this RAM size");
}

void kt_need_pages(struct ktest *t, unsigned long pages, bool highmem)
{
	need_room(t, pages + pages / 256 + 8, ZONE_DMA, highmem ? ZONE_HIGHMEM : ZONE_NORMAL,
		  highmem ? "" : " in lowmem");
}

void kt_need_highmem(struct ktest *t, unsigned long pages)
{
	need_room(t, pages, ZONE_HIGHMEM, ZONE_HIGHMEM, " in HighMem");
}

void kt_need_block(struct ktest *t, unsigned int order)
{
	unsigned long largest = 0;
	struct zone *zone;
	unsigned int o;

	drain_all_pages();
	for_each_zone(zone) {
		if (is_highmem(zone))
			continue;
		for (o = 0; o < MAX_ORDER; o++) {
			if (!zone->free_area[o].nr_free)
				continue;
			if (o >= order && zone->free_pages >= low_wmark_pages(zone) + (1UL << order))
				return;
			largest = max(largest, PAGE_SIZE << o);
		}
	}
	ktest_note(t, "needs a free lowmem block of %lu kB (order %u); with %lu MB of RAM the largest is %lu kB",
		   (PAGE_SIZE << order) >> 10, order, ram_mb(), largest >> 10);
	KT_SKIP(t, "not enough free memory at this RAM size");
}

void stash_init(struct page_stash *s)
{
	memset(s, 0, sizeof(*s));
	INIT_LIST_HEAD(&s->pages);
}

void stash_add(struct page_stash *s, struct page *page)
{
	list_add(&page->lru, &s->pages);
	s->count++;
	s->pages_held += 1UL << page->private;
	s->by_zone[page_zonenum(page)] += 1UL << page->private;
}

void stash_free_all(struct page_stash *s)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &s->pages, lru) {
		list_del(&page->lru);
		__free_pages(page, page->private);
	}
	stash_init(s);
}

unsigned long stash_fill(struct page_stash *s, gfp_t gfp, unsigned int order)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		stash_add(s, page);
		n++;
	}
	return n;
}

struct hardirq_call {
	struct irq_work work;
	void (*fn)(void *arg);
	void *arg;
};

static void hardirq_trampoline(struct irq_work *work)
{
	struct hardirq_call *c = container_of(work, struct hardirq_call, work);

	c->fn(c->arg);
}

void run_in_hardirq(void (*fn)(void *arg), void *arg)
{
	struct hardirq_call c = { .work = IRQ_WORK_INIT(hardirq_trampoline), .fn = fn, .arg = arg };

	might_sleep_ratelimit_reset();	/* each call's reports are its own */
	irq_work_queue(&c.work);
	irq_work_sync(&c.work);
}

/*
 * Only fail-nth decides here: random failures off, and no knob spares
 * GFP_KERNEL, HighMem or single pages.  @arm false puts everything back.
 */
void fault_knobs_arm(bool arm, u32 *saved)
{
	const struct fault_facility *fs[] = { &failslab_facility, &fail_page_alloc_facility };
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(fs); i++) {
		const struct fault_knob *k;

		if (arm) {
			saved[n++] = fs[i]->attr->verbose;
			saved[n++] = fs[i]->attr->probability;
			fs[i]->attr->verbose = 0;
			fs[i]->attr->probability = 0;
		} else {
			fs[i]->attr->verbose = saved[n++];
			fs[i]->attr->probability = saved[n++];
		}
		for (k = fs[i]->knobs; k->name; k++, n++) {
			if (arm)
				saved[n] = k->flag ? *k->flag : *k->value;
			if (k->flag)
				*k->flag = arm ? false : saved[n];
			else
				*k->value = arm ? 0 : saved[n];
		}
	}
}
