// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/linux_api_test.c - ktest suite "linux_api": the allocator
 * API of Linux 6.1 that real modules use besides kmalloc and vmalloc:
 * the kvmalloc family, kmemdup_nul, kmalloc_size_roundup, the _node
 * variants, bulk allocation, kmem_cache_create_usercopy, exact page
 * allocations, the vmalloc variants, and what init_on_alloc= and
 * init_on_free= change (the suite runs with and without them:
 * tests/host/test_linux_api.py boots it both ways).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>
#include <linux/string.h>
#include <linux/numa.h>
#include <linux/errno.h>
#include <linux/moduleparam.h>
#include <mm386/dump.h>
#include <mm386/ktest.h>
#include "../../mm/slab.h"
#include "mm_helpers.h"

static struct buddy_snapshot before;

/* kvmalloc: kmalloc memory when there is a block, vmalloc above what kmalloc can do. */
static void kvmalloc_picks_kmalloc_then_vmalloc(struct ktest *t)
{
	void *small, *big, *huge, *z;

	vmalloc_populate_page_tables();
	kt_need_pages(t, (8 << 20) / PAGE_SIZE + 16 + 3, true);
	kt_need_block(t, 4);
	slab_baseline(&before);
	small = kvmalloc(100, GFP_KERNEL);
	big = kvmalloc(64 * 1024, GFP_KERNEL);		/* order 4: there are such blocks */
	huge = kvmalloc(8 << 20, GFP_KERNEL);		/* above KMALLOC_MAX_SIZE: silently vmalloc */
	z = kvzalloc(3 * PAGE_SIZE, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, small);
	KT_ASSERT_NOT_NULL(t, big);
	KT_ASSERT_NOT_NULL(t, huge);
	KT_ASSERT_NOT_NULL(t, z);
	KT_EXPECT_TRUE(t, virt_addr_valid(small));
	KT_EXPECT_TRUE(t, virt_addr_valid(big));
	KT_EXPECT_TRUE(t, is_vmalloc_addr(huge));
	KT_EXPECT_NULL(t, memchr_inv(z, 0, 3 * PAGE_SIZE));
	memset(huge, 0x5a, 8 << 20);
	kvfree(small);
	kvfree(big);
	kvfree(huge);
	kvfree(z);
	kvfree(NULL);
	KT_EXPECT_REPORTS(t, 0);	/* no "page allocation failure", no WARNING */
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* Flags without all of GFP_KERNEL get kmalloc only; crazy sizes get NULL. */
static void kvmalloc_rules(struct ktest *t)
{
	size_t huge = (size_t)INT_MAX + 1;

	slab_baseline(&before);
	KT_EXPECT_NULL(t, kvmalloc(8 << 20, GFP_ATOMIC | __GFP_NOWARN));	/* no fallback */
	KT_EXPECT_NULL(t, kvmalloc(8 << 20, GFP_NOFS | __GFP_NOWARN));
	KT_EXPECT_REPORTS(t, 0);
	clear_warn_once();		/* the WARN_ON_ONCE below may have fired in an earlier run */
	KT_EXPECT_NULL(t, kvmalloc(huge, GFP_KERNEL));		/* WARNING */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_NULL(t, kvmalloc(huge, GFP_KERNEL | __GFP_NOWARN));
	KT_EXPECT_NULL(t, kvmalloc_array(SIZE_MAX / 2, 3, GFP_KERNEL));	/* overflow */
	KT_EXPECT_NULL(t, kvcalloc(0x10000, 0x10000, GFP_KERNEL));
	KT_EXPECT_NULL(t, vmalloc_array(0x10000, 0x10000));
	KT_EXPECT_NULL(t, vcalloc(SIZE_MAX / 4, 8));
	KT_EXPECT_NULL(t, kmalloc_array(0x10000, 0x10000, GFP_KERNEL));
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* kvrealloc keeps the contents, shrinking returns the same memory. */
static void kvrealloc_and_sensitive(struct ktest *t)
{
	char *p, *q;
	unsigned int i;

	vmalloc_populate_page_tables();
	kt_need_pages(t, (6 << 20) / PAGE_SIZE, true);
	slab_baseline(&before);
	p = kvcalloc(100, 10, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 1000; i++)
		p[i] = i % 251;
	q = kvrealloc(p, 1000, 500, GFP_KERNEL);
	KT_EXPECT_PTR_EQ(t, q, p);
	q = kvrealloc(p, 1000, 6 << 20, GFP_KERNEL);	/* grows into vmalloc memory */
	KT_ASSERT_NOT_NULL(t, q);
	KT_EXPECT_TRUE(t, is_vmalloc_addr(q));
	for (i = 0; i < 1000; i++)
		if (q[i] != (char)(i % 251))
			break;
	KT_EXPECT_EQ(t, i, 1000);
	kvfree(q);
	p = kvmalloc(256, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	memset(p, 's', 256);
	kvfree_sensitive(p, 256);		/* zeroed before it went back */
	if (!(slab_debug_flags & SLAB_POISON))	/* slab_debug poisons it after that */
		KT_EXPECT_NULL(t, memchr_inv(p + 16, 0, 256 - 16));	/* past the free pointer words */
	kvfree_sensitive(NULL, 10);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static void kmemdup_nul_and_roundup(struct ktest *t)
{
	static const struct { size_t size, rounded; } sizes[] = {
		{ 0, 0 }, { 1, 8 }, { 8, 8 }, { 9, 16 }, { 65, 96 }, { 97, 128 },
		{ 129, 192 }, { 193, 256 }, { 1000, 1024 }, { 4096, 4096 }, { 4097, 8192 },
		{ 8192, 8192 }, { 8193, 16384 }, { 100000, 131072 }, { SIZE_MAX, SIZE_MAX },
	};
	char *s;
	unsigned int i;

	s = kmemdup_nul("hello, world", 5, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, s);
	KT_EXPECT_STREQ(t, s, "hello");
	KT_EXPECT_EQ(t, ksize(s), 8);
	kfree(s);
	KT_EXPECT_NULL(t, kmemdup_nul(NULL, 5, GFP_KERNEL));
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		KT_EXPECT_EQ(t, kmalloc_size_roundup(sizes[i].size), sizes[i].rounded);
		if (sizes[i].size && sizes[i].size <= 100000) {
			s = kmalloc(sizes[i].size, GFP_KERNEL);
			KT_EXPECT_EQ(t, ksize(s), sizes[i].rounded);
			kfree(s);
		}
	}
}

/* The _node variants: node 0 and NUMA_NO_NODE are the one node. */
static void node_variants(struct ktest *t)
{
	struct kmem_cache *s;
	void *a, *b, *c, *d, *e;
	struct page *page;

	slab_baseline(&before);		/* before the cache: its struct comes and goes too */
	s = kmem_cache_create("test_node", 40, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	a = kmalloc_node(100, GFP_KERNEL, NUMA_NO_NODE);
	b = kzalloc_node(100, GFP_KERNEL, 0);
	c = kmem_cache_alloc_node(s, GFP_KERNEL, numa_node_id());
	d = vmalloc_node(10000, 0);
	e = vzalloc_node(10000, NUMA_NO_NODE);
	page = alloc_pages_node(NUMA_NO_NODE, GFP_KERNEL, 2);
	KT_EXPECT_TRUE(t, a && b && c && d && e && page);
	KT_EXPECT_NULL(t, memchr_inv(b, 0, 100));
	KT_EXPECT_NULL(t, memchr_inv(e, 0, 10000));
	KT_EXPECT_EQ(t, page ? page->private : 0, 2);
	kfree(a);
	kfree(b);
	kmem_cache_free(s, c);
	vfree(d);
	vfree(e);
	if (page)
		__free_pages(page, 2);
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* Bulk: all objects from the cache, all or nothing, freed in one call. */
static void bulk_alloc_free(struct ktest *t)
{
	struct kmem_cache *s;
	void *objs[100];
	struct page_stash stash;
	unsigned int i;
	int n;

	slab_baseline(&before);
	s = kmem_cache_create("test_bulk", 200, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	n = kmem_cache_alloc_bulk(s, GFP_KERNEL | __GFP_ZERO, ARRAY_SIZE(objs), objs);
	KT_ASSERT_EQ(t, n, ARRAY_SIZE(objs));
	KT_EXPECT_EQ(t, slab_objects_in_use(s), ARRAY_SIZE(objs));
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		KT_EXPECT_PTR_EQ(t, virt_to_head_page(objs[i])->slab_cache, s);
		KT_EXPECT_NULL(t, memchr_inv(objs[i], 0, 200));
	}
	kmem_cache_free_bulk(s, ARRAY_SIZE(objs), objs);
	KT_EXPECT_EQ(t, slab_objects_in_use(s), 0);

	/* No memory for the 100th: none are kept. */
	kmem_cache_shrink(s);
	stash_init(&stash);
	stash_fill(&stash, GFP_ATOMIC, 0);
	KT_EXPECT_EQ(t, kmem_cache_alloc_bulk(s, GFP_ATOMIC | __GFP_NOWARN, ARRAY_SIZE(objs), objs),
		     0);
	KT_EXPECT_EQ(t, slab_objects_in_use(s), 0);
	stash_free_all(&stash);

	for (i = 0; i < 10; i++)
		objs[i] = kmalloc(16 << (i % 8), GFP_KERNEL);
	kfree_bulk(10, objs);		/* each to its own cache */
	kmem_cache_destroy(s);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* kmem_cache_create_usercopy records the region; one that does not fit is refused. */
static void usercopy_region(struct ktest *t)
{
	struct kmem_cache *s;

	s = kmem_cache_create_usercopy("test_usercopy", 128, 0, 0, 16, 32, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	KT_EXPECT_EQ(t, s->useroffset, 16);
	KT_EXPECT_EQ(t, s->usersize, 32);
	kmem_cache_destroy(s);
	s = kmem_cache_create_usercopy("test_usercopy", 128, 0, 0, 100, 32, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, s->usersize, 0);
	kmem_cache_destroy(s);
	s = kmem_cache_create("test_usercopy", 128, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, s);
	KT_EXPECT_EQ(t, s->usersize, 0);	/* kmem_cache_create: none, as Linux */
	kmem_cache_destroy(s);
	KT_EXPECT_EQ(t, kmalloc_caches[KMALLOC_NORMAL][kmalloc_index(100)].usersize, 128);
}

/* alloc_pages_exact: 5 pages cost 5, not 8; the other 3 are free at once. */
static void pages_exact(struct ktest *t)
{
	unsigned long free0;
	void *p;
	struct page *page;
	unsigned int i;

	zone_pcp_disable(&contig_page_data.node_zones[ZONE_NORMAL]);
	zone_pcp_disable(&contig_page_data.node_zones[ZONE_DMA]);
	slab_baseline(&before);
	free0 = nr_free_pages();
	p = alloc_pages_exact(5 * PAGE_SIZE - 100, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_EQ(t, (unsigned long)p & ~PAGE_MASK, 0);
	KT_EXPECT_EQ(t, nr_free_pages(), free0 - 5);
	page = virt_to_page(p);
	for (i = 0; i < 5; i++)
		KT_EXPECT_EQ(t, page_count(page + i), 1);
	memset(p, 'e', 5 * PAGE_SIZE);
	free_pages_exact(p, 5 * PAGE_SIZE - 100);
	KT_EXPECT_EQ(t, nr_free_pages(), free0);
	clear_warn_once();
	p = alloc_pages_exact(PAGE_SIZE, GFP_KERNEL | __GFP_HIGHMEM);
	KT_EXPECT_REPORTS(t, 1);	/* __GFP_HIGHMEM dropped with a WARNING, once */
	KT_EXPECT_TRUE(t, virt_addr_valid(p));
	free_pages_exact(p, PAGE_SIZE);
	zone_pcp_enable(&contig_page_data.node_zones[ZONE_NORMAL]);
	zone_pcp_enable(&contig_page_data.node_zones[ZONE_DMA]);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* get_zeroed_page and __vmalloc(__GFP_ZERO) are zero even on dirty pages. */
static void zeroed_pages(struct ktest *t)
{
	unsigned long a, b;
	void *v;

	slab_baseline(&before);
	a = __get_free_page(GFP_KERNEL);
	KT_ASSERT_NE(t, a, 0);
	memset((void *)a, 0xd1, PAGE_SIZE);
	free_page(a);
	b = get_zeroed_page(GFP_KERNEL);	/* the same page, from the pcp list */
	KT_EXPECT_EQ(t, b, a);
	KT_EXPECT_NULL(t, memchr_inv((void *)b, 0, PAGE_SIZE));
	free_page(b);
	v = __vmalloc(5 * PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
	KT_ASSERT_NOT_NULL(t, v);
	KT_EXPECT_NULL(t, memchr_inv(v, 0, 5 * PAGE_SIZE));
	vfree(v);
	v = vmalloc_32(3 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, v);
	KT_EXPECT_LT(t, page_to_phys(vmalloc_to_page(v)), 1ULL << 32);
	vfree(v);
	v = vcalloc(1000, 20);
	KT_ASSERT_NOT_NULL(t, v);
	KT_EXPECT_NULL(t, memchr_inv(v, 0, 20000));
	vfree(v);
	v = vmalloc_array(1000, 20);
	KT_EXPECT_NOT_NULL(t, v);
	vfree(v);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/*
 * init_on_alloc / init_on_free: a dirty object, page or vmalloc area freed
 * and taken again comes back zeroed when they are on, and as it was left
 * (but for the free pointer) when they are off.  Constructor caches keep
 * their objects' contents either way, and so do poisoned caches (slab_debug):
 * as Linux's slab_want_init_on_alloc/free, poison replaces the zeroing.
 */
static unsigned int ctor_runs;

static void mark_ctor(void *obj)
{
	memset(obj, 'c', 64);
	ctor_runs++;
}

static void init_on_alloc_free(struct ktest *t)
{
	bool zeroing = init_on_alloc || init_on_free;
	struct kmem_cache *s, *cs;
	bool poisoned;
	char *o, *o2, *v;
	unsigned long a;

	vmalloc_populate_page_tables();		/* so that nothing lost is exact */
	slab_baseline(&before);
	s = kmem_cache_create("test_init", 256, 0, 0, NULL);
	cs = kmem_cache_create("test_init_ctor", 64, 0, 0, mark_ctor);
	KT_ASSERT_NOT_NULL(t, s);
	KT_ASSERT_NOT_NULL(t, cs);
	poisoned = s->flags & SLAB_POISON;
	KT_EXPECT_EQ(t, !!(s->flags & __SLAB_INIT_ON_ALLOC), init_on_alloc && !poisoned);
	KT_EXPECT_EQ(t, !!(s->flags & __SLAB_INIT_ON_FREE), init_on_free && !poisoned);
	KT_EXPECT_FALSE(t, cs->flags & (__SLAB_INIT_ON_ALLOC | __SLAB_INIT_ON_FREE));

	o = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, o);
	memset(o, 0xee, 256);
	kmem_cache_free(s, o);
	o2 = kmem_cache_alloc(s, GFP_KERNEL);	/* LIFO: the same object */
	KT_EXPECT_PTR_EQ(t, o2, o);
	if (poisoned)		/* slab_debug: poisoned, as its suite shows */
		KT_EXPECT_NOT_NULL(t, memchr_inv(o2 + 16, 0xee, 256 - 16));
	else if (zeroing)
		KT_EXPECT_NULL(t, memchr_inv(o2, 0, 256));
	else
		KT_EXPECT_NULL(t, memchr_inv(o2 + 16, 0xee, 256 - 16));
	kmem_cache_free(s, o2);

	o = kmem_cache_alloc(cs, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, o);
	KT_EXPECT_NULL(t, memchr_inv(o, 'c', 64));	/* exempt: constructed */
	kmem_cache_free(cs, o);

	a = __get_free_page(GFP_KERNEL);
	KT_ASSERT_NE(t, a, 0);
	memset((void *)a, 0xee, PAGE_SIZE);
	free_page(a);
	KT_EXPECT_EQ(t, __get_free_page(GFP_KERNEL), a);
	if (zeroing)
		KT_EXPECT_NULL(t, memchr_inv((void *)a, 0, PAGE_SIZE));
	else
		KT_EXPECT_NULL(t, memchr_inv((void *)a, 0xee, PAGE_SIZE));
	free_page(a);

	/* A vmalloc area (zeroed through its own mapping: mm/vmalloc.c). */
	v = vmalloc(3 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, v);
	memset(v, 0xee, 3 * PAGE_SIZE);
	vfree(v);
	v = vmalloc(3 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, v);
	if (zeroing)
		KT_EXPECT_NULL(t, memchr_inv(v, 0, 3 * PAGE_SIZE));
	vfree(v);
	kmem_cache_destroy(s);
	kmem_cache_destroy(cs);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* vm_map_ram: a mapping with no vm_struct and no guard page, shown as such. */
static void vm_map_ram_areas(struct ktest *t)
{
	struct page *pages[3];
	struct vmalloc_info vmi0, vmi;
	unsigned int i;
	char *p;

	vmalloc_populate_page_tables();
	slab_baseline(&before);
	get_vmalloc_info(&vmi0);
	for (i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_HIGHMEM);
		KT_ASSERT_NOT_NULL(t, pages[i]);
	}
	p = vm_map_ram(pages, 3, NUMA_NO_NODE);
	KT_ASSERT_NOT_NULL(t, p);
	KT_EXPECT_TRUE(t, is_vmalloc_addr(p));
	KT_EXPECT_NULL(t, find_vm_area(p));
	for (i = 0; i < 3; i++) {
		p[i * PAGE_SIZE] = 'm' + i;
		KT_EXPECT_PTR_EQ(t, vmalloc_to_page(p + i * PAGE_SIZE), pages[i]);
	}
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.used - vmi0.used, 3 * PAGE_SIZE);	/* no guard page */
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	proc_dump_show("vmallocinfo");		/* "... 12288 vm_map_ram" (test_linux_api.py) */
	vfree(p);				/* not vfree's to undo */
	KT_EXPECT_REPORTS(t, 1);
	vm_unmap_ram(p, 2);			/* the wrong count */
	KT_EXPECT_REPORTS(t, 1);
	vm_unmap_ram(p, 3);
	KT_EXPECT_NULL(t, vmalloc_to_page(p));
	for (i = 0; i < 3; i++)
		__free_page(pages[i]);
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/*
 * Module parameters: the parser and the types, on a table built by hand
 * (what module_param() puts in a module's __param section).
 */
static int p_int;
static unsigned char p_byte;
static unsigned int p_hex;
static bool p_bool, p_inv;
static char *p_str;
static short p_arr[3];
static unsigned int p_nr;
static const struct kparam_array p_arr_desc = {
	.max = 3, .num = &p_nr, .ops = &param_ops_short, .elemsize = sizeof(short), .elem = p_arr,
};
static const struct kernel_param p_table[] = {
	{ .name = "an_int", .ops = &param_ops_int, .arg = &p_int },
	{ .name = "byte", .ops = &param_ops_byte, .arg = &p_byte },
	{ .name = "hex", .ops = &param_ops_hexint, .arg = &p_hex },
	{ .name = "on", .ops = &param_ops_bool, .arg = &p_bool },
	{ .name = "off", .ops = &param_ops_invbool, .arg = &p_inv },
	{ .name = "str", .ops = &param_ops_charp, .arg = &p_str },
	{ .name = "arr", .ops = &param_array_ops, .arr = &p_arr_desc },
};

static char *parse(const char *text)
{
	static char buf[1200];

	strscpy(buf, text, sizeof(buf));
	return kparam_parse_args("ktest", buf, p_table, ARRAY_SIZE(p_table), NULL, NULL);
}

static void module_param_parsing(struct ktest *t)
{
	static char big[1100];
	char *rest;

	KT_EXPECT_NULL(t, parse("an-int=-12 byte=0x7f hex=ff on off=n str=\"two words\" arr=1,-2"));
	KT_EXPECT_EQ(t, p_int, -12);		/* '-' and '_' are the same in names */
	KT_EXPECT_EQ(t, p_byte, 127);
	KT_EXPECT_EQ(t, p_hex, 0xff);
	KT_EXPECT_TRUE(t, p_bool);		/* a bool without a value is true */
	KT_EXPECT_TRUE(t, p_inv);
	KT_EXPECT_STREQ(t, p_str, "two words");
	KT_EXPECT_EQ(t, p_nr, 2);
	KT_EXPECT_EQ(t, p_arr[1], -2);
	KT_EXPECT_TRUE(t, virt_addr_valid(p_str));	/* a kmalloc'd copy */
	KT_EXPECT_PTR_EQ(t, parse("byte=256"), ERR_PTR(-ERANGE));
	KT_EXPECT_PTR_EQ(t, parse("an_int=2147483648"), ERR_PTR(-ERANGE));
	KT_EXPECT_NULL(t, parse("an_int=-2147483648"));
	KT_EXPECT_PTR_EQ(t, parse("an_int"), ERR_PTR(-EINVAL));	/* needs a value */
	KT_EXPECT_PTR_EQ(t, parse("arr=1,2,3,4"), ERR_PTR(-EINVAL));	/* can only take 3 */
	KT_EXPECT_PTR_EQ(t, parse("nosuch=1"), ERR_PTR(-ENOENT));	/* no unknown() given */
	memset(big, 'y', sizeof(big) - 1);
	memcpy(big, "str=", 4);
	KT_EXPECT_PTR_EQ(t, parse(big), ERR_PTR(-ENOSPC));
	KT_EXPECT_STREQ(t, p_str, "two words");		/* kept */
	rest = parse("an_int=5 -- an_int=6 x");
	KT_EXPECT_STREQ(t, rest, "an_int=6 x");
	KT_EXPECT_EQ(t, p_int, 5);
	kfree(p_str);
	p_str = NULL;
}

static struct ktest_case linux_api_cases[] = {
	KTEST_CASE(kvmalloc_picks_kmalloc_then_vmalloc),
	KTEST_CASE(kvmalloc_rules),
	KTEST_CASE(kvrealloc_and_sensitive),
	KTEST_CASE(kmemdup_nul_and_roundup),
	KTEST_CASE(node_variants),
	KTEST_CASE(bulk_alloc_free),
	KTEST_CASE(usercopy_region),
	KTEST_CASE(pages_exact),
	KTEST_CASE(zeroed_pages),
	KTEST_CASE(init_on_alloc_free),
	KTEST_CASE(module_param_parsing),
	KTEST_CASE(vm_map_ram_areas),
	{}
};

static struct ktest_suite linux_api_suite = { .name = "linux_api", .cases = linux_api_cases };
ktest_register(linux_api_suite);
