// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/rcu/tiny.c - RCU for one CPU and a kernel that is not
 * preemptible (Linux's Tiny RCU, with Tree RCU's tick rule).
 *
 * include/linux/rcupdate.h says what RCU is for.  This file decides when
 * a grace period has passed.  On one CPU, where a reader may neither sleep
 * nor be preempted, that is easy to say: a grace period has passed for
 * every callback queued before the CPU's next *quiescent state*, a moment
 * at which no read-side section can be in progress.  mm386 has three:
 *
 *   1. the timer tick, when the code it interrupted held no read lock and
 *      had preemption on: preempt_count() is exactly HARDIRQ_OFFSET inside
 *      the handler (Linux's rule for CONFIG_PREEMPT_COUNT kernels,
 *      rcu_flavor_sched_clock_irq()).  The shell waiting for a key halts
 *      in such code, so its idle loop is a quiescent state every tick;
 *   2. a caller that may sleep: synchronize_rcu() and rcu_barrier() are
 *      quiescent states themselves (a reader may not sleep, so none can
 *      be running) - why Tiny RCU's synchronize_rcu() need not wait;
 *   3. a context switch, once the scheduler calls
 *      rcu_note_context_switch() (a reader cannot be switched away from).
 *
 * The callbacks wait on one list in order, with two marks, as in Tiny RCU:
 *
 *   head ... *donetail ... *curtail (= the end)
 *   |-- done: their grace ----|-- waiting for the next --|
 *       period has passed         quiescent state
 *
 * A quiescent state moves donetail to curtail; the done part is then
 * invoked.  Linux invokes them in a softirq at the end of the interrupt;
 * mm386 has no softirqs and invokes them at the end of the tick itself
 * (interrupt context: a callback must not sleep, as in Linux), or in the
 * caller of synchronize_rcu() and rcu_barrier().
 *
 * kfree_rcu() and kvfree_rcu() queue an ordinary callback whose "function"
 * is the rcu_head's offset in the object: the invoker frees the object.
 * vfree() may sleep, so vmalloc memory that comes due in the tick waits
 * on a list for the next caller that may sleep (Linux: __vfree_deferred,
 * a workqueue).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/hardirq.h>
#include <linux/export.h>

int rcu_read_lock_nesting;
EXPORT_SYMBOL(rcu_read_lock_nesting);

static struct rcu_ctrlblk {
	struct rcu_head *rcucblist;	/* the callbacks, oldest first */
	struct rcu_head **donetail;	/* after the last one whose grace period is over */
	struct rcu_head **curtail;	/* after the last one */
	unsigned long gp_seq;		/* grace periods completed */
	unsigned long invoked;		/* callbacks run */
	unsigned long pending;		/* queued, not yet run */
	struct rcu_head *vfree_later;	/* vmalloc memory due, for a sleepable caller */
} rcu_ctrlblk = {
	.donetail = &rcu_ctrlblk.rcucblist,
	.curtail = &rcu_ctrlblk.rcucblist,
};

/* Called with interrupts off: a quiescent state.  True if callbacks are due. */
static bool rcu_qs(void)
{
	rcu_ctrlblk.gp_seq++;
	if (rcu_ctrlblk.donetail != rcu_ctrlblk.curtail)
		rcu_ctrlblk.donetail = rcu_ctrlblk.curtail;
	return rcu_ctrlblk.donetail != &rcu_ctrlblk.rcucblist;
}

/* Free vmalloc memory that came due in interrupt context.  May sleep. */
static void rcu_free_deferred(void)
{
	struct rcu_head *list, *next;
	unsigned long flags;

	local_irq_save(flags);
	list = rcu_ctrlblk.vfree_later;
	rcu_ctrlblk.vfree_later = NULL;
	local_irq_restore(flags);
	for (; list; list = next) {
		next = list->next;
		vfree((void *)list - (unsigned long)list->func);
	}
}

/* Run one due callback: a function, or kvfree() of the object around it. */
static void rcu_reclaim(struct rcu_head *head, bool may_sleep)
{
	unsigned long offset = (unsigned long)head->func;
	void *obj = (void *)head - offset;
	rcu_callback_t f;

	if (__is_kvfree_rcu_offset(offset)) {
		if (is_vmalloc_addr(obj) && !may_sleep) {
			head->next = rcu_ctrlblk.vfree_later;
			rcu_ctrlblk.vfree_later = head;
			return;
		}
		kvfree(obj);
		return;
	}
	f = head->func;
	WRITE_ONCE(head->func, (rcu_callback_t)0L);	/* a second call_rcu() is caught */
	f(head);
}

/*
 * rcu_do_batch - invoke the callbacks whose grace period has passed.  The
 * list is cut with interrupts off; the callbacks run with the state the
 * caller has (interrupts off in the tick).
 */
static void rcu_do_batch(bool may_sleep)
{
	struct rcu_head *list, *next;
	unsigned long flags;

	local_irq_save(flags);
	if (rcu_ctrlblk.donetail == &rcu_ctrlblk.rcucblist) {
		local_irq_restore(flags);
		return;
	}
	list = rcu_ctrlblk.rcucblist;
	rcu_ctrlblk.rcucblist = *rcu_ctrlblk.donetail;
	*rcu_ctrlblk.donetail = NULL;
	if (rcu_ctrlblk.curtail == rcu_ctrlblk.donetail)
		rcu_ctrlblk.curtail = &rcu_ctrlblk.rcucblist;
	rcu_ctrlblk.donetail = &rcu_ctrlblk.rcucblist;
	local_irq_restore(flags);

	for (; list; list = next) {
		next = list->next;
		rcu_reclaim(list, may_sleep);
		local_irq_save(flags);
		rcu_ctrlblk.invoked++;
		rcu_ctrlblk.pending--;
		local_irq_restore(flags);
	}
}

/**
 * rcu_sched_clock_irq - the timer tick's look at RCU (kernel/time.c)
 * @user: the tick interrupted user mode (a quiescent state too)
 *
 * The interrupted code held no read lock and could have been preempted:
 * a quiescent state, and the callbacks that were waiting for it run now.
 */
void rcu_sched_clock_irq(int user)
{
	if (user || preempt_count() == HARDIRQ_OFFSET) {
		if (rcu_qs())
			rcu_do_batch(false);
	}
}

/**
 * rcu_note_context_switch - the scheduler switches tasks: a quiescent
 * state (a task in a read-side section may not be switched away from)
 * @preempt: the switch is a preemption (never, in mm386)
 */
void rcu_note_context_switch(bool preempt)
{
	unsigned long flags;

	if (WARN_ONCE(rcu_read_lock_nesting,
		      "Voluntary context switch within RCU read-side critical section!\n"))
		return;
	local_irq_save(flags);
	rcu_qs();
	local_irq_restore(flags);
}

/**
 * call_rcu - run @func(@head) after a grace period
 * @head: an rcu_head inside the object the callback will free
 * @func: the callback; it runs in interrupt context and must not sleep
 *
 * Any context.  Readers that are inside a read-side section now (or that
 * this interrupt interrupted) finish before @func runs.
 */
void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	unsigned long flags;

	head->func = func;
	head->next = NULL;
	local_irq_save(flags);
	*rcu_ctrlblk.curtail = head;
	rcu_ctrlblk.curtail = &head->next;
	rcu_ctrlblk.pending++;
	local_irq_restore(flags);
}
EXPORT_SYMBOL(call_rcu);

/*
 * A caller that may sleep is a quiescent state: end the grace period
 * now, run what is due, and free vmalloc memory left for such a caller.
 */
static void rcu_qs_sleepable(const char *func)
{
	unsigned long flags;
	bool due;

	might_sleep();
	if (WARN(rcu_read_lock_nesting, "Illegal %s() in RCU read-side critical section\n", func))
		return;
	local_irq_save(flags);
	due = rcu_qs();
	local_irq_restore(flags);
	if (due)
		rcu_do_batch(true);
	rcu_free_deferred();
}

/**
 * synchronize_rcu - wait until every read-side section in progress is done
 *
 * May sleep, so it is not in one, and on one CPU nobody else is: the
 * grace period ends here.  Callbacks that were waiting for it run before
 * it returns.  Inside a read-side section it is a bug, reported.
 */
void synchronize_rcu(void)
{
	rcu_qs_sleepable("synchronize_rcu");
}
EXPORT_SYMBOL(synchronize_rcu);

/**
 * rcu_barrier - wait until every callback queued so far has run
 *
 * A module that used call_rcu() calls this before it goes away, so that
 * no callback runs in freed module code.  May sleep.
 */
void rcu_barrier(void)
{
	rcu_qs_sleepable("rcu_barrier");
}
EXPORT_SYMBOL(rcu_barrier);

/**
 * kvfree_call_rcu - kfree_rcu()/kvfree_rcu()'s engine
 * @head: the rcu_head inside the object, or NULL (the one-argument form)
 * @func: the rcu_head's offset in the object; with @head NULL, the object
 *
 * With a head it is call_rcu(), any context.  Without one there is
 * nowhere to queue the object: the caller must be able to sleep, and
 * waits for the grace period itself (Linux 6.1's fallback, the only path
 * of its Tiny RCU).
 */
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	if (head) {
		call_rcu(head, func);
		return;
	}
	synchronize_rcu();
	kvfree((void *)func);
}
EXPORT_SYMBOL(kvfree_call_rcu);

void rcu_read_unlock_underflow(void)
{
	WARN(1, "rcu_read_unlock: not in an RCU read-side critical section (nesting %d)\n",
	     rcu_read_lock_nesting);
}
EXPORT_SYMBOL(rcu_read_unlock_underflow);

unsigned long rcu_gp_seq(void)
{
	return READ_ONCE(rcu_ctrlblk.gp_seq);
}

unsigned long rcu_callbacks_invoked(void)
{
	return READ_ONCE(rcu_ctrlblk.invoked);
}

unsigned long rcu_callbacks_pending(void)
{
	return READ_ONCE(rcu_ctrlblk.pending);
}
