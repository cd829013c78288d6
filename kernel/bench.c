// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/bench.c - the benchmark runner: bench=all, bench=smoke or
 * bench=NAME[,NAME...].
 *
 * For each benchmark: set up, warm up (so slabs and page tables exist),
 * then TSC, the loop, TSC.  Under QEMU -icount shift=0 one tick is one
 * guest instruction; `make bench` boots that way (tools/bench.py), so the
 * figures are instruction counts and repeat runs are byte-identical.  The
 * figures are raw: the loop's own instructions are in them, as they are in
 * Linux's figures they are compared with.  An empty loop of the same length
 * is measured once and reported (bench: loop_overhead), not subtracted.
 *
 * Output, one line per operation, for machines:
 *	bench: kmalloc_100 iters=100000 ticks_per_op=52.34
 * and a table for people.  bench=smoke runs every benchmark with a
 * thousandth of its iterations, just to prove it works (make check).  A
 * benchmark with a .group (bench=test_vmalloc) runs when its group or its
 * own name is asked for, not in bench=all; "smoke" in a list of names
 * (bench=test_vmalloc,smoke) gives those the smoke run's iterations.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/processor.h>
#include <mm386/bench.h>

extern struct bench *__start_benches[], *__stop_benches[];

static const char *bench_list;

static int __init bench_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	bench_list = val;
	return 0;
}
__setup("bench=", bench_setup);

bool bench_requested(void)
{
	return bench_list != NULL;
}

void bench_stat(const char *name, const char *fmt, ...)
{
	char value[96];
	va_list args;

	va_start(args, fmt);
	vsnprintf(value, sizeof(value), fmt, args);
	va_end(args);
	printk("bench: stat %s=%s\n", name, value);
}

static noinline void empty_loop(struct bench_ctx *c, unsigned long n)
{
	while (n--)
		barrier();
}

static u64 time_run(void (*run)(struct bench_ctx *, unsigned long), struct bench_ctx *c,
		    unsigned long n)
{
	u64 t0, t1;

	barrier();
	t0 = rdtsc();
	run(c, n);
	t1 = rdtsc();
	barrier();
	return t1 - t0;
}

// ticks * 100 / n, for printing with two decimals.
static unsigned long long centi_per_op(u64 ticks, unsigned long n)
{
	return (ticks * 100 + n / 2) / n;
}

static void run_one(struct bench *b, bool smoke)
{
	struct bench_ctx c = { NULL, 0 };
	unsigned long n = smoke ? max(b->iters / 1000, 10UL) : b->iters;
	const char *skip = b->setup ? b->setup(&c) : NULL;
	unsigned long long centi;

	if (skip) {
		printk("bench: %s skipped (%s)\n", b->name, skip);
		return;
	}
	if (b->figures_only) {
		b->run(&c, 1);
		return;
	}
	b->run(&c, min(n / 10 + 1, 1000UL));		/* warm up */
	centi = centi_per_op(time_run(b->run, &c, n), n);
	if (b->teardown)
		b->teardown(&c);
	printk("bench: %s iters=%lu ticks_per_op=%llu.%02llu\n", b->name, n, centi / 100,
	       centi % 100);
	printk("bench-table: %-44s %10lu %10llu.%02llu\n", b->desc, n, centi / 100, centi % 100);
}

// Is @b asked for by bench=@list (@all: bench=all or bench=smoke)?
static bool bench_wanted(const struct bench *b, const char *list, bool all)
{
	if (match_word(list, b->name, ','))
		return true;
	if (b->group)
		return match_word(list, b->group, ',');
	return all;
}

static struct bench *find_bench(const char *name)
{
	struct bench **p, *b;

	for (p = __start_benches; p < __stop_benches; p++)
		for (b = *p; b->name; b++)
			if (!strcmp(b->name, name) || (b->group && !strcmp(b->group, name)))
				return b;
	return NULL;
}

/*
 * bench_run - run the benchmarks named by the bench= parameter.
 * Return: 0, or -ENOENT when a name matched no benchmark (the valid names
 * are then listed, and the boot ends as a failed test run would).
 */
int bench_run(void)
{
	bool smoke = match_word(bench_list, "smoke", ',');
	bool all = !strcmp(bench_list, "smoke") || !strcmp(bench_list, "all");
	struct bench_ctx c = { NULL, 0 };
	unsigned long long overhead;
	struct bench **p, *b;
	char name[48];
	const char *l;
	int err = 0;

	overhead = centi_per_op(time_run(empty_loop, &c, 100000), 100000);
	printk("bench: loop_overhead iters=100000 ticks_per_op=%llu.%02llu\n",
	       overhead / 100, overhead % 100);
	printk("bench-table: %-44s %10s %13s\n", "operation", "iterations", "ticks/op");
	for (p = __start_benches; p < __stop_benches; p++)
		for (b = *p; b->name; b++)
			if (bench_wanted(b, bench_list, all))
				run_one(b, smoke);
	for (l = bench_list; !all && next_word(&l, ',', name, sizeof(name));) {
		if (find_bench(name) || !strcmp(name, "smoke"))
			continue;
		printk("bench: %s unknown (no such benchmark)\n", name);
		err = -ENOENT;
	}
	if (err) {
		printk("bench: valid names: all smoke");
		for (p = __start_benches; p < __stop_benches; p++)
			for (b = *p; b->name; b++)
				printk(KERN_CONT " %s", b->name);
		printk(KERN_CONT "\n");
	}
	printk("bench: done\n");
	return err;
}
