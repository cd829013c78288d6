/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wait.h - wait queues: where tasks sleep until something happens.
 *
 * A task that must wait (for a child to exit, for a key) puts itself on a
 * wait queue, sets its state to TASK_INTERRUPTIBLE and calls schedule().
 * Whoever makes the condition true (do_exit, the keyboard interrupt) calls
 * wake_up(), which makes every waiter runnable again; each re-checks its
 * condition.  The check and the sleep happen with interrupts off, so a
 * wake_up from an interrupt handler cannot slip in between (one CPU).
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>

struct task_struct;

struct wait_queue_head {
	struct list_head head;
};

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->head);
}

/* kernel/sched/core.c */
void wake_up(struct wait_queue_head *wq);
/*
 * wait_event_irqoff - sleep on @wq until @cond(@arg) is true.  Call with
 * interrupts off; they are off again on return.
 */
void wait_event_irqoff(struct wait_queue_head *wq, bool (*cond)(void *arg), void *arg);
/*
 * wait_event_interruptible_irqoff - the same, but a fatal signal sent to
 * the sleeper (kill) ends the wait: 0 when @cond came true, -EINTR when a
 * signal is pending (the task then dies on its way back to ring 3).
 */
int wait_event_interruptible_irqoff(struct wait_queue_head *wq, bool (*cond)(void *arg),
				    void *arg);

#endif
