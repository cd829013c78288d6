// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/kmalloc_test.c - ktest suite "kmalloc": the kmalloc family.
 *
 * Every size class (alignment, no overlap, usable size, ksize, the cache
 * chosen), large allocations from the page allocator, the limits
 * (kmalloc(0), above 4 MB), kzalloc/kcalloc/krealloc/kstrdup, GFP_DMA,
 * every bad kfree(), and a 100 000-operation random stress.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/bitops.h>
#include <asm/io.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

static struct buddy_snapshot before;


static const size_t sizes[] = {
	1, 7, 8, 9, 16, 17, 24, 32, 33, 48, 64, 65, 90, 96, 97, 100, 128, 129, 160,
	192, 193, 256, 257, 500, 512, 513, 1000, 1024, 1025, 2048, 2049, 4000, 4096,
	4097, 8192, 8193, 12000, 16384, 100000, 1 << 20,
};

static const char *expected_cache(size_t size)
{
	static const struct { size_t max; const char *name; } classes[] = {
		{ 8, "kmalloc-8" }, { 16, "kmalloc-16" }, { 32, "kmalloc-32" },
		{ 64, "kmalloc-64" }, { 96, "kmalloc-96" }, { 128, "kmalloc-128" },
		{ 192, "kmalloc-192" }, { 256, "kmalloc-256" }, { 512, "kmalloc-512" },
		{ 1024, "kmalloc-1k" }, { 2048, "kmalloc-2k" }, { 4096, "kmalloc-4k" },
		{ 8192, "kmalloc-8k" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(classes); i++)
		if (size <= classes[i].max)
			return classes[i].name;
	return NULL;
}

static void every_size_class(struct ktest *t)
{
	unsigned int i;

	slab_baseline(&before);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t size = sizes[i], usable;
		char *a = kmalloc(size, GFP_KERNEL), *b = kmalloc(size, GFP_KERNEL);
		const char *name = expected_cache(size);
		struct page *page;

		KT_ASSERT_NOT_NULL(t, a);
		KT_ASSERT_NOT_NULL(t, b);
		usable = ksize(a);
		KT_EXPECT_GE(t, usable, size);
		KT_EXPECT_EQ(t, ksize(b), usable);
		/* Alignment: 8 bytes at least, naturally for powers of two. */
		KT_EXPECT_EQ(t, (unsigned long)a % 8, 0);
		if (is_power_of_2(usable) && (unsigned long)a % min_t(size_t, usable, PAGE_SIZE))
			KT_FAIL(t, "kmalloc(%zu) = %p from %s is not aligned to %zu", size, a,
				name ? name : "pages", min_t(size_t, usable, PAGE_SIZE));
		/* No overlap, even over the whole usable size. */
		KT_EXPECT_GE(t, (unsigned long)(a > b ? a - b : b - a), usable);
		/* Physically contiguous lowmem: the fixed offset of seed 003. */
		KT_EXPECT_EQ(t, virt_to_phys(a), (unsigned long)a - PAGE_OFFSET);
		page = compound_head(virt_to_page(a));
		if (name) {
			KT_EXPECT_TRUE(t, PageSlab(page));
			KT_EXPECT_STREQ(t, page->slab_cache->name, name);
		} else {
			KT_EXPECT_TRUE(t, PageHead(page));	/* from the page allocator */
			KT_EXPECT_FALSE(t, PageSlab(page));
		}
		memset(a, 0x11, size);
		memset(b, 0x22, size);
		KT_EXPECT_NULL(t, memchr_inv(a, 0x11, size));
		KT_EXPECT_NULL(t, memchr_inv(b, 0x22, size));
		kfree(a);
		kfree(b);
	}
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void zero_and_null(struct ktest *t)
{
	void *p = kmalloc(0, GFP_KERNEL);

	KT_EXPECT_PTR_EQ(t, p, ZERO_SIZE_PTR);
	KT_EXPECT_EQ(t, ksize(p), 0);
	kfree(p);
	kfree(NULL);
	KT_EXPECT_REPORTS(t, 0);
}

/*
 * kmalloc() picks its cache twice over: kmalloc_index() folds a constant
 * size at compile time (<linux/slab.h>), __kmalloc() looks a run-time size
 * up in a table (mm/slab_common.c).  Both must give the same, smallest
 * fitting cache for every size and type.
 */
static void constant_and_runtime_sizes_agree(struct ktest *t)
{
	static const gfp_t types[] = { GFP_KERNEL, GFP_KERNEL | GFP_DMA };
	unsigned int i, errors = 0;
	size_t size;
	void *p;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
			struct kmem_cache *s = kmalloc_slab(size, types[i]);
			/* the cache one byte less goes to: s, or one too small for size */
			struct kmem_cache *below = kmalloc_slab(size > 1 ? size - 1 : 1, types[i]);

			if (s != &kmalloc_caches[kmalloc_type(types[i])][kmalloc_index(size)] ||
			    kmem_cache_size(s) < size ||
			    (below != s && kmem_cache_size(below) >= size))
				errors++;
		}
	}
	KT_EXPECT_EQ(t, errors, 0);
	p = kmalloc(100, GFP_KERNEL);		/* a constant: kmalloc_trace() */
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_STREQ(t, kmem_cache_name(virt_to_page(p)->slab_cache), "kmalloc-128");
	kfree(p);
}

static void limits(struct ktest *t)
{
	void *p;

	slab_baseline(&before);
	KT_EXPECT_NULL(t, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	KT_EXPECT_REPORTS(t, 1);			/* WARNING naming the size */
	KT_EXPECT_NULL(t, kmalloc(128 << 20, GFP_KERNEL));
	KT_EXPECT_REPORTS(t, 1);
	p = kmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL | __GFP_NOWARN);	/* order 10 */
	if (p) {
		KT_EXPECT_EQ(t, ksize(p), KMALLOC_MAX_SIZE);
		kfree(p);
	}
	/* 128 KB, seed 000's limit, is no limit today. */
	p = kmalloc(128 * 1024 + 1, GFP_KERNEL);
	KT_EXPECT_NOT_NULL(t, p);
	kfree(p);
	/* kmalloc memory must have an address: __GFP_HIGHMEM is dropped. */
	p = kmalloc(64, GFP_KERNEL | __GFP_HIGHMEM);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_TRUE(t, virt_addr_valid(p));
	kfree(p);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void kzalloc_and_kcalloc(struct ktest *t)
{
	static const size_t zsizes[] = { 24, 100, 3000, 20000 };
	unsigned int i;
	char *p, *q;

	for (i = 0; i < ARRAY_SIZE(zsizes); i++) {
		p = kmalloc(zsizes[i], GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, p);
		memset(p, 0xdd, zsizes[i]);
		kfree(p);
		q = kzalloc(zsizes[i], GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, q);
		if (zsizes[i] <= KMALLOC_MAX_CACHE_SIZE)
			KT_EXPECT_PTR_EQ(t, q, p);	/* LIFO: the dirty one */
		KT_EXPECT_NULL(t, memchr_inv(q, 0, zsizes[i]));
		kfree(q);
	}
	p = kcalloc(10, 100, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_NULL(t, memchr_inv(p, 0, 1000));
	kfree(p);
	KT_EXPECT_NULL(t, kcalloc(0x10000000, 0x10, GFP_KERNEL));	/* overflow */
	KT_EXPECT_NULL(t, kmalloc_array(~0UL / 2, 4, GFP_KERNEL));
	KT_EXPECT_REPORTS(t, 0);
}

static void krealloc_keeps_contents(struct ktest *t)
{
	char *p = kmalloc(20, GFP_KERNEL), *q;
	int i;

	KT_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 20; i++)
		p[i] = 'a' + i;
	q = krealloc(p, 24, GFP_KERNEL);	/* still fits kmalloc-32 */
	KT_EXPECT_PTR_EQ(t, q, p);
	q = krealloc(p, 1000, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, q);
	KT_EXPECT_GE(t, ksize(q), 1000);
	for (i = 0; i < 20; i++)
		KT_EXPECT_EQ(t, q[i], 'a' + i);
	p = krealloc(q, 20000, GFP_KERNEL);	/* into the page allocator */
	KT_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 20; i++)
		KT_EXPECT_EQ(t, p[i], 'a' + i);
	KT_EXPECT_PTR_EQ(t, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);	/* freed */
	p = krealloc(NULL, 50, GFP_KERNEL);
	KT_EXPECT_NOT_NULL(t, p);
	kfree(p);
	KT_EXPECT_REPORTS(t, 0);
}

static void string_duplicates(struct ktest *t)
{
	char *a = kstrdup("mm386", GFP_KERNEL);
	char *b = kstrndup("kmalloc", 4, GFP_KERNEL);
	int *c;
	static const int v[3] = { 1, 2, 3 };

	KT_EXPECT_STREQ(t, a, "mm386");
	KT_EXPECT_STREQ(t, b, "kmal");
	c = kmemdup(v, sizeof(v), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, c);
	KT_EXPECT_EQ(t, c[2], 3);
	KT_EXPECT_NULL(t, kstrdup(NULL, GFP_KERNEL));
	kfree(a);
	kfree(b);
	kfree(c);
}

static void gfp_dma(struct ktest *t)
{
	char *p = kmalloc(100, GFP_KERNEL | GFP_DMA);
	char *q = kmalloc(20000, GFP_KERNEL | GFP_DMA);

	KT_ASSERT_NOT_NULL(t, p);
	KT_ASSERT_NOT_NULL(t, q);
	KT_EXPECT_LT(t, virt_to_phys(p) + 100, SZ_16M + 1);
	KT_EXPECT_LT(t, virt_to_phys(q) + 20000, SZ_16M + 1);
	KT_EXPECT_STREQ(t, virt_to_page(p)->slab_cache->name, "dma-kmalloc-128");
	kfree(p);
	kfree(q);
}

/* Every bad kfree() is reported once and refused; nothing breaks. */
static void bad_kfree(struct ktest *t)
{
	char *p, *big;
	unsigned long page;
	int on_stack = 0;

	slab_baseline(&before);
	p = kmalloc(64, GFP_KERNEL);
	big = kmalloc(20000, GFP_KERNEL);
	page = __get_free_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	KT_ASSERT_NOT_NULL(t, big);
	KT_ASSERT_NE(t, page, 0);
	strcpy(p, "still here");
	kfree(p + 4);				/* the middle of an object */
	KT_EXPECT_REPORTS(t, 1);
	kfree(&on_stack);			/* a stack address */
	KT_EXPECT_REPORTS(t, 1);
	kfree((void *)(VMALLOC_START + PAGE_SIZE));	/* a vmalloc-area address */
	KT_EXPECT_REPORTS(t, 1);
	kfree((void *)page);			/* a page kmalloc never gave out */
	KT_EXPECT_REPORTS(t, 1);
	kfree(big + PAGE_SIZE);			/* inside a large kmalloc */
	KT_EXPECT_REPORTS(t, 1);
	kfree((void *)0x1000);			/* a user address */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_STREQ(t, p, "still here");
	KT_EXPECT_EQ(t, check_slab_caches(), 0);
	kfree(p);
	kfree(p);				/* double free */
	KT_EXPECT_REPORTS(t, 1);
	kfree(big);
	free_page(page);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

#define STRESS_OPS	100000
#define STRESS_SLOTS	512

struct slot {
	u8 *p;
	size_t size;
};

/* Random kmalloc/kfree of mixed sizes; every block is filled with its slot
 * number and checked before it is freed, so any overlap shows. */
static void random_stress(struct ktest *t)
{
	static struct slot slots[STRESS_SLOTS];
	struct rnd_state rnd;
	unsigned long i, bad = 0, allocs = 0;

	slab_baseline(&before);
	memset(slots, 0, sizeof(slots));
	prandom_seed_state(&rnd, 0x6b6d616c);
	for (i = 0; i < STRESS_OPS; i++) {
		unsigned int k = prandom_u32_below(&rnd, STRESS_SLOTS);
		struct slot *s = &slots[k];
		u32 r = prandom_u32_state(&rnd);

		if (s->p) {
			if (s->p[0] != (u8)k || s->p[s->size - 1] != (u8)k)
				bad++;
			kfree(s->p);
			s->p = NULL;
			continue;
		}
		/* mostly small, some medium, a few large */
		s->size = (r & 7) ? 1 + (r >> 8) % 256 :
			  (r & 0x38) ? 1 + (r >> 8) % 8192 : 1 + (r >> 8) % 65536;
		s->p = kmalloc(s->size, (r & 0x40) ? GFP_ATOMIC : GFP_KERNEL);
		allocs++;
		if (!s->p) {
			bad++;
			continue;
		}
		s->p[0] = s->p[s->size - 1] = (u8)k;
	}
	for (i = 0; i < STRESS_SLOTS; i++)
		kfree(slots[i].p);
	pr_info("kmalloc: stress %d ops, %lu allocations, %lu bad\n", STRESS_OPS, allocs, bad);
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static struct ktest_case kmalloc_cases[] = {
	KTEST_CASE(every_size_class),
	KTEST_CASE(zero_and_null),
	KTEST_CASE(constant_and_runtime_sizes_agree),
	KTEST_CASE(limits),
	KTEST_CASE(kzalloc_and_kcalloc),
	KTEST_CASE(krealloc_keeps_contents),
	KTEST_CASE(string_duplicates),
	KTEST_CASE(gfp_dma),
	KTEST_CASE(bad_kfree),
	KTEST_CASE(random_stress),
	{}
};

static struct ktest_suite kmalloc_suite = { .name = "kmalloc", .cases = kmalloc_cases };
ktest_register(kmalloc_suite);
