// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/mm_bench.c - the allocator benchmarks of `make bench`.
 *
 * The same loops that were run against Linux 6.1 in the same QEMU
 * (docs/performance.md): each body is one allocation and its free, or one
 * map and its unmap (lib/test_vmalloc.c's workloads are in
 * test_vmalloc_bench.c).  Plus the figures that are not per-operation: boot
 * cost, struct page size and mem_map overhead, kmalloc waste per object,
 * and fragmentation after a fixed-seed mixed workload.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/highmem.h>
#include <linux/vmalloc.h>
#include <linux/random.h>
#include <asm/setup.h>
#include <mm386/bench.h>
#include <mm386/init.h>

static void kmalloc_100(struct bench_ctx *c, unsigned long n)
{
	while (n--)
		kfree(kmalloc(100, GFP_KERNEL));
}

static void kzalloc_100(struct bench_ctx *c, unsigned long n)
{
	while (n--)
		kfree(kzalloc(100, GFP_KERNEL));
}

static void get_free_page(struct bench_ctx *c, unsigned long n)
{
	while (n--)
		free_page(__get_free_page(GFP_KERNEL));
}

static void alloc_pages_3(struct bench_ctx *c, unsigned long n)
{
	while (n--)
		__free_pages(alloc_pages(GFP_KERNEL, 3), 3);
}

static void vmalloc_100000(struct bench_ctx *c, unsigned long n)
{
	while (n--)
		vfree(vmalloc(100000));
}

/* kmap benchmarks: one page, kept for the whole run. */
static const char *page_setup(struct bench_ctx *c, gfp_t gfp)
{
	struct page *page = alloc_page(gfp);

	if (!page)
		return "no page";
	if ((gfp & __GFP_HIGHMEM) && !PageHighMem(page)) {
		__free_page(page);
		return "no HighMem: boot with -m 2048";
	}
	c->priv = page;
	return NULL;
}

static const char *highmem_setup(struct bench_ctx *c)
{
	return page_setup(c, GFP_HIGHUSER);
}

static const char *lowmem_setup(struct bench_ctx *c)
{
	return page_setup(c, GFP_KERNEL);
}

static void page_teardown(struct bench_ctx *c)
{
	__free_page(c->priv);
}

static void kmap_atomic_loop(struct bench_ctx *c, unsigned long n)
{
	struct page *page = c->priv;

	while (n--)
		kunmap_atomic(kmap_atomic(page));
}

static void kmap_loop(struct bench_ctx *c, unsigned long n)
{
	struct page *page = c->priv;

	while (n--) {
		kmap(page);
		kunmap(page);
	}
}

static const char *cache64_setup(struct bench_ctx *c)
{
	c->priv = kmem_cache_create("bench_64", 64, 0, 0, NULL);
	return c->priv ? NULL : "kmem_cache_create failed";
}

static void cache64_teardown(struct bench_ctx *c)
{
	kmem_cache_destroy(c->priv);
}

static void cache64_loop(struct bench_ctx *c, unsigned long n)
{
	struct kmem_cache *s = c->priv;

	while (n--)
		kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));
}

/* ---------------------------------------------------------------------
 * Figures that are not per operation
 */

static void print_fraction(const char *name, u64 num, u64 den)
{
	u64 centi = den ? (num * 100 + den / 2) / den : 0;

	bench_stat(name, "%llu.%02llu", centi / 100, centi % 100);
}

static void boot_and_memmap_stats(struct bench_ctx *c, unsigned long n)
{
	u64 boot = boot_ready_tsc - boot_tsc;

	bench_stat("boot_ticks", "%llu", boot);
	bench_stat("ram_pages", "%lu", totalram_pages());
	print_fraction("boot_ticks_per_page", boot, totalram_pages());
	bench_stat("sizeof_struct_page", "%zu", sizeof(struct page));
	/* mem_map covers every pfn up to max_pfn, holes included */
	print_fraction("mem_map_pct_of_ram", (u64)max_pfn * sizeof(struct page) * 100,
		       (u64)totalram_pages() * PAGE_SIZE);
}

/* Waste per object of each kmalloc cache: slot padding plus slab leftover. */
static void kmalloc_waste(struct bench_ctx *c, unsigned long n)
{
	static const size_t sizes[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048,
					4096, 8192 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmalloc_slab(sizes[i], GFP_KERNEL);
		unsigned long slab = PAGE_SIZE << s->order;
		unsigned long waste_centi = ((slab - s->num * s->object_size) * 100) / s->num;
		char name[40];

		snprintf(name, sizeof(name), "waste_per_object_%s", s->name);
		bench_stat(name, "%lu.%02lu", waste_centi / 100, waste_centi % 100);
	}
}

// The largest order with a free block, and how many order-10 blocks exist.
static void fragmentation_figures(const char *when)
{
	unsigned long top = 0;
	int largest = -1, o;
	struct zone *zone;
	char name[48];

	drain_all_pages();
	for_each_zone(zone)
		for (o = 0; o < MAX_ORDER; o++)
			if (zone->free_area[o].nr_free && o > largest)
				largest = o;
	for_each_zone(zone)
		top += zone->free_area[MAX_ORDER - 1].nr_free;
	snprintf(name, sizeof(name), "frag_%s_largest_free_order", when);
	bench_stat(name, "%d", largest);
	snprintf(name, sizeof(name), "frag_%s_order10_blocks", when);
	bench_stat(name, "%lu", top);
}

#define FRAG_SLOTS	4096

/* A fixed-seed mix of page and kmalloc allocations, held at its peak. */
static void fragmentation(struct bench_ctx *c, unsigned long n)
{
	static void *slot[FRAG_SLOTS];
	static unsigned char kind[FRAG_SLOTS];
	struct rnd_state rnd;
	unsigned long i;

	prandom_seed_state(&rnd, 2024);
	fragmentation_figures("before");
	for (i = 0; i < 40000; i++) {
		unsigned int k = prandom_u32_below(&rnd, FRAG_SLOTS);
		u32 r = prandom_u32_state(&rnd);

		if (slot[k]) {
			if (kind[k] < MAX_ORDER)
				free_pages((unsigned long)slot[k], kind[k]);
			else
				kfree(slot[k]);
			slot[k] = NULL;
		} else if (r & 1) {
			kind[k] = (r >> 1) % 4;
			slot[k] = (void *)__get_free_pages(GFP_KERNEL | __GFP_NOWARN, kind[k]);
		} else {
			kind[k] = MAX_ORDER;
			slot[k] = kmalloc(1 + (r >> 4) % 3000, GFP_KERNEL | __GFP_NOWARN);
		}
	}
	fragmentation_figures("peak");
	for (i = 0; i < FRAG_SLOTS; i++) {
		if (!slot[i])
			continue;
		if (kind[i] < MAX_ORDER)
			free_pages((unsigned long)slot[i], kind[i]);
		else
			kfree(slot[i]);
		slot[i] = NULL;
	}
	kmem_cache_shrink_all();
	fragmentation_figures("after_free");
}

/* In the order of the table in docs/performance.md. */
static struct bench mm_benches[] = {
	{
		.name = "kmalloc_100", .desc = "kmalloc(100)+kfree",
		.iters = 100000, .run = kmalloc_100,
	},
	{
		.name = "kzalloc_100", .desc = "kzalloc(100)+kfree",
		.iters = 100000, .run = kzalloc_100,
	},
	{
		.name = "get_free_page", .desc = "__get_free_page(GFP_KERNEL)+free_page",
		.iters = 100000, .run = get_free_page,
	},
	{
		.name = "alloc_pages_3", .desc = "alloc_pages(GFP_KERNEL, 3)+__free_pages",
		.iters = 100000, .run = alloc_pages_3,
	},
	{
		.name = "vmalloc_100000", .desc = "vmalloc(100000)+vfree",
		.iters = 1000, .run = vmalloc_100000,
	},
	{
		.name = "kmap_atomic_high", .desc = "kmap_atomic+kunmap_atomic, highmem page",
		.iters = 100000, .setup = highmem_setup, .run = kmap_atomic_loop,
		.teardown = page_teardown,
	},
	{
		.name = "kmap_atomic_low", .desc = "kmap_atomic+kunmap_atomic, lowmem page",
		.iters = 100000, .setup = lowmem_setup, .run = kmap_atomic_loop,
		.teardown = page_teardown,
	},
	{
		.name = "kmap_high", .desc = "kmap+kunmap, highmem page",
		.iters = 100000, .setup = highmem_setup, .run = kmap_loop,
		.teardown = page_teardown,
	},
	{
		.name = "kmap_low", .desc = "kmap+kunmap, lowmem page",
		.iters = 100000, .setup = lowmem_setup, .run = kmap_loop,
		.teardown = page_teardown,
	},
	{
		.name = "kmem_cache_64", .desc = "kmem_cache_alloc+kmem_cache_free, 64 bytes",
		.iters = 100000, .setup = cache64_setup, .run = cache64_loop,
		.teardown = cache64_teardown,
	},
	{
		.name = "stats", .desc = "(boot cost and mem_map figures)",
		.figures_only = true, .run = boot_and_memmap_stats,
	},
	{
		.name = "kmalloc_waste", .desc = "(kmalloc waste per object)",
		.figures_only = true, .run = kmalloc_waste,
	},
	{
		.name = "fragmentation", .desc = "(fragmentation, fixed-seed mix)",
		.figures_only = true, .run = fragmentation,
	},
	{}
};
bench_register(mm_benches);
