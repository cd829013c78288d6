/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rbtree.h - red-black trees, with Linux's names and semantics (lib/rbtree.c).
 *
 * A red-black tree is a binary search tree that keeps itself balanced by
 * giving every node a colour and keeping five properties true:
 *
 *   1. every node is red or black;
 *   2. the root is black;
 *   3. the empty leaves (the NULL children) count as black;
 *   4. a red node has no red child;
 *   5. every path from a node down to an empty leaf passes the same number
 *      of black nodes (the node's "black height").
 *
 * By 4 and 5 the longest path from the root is at most twice the shortest,
 * so a tree of n nodes is at most 2 log2(n + 1) deep: search, insertion
 * and erasure are O(log n).
 *
 * The tree is intrusive, like struct list_head: a struct that wants to be
 * in a tree embeds a struct rb_node, and rb_entry() (container_of) gets
 * back from the node to the struct.  The tree does not know the keys; the
 * caller searches and decides where a node goes:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		parent = *link;
 *		if (key < rb_entry(parent, struct thing, node)->key)
 *			link = &parent->rb_left;
 *		else
 *			link = &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);	   (a red leaf)
 *	rb_insert_color(&new->node, root);	   (recolour and rotate)
 *
 * rb_erase() takes a node out.  rb_first/rb_last/rb_next/rb_prev walk the
 * nodes in key order, O(1) amortized per step.  The tree takes no lock:
 * its user serializes (mm/vmap_area.c changes its trees with interrupts off).
 *
 * rbtree_augmented.h adds trees whose nodes also store a value computed
 * from their subtree (the largest free range below, in mm/vmap_area.c).
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/types.h>
#include <linux/kernel.h>

/*
 * struct rb_node - a node of a red-black tree, embedded in its owner.
 * @__rb_parent_color: the parent's address with the colour in bit 0
 *                     (RB_RED 0, RB_BLACK 1); nodes are aligned to 4, so
 *                     the low bits of the address are free.  Use
 *                     rb_parent() and the helpers, never the field.
 * @rb_right: the subtree of greater keys, or NULL
 * @rb_left:  the subtree of smaller keys, or NULL
 */
struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

/* struct rb_root - a tree: its root node, NULL when empty. */
struct rb_root {
	struct rb_node *rb_node;
};

#define RB_RED		0
#define RB_BLACK	1

#define RB_ROOT		((struct rb_root) { NULL })

#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))
#define rb_entry(ptr, type, member)	container_of(ptr, type, member)
/* rb_entry_safe - like rb_entry(), but NULL stays NULL. */
#define rb_entry_safe(ptr, type, member) \
	({ __typeof__(ptr) ____ptr = (ptr); ____ptr ? rb_entry(____ptr, type, member) : NULL; })

#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)

/*
 * A node that is in no tree can be marked so (its parent is itself, which
 * no node in a tree has): RB_CLEAR_NODE() marks, RB_EMPTY_NODE() tests.
 */
#define RB_EMPTY_NODE(node)	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	((node)->__rb_parent_color = (unsigned long)(node))

/**
 * rb_link_node - hang @node in a tree, where a search ended
 * @node: the new node
 * @parent: the node whose child it becomes (NULL for the first node)
 * @rb_link: &parent->rb_left, &parent->rb_right, or &root->rb_node
 *
 * The node is red, with no children.  The tree may now break properties 2
 * and 4: call rb_insert_color() (or rb_insert_augmented()) next.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* colour bit 0: red */
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
/* Put @new (same key) where @victim is: no rebalancing. */
void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root);

struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif
