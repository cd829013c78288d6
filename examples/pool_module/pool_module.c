// SPDX-License-Identifier: GPL-2.0
/*
 * pool_module.c - a memory pool and kvmalloc, from a module with
 * parameters.
 *
 * A driver that must keep working when memory is short (a block driver
 * that writes pages out to free memory, say) sets aside a reserve of the
 * objects it needs: a mempool.  mempool_alloc() asks the allocator first
 * and only takes from the reserve when the allocator fails, so the driver
 * always has @reserve requests it can start.  Its table of per-request
 * sizes, whose length the user chooses, comes from kvmalloc(): kmalloc
 * memory when the table is small, vmalloc memory when it is big.
 *
 * The parameters are Linux's module_param()s:
 *
 *	make run M=examples/pool_module                  defaults
 *	make run M=examples/pool_module MODARGS="requests=64 reserve=8 label=disk sizes=512,4096"
 *
 * or, in the shell, `insmod pool_module requests=5000`: a table of 20000
 * bytes, kmalloc memory while lowmem has a free 32 KB block, vmalloc
 * memory when it has none (the shell's `fragment` shows such a moment).
 * A bad value (requests=many) refuses the module, as insmod does.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/mempool.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A mempool of requests and a kvmalloc'd table, sized by parameters");

static int requests = 16;
module_param(requests, int, 0444);
MODULE_PARM_DESC(requests, "requests to allocate at load time (default 16)");

static int reserve = 4;
module_param(reserve, int, 0444);
MODULE_PARM_DESC(reserve, "requests the pool keeps in reserve (default 4)");

static char *label = "pool";
module_param(label, charp, 0444);
MODULE_PARM_DESC(label, "a name for the requests");

static unsigned int sizes[4] = { 512 };
static unsigned int nr_sizes = 1;
module_param_array(sizes, uint, &nr_sizes, 0444);
MODULE_PARM_DESC(sizes, "request sizes, used in turn (up to 4, comma-separated)");

static bool verbose;
module_param(verbose, bool, 0644);
MODULE_PARM_DESC(verbose, "print every request");

struct request {
	unsigned int id;
	unsigned int size;
	char label[24];
};

static struct kmem_cache *request_cache;
static mempool_t *request_pool;
static struct request **table;

static int __init pool_module_init(void)
{
	int i;

	if (requests < 1 || reserve < 1) {
		pr_err("pool_module: requests=%d reserve=%d: both must be at least 1\n", requests,
		       reserve);
		return -EINVAL;
	}
	request_cache = kmem_cache_create("pool_module_request", sizeof(struct request), 0, 0,
					  NULL);
	if (!request_cache)
		return -ENOMEM;
	request_pool = mempool_create_slab_pool(reserve, request_cache);
	if (!request_pool)
		goto no_pool;
	table = kvcalloc(requests, sizeof(*table), GFP_KERNEL);
	if (!table)
		goto no_table;
	pr_info("pool_module: %d requests \"%s\", reserve %d; table of %zu bytes at 0x%08lx (%s)\n",
		requests, label, reserve, requests * sizeof(*table), (unsigned long)table,
		is_vmalloc_addr(table) ? "vmalloc memory: kmalloc would need contiguous pages" :
		"kmalloc memory");
	for (i = 0; i < requests; i++) {
		struct request *r = mempool_alloc(request_pool, GFP_KERNEL);

		r->id = i;
		r->size = sizes[i % nr_sizes];
		snprintf(r->label, sizeof(r->label), "%s-%d", label, i);
		table[i] = r;
		if (verbose)
			pr_info("pool_module: request %s: %u bytes at 0x%08lx\n", r->label, r->size,
				(unsigned long)r);
	}
	pr_info("pool_module: %d requests allocated, the reserve untouched (%d of %d left)\n",
		requests, request_pool->curr_nr, request_pool->min_nr);
	return 0;
no_table:
	mempool_destroy(request_pool);
no_pool:
	kmem_cache_destroy(request_cache);
	return -ENOMEM;
}

static void __exit pool_module_exit(void)
{
	int i;

	for (i = 0; i < requests; i++)
		mempool_free(table[i], request_pool);
	kvfree(table);
	mempool_destroy(request_pool);
	kmem_cache_destroy(request_cache);
	pr_info("pool_module: %d requests freed, pool and cache destroyed\n", requests);
}

module_init(pool_module_init);
module_exit(pool_module_exit);
