/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bench.h - deterministic in-kernel benchmarks (bench= parameter).
 *
 * A benchmark runs its operation @iters times in one tight loop; the
 * runner reads the TSC before and after.  Under QEMU with
 * -icount shift=0,sleep=off the TSC advances by one per guest instruction,
 * so ticks per operation are instructions per operation, and two runs give
 * the same numbers.  The figures are raw: the loop's own instructions are
 * in them (an empty loop's cost is reported once, not subtracted).
 *
 *	static void kmalloc_100(struct bench_ctx *c, unsigned long n)
 *	{
 *		while (n--)
 *			kfree(kmalloc(100, GFP_KERNEL));
 *	}
 *	static struct bench my_benches[] = {
 *		{ .name = "kmalloc_100", .desc = "kmalloc(100)+kfree",
 *		  .iters = 100000, .run = kmalloc_100 },
 *		{}
 *	};
 *	bench_register(my_benches);		(run in this order)
 */
#ifndef _MM386_BENCH_H
#define _MM386_BENCH_H

#include <linux/compiler.h>
#include <linux/types.h>

struct bench_ctx {
	void *priv;		/* set up by setup(), used by run() */
	unsigned long arg;
};

struct bench {
	const char *name;	/* machine-readable: "kmalloc_100" */
	const char *desc;	/* for the table: "kmalloc(100)+kfree" */
	const char *group;	/* run only when named, or its group is: "test_vmalloc" */
	unsigned long iters;
	bool figures_only;	/* prints bench_stat() lines once; not timed */
	/* optional: 0, or a reason to skip (no HighMem...) */
	const char *(*setup)(struct bench_ctx *c);
	void (*run)(struct bench_ctx *c, unsigned long iters);
	void (*teardown)(struct bench_ctx *c);
};

/* Register an array of benchmarks that ends with an empty entry. */
#define bench_register(array)						\
	static struct bench *__bench_ptr_##array			\
		__used __section(".benches") __aligned(4) = array

/* Extra figures printed as "bench: stat NAME=VALUE" lines. */
void bench_stat(const char *name, const char *fmt, ...) __printf(2, 3);

#endif
