// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/slab_test.c - ktest suite "slab": kmem_cache_* itself.
 *
 * Creating caches (the name copied), the constructor's timing, growth and shrinking with the
 * three slab lists, colouring and alignment, DMA caches, allocation in
 * interrupt context, reclaim under memory pressure (GFP_KERNEL reclaims,
 * GFP_ATOMIC does not), destroying a cache that still has objects, and the
 * wrong-cache free.  "Nothing lost": caches shrunk, buddyinfo as before.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <asm/io.h>
#include <mm386/ktest.h>
#include "../../mm/slab.h"
#include "mm_helpers.h"

static struct buddy_snapshot before;


static void create_alloc_free(struct ktest *t)
{
	struct kmem_cache *s;
	char *obj[3];
	int i;

	slab_baseline(&before);
	s = kmem_cache_create("test_100", 100, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	KT_EXPECT_STREQ(t, kmem_cache_name(s), "test_100");
	KT_EXPECT_EQ(t, kmem_cache_size(s), 100);
	KT_EXPECT_PTR_EQ(t, kmem_cache_find("test_100"), s);
	for (i = 0; i < 3; i++) {
		struct page *page;

		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, obj[i]);
		KT_EXPECT_TRUE(t, virt_addr_valid(obj[i]));
		page = virt_to_page(obj[i]);
		KT_EXPECT_TRUE(t, PageSlab(page));
		KT_EXPECT_PTR_EQ(t, page->slab_cache, s);
		memset(obj[i], i, 100);
	}
	for (i = 1; i < 3; i++)		/* no overlap */
		KT_EXPECT_GE(t, (unsigned long)(obj[i] > obj[i - 1] ? obj[i] - obj[i - 1] :
						 obj[i - 1] - obj[i]), 100);
	KT_EXPECT_EQ(t, slab_objects_in_use(s), 3);
	for (i = 0; i < 3; i++)
		KT_EXPECT_NULL(t, memchr_inv(obj[i], i, 100));
	for (i = 0; i < 3; i++)
		kmem_cache_free(s, obj[i]);
	KT_EXPECT_EQ(t, slab_objects_in_use(s), 0);
	kmem_cache_destroy(s);
	KT_EXPECT_NULL(t, kmem_cache_find("test_100"));
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

struct thing {
	unsigned long magic;
	int state;
	char name[20];
};

static unsigned long ctor_calls;

static void thing_ctor(void *p)
{
	struct thing *th = p;

	ctor_calls++;
	th->magic = 0x7417c0de;
	th->state = 1;
	strcpy(th->name, "constructed");
}

/* The constructor runs for every object when a slab is made, not on each
 * allocation; a freed object comes back as it was left. */
/*
 * The cache keeps a copy of a name that is not in the kernel's rodata
 * (Linux's kstrdup_const), so a caller's buffer, or a module's string, may
 * change or go away; kmem_cache_destroy() frees the copy.
 */
static void cache_name_is_copied(struct ktest *t)
{
	static const char literal[] = "test_literal";
	struct kmem_cache *s, *lit;
	char *buf;

	slab_baseline(&before);
	buf = kstrdup("test_named", GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, buf);
	s = kmem_cache_create(buf, 32, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	KT_EXPECT_TRUE(t, kmem_cache_name(s) != buf);
	memset(buf, 'x', strlen(buf));
	kfree(buf);
	KT_EXPECT_STREQ(t, kmem_cache_name(s), "test_named");
	KT_EXPECT_PTR_EQ(t, kmem_cache_find("test_named"), s);
	lit = kmem_cache_create(literal, 32, 0, 0, NULL);	/* rodata: kept as is */
	KT_ASSERT_NOT_NULL(t, lit);
	KT_EXPECT_PTR_EQ(t, kmem_cache_name(lit), literal);
	kmem_cache_destroy(lit);
	kmem_cache_destroy(s);
	KT_EXPECT_NULL(t, kmem_cache_find("test_named"));
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);	/* the copy went back too */
}

static void constructor_runs_at_slab_creation(struct ktest *t)
{
	struct kmem_cache *s;
	struct thing *a, *b;

	slab_baseline(&before);
	ctor_calls = 0;
	s = kmem_cache_create("test_thing", sizeof(struct thing), 0, 0, thing_ctor);
	KT_ASSERT_NOT_NULL(t, s);
	KT_EXPECT_EQ(t, ctor_calls, 0);		/* no slab yet */
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, a);
	KT_EXPECT_EQ(t, ctor_calls, s->num);	/* the whole slab */
	KT_EXPECT_EQ(t, a->magic, 0x7417c0de);
	KT_EXPECT_STREQ(t, a->name, "constructed");
	a->state = 42;				/* the user changes it ... */
	kmem_cache_free(s, a);
	b = kmem_cache_alloc(s, GFP_KERNEL);	/* ... and gets it back as left */
	KT_EXPECT_PTR_EQ(t, b, a);
	KT_EXPECT_EQ(t, b->state, 42);
	KT_EXPECT_EQ(t, b->magic, 0x7417c0de);
	KT_EXPECT_EQ(t, ctor_calls, s->num);	/* not constructed again */
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void growth_and_shrink(struct ktest *t)
{
	struct kmem_cache *s;
	void **objs;
	unsigned int i, n;

	slab_baseline(&before);
	s = kmem_cache_create("test_grow", 256, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	n = 3 * s->num;
	objs = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, objs);
	for (i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, objs[i]);
	}
	/* Two full slabs on the full list, the third is the active slab. */
	KT_EXPECT_EQ(t, s->nr_slabs, 3);
	KT_EXPECT_EQ(t, list_count_nodes(&s->slabs_full), 2);
	KT_EXPECT_TRUE(t, list_empty(&s->slabs_partial));
	KT_ASSERT_NOT_NULL(t, s->cpu_slab);
	KT_EXPECT_NULL(t, s->cpu_slab->freelist);
	kmem_cache_free(s, objs[0]);		/* full -> partial */
	KT_EXPECT_EQ(t, list_count_nodes(&s->slabs_partial), 1);
	KT_EXPECT_EQ(t, list_count_nodes(&s->slabs_full), 1);
	for (i = 1; i < n; i++)
		kmem_cache_free(s, objs[i]);
	/* Empty slabs are kept (up to min_partial) for the next allocation;
	 * the active slab stays active, empty. */
	KT_EXPECT_EQ(t, s->nr_slabs, 3);
	KT_EXPECT_EQ(t, s->nr_free_slabs, 2);
	KT_EXPECT_EQ(t, list_count_nodes(&s->slabs_free), 2);
	KT_EXPECT_EQ(t, slab_inuse(s->cpu_slab), 0);
	KT_EXPECT_EQ(t, kmem_cache_validate(s), 0);
	kmem_cache_shrink(s);
	KT_EXPECT_EQ(t, s->nr_slabs, 0);
	kfree(objs);
	kmem_cache_destroy(s);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* Beyond min_partial empty slabs, pages go straight back. */
static void empty_slabs_are_bounded(struct ktest *t)
{
	struct kmem_cache *s;
	void **objs;
	unsigned int i, n;

	slab_baseline(&before);
	s = kmem_cache_create("test_bound", 2048, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	n = (s->min_partial + 4) * s->num;
	objs = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, objs);
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_EQ(t, s->nr_slabs, s->min_partial + 4);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	KT_EXPECT_EQ(t, s->nr_free_slabs, s->min_partial);
	KT_EXPECT_EQ(t, s->nr_slabs, s->min_partial + 1);	/* and the active slab */
	kfree(objs);
	kmem_cache_destroy(s);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* Bonwick's colours: each new slab starts its objects one step later. */
static void colouring(struct ktest *t)
{
	struct kmem_cache *s;
	void *first[4], **all;
	unsigned int i, j, n;

	slab_baseline(&before);
	s = kmem_cache_create("test_colour", 1000, 0, 0, NULL);	/* 8 in 2 pages, 192 bytes left */
	KT_ASSERT_NOT_NULL(t, s);
	if ((s->flags & SLAB_DEBUG_FLAGS) && s->colour <= 2) {
		/* slab_debug=F or U: 20 bytes of metadata per object eat the leftover */
		kmem_cache_destroy(s);
		KT_SKIP(t, "slab_debug's metadata leaves this cache fewer than 3 colours");
	}
	KT_ASSERT_GT(t, s->colour, 2);
	n = 3 * s->num;
	all = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, all);
	for (i = 0, j = 0; i < n; i++) {
		all[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, all[i]);
		if (i % s->num == 0)
			first[j++] = all[i];
	}
	for (i = 0; i < 3; i++)
		KT_EXPECT_EQ(t, ((unsigned long)first[i] & ~PAGE_MASK) - s->red_left_pad,
			     i * s->colour_off);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, all[i]);
	kfree(all);
	kmem_cache_destroy(s);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void alignment(struct ktest *t)
{
	struct kmem_cache *hw, *a256;
	void *p, *q, *r;

	slab_baseline(&before);
	hw = kmem_cache_create("test_hwalign", 20, 0, SLAB_HWCACHE_ALIGN, NULL);
	a256 = kmem_cache_create("test_align256", 100, 256, 0, NULL);
	KT_ASSERT_NOT_NULL(t, hw);
	KT_ASSERT_NOT_NULL(t, a256);
	p = kmem_cache_alloc(hw, GFP_KERNEL);
	q = kmem_cache_alloc(hw, GFP_KERNEL);
	r = kmem_cache_alloc(a256, GFP_KERNEL);
	KT_EXPECT_EQ(t, (unsigned long)p % 32, 0);	/* 20 bytes: half a line */
	KT_EXPECT_EQ(t, (unsigned long)q % 32, 0);
	KT_EXPECT_EQ(t, (unsigned long)r % 256, 0);
	kmem_cache_free(hw, p);
	kmem_cache_free(hw, q);
	kmem_cache_free(a256, r);
	kmem_cache_destroy(hw);
	kmem_cache_destroy(a256);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void bad_cache_arguments(struct ktest *t)
{
	KT_EXPECT_NULL(t, kmem_cache_create("test_bad", 0, 0, 0, NULL));
	KT_EXPECT_NULL(t, kmem_cache_create("test_bad", 64, 3, 0, NULL));
	KT_EXPECT_NULL(t, kmem_cache_create("test_bad", 64 * 1024, 0, 0, NULL));
	KT_EXPECT_NULL(t, kmem_cache_create(NULL, 64, 0, 0, NULL));
	KT_EXPECT_NULL(t, kmem_cache_find("test_bad"));
}

static void destroy_with_live_objects(struct ktest *t)
{
	struct kmem_cache *s;
	void *a, *b;

	slab_baseline(&before);
	s = kmem_cache_create("test_leak", 64, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_destroy(s);		/* BUG: 2 objects left; the cache stays */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_PTR_EQ(t, kmem_cache_find("test_leak"), s);
	kmem_cache_free(s, a);
	a = kmem_cache_alloc(s, GFP_KERNEL);	/* still usable */
	KT_EXPECT_NOT_NULL(t, a);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NULL(t, kmem_cache_find("test_leak"));
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void wrong_cache_free(struct ktest *t)
{
	struct kmem_cache *a, *b;
	void *obj;

	slab_baseline(&before);
	a = kmem_cache_create("test_a", 64, 0, 0, NULL);
	b = kmem_cache_create("test_b", 64, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	obj = kmem_cache_alloc(a, GFP_KERNEL);
	kmem_cache_free(b, obj);		/* refused */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, slab_objects_in_use(a), 1);
	KT_EXPECT_EQ(t, slab_objects_in_use(b), 0);
	kmem_cache_free(a, obj);
	KT_EXPECT_REPORTS(t, 0);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void dma_cache(struct ktest *t)
{
	struct kmem_cache *s;
	void *obj;

	slab_baseline(&before);
	s = kmem_cache_create("test_dma", 300, 0, SLAB_CACHE_DMA, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, obj);
	KT_EXPECT_LT(t, virt_to_phys(obj) + 300, SZ_16M + 1);
	KT_EXPECT_EQ(t, page_zonenum(virt_to_page(obj)), ZONE_DMA);
	kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void zalloc_zeroes(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_zero", 128, 0, 0, NULL);
	char *p, *q;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	memset(p, 0xee, 128);
	kmem_cache_free(s, p);
	q = kmem_cache_zalloc(s, GFP_KERNEL);
	KT_EXPECT_PTR_EQ(t, q, p);		/* the dirty one, LIFO */
	KT_EXPECT_NULL(t, memchr_inv(q, 0, 128));
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

struct irq_slab {
	struct kmem_cache *s;
	gfp_t gfp;
	void *obj, *kobj;
};

static void slab_in_irq(void *arg)
{
	struct irq_slab *x = arg;

	x->obj = kmem_cache_alloc(x->s, x->gfp);
	x->kobj = kmalloc(100, x->gfp);
	kmem_cache_free(x->s, x->obj);
	kfree(x->kobj);
}

static void allocation_in_interrupt(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_irq", 64, 0, 0, NULL);
	struct irq_slab atomic = { s, GFP_ATOMIC, NULL, NULL };
	struct irq_slab kernel = { s, GFP_KERNEL, NULL, NULL };
	unsigned long suppressed;

	KT_ASSERT_NOT_NULL(t, s);
	run_in_hardirq(slab_in_irq, &atomic);
	KT_EXPECT_NOT_NULL(t, atomic.obj);
	KT_EXPECT_NOT_NULL(t, atomic.kobj);
	KT_EXPECT_REPORTS(t, 0);
	suppressed = might_sleep_suppressed;
	/* Two sleeping-in-atomic mistakes, one report: Linux prints one a second. */
	run_in_hardirq(slab_in_irq, &kernel);
	KT_EXPECT_NOT_NULL(t, kernel.obj);
	KT_EXPECT_NOT_NULL(t, kernel.kobj);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, might_sleep_suppressed - suppressed, 1);
	kmem_cache_destroy(s);
}

/*
 * Memory pressure in ZONE_DMA.  Caches hold empty slabs there, more pages
 * than separate GFP_ATOMIC's floor from the min watermark; the zone is
 * then drained with GFP_ATOMIC.  Another GFP_ATOMIC page fails and the
 * empty slabs are still there: atomic allocations never reclaim.  A
 * GFP_KERNEL page succeeds: the allocator shrank the caches first.
 */
#define RECLAIM_CACHES	8

static void reclaim_on_pressure(struct ktest *t)
{
	static const char *const names[RECLAIM_CACHES] = {
		"test_reclaim0", "test_reclaim1", "test_reclaim2", "test_reclaim3",
		"test_reclaim4", "test_reclaim5", "test_reclaim6", "test_reclaim7",
	};
	struct zone *dma = &contig_page_data.node_zones[ZONE_DMA];
	struct kmem_cache *caches[RECLAIM_CACHES];
	unsigned long slabs[RECLAIM_CACHES];
	unsigned long need = min_wmark_pages(dma) / 2 + 16, kept = 0;
	unsigned int nc, i;
	struct page_stash stash;
	struct page *page;
	void *objs[64];

	slab_baseline(&before);
	stash_init(&stash);
	for (nc = 0; nc < RECLAIM_CACHES && kept < need; nc++) {
		struct kmem_cache *s = kmem_cache_create(names[nc], 8192, 0, SLAB_CACHE_DMA, NULL);
		unsigned int n;

		KT_ASSERT_NOT_NULL(t, s);
		caches[nc] = s;
		n = min_t(unsigned int, s->min_partial * s->num, ARRAY_SIZE(objs));
		for (i = 0; i < n; i++) {
			objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
			KT_ASSERT_NOT_NULL(t, objs[i]);
		}
		for (i = 0; i < n; i++)
			kmem_cache_free(s, objs[i]);
		slabs[nc] = s->nr_slabs;
		kept += s->nr_slabs << s->order;	/* all empty now */
	}
	KT_ASSERT_GE(t, kept, need);

	stash_fill(&stash, GFP_ATOMIC | GFP_DMA, 0);
	KT_EXPECT_NULL(t, alloc_page(GFP_ATOMIC | GFP_DMA | __GFP_NOWARN));
	for (i = 0; i < nc; i++)				/* no reclaim */
		KT_EXPECT_EQ(t, caches[i]->nr_slabs, slabs[i]);
	page = alloc_page(GFP_KERNEL | GFP_DMA | __GFP_NOWARN);
	KT_EXPECT_NOT_NULL(t, page);				/* reclaim made room */
	for (i = 0; i < nc; i++)
		KT_EXPECT_EQ(t, caches[i]->nr_slabs, 0);
	if (page)
		stash_add(&stash, page);
	stash_free_all(&stash);
	for (i = 0; i < nc; i++)
		kmem_cache_destroy(caches[i]);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static struct ktest_case slab_cases[] = {
	KTEST_CASE(create_alloc_free),
	KTEST_CASE(cache_name_is_copied),
	KTEST_CASE(constructor_runs_at_slab_creation),
	KTEST_CASE(growth_and_shrink),
	KTEST_CASE(empty_slabs_are_bounded),
	KTEST_CASE(colouring),
	KTEST_CASE(alignment),
	KTEST_CASE(bad_cache_arguments),
	KTEST_CASE(destroy_with_live_objects),
	KTEST_CASE(wrong_cache_free),
	KTEST_CASE(dma_cache),
	KTEST_CASE(zalloc_zeroes),
	KTEST_CASE(allocation_in_interrupt),
	KTEST_CASE(reclaim_on_pressure),
	{}
};

static struct ktest_suite slab_suite = { .name = "slab", .cases = slab_cases };
ktest_register(slab_suite);
