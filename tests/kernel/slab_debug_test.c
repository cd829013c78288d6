// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/slab_debug_test.c - ktest suite "slab_debug": catching
 * corruption with poison and red zones.
 *
 * The cases mirror Linux's own lib/slub_kunit.c: a clobbered red zone, a
 * write to a freed object's first word and to its 50th byte, a red zone
 * written after free, and a write past the requested size of kmalloc(18).
 * kmem_cache_validate() must find exactly the corruptions made (one error
 * per corrupted area, each reported once and repaired: a second
 * validation finds none).  Then the same checks on the allocation and free
 * paths, the patterns themselves, and the boot parameter slab_debug.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <mm386/ktest.h>
#include "../../mm/slab.h"
#include "mm_helpers.h"

static struct kmem_cache *debug_cache(struct ktest *t, const char *name, unsigned int size,
				      unsigned long flags)
{
	struct kmem_cache *s = kmem_cache_create(name, size, 0, flags, NULL);

	KT_ASSERT_NOT_NULL(t, s);
	KT_ASSERT_EQ(t, s->flags & flags, flags);
	return s;
}

/*
 * corrupt_and_validate - the shape of the slub_kunit cases: a cache with
 * @flags, one object (freed first if @free_it), one byte written at
 * @offset; validation must find exactly one error, report it, repair it.
 */
static void corrupt_and_validate(struct ktest *t, const char *name, unsigned long flags,
				 bool free_it, unsigned int offset, u8 value)
{
	struct kmem_cache *s = debug_cache(t, name, 64, flags);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, p);
	if (free_it)
		kmem_cache_free(s, p);
	p[offset] = value;
	KT_EXPECT_EQ(t, kmem_cache_validate(s), 1);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, kmem_cache_validate(s), 0);	/* repaired */
	if (!free_it)
		kmem_cache_free(s, p);
	KT_EXPECT_REPORTS(t, 0);
	kmem_cache_destroy(s);
}

/* slub_kunit test_clobber_zone: write just past an allocated object. */
static void clobber_redzone(struct ktest *t)
{
	corrupt_and_validate(t, "TestSlub_RZ_alloc", SLAB_RED_ZONE, false, 64, 0x12);
}

/* slub_kunit test_first_word: write to a freed object's first word. */
static void first_word_after_free(struct ktest *t)
{
	corrupt_and_validate(t, "TestSlub_1th_word_free", SLAB_POISON, true, 0, 0x78);
}

/* slub_kunit test_clobber_50th_byte */
static void clobber_50th_byte(struct ktest *t)
{
	corrupt_and_validate(t, "TestSlub_50th_word_free", SLAB_POISON, true, 50, 0x9a);
}

/* slub_kunit test_clobber_redzone_free: a red zone written after free. */
static void redzone_after_free(struct ktest *t)
{
	corrupt_and_validate(t, "TestSlub_RZ_free", SLAB_RED_ZONE, true, 64, 0xab);
}

/*
 * slub_kunit test_kmalloc_redzone_access: kmalloc(18) from a 32-byte
 * kmalloc cache.  Bytes 18..31 are the "kmalloc red zone", 32.. the real
 * one: two areas, two errors.
 */
static void kmalloc_past_requested_size(struct ktest *t)
{
	struct kmem_cache *s = debug_cache(t, "TestSlub_RZ_kmalloc", 32,
					   SLAB_KMALLOC | SLAB_RED_ZONE | SLAB_POISON);
	u8 *p = slab_alloc(s, GFP_KERNEL, _THIS_IP_, 18);

	KT_ASSERT_NOT_NULL(t, p);
	p[18] = 0xab;
	p[32] = 0xab;
	KT_EXPECT_EQ(t, kmem_cache_validate(s), 2);
	KT_EXPECT_REPORTS(t, 2);
	KT_EXPECT_EQ(t, kmem_cache_validate(s), 0);
	kmem_cache_free(s, p);
	KT_EXPECT_REPORTS(t, 0);
	kmem_cache_destroy(s);
}

/* The same corruptions, found on the allocation and free paths. */
static void found_by_alloc_and_free(struct ktest *t)
{
	struct kmem_cache *s = debug_cache(t, "TestSlub_paths", 48,
					   SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL), *q;

	p[48] = 0x55;			/* overrun ... */
	kmem_cache_free(s, p);		/* ... found at free */
	KT_EXPECT_REPORTS(t, 1);
	p[10] = 0x66;			/* write after free ... */
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* ... found when it is reused */
	KT_EXPECT_PTR_EQ(t, q, p);
	KT_EXPECT_REPORTS(t, 1);
	kmem_cache_free(s, q);
	KT_EXPECT_EQ(t, kmem_cache_validate(s), 0);
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 0);
}

static void poison_patterns(struct ktest *t)
{
	struct kmem_cache *s = debug_cache(t, "TestSlub_patterns", 40,
					   SLAB_RED_ZONE | SLAB_POISON);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	KT_EXPECT_NULL(t, memchr_inv(p, POISON_INUSE, 40));		/* new: 0x5a */
	KT_EXPECT_NULL(t, memchr_inv(p - s->red_left_pad, SLUB_RED_ACTIVE, s->red_left_pad));
	KT_EXPECT_NULL(t, memchr_inv(p + 40, SLUB_RED_ACTIVE, s->inuse - 40));
	kmem_cache_free(s, p);
	KT_EXPECT_NULL(t, memchr_inv(p, POISON_FREE, 39));		/* freed: 0x6b... */
	KT_EXPECT_EQ(t, p[39], POISON_END);				/* ...0xa5 */
	KT_EXPECT_NULL(t, memchr_inv(p + 40, SLUB_RED_INACTIVE, s->inuse - 40));
	p = kmem_cache_zalloc(s, GFP_KERNEL);				/* __GFP_ZERO wins */
	KT_EXPECT_NULL(t, memchr_inv(p, 0, 40));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 0);
}

/* Double frees are caught with or without debugging. */
static void double_free(struct ktest *t)
{
	static const unsigned long flags[] = { 0, SLAB_POISON | SLAB_RED_ZONE };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		struct kmem_cache *s = kmem_cache_create("TestSlub_double", 64, 0, flags[i], NULL);
		void *a, *b;

		KT_ASSERT_NOT_NULL(t, s);
		a = kmem_cache_alloc(s, GFP_KERNEL);
		b = kmem_cache_alloc(s, GFP_KERNEL);
		kmem_cache_free(s, a);
		kmem_cache_free(s, b);
		kmem_cache_free(s, a);		/* not on top of the free list */
		KT_EXPECT_REPORTS(t, 1);
		KT_EXPECT_EQ(t, kmem_cache_validate(s), 0);
		KT_EXPECT_EQ(t, slab_objects_in_use(s), 0);
		kmem_cache_destroy(s);
		KT_EXPECT_REPORTS(t, 0);
	}
}

/*
 * With the boot parameter slab_debug, kmalloc caches are checked too: the
 * overrun by the red zone past the size asked for, the write after free by
 * the poison (both needed: slab_debug, or slab_debug=ZP).
 */
static void kmalloc_with_slab_debug(struct ktest *t)
{
	const unsigned long both = SLAB_RED_ZONE | SLAB_POISON;
	u8 *p;

	if ((slab_debug_flags & both) != both)
		KT_SKIP(t, "boot with slab_debug to check kmalloc caches");
	p = kmalloc(60, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_TRUE(t, virt_to_page(p)->slab_cache->flags & SLAB_POISON);
	p[60] = 0x01;			/* past the 60 bytes asked for */
	kfree(p);
	KT_EXPECT_REPORTS(t, 1);
	p[0] = 0x02;			/* after free */
	KT_EXPECT_EQ(t, kmem_cache_validate(kmalloc_slab(60, GFP_KERNEL)), 1);
	KT_EXPECT_REPORTS(t, 1);
}

static struct ktest_case slab_debug_cases[] = {
	KTEST_CASE(clobber_redzone),
	KTEST_CASE(first_word_after_free),
	KTEST_CASE(clobber_50th_byte),
	KTEST_CASE(redzone_after_free),
	KTEST_CASE(kmalloc_past_requested_size),
	KTEST_CASE(found_by_alloc_and_free),
	KTEST_CASE(poison_patterns),
	KTEST_CASE(double_free),
	KTEST_CASE(kmalloc_with_slab_debug),
	{}
};

static struct ktest_suite slab_debug_suite = { .name = "slab_debug", .cases = slab_debug_cases };
ktest_register(slab_debug_suite);
