// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/fuzz_rbtree.c - lib/rbtree.c under random inserts, erases and
 * replacements, an augmented tree (the largest value of each subtree, as
 * the vmalloc area's free tree keeps), checked after every step against a
 * plain array and against the red-black rules:
 *
 *   keys in order, parents right, the root black, no red node with a red
 *   child, the same number of black nodes on every path, every node's
 *   subtree maximum right; rb_first/rb_next and rb_last/rb_prev visit the
 *   same nodes as the model holds, in order.
 *
 * Each input is a list of operations, 3 bytes each (tests/fuzz/host.h's
 * take()); the tree starts and ends empty.
 */
#include "host.h"

#define MAX_NODES	256

struct node {
	struct rb_node rb;
	u32 key, val, max;
};

static u32 node_val(const struct node *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, node_cb, struct node, rb, u32, max, node_val);

static struct node pool[MAX_NODES];
static struct node *live[MAX_NODES];	/* the model: which nodes are in the tree */
static unsigned int nr_live;
static struct rb_root root;

static void insert(struct node *n)
{
	struct rb_node **link = &root.rb_node, *parent = NULL;

	n->max = n->val;
	while (*link) {
		struct node *p = rb_entry(*link, struct node, rb);

		parent = *link;
		if (p->max < n->val)
			p->max = n->val;	/* on the way down, as the callbacks expect */
		link = n->key < p->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_augmented(&n->rb, &root, &node_cb);
}

// Check the subtree at @rb; returns its black height, fills its node count and max.
static int check(const struct rb_node *rb, const struct rb_node *parent, u32 lo, u32 hi,
		 unsigned int *count, u32 *max)
{
	const struct node *n;
	unsigned int lc = 0, rc = 0;
	u32 lmax = 0, rmax = 0;
	int lh, rh;

	*count = 0;
	*max = 0;
	if (!rb)
		return 1;
	n = rb_entry(rb, struct node, rb);
	if (rb_parent(rb) != parent)
		host_fail("node %u: wrong parent", n->key);
	if (n->key < lo || n->key > hi)
		host_fail("node %u: out of order (%u..%u)", n->key, lo, hi);
	if (rb_is_red(rb) && ((rb->rb_left && rb_is_red(rb->rb_left)) ||
			      (rb->rb_right && rb_is_red(rb->rb_right))))
		host_fail("node %u: red with a red child", n->key);
	lh = check(rb->rb_left, rb, lo, n->key, &lc, &lmax);
	rh = check(rb->rb_right, rb, n->key, hi, &rc, &rmax);
	if (lh != rh)
		host_fail("node %u: black heights %d and %d", n->key, lh, rh);
	*count = lc + rc + 1;
	*max = max(n->val, max(lmax, rmax));
	if (n->max != *max)
		host_fail("node %u: subtree max %u, should be %u", n->key, n->max, *max);
	return lh + rb_is_black(rb);
}

static int by_key(const void *a, const void *b)
{
	const struct node *x = *(const struct node *const *)a, *y = *(const struct node *const *)b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static void check_all(void)
{
	static struct node *sorted[MAX_NODES];
	unsigned int count, i;
	struct rb_node *rb;
	u32 max;

	if (root.rb_node && !rb_is_black(root.rb_node))
		host_fail("the root is red");
	check(root.rb_node, NULL, 0, ~0u, &count, &max);
	if (count != nr_live)
		host_fail("%u nodes in the tree, %u in the model", count, nr_live);
	memcpy(sorted, live, nr_live * sizeof(*sorted));
	qsort(sorted, nr_live, sizeof(*sorted), by_key);
	for (i = 0, rb = rb_first(&root); rb; rb = rb_next(rb), i++)
		if (i >= nr_live || rb_entry(rb, struct node, rb)->key != sorted[i]->key)
			host_fail("rb_next walk differs at %u", i);
	if (i != nr_live)
		host_fail("rb_next walk has %u nodes, not %u", i, nr_live);
	for (rb = rb_last(&root); rb; rb = rb_prev(rb))
		if (rb_entry(rb, struct node, rb)->key != sorted[--i]->key)
			host_fail("rb_prev walk differs at %u", i);
}

// The node of @pool not in the tree, or NULL.
static struct node *spare(void)
{
	static unsigned int next;
	unsigned int i;

	for (i = 0; i < MAX_NODES; i++) {
		struct node *n = &pool[(next + i) % MAX_NODES];

		if (RB_EMPTY_NODE(&n->rb)) {
			next += i + 1;
			return n;
		}
	}
	return NULL;
}

static void reset(void)
{
	unsigned int i;

	root = RB_ROOT;
	nr_live = 0;
	for (i = 0; i < MAX_NODES; i++)
		RB_CLEAR_NODE(&pool[i].rb);
}

static void run(struct bytes *b)
{
	reset();
	while (b->n) {
		u32 op = take(b, 1), arg = take(b, 2);
		struct node *n, *r;
		unsigned int i;

		switch (op % 4) {
		case 0: case 1:				/* insert */
			n = spare();
			if (!n)
				break;
			n->key = arg % 512;		/* duplicates happen */
			n->val = (arg * 2654435761u) >> 20;
			insert(n);
			live[nr_live++] = n;
			break;
		case 2:					/* erase */
			if (!nr_live)
				break;
			i = arg % nr_live;
			rb_erase_augmented(&live[i]->rb, &root, &node_cb);
			RB_CLEAR_NODE(&live[i]->rb);
			live[i] = live[--nr_live];
			break;
		case 3:					/* replace with an equal node */
			if (!nr_live || !(r = spare()))
				break;
			i = arg % nr_live;
			*r = *live[i];
			rb_replace_node(&live[i]->rb, &r->rb, &root);
			RB_CLEAR_NODE(&live[i]->rb);
			live[i] = r;
			break;
		}
		check_all();
	}
	while (nr_live) {
		struct node *n = live[--nr_live];

		rb_erase_augmented(&n->rb, &root, &node_cb);
		RB_CLEAR_NODE(&n->rb);
		check_all();
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct bytes b = { data, size };

	run(&b);
	return 0;
}

/*
 * Unit tests: ascending, descending and repeated keys, 200 each, erased in
 * the other order; then a replacement at the root.
 */
int harness_unit_tests(void)
{
	static u8 prog[3 * 600];
	struct bytes b;
	unsigned int i, n = 0;

	for (i = 0; i < 200; i++) {		/* ascending inserts */
		prog[n++] = 0;
		prog[n++] = i >> 8;
		prog[n++] = i;
	}
	for (i = 0; i < 200; i++) {		/* erase from the front */
		prog[n++] = 2;
		prog[n++] = 0;
		prog[n++] = 0;
	}
	for (i = 0; i < 200; i++) {		/* one key, 200 times, and replacements */
		prog[n++] = i % 3 ? 0 : 3;
		prog[n++] = 0;
		prog[n++] = 7;
	}
	b = (struct bytes){ prog, n };
	run(&b);
	return 0;
}
