// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/stress_test.c - the ktest suite "stress": every allocator at
 * once, at random, with fault injection on or off (issue 18).
 *
 * random_mixed_workload holds up to STRESS_SLOTS blocks from kmalloc,
 * kzalloc, krealloc, three slab caches of its own (one with a constructor,
 * one in ZONE_DMA), alloc_pages (lowmem, HighMem, DMA, atomic; orders 0-3),
 * vmalloc, vzalloc and vmap, and now and then frees or allocates from the
 * timer interrupt (GFP_ATOMIC; vfree there is deferred) and makes a task.  Every block is
 * filled with a pattern of its own when it is made and checked when it
 * goes, and on krealloc; every 1000 operations the allocators' own checkers
 * run.  Any allocation may fail - with failslab= and fail_page_alloc= many
 * do - and a failure must leave nothing behind.  At the end everything is
 * freed and the machine must be as before, to the page.  The last lines
 * give the counts per kind, which tests/host/test_reliability.py reads:
 *
 *   stress: kmalloc ok 1234 failed 56 ...
 *
 * every_failure_point walks the failure points of single operations, as
 * syzkaller does with Linux's fail-nth: for n = 1, 2, ... the n-th
 * allocation inside vmalloc(), vmap(), kmem_cache_create()... fails; each
 * time the operation must fail cleanly, with nothing lost, until n passes
 * the operation's last allocation.
 *
 * Processes take part: every hundred operations a task is made (its
 * vmalloc'ed kernel stack, files, PID), fails to exec and is reaped.
 * So do the API on top of the allocators: kvmalloc (kmalloc, or vmalloc
 * when that fails), kmem_cache_alloc_bulk (all or nothing), and a mempool
 * of kmalloc blocks taken with GFP_NOWAIT, whose reserve must stand in
 * when the allocator fails and be full again at the end.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/preempt.h>
#include <linux/fault-inject.h>
#include <linux/mempool.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

#define STRESS_SLOTS	192
#define STRESS_OPS	12000
#define VMAP_MAX	4
#define BULK_MAX	8	/* objects per kmem_cache_alloc_bulk */
#define POOL_MIN	4	/* the mempool's reserve */
#define POOL_SIZE	192	/* its elements' size */

enum kind {
	K_KMALLOC, K_KZALLOC, K_KREALLOC, K_CACHE, K_PAGES, K_HIGHPAGES, K_ATOMIC,
	K_VMALLOC, K_VZALLOC, K_VMAP, K_KVMALLOC, K_BULK, K_MEMPOOL, K_IRQ, K_TASK, NR_KINDS
};

static const char *const kind_name[NR_KINDS] = {
	"kmalloc", "kzalloc", "krealloc", "cache", "pages", "highpages", "atomic",
	"vmalloc", "vzalloc", "vmap", "kvmalloc", "bulk", "mempool", "irq", "task",
};

struct slot {
	enum kind kind;
	void *ptr;			/* kmalloc, cache, vmalloc, vmap */
	struct page *page;		/* pages */
	struct page *vpages[VMAP_MAX];	/* vmap */
	void *objs[BULK_MAX];		/* bulk: ptr is objs[0] */
	struct kmem_cache *cache;
	unsigned int size, order;	/* bytes; pages: the order; bulk: how many */
	u32 seed;
};

struct stress {
	struct rnd_state rnd;
	struct slot slots[STRESS_SLOTS];
	struct kmem_cache *caches[3];
	mempool_t *pool;
	unsigned long ok[NR_KINDS], failed[NR_KINDS], bad[NR_KINDS];
	unsigned long ops, checks;
};

static struct stress st;
static struct buddy_snapshot before;

static u32 rnd(u32 ceil)
{
	return prandom_u32_below(&st.rnd, ceil);
}

/* ---------------------------------------------------------------------
 * Patterns: each block's bytes are a function of its seed and offset
 */

static inline u8 pat(u32 seed, unsigned long i)
{
	return (u8)((seed >> (i & 3) * 8) + i * 7);
}

// Bytes @base .. @base + @len of pattern @seed, at @p.
static void fill_bytes_at(void *p, unsigned long len, u32 seed, unsigned long base)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		((u8 *)p)[i] = pat(seed, base + i);
}

static bool check_bytes_at(const void *p, unsigned long len, u32 seed, unsigned long base)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		if (((const u8 *)p)[i] != pat(seed, base + i))
			return false;
	return true;
}

#define fill_bytes(p, len, seed)	fill_bytes_at(p, len, seed, 0)
#define check_bytes(p, len, seed)	check_bytes_at(p, len, seed, 0)

// Pages @pages[0..n-1] hold pattern @seed, page i at offset i * PAGE_SIZE (kmap_atomic: HighMem too).
static bool page_pattern(struct page **pages, unsigned int n, u32 seed, bool write)
{
	unsigned int i;
	bool ok = true;

	for (i = 0; i < n; i++) {
		void *p = kmap_atomic(pages[i]);

		if (write)
			fill_bytes_at(p, PAGE_SIZE, seed, i * PAGE_SIZE);
		else
			ok &= check_bytes_at(p, PAGE_SIZE, seed, i * PAGE_SIZE);
		kunmap_atomic(p);
	}
	return ok;
}

// A block of 2^order pages as a list of its pages.
static bool block_pattern(struct page *page, unsigned int order, u32 seed, bool write)
{
	struct page *pages[8];
	unsigned int i;

	for (i = 0; i < (1U << order); i++)
		pages[i] = page + i;
	return page_pattern(pages, 1U << order, seed, write);
}

// Does @s still hold what was written into it?
static bool slot_intact(struct slot *s)
{
	switch (s->kind) {
	case K_PAGES: case K_HIGHPAGES: case K_ATOMIC:
		return block_pattern(s->page, s->order, s->seed, false);
	case K_VMAP:	/* through the vmap, and through each page's own mapping */
		return check_bytes(s->ptr, s->size, s->seed) &&
		       page_pattern(s->vpages, s->size / PAGE_SIZE, s->seed, false);
	case K_BULK: {
		unsigned int i, len = kmem_cache_size(s->cache);

		for (i = 0; i < s->size; i++)
			if (!check_bytes(s->objs[i], len, s->seed + i))
				return false;
		return true;
	}
	default:
		return check_bytes(s->ptr, s->size, s->seed);
	}
}

/* ---------------------------------------------------------------------
 * Making and freeing one block of each kind
 */

static const gfp_t page_gfp[] = { GFP_KERNEL, GFP_KERNEL | GFP_DMA, GFP_HIGHUSER, GFP_ATOMIC };

static bool make_vmap(struct slot *s)
{
	unsigned int n = 1 + rnd(VMAP_MAX), i;

	for (i = 0; i < n; i++) {
		s->vpages[i] = alloc_page(GFP_HIGHUSER);
		if (!s->vpages[i])
			goto fail;
	}
	s->ptr = vmap(s->vpages, n, VM_MAP, PAGE_KERNEL);
	if (!s->ptr)
		goto fail;
	s->size = n * PAGE_SIZE;
	fill_bytes(s->ptr, s->size, s->seed);	/* written through the vmap */
	return true;
fail:
	while (i--)
		__free_page(s->vpages[i]);
	return false;
}

// 1..BULK_MAX objects of the aligned cache in one call: all or none.
static bool make_bulk(struct slot *s)
{
	unsigned int i, n = 1 + rnd(BULK_MAX);

	s->cache = st.caches[1];
	if (!s->cache || !kmem_cache_alloc_bulk(s->cache, GFP_KERNEL, n, s->objs))
		return false;
	for (i = 0; i < n; i++)
		fill_bytes(s->objs[i], kmem_cache_size(s->cache), s->seed + i);
	s->size = n;
	s->ptr = s->objs[0];
	return true;
}

// Make a block of kind @k in @s; false if the allocator said no.
static bool make(struct slot *s, enum kind k)
{
	s->kind = k;
	s->seed = prandom_u32_state(&st.rnd);
	s->ptr = NULL;
	s->page = NULL;
	switch (k) {
	case K_KMALLOC: case K_KREALLOC:
		s->size = 1 + rnd(rnd(8) ? 512 : 3 * PAGE_SIZE);
		s->ptr = kmalloc(s->size, GFP_KERNEL);
		break;
	case K_KZALLOC:
		s->size = 1 + rnd(1024);
		s->ptr = kzalloc(s->size, GFP_KERNEL);
		if (s->ptr && memchr_inv(s->ptr, 0, s->size))
			st.bad[k]++;
		break;
	case K_CACHE:
		s->cache = st.caches[rnd(ARRAY_SIZE(st.caches))];
		if (!s->cache)		/* its creation failed (fault injection) */
			return false;
		s->size = kmem_cache_size(s->cache);
		s->ptr = kmem_cache_alloc(s->cache, GFP_KERNEL);
		break;
	case K_PAGES: case K_HIGHPAGES: case K_ATOMIC:
		s->order = rnd(4);
		s->page = alloc_pages(k == K_HIGHPAGES ? GFP_HIGHUSER :
				      k == K_ATOMIC ? GFP_ATOMIC : page_gfp[rnd(2)], s->order);
		if (s->page)
			block_pattern(s->page, s->order, s->seed, true);
		return s->page != NULL;
	case K_VMALLOC: case K_VZALLOC:
		s->size = 1 + rnd(16 * PAGE_SIZE);
		s->ptr = k == K_VZALLOC ? vzalloc(s->size) : vmalloc(s->size);
		if (s->ptr && k == K_VZALLOC && memchr_inv(s->ptr, 0, s->size))
			st.bad[k]++;
		break;
	case K_VMAP:
		return make_vmap(s);
	case K_KVMALLOC:
		s->size = 1 + rnd(rnd(2) ? PAGE_SIZE : 64 * 1024);
		s->ptr = kvmalloc(s->size, GFP_KERNEL);
		break;
	case K_BULK:
		return make_bulk(s);
	case K_MEMPOOL:
		if (!st.pool)		/* its creation failed (fault injection) */
			return false;
		s->size = POOL_SIZE;
		s->ptr = mempool_alloc(st.pool, GFP_NOWAIT);	/* the reserve, if need be */
		break;
	default:
		return false;
	}
	if (s->ptr)
		fill_bytes(s->ptr, s->size, s->seed);
	return s->ptr != NULL;
}

static void unmake(struct slot *s)
{
	unsigned int i;

	if (!slot_intact(s))
		st.bad[s->kind]++;
	st.checks++;
	switch (s->kind) {
	case K_CACHE:
		kmem_cache_free(s->cache, s->ptr);
		break;
	case K_PAGES: case K_HIGHPAGES: case K_ATOMIC:
		__free_pages(s->page, s->order);
		break;
	case K_VMALLOC: case K_VZALLOC:
		vfree(s->ptr);
		break;
	case K_VMAP:
		vunmap(s->ptr);
		for (i = 0; i < s->size / PAGE_SIZE; i++)
			__free_page(s->vpages[i]);
		break;
	case K_KVMALLOC:
		kvfree(s->ptr);
		break;
	case K_BULK:
		kmem_cache_free_bulk(s->cache, s->size, s->objs);
		break;
	case K_MEMPOOL:
		mempool_free(s->ptr, st.pool);	/* the reserve first */
		break;
	default:
		kfree(s->ptr);
	}
	s->ptr = NULL;
	s->page = NULL;
	s->size = 0;
}

static bool slot_used(const struct slot *s)
{
	return s->ptr || s->page;
}

// krealloc a kmalloc block: the old bytes must survive, at the new size too.
static void reallocate(struct slot *s)
{
	unsigned int size = 1 + rnd(rnd(4) ? 600 : 2 * PAGE_SIZE);
	void *n = krealloc(s->ptr, size, GFP_KERNEL);

	if (!n) {			/* failed: the old block is untouched */
		st.failed[K_KREALLOC]++;
		return;
	}
	st.ok[K_KREALLOC]++;
	if (!check_bytes(n, min(size, s->size), s->seed))
		st.bad[K_KREALLOC]++;
	s->ptr = n;
	s->size = size;
	fill_bytes(n, size, s->seed);
}

/* ---------------------------------------------------------------------
 * The interrupt's share: GFP_ATOMIC, and a vfree that must be deferred
 */

struct irq_work_item {
	struct slot *victim;		/* a vmalloc slot to vfree, or NULL */
	unsigned long ok, failed, bad;
};

static void stress_in_irq(void *arg)
{
	struct irq_work_item *w = arg;
	unsigned int i;

	for (i = 0; i < 8; i++) {
		unsigned int size = 8 << (i % 8);
		u8 *p = kmalloc(size, GFP_ATOMIC);
		struct page *pg = alloc_page(GFP_ATOMIC);

		if (p) {
			fill_bytes(p, size, i);
			w->bad += !check_bytes(p, size, i);
			kfree(p);
		}
		if (pg)
			__free_page(pg);
		w->ok += !!p + !!pg;
		w->failed += !p + !pg;
	}
	if (w->victim)
		vfree(w->victim->ptr);
}

static void irq_round(void)
{
	struct irq_work_item w = { NULL };
	unsigned int i, start = rnd(STRESS_SLOTS);

	for (i = 0; i < STRESS_SLOTS && !w.victim; i++) {
		struct slot *s = &st.slots[(start + i) % STRESS_SLOTS];

		if (slot_used(s) && (s->kind == K_VMALLOC || s->kind == K_VZALLOC))
			w.victim = s;
	}
	if (w.victim && !slot_intact(w.victim))
		st.bad[w.victim->kind]++;
	run_in_hardirq(stress_in_irq, &w);
	if (w.victim) {
		w.victim->ptr = NULL;
		w.victim->size = 0;
	}
	st.ok[K_IRQ] += w.ok;
	st.failed[K_IRQ] += w.failed;
	st.bad[K_IRQ] += w.bad;
}

/*
 * A process: a task with its vmalloc'ed kernel stack, files and PID,
 * which tries to exec a program that is not there and exits 127; its
 * parent (task 0) reaps it.  Any allocation on the way may fail.
 */
static void task_round(void)
{
	static const char *const argv[] = { "stress_no_such_program", NULL };
	int status = 0;
	pid_t pid = kernel_run_program("stress_no_such_program", argv);

	if (pid < 0) {
		st.failed[K_TASK]++;
		return;
	}
	if (kernel_wait4(pid, &status, 0, false, NULL) != pid || status != 127 << 8)
		st.bad[K_TASK]++;
	else
		st.ok[K_TASK]++;
}

/* ---------------------------------------------------------------------
 * The workload
 */

/*
 * Every page table of the vmalloc area, made before the baseline: they are
 * kept for good once made.  Injected failures may refuse some; try again.
 */
static void populate_page_tables(struct ktest *t)
{
	int err = -ENOMEM, tries;

	for (tries = 0; tries < 100 && err < 0; tries++)
		err = vmalloc_populate_page_tables();
	KT_ASSERT_TRUE(t, err >= 0);
}

static void cache_ctor(void *obj)
{
	memset(obj, 0xc7, 40);
}

// The workload's own caches; fault injection may refuse any of them.
static void make_caches(void)
{
	st.caches[0] = kmem_cache_create("stress_ctor", 40, 0, 0, cache_ctor);
	st.caches[1] = kmem_cache_create("stress_aligned", 200, 0, SLAB_HWCACHE_ALIGN, NULL);
	st.caches[2] = kmem_cache_create("stress_dma", 72, 0, SLAB_CACHE_DMA, NULL);
}

static void checkpoint(struct ktest *t)
{
	unsigned int i;

	KT_EXPECT_BUDDY_CONSISTENT(t);
	KT_EXPECT_EQ(t, check_slab_caches(), 0);
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	for (i = 0; i < STRESS_SLOTS; i++)
		if (slot_used(&st.slots[i]) && !slot_intact(&st.slots[i]))
			st.bad[st.slots[i].kind]++;
}

static void random_mixed_workload(struct ktest *t)
{
	struct vmalloc_info vmi, vmi_before;
	unsigned long op, total_failed = 0;
	unsigned int i;

	memset(&st, 0, sizeof(st));
	prandom_seed_state(&st.rnd, 0x57e55);
	populate_page_tables(t);
	vfree_deferred_drain();
	slab_baseline(&before);
	get_vmalloc_info(&vmi_before);
	make_caches();
	/* Its creation may fail too (nine allocations), leaving nothing: try again. */
	for (i = 0; i < 100 && !st.pool; i++)
		st.pool = mempool_create_kmalloc_pool(POOL_MIN, POOL_SIZE);
	for (op = 0; op < STRESS_OPS; op++) {
		struct slot *s = &st.slots[rnd(STRESS_SLOTS)];

		if (!slot_used(s)) {
			enum kind k = rnd(K_IRQ);

			if (make(s, k))
				st.ok[k]++;
			else
				st.failed[k]++;
		} else if ((s->kind == K_KMALLOC || s->kind == K_KREALLOC) && rnd(3) == 0) {
			reallocate(s);
		} else {
			unmake(s);
		}
		if (op % 400 == 399)
			irq_round();
		if (op % 100 == 77)
			task_round();
		if (op % 1000 == 999)
			checkpoint(t);
	}
	checkpoint(t);
	for (i = 0; i < STRESS_SLOTS; i++)
		if (slot_used(&st.slots[i]))
			unmake(&st.slots[i]);
	vfree_deferred_drain();
	if (st.pool) {		/* every element back: the reserve is full again */
		pr_info("stress: mempool reserve handed out %lu elements; %d of %d back at the end\n",
			st.pool->nr_reserve_used, st.pool->curr_nr, st.pool->min_nr);
		KT_EXPECT_EQ(t, st.pool->curr_nr, POOL_MIN);
		mempool_destroy(st.pool);
	}
	for (i = 0; i < ARRAY_SIZE(st.caches); i++)
		kmem_cache_destroy(st.caches[i]);	/* NULL is ignored */
	for (i = 0; i < NR_KINDS; i++) {
		pr_info("stress: %s ok %lu failed %lu corrupted %lu\n", kind_name[i], st.ok[i],
			st.failed[i], st.bad[i]);
		KT_EXPECT_EQ(t, st.bad[i], 0);
		total_failed += st.failed[i];
	}
	pr_info("stress: %lu operations, %lu blocks checked, %lu allocations failed; failslab forced %lu, fail_page_alloc %lu\n",
		op, st.checks, total_failed, failslab_facility.attr->failures,
		fail_page_alloc_facility.attr->failures);
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vmi_before.nr_areas);
	KT_EXPECT_EQ(t, vmi.nr_pages, vmi_before.nr_pages);
	KT_EXPECT_EQ(t, vmalloc_check(), 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
	KT_EXPECT_REPORTS(t, 0);
}

/* ---------------------------------------------------------------------
 * Every failure point of one operation (fail-nth)
 */

struct nth_op {
	const char *name;
	void *(*run)(void);		/* NULL: the operation failed */
	void (*undo)(const void *);
	unsigned int walk;		/* 0: every point; else the first and last @walk */
};

static struct page *nth_pages[3];

static void *op_kmalloc(void) { return kmalloc(100, GFP_KERNEL); }
static void *op_kmalloc_large(void) { return kmalloc(20000, GFP_KERNEL); }
static void *op_pages(void) { return alloc_pages(GFP_KERNEL, 2); }
static void *op_vmalloc(void) { return vmalloc(5 * PAGE_SIZE); }
static void *op_vzalloc_big(void) { return vzalloc(1030 * PAGE_SIZE); }
static void *op_vmap(void) { return vmap(nth_pages, 3, VM_MAP, PAGE_KERNEL); }
static void *op_kstrdup(void) { return kstrdup("fail-nth", GFP_KERNEL); }
/* Not in .rodata, so that the cache copies it (kstrdup_const): a failure point. */
static char nth_cache_name[] = "stress_nth";
/* Only the name can fail: failslab spares the cache of caches, as in Linux. */
static void *op_cache(void) { return kmem_cache_create(nth_cache_name, 48, 0, 0, NULL); }

static void *op_krealloc(void)
{
	char *p = kmalloc(100, GFP_KERNEL), *n;

	if (!p)
		return NULL;
	strcpy(p, "krealloc");
	n = krealloc(p, 5000, GFP_KERNEL);
	if (!n || strcmp(n, "krealloc"))
		kfree(p);		/* failed: p is still the caller's */
	return n;
}

/* kmalloc's order-5 block; when that fails, vmalloc: the operation succeeds. */
static void *op_kvmalloc(void) { return kvmalloc(100000, GFP_KERNEL); }

static struct kmem_cache *nth_bulk_cache;
static void *nth_objs[16];

/* Sixteen objects, in new slabs (the cache is shrunk before each run): all or none. */
static void *op_bulk(void)
{
	return kmem_cache_alloc_bulk(nth_bulk_cache, GFP_KERNEL, ARRAY_SIZE(nth_objs), nth_objs) ?
	       nth_objs : NULL;
}

static void *op_mempool(void) { return mempool_create_kmalloc_pool(4, 300); }

static void undo_pages(const void *p) { __free_pages((struct page *)p, 2); }
static void undo_cache(const void *p) { kmem_cache_destroy((struct kmem_cache *)p); }
static void undo_bulk(const void *p) { kmem_cache_free_bulk(nth_bulk_cache, ARRAY_SIZE(nth_objs), nth_objs); }
static void undo_mempool(const void *p) { mempool_destroy((mempool_t *)p); }

static const struct nth_op nth_ops[] = {
	{ "kmalloc(100)", op_kmalloc, kfree },
	{ "kmalloc(20000)", op_kmalloc_large, kfree },
	{ "krealloc(100 -> 5000)", op_krealloc, kfree },
	{ "kstrdup", op_kstrdup, kfree },
	{ "kmem_cache_create", op_cache, undo_cache },
	{ "alloc_pages(order 2)", op_pages, undo_pages },
	{ "vmalloc(5 pages)", op_vmalloc, vfree },
	{ "vzalloc(1030 pages)", op_vzalloc_big, vfree, 12 },
	{ "vmap(3 pages)", op_vmap, vunmap },
	{ "kvmalloc(100000)", op_kvmalloc, kvfree },
	{ "kmem_cache_alloc_bulk(16)", op_bulk, undo_bulk },
	{ "mempool_create(4 x 300 bytes)", op_mempool, undo_mempool },
};

/*
 * Run @op with its @n-th allocation failing: it must fail, or (if that
 * allocation's failure is absorbed) succeed; either way, once undone,
 * nothing is lost.  Returns true if it failed.
 */
static bool run_failing_nth(struct ktest *t, const struct nth_op *op, unsigned long n)
{
	void *p;

	slab_baseline(&before);
	set_fail_nth(current, n);
	p = op->run();
	set_fail_nth(current, 0);
	if (p)
		op->undo(p);
	kmem_cache_shrink_all();
	if (!slab_equal(&before) || vmalloc_check())
		KT_FAIL(t, "%s with allocation %lu failing: something was lost", op->name, n);
	return !p;
}

static void walk_op(struct ktest *t, const struct nth_op *op)
{
	unsigned long points, n, failed = 0, tried = 0;
	void *p;

	/*
	 * How many allocations does it make?  Count them with a far-off nth,
	 * from shrunk caches as every run below starts (a slab that must grow
	 * is one more allocation).
	 */
	kmem_cache_shrink_all();
	set_fail_nth(current, 1U << 30);
	p = op->run();
	points = (1U << 30) - current->fail_nth;
	set_fail_nth(current, 0);
	KT_ASSERT_NOT_NULL(t, p);
	op->undo(p);
	KT_EXPECT_GT(t, points, 0);
	for (n = 1; n <= points; n++) {
		if (op->walk && n > op->walk && n <= points - op->walk)
			continue;
		failed += run_failing_nth(t, op, n);
		tried++;
	}
	/* One past the last point: it succeeds. */
	KT_EXPECT_FALSE(t, run_failing_nth(t, op, points + 1));
	pr_info("stress: %s: %lu allocation points, %lu tried, %lu failed the operation, every time with nothing lost\n",
		op->name, points, tried, failed);
}

static void every_failure_point(struct ktest *t)
{
	u32 saved[16];
	unsigned int i;

	populate_page_tables(t);
	kt_need_pages(t, 1030, true);		/* vzalloc(1030 pages) */
	vfree_deferred_drain();
	fault_knobs_arm(true, saved);	/* also stops the random failures: fail-nth only */
	for (i = 0; i < ARRAY_SIZE(nth_pages); i++) {
		nth_pages[i] = alloc_page(GFP_HIGHUSER);
		KT_ASSERT_NOT_NULL(t, nth_pages[i]);
	}
	nth_bulk_cache = kmem_cache_create("stress_bulk", 120, 0, 0, NULL);
	KT_ASSERT_NOT_NULL(t, nth_bulk_cache);
	for (i = 0; i < ARRAY_SIZE(nth_ops); i++)
		walk_op(t, &nth_ops[i]);
	kmem_cache_destroy(nth_bulk_cache);
	for (i = 0; i < ARRAY_SIZE(nth_pages); i++)
		__free_page(nth_pages[i]);
	fault_knobs_arm(false, saved);
	fault_inject_update();
	KT_EXPECT_REPORTS(t, 0);
}

static struct ktest_case stress_cases[] = {
	KTEST_CASE(random_mixed_workload),
	KTEST_CASE(every_failure_point),
	{}
};

static struct ktest_suite stress_suite = { .name = "stress", .cases = stress_cases };
ktest_register(stress_suite);
