// SPDX-License-Identifier: GPL-2.0
/*
 * cache_module.c - a slab cache of one's own: kmem_cache_create() and
 * friends, from a module.
 *
 * Seed 003: "内核编程中，可能经常会有一些数据结构需要反复使用和释放 ... Linux为我们
 * 提供了更加高效的方法——Slab高速缓存管理器".  A driver that allocates and frees
 * many objects of one type makes a cache for them:
 *
 *	cache = kmem_cache_create("name", sizeof(obj), align, flags, ctor);
 *	obj = kmem_cache_alloc(cache, GFP_KERNEL);
 *	kmem_cache_free(cache, obj);
 *	kmem_cache_destroy(cache);		before the module goes away
 *
 * The module allocates a few objects and prints where they are: side by
 * side in one slab page, in lowmem, so virt_to_phys() works.  It frees one
 * and allocates again: the object it gets is the one it just freed (a
 * slab's free list is last in, first out, and that memory is still warm in
 * the CPU cache).  The constructor runs once per object when a slab is
 * made, not on every allocation.  Build and run it with
 *
 *	make run M=examples/cache_module APPEND="dump=slabinfo"
 *
 * The exit function frees the objects and destroys the cache; a module
 * that forgot would leave a cache whose name lies in freed module memory.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <asm/io.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kmem_cache of the module's own objects");

#define NR_ITEMS	4

struct cache_item {
	unsigned int id;
	unsigned int magic;
	char label[24];
};

static struct kmem_cache *item_cache;
static struct cache_item *items[NR_ITEMS];
static unsigned int ctor_calls;

// The constructor: once per object, when its slab is created.
static void cache_item_ctor(void *obj)
{
	struct cache_item *item = obj;

	item->magic = 0x5eed0003;
	ctor_calls++;
}

static void show_item(const char *what, unsigned int i)
{
	unsigned long addr = (unsigned long)items[i];

	pr_info("cache_module: %s item %u addr=0x%08lx phys=0x%08lx pfn=%#lx magic=%#x\n", what,
		i, addr, virt_to_phys(items[i]), page_to_pfn(virt_to_page(addr)),
		items[i]->magic);
}

static int __init cache_module_init(void)
{
	unsigned int i;

	item_cache = kmem_cache_create("cache_module_item", sizeof(struct cache_item), 0,
				       SLAB_HWCACHE_ALIGN, cache_item_ctor);
	if (!item_cache)
		return -ENOMEM;
	pr_info("cache_module: kmem_cache_create(\"%s\"): objects of %u bytes\n",
		kmem_cache_name(item_cache), kmem_cache_size(item_cache));
	for (i = 0; i < NR_ITEMS; i++) {
		items[i] = kmem_cache_alloc(item_cache, GFP_KERNEL);
		if (!items[i])
			goto fail;
		items[i]->id = i;
		snprintf(items[i]->label, sizeof(items[i]->label), "item %u", i);
		show_item("allocated", i);
	}
	pr_info("cache_module: the constructor ran %u times: once per object of the new slab\n",
		ctor_calls);

	kmem_cache_free(item_cache, items[1]);
	pr_info("cache_module: freed item 1; allocating again\n");
	items[1] = kmem_cache_alloc(item_cache, GFP_KERNEL);
	if (!items[1])
		goto fail;
	show_item("got back", 1);
	return 0;
fail:
	for (i = 0; i < NR_ITEMS; i++)
		if (items[i])
			kmem_cache_free(item_cache, items[i]);
	kmem_cache_destroy(item_cache);
	return -ENOMEM;
}

static void __exit cache_module_exit(void)
{
	unsigned int i;

	for (i = 0; i < NR_ITEMS; i++)
		kmem_cache_free(item_cache, items[i]);
	kmem_cache_destroy(item_cache);
	pr_info("cache_module: freed %u items and destroyed the cache\n", NR_ITEMS);
}

module_init(cache_module_init);
module_exit(cache_module_exit);
