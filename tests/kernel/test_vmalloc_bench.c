// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/test_vmalloc_bench.c - bench=test_vmalloc: the four
 * workloads of Linux 6.1's lib/test_vmalloc.c that the Linux figures in
 * docs/performance.md come from, with 6.1's definitions.
 *
 * Each workload is one call of the 6.1 test function with test_loop_count
 * = the benchmark's iterations (10000), timed whole, as test_vmalloc.c
 * times it: the busy areas that long_busy_list and full_fit set up, and
 * free again, are inside the timed call.  The figure is the call's ticks
 * divided by the loop count.
 *
 *   fix_size        vmalloc(1 page), write a byte, vfree
 *   full_fit        32 MB / PAGE_SIZE = 8192 one-page areas kept, 8192
 *                   freed between them (holes), then the loop: a one-page
 *                   vmalloc that fits a hole exactly, and its vfree
 *   long_busy_list  15000 one-page areas kept busy, then the loop:
 *                   vmalloc(100 pages) and vmalloc(1 page), a byte written
 *                   to each, both freed
 *   random_size     vmalloc(1..100 pages), write a byte, vfree (6.1 draws
 *                   get_random_u32_inclusive(1, 100); here a fixed-seed
 *                   prandom, so that runs repeat)
 *
 * Whether the pages are zeroed is init_on_alloc='s: Linux's figures are
 * from a kernel with init_on_alloc=1 (tools/bench.py boots both ways).
 * full_fit needs 16384 one-page areas with their guard pages, 128 MB of
 * vmalloc space: the layout at -m 160 has 840 MB of it, -m 2048 only
 * 120 MB, so tools/bench.py runs these at -m 160.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/random.h>
#include <mm386/bench.h>

#define LONG_BUSY_AREAS	15000
#define FULL_FIT_JUNK	(32 * 1024 * 1024 / PAGE_SIZE)	/* fls(1 CPU) = 1 */

/* A failed vmalloc ends the loop and is reported: tools/bench.py then fails. */
static bool failed;

static void fail(const char *test)
{
	if (!failed)
		pr_err("bench: %s: vmalloc failed\n", test);
	failed = true;
}

static void fix_size_alloc_test(struct bench_ctx *c, unsigned long loops)
{
	while (loops--) {
		u8 *p = vmalloc(PAGE_SIZE);

		if (!p)
			return fail("fix_size");
		*p = 0;
		vfree(p);
	}
}

static void full_fit_alloc_test(struct bench_ctx *c, unsigned long loops)
{
	void **ptr = vmalloc(sizeof(void *) * FULL_FIT_JUNK);
	void **junk = vmalloc(sizeof(void *) * FULL_FIT_JUNK);
	unsigned long i;

	if (!ptr || !junk) {
		fail("full_fit");
		goto out;
	}
	for (i = 0; i < FULL_FIT_JUNK; i++) {
		ptr[i] = vmalloc(PAGE_SIZE);
		junk[i] = vmalloc(PAGE_SIZE);
	}
	for (i = 0; i < FULL_FIT_JUNK; i++)
		vfree(junk[i]);
	while (loops--) {
		u8 *p = vmalloc(PAGE_SIZE);

		if (!p) {
			fail("full_fit");
			break;
		}
		*p = 1;
		vfree(p);
	}
	for (i = 0; i < FULL_FIT_JUNK; i++)
		vfree(ptr[i]);
out:
	vfree(ptr);
	vfree(junk);
}

static void long_busy_list_alloc_test(struct bench_ctx *c, unsigned long loops)
{
	void **ptr = vmalloc(sizeof(void *) * LONG_BUSY_AREAS);
	unsigned long i;

	if (!ptr)
		return fail("long_busy_list");
	for (i = 0; i < LONG_BUSY_AREAS; i++)
		ptr[i] = vmalloc(PAGE_SIZE);
	while (loops--) {
		u8 *p1 = vmalloc(100 * PAGE_SIZE), *p2 = vmalloc(PAGE_SIZE);

		if (!p1 || !p2) {
			vfree(p1);
			vfree(p2);
			fail("long_busy_list");
			break;
		}
		*p1 = 0;
		*p2 = 1;
		vfree(p1);
		vfree(p2);
	}
	for (i = 0; i < LONG_BUSY_AREAS; i++)
		vfree(ptr[i]);
	vfree(ptr);
}

static void random_size_alloc_test(struct bench_ctx *c, unsigned long loops)
{
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 1000 + loops);
	while (loops--) {
		u8 *p = vmalloc((1 + prandom_u32_below(&rnd, 100)) * PAGE_SIZE);

		if (!p)
			return fail("random_size");
		*p = 1;
		vfree(p);
	}
}

/* 6.1's names, less "_alloc_test"; test_loop_count 10000. */
static struct bench test_vmalloc_benches[] = {
	{
		.name = "test_vmalloc_fix_size", .group = "test_vmalloc",
		.desc = "test_vmalloc fix_size: 1 page",
		.iters = 10000, .run = fix_size_alloc_test,
	},
	{
		.name = "test_vmalloc_full_fit", .group = "test_vmalloc",
		.desc = "test_vmalloc full_fit: 8192 holes",
		.iters = 10000, .run = full_fit_alloc_test,
	},
	{
		.name = "test_vmalloc_long_busy_list", .group = "test_vmalloc",
		.desc = "test_vmalloc long_busy_list: 15000 busy",
		.iters = 10000, .run = long_busy_list_alloc_test,
	},
	{
		.name = "test_vmalloc_random_size", .group = "test_vmalloc",
		.desc = "test_vmalloc random_size: 1-100 pages",
		.iters = 10000, .run = random_size_alloc_test,
	},
	{}
};
bench_register(test_vmalloc_benches);
