/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rculist.h - lists that readers walk under rcu_read_lock() while an
 * updater adds and removes entries (the updater serialises with others
 * by its own means, e.g. interrupts off).  An entry removed with
 * list_del_rcu() keeps its ->next, so a reader standing on it can still
 * step off; free it after a grace period (kfree_rcu).
 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/rcupdate.h>

static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	struct list_head *next = head->next;

	new->next = next;
	new->prev = head;
	barrier();		/* the entry is complete before it is visible */
	WRITE_ONCE(head->next, new);
	next->prev = new;
}

static inline void list_add_tail_rcu(struct list_head *new, struct list_head *head)
{
	struct list_head *prev = head->prev;

	new->next = head;
	new->prev = prev;
	barrier();
	WRITE_ONCE(prev->next, new);
	head->prev = new;
}

static inline void list_del_rcu(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	WRITE_ONCE(entry->prev->next, entry->next);
	entry->prev = LIST_POISON2;	/* ->next stays for readers on it */
}

#define list_entry_rcu(ptr, type, member)	container_of(READ_ONCE(ptr), type, member)

#define list_for_each_entry_rcu(pos, head, member, ...)			\
	for (pos = list_entry_rcu((head)->next, __typeof__(*pos), member); \
	     &pos->member != (head);					\
	     pos = list_entry_rcu(pos->member.next, __typeof__(*pos), member))

#endif
