// SPDX-License-Identifier: GPL-2.0
/*
 * rcu_module.c - RCU from a module: readers with no lock, updates that
 * free the old version only after a grace period, and a cache whose
 * objects stay objects of their type (SLAB_TYPESAFE_BY_RCU), filled with
 * one bulk allocation.
 *
 * A "routing table" is published through one pointer.  Readers look it
 * up under rcu_read_lock() - here from the timer interrupt, a reader that
 * can interrupt the updater at any moment.  The updater builds a new
 * table, publishes it with rcu_assign_pointer(), and hands the old one to
 * call_rcu(): it is freed once no reader can still hold it.  The
 * entries come from a SLAB_TYPESAFE_BY_RCU cache, in bulk.
 *
 *	make run M=examples/rcu_module [MODARGS="updates=10"]
 *
 * The exit function waits for the last grace period (rcu_barrier())
 * before the cache and the module's code go away: a callback must never
 * run in freed module memory.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("An RCU-published table, call_rcu, a SLAB_TYPESAFE_BY_RCU cache");

static int updates = 3;
module_param(updates, int, 0444);
MODULE_PARM_DESC(updates, "how many times to replace the table (default 3)");

#define NR_ROUTES	16

struct route {
	unsigned int dest;
	unsigned int gateway;
};

struct table {
	unsigned int version;
	struct route *routes[NR_ROUTES];
	struct rcu_head rcu;
};

static struct kmem_cache *route_cache;
static struct table __rcu *current_table;
static unsigned int lookups, last_version_seen;

// A reader in the timer interrupt: no lock, only a read-side section.
static void lookup_in_irq(struct irq_work *work)
{
	struct table *t;

	rcu_read_lock();
	t = rcu_dereference(current_table);
	if (t) {
		last_version_seen = t->version;
		lookups += t->routes[3]->dest == 3;
	}
	rcu_read_unlock();
}

static struct irq_work lookup_work = IRQ_WORK_INIT(lookup_in_irq);

static struct table *new_table(unsigned int version)
{
	struct table *t = kzalloc(sizeof(*t), GFP_KERNEL);
	unsigned int i;

	if (!t)
		return NULL;
	t->version = version;
	if (kmem_cache_alloc_bulk(route_cache, GFP_KERNEL, NR_ROUTES, (void **)t->routes) !=
	    NR_ROUTES) {
		kfree(t);
		return NULL;
	}
	for (i = 0; i < NR_ROUTES; i++) {
		t->routes[i]->dest = i;
		t->routes[i]->gateway = version;
	}
	return t;
}

// The table's grace period is over: its routes go back, then the table.
static void free_table_rcu(struct rcu_head *head)
{
	struct table *t = container_of(head, struct table, rcu);

	kmem_cache_free_bulk(route_cache, NR_ROUTES, (void **)t->routes);
	kfree(t);
}

static int __init rcu_module_init(void)
{
	struct table *t, *old;
	int i;

	route_cache = kmem_cache_create("rcu_module_route", sizeof(struct route), 0,
					SLAB_TYPESAFE_BY_RCU, NULL);
	if (!route_cache)
		return -ENOMEM;
	for (i = 1; i <= updates; i++) {
		t = new_table(i);
		if (!t)
			break;
		old = rcu_dereference_protected(current_table, 1);
		rcu_assign_pointer(current_table, t);
		if (old)
			call_rcu(&old->rcu, free_table_rcu);	/* after the readers */
		irq_work_queue(&lookup_work);
		irq_work_sync(&lookup_work);
		pr_info("rcu_module: table version %u published at 0x%08lx; a reader in the timer interrupt saw version %u\n",
			t->version, (unsigned long)t, last_version_seen);
	}
	pr_info("rcu_module: %u lookups found route 3; the old tables wait for their grace period\n",
		lookups);
	return 0;
}

static void __exit rcu_module_exit(void)
{
	struct table *t = rcu_dereference_protected(current_table, 1);

	RCU_INIT_POINTER(current_table, NULL);
	if (t)
		call_rcu(&t->rcu, free_table_rcu);
	rcu_barrier();		/* no callback may run after the module is gone */
	kmem_cache_destroy(route_cache);
	pr_info("rcu_module: every table freed after its grace period; cache destroyed\n");
}

module_init(rcu_module_init);
module_exit(rcu_module_exit);
