// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmalloc.c - virtually contiguous memory: vmalloc, vfree, vmap, vunmap.
 *
 * Seed 003: "vmalloc申请的内存则位于vmalloc_start～vmalloc_end之间，与物理地址没有
 * 简单的转换关系，虽然在逻辑上它们也是连续的，但是在物理上它们不要求连续".  This
 * file is that sentence.  vmalloc(size):
 *
 *   1. finds a free range of addresses in [VMALLOC_START, VMALLOC_END),
 *      big enough for the request plus one guard page;
 *   2. takes the pages one by one from the buddy allocator, from any zone
 *      (GFP_KERNEL | __GFP_HIGHMEM: HighMem first, lowmem is precious),
 *      so they are wherever the allocator had them: not contiguous;
 *   3. writes one PTE per page in swapper_pg_dir, so the CPU sees them
 *      side by side.  The guard page's PTE stays empty: one byte too far
 *      faults, and the oops names the area whose guard page it was.
 *
 * So vmalloc is not "based on slab" (seed 002 says it is): its memory is
 * whole pages from the buddy allocator; only its bookkeeping (struct
 * vmap_area, struct vm_struct, the pages[] array) comes from kmalloc.  And
 * it costs more than kmalloc (seed 002's point): a search, one page
 * allocation and one PTE per page, a TLB flush on vfree, and one TLB entry
 * per 4 KB where lowmem is reached through the same few entries.
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
 *
 * Page tables.  The vmalloc area gets its page tables on demand: the first
 * PTE in a 4 MB range allocates a lowmem page for its page table (counted
 * in NR_PAGETABLE), and it is never freed, as in Linux.  All kernel
 * mappings live in swapper_pg_dir, the one page directory mm386 has (no
 * processes, no per-process copies of the kernel's PDEs), so a PDE made
 * here is seen at once by everyone: no vmalloc_fault() to copy it into
 * another page directory, as 32-bit Linux without PAE needs.
 *
 * vfree() clears the PTEs, flushes the TLB for the range at once (Linux
 * batches this: lazily freed areas are purged together), gives the range
 * back to the free ranges and the pages back to the buddy allocator.  A bad
 * vfree() (an address vmalloc never returned, the middle of an area, an
 * area already freed) is reported with a WARNING and changes nothing.
 *
 * Context.  vmalloc(), vmap() and vfree() may sleep, as seed 000 says:
 * from an interrupt, might_sleep() reports "BUG: sleeping function called
 * from invalid context", and then the work is done without sleeping (all
 * tree, list and page-table changes are made with interrupts off, for
 * exactly such calls).  Linux since 3.10 quietly accepts vfree() in an
 * interrupt by deferring the work to a workqueue (__vfree_deferred); mm386
 * has no workqueues and keeps the older, stricter rule (docs/vmalloc.md).
 *
 * dump=vmallocinfo prints the areas in /proc/vmallocinfo's format.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/list.h>
#include <linux/rbtree_augmented.h>
#include <linux/bitops.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/export.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <mm386/crash.h>
#include <mm386/dump.h>

/*
 * The entry points are noinline: they name their caller with
 * __builtin_return_address(0), which must be the caller's code, also when
 * the caller is in this file (the crash types below).
 *
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
static LIST_HEAD(vmap_area_list);
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
static struct freed_area {
	unsigned long start, end;
	const void *caller;
} freed_areas[NR_FREED_AREAS];
static unsigned int freed_next;

/* Flags for the bookkeeping (kmalloc) and for page tables: lowmem, no zeroing. */
static inline gfp_t bookkeeping_gfp(gfp_t gfp)
{
	return gfp & ~(GFP_ZONEMASK | __GFP_ZERO | __GFP_COMP);
}

/*
 * context_gfp - @gfp as the work below may use it.  A caller that may not
 * sleep has just been reported by might_sleep(); go on without sleeping
 * (as GFP_NOWAIT would), so that each allocation below does not report the
 * same mistake again.
 */
static gfp_t context_gfp(gfp_t gfp)
{
	if (system_state == SYSTEM_RUNNING && (preempt_count() || irqs_disabled()))
		return gfp & ~__GFP_DIRECT_RECLAIM;
	return gfp;
}

static const char *vm_kind(unsigned long flags)
{
	if (flags & VM_ALLOC)
		return "vmalloc";
	if (flags & VM_MAP)
		return "vmap";
	if (flags & VM_IOREMAP)
		return "ioremap";
	return "reserved";
}

// "0x...-0x... (N bytes) from caller+0x../0x..": how reports name an area.
static int format_area(char *buf, size_t size, unsigned long start, unsigned long end,
		       const void *caller)
{
	return scnprintf(buf, size, "0x%08lx-0x%08lx (%lu bytes) from %pS", start, end,
			 end - start, caller);
}

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

/*
 * free_vmap_area_rb_augment_cb: the callbacks that keep subtree_max_size
 * right through rotations and erasures, and
 * free_vmap_area_rb_augment_cb_propagate(), for a range that grew or shrank
 * in place.
 */
RB_DECLARE_CALLBACKS_MAX(static, free_vmap_area_rb_augment_cb, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, va_size);

/*
 * find_vmap_area_locked - the busy area with va_start <= @addr < va_end
 * (guard page included), or NULL: one descent of vmap_area_root, O(log n).
 * Interrupts off.
 */
static struct vmap_area *find_vmap_area_locked(unsigned long addr)
{
	struct rb_node *node = vmap_area_root.rb_node;
	unsigned int depth;

	for (depth = 0; node && depth < VA_TREE_MAX_DEPTH; depth++) {
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

// Put busy area @va in vmap_area_root and vmap_area_list.  Interrupts off.
static void insert_vmap_area(struct vmap_area *va)
{
	struct rb_node *parent, **link = find_va_link(va, &vmap_area_root, &parent);

	rb_link_node(&va->rb_node, parent, link);
	rb_insert_color(&va->rb_node, &vmap_area_root);
	list_add(&va->list, va_list_prev(parent, link, &vmap_area_list));
	nr_vmap_areas++;
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
	struct rb_node *node;

	va->subtree_max_size = va_size(va);
	for (node = parent; node; node = rb_parent(node)) {
		struct vmap_area *above = rb_entry(node, struct vmap_area, rb_node);

		if (above->subtree_max_size >= va->subtree_max_size)
			break;		/* and so are all above it */
		above->subtree_max_size = va->subtree_max_size;
	}
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
 * Return: the free range, with the address in *@addrp; NULL if none fits.
 */
static struct vmap_area *find_vmap_lowest_match(unsigned long size, unsigned long align,
						unsigned long vstart, unsigned long vend,
						unsigned long *addrp)
{
	struct rb_node *node = free_vmap_area_root.rb_node, *parent;
	struct vmap_area *va;

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
	struct rb_node *parent, **link = find_va_link(va, &free_vmap_area_root, &parent);
	struct list_head *before = va_list_prev(parent, link, &free_vmap_area_list);
	struct vmap_area *prev = NULL, *next = NULL;
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
	free_vmap_area_rb_augment_cb_propagate(prev ? &prev->rb_node : &next->rb_node, NULL);
	dead[n++] = va;
	return n;
}

// The largest free range of the vmalloc area: the free tree's root knows.
static unsigned long largest_free_locked(void)
{
	return get_subtree_max_size(free_vmap_area_root.rb_node);
}

/*
 * alloc_vmap_area - reserve @size bytes (guard page included) aligned to
 * @align in [@vstart, @vend) for @vm: the lowest address that fits (first
 * fit), carved out of its free range.  No space is reported with a
 * WARNING (unless __GFP_NOWARN), naming the size.
 * Return: the area, on the busy tree and list; NULL if there is no memory
 * for the bookkeeping or no free range big enough.
 */
static struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
					 unsigned long vstart, unsigned long vend, gfp_t gfp,
					 struct vm_struct *vm)
{
	struct vmap_area *va = kmem_cache_alloc(vmap_area_cachep, bookkeeping_gfp(gfp));
	struct vmap_area *free, *spare = NULL, *dead = NULL;
	unsigned long flags, addr = 0, largest;

	if (!va)
		return NULL;
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
		spare = kmem_cache_alloc(vmap_area_cachep, bookkeeping_gfp(gfp));
		if (!spare) {
			kmem_cache_free(vmap_area_cachep, va);
			return NULL;
		}
	}
	if (free) {
		dead = clip_free_vmap_area(free, addr, size, &spare);
		va->va_start = addr;
		va->va_end = addr + size;
		va->vm = vm;
		insert_vmap_area(va);
	}
	largest = free ? 0 : largest_free_locked();
	local_irq_restore(flags);
	if (dead)
		kmem_cache_free(vmap_area_cachep, dead);
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	if (free)
		return va;
	kmem_cache_free(vmap_area_cachep, va);
	WARN(!(gfp & __GFP_NOWARN),
	     "vmap allocation for size %lu (from %pS) failed: use vmalloc=<size> to increase size (largest free range %lu bytes)\n",
	     size, vm->caller, largest);
	return NULL;
}

/*
 * unlink_vmap_area_locked - take @va off the busy tree and list, remember
 * it as freed, and give its range back to the free ranges.  Interrupts off.
 * Return: how many nodes to free, in @dead[] (see merge_or_add_vmap_area;
 * @va is not to be touched again unless it is one of them).
 */
static unsigned int unlink_vmap_area_locked(struct vmap_area *va, struct vmap_area *dead[2])
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
static const struct freed_area *find_freed_locked(unsigned long addr)
{
	unsigned int i;

	for (i = 1; i <= NR_FREED_AREAS; i++) {
		const struct freed_area *f = &freed_areas[(freed_next - i) % NR_FREED_AREAS];

		if (f->end && addr >= f->start && addr < f->end)
			return f;
	}
	return NULL;
}

/* ---------------------------------------------------------------------
 * Page tables: mapping and unmapping ranges
 */

/*
 * vmap_pte_alloc - the PTE for vmalloc address @addr; its page table is
 * allocated (a zeroed lowmem page) if the 4 MB around @addr has none yet.
 * Return: the PTE, or NULL when no page could be had for the table.
 */
static pte_t *vmap_pte_alloc(unsigned long addr, gfp_t gfp, bool *made)
{
	pgd_t *pgd = pgd_offset_k(addr);
	struct page *table;
	unsigned long flags;

	if (pgd_present(READ_ONCE(*pgd)))
		return pte_offset_kernel(pgd, addr);
	table = alloc_page(bookkeeping_gfp(gfp) | __GFP_ZERO);
	if (!table)
		return NULL;
	local_irq_save(flags);
	if (!pgd_present(*pgd)) {	/* an interrupt may have made it meanwhile */
		pgd_populate_kernel(pgd, page_address(table));
		mod_vm_stat(NR_PAGETABLE, 1);
		table = NULL;
		if (made)
			*made = true;
	}
	local_irq_restore(flags);
	if (table)
		__free_page(table);
	return pte_offset_kernel(pgd, addr);
}

/*
 * vmap_pages_range - map @pages[0..@nr-1] at @addr, @addr + PAGE_SIZE, ...
 * The range must be a reserved area whose PTEs are all empty: a PTE that
 * is already present means the bookkeeping is broken, and is reported.
 * Return: 0; -ENOMEM (no page table) or -EBUSY; the caller then unmaps.
 */
static int vmap_pages_range(unsigned long addr, struct page **pages, unsigned int nr,
			    pgprot_t prot, gfp_t gfp)
{
	unsigned int i;

	pte_t *pte = NULL;

	for (i = 0; i < nr; i++, addr += PAGE_SIZE, pte++) {
		/* One page-table lookup per 4 MB, then the next PTE is adjacent. */
		if (!pte || !(addr & ~PMD_MASK)) {
			pte = vmap_pte_alloc(addr, gfp, NULL);
			if (!pte)
				return -ENOMEM;
		}
		if (WARN(!pte_none(*pte), "vmap: the PTE for 0x%08lx already maps pfn %#lx\n",
			 addr, pte_pfn(*pte)))
			return -EBUSY;
		set_pte(pte, pfn_pte(page_to_pfn(pages[i]), prot));
	}
	return 0;
}

/*
 * vunmap_range - clear every PTE in [@start, @end) and flush the TLB for
 * the range, so that no CPU can still reach the pages through it.  4 MB
 * ranges with no page table have nothing to clear.
 */
static void vunmap_range(unsigned long start, unsigned long end)
{
	unsigned long addr = start;

	while (addr < end) {
		pgd_t *pgd = pgd_offset_k(addr);
		unsigned long next = (addr & PMD_MASK) + PMD_SIZE;	/* this 4 MB's end */
		pte_t *pte;

		if (!next || next > end)
			next = end;
		if (pgd_present(*pgd))
			for (pte = pte_offset_kernel(pgd, addr); addr < next; addr += PAGE_SIZE)
				pte_clear(pte++);
		addr = next;
	}
	flush_tlb_kernel_range(start, end);
}

/**
 * vmalloc_populate_page_tables - make every page table of the vmalloc area
 *
 * Page tables are made on first use and then kept for good, so a test that
 * wants to see every page come back ("nothing lost") makes them all first.
 * Return: how many page tables were allocated now, or -ENOMEM.
 */
int vmalloc_populate_page_tables(void)
{
	unsigned long addr;
	int made = 0;

	for (addr = VMALLOC_START & PMD_MASK; addr < VMALLOC_END; addr += PMD_SIZE) {
		bool new = false;

		if (!vmap_pte_alloc(max(addr, VMALLOC_START), GFP_KERNEL, &new))
			return -ENOMEM;
		made += new;
		if (addr + PMD_SIZE < addr)
			break;
	}
	return made;
}

/* ---------------------------------------------------------------------
 * vm_struct: areas with a purpose
 */

/**
 * __get_vm_area_node - reserve an area of the vmalloc address space
 * @size: usable bytes (rounded up to pages); a guard page is added unless
 *        @flags has VM_NO_GUARD
 * @align: alignment of the start, a power of two (at least a page is used)
 * @flags: VM_ALLOC, VM_MAP, VM_IOREMAP...
 * @start: lowest address the area may use
 * @end: the area must end at or below this (only the part of [@start,
 *       @end) inside [VMALLOC_START, VMALLOC_END) is ever used)
 * @gfp: for the bookkeeping
 * @caller: who asks, for vmallocinfo and reports
 *
 * Nothing is mapped yet.  Running out of address space is reported with a
 * WARNING naming the size.
 * Return: the area, or NULL.
 */
struct vm_struct *__get_vm_area_node(unsigned long size, unsigned long align,
				     unsigned long flags, unsigned long start,
				     unsigned long end, gfp_t gfp, const void *caller)
{
	unsigned long full = PAGE_ALIGN(size);
	struct vmap_area *va;
	struct vm_struct *vm;

	if (!(flags & VM_NO_GUARD))
		full += PAGE_SIZE;
	if (WARN(!size || full < size || !is_power_of_2(align),
		 "__get_vm_area_node: size %lu, align %#lx (from %pS): refused\n",
		 size, align, caller))
		return NULL;
	align = max(align, PAGE_SIZE);
	vm = kzalloc(sizeof(*vm), bookkeeping_gfp(gfp));
	if (!vm)
		return NULL;
	vm->flags = flags;
	vm->size = full;
	vm->caller = caller;
	va = alloc_vmap_area(full, align, start, end, gfp, vm);
	if (!va) {
		kfree(vm);
		return NULL;
	}
	vm->addr = (void *)va->va_start;
	return vm;
}

/* get_vm_area_caller - reserve @size bytes anywhere in the vmalloc area. */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area_node(size, 1, flags, VMALLOC_START, VMALLOC_END,
				  context_gfp(GFP_KERNEL), caller);
}

/* get_vm_area - reserve @size bytes anywhere in the vmalloc area. */
noinline struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return get_vm_area_caller(size, flags, __builtin_return_address(0));
}

/**
 * find_vm_area - the area that starts at @addr
 * @addr: an address vmalloc(), vmap() or get_vm_area() returned
 *
 * Return: its vm_struct, or NULL if no area starts exactly there.
 */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *vm = NULL;
	struct vmap_area *va;
	unsigned long flags;

	local_irq_save(flags);
	va = find_vmap_area_locked((unsigned long)addr);
	if (va && va->va_start == (unsigned long)addr)
		vm = va->vm;
	local_irq_restore(flags);
	return vm;
}

/* What remove_vm_area() found at an address it was asked to remove. */
struct vm_lookup {
	unsigned long start, end, usable;
	unsigned long flags;
	const void *caller;
	bool inside, freed;
};

/*
 * remove_vm_area_checked - unmap the area that starts at @addr and give
 * its range back to the free ranges, unless its kind is in @refuse.
 * Interrupts are off from the lookup to the unlink, so nobody can be given
 * the range while its PTEs are still there.
 * Return: the area's vm_struct (pages and struct still to be freed by the
 * caller); NULL with *@l saying what is at @addr instead.
 */
static struct vm_struct *remove_vm_area_checked(unsigned long addr, unsigned long refuse,
						struct vm_lookup *l)
{
	struct vmap_area *va, *dead[2];
	struct vm_struct *vm = NULL;
	unsigned int n = 0;
	unsigned long flags;

	*l = (struct vm_lookup){ 0 };
	if (!is_vmalloc_addr((void *)addr))
		return NULL;
	local_irq_save(flags);
	va = find_vmap_area_locked(addr);
	if (va && va->vm) {
		l->inside = true;
		l->start = va->va_start;
		l->end = va->va_end;
		l->usable = get_vm_area_size(va->vm);
		l->flags = va->vm->flags;
		l->caller = va->vm->caller;
		if (va->va_start == addr && !(va->vm->flags & (refuse | VM_UNINITIALIZED))) {
			vm = va->vm;
			vunmap_range(va->va_start, va->va_start + l->usable);
			n = unlink_vmap_area_locked(va, dead);
		}
	} else if (!va) {
		const struct freed_area *f = find_freed_locked(addr);

		if (f) {
			l->freed = true;
			l->start = f->start;
			l->end = f->end;
			l->caller = f->caller;
		}
	}
	local_irq_restore(flags);
	while (n)
		kmem_cache_free(vmap_area_cachep, dead[--n]);
	return vm;
}

/*
 * explain_bad_free - the WARNING's text when @func (vfree, vunmap,
 * free_vm_area), called from @caller, found no area it may remove at
 * @addr: Linux's "Trying to vfree() nonexistent vm area (addr)" words,
 * then what @addr is instead.
 */
static void explain_bad_free(char *buf, size_t size, const char *func, unsigned long addr,
			     const void *caller, const struct vm_lookup *l)
{
	bool vaddr = is_vmalloc_addr((void *)addr);
	char area[128], where[128];
	int n;

	n = scnprintf(buf, size, "Trying to %s() %s (0x%08lx) from %pS: ", func,
		      !vaddr || l->inside ? "bad address" : "nonexistent vm area", addr, caller);
	format_area(area, sizeof(area), l->start, l->end, l->caller);
	if (!vaddr) {
		describe_address(addr, where, sizeof(where));
		scnprintf(buf + n, size - n, "not a vmalloc address: it is in %s", where);
	} else if (l->inside && addr == l->start) {
		scnprintf(buf + n, size - n, "%s area %s: %s", vm_kind(l->flags), area,
			  (l->flags & VM_UNINITIALIZED) ? "still being set up; refused" :
			  "made by vmalloc(), free it with vfree(); refused");
	} else if (l->inside && addr >= l->start + l->usable) {
		scnprintf(buf + n, size - n, "the guard page of %s area %s, not its start",
			  vm_kind(l->flags), area);
	} else if (l->inside) {
		scnprintf(buf + n, size - n, "%lu bytes into %s area %s, not its start",
			  addr - l->start, vm_kind(l->flags), area);
	} else if (l->freed) {
		scnprintf(buf + n, size - n, "already freed: area %s was freed", area);
	} else {
		scnprintf(buf + n, size - n, "no area there (free vmalloc space)");
	}
}

/* Give back what a VM_ALLOC area owns: its pages and its pages[] array. */
static void vm_free_pages(struct vm_struct *vm)
{
	unsigned int i;

	for (i = 0; i < vm->nr_pages; i++)
		__free_page(vm->pages[i]);
	mod_vm_stat(NR_VMALLOC, -(long)vm->nr_pages);
	if (is_vmalloc_addr(vm->pages))
		vfree(vm->pages);
	else
		kfree(vm->pages);
}

/**
 * free_vm_area - remove an area made by get_vm_area() and free its struct
 * @area: the area (its mappings go; the pages, if any, are the caller's)
 */
noinline void free_vm_area(struct vm_struct *area)
{
	struct vm_lookup l;
	struct vm_struct *vm;
	char why[320];

	vm = remove_vm_area_checked((unsigned long)area->addr, 0, &l);
	if (vm == area) {
		kfree(vm);
		return;
	}
	explain_bad_free(why, sizeof(why), "free_vm_area", (unsigned long)area->addr,
			 __builtin_return_address(0), &l);
	WARN(1, "%s\n", why);
}

/* ---------------------------------------------------------------------
 * vmalloc and vfree
 */

/*
 * compact_pages_array - move the pages a short bulk allocation got to the
 * front of @pages[0..@nr-1], in order, so that pages[0..nr_pages-1] is
 * exactly what there is to free: a page after a slot left empty is not
 * lost.
 */
static void compact_pages_array(struct page **pages, unsigned int nr)
{
	unsigned int i, got = 0;

	for (i = 0; i < nr; i++) {
		struct page *page = pages[i];

		pages[i] = NULL;
		if (page)
			pages[got++] = page;
	}
}

/*
 * vmalloc_area_pages - fill @area with pages and map them.  On failure,
 * whatever was taken is still recorded in @area (pages[], nr_pages), for
 * the caller to free.
 */
static int vmalloc_area_pages(struct vm_struct *area, gfp_t gfp, pgprot_t prot)
{
	unsigned int nr = get_vm_area_size(area) >> PAGE_SHIFT, i;
	unsigned long array_size = (unsigned long)nr * sizeof(struct page *);
	char mode[96];

	/* Like Linux: an array bigger than a page is itself vmalloc memory. */
	if (array_size > PAGE_SIZE)
		area->pages = __vmalloc_node_range(array_size, 1, VMALLOC_START, VMALLOC_END,
						   bookkeeping_gfp(gfp) | __GFP_ZERO, PAGE_KERNEL, 0,
						   area->caller);
	else
		area->pages = kzalloc(array_size, bookkeeping_gfp(gfp));
	if (!area->pages) {
		pr_warn("vmalloc error: size %lu, failed to allocate the page array (%lu bytes)\n",
			get_vm_area_size(area), array_size);
		return -ENOMEM;
	}
	/* One bulk request; the array is zeroed, so all slots are to fill. */
	i = alloc_pages_bulk_array(gfp | __GFP_NOWARN, nr, area->pages);
	if (unlikely(i < nr))
		compact_pages_array(area->pages, nr);
	area->nr_pages = i;
	mod_vm_stat(NR_VMALLOC, i);
	if (i < nr) {
		format_gfp(mode, sizeof(mode), gfp);
		pr_warn("vmalloc error: size %lu, failed to allocate pages (got %u of %u), mode:%#x(%s); freeing them\n",
			get_vm_area_size(area), i, nr, gfp, mode);
		return -ENOMEM;
	}
	if (vmap_pages_range((unsigned long)area->addr, area->pages, nr, prot, gfp)) {
		pr_warn("vmalloc error: size %lu, failed to map pages\n", get_vm_area_size(area));
		return -ENOMEM;
	}
	return 0;
}

/**
 * __vmalloc_node_range - allocate virtually contiguous memory, in detail
 * @size: bytes (rounded up to whole pages)
 * @align: alignment of the start (a power of two)
 * @start: lowest address the area may use (VMALLOC_START for vmalloc)
 * @end: the area must end at or below this (VMALLOC_END)
 * @gfp: for the pages: GFP_KERNEL | __GFP_HIGHMEM, | __GFP_ZERO...
 * @prot: the PTE protection, PAGE_KERNEL
 * @vm_flags: more VM_* flags for the area (VM_ALLOC is implied)
 * @caller: shown in vmallocinfo and in reports: the module loader passes
 *          its own caller here, so module memory shows who loaded it
 *
 * Linux's signature has a NUMA node too; mm386 has one node.  Size 0, a
 * size above all of RAM, or no room in [@start, @end) gives a WARNING and
 * NULL.  If pages run out half way, what was taken is given back.
 * Return: the address of the memory, or NULL.
 */
void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp, pgprot_t prot, unsigned long vm_flags,
			   const void *caller)
{
	struct vm_struct *area;
	struct vm_lookup l;

	if (gfpflags_allow_blocking(gfp))
		might_sleep();
	gfp = context_gfp(gfp);
	if (WARN(!size, "vmalloc: size 0 (from %pS): returning NULL\n", caller))
		return NULL;
	if (WARN(PAGE_ALIGN(size) < size || (PAGE_ALIGN(size) >> PAGE_SHIFT) > totalram_pages(),
		 "vmalloc: size %lu (from %pS) exceeds total pages (%lu): returning NULL\n",
		 size, caller, totalram_pages()))
		return NULL;
	area = __get_vm_area_node(size, align, VM_ALLOC | VM_UNINITIALIZED | vm_flags, start, end,
				  gfp, caller);
	if (!area)
		return NULL;
	if (vmalloc_area_pages(area, gfp, prot)) {
		/* Take the area away with what it got (not refusing VM_UNINITIALIZED). */
		area->flags &= ~VM_UNINITIALIZED;
		if (remove_vm_area_checked((unsigned long)area->addr, 0, &l) == area) {
			if (area->pages)
				vm_free_pages(area);
			kfree(area);
		}
		return NULL;
	}
	barrier();	/* everything is mapped before vmallocinfo may show it */
	area->flags &= ~VM_UNINITIALIZED;
	return area->addr;
}

/**
 * __vmalloc - vmalloc() with GFP flags of the caller's choice
 * @size: bytes
 * @gfp: e.g. GFP_KERNEL | __GFP_ZERO; __GFP_HIGHMEM is added, as the pages
 *       are only ever reached through the vmalloc mapping
 */
noinline void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END, gfp | __GFP_HIGHMEM,
				    PAGE_KERNEL, 0, __builtin_return_address(0));
}
EXPORT_SYMBOL(__vmalloc);

/**
 * vmalloc - allocate virtually contiguous memory
 * @size: bytes; rounded up to whole pages, plus one guard page of address
 *        space that stays unmapped
 *
 * The pages come one at a time from the buddy allocator, HighMem first,
 * and need not be physically contiguous: no DMA, no virt_to_phys().  May
 * sleep: not in interrupt context.
 * Return: the memory, or NULL (with a WARNING for size 0 and for sizes the
 * vmalloc area or RAM cannot hold).
 */
noinline void *vmalloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_HIGHMEM, PAGE_KERNEL, 0,
				    __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc);

/* vzalloc - vmalloc() of zeroed memory (seed 001's vzalloc). */
noinline void *vzalloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO, PAGE_KERNEL, 0,
				    __builtin_return_address(0));
}
EXPORT_SYMBOL(vzalloc);

/**
 * vfree - free memory from vmalloc()
 * @addr: what vmalloc() returned; NULL does nothing
 *
 * Unmaps the area, flushes the TLB for it, and gives its pages back to the
 * buddy allocator; the address range can then be reused.  The area of a
 * vmap() is only unmapped: its pages belong to the caller (as in Linux).
 * An address that is not the start of a live area (a kmalloc pointer, the
 * middle of an area, an area already freed) is reported with a WARNING
 * and nothing is changed.  May sleep: in interrupt context it is reported
 * (then done anyway).
 */
noinline void vfree(const void *addr)
{
	struct vm_struct *vm;
	struct vm_lookup l;
	char why[320];

	if (!addr)
		return;
	might_sleep();
	vm = remove_vm_area_checked((unsigned long)addr, 0, &l);
	if (unlikely(!vm)) {
		explain_bad_free(why, sizeof(why), "vfree", (unsigned long)addr,
				 __builtin_return_address(0), &l);
		WARN(1, "%s\n", why);
		return;
	}
	if (vm->flags & VM_ALLOC)
		vm_free_pages(vm);
	kfree(vm);
}
EXPORT_SYMBOL(vfree);

/* ---------------------------------------------------------------------
 * vmap and vunmap
 */

/**
 * vmap - map pages the caller already has at consecutive addresses
 * @pages: @count pages (any zone: HighMem pages get an address this way)
 * @count: how many
 * @flags: VM_* flags (VM_MAP is implied)
 * @prot: PAGE_KERNEL
 *
 * May sleep.  The pages stay the caller's: vunmap() takes the mapping away
 * and the caller frees them.
 * Return: the address of the first page, or NULL.
 */
noinline void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot)
{
	const void *caller = __builtin_return_address(0);
	struct vm_struct *area;
	struct vm_lookup l;

	might_sleep();
	if (!count || count > totalram_pages())
		return NULL;
	area = __get_vm_area_node((unsigned long)count << PAGE_SHIFT, 1, flags | VM_MAP,
				  VMALLOC_START, VMALLOC_END, context_gfp(GFP_KERNEL), caller);
	if (!area)
		return NULL;
	if (vmap_pages_range((unsigned long)area->addr, pages, count, prot,
			     context_gfp(GFP_KERNEL))) {
		if (remove_vm_area_checked((unsigned long)area->addr, 0, &l) == area)
			kfree(area);
		return NULL;
	}
	return area->addr;
}
EXPORT_SYMBOL(vmap);

/**
 * vunmap - release a mapping made by vmap()
 * @addr: what vmap() returned; NULL does nothing
 *
 * The pages are not freed.  May sleep (Linux: BUG_ON(in_interrupt())).
 * The area of a vmalloc() is refused with a WARNING (its pages would be
 * lost: use vfree), and so is any address that is not an area's start.
 */
noinline void vunmap(const void *addr)
{
	struct vm_struct *vm;
	struct vm_lookup l;
	char why[320];

	might_sleep();
	if (!addr)
		return;
	vm = remove_vm_area_checked((unsigned long)addr, VM_ALLOC, &l);
	if (unlikely(!vm)) {
		explain_bad_free(why, sizeof(why), "vunmap", (unsigned long)addr,
				 __builtin_return_address(0), &l);
		WARN(1, "%s\n", why);
		return;
	}
	kfree(vm);
}
EXPORT_SYMBOL(vunmap);

/* ---------------------------------------------------------------------
 * From addresses to pages, and descriptions
 */

/**
 * vmalloc_to_page - the page mapped at a vmalloc (or vmap) address
 * @vmalloc_addr: any address inside the area
 *
 * Return: the struct page its PTE points to, or NULL where nothing is
 * mapped (a guard page, free space).
 */
struct page *vmalloc_to_page(const void *vmalloc_addr)
{
	pte_t *pte = lookup_address((unsigned long)vmalloc_addr);
	pte_t entry;

	if (!pte)
		return NULL;
	entry = READ_ONCE(*pte);
	if (!pte_present(entry) || !pfn_valid(pte_pfn(entry)))
		return NULL;
	return pfn_to_page(pte_pfn(entry));
}
EXPORT_SYMBOL(vmalloc_to_page);

/* vmalloc_to_pfn - the pfn mapped at @vmalloc_addr, 0 if none. */
unsigned long vmalloc_to_pfn(const void *vmalloc_addr)
{
	struct page *page = vmalloc_to_page(vmalloc_addr);

	return page ? page_to_pfn(page) : 0;
}
EXPORT_SYMBOL(vmalloc_to_pfn);

/**
 * vmalloc_describe - say what vmalloc address @addr is, for the oops
 * @addr: an address in [VMALLOC_START, VMALLOC_END)
 * @buf: where the text goes
 * @size: its size
 *
 * "vmalloc area 0x...-0x... (N bytes, kind) from caller: page i, pfn p",
 * "vmalloc guard page of area 0x...-0x... (N bytes) from caller", or
 * "vmalloc area [start-end]: free vmalloc space" (naming the area that was
 * vfreed there, if it was one of the last few).
 */
void vmalloc_describe(unsigned long addr, char *buf, size_t size)
{
	const struct freed_area *f;
	struct vmap_area *va;
	struct freed_area area = { 0, 0, NULL };
	unsigned long flags, usable = 0, vflags = 0;
	bool inside = false, freed = false;
	char what[128];
	pte_t *pte;
	int n;

	local_irq_save(flags);
	va = find_vmap_area_locked(addr);
	f = va ? NULL : find_freed_locked(addr);
	if (va && va->vm) {
		inside = true;
		area.start = va->va_start;
		area.end = va->va_end;
		area.caller = va->vm->caller;
		usable = get_vm_area_size(va->vm);
		vflags = va->vm->flags;
	} else if (f) {
		freed = true;
		area = *f;
	}
	local_irq_restore(flags);

	format_area(what, sizeof(what), area.start, area.end, area.caller);
	if (inside && addr >= area.start + usable) {
		snprintf(buf, size, "vmalloc guard page of area %s", what);
	} else if (inside) {
		n = scnprintf(buf, size, "vmalloc area 0x%08lx-0x%08lx (%lu bytes, %s) from %pS: page %lu, ",
			      area.start, area.end, area.end - area.start, vm_kind(vflags),
			      area.caller, (addr - area.start) >> PAGE_SHIFT);
		pte = lookup_address(addr);
		if (pte && pte_present(*pte))
			snprintf(buf + n, size - n, "pfn %#lx", pte_pfn(*pte));
		else
			snprintf(buf + n, size - n, "nothing mapped");
	} else {
		n = scnprintf(buf, size, "vmalloc area [0x%08lx-0x%08lx]: free vmalloc space",
			      VMALLOC_START, VMALLOC_END - 1);
		if (freed)
			snprintf(buf + n, size - n, " (vfreed: %s)", what);
	}
}

/**
 * get_vmalloc_info - the vmalloc area in numbers (see struct vmalloc_info)
 * @vmi: filled in
 */
void get_vmalloc_info(struct vmalloc_info *vmi)
{
	struct vmap_area *va;
	unsigned long flags;

	memset(vmi, 0, sizeof(*vmi));
	local_irq_save(flags);
	list_for_each_entry(va, &vmap_area_list, list) {
		vmi->used += va->va_end - va->va_start;
		vmi->nr_areas++;
	}
	vmi->largest_chunk = largest_free_locked();
	local_irq_restore(flags);
	vmi->nr_pages = global_vm_stat(NR_VMALLOC);
}

/*
 * vmallocinfo_show - /proc/vmallocinfo, in Linux's format: one line per
 * area, in address order, "0x%08lx-0x%08lx %7ld caller pages=N kind";
 * the size includes the guard page; pages= only for areas that own pages,
 * "vpages" when the pages[] array is itself vmalloc memory.  Areas still
 * being set up are left out, as Linux does.
 */
static void vmallocinfo_show(void)
{
	struct vmap_area *va;
	unsigned long flags;
	char line[160];
	int n;

	local_irq_save(flags);
	list_for_each_entry(va, &vmap_area_list, list) {
		struct vm_struct *vm = va->vm;

		if (!vm || (vm->flags & VM_UNINITIALIZED))
			continue;
		n = scnprintf(line, sizeof(line), "0x%08lx-0x%08lx %7ld", va->va_start, va->va_end,
			      vm->size);
		if (vm->caller)
			n += scnprintf(line + n, sizeof(line) - n, " %pS", vm->caller);
		if (vm->nr_pages)
			n += scnprintf(line + n, sizeof(line) - n, " pages=%u", vm->nr_pages);
		if (vm->flags & (VM_IOREMAP | VM_ALLOC | VM_MAP))
			n += scnprintf(line + n, sizeof(line) - n, " %s", vm_kind(vm->flags));
		if (vm->pages && is_vmalloc_addr(vm->pages))
			n += scnprintf(line + n, sizeof(line) - n, " vpages");
		printk("%s\n", line);
	}
	local_irq_restore(flags);
}
proc_dump("vmallocinfo", vmallocinfo_show);

/*
 * vmalloc_init - the cache for struct vmap_area, and the first free range:
 * the whole vmalloc area.  After kmem_cache_init(), and after the boot
 * parameters have fixed VMALLOC_START.
 */
void __init vmalloc_init(void)
{
	struct vmap_area *va;
	struct rb_node *parent, **link;

	vmap_area_cachep = kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0,
					     SLAB_PANIC, NULL);
	va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	if (!va)
		panic("vmalloc_init: no memory for the first free range");
	va->va_start = VMALLOC_START;
	va->va_end = VMALLOC_END;
	link = find_va_link(va, &free_vmap_area_root, &parent);
	insert_free_vmap_area(va, parent, link);
}

/**
 * vmalloc_for_each_area - call @fn on every live area, in address order
 * @fn: called with interrupts off; it must not allocate or free
 * @arg: passed on
 *
 * For pictures of the address space (dump=layout) and the shell.
 */
void vmalloc_for_each_area(void (*fn)(const struct vm_struct *vm, void *arg), void *arg)
{
	struct vmap_area *va;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry(va, &vmap_area_list, list)
		if (va->vm && !(va->vm->flags & VM_UNINITIALIZED))
			fn(va->vm, arg);
	local_irq_restore(flags);
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
 * its children's; for the busy one, each area's vm_struct says the same
 * range.  Interrupts off.
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
		} else if (!va->vm || va->vm->size != va_size(va) ||
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

/* ---------------------------------------------------------------------
 * crash=vmalloc_guard, crash=vfree_use
 */

/* Write one byte past the end of a vmalloc buffer: into its guard page. */
static noinline void crash_vmalloc_guard(void)
{
	volatile char *p = vmalloc(2 * PAGE_SIZE);

	if (!p) {
		pr_info("crash: vmalloc(%lu) failed\n", 2 * PAGE_SIZE);
		return;
	}
	p[2 * PAGE_SIZE - 1] = 'x';	/* the last byte: fine */
	pr_info("crash: vmalloc(%lu) = 0x%08lx; writing one byte past its end, at 0x%08lx\n",
		2 * PAGE_SIZE, (unsigned long)p, (unsigned long)(p + 2 * PAGE_SIZE));
	p[2 * PAGE_SIZE] = 'x';
}
crash_type("vmalloc_guard", crash_vmalloc_guard);

/* Read a vmalloc buffer after vfree(): its PTE and TLB entry are gone. */
static noinline void crash_vfree_use(void)
{
	volatile u32 *p = vmalloc(PAGE_SIZE);

	if (!p) {
		pr_info("crash: vmalloc(%lu) failed\n", PAGE_SIZE);
		return;
	}
	*p = 0x76667265;
	pr_info("crash: vmalloc(%lu) = 0x%08lx reads %#x; vfree() it and read it again\n",
		PAGE_SIZE, (unsigned long)p, *p);
	vfree((void *)p);
	(void)*p;
}
crash_type("vfree_use", crash_vfree_use);
