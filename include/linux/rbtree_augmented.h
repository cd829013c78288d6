/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rbtree_augmented.h - red-black trees whose nodes also carry a value
 * computed from their whole subtree (lib/rbtree.c).
 *
 * An augmented tree stores in every node something that depends on the
 * node and on its two subtrees only, such as "the largest size anywhere
 * below here".  mm/vmap_area.c keeps its free ranges in such a tree, keyed
 * by address, with subtree_max_size = the largest free range in the
 * subtree: a search can then skip any subtree whose largest range is too
 * small, and find the lowest range that fits in O(log n).
 *
 * The value only changes where the tree changes, and the tree code says
 * where, through three callbacks:
 *
 *   propagate(node, stop)  recompute node, its parent, ... up to (not
 *                          including) stop, or to the root for NULL; it
 *                          may end early where a value comes out unchanged
 *   copy(old, new)         new takes old's place in the tree: new's value
 *                          becomes old's
 *   rotate(old, new)       new was old's child and is now the root of the
 *                          subtree old was the root of: the subtree holds
 *                          the same nodes, so new takes old's value, and
 *                          old is recomputed from its new children
 *
 * RB_DECLARE_CALLBACKS() writes the three for a given compute function,
 * and RB_DECLARE_CALLBACKS_MAX() for the common case of a maximum.
 *
 * The user's part of the contract:
 *
 *   - insertion: before rb_link_node(), raise the value of every node on
 *     the path from the root to the new node's parent (the search visits
 *     exactly those), and give the new node its own value; then call
 *     rb_insert_augmented() instead of rb_insert_color();
 *   - erasure: rb_erase_augmented() instead of rb_erase();
 *   - a node whose own contribution changes in place (a free range that
 *     grows or shrinks without moving past a neighbour) is followed by
 *     propagate(node, NULL).
 *
 * The colour helpers below are for code that works on the tree's shape
 * itself: lib/rbtree.c and the tests that check its properties.
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/rbtree.h>

/* struct rb_augment_callbacks - see the top of this file. */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/*
 * RB_DECLARE_CALLBACKS - define the callbacks @RBNAME for nodes of type
 * @RBSTRUCT (its struct rb_node is @RBFIELD, its value @RBAUGMENTED).
 * @RBSTATIC: "static", or nothing for callbacks other files use
 * @RBCOMPUTE: bool RBCOMPUTE(RBSTRUCT *node, bool exit) recomputes
 *             node->RBAUGMENTED from the node and its children's values;
 *             with @exit, it returns true (and may leave the value alone)
 *             when the value would not change, which ends a propagation
 *
 * Also defines RBNAME_propagate(), for the user's own updates.
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, RBCOMPUTE)	\
static inline void RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop)	\
{											\
	while (rb != stop) {								\
		RBSTRUCT *node = rb_entry(rb, RBSTRUCT, RBFIELD);			\
											\
		if (RBCOMPUTE(node, true))						\
			break;		/* unchanged here, so unchanged above */	\
		rb = rb_parent(&node->RBFIELD);						\
	}										\
}											\
static inline void RBNAME ## _copy(struct rb_node *rb_old, struct rb_node *rb_new)	\
{											\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =				\
		rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;			\
}											\
static inline void RBNAME ## _rotate(struct rb_node *rb_old, struct rb_node *rb_new)	\
{											\
	RBSTRUCT *old = rb_entry(rb_old, RBSTRUCT, RBFIELD);				\
											\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED = old->RBAUGMENTED;		\
	RBCOMPUTE(old, false);								\
}											\
RBSTATIC const struct rb_augment_callbacks RBNAME = {					\
	.propagate = RBNAME ## _propagate,						\
	.copy = RBNAME ## _copy,							\
	.rotate = RBNAME ## _rotate,							\
}

/*
 * RB_DECLARE_CALLBACKS_MAX - callbacks for "the largest value in the
 * subtree": @RBAUGMENTED (of type @RBTYPE) = the maximum of @RBCOMPUTE(n)
 * over every node n of the subtree, where RBTYPE RBCOMPUTE(RBSTRUCT *n) is
 * the node's own value.  Also defines RBNAME_compute_max(node, exit).
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBTYPE,		\
				 RBAUGMENTED, RBCOMPUTE)				\
static inline bool RBNAME ## _compute_max(RBSTRUCT *node, bool exit)			\
{											\
	RBTYPE max = RBCOMPUTE(node), child;						\
											\
	if (node->RBFIELD.rb_left) {							\
		child = rb_entry(node->RBFIELD.rb_left, RBSTRUCT, RBFIELD)->RBAUGMENTED; \
		if (child > max)							\
			max = child;							\
	}										\
	if (node->RBFIELD.rb_right) {							\
		child = rb_entry(node->RBFIELD.rb_right, RBSTRUCT, RBFIELD)->RBAUGMENTED; \
		if (child > max)							\
			max = child;							\
	}										\
	if (exit && node->RBAUGMENTED == max)						\
		return true;								\
	node->RBAUGMENTED = max;							\
	return false;									\
}											\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, RBNAME ## _compute_max)

/* Colours and parents, for code that works on the tree's shape. */
#define __rb_color(pc)		((pc) & 1)
#define __rb_is_black(pc)	__rb_color(pc)
#define __rb_is_red(pc)		(!__rb_color(pc))
#define rb_color(rb)		__rb_color((rb)->__rb_parent_color)
#define rb_is_red(rb)		__rb_is_red((rb)->__rb_parent_color)
#define rb_is_black(rb)		__rb_is_black((rb)->__rb_parent_color)

/* rb_set_parent - make @p the parent of @rb, keeping @rb's colour. */
static inline void rb_set_parent(struct rb_node *rb, struct rb_node *p)
{
	rb->__rb_parent_color = rb_color(rb) | (unsigned long)p;
}

static inline void rb_set_parent_color(struct rb_node *rb, struct rb_node *p, int color)
{
	rb->__rb_parent_color = (unsigned long)p | color;
}

#endif
