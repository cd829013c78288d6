// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/rcu_test.c - ktest suite "rcu": grace periods that wait for
 * readers (kernel/rcu/tiny.c), kfree_rcu/kvfree_rcu, and
 * SLAB_TYPESAFE_BY_RCU caches.
 *
 * The reader runs in process context with interrupts on; the updater runs
 * in the timer interrupt (run_in_hardirq), the only other context mm386
 * has: it unlinks the object the reader holds and queues its free.  Ticks
 * go by while the reader is still inside rcu_read_lock(): the object must
 * stay as it was (not freed, not reused).  Once the reader leaves, the
 * next tick is a quiescent state and the free happens.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/rcupdate.h>
#include <linux/rculist.h>
#include <linux/jiffies.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <mm386/ktest.h>
#include "../../mm/slab.h"
#include "mm_helpers.h"

static struct buddy_snapshot before;

struct rcu_obj {
	unsigned long magic;
	struct list_head node;
	struct rcu_head rcu;
	char payload[88];
};

#define LIVE	0x11fe11feUL

static struct rcu_obj *__rcu global_ptr;
static unsigned long callbacks_run;

static void count_callback(struct rcu_head *head)
{
	struct rcu_obj *o = container_of(head, struct rcu_obj, rcu);

	callbacks_run++;
	kfree(o);
}

// The updater, in the timer interrupt: unlink and free after a grace period.
static void unlink_and_kfree_rcu(void *arg)
{
	struct rcu_obj *o = rcu_dereference_protected(global_ptr, 1);

	RCU_INIT_POINTER(global_ptr, NULL);
	kfree_rcu(o, rcu);
}

static void unlink_and_call_rcu(void *arg)
{
	struct rcu_obj *o = rcu_dereference_protected(global_ptr, 1);

	RCU_INIT_POINTER(global_ptr, NULL);
	call_rcu(&o->rcu, count_callback);
}

/* Ticks pass inside a read-side section: the object is neither freed nor reused. */
static void reader_holds_off_the_free(struct ktest *t)
{
	unsigned long invoked, gp;
	struct rcu_obj *o, *p, *again;

	slab_baseline(&before);
	rcu_barrier();
	o = kmalloc(sizeof(*o), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, o);
	o->magic = LIVE;
	memset(o->payload, 'r', sizeof(o->payload));
	rcu_assign_pointer(global_ptr, o);

	rcu_read_lock();
	p = rcu_dereference(global_ptr);
	invoked = rcu_callbacks_invoked();
	gp = rcu_gp_seq();
	run_in_hardirq(unlink_and_kfree_rcu, NULL);
	KT_EXPECT_NULL(t, rcu_access_pointer(global_ptr));
	KT_EXPECT_EQ(t, rcu_callbacks_pending(), 1);
	wait_ticks(5);			/* five timer interrupts, none a quiescent state */
	KT_EXPECT_EQ(t, rcu_gp_seq(), gp);
	KT_EXPECT_EQ(t, rcu_callbacks_invoked(), invoked);
	KT_EXPECT_EQ(t, p->magic, LIVE);	/* not freed: the free marker would be here */
	KT_EXPECT_NULL(t, memchr_inv(p->payload, 'r', sizeof(p->payload)));
	again = kmalloc(sizeof(*o), GFP_ATOMIC);	/* its cache may not hand it out */
	KT_EXPECT_NE(t, (unsigned long)again, (unsigned long)p);
	kfree(again);
	rcu_read_unlock();

	wait_ticks(2);			/* the next tick is a quiescent state */
	KT_EXPECT_GT(t, rcu_gp_seq(), gp);
	KT_EXPECT_EQ(t, rcu_callbacks_invoked(), invoked + 1);
	KT_EXPECT_EQ(t, rcu_callbacks_pending(), 0);
	KT_EXPECT_TRUE(t, on_freelist(virt_to_head_page(p)->slab_cache, virt_to_head_page(p), p));
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* call_rcu with a callback of one's own; nested read-side sections count. */
static void call_rcu_waits_for_nested_readers(struct ktest *t)
{
	struct rcu_obj *o;

	slab_baseline(&before);
	rcu_barrier();
	callbacks_run = 0;
	o = kzalloc(sizeof(*o), GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, o);
	rcu_assign_pointer(global_ptr, o);
	rcu_read_lock();
	rcu_read_lock();
	KT_EXPECT_EQ(t, rcu_read_lock_nesting, 2);
	KT_EXPECT_TRUE(t, rcu_read_lock_held());
	run_in_hardirq(unlink_and_call_rcu, NULL);
	rcu_read_unlock();		/* still inside the outer section */
	wait_ticks(3);
	KT_EXPECT_EQ(t, callbacks_run, 0);
	rcu_read_unlock();
	KT_EXPECT_EQ(t, rcu_read_lock_nesting, 0);
	wait_ticks(2);
	KT_EXPECT_EQ(t, callbacks_run, 1);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* synchronize_rcu: the caller may sleep, so it ends the grace period itself. */
static void synchronize_rcu_runs_what_is_due(struct ktest *t)
{
	struct rcu_obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	unsigned long gp = rcu_gp_seq();

	KT_ASSERT_NOT_NULL(t, o);
	callbacks_run = 0;
	call_rcu(&o->rcu, count_callback);
	synchronize_rcu();
	KT_EXPECT_GT(t, rcu_gp_seq(), gp);
	KT_EXPECT_EQ(t, callbacks_run, 1);
	KT_EXPECT_EQ(t, rcu_callbacks_pending(), 0);
	KT_EXPECT_REPORTS(t, 0);
}

struct big_rcu {
	struct rcu_head rcu;
	char data[3 * PAGE_SIZE];
};

/*
 * kvfree_rcu of vmalloc memory: it comes due in a tick, where vfree()
 * may not run, so it waits for the next caller that may sleep.
 */
static void kvfree_rcu_vmalloc_and_headless(struct ktest *t)
{
	struct big_rcu *v;
	struct vmalloc_info vmi0, vmi;
	void *headless;

	vmalloc_populate_page_tables();	/* page tables are never freed */
	slab_baseline(&before);
	rcu_barrier();
	get_vmalloc_info(&vmi0);
	v = vmalloc(sizeof(*v));
	KT_ASSERT_NOT_NULL(t, v);
	kvfree_rcu(v, rcu);
	wait_ticks(2);			/* due; vfree waits for process context */
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vmi0.nr_areas + 1);
	rcu_barrier();
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vmi0.nr_areas);

	headless = kvmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, headless);
	kvfree_rcu(headless);		/* one argument: waits itself, may sleep */
	headless = vmalloc(PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, headless);
	kvfree_rcu_mightsleep(headless);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/* Misuse: waiting for a grace period inside a read-side section; unbalanced unlock. */
static void misuse_is_reported(struct ktest *t)
{
	rcu_read_lock();
	synchronize_rcu();		/* might_sleep's BUG, then RCU's own WARNING */
	rcu_read_unlock();
	KT_EXPECT_REPORTS(t, 2);
	rcu_read_unlock();		/* not in a section */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, rcu_read_lock_nesting, 0);
	KT_EXPECT_EQ(t, preempt_count(), 0);
}

/* A list that readers walk while an interrupt removes entries. */
static LIST_HEAD(rcu_list);

static void remove_first(void *arg)
{
	struct rcu_obj *o = list_first_entry(&rcu_list, struct rcu_obj, node);

	list_del_rcu(&o->node);
	kfree_rcu(o, rcu);
}

static void rculist_walk_survives_removal(struct ktest *t)
{
	struct rcu_obj *o, *cur;
	unsigned long sum = 0;
	int i;

	slab_baseline(&before);
	rcu_barrier();
	for (i = 0; i < 4; i++) {
		o = kzalloc(sizeof(*o), GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, o);
		o->magic = i + 1;
		list_add_tail_rcu(&o->node, &rcu_list);
	}
	rcu_read_lock();
	cur = list_first_entry(&rcu_list, struct rcu_obj, node);	/* standing on entry 1 */
	run_in_hardirq(remove_first, NULL);	/* entry 1 leaves the list */
	wait_ticks(2);
	for (; &cur->node != &rcu_list; cur = list_entry_rcu(cur->node.next, struct rcu_obj, node))
		sum += cur->magic;		/* steps off the removed entry onto 2, 3, 4 */
	rcu_read_unlock();
	KT_EXPECT_EQ(t, sum, 1 + 2 + 3 + 4);
	sum = 0;
	rcu_read_lock();
	list_for_each_entry_rcu(cur, &rcu_list, node)
		sum += cur->magic;
	rcu_read_unlock();
	KT_EXPECT_EQ(t, sum, 2 + 3 + 4);
	while (!list_empty(&rcu_list))
		remove_first(NULL);
	rcu_barrier();
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

/*
 * SLAB_TYPESAFE_BY_RCU: an object may be reused at once, but its slab's
 * pages stay this cache's until a grace period has passed.
 */
struct typesafe {
	unsigned long key;
	char pad[1000];
};

static struct kmem_cache *ts_cache;
static struct typesafe *ts_obj;

static void free_typesafe_and_shrink(void *arg)
{
	kmem_cache_free(ts_cache, ts_obj);
	kmem_cache_shrink(ts_cache);	/* the slab is empty: it leaves the cache */
}

static void typesafe_by_rcu_keeps_the_page(struct ktest *t)
{
	struct typesafe *p, *q;
	struct page *page;
	unsigned long slab_pages;

	slab_baseline(&before);
	rcu_barrier();
	ts_cache = kmem_cache_create("test_typesafe", sizeof(struct typesafe), 0,
				     SLAB_TYPESAFE_BY_RCU, NULL);
	KT_ASSERT_NOT_NULL(t, ts_cache);
	KT_EXPECT_FALSE(t, ts_cache->flags & (__SLAB_INIT_ON_ALLOC | __SLAB_INIT_ON_FREE));
	ts_obj = kmem_cache_alloc(ts_cache, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, ts_obj);
	ts_obj->key = 42;
	page = virt_to_head_page(ts_obj);
	slab_pages = global_vm_stat(NR_SLAB_UNRECLAIMABLE);

	rcu_read_lock();
	p = ts_obj;
	run_in_hardirq(free_typesafe_and_shrink, NULL);
	wait_ticks(3);
	KT_EXPECT_TRUE(t, PageSlab(page));	/* still a slab of this cache */
	KT_EXPECT_PTR_EQ(t, page->slab_cache, ts_cache);
	KT_EXPECT_EQ(t, global_vm_stat(NR_SLAB_UNRECLAIMABLE), slab_pages);
	KT_EXPECT_EQ(t, p->pad[500], p->pad[500]);	/* reading it is safe */
	rcu_read_unlock();
	wait_ticks(2);
	KT_EXPECT_FALSE(t, PageSlab(page));	/* the grace period is over */
	KT_EXPECT_EQ(t, global_vm_stat(NR_SLAB_UNRECLAIMABLE), slab_pages - (1L << ts_cache->order));

	/* Reuse is immediate: a reader must recheck the key after it looked. */
	p = kmem_cache_alloc(ts_cache, GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, p);
	p->key = 7;
	kmem_cache_free(ts_cache, p);
	q = kmem_cache_alloc(ts_cache, GFP_KERNEL);
	KT_EXPECT_PTR_EQ(t, q, p);
	kmem_cache_free(ts_cache, q);
	kmem_cache_destroy(ts_cache);	/* waits for its slabs' grace period */
	KT_EXPECT_NULL(t, kmem_cache_find("test_typesafe"));
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static struct ktest_case rcu_cases[] = {
	KTEST_CASE(reader_holds_off_the_free),
	KTEST_CASE(call_rcu_waits_for_nested_readers),
	KTEST_CASE(synchronize_rcu_runs_what_is_due),
	KTEST_CASE(kvfree_rcu_vmalloc_and_headless),
	KTEST_CASE(misuse_is_reported),
	KTEST_CASE(rculist_walk_survives_removal),
	KTEST_CASE(typesafe_by_rcu_keeps_the_page),
	{}
};

static struct ktest_suite rcu_suite = { .name = "rcu", .cases = rcu_cases };
ktest_register(rcu_suite);
