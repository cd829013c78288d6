// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/rbtree_test.c - ktest suite "rbtree": lib/rbtree.c.
 *
 * Thousands of random insertions and erasures with a fixed seed, and after
 * every batch the whole tree is checked from scratch: the five red-black
 * properties (a black root, no red node with a red child, the same number
 * of black nodes on every path down), parent pointers, keys in order,
 * rb_first/rb_next walking forwards and rb_last/rb_prev backwards over
 * exactly the nodes believed to be in the tree.  Sorted insertion (the
 * worst case of a plain binary tree) must stay within the red-black depth
 * bound.  An augmented tree keeps the largest value of each subtree
 * through every rotation, erasure and in-place change, checked against a
 * brute-force recomputation.
 *
 * The checker counts what is wrong and reports the first few problems
 * with the node's key, so a broken rotation or recolouring fails loudly.
 */
#include <linux/kernel.h>
#include <linux/rbtree_augmented.h>
#include <linux/random.h>
#include <linux/string.h>
#include <mm386/ktest.h>

#define NR_NODES	600
#define NR_OPS		10000
#define BATCH		50
#define MAX_REPORTS	5

struct tnode {
	struct rb_node rb;
	u32 key;
	u32 val;		/* augmented tree: this node's value */
	u32 subtree_max;	/* augmented tree: the largest val below, itself included */
	bool in_tree;
};

static struct tnode nodes[NR_NODES];
static struct tnode *order[NR_NODES];	/* the in-order walk, for comparisons */

struct tree_check {
	struct ktest *t;
	unsigned int errors;
	unsigned int count;		/* nodes reached from the root */
	unsigned int depth;		/* the longest path, in nodes */
	bool augmented;
};

#define tnode_of(node)	rb_entry(node, struct tnode, rb)

static void complain(struct tree_check *c, const char *what, const struct tnode *n)
{
	if (c->errors++ < MAX_REPORTS)
		KT_FAIL(c->t, "%s (node key %u)", what, n ? n->key : 0);
}

/*
 * check_subtree - walk the subtree at @rb (whose parent must be @parent),
 * at @depth, with keys in [@lo, @hi]; append its nodes to order[] in
 * order.  Return: its black height (NULL leaves count 1), or 0 on a
 * black-height mismatch, already reported.
 */
static unsigned int check_subtree(struct tree_check *c, struct rb_node *rb, struct rb_node *parent,
				  u32 lo, u32 hi, unsigned int depth)
{
	struct tnode *n;
	unsigned int left, right;
	u32 max;

	if (!rb)
		return 1;
	n = tnode_of(rb);
	c->depth = max(c->depth, depth);
	if (c->count >= NR_NODES) {
		complain(c, "more nodes in the tree than exist (a cycle?)", n);
		return 0;
	}
	if (rb_parent(rb) != parent)
		complain(c, "wrong parent pointer", n);
	if (n->key < lo || n->key > hi)
		complain(c, "key out of order", n);
	if (rb_is_red(rb) && ((rb->rb_left && rb_is_red(rb->rb_left)) ||
			      (rb->rb_right && rb_is_red(rb->rb_right))))
		complain(c, "red node with a red child (property 4)", n);
	left = check_subtree(c, rb->rb_left, rb, lo, n->key, depth + 1);
	order[c->count++] = n;
	right = check_subtree(c, rb->rb_right, rb, n->key, hi, depth + 1);
	if (c->augmented) {
		max = n->val;
		if (rb->rb_left)
			max = max(max, tnode_of(rb->rb_left)->subtree_max);
		if (rb->rb_right)
			max = max(max, tnode_of(rb->rb_right)->subtree_max);
		if (n->subtree_max != max)
			complain(c, "augmented subtree_max is stale", n);
	}
	if (!left || !right)
		return 0;
	if (left != right) {
		complain(c, "black heights differ left and right (property 5)", n);
		return 0;
	}
	return left + rb_is_black(rb);
}

// The brute-force maximum of val over the subtree at @rb.
static u32 brute_max(const struct rb_node *rb)
{
	u32 max;

	if (!rb)
		return 0;
	max = tnode_of(rb)->val;
	max = max(max, brute_max(rb->rb_left));
	return max(max, brute_max(rb->rb_right));
}

/*
 * check_tree - everything about @root, against the in_tree flags of
 * nodes[].  Return: the number of problems (each of the first few is
 * reported as a failure of @t).
 */
static unsigned int check_tree(struct ktest *t, struct rb_root *root, bool augmented)
{
	struct tree_check c = { t, 0, 0, 0, augmented };
	unsigned int i, expected = 0, bound = 0;
	struct rb_node *rb;

	for (i = 0; i < NR_NODES; i++)
		expected += nodes[i].in_tree;
	if (root->rb_node && !rb_is_black(root->rb_node))
		complain(&c, "red root (property 2)", tnode_of(root->rb_node));
	if (check_subtree(&c, root->rb_node, NULL, 0, U32_MAX, 1) == 0)
		complain(&c, "black height broken", NULL);
	if (c.count != expected)
		KT_FAIL(t, "%u nodes in the tree, %u inserted and not erased", c.count, expected);
	c.errors += c.count != expected;
	for (i = 0; i < c.count; i++)
		if (!order[i]->in_tree)
			complain(&c, "an erased node is still in the tree", order[i]);
	/* rb_first + rb_next forwards, rb_last + rb_prev backwards: the same nodes. */
	for (i = 0, rb = rb_first(root); rb && i < c.count; rb = rb_next(rb), i++)
		if (tnode_of(rb) != order[i])
			complain(&c, "rb_next does not follow the in-order walk", tnode_of(rb));
	if (rb || i != c.count)
		complain(&c, "rb_first/rb_next walk has the wrong length", NULL);
	for (i = c.count, rb = rb_last(root); rb && i > 0; rb = rb_prev(rb), i--)
		if (tnode_of(rb) != order[i - 1])
			complain(&c, "rb_prev does not follow the in-order walk", tnode_of(rb));
	if (rb || i != 0)
		complain(&c, "rb_last/rb_prev walk has the wrong length", NULL);
	/* A red-black tree of n nodes is at most 2 log2(n + 1) deep. */
	while ((1UL << bound) <= c.count)
		bound++;
	if (c.depth > 2 * bound)
		KT_FAIL(t, "depth %u for %u nodes: more than 2 log2(n + 1)", c.depth, c.count);
	c.errors += c.depth > 2 * bound;
	if (augmented && root->rb_node &&
	    tnode_of(root->rb_node)->subtree_max != brute_max(root->rb_node))
		complain(&c, "the root's subtree_max is not the largest value", NULL);
	return c.errors;
}

static void reset_nodes(void)
{
	memset(nodes, 0, sizeof(nodes));
}

/* ---------------------------------------------------------------------
 * The plain tree
 */

// Insert @n by key (equal keys go right, after the ones already there).
static void insert_plain(struct tnode *n, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = n->key < tnode_of(parent)->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_color(&n->rb, root);
	n->in_tree = true;
}

static void erase_plain(struct tnode *n, struct rb_root *root)
{
	rb_erase(&n->rb, root);
	RB_CLEAR_NODE(&n->rb);
	n->in_tree = false;
}

static void empty_and_single(struct ktest *t)
{
	struct rb_root root = RB_ROOT;

	reset_nodes();
	KT_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
	KT_EXPECT_NULL(t, rb_first(&root));
	KT_EXPECT_NULL(t, rb_last(&root));
	nodes[0].key = 42;
	insert_plain(&nodes[0], &root);
	KT_EXPECT_FALSE(t, RB_EMPTY_ROOT(&root));
	KT_EXPECT_TRUE(t, rb_is_black(root.rb_node));		/* property 2 */
	KT_EXPECT_PTR_EQ(t, rb_first(&root), &nodes[0].rb);
	KT_EXPECT_PTR_EQ(t, rb_last(&root), &nodes[0].rb);
	KT_EXPECT_NULL(t, rb_next(&nodes[0].rb));
	KT_EXPECT_NULL(t, rb_prev(&nodes[0].rb));
	KT_EXPECT_EQ(t, check_tree(t, &root, false), 0);
	erase_plain(&nodes[0], &root);
	KT_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
	KT_EXPECT_TRUE(t, RB_EMPTY_NODE(&nodes[0].rb));
	KT_EXPECT_NULL(t, rb_next(&nodes[0].rb));		/* out of any tree */
	KT_EXPECT_EQ(t, check_tree(t, &root, false), 0);
}

/*
 * Keys 0, 1, 2, ... in order, then the same backwards: a plain binary tree
 * would become a list NR_NODES deep.  Then erase from the smallest up,
 * which drains the left side first.
 */
static void sorted_insertion_stays_balanced(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	unsigned int i, pass;

	for (pass = 0; pass < 2; pass++) {
		reset_nodes();
		for (i = 0; i < NR_NODES; i++) {
			nodes[i].key = pass ? NR_NODES - i : i;
			insert_plain(&nodes[i], &root);
			if (i % 97 == 0)
				KT_ASSERT_EQ(t, check_tree(t, &root, false), 0);
		}
		KT_ASSERT_EQ(t, check_tree(t, &root, false), 0);
		for (i = 0; i < NR_NODES; i++) {
			struct tnode *first = tnode_of(rb_first(&root));

			KT_ASSERT_EQ(t, first->key, pass ? i + 1 : i);
			erase_plain(first, &root);
			if (i % 89 == 0)
				KT_ASSERT_EQ(t, check_tree(t, &root, false), 0);
		}
		KT_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
	}
}

/*
 * NR_OPS random operations on NR_NODES nodes: a node not in the tree is
 * inserted with a random key (from a small range, so equal keys occur),
 * a node in the tree is erased.  The whole tree is checked every BATCH
 * operations.
 */
static void random_insert_erase(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct rnd_state rnd;
	unsigned int i, inserts = 0, erases = 0;

	reset_nodes();
	prandom_seed_state(&rnd, 0x4b7ee);
	for (i = 1; i <= NR_OPS; i++) {
		struct tnode *n = &nodes[prandom_u32_below(&rnd, NR_NODES)];

		if (n->in_tree) {
			erase_plain(n, &root);
			erases++;
		} else {
			n->key = prandom_u32_below(&rnd, 4 * NR_NODES);
			insert_plain(n, &root);
			inserts++;
		}
		if (i % BATCH == 0 && check_tree(t, &root, false))
			KT_ASSERT_FAILURE(t, "after operation %u (%u inserts, %u erases)", i,
					  inserts, erases);
	}
	pr_info("rbtree: %u inserts, %u erases, %u nodes left\n", inserts, erases,
		inserts - erases);
	KT_EXPECT_GT(t, erases, NR_OPS / 3);	/* both operations were really exercised */
	for (i = 0; i < NR_NODES; i++)
		if (nodes[i].in_tree)
			erase_plain(&nodes[i], &root);
	KT_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
}

/* ---------------------------------------------------------------------
 * The augmented tree: subtree_max = the largest val in the subtree
 */

static inline u32 tnode_val(struct tnode *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, tnode_augment, struct tnode, rb, u32, subtree_max, tnode_val);

/*
 * Insert by key, per rbtree_augmented.h's contract: raise subtree_max on
 * the way down, then link and rebalance with the callbacks.
 */
static void insert_augmented(struct tnode *n, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (tnode_of(parent)->subtree_max < n->val)
			tnode_of(parent)->subtree_max = n->val;
		link = n->key < tnode_of(parent)->key ? &parent->rb_left : &parent->rb_right;
	}
	n->subtree_max = n->val;
	rb_link_node(&n->rb, parent, link);
	rb_insert_augmented(&n->rb, root, &tnode_augment);
	n->in_tree = true;
}

static void erase_augmented(struct tnode *n, struct rb_root *root)
{
	rb_erase_augmented(&n->rb, root, &tnode_augment);
	n->in_tree = false;
}

/*
 * Random insertions, erasures and in-place changes of val (followed by
 * propagate), checked every BATCH operations: every node's subtree_max
 * against its children, and the root's against a brute-force maximum.
 */
static void augmented_subtree_max(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct rnd_state rnd;
	unsigned int i, changes = 0;

	reset_nodes();
	prandom_seed_state(&rnd, 0xa119e);
	for (i = 1; i <= NR_OPS; i++) {
		struct tnode *n = &nodes[prandom_u32_below(&rnd, NR_NODES)];
		u32 r = prandom_u32_state(&rnd);

		if (n->in_tree && (r & 3) == 0) {
			n->val = prandom_u32_below(&rnd, 1000000);	/* grow or shrink */
			tnode_augment_propagate(&n->rb, NULL);
			changes++;
		} else if (n->in_tree) {
			erase_augmented(n, &root);
		} else {
			n->key = prandom_u32_below(&rnd, 4 * NR_NODES);
			n->val = prandom_u32_below(&rnd, 1000000);
			insert_augmented(n, &root);
		}
		if (i % BATCH == 0 && check_tree(t, &root, true))
			KT_ASSERT_FAILURE(t, "after operation %u", i);
	}
	KT_EXPECT_GT(t, changes, 100);
	/* Drain it, largest value first: each erase must lower the root's max. */
	while (root.rb_node) {
		u32 max = tnode_of(root.rb_node)->subtree_max;

		for (i = 0; i < NR_NODES && !(nodes[i].in_tree && nodes[i].val == max); i++)
			;
		KT_ASSERT_LT(t, i, NR_NODES);
		erase_augmented(&nodes[i], &root);
		if (root.rb_node)
			KT_ASSERT_EQ(t, tnode_of(root.rb_node)->subtree_max, brute_max(root.rb_node));
	}
	KT_EXPECT_EQ(t, check_tree(t, &root, true), 0);
}

static struct ktest_case rbtree_cases[] = {
	KTEST_CASE(empty_and_single),
	KTEST_CASE(sorted_insertion_stays_balanced),
	KTEST_CASE(random_insert_erase),
	KTEST_CASE(augmented_subtree_max),
	{}
};

static struct ktest_suite rbtree_suite = {
	.name = "rbtree",
	.cases = rbtree_cases,
};
ktest_register(rbtree_suite);
