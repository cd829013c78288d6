/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rcupdate.h - read-copy update, for one CPU (kernel/rcu/tiny.c).
 *
 * RCU lets readers walk a structure with no lock at all while an updater
 * changes it: the updater publishes a new version (rcu_assign_pointer),
 * unlinks the old one, and frees it only after a *grace period*, once
 * every reader that might still hold a pointer to it is done.  Readers
 * mark where they hold such pointers:
 *
 *	rcu_read_lock();
 *	p = rcu_dereference(gp);	may be unlinked meanwhile...
 *	use(p);				...but is not freed before:
 *	rcu_read_unlock();
 *
 * and the updater either waits (synchronize_rcu(); kfree(old)) or asks
 * for the free to happen later (kfree_rcu(old, rcu), call_rcu(&old->rcu,
 * fn)).  A slab cache made with SLAB_TYPESAFE_BY_RCU goes one step
 * further: its objects may be reused at once, but their memory stays an
 * object of that cache until a grace period has passed.
 *
 * mm386's kernel is not preemptible, as Linux's with CONFIG_PREEMPT_NONE:
 * a reader runs with preemption off (rcu_read_lock() is preempt_disable()
 * plus a nesting count), so it may not sleep, and a grace period ends at
 * the first *quiescent state* - a moment when no reader can be running on
 * the CPU.  kernel/rcu/tiny.c lists them.
 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/preempt.h>

/* Linux's struct callback_head: where a deferred call waits (2 words). */
struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};
#define callback_head rcu_head

typedef void (*rcu_callback_t)(struct rcu_head *head);

/* How deep the CPU is in read-side sections (the only CPU). */
extern int rcu_read_lock_nesting;

/* rcu_read_lock - a read-side section begins; it may nest, and not sleep. */
static inline void rcu_read_lock(void)
{
	preempt_disable();
	rcu_read_lock_nesting++;
	barrier();
}

void rcu_read_unlock_underflow(void);

/* rcu_read_unlock - the section ends. */
static inline void rcu_read_unlock(void)
{
	barrier();
	if (unlikely(rcu_read_lock_nesting <= 0)) {
		rcu_read_unlock_underflow();
		return;
	}
	rcu_read_lock_nesting--;
	preempt_enable();
}

/* rcu_read_lock_held - in a read-side section (or preemption off: the
 * same thing on a kernel that is not preemptible). */
static inline int rcu_read_lock_held(void)
{
	return rcu_read_lock_nesting > 0 || preempt_count() != 0;
}

#define rcu_read_lock_bh()	rcu_read_lock()
#define rcu_read_unlock_bh()	rcu_read_unlock()
#define rcu_read_lock_sched()	rcu_read_lock()
#define rcu_read_unlock_sched()	rcu_read_unlock()

/*
 * Publishing and reading pointers.  On x86 stores are not reordered with
 * stores, nor loads with loads, so these are compiler barriers; they keep
 * Linux's names so that the code says what it means.
 */
#define __rcu
#define rcu_dereference(p)		READ_ONCE(p)
#define rcu_dereference_check(p, c)	READ_ONCE(p)
#define rcu_dereference_protected(p, c)	(p)
#define rcu_dereference_raw(p)		READ_ONCE(p)
#define rcu_access_pointer(p)		READ_ONCE(p)
#define rcu_assign_pointer(p, v)	do { barrier(); WRITE_ONCE(p, v); } while (0)
#define RCU_INIT_POINTER(p, v)		WRITE_ONCE(p, v)

void call_rcu(struct rcu_head *head, rcu_callback_t func);
void synchronize_rcu(void);
void rcu_barrier(void);
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func);

/* Quiescent states (kernel/rcu/tiny.c): the timer tick, a context switch. */
void rcu_sched_clock_irq(int user);
void rcu_note_context_switch(bool preempt);

/* mm386: grace periods completed, and callbacks invoked, since boot. */
unsigned long rcu_gp_seq(void);
unsigned long rcu_callbacks_invoked(void);
/* mm386: callbacks queued and not yet invoked. */
unsigned long rcu_callbacks_pending(void);

/*
 * kfree_rcu(ptr, field) and kvfree_rcu(ptr, field): free @ptr (kmalloc or
 * vmalloc memory) after a grace period, using the struct rcu_head @field
 * inside it, so nothing is allocated and any context may call it.
 * kvfree_rcu(ptr) without a field may sleep: it waits for the grace
 * period itself (Linux's "headless" form, for callers that may sleep).
 * As in Linux, the rcu_head's offset (below 4096) is passed where a
 * callback would go, and tells the invoker to kvfree().
 */
#define __is_kvfree_rcu_offset(offset)	((offset) < 4096)

#define kvfree_rcu_arg_2(ptr, rhf)					\
do {									\
	__typeof__(ptr) ___p = (ptr);					\
									\
	if (___p) {							\
		BUILD_BUG_ON(!__is_kvfree_rcu_offset(__builtin_offsetof(__typeof__(*(ptr)), rhf))); \
		kvfree_call_rcu(&((___p)->rhf), (rcu_callback_t)(unsigned long) \
				__builtin_offsetof(__typeof__(*(ptr)), rhf)); \
	}								\
} while (0)

#define kvfree_rcu_arg_1(ptr)						\
do {									\
	__typeof__(ptr) ___p = (ptr);					\
									\
	if (___p)							\
		kvfree_call_rcu(NULL, (rcu_callback_t)(___p));		\
} while (0)

#define KVFREE_GET_MACRO(_1, _2, NAME, ...)	NAME
#define kvfree_rcu(...)	KVFREE_GET_MACRO(__VA_ARGS__, kvfree_rcu_arg_2, kvfree_rcu_arg_1)(__VA_ARGS__)
#define kfree_rcu(ptr, rhf...)	kvfree_rcu(ptr, ## rhf)
#define kvfree_rcu_mightsleep(ptr)	kvfree_rcu_arg_1(ptr)

#endif
