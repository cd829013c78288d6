// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmap_area.c - the vmalloc area's address allocator: which addresses
 * are busy, which are free, and where a new area goes.
 *
 * vmalloc() (mm/vmalloc.c) first needs a free range of addresses in
 * [VMALLOC_START, VMALLOC_END), big enough for the request plus one
 * guard page; this file finds it.  Pages and page tables are other
 * files' business (mm/vmalloc.h lists them).
 *
 * Areas.  struct vmap_area is the range [va_start, va_end), guard page
 * included; struct vm_struct says what is in it (pages, caller, kind).
 * The free ranges are struct vmap_areas too.  As Linux has done since 5.2
 * (written anew here), each set lives in a red-black tree keyed by
 * va_start (lib/rbtree.c) and on an address-sorted list:
 *
 *   vmap_area_root       busy areas: vfree() and the oops find the area
 *                        that holds an address in one descent, O(log n)
 *   vmap_area_list       the same areas in order, for vmallocinfo
 *   free_vmap_area_root  free ranges, each node augmented with
 *                        subtree_max_size, the largest free range in its
 *                        subtree
 *   free_vmap_area_list  the same ranges in order: a range's neighbours,
 *                        for merging, in O(1)
 *
 * Allocation is first fit: the lowest address where the request fits.
 * The search (find_vmap_lowest_match) walks the free tree in address
 * order, but never enters a subtree whose subtree_max_size is too small,
 * or which lies wholly outside the requested [start, end); for a
 * page-aligned request anywhere in the area, every subtree it enters holds
 * a fit, so the walk is one descent from the root, O(log n).  The range
 * found is then split: the request takes all of it, its left edge, its
 * right edge, or its middle (which leaves two free ranges).  vfree() gives
 * the range back, merged with the free ranges that touch it on either
 * side: free ranges never touch, so they are exactly the gaps between busy
 * areas.  Cost, with n busy areas: O(log n) for vmalloc, vfree and the
 * lookup by address; the largest free range is read at the free tree's
 * root, O(1).  Before, mm386 searched a sorted list of busy areas, with
 * Linux 2.6.36's hint for stack-like use, and vfree() walked that list:
 * O(n) each, 32,406 instructions per vmalloc+vfree with 1000 areas busy,
 * about 1,750 now (docs/performance.md).  vmalloc_check() verifies all this
 * from scratch, for the tests.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/rbtree_augmented.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include "vmalloc.h"

/*
 * The address space, as two sets of struct vmap_area, each kept twice:
 *
 *   busy areas   vmap_area_root (rbtree by va_start), vmap_area_list
 *   free ranges  free_vmap_area_root (rbtree by va_start, augmented with
 *                subtree_max_size), free_vmap_area_list
 *
 * Invariants (vmalloc_check() verifies them all):
 *   - busy areas and free ranges tile [VMALLOC_START, VMALLOC_END)
 *     exactly, with no gap and no overlap;
 *   - no two free ranges touch: a range that comes back is merged with
 *     its free neighbours, so the free ranges are exactly the gaps between
 *     busy areas;
 *   - each tree holds the areas of its list, in the same (address) order;
 *   - a free range's subtree_max_size is the largest va_end - va_start in
 *     its subtree.
 * All of it changes only with interrupts off.  nr_vmap_areas and
 * nr_free_vmap_areas count the two sets; the walks of an oops are bounded
 * by them (or by the depth no red-black tree can reach), so describing an
 * address cannot loop on broken bookkeeping.
 */
static struct rb_root vmap_area_root = RB_ROOT;
LIST_HEAD(vmap_area_list);
static unsigned long nr_vmap_areas;
static struct rb_root free_vmap_area_root = RB_ROOT;
static LIST_HEAD(free_vmap_area_list);
static unsigned long nr_free_vmap_areas;
static struct kmem_cache *vmap_area_cachep;

/* 2 log2(n + 1) < 64 for any n a 32-bit address space can hold. */
#define VA_TREE_MAX_DEPTH	64

/*
 * The last few areas vfree() took away, newest first, so that a report or
 * an oops on a freed address can say whose it was.
 */
#define NR_FREED_AREAS	8
static struct freed_area freed_areas[NR_FREED_AREAS];
static unsigned int freed_next;

/* ---------------------------------------------------------------------
 * The address space: finding, placing and removing areas
 */

static __always_inline unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

// The largest free range in the subtree at @node; 0 for an empty one.
static __always_inline unsigned long get_subtree_max_size(const struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node)->subtree_max_size : 0;
}

// The free range of lowest address (the list is in address order); NULL if none.
static __always_inline struct vmap_area *lowest_free_va(void)
{
	return list_first_entry_or_null(&free_vmap_area_list, struct vmap_area, list);
}

/*
 * free_vmap_area_rb_augment_cb: the callbacks that keep subtree_max_size
 * right through rotations and erasures, and
 * free_vmap_area_rb_augment_cb_propagate(), for a range that shrank in
 * place (one that grew needs less: grow_subtree_max()).
 */
RB_DECLARE_CALLBACKS_MAX(static, free_vmap_area_rb_augment_cb, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, va_size);

/*
 * __find_vmap_area - the busy area with va_start <= @addr < va_end (guard
 * page included), or NULL: one descent of vmap_area_root, O(log n).
 * With @bounded, the descent also gives up after VA_TREE_MAX_DEPTH levels,
 * deeper than any red-black tree a 32-bit address space can hold: an
 * oops describing an address must end even on broken bookkeeping.  The
 * others trust the tree, as every other walk in this file does, and save
 * the count: 3 instructions a level.  Interrupts off.
 */
static __always_inline struct vmap_area *__find_vmap_area(unsigned long addr, bool bounded)
{
	struct rb_node *node = vmap_area_root.rb_node;
	unsigned int depth = 0;

	while (node && (!bounded || depth++ < VA_TREE_MAX_DEPTH)) {
		struct vmap_area *va = rb_entry(node, struct vmap_area, rb_node);

		if (addr < va->va_start)
			node = node->rb_left;
		else if (addr >= va->va_end)
			node = node->rb_right;
		else
			return va;
	}
	return NULL;
}

// __find_vmap_area() for vfree(), vunmap(), find_vm_area()...
struct vmap_area *find_vmap_area_locked(unsigned long addr)
{
	return __find_vmap_area(addr, false);
}

// __find_vmap_area() for an oops or a report (vmalloc_describe()).
struct vmap_area *find_vmap_area_bounded_locked(unsigned long addr)
{
	return __find_vmap_area(addr, true);
}

/*
 * find_va_link - where @va goes in @root, a tree keyed by va_start: the
 * link to hang it on, and in *@parentp the node that link belongs to
 * (NULL for an empty tree).  Interrupts off.
 */
static struct rb_node **find_va_link(const struct vmap_area *va, struct rb_root *root,
				     struct rb_node **parentp)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (va->va_start < rb_entry(parent, struct vmap_area, rb_node)->va_start)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	*parentp = parent;
	return link;
}

/*
 * va_list_prev - the list entry after which a node hung at @link under
 * @parent belongs, in @head's address order.  A new leaf that is its
 * parent's right child has the parent as in-order predecessor (rb_prev);
 * a left child has it as successor (rb_next), so it goes just before it.
 */
static struct list_head *va_list_prev(struct rb_node *parent, struct rb_node **link,
				      struct list_head *head)
{
	if (!parent)
		return head;
	if (link == &parent->rb_right)
		return &rb_entry(parent, struct vmap_area, rb_node)->list;
	return rb_entry(parent, struct vmap_area, rb_node)->list.prev;
}

/*
 * insert_vmap_area - put busy area @va in vmap_area_root and vmap_area_list.
 * Interrupts off.
 *
 * First fit hands out addresses from the bottom up, so a new area often
 * lies above every busy one: then it hangs as the right child of the last
 * area on the (address-ordered) list, the tree's rightmost node, whose
 * right link is empty by definition.  That takes no descent of the tree:
 * each of test_vmalloc full_fit's 16384 set-up areas skips a descent of
 * 14 levels or more.  (unlikely() lays the descent out straight: a lone
 * vmalloc usually lands in a low hole, and the shortcut pays a jump.)
 */
static void insert_vmap_area(struct vmap_area *va)
{
	struct vmap_area *last = list_last_entry(&vmap_area_list, struct vmap_area, list);
	struct rb_node *parent, **link;

	if (unlikely(!list_empty(&vmap_area_list) && va->va_start > last->va_start)) {
		parent = &last->rb_node;
		link = &parent->rb_right;
	} else {
		link = find_va_link(va, &vmap_area_root, &parent);
	}
	rb_link_node(&va->rb_node, parent, link);
	rb_insert_color(&va->rb_node, &vmap_area_root);
	list_add(&va->list, va_list_prev(parent, link, &vmap_area_list));
	nr_vmap_areas++;
}

/*
 * grow_subtree_max - a free range of @size bytes is now in the subtree of
 * @node: a new range is about to hang below it, or @node's own range
 * grew.  Raise subtree_max_size from @node up to the first node that
 * already has @size or more; every node above that one has too.  Right
 * only when nothing in the subtree shrank.  Cheaper than the callbacks'
 * propagate, which recomputes each node from its two children: a merge
 * in test_vmalloc full_fit climbs 11 levels, at 5 instructions a level
 * here and 16 there.  Interrupts off.
 */
static __always_inline void grow_subtree_max(struct rb_node *node, unsigned long size)
{
	for (; node; node = rb_parent(node)) {
		struct vmap_area *va = rb_entry(node, struct vmap_area, rb_node);

		if (va->subtree_max_size >= size)
			break;		/* and so are all above it */
		va->subtree_max_size = size;
	}
}

/*
 * insert_free_vmap_area - hang free range @va at @link under @parent (from
 * find_va_link()) in the free tree and list.  As rbtree_augmented.h asks,
 * the path from the root down to @parent first learns of the new size.
 * Interrupts off.
 */
static void insert_free_vmap_area(struct vmap_area *va, struct rb_node *parent,
				  struct rb_node **link)
{
	va->subtree_max_size = va_size(va);
	grow_subtree_max(parent, va->subtree_max_size);
	rb_link_node(&va->rb_node, parent, link);
	rb_insert_augmented(&va->rb_node, &free_vmap_area_root, &free_vmap_area_rb_augment_cb);
	list_add(&va->list, va_list_prev(parent, link, &free_vmap_area_list));
	nr_free_vmap_areas++;
}

// Take free range @va out of the free tree and list.  Interrupts off.
static void erase_free_vmap_area(struct vmap_area *va)
{
	rb_erase_augmented(&va->rb_node, &free_vmap_area_root, &free_vmap_area_rb_augment_cb);
	list_del(&va->list);
	nr_free_vmap_areas--;
}

/*
 * va_fit - where @size bytes aligned to @align go in free range @va, if
 * they fit there and inside [@vstart, @vend): the lowest such address, in
 * *@addrp.
 */
static __always_inline bool va_fit(const struct vmap_area *va, unsigned long size,
				   unsigned long align, unsigned long vstart, unsigned long vend,
				   unsigned long *addrp)
{
	unsigned long lo = max(va->va_start, vstart), hi = min(va->va_end, vend);
	unsigned long addr = ALIGN(lo, align);

	if (addr < lo || addr >= hi || hi - addr < size)	/* wrapped, or too small */
		return false;
	*addrp = addr;
	return true;
}

/*
 * find_vmap_lowest_match - first fit: the free range of lowest address
 * that can hold @size bytes aligned to @align inside [@vstart, @vend).
 * Interrupts off.
 *
 * An in-order walk of the free tree that skips every subtree which cannot
 * hold a fit: one whose largest range (subtree_max_size) is below @size,
 * a left subtree when the node starts at or below @vstart (everything
 * there ends below it), a right subtree when the node ends at or above
 * @vend.  For a page-aligned request in the whole vmalloc area, a subtree
 * that is not skipped always holds a fit, so the walk is one descent:
 * O(log n).  A request aligned more strictly, or limited to a smaller
 * range, may also visit the few ranges that are big enough but lose too
 * much to the alignment or the bounds, then climbs back.
 *
 * Before any of that, the lowest free range (the list's first) is tried:
 * every other range lies above it, so if the request fits there, that is
 * the answer.  It often does: vmalloc() and vfree() of a temporary buffer
 * take and give back the same low hole (test_vmalloc full_fit does only
 * that, 8192 holes deep, and skips a descent of 13 levels).  A miss costs
 * a few instructions.
 *
 * Return: the free range, with the address in *@addrp; NULL if none fits.
 */
static struct vmap_area *find_vmap_lowest_match(unsigned long size, unsigned long align,
						unsigned long vstart, unsigned long vend,
						unsigned long *addrp)
{
	struct rb_node *node = free_vmap_area_root.rb_node, *parent;
	struct vmap_area *va;

	va = lowest_free_va();
	if (va && va_fit(va, size, align, vstart, vend, addrp))
		return va;
	while (node) {
		va = rb_entry(node, struct vmap_area, rb_node);
		/* Lower addresses first: the left subtree, if it may hold a fit. */
		if (get_subtree_max_size(node->rb_left) >= size && va->va_start > vstart) {
			node = node->rb_left;
			continue;
		}
		if (va_fit(va, size, align, vstart, vend, addrp))
			return va;
		if (get_subtree_max_size(node->rb_right) >= size && va->va_end < vend) {
			node = node->rb_right;
			continue;
		}
		/*
		 * Nothing fits in this subtree.  Climb to the first ancestor
		 * whose left subtree this was: try it, then its right subtree.
		 */
		for (;;) {
			parent = rb_parent(node);
			if (!parent)
				return NULL;
			if (parent->rb_left == node) {
				va = rb_entry(parent, struct vmap_area, rb_node);
				if (va_fit(va, size, align, vstart, vend, addrp))
					return va;
				if (get_subtree_max_size(parent->rb_right) >= size && va->va_end < vend) {
					node = parent->rb_right;
					break;
				}
			}
			node = parent;
		}
	}
	return NULL;
}

// Does taking [@addr, @addr + @size) out of free range @va leave two ranges?
static __always_inline bool splits_in_middle(const struct vmap_area *va, unsigned long addr,
					     unsigned long size)
{
	return addr != va->va_start && addr + size != va->va_end;
}

/*
 * clip_free_vmap_area - take [@addr, @addr + @size) out of free range @va,
 * which holds it.  Four cases:
 *
 *   fits exactly   the range goes: erased from the tree and the list
 *   left edge      what is left starts at @addr + @size
 *   right edge     what is left ends at @addr
 *   middle         @va keeps the left part; *@spare becomes the right
 *                  part, a new free range (*@spare is then NULL)
 *
 * A range that shrinks in place keeps its position among the others, so
 * only subtree_max_size on its path to the root changes.  Interrupts off.
 * Return: @va if it went away (for the caller to free), else NULL.
 */
static struct vmap_area *clip_free_vmap_area(struct vmap_area *va, unsigned long addr,
					     unsigned long size, struct vmap_area **spare)
{
	unsigned long end = addr + size;
	struct vmap_area *right;
	struct rb_node *parent, **link;

	if (addr == va->va_start && end == va->va_end) {
		erase_free_vmap_area(va);
		return va;
	}
	if (addr == va->va_start) {
		va->va_start = end;
	} else if (end == va->va_end) {
		va->va_end = addr;
	} else {
		right = *spare;
		*spare = NULL;
		right->va_start = end;
		right->va_end = va->va_end;
		va->va_end = addr;
		free_vmap_area_rb_augment_cb_propagate(&va->rb_node, NULL);
		link = find_va_link(right, &free_vmap_area_root, &parent);
		insert_free_vmap_area(right, parent, link);
		return NULL;
	}
	free_vmap_area_rb_augment_cb_propagate(&va->rb_node, NULL);
	return NULL;
}

/*
 * Which nodes survive.  Merging two or three ranges keeps one node and
 * frees the others; a request that takes a whole free range needs one node
 * where there were two.  The node kept is always the oldest.  So when
 * everything a workload allocated is freed again, every range is back in
 * the very node that held it before (all the workload's nodes are younger),
 * the vmap_area cache holds the same objects in the same slabs, and the
 * buddy allocator's free blocks come back exactly: "nothing lost" holds to
 * the page, not just to the count.
 */
static unsigned long vmap_area_serial;

// A node from the cache, stamped with its age.
static struct vmap_area *new_vmap_area(gfp_t gfp)
{
	struct vmap_area *va = kmem_cache_alloc(vmap_area_cachep, bookkeeping_gfp(gfp));

	if (va)
		va->age = ++vmap_area_serial;	/* a race only blurs the order */
	return va;
}

/*
 * keep_oldest_free - @kept is the free range that stays after a merge,
 * @dead[0..n-1] the nodes let go.  If one of them is older than @kept, it
 * takes @kept's place (same range, same subtree size, same position in
 * the tree and the list) and @kept is let go instead.  Interrupts off.
 */
static void keep_oldest_free(struct vmap_area *kept, struct vmap_area *dead[], unsigned int n)
{
	unsigned int i, oldest = n;

	for (i = 0; i < n; i++)
		if (dead[i]->age < (oldest < n ? dead[oldest]->age : kept->age))
			oldest = i;
	if (oldest == n)
		return;
	dead[oldest]->va_start = kept->va_start;
	dead[oldest]->va_end = kept->va_end;
	dead[oldest]->subtree_max_size = kept->subtree_max_size;
	rb_replace_node(&kept->rb_node, &dead[oldest]->rb_node, &free_vmap_area_root);
	list_replace(&kept->list, &dead[oldest]->list);
	dead[oldest] = kept;
}

/*
 * find_free_va_link - find_va_link() in the free tree, for the range of
 * busy area @va on its way back.  A range below every free range hangs as
 * the left child of the lowest one, the tree's leftmost node, whose left
 * link is empty by definition: no descent.  That is where a temporary
 * buffer goes back when first fit took it from the lowest hole (see
 * find_vmap_lowest_match()); test_vmalloc full_fit's loop skips a descent
 * of 13 levels each time.  Interrupts off.
 */
static struct rb_node **find_free_va_link(const struct vmap_area *va, struct rb_node **parentp)
{
	struct vmap_area *first = lowest_free_va();

	if (first && va->va_start < first->va_start) {
		*parentp = &first->rb_node;
		return &first->rb_node.rb_left;
	}
	return find_va_link(va, &free_vmap_area_root, parentp);
}

/*
 * merge_or_add_vmap_area - give the range of @va, just taken off the busy
 * tree, back to the free ranges.  It merges with a free neighbour that
 * touches it on either side (found in O(1) on the free list, next to
 * where the tree would hang @va), or else @va becomes a free range itself.
 * Interrupts off.
 * Return: how many nodes are no longer needed, in @dead[] (@va, and when
 * it joins both neighbours, the upper one too), for the caller to free.
 */
static unsigned int merge_or_add_vmap_area(struct vmap_area *va, struct vmap_area *dead[2])
{
	struct rb_node *parent, **link = find_free_va_link(va, &parent);
	struct list_head *before = va_list_prev(parent, link, &free_vmap_area_list);
	struct vmap_area *prev = NULL, *next = NULL, *kept;
	unsigned int n = 0;

	if (before != &free_vmap_area_list)
		prev = list_entry(before, struct vmap_area, list);
	if (before->next != &free_vmap_area_list)
		next = list_entry(before->next, struct vmap_area, list);
	if (prev && prev->va_end != va->va_start)
		prev = NULL;
	if (next && next->va_start != va->va_end)
		next = NULL;

	if (prev && next) {		/* prev takes in va and next */
		erase_free_vmap_area(next);
		prev->va_end = next->va_end;
		dead[n++] = next;
	} else if (prev) {
		prev->va_end = va->va_end;
	} else if (next) {		/* still between the same neighbours */
		next->va_start = va->va_start;
	} else {
		insert_free_vmap_area(va, parent, link);
		return 0;
	}
	kept = prev ? prev : next;	/* it only grew: */
	grow_subtree_max(&kept->rb_node, va_size(kept));
	dead[n++] = va;
	keep_oldest_free(kept, dead, n);
	return n;
}

/*
 * init_own_vm - the vm_struct in @va's node, for a new area that @vm
 * describes: its size, flags and caller, at the node's address, with no
 * pages yet.  Field by field: a struct copy is a loop here.
 * Return: the node's vm_struct, for va->vm.
 */
static inline struct vm_struct *init_own_vm(struct vmap_area *va, const struct vm_struct *vm)
{
	struct vm_struct *own = &va->own_vm;

	own->next = NULL;
	own->addr = (void *)va->va_start;
	own->size = vm->size;
	own->flags = vm->flags;
	own->pages = NULL;
	own->nr_pages = 0;
	own->caller = vm->caller;
	return own;
}

// The largest free range of the vmalloc area: the free tree's root knows.
unsigned long largest_free_locked(void)
{
	return get_subtree_max_size(free_vmap_area_root.rb_node);
}

/*
 * alloc_vmap_area - reserve @size bytes (guard page included) aligned to
 * @align in [@vstart, @vend) for @vm: the lowest address that fits (first
 * fit), carved out of its free range.  The size, flags and caller of @vm
 * (NULL for vm_map_ram) are copied into the node (init_own_vm()).
 * Return: the area, on the busy tree and list; ERR_PTR(-ENOMEM) if there
 * is no memory for the bookkeeping; ERR_PTR(-ENOSPC) if no free range is
 * big enough, with the largest there is in *@largest, for the caller's
 * WARNING (__get_vm_area_node).
 */
struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  unsigned long vstart, unsigned long vend, gfp_t gfp,
				  const struct vm_struct *vm, unsigned long *largest)
{
	struct vmap_area *va = new_vmap_area(gfp);
	struct vmap_area *free, *spare = NULL, *dead = NULL;
	unsigned long flags, addr = 0;

	if (!va)
		return ERR_PTR(-ENOMEM);
	for (;;) {
		local_irq_save(flags);
		free = find_vmap_lowest_match(size, align, vstart, vend, &addr);
		if (!free || spare || !splits_in_middle(free, addr, size))
			break;
		/*
		 * Cut from the middle of a range, which needs a second node.
		 * Allocate it with interrupts on, then search again: the
		 * ranges may have changed meanwhile.
		 */
		local_irq_restore(flags);
		spare = new_vmap_area(gfp);
		if (!spare) {
			kmem_cache_free(vmap_area_cachep, va);
			return ERR_PTR(-ENOMEM);
		}
	}
	if (free) {
		dead = clip_free_vmap_area(free, addr, size, &spare);
		if (dead && dead->age < va->age)	/* keep the older node */
			swap(dead, va);
		va->va_start = addr;
		va->va_end = addr + size;
		va->vm = vm ? init_own_vm(va, vm) : NULL;
		insert_vmap_area(va);
	}
	*largest = free ? 0 : largest_free_locked();
	local_irq_restore(flags);
	if (dead)
		kmem_cache_free(vmap_area_cachep, dead);
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	if (free)
		return va;
	kmem_cache_free(vmap_area_cachep, va);
	return ERR_PTR(-ENOSPC);
}

/*
 * unlink_vmap_area_locked - take @va off the busy tree and list, remember
 * it as freed, and give its range back to the free ranges.  Interrupts off.
 * Return: how many nodes to free, in @dead[] (see merge_or_add_vmap_area;
 * @va is not to be touched again unless it is one of them).
 */
unsigned int unlink_vmap_area_locked(struct vmap_area *va, struct vmap_area *dead[2])
{
	struct freed_area *f = &freed_areas[freed_next++ % NR_FREED_AREAS];

	rb_erase(&va->rb_node, &vmap_area_root);
	list_del(&va->list);
	nr_vmap_areas--;
	f->start = va->va_start;
	f->end = va->va_end;
	f->caller = va->vm ? va->vm->caller : NULL;
	return merge_or_add_vmap_area(va, dead);
}

// The most recently freed area that covered @addr, or NULL.  Interrupts off.
const struct freed_area *find_freed_locked(unsigned long addr)
{
	unsigned int i;

	for (i = 1; i <= NR_FREED_AREAS; i++) {
		const struct freed_area *f = &freed_areas[(freed_next - i) % NR_FREED_AREAS];

		if (f->end && addr >= f->start && addr < f->end)
			return f;
	}
	return NULL;
}

// Free the nodes unlink_vmap_area_locked() let go of (interrupts on).
void free_vmap_areas(struct vmap_area *dead[], unsigned int n)
{
	while (n)
		kmem_cache_free(vmap_area_cachep, dead[--n]);
}

/*
 * vmap_area_init - the cache for struct vmap_area, and the first free
 * range: the whole vmalloc area.  For vmalloc_init(), after
 * kmem_cache_init(), and after the boot parameters have fixed
 * VMALLOC_START.
 */
void __init vmap_area_init(void)
{
	struct vmap_area *va;
	struct rb_node *parent, **link;

	vmap_area_cachep = kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0,
					     SLAB_PANIC, NULL);
	va = new_vmap_area(GFP_KERNEL);
	if (!va)
		panic("vmap_area_init: no memory for the first free range");
	va->va_start = VMALLOC_START;
	va->va_end = VMALLOC_END;
	link = find_va_link(va, &free_vmap_area_root, &parent);
	insert_free_vmap_area(va, parent, link);
}

/* ---------------------------------------------------------------------
 * vmalloc_check: the bookkeeping, verified from scratch
 */

#define CHECK_REPORTS	8

// Count a problem; print the first few.
#define check_fail(errors, fmt, ...) do {					\
	if ((*(errors))++ < CHECK_REPORTS)					\
		pr_err("vmalloc_check: " fmt "\n", ##__VA_ARGS__);		\
} while (0)

/*
 * check_tree_and_list - the areas of @root in key order are those of
 * @head, @nr of them, each a page-aligned non-empty range; for the free
 * tree (@free), each subtree_max_size is the largest of its own size and
 * its children's; for the busy one, each area's vm_struct is in its node
 * and says the same range.  Interrupts off.
 */
static void check_tree_and_list(const char *what, struct rb_root *root, struct list_head *head,
				unsigned long nr, bool free, int *errors)
{
	struct rb_node *node = rb_first(root);
	unsigned long n = 0, max;
	struct vmap_area *va;

	list_for_each_entry(va, head, list) {
		if (n++ >= nr) {
			check_fail(errors, "%s list: more than the %lu areas counted", what, nr);
			return;
		}
		if (node != &va->rb_node) {
			check_fail(errors, "%s list and tree differ at 0x%08lx", what, va->va_start);
			return;
		}
		if (va->va_start >= va->va_end || (va->va_start | va->va_end) & ~PAGE_MASK)
			check_fail(errors, "%s range 0x%08lx-0x%08lx is empty or not page-aligned",
				   what, va->va_start, va->va_end);
		if (free) {
			max = max(va_size(va), get_subtree_max_size(node->rb_left));
			max = max(max, get_subtree_max_size(node->rb_right));
			if (va->subtree_max_size != max)
				check_fail(errors, "free range 0x%08lx-0x%08lx: subtree_max_size %lu, not %lu",
					   va->va_start, va->va_end, va->subtree_max_size, max);
		} else if (!va->vm) {
			/* vm_map_ram(): a range with no vm_struct */
		} else if (va->vm != &va->own_vm) {
			check_fail(errors, "busy area 0x%08lx-0x%08lx: its vm_struct is not in its node",
				   va->va_start, va->va_end);
		} else if (va->vm->size != va_size(va) ||
			   ((unsigned long)va->vm->addr != va->va_start &&
			    !(va->vm->flags & VM_UNINITIALIZED))) {
			check_fail(errors, "busy area 0x%08lx-0x%08lx: its vm_struct says otherwise",
				   va->va_start, va->va_end);
		}
		node = rb_next(node);
	}
	if (node)
		check_fail(errors, "%s tree: more areas than on the list", what);
	if (n != nr)
		check_fail(errors, "%s list: %lu areas, %lu counted", what, n, nr);
}

/**
 * vmalloc_check - check the vmalloc area's bookkeeping from scratch
 *
 * The invariants at the top of this file: both trees agree with their
 * lists and counts; busy areas and free ranges tile [VMALLOC_START,
 * VMALLOC_END) exactly, with no two free ranges touching; every
 * subtree_max_size is right.  O(n); for tests.  The first few problems are
 * printed.
 * Return: the number of problems, 0 if none.
 */
int vmalloc_check(void)
{
	struct list_head *b, *f;
	unsigned long flags, addr = VMALLOC_START, n = 0;
	bool last_free = false;
	int errors = 0;

	local_irq_save(flags);
	check_tree_and_list("busy", &vmap_area_root, &vmap_area_list, nr_vmap_areas, false,
			    &errors);
	check_tree_and_list("free", &free_vmap_area_root, &free_vmap_area_list,
			    nr_free_vmap_areas, true, &errors);
	if (largest_free_locked() == 0 && nr_free_vmap_areas)
		check_fail(&errors, "free ranges, but a largest free range of 0 bytes");
	/* Merge the two address-ordered lists: each range starts where the last ended. */
	b = vmap_area_list.next;
	f = free_vmap_area_list.next;
	while (!errors && (b != &vmap_area_list || f != &free_vmap_area_list)) {
		struct vmap_area *vb = list_entry(b, struct vmap_area, list);
		struct vmap_area *vf = list_entry(f, struct vmap_area, list);
		bool free = b == &vmap_area_list ||
			    (f != &free_vmap_area_list && vf->va_start < vb->va_start);
		struct vmap_area *va = free ? vf : vb;

		if (n++ > nr_vmap_areas + nr_free_vmap_areas)
			break;
		if (va->va_start != addr)
			check_fail(&errors, "%s 0x%08lx-0x%08lx after 0x%08lx: %s", free ? "free range" :
				   "busy area", va->va_start, va->va_end, addr,
				   va->va_start > addr ? "a gap" : "an overlap");
		else if (free && last_free)
			check_fail(&errors, "free ranges touch at 0x%08lx: not merged", addr);
		addr = va->va_end;
		last_free = free;
		if (free)
			f = f->next;
		else
			b = b->next;
	}
	if (!errors && addr != VMALLOC_END)
		check_fail(&errors, "the ranges end at 0x%08lx, not at VMALLOC_END 0x%08lx", addr,
			   VMALLOC_END);
	local_irq_restore(flags);
	return errors;
}
