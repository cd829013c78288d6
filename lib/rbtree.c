// SPDX-License-Identifier: GPL-2.0
/*
 * lib/rbtree.c - red-black trees: insertion and erasure with the
 * recolouring and rotations that keep the tree balanced, and in-order
 * walks (include/linux/rbtree.h, include/linux/rbtree_augmented.h).
 *
 * The five properties (rbtree.h): every node is red or black; the root is
 * black; NULL leaves are black; a red node has no red child; every path
 * from a node down to a NULL leaf has the same number of black nodes.
 *
 * Insertion hangs a red node where the search ended (rb_link_node).  That
 * adds no black node to any path, so property 5 holds; only property 4 (a
 * red parent) or 2 (a red root) can break, and insert_fixup() repairs it,
 * climbing two levels per step.  Erasure removes a node with at most one
 * child, if need be after moving the node's in-order successor into its
 * place; when a black node leaves, the paths through the hole have one
 * black too few, and erase_fixup() repairs that, climbing one level per
 * step.  Both do at most three rotations, and O(log n) recolourings.
 *
 * Every case has a mirror image (left and right swapped).  Children are
 * named by a direction, 0 for left and 1 for right, so that each case is
 * written once: "dir" is the side we came from, "!dir" the other side.
 *
 * An augmented tree (rbtree_augmented.h) is told about every change that
 * moves nodes: rotations, a successor taking a node's place, and the nodes
 * whose subtree lost one.  The plain tree uses callbacks that do nothing,
 * which the compiler removes (everything below is inlined into the four
 * entry points).
 *
 * No hardware, no allocation, no locks: the caller owns the nodes and
 * serializes the changes.  The API is exported to modules, as in Linux.
 */
#include <linux/rbtree_augmented.h>
#include <linux/export.h>

enum { RB_LEFT = 0, RB_RIGHT = 1 };

// The child pointer on side @dir of @node.
static __always_inline struct rb_node **child_slot(struct rb_node *node, int dir)
{
	return dir == RB_RIGHT ? &node->rb_right : &node->rb_left;
}

// Property 3: a NULL leaf counts as black.
static __always_inline bool is_red(const struct rb_node *node)
{
	return node && rb_is_red(node);
}

static __always_inline void set_black(struct rb_node *node)
{
	node->__rb_parent_color |= RB_BLACK;
}

static __always_inline void set_red(struct rb_node *node)
{
	node->__rb_parent_color &= ~1UL;
}

// Make @new the child that @old was of @parent (or the root).
static __always_inline void change_child(struct rb_node *old, struct rb_node *new,
					 struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * rotate - lift the child of @x on side !@dir into @x's place; @x goes down
 * on side @dir.  For @dir = left:
 *
 *          x                    y
 *         / \                  / \
 *        a   y       =>       x   c
 *           / \              / \
 *          b   c            a   b
 *
 * The in-order sequence a x b y c is the same, so the tree stays sorted;
 * only x and y change depth.  Colours are the caller's business.  The
 * subtree now rooted at y holds the same nodes as before: augment->rotate
 * gives y the old value of x and recomputes x.
 */
static __always_inline void rotate(struct rb_node *x, int dir, struct rb_root *root,
				   const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = *child_slot(x, !dir);
	struct rb_node *b = *child_slot(y, dir);
	struct rb_node *parent = rb_parent(x);

	*child_slot(x, !dir) = b;
	if (b)
		rb_set_parent(b, x);
	*child_slot(y, dir) = x;
	rb_set_parent(y, parent);
	rb_set_parent(x, y);
	change_child(x, y, parent, root);
	augment->rotate(x, y);
}

/*
 * insert_fixup - restore the properties after rb_link_node() hung the red
 * leaf @node.  Loop invariant: the only possible breach is @node (red)
 * having a red parent, or being a red root.
 */
static __always_inline void insert_fixup(struct rb_node *node, struct rb_root *root,
					 const struct rb_augment_callbacks *augment)
{
	struct rb_node *parent, *gparent, *uncle;
	int dir;

	for (;;) {
		parent = rb_parent(node);
		if (!parent) {
			/*
			 * @node is the root.  Painting it black adds one black
			 * to every path alike: property 5 holds, 2 is restored.
			 */
			set_black(node);
			return;
		}
		if (rb_is_black(parent))
			return;		/* a red node under a black one: all fine */
		/*
		 * The parent is red, so it is not the root (2): the
		 * grandparent exists, and it is black (4 held before).
		 */
		gparent = rb_parent(parent);
		dir = gparent->rb_left == parent ? RB_LEFT : RB_RIGHT;
		uncle = *child_slot(gparent, !dir);
		if (is_red(uncle)) {
			/*
			 * Case 1, red uncle: push the grandparent's black down
			 * to both its children.  Every path through the
			 * grandparent still passes one black at that level;
			 * but the grandparent is now red and may have a red
			 * parent, so go on from there.
			 *
			 *        G(b)                 G(r)
			 *       /    \               /    \
			 *     P(r)   U(r)    =>    P(b)   U(b)
			 *     /                    /
			 *   N(r)                 N(r)
			 */
			set_black(parent);
			set_black(uncle);
			set_red(gparent);
			node = gparent;
			continue;
		}
		if (node == *child_slot(parent, !dir)) {
			/*
			 * Case 2, black uncle and @node on the inner side (the
			 * parent is a left child and @node a right one, or the
			 * mirror): rotate at the parent to bring @node up.
			 * Both are red, so no black count changes; now the
			 * old parent is the red child on the outer side, which
			 * is case 3.
			 *
			 *        G(b)               G(b)
			 *       /    \             /    \
			 *     P(r)   U(b)  =>    N(r)   U(b)
			 *        \               /
			 *        N(r)          P(r)
			 */
			rotate(parent, dir, root, augment);
			parent = node;
		}
		/*
		 * Case 3, black uncle and a red child on the outer side:
		 * rotate at the grandparent and swap the colours of the
		 * parent and the grandparent.  The subtree's top is black
		 * again, with one black on each path as before, and no red
		 * node has a red child: done.
		 *
		 *          G(b)             P(b)
		 *         /    \           /    \
		 *       P(r)   U(b)  =>  N(r)   G(r)
		 *       /                          \
		 *     N(r)                         U(b)
		 */
		rotate(gparent, !dir, root, augment);
		set_black(parent);
		set_red(gparent);
		return;
	}
}

/*
 * erase_fixup - a black node left from under @parent, on the side where
 * there is now nothing: the paths through that side have one black too
 * few.  Loop invariant: @node (NULL at first) is black, and every path
 * through it is one black short of those through its sibling.  A sibling
 * exists and is a real node: its side has at least one black more.
 */
static __always_inline void erase_fixup(struct rb_node *parent, struct rb_root *root,
					const struct rb_augment_callbacks *augment)
{
	struct rb_node *node = NULL, *sibling, *near, *far;
	int dir;

	while (parent) {
		dir = parent->rb_left == node ? RB_LEFT : RB_RIGHT;
		sibling = *child_slot(parent, !dir);
		if (rb_is_red(sibling)) {
			/*
			 * Case 1, red sibling (so a black parent, and black
			 * children for the sibling, real nodes both): rotate at
			 * the parent and swap their colours.  The counts stay
			 * the same, and @node now has a black sibling (the
			 * old sibling's near child): on to cases 2 to 4.
			 *
			 *      P(b)                S(b)
			 *     /    \              /    \
			 *   N(b)   S(r)   =>    P(r)   Sf(b)
			 *         /    \       /    \
			 *      Sn(b)  Sf(b)  N(b)  Sn(b)
			 */
			rotate(parent, dir, root, augment);
			set_black(sibling);
			set_red(parent);
			sibling = *child_slot(parent, !dir);
		}
		near = *child_slot(sibling, dir);
		far = *child_slot(sibling, !dir);
		if (!is_red(near) && !is_red(far)) {
			/*
			 * Case 2, black sibling with two black children:
			 * paint the sibling red.  Now both sides of the parent
			 * are one black short.  A red parent turned black pays
			 * that back (done); a black parent passes the shortage
			 * up: it is the new @node.
			 *
			 *      P(?)                P(?)
			 *     /    \              /    \
			 *   N(b)   S(b)   =>    N(b)   S(r)
			 *         /    \              /    \
			 *      Sn(b)  Sf(b)        Sn(b)  Sf(b)
			 */
			set_red(sibling);
			if (rb_is_red(parent)) {
				set_black(parent);
				return;
			}
			node = parent;
			parent = rb_parent(node);
			continue;
		}
		if (!is_red(far)) {
			/*
			 * Case 3, black sibling whose near child is red and
			 * far child black: rotate at the sibling to lift the
			 * near child, and swap their colours.  The counts on
			 * the sibling's side do not change, and now the new
			 * sibling's far child (the old sibling) is red: case 4.
			 *
			 *      P(?)                P(?)
			 *     /    \              /    \
			 *   N(b)   S(b)   =>    N(b)   Sn(b)
			 *         /    \                  \
			 *      Sn(r)  Sf(b)               S(r)
			 *                                    \
			 *                                    Sf(b)
			 */
			rotate(sibling, !dir, root, augment);
			set_black(near);
			set_red(sibling);
			far = sibling;
			sibling = near;
		}
		/*
		 * Case 4, black sibling with a red far child: rotate at the
		 * parent.  The sibling takes the parent's place and colour;
		 * the parent, painted black, sits above @node and pays back
		 * its missing black; the far child, painted black, replaces
		 * the black the sibling's side just lost.  Done.
		 *
		 *      P(x)                S(x)
		 *     /    \              /    \
		 *   N(b)   S(b)   =>    P(b)   Sf(b)
		 *         /    \       /    \
		 *       Sn    Sf(r)  N(b)   Sn
		 */
		rotate(parent, dir, root, augment);
		sibling->__rb_parent_color = (unsigned long)rb_parent(sibling) | rb_color(parent);
		set_black(parent);
		set_black(far);
		return;
	}
	/* @node is the root: every path is one black shorter, which is fine. */
}

/*
 * erase - take @node out of the tree, then rebalance.  A node with two
 * children is replaced by its in-order successor (the leftmost node of its
 * right subtree), which has no left child; so what really leaves its place
 * is always a node with at most one child.
 */
static __always_inline void erase(struct rb_node *node, struct rb_root *root,
				  const struct rb_augment_callbacks *augment)
{
	unsigned long pc = node->__rb_parent_color;	/* node's parent and colour */
	struct rb_node *child, *parent, *successor, *rebalance = NULL;

	if (!node->rb_left || !node->rb_right) {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = rb_parent(node);
		change_child(node, child, parent, root);
		if (child) {
			/*
			 * By property 5 a lone child is a red leaf, under a
			 * black node: it takes the node's place and colour,
			 * and every count stays right.
			 */
			child->__rb_parent_color = pc;
		} else if (__rb_is_black(pc)) {
			rebalance = parent;	/* a black leaf went: one short */
		}
		if (parent)
			augment->propagate(parent, NULL);
	} else {
		bool black;

		successor = node->rb_right;
		while (successor->rb_left)
			successor = successor->rb_left;
		child = successor->rb_right;	/* NULL or a red leaf */
		black = rb_is_black(successor);
		if (successor == node->rb_right) {
			parent = successor;	/* the hole will be its right side */
		} else {
			parent = rb_parent(successor);
			parent->rb_left = child;
			successor->rb_right = node->rb_right;
			rb_set_parent(node->rb_right, successor);
		}
		successor->rb_left = node->rb_left;
		rb_set_parent(node->rb_left, successor);
		change_child(node, successor, rb_parent(node), root);
		successor->__rb_parent_color = pc;	/* node's place and colour */
		if (child)
			rb_set_parent_color(child, parent, RB_BLACK);	/* as above */
		else if (black)
			rebalance = parent;
		/*
		 * The successor's subtree is node's old one, less node:
		 * start from node's value, fix the path the successor left,
		 * then the successor and above.
		 */
		augment->copy(node, successor);
		augment->propagate(parent, successor);
		augment->propagate(successor, NULL);
	}
	if (rebalance)
		erase_fixup(rebalance, root, augment);
}

static __always_inline void dummy_propagate(struct rb_node *node, struct rb_node *stop) {}
static __always_inline void dummy_copy(struct rb_node *old, struct rb_node *new) {}
static __always_inline void dummy_rotate(struct rb_node *old, struct rb_node *new) {}

static const struct rb_augment_callbacks dummy_callbacks = {
	.propagate = dummy_propagate,
	.copy = dummy_copy,
	.rotate = dummy_rotate,
};

/**
 * rb_insert_color - rebalance after rb_link_node() added @node
 * @node: the node just linked (red, no children)
 * @root: its tree
 *
 * Recolours and rotates so that the five properties hold again.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, &dummy_callbacks);
}
EXPORT_SYMBOL(rb_insert_color);

/**
 * rb_erase - take @node out of @root, and rebalance
 * @node: a node in the tree
 * @root: the tree
 *
 * The node's fields are left as they were; RB_CLEAR_NODE() it if it must
 * be seen to be out of a tree.
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	erase(node, root, &dummy_callbacks);
}
EXPORT_SYMBOL(rb_erase);

/**
 * rb_insert_augmented - rb_insert_color() for an augmented tree
 * @node: the node just linked, with its own value set, and the path above
 *        it already raised (see rbtree_augmented.h)
 * @root: its tree
 * @augment: the tree's callbacks, called for each rotation
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	insert_fixup(node, root, augment);
}
EXPORT_SYMBOL(rb_insert_augmented);

/**
 * rb_erase_augmented - rb_erase() for an augmented tree
 * @node: a node in the tree
 * @root: the tree
 * @augment: the tree's callbacks; every value is right again on return
 */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	erase(node, root, augment);
}
EXPORT_SYMBOL(rb_erase_augmented);

/* ---------------------------------------------------------------------
 * In-order walks
 */

// The deepest node on side @dir below @node (@node if it has none there).
static struct rb_node *outermost(struct rb_node *node, int dir)
{
	while (*child_slot(node, dir))
		node = *child_slot(node, dir);
	return node;
}

/*
 * step - the in-order neighbour of @node on side @dir: the outermost node
 * of its subtree on that side, else the first ancestor that @node lies on
 * the other side of.
 */
static struct rb_node *step(const struct rb_node *cnode, int dir)
{
	struct rb_node *node = (struct rb_node *)cnode, *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (*child_slot(node, dir))
		return outermost(*child_slot(node, dir), !dir);
	while ((parent = rb_parent(node)) && node == *child_slot(parent, dir))
		node = parent;
	return parent;
}

/**
 * rb_replace_node - put @new where @victim is, without rebalancing
 * @victim: a node in @root
 * @new: a node not in any tree, with the same key as @victim (and, for an
 *       augmented tree, the same augmented value)
 * @root: the tree
 *
 * @new takes @victim's parent, children and colour; @victim is out.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	*new = *victim;
	if (victim->rb_left)
		rb_set_parent(victim->rb_left, new);
	if (victim->rb_right)
		rb_set_parent(victim->rb_right, new);
	change_child(victim, new, parent, root);
}
EXPORT_SYMBOL(rb_replace_node);

/* rb_first - the node with the smallest key, NULL if the tree is empty. */
struct rb_node *rb_first(const struct rb_root *root)
{
	return root->rb_node ? outermost(root->rb_node, RB_LEFT) : NULL;
}
EXPORT_SYMBOL(rb_first);

/* rb_last - the node with the greatest key, NULL if the tree is empty. */
struct rb_node *rb_last(const struct rb_root *root)
{
	return root->rb_node ? outermost(root->rb_node, RB_RIGHT) : NULL;
}
EXPORT_SYMBOL(rb_last);

/* rb_next - the next node in key order, NULL after the last. */
struct rb_node *rb_next(const struct rb_node *node)
{
	return step(node, RB_RIGHT);
}
EXPORT_SYMBOL(rb_next);

/* rb_prev - the previous node in key order, NULL before the first. */
struct rb_node *rb_prev(const struct rb_node *node)
{
	return step(node, RB_LEFT);
}
EXPORT_SYMBOL(rb_prev);
