// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/kasan_test.c - the ktest suite "kasan", in the kinds of
 * Linux's mm/kasan/kasan_test.c: each case makes one bad access, and
 * KASAN must report it exactly once, of the right kind, and let the
 * kernel go on.  Only a KASAN kernel runs it (make KASAN=1; the suite is
 * not part of ktest=all otherwise, and its cases skip).
 *
 *   heap       kmalloc right and left of the object, a large kmalloc,
 *              krealloc grown and shrunk, ksize, use after free, memset
 *              and memcpy past the end, a 16-byte copy, double and
 *              invalid free; the same on a kmem_cache of one's own
 *   pages      a freed page read
 *   vmalloc    a byte past the size asked for
 *   strings    memchr, memcmp, strlen past or after the object
 *   compiler   a global and a stack array read past their end
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/kasan.h>
#include <mm386/ktest.h>

#ifdef CONFIG_KASAN

/* Hide a pointer from the optimizer: the bad access must happen. */
#define HIDE(p)	({ __typeof__(p) __p = (p); __asm__ __volatile__("" : "+r"(__p)); __p; })

/*
 * EXPECT_KASAN(t, kind, stmt): @stmt makes exactly one report, of @kind.
 * The counters are read with READ_ONCE: the compiler adds its check call
 * after optimizing, so it would not know the access changes them.
 */
#define EXPECT_KASAN(t, kind, stmt) do {				\
	unsigned long __before = READ_ONCE(kasan_reports);		\
	WRITE_ONCE(kasan_last_bug, NULL);				\
	barrier();							\
	stmt;								\
	barrier();							\
	KT_EXPECT_EQ(t, READ_ONCE(kasan_reports) - __before, 1);	\
	KT_EXPECT_STREQ(t, READ_ONCE(kasan_last_bug), kind);		\
	KT_EXPECT_REPORTS(t, 1);					\
} while (0)

/* ---------------------------------------------------------------------
 * kmalloc
 */

static void kmalloc_oob_right(struct ktest *t)
{
	size_t size = 128 - 5;
	char *ptr = kmalloc(size, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	ptr = HIDE(ptr);
	ptr[size - 1] = 'x';				/* the last byte asked for: fine */
	KT_EXPECT_REPORTS(t, 0);
	EXPECT_KASAN(t, "slab-out-of-bounds", ptr[size] = 'x');
	EXPECT_KASAN(t, "slab-out-of-bounds", (void)READ_ONCE(ptr[size + 5]));
	kfree(ptr);
}

static void kmalloc_oob_left(struct ktest *t)
{
	char *ptr = kmalloc(15, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	ptr = HIDE(ptr);
	EXPECT_KASAN(t, "slab-out-of-bounds", (void)READ_ONCE(*(ptr - 1)));
	kfree(ptr);
}

static void kmalloc_large_oob_right(struct ktest *t)
{
	size_t size = KMALLOC_MAX_CACHE_SIZE + 10;	/* from the page allocator */
	char *ptr = kmalloc(size, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	ptr = HIDE(ptr);
	EXPECT_KASAN(t, "slab-out-of-bounds", ptr[size + 8] = 0);
	kfree(ptr);
}

static void kmalloc_large_uaf(struct ktest *t)
{
	char *ptr = kmalloc(KMALLOC_MAX_CACHE_SIZE + 10, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	kfree(ptr);
	ptr = HIDE(ptr);
	EXPECT_KASAN(t, "use-after-free", (void)READ_ONCE(ptr[0]));
}

static void krealloc_more_oob(struct ktest *t)
{
	char *ptr1 = kmalloc(201, GFP_KERNEL), *ptr2;

	KT_ASSERT_NOT_NULL(t, ptr1);
	ptr2 = krealloc(ptr1, 235, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, ptr2);
	ptr2 = HIDE(ptr2);
	ptr2[234] = 'x';				/* inside the new size */
	KT_EXPECT_REPORTS(t, 0);
	EXPECT_KASAN(t, "slab-out-of-bounds", ptr2[235] = 'x');
	kfree(ptr2);
}

static void krealloc_less_oob(struct ktest *t)
{
	char *ptr1 = kmalloc(235, GFP_KERNEL), *ptr2;

	KT_ASSERT_NOT_NULL(t, ptr1);
	ptr2 = krealloc(ptr1, 201, GFP_KERNEL);		/* kept in place, shrunk */
	KT_ASSERT_NOT_NULL(t, ptr2);
	ptr2 = HIDE(ptr2);
	ptr2[200] = 'x';
	KT_EXPECT_REPORTS(t, 0);
	EXPECT_KASAN(t, "slab-out-of-bounds", ptr2[201] = 'x');
	kfree(ptr2);
}

static void ksize_unpoisons_memory(struct ktest *t)
{
	size_t size = 123, real;
	char *ptr = kmalloc(size, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	real = ksize(ptr);
	KT_EXPECT_EQ(t, real, 128);
	ptr = HIDE(ptr);
	ptr[size] = 'x';				/* ksize said it is ours */
	ptr[real - 1] = 'x';
	KT_EXPECT_REPORTS(t, 0);
	EXPECT_KASAN(t, "slab-out-of-bounds", ptr[real] = 'y');
	kfree(ptr);
}

static void kmalloc_uaf(struct ktest *t)
{
	char *ptr = kmalloc(10, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	kfree(ptr);
	ptr = HIDE(ptr);
	EXPECT_KASAN(t, "use-after-free", (void)READ_ONCE(ptr[8]));
}

static void kmalloc_uaf_memset(struct ktest *t)
{
	char *ptr = kmalloc(33, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	kfree(ptr);
	EXPECT_KASAN(t, "use-after-free", memset(HIDE(ptr), 0, 33));
}

static void kmalloc_oob_memset(struct ktest *t)
{
	static const size_t widths[] = { 2, 4, 8, 16 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(widths); i++) {
		size_t size = 128 - 8;
		char *ptr = kmalloc(size, GFP_KERNEL);

		KT_ASSERT_NOT_NULL(t, ptr);
		EXPECT_KASAN(t, "slab-out-of-bounds", memset(HIDE(ptr) + size - 1, 0, widths[i]));
		kfree(ptr);
	}
}

static void kmalloc_oob_memcpy(struct ktest *t)
{
	char *src = kmalloc(64, GFP_KERNEL), *dst = kmalloc(64, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, src);
	KT_ASSERT_NOT_NULL(t, dst);
	EXPECT_KASAN(t, "slab-out-of-bounds", memcpy(HIDE(dst), src, 65));
	kfree(src);
	kfree(dst);
}

struct kasan_test_16 {
	u64 words[2];
};

static void kmalloc_oob_16(struct ktest *t)
{
	/* 13 bytes, but copied as a 16-byte struct */
	struct kasan_test_16 *ptr1 = kmalloc(sizeof(*ptr1) - 3, GFP_KERNEL);
	struct kasan_test_16 *ptr2 = kmalloc(sizeof(*ptr2), GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr1);
	KT_ASSERT_NOT_NULL(t, ptr2);
	memset(ptr2, 0, sizeof(*ptr2));
	EXPECT_KASAN(t, "slab-out-of-bounds", *HIDE(ptr1) = *ptr2);
	kfree(ptr1);
	kfree(ptr2);
}

static void kmalloc_double_free(struct ktest *t)
{
	char *ptr = kmalloc(100, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	kfree(ptr);
	EXPECT_KASAN(t, "double-free", kfree(HIDE(ptr)));
}

static void kmalloc_invalid_free(struct ktest *t)
{
	char *ptr = kmalloc(100, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, ptr);
	EXPECT_KASAN(t, "invalid-free", kfree(HIDE(ptr) + 1));
	kfree(ptr);
	KT_EXPECT_REPORTS(t, 0);
}

/* ---------------------------------------------------------------------
 * kmem_cache
 */

static void kmem_cache_cases(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kasan_test", 200, 0, 0, NULL);
	char *p;

	KT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	p = HIDE(p);
	EXPECT_KASAN(t, "slab-out-of-bounds", (void)READ_ONCE(p[200]));
	EXPECT_KASAN(t, "invalid-free", kmem_cache_free(s, p + 1));
	kmem_cache_free(s, p);
	EXPECT_KASAN(t, "use-after-free", (void)READ_ONCE(p[0]));
	EXPECT_KASAN(t, "double-free", kmem_cache_free(s, p));
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 0);
}

/* ---------------------------------------------------------------------
 * Pages and vmalloc
 */

static void page_alloc_uaf(struct ktest *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	char *ptr;

	KT_ASSERT_NOT_NULL(t, page);
	ptr = page_address(page);
	__free_pages(page, 2);
	ptr = HIDE(ptr);
	EXPECT_KASAN(t, "use-after-free", (void)READ_ONCE(ptr[PAGE_SIZE + 17]));
}

static void vmalloc_oob(struct ktest *t)
{
	size_t size = PAGE_SIZE / 2 - 100 + PAGE_SIZE;	/* 5996: the last page half used */
	char *v = vmalloc(size);

	KT_ASSERT_NOT_NULL(t, v);
	v = HIDE(v);
	v[size - 1] = 'x';
	KT_EXPECT_REPORTS(t, 0);
	EXPECT_KASAN(t, "vmalloc-out-of-bounds", (void)READ_ONCE(v[size]));
	EXPECT_KASAN(t, "vmalloc-out-of-bounds", (void)READ_ONCE(v[size + 100]));
	vfree(v);
}

/* ---------------------------------------------------------------------
 * String functions
 */

static void kasan_strings(struct ktest *t)
{
	char *ptr = kmalloc(24, GFP_KERNEL);
	char arr[25] = { 0 };

	KT_ASSERT_NOT_NULL(t, ptr);
	memset(ptr, '1', 24);
	ptr = HIDE(ptr);
	EXPECT_KASAN(t, "slab-out-of-bounds", (void)memchr(ptr, '2', 25));
	memset(ptr, 0, 24);		/* equal to arr: memcmp reads on to byte 24 */
	EXPECT_KASAN(t, "slab-out-of-bounds", (void)memcmp(ptr, arr, 25));
	ptr[23] = '\0';
	kfree(ptr);
	EXPECT_KASAN(t, "use-after-free", (void)strlen(ptr));
}

/* ---------------------------------------------------------------------
 * What the compiler instruments: globals and the stack
 */

static volatile char global_array[10];

static void global_oob_right(struct ktest *t)
{
	volatile char *p = HIDE(&global_array[0]) + ARRAY_SIZE(global_array) + 3;

	EXPECT_KASAN(t, "global-out-of-bounds", (void)*p);
}

static noinline void stack_oob_right_inner(struct ktest *t)
{
	volatile char stack_array[10];
	volatile int i = 13;		/* past the array, inside the frame's redzone */

	stack_array[0] = 1;
	EXPECT_KASAN(t, "stack-out-of-bounds", (void)stack_array[i]);
}

static void stack_oob_right(struct ktest *t)
{
	stack_oob_right_inner(t);
}

/* Nothing in the whole suite leaked: the quarantine drains back to where it was. */
static void quarantine_drains(struct ktest *t)
{
	char *p = kmalloc(64, GFP_KERNEL);

	KT_ASSERT_NOT_NULL(t, p);
	kfree(p);
	KT_EXPECT_GT(t, kasan_quarantine_objects, 0);
	kmem_cache_shrink_all();
	KT_EXPECT_EQ(t, kasan_quarantine_objects, 0);
	KT_EXPECT_EQ(t, kasan_quarantine_bytes, 0);
	KT_EXPECT_EQ(t, check_slab_caches(), 0);
}

#define KASAN_CASE(fn)	KTEST_CASE(fn)
#define KASAN_MANUAL	false
#else
static void need_kasan(struct ktest *t)
{
	KT_SKIP(t, "needs a KASAN kernel (make KASAN=1)");
}
#define KASAN_CASE(fn)	{ #fn, need_kasan }
#define KASAN_MANUAL	true
#endif

static struct ktest_case kasan_cases[] = {
	KASAN_CASE(kmalloc_oob_right),
	KASAN_CASE(kmalloc_oob_left),
	KASAN_CASE(kmalloc_large_oob_right),
	KASAN_CASE(kmalloc_large_uaf),
	KASAN_CASE(krealloc_more_oob),
	KASAN_CASE(krealloc_less_oob),
	KASAN_CASE(ksize_unpoisons_memory),
	KASAN_CASE(kmalloc_uaf),
	KASAN_CASE(kmalloc_uaf_memset),
	KASAN_CASE(kmalloc_oob_memset),
	KASAN_CASE(kmalloc_oob_memcpy),
	KASAN_CASE(kmalloc_oob_16),
	KASAN_CASE(kmalloc_double_free),
	KASAN_CASE(kmalloc_invalid_free),
	KASAN_CASE(kmem_cache_cases),
	KASAN_CASE(page_alloc_uaf),
	KASAN_CASE(vmalloc_oob),
	KASAN_CASE(kasan_strings),
	KASAN_CASE(global_oob_right),
	KASAN_CASE(stack_oob_right),
	KASAN_CASE(quarantine_drains),
	{}
};

static struct ktest_suite kasan_suite = {
	.name = "kasan", .cases = kasan_cases, .manual = KASAN_MANUAL,
};
ktest_register(kasan_suite);
