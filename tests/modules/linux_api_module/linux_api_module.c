// SPDX-License-Identifier: GPL-2.0
/*
 * linux_api_module.c - an "outside" module written against Linux 6.1's
 * headers that calls every allocator API of issue 14's Part A: the
 * kvmalloc family, mempools, bulk and RCU-typesafe slab caches, usercopy
 * caches, the _node variants, kmalloc_size_roundup, kmemdup_nul, RCU
 * (read-side sections, synchronize_rcu, call_rcu, rcu_barrier, kfree_rcu,
 * kvfree_rcu), exact and node page allocations, the vmalloc variants, and
 * module parameters of four kinds.  It must build unchanged with
 * `make M=` and pass with and without init_on_alloc=1
 * (tests/host/test_linux_api.py).  Every line it prints ends with "ok" or
 * "FAILED"; the last one counts the failures.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mempool.h>
#include <linux/rcupdate.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/numa.h>
#include <linux/string.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Calls every Linux 6.1 allocator API of issue 14, Part A");

static int count = 3;
module_param(count, int, 0444);
MODULE_PARM_DESC(count, "objects per test (default 3)");

static char *tag = "default";
module_param(tag, charp, 0444);
MODULE_PARM_DESC(tag, "a word to print back");

static int orders[3] = { 0, 1, 2 };
static unsigned int nr_orders = 3;
module_param_array(orders, int, &nr_orders, 0444);
MODULE_PARM_DESC(orders, "page orders to try alloc_pages_node with");

static bool expect_zero;
module_param_named(zeroed, expect_zero, bool, 0444);
MODULE_PARM_DESC(zeroed, "the kernel runs with init_on_alloc=1");

static unsigned int checks, failures;

static void check(const char *what, bool ok)
{
	checks++;
	if (!ok)
		failures++;
	pr_info("linux_api_module: %s %s\n", what, ok ? "ok" : "FAILED");
}

static void kv_apis(void)
{
	char *a = kvmalloc(100, GFP_KERNEL), *b = kvzalloc(5 << 20, GFP_KERNEL);
	int *arr = kvmalloc_array(count, sizeof(int), GFP_KERNEL);
	long *c = kvcalloc(1000, sizeof(long), GFP_KERNEL);
	char *r;

	check("kvmalloc/kvzalloc (kmalloc, then vmalloc above 4 MB)",
	      a && !is_vmalloc_addr(a) && b && is_vmalloc_addr(b) && !b[(5 << 20) - 1]);
	check("kvmalloc_array/kvcalloc", arr && c && !c[999] &&
	      !kvmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL) && !kvcalloc(SIZE_MAX, 2, GFP_KERNEL));
	if (a)
		strcpy(a, "kept");
	r = kvrealloc(a, 100, 20000, GFP_KERNEL);
	check("kvrealloc", r && !strcmp(r, "kept"));
	kvfree(r ? r : a);
	kvfree(b);
	kvfree(arr);
	kvfree_sensitive(c, 1000 * sizeof(long));
}

static struct kmem_cache *pool_cache;

static void mempool_apis(void)
{
	mempool_t *kp = mempool_create_kmalloc_pool(2, 128);
	mempool_t *sp, *pp = mempool_create_page_pool(1, 0);
	void *e1, *e2;
	struct page *pg;

	pool_cache = kmem_cache_create("linux_api_pool", 96, 0, 0, NULL);
	sp = pool_cache ? mempool_create_slab_pool(2, pool_cache) : NULL;
	e1 = kp ? mempool_alloc(kp, GFP_KERNEL) : NULL;
	e2 = sp ? mempool_alloc(sp, GFP_NOIO) : NULL;
	pg = pp ? mempool_alloc(pp, GFP_ATOMIC) : NULL;
	check("mempool_create_*_pool/mempool_alloc", e1 && e2 && pg);
	if (kp)
		mempool_free(e1, kp);
	if (sp)
		mempool_free(e2, sp);
	if (pp)
		mempool_free(pg, pp);
	check("mempool_resize", kp && !mempool_resize(kp, 6) && kp->curr_nr == 6 &&
	      !mempool_resize(kp, 1) && kp->curr_nr == 1);
	mempool_destroy(kp);
	mempool_destroy(sp);
	mempool_destroy(pp);
	kmem_cache_destroy(pool_cache);
}

struct node {
	int value;
	struct rcu_head rcu;
};

static struct node __rcu *shared;
static int callback_ran;

static void node_free_cb(struct rcu_head *head)
{
	callback_ran++;
	kfree(container_of(head, struct node, rcu));
}

static void rcu_apis(void)
{
	struct node *n = kzalloc(sizeof(*n), GFP_KERNEL), *old, *p;
	struct node *big;
	void *headless = vmalloc(PAGE_SIZE);
	int seen = -1;

	if (!n)
		goto out;
	n->value = 42;
	rcu_assign_pointer(shared, n);
	rcu_read_lock();
	p = rcu_dereference(shared);
	if (p)
		seen = p->value;
	rcu_read_unlock();
	check("rcu_read_lock/rcu_dereference", seen == 42);

	old = rcu_dereference_protected(shared, 1);
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (n) {
		n->value = 43;
		rcu_assign_pointer(shared, n);
		call_rcu(&old->rcu, node_free_cb);
		rcu_barrier();
		check("call_rcu/rcu_barrier", callback_ran == 1);
		old = rcu_dereference_protected(shared, 1);
		RCU_INIT_POINTER(shared, NULL);
		synchronize_rcu();
		kfree_rcu(old, rcu);
	}
	big = vzalloc(3 * PAGE_SIZE);
	if (big)
		kvfree_rcu(big, rcu);
	kvfree_rcu(headless);
	rcu_barrier();
	check("synchronize_rcu/kfree_rcu/kvfree_rcu", big && headless);
out:
	return;
}

struct obj {
	int key;
	char data[60];
};

static void slab_apis(void)
{
	struct kmem_cache *ts = kmem_cache_create("linux_api_typesafe", sizeof(struct obj), 0,
						  SLAB_TYPESAFE_BY_RCU, NULL);
	struct kmem_cache *uc = kmem_cache_create_usercopy("linux_api_usercopy", 64, 0,
							   SLAB_HWCACHE_ALIGN, 8, 32, NULL);
	void *objs[16];
	char *dup, *k;
	int n = 0;

	if (ts)
		n = kmem_cache_alloc_bulk(ts, GFP_KERNEL, min(count, 16), objs);
	check("SLAB_TYPESAFE_BY_RCU cache/kmem_cache_alloc_bulk", n == min(count, 16));
	if (n)
		kmem_cache_free_bulk(ts, n, objs);
	kmem_cache_destroy(ts);
	objs[0] = uc ? kmem_cache_alloc_node(uc, GFP_KERNEL, NUMA_NO_NODE) : NULL;
	check("kmem_cache_create_usercopy/kmem_cache_alloc_node", objs[0] != NULL);
	if (objs[0])
		kmem_cache_free(uc, objs[0]);
	kmem_cache_destroy(uc);
	k = kmalloc_node(300, GFP_KERNEL, 0);
	check("kmalloc_node/kmalloc_size_roundup", k && kmalloc_size_roundup(300) == 512 &&
	      ksize(k) == kmalloc_size_roundup(300));
	kfree(k);
	dup = kmemdup_nul("abcdef", 3, GFP_KERNEL);
	check("kmemdup_nul", dup && !strcmp(dup, "abc"));
	kfree(dup);
	objs[0] = kmalloc(40, GFP_KERNEL);
	objs[1] = kmalloc(400, GFP_KERNEL);
	kfree_bulk(2, objs);
}

static void page_apis(void)
{
	void *ex = alloc_pages_exact(3 * PAGE_SIZE, GFP_KERNEL);
	unsigned long z = get_zeroed_page(GFP_KERNEL);
	void *v32 = vmalloc_32(2 * PAGE_SIZE), *vg = __vmalloc(3 * PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
	void *vn = vmalloc_node(PAGE_SIZE, NUMA_NO_NODE), *va = vmalloc_array(count, 1000);
	char *vc = vcalloc(count, 1000);
	unsigned int i;
	bool ok = true;

	check("alloc_pages_exact/get_zeroed_page", ex && z && !memchr_inv((void *)z, 0, PAGE_SIZE));
	free_pages_exact(ex, 3 * PAGE_SIZE);
	free_page(z);
	for (i = 0; i < nr_orders; i++) {
		struct page *p = alloc_pages_node(NUMA_NO_NODE, GFP_KERNEL, orders[i]);

		ok = ok && p;
		if (p)
			__free_pages(p, orders[i]);
	}
	check("alloc_pages_node", ok);
	check("vmalloc_32/__vmalloc/vmalloc_node/vmalloc_array/vcalloc",
	      v32 && vg && !memchr_inv(vg, 0, 3 * PAGE_SIZE) && vn && va && vc && !vc[count * 1000 - 1] &&
	      !vmalloc_array(SIZE_MAX, 2) && !vcalloc(2, SIZE_MAX));
	vfree(v32);
	vfree(vg);
	vfree(vn);
	vfree(va);
	vfree(vc);
}

/* init_on_alloc=1: memory comes zeroed without being asked (zeroed=1 says so). */
static void init_on_alloc_apis(void)
{
	char *p = kmalloc(200, GFP_KERNEL), *q;
	unsigned long pg = __get_free_page(GFP_KERNEL), pg2;
	bool zero, page_zero;

	if (!p || !pg)
		return;
	memset(p, 0xab, 200);		/* dirty them, free them, take them again */
	kfree(p);
	memset((void *)pg, 0xab, PAGE_SIZE);
	free_page(pg);
	q = kmalloc(200, GFP_KERNEL);
	pg2 = __get_free_page(GFP_KERNEL);
	zero = q == p && !memchr_inv(q + 16, 0, 184);
	page_zero = pg2 == pg && !memchr_inv((void *)pg2, 0, PAGE_SIZE);
	check(expect_zero ? "init_on_alloc=1: kmalloc and pages come zeroed" :
	      "init_on_alloc=0: kmalloc and pages keep old contents",
	      zero == expect_zero && page_zero == expect_zero &&
	      want_init_on_alloc(0) == expect_zero);
	kfree(q);
	free_page(pg2);
}

static int __init linux_api_module_init(void)
{
	pr_info("linux_api_module: count=%d tag=%s orders=%u values zeroed=%d\n", count, tag,
		nr_orders, expect_zero);
	kv_apis();
	mempool_apis();
	rcu_apis();
	slab_apis();
	page_apis();
	init_on_alloc_apis();
	pr_info("linux_api_module: %u checks, %u failures\n", checks, failures);
	return 0;
}

static void __exit linux_api_module_exit(void)
{
	rcu_barrier();
	pr_info("linux_api_module: unloaded\n");
}

module_init(linux_api_module_init);
module_exit(linux_api_module_exit);
