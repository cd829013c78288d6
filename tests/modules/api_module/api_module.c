// SPDX-License-Identifier: GPL-2.0
/*
 * api_module.c - a test module that includes the Linux headers a driver
 * of seed 003's kind includes, and calls each allocator and printing API
 * mm386 exports, so that tests/host/test_modules.py can check that such a
 * module compiles unchanged (with gcc and clang), links against the
 * kernel's EXPORT_SYMBOL table, and runs.  Each line it prints ends with
 * "ok" or "FAILED".
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/io.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("mm386");
MODULE_DESCRIPTION("Calls every API a module may use");

static unsigned int failures;

static void check(const char *what, bool ok)
{
	if (!ok)
		failures++;
	pr_info("api_module: %s %s\n", what, ok ? "ok" : "FAILED");
}

static void slab_apis(void)
{
	struct kmem_cache *cache;
	char *p, *z, *copy;
	void *obj;

	p = kmalloc(100, GFP_KERNEL);
	z = kzalloc(64, GFP_KERNEL);
	check("kmalloc/kzalloc", p && z && !z[0] && !z[63] && ksize(p) >= 100 &&
	      virt_to_phys(p) == (unsigned long)p - PAGE_OFFSET);
	if (p) {
		memset(p, 'x', 99);
		p[99] = '\0';
		copy = kstrdup(p, GFP_KERNEL);
		check("memset/strlen/kstrdup", copy && strlen(copy) == 99 && !memcmp(copy, p, 100));
		kfree(copy);
	}
	kfree(p);
	kfree(z);

	cache = kmem_cache_create("api_module_cache", 48, 0, 0, NULL);
	obj = cache ? kmem_cache_alloc(cache, GFP_KERNEL) : NULL;
	check("kmem_cache_create/alloc", obj && kmem_cache_size(cache) >= 48);
	if (obj)
		kmem_cache_free(cache, obj);
	kmem_cache_destroy(cache);
}

static void page_apis(void)
{
	unsigned long page = __get_free_page(GFP_KERNEL);
	unsigned long zeroed = get_zeroed_page(GFP_KERNEL);
	unsigned long two = __get_free_pages(GFP_KERNEL, 1);
	struct page *high = alloc_pages(GFP_HIGHUSER, 0);
	char *k, *a;

	check("__get_free_page/get_zeroed_page/__get_free_pages",
	      page && zeroed && two && !*(char *)zeroed && virt_addr_valid((void *)page) &&
	      page_to_pfn(virt_to_page(page)) == virt_to_phys((void *)page) >> PAGE_SHIFT);
	free_page(page);
	free_page(zeroed);
	free_pages(two, 1);

	if (high) {
		k = kmap(high);
		memcpy(k, "kmap", 5);
		kunmap(high);
		a = kmap_atomic(high);
		check("alloc_pages/kmap/kmap_atomic", !strcmp(a, "kmap"));
		kunmap_atomic(a);
		__free_pages(high, 0);
	} else {
		check("alloc_pages", false);
	}
}

static void vmalloc_apis(void)
{
	char *v = vmalloc(3 * PAGE_SIZE);
	char *vz = vzalloc(PAGE_SIZE);
	struct page *pg = v ? vmalloc_to_page(v + PAGE_SIZE) : NULL;

	check("vmalloc/vzalloc/vmalloc_to_page", v && vz && !vz[PAGE_SIZE - 1] && is_vmalloc_addr(v) &&
	      pg && vmalloc_to_pfn(v + PAGE_SIZE) == page_to_pfn(pg));
	vfree(v);
	vfree(vz);
}

static int __init api_module_init(void)
{
	char buf[32];

	printk("<1>api_module: an old-style <1> message\n");
	printk(KERN_INFO "api_module: a KERN_INFO message\n");
	pr_info("api_module: THIS_MODULE is %s\n", THIS_MODULE->name);
	snprintf(buf, sizeof(buf), "%d-%s", 42, "x");
	check("snprintf", !strcmp(buf, "42-x"));
	slab_apis();
	page_apis();
	vmalloc_apis();
	pr_info("api_module: %u failures\n", failures);
	return 0;
}

static void __exit api_module_exit(void)
{
	pr_info("api_module: exit\n");
}

module_init(api_module_init);
module_exit(api_module_exit);
