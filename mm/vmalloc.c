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
 * vmap_area with the vm_struct in it, the pages[] array) comes from slab.  And
 * it costs more than kmalloc (seed 002's point): a search, one page
 * allocation and one PTE per page, a TLB flush on vfree, and one TLB entry
 * per 4 KB where lowmem is reached through the same few entries.
 *
 * Five files tell the story (mm/vmalloc.h lists what they share): this
 * one, the API; mm/vmap.c, vmap() and vm_map_ram() for pages the caller
 * already has; mm/vmap_area.c, step 1, the address allocator with its
 * two red-black trees; mm/vmap_pages.c, step 3, the page tables; and
 * mm/vmallocinfo.c, the views (/proc/vmallocinfo, the oops's words).
 *
 * vfree() clears the PTEs, flushes the TLB for the range at once (Linux
 * batches this: lazily freed areas are purged together), gives the range
 * back to the free ranges and the pages back to the buddy allocator.  A bad
 * vfree() (an address vmalloc never returned, the middle of an area, an
 * area already freed) is reported with a WARNING and changes nothing.
 *
 * Context.  vmalloc(), vmap() and vunmap() may sleep, as seed 000 says:
 * from an interrupt, might_sleep() reports "BUG: sleeping function called
 * from invalid context", and then the work is done without sleeping (all
 * tree, list and page-table changes are made with interrupts off, for
 * exactly such calls).  vfree() is different since Linux 3.10: in an
 * interrupt it is allowed, and deferred (__vfree_deferred): the area is
 * checked, marked VM_FREE_DEFERRED and put on a list, and the real free
 * happens later in process context.  Linux hands the list to a workqueue;
 * mm386 has none, so the next vmalloc(), vfree(), vmap() or vunmap() from
 * process context empties it first (vfree_deferred_drain(), which tests
 * and the shell may also call).  vfree_atomic() always defers.
 *
 * dump=vmallocinfo prints the areas in /proc/vmallocinfo's format.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/numa.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/export.h>
#include <linux/ratelimit.h>
#include <linux/kasan.h>
#include <asm/pgtable.h>
#include <mm386/crash.h>
#include "internal.h"
#include "vmalloc.h"

/* Areas vfree()d in interrupts, waiting for process context (vfree_defer()). */
static struct vm_struct *vfree_deferred_list;

/* vfree_deferred_drain() with its common case inline: nothing is waiting. */
static __always_inline void drain_deferred(void)
{
	if (unlikely(READ_ONCE(vfree_deferred_list)))
		vfree_deferred_drain();
}

/*
 * The entry points are noinline: they name their caller with
 * __builtin_return_address(0), which must be the caller's code, also when
 * the caller is in this file (the crash types below).
 */

/* ---------------------------------------------------------------------
 * vm_struct: areas with a purpose
 */

/* The pages[] slot in @vm's vmap_area node (a one-page vmalloc()'s array). */
static inline struct page **vm_inline_pages(struct vm_struct *vm)
{
	return container_of(vm, struct vmap_area, own_vm)->own_pages;
}

/* May @nr pages' array go in the area's node (new_vm_area())?  One page's. */
static inline bool vm_pages_fit_inline(unsigned long nr)
{
	return nr == 1;
}

/*
 * new_vm_area - __get_vm_area_node(), and with @inline_pages, vm->pages
 * set to the pages[] slot of the area's node, empty.  The vm_struct is in
 * the vmap_area node itself (alloc_vmap_area() copies it there), so a
 * one-page vmalloc() has all its bookkeeping in one slab object, where
 * Linux makes three (the node, the struct, the array).  Inlined into both
 * callers: vmalloc() saves the call, with its eight arguments, frame and
 * saved registers (24 instructions with gcc, 27 with clang).
 */
static __always_inline struct vm_struct *new_vm_area(unsigned long size, unsigned long align,
				     unsigned long flags, unsigned long start, unsigned long end,
				     gfp_t gfp, const void *caller, bool inline_pages)
{
	unsigned long full = PAGE_ALIGN(size);
	struct vm_struct tmpl;	/* what alloc_vmap_area() copies: size, flags, caller */
	unsigned long largest;
	struct vmap_area *va;
	struct vm_struct *vm;

	if (!(flags & VM_NO_GUARD))
		full += PAGE_SIZE;
	if (WARN(!size || full < size || !is_power_of_2(align),
		 "__get_vm_area_node: size %lu, align %#lx (from %pS): refused\n",
		 size, align, caller))
		return NULL;
	align = max(align, PAGE_SIZE);
	tmpl.size = full;
	tmpl.flags = flags;
	tmpl.caller = caller;
	va = alloc_vmap_area(full, align, start, end, gfp, &tmpl, &largest);
	if (IS_ERR(va)) {
		WARN(PTR_ERR(va) == -ENOSPC && !(gfp & __GFP_NOWARN),
		     "vmap allocation for size %lu (from %pS) failed: use vmalloc=<size> to increase size (largest free range %lu bytes)\n",
		     full, caller, largest);
		return NULL;
	}
	vm = va->vm;
	if (inline_pages) {	/* empty: the bulk allocator fills empty slots */
		va->own_pages[0] = NULL;
		vm->pages = va->own_pages;
	}
	return vm;
}

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
	return new_vm_area(size, align, flags, start, end, gfp, caller, false);
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

/*
 * describe_refused_locked - fill *@l with what is at @addr, which
 * remove_vm_area_checked() refused to remove: @va is the busy area holding
 * @addr (NULL if none).  Interrupts off.
 */
static void describe_refused_locked(unsigned long addr, const struct vmap_area *va,
				    struct vm_lookup *l)
{
	const struct freed_area *f;

	*l = (struct vm_lookup){ 0 };
	if (va && va->vm) {
		l->inside = true;
		l->start = va->va_start;
		l->end = va->va_end;
		l->usable = get_vm_area_size(va->vm);
		l->flags = va->vm->flags;
		l->caller = va->vm->caller;
	} else if (va) {
		l->map_ram = true;	/* vm_map_ram(): no vm_struct */
		l->start = va->va_start;
		l->end = va->va_end;
	} else if ((f = find_freed_locked(addr))) {
		l->freed = true;
		l->start = f->start;
		l->end = f->end;
		l->caller = f->caller;
	}
}

/*
 * vm_free_pages - give back the pages of VM_ALLOC area @vm (checked, with
 * interrupts off once).  Its vm_struct lives in its vmap_area node, so
 * this is done before the node is let go.
 * Return: the pages[] array, for vm_free_pages_array() once the node is
 * gone, or NULL if there is none of its own (the node's slot).
 */
static __always_inline struct page **vm_free_pages(struct vm_struct *vm)
{
	if (!vm->pages)		/* vmalloc() could not allocate the array */
		return NULL;
	release_pages(vm->pages, vm->nr_pages);
	mod_vm_stat(NR_VMALLOC, -(long)vm->nr_pages);
	return vm->pages != vm_inline_pages(vm) ? vm->pages : NULL;
}

// Free a pages[] array that vm_free_pages() returned: kmalloc or vmalloc memory.
static __always_inline void vm_free_pages_array(struct page **pages)
{
	if (is_vmalloc_addr(pages))
		vfree(pages);
	else
		kfree(pages);
}

/*
 * __remove_vm_area_checked - unmap the area that starts at @addr and give
 * its range back to the free ranges, unless its kind is in @refuse.  A
 * VM_ALLOC area's pages are freed too.  Interrupts are off from the lookup
 * to the unlink, so nobody can be given the range while its PTEs are still
 * there.  The vm_struct goes with the area's node: nobody may use it after.
 * Return: true (*@l is left alone); false with *@l saying what is at @addr
 * instead.  (Inline in vfree(), whose call it would be; the others call
 * remove_vm_area_checked().)
 */
static __always_inline bool __remove_vm_area_checked(unsigned long addr, unsigned long refuse,
						     struct vm_lookup *l)
{
	struct vmap_area *va, *dead[2];
	struct page **array = NULL;
	struct vm_struct *vm;
	unsigned long flags, usable;
	unsigned int n;

	if (!is_vmalloc_addr((void *)addr)) {
		*l = (struct vm_lookup){ 0 };
		return false;
	}
	local_irq_save(flags);
	va = find_vmap_area_locked(addr);
	vm = va ? va->vm : NULL;
	if (unlikely(!vm || va->va_start != addr || (vm->flags & refuse))) {
		describe_refused_locked(addr, va, l);
		local_irq_restore(flags);
		return false;
	}
	usable = get_vm_area_size(vm);
	if (vm->flags & (VM_ALLOC | VM_MAP))	/* KASAN: a use after free is caught */
		kasan_poison_vmalloc((void *)addr, usable);
	vunmap_range(addr, addr + usable);
	if (vm->flags & VM_ALLOC)
		array = vm_free_pages(vm);
	n = unlink_vmap_area_locked(va, dead);
	local_irq_restore(flags);
	free_vmap_areas(dead, n);
	if (array)
		vm_free_pages_array(array);
	return true;
}

// The removal above, called: for vmap, free_vm_area and the error paths.
bool remove_vm_area_checked(unsigned long addr, unsigned long refuse, struct vm_lookup *l)
{
	return __remove_vm_area_checked(addr, refuse, l);
}

/*
 * explain_bad_free - the WARNING's text when @func (vfree, vunmap,
 * free_vm_area), called from @caller, found no area it may remove at
 * @addr: Linux's "Trying to vfree() nonexistent vm area (addr)" words,
 * then what @addr is instead.
 */
void explain_bad_free(char *buf, size_t size, const char *func, unsigned long addr,
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
	} else if (l->map_ram) {
		scnprintf(buf + n, size - n, "a vm_map_ram() mapping 0x%08lx-0x%08lx: undo it with vm_unmap_ram()",
			  l->start, l->end);
	} else if (l->inside && addr == l->start) {
		scnprintf(buf + n, size - n, "%s area %s: %s", vm_kind(l->flags), area,
			  (l->flags & VM_FREE_DEFERRED) ? "already freed (its vfree() from an interrupt is pending)" :
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

/**
 * free_vm_area - remove an area made by get_vm_area() and free its struct
 * @area: the area (its mappings go; the pages, if any, are the caller's)
 */
noinline void free_vm_area(struct vm_struct *area)
{
	unsigned long addr = (unsigned long)area->addr;
	struct vm_lookup l;
	char why[320];

	if (remove_vm_area_checked(addr, VM_REFUSE, &l))
		return;
	explain_bad_free(why, sizeof(why), "free_vm_area", addr,
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
 * vmalloc_warn - "vmalloc error: ..." unless the caller said __GFP_NOWARN;
 * at most 10 in 5 seconds, as Linux's warn_alloc() (fault injection can
 * make thousands).
 */
static struct ratelimit_state vmalloc_error_rs = RATELIMIT_STATE_INIT(DEFAULT_RATELIMIT_INTERVAL,
								      DEFAULT_RATELIMIT_BURST);
#define vmalloc_warn(gfp, fmt, ...) do {					\
	if (!((gfp) & __GFP_NOWARN) && __ratelimit(&vmalloc_error_rs))		\
		pr_warn(fmt, ##__VA_ARGS__);					\
} while (0)

/*
 * zero_through_mapping - should vmalloc_area_pages() zero the area itself,
 * once it is mapped?  That is how init_on_alloc and __GFP_ZERO are honoured
 * (not with init_on_free: freed pages are zero already): one clear_page()
 * per page through the new mapping, where the page allocator would reach
 * each HighMem page through a kmap_atomic() of its own.  Linux 6.1 does
 * the same when KASAN's hardware tags are on (__GFP_SKIP_ZERO, then
 * kasan_unpoison_vmalloc() zeroes).  Not in a KASAN build here: its
 * clear_page() is memset, which would see the area still poisoned.
 */
static inline bool zero_through_mapping(gfp_t gfp)
{
#ifdef CONFIG_KASAN
	return false;
#else
	return want_init_on_alloc(gfp) && !want_init_on_free();
#endif
}

/*
 * vmalloc_area_pages - fill @area with pages and map them.  On failure,
 * whatever was taken is still recorded in @area (pages[], nr_pages), for
 * the caller to free.
 */
static __always_inline int vmalloc_area_pages(struct vm_struct *area, gfp_t gfp, pgprot_t prot)
{
	unsigned int nr = get_vm_area_size(area) >> PAGE_SHIFT, i;
	unsigned long array_size = (unsigned long)nr * sizeof(struct page *);
	bool zero = zero_through_mapping(gfp);
	char mode[96];

	/*
	 * One page's array is in the area's node already (new_vm_area); more
	 * are kmalloc memory, and, as in Linux, an array bigger than a page is
	 * itself vmalloc memory.
	 */
	if (!area->pages && array_size > PAGE_SIZE)
		area->pages = __vmalloc_node_range(array_size, 1, VMALLOC_START, VMALLOC_END,
						   bookkeeping_gfp(gfp) | __GFP_ZERO, PAGE_KERNEL, 0,
						   area->caller);
	else if (!area->pages)
		area->pages = kzalloc(array_size, bookkeeping_gfp(gfp));
	if (!area->pages) {
		vmalloc_warn(gfp, "vmalloc error: size %lu, failed to allocate the page array (%lu bytes)\n",
			get_vm_area_size(area), array_size);
		return -ENOMEM;
	}
	/* One bulk request; the array is zeroed, so all slots are to fill. */
	i = alloc_pages_bulk_array(gfp | __GFP_NOWARN | (zero ? __GFP_SKIP_ZERO : 0), nr,
				   area->pages);
	if (unlikely(i < nr))
		compact_pages_array(area->pages, nr);
	area->nr_pages = i;
	mod_vm_stat(NR_VMALLOC, i);
	if (i < nr) {
		format_gfp(mode, sizeof(mode), gfp);
		vmalloc_warn(gfp, "vmalloc error: size %lu, failed to allocate pages (got %u of %u), mode:%#x(%s); freeing them\n",
			get_vm_area_size(area), i, nr, gfp, mode);
		return -ENOMEM;
	}
	if (vmap_pages_range((unsigned long)area->addr, area->pages, nr, prot, gfp)) {
		vmalloc_warn(gfp, "vmalloc error: size %lu, failed to map pages\n",
			     get_vm_area_size(area));
		return -ENOMEM;
	}
	for (i = 0; zero && i < nr; i++)
		clear_page(area->addr + i * PAGE_SIZE);
	return 0;
}

/*
 * vmalloc_range_inline - __vmalloc_node_range()'s work (below), inline in
 * vmalloc() itself: the arguments are constants there, and the call with
 * eight of them is saved.
 */
static __always_inline void *vmalloc_range_inline(unsigned long size, unsigned long align,
						  unsigned long start, unsigned long end,
						  gfp_t gfp, pgprot_t prot,
						  unsigned long vm_flags, const void *caller)
{
	struct vm_struct *area;
	struct vm_lookup l;
	unsigned long nr, flags;

	flags = arch_local_save_flags();
	/* Not preemptible, or interrupts off: one test for both checks. */
	if (unlikely(atomic_flags(flags))) {
		if (gfpflags_allow_blocking(gfp))
			__might_sleep_flags(__FILE__, __LINE__, flags);	/* might_sleep() */
		gfp = context_gfp(gfp);
	}
	drain_deferred();
	if (WARN(!size, "vmalloc: size 0 (from %pS): returning NULL\n", caller))
		return NULL;
	if (WARN(PAGE_ALIGN(size) < size || (PAGE_ALIGN(size) >> PAGE_SHIFT) > totalram_pages(),
		 "vmalloc: size %lu (from %pS) exceeds total pages (%lu): returning NULL\n",
		 size, caller, totalram_pages()))
		return NULL;
	nr = PAGE_ALIGN(size) >> PAGE_SHIFT;
	area = new_vm_area(size, align, VM_ALLOC | VM_UNINITIALIZED | vm_flags, start, end, gfp,
			   caller, vm_pages_fit_inline(nr));
	if (!area)
		return NULL;
	if (vmalloc_area_pages(area, gfp, prot) ||
	    kasan_populate_vmalloc((unsigned long)area->addr, area->size, gfp)) {
		/* Take the area away with what it got (not refusing VM_UNINITIALIZED). */
		area->flags &= ~VM_UNINITIALIZED;
		remove_vm_area_checked((unsigned long)area->addr, VM_FREE_DEFERRED, &l);
		return NULL;
	}
	kasan_unpoison_vmalloc(area->addr, size);	/* the rest of the last page stays poisoned */
	barrier();	/* everything is mapped before vmallocinfo may show it */
	area->flags &= ~VM_UNINITIALIZED;
	return area->addr;
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
	return vmalloc_range_inline(size, align, start, end, gfp, prot, vm_flags, caller);
}

/*
 * __vmalloc_node - vmalloc() with the caller's flags, anywhere in the
 * vmalloc area; @node is NUMA_NO_NODE or 0 (one node).  Linux 6.1 adds
 * __GFP_HIGHMEM here unless the caller asked for DMA memory: the pages
 * are only ever reached through the vmalloc mapping.
 */
void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp, int node,
		     const void *caller)
{
	if (!(gfp & (__GFP_DMA | __GFP_DMA32)))
		gfp |= __GFP_HIGHMEM;
	return __vmalloc_node_range(size, align, VMALLOC_START, VMALLOC_END, gfp, PAGE_KERNEL, 0,
				    caller);
}

/**
 * __vmalloc - vmalloc() with GFP flags of the caller's choice
 * @size: bytes
 * @gfp: e.g. GFP_KERNEL | __GFP_ZERO; __GFP_HIGHMEM is added, as the pages
 *       are only ever reached through the vmalloc mapping
 */
noinline void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_node(size, 1, gfp, NUMA_NO_NODE, __builtin_return_address(0));
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
	/* __vmalloc_node(size, 1, GFP_KERNEL, NUMA_NO_NODE, caller), spelt out */
	return vmalloc_range_inline(size, 1, VMALLOC_START, VMALLOC_END, GFP_KERNEL | __GFP_HIGHMEM,
				    PAGE_KERNEL, 0, __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc);

/* vzalloc - vmalloc() of zeroed memory (seed 001's vzalloc). */
noinline void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, 1, GFP_KERNEL | __GFP_ZERO, NUMA_NO_NODE, __builtin_return_address(0));
}
EXPORT_SYMBOL(vzalloc);

/*
 * __vfree - vfree()'s work, in process context; @caller for the report.
 * @refuse: VM_REFUSE, or VM_UNINITIALIZED for the deferred ones (whose
 *          VM_FREE_DEFERRED stays set until they are gone, so that an
 *          interrupt cannot vfree them a second time meanwhile)
 */
static __always_inline void __vfree(const void *addr, const void *caller, unsigned long refuse)
{
	struct vm_lookup l;
	char why[320];

	if (likely(__remove_vm_area_checked((unsigned long)addr, refuse, &l)))
		return;
	explain_bad_free(why, sizeof(why), "vfree", (unsigned long)addr, caller, &l);
	WARN(1, "%s\n", why);
}

/*
 * The areas whose vfree() came from an interrupt, newest first, chained
 * through vm_struct->next.  Changed with interrupts off.
 */

/*
 * vfree_defer - vfree() in an interrupt (or vfree_atomic()): check @addr
 * now, so that a bad one is reported where it happened, then mark the
 * area VM_FREE_DEFERRED (a second vfree of it is a double free) and put it
 * on the list.  Nothing is written into the area: a vmap()'s pages are
 * the caller's.
 */
static void vfree_defer(const void *addr, const void *caller)
{
	struct vmap_area *va;
	struct vm_struct *vm = NULL;
	struct vm_lookup l;
	unsigned long flags;
	char why[320];

	if (!addr)
		return;
	local_irq_save(flags);
	va = is_vmalloc_addr(addr) ? find_vmap_area_locked((unsigned long)addr) : NULL;
	if (va && va->vm && va->va_start == (unsigned long)addr &&
	    !(va->vm->flags & (VM_UNINITIALIZED | VM_FREE_DEFERRED))) {
		vm = va->vm;
		vm->flags |= VM_FREE_DEFERRED;
		vm->next = vfree_deferred_list;
		vfree_deferred_list = vm;
	}
	local_irq_restore(flags);
	if (vm)
		return;
	remove_vm_area_checked((unsigned long)addr, ~0UL, &l);	/* only looks */
	explain_bad_free(why, sizeof(why), "vfree", (unsigned long)addr, caller, &l);
	WARN(1, "%s\n", why);
}

/**
 * vfree_deferred_drain - free the areas that interrupt handlers vfree()d
 *
 * mm386's stand-in for Linux's vfree workqueue: called in process context
 * by vmalloc(), vfree(), vmap() and vunmap() before their own work, and by
 * anyone who wants the memory back now (tests, the shell).
 */
void vfree_deferred_drain(void)
{
	struct vm_struct *vm, *next;
	unsigned long flags;

	if (likely(!READ_ONCE(vfree_deferred_list)) || in_interrupt())
		return;
	local_irq_save(flags);
	vm = vfree_deferred_list;
	vfree_deferred_list = NULL;
	local_irq_restore(flags);
	for (; vm; vm = next) {
		next = vm->next;
		__vfree(vm->addr, vm->caller, VM_UNINITIALIZED);
	}
}
EXPORT_SYMBOL(vfree_deferred_drain);

/*
 * The _node variants: mm386 is one node (<linux/numa.h>), so @node
 * (NUMA_NO_NODE or 0) changes nothing.
 */
noinline void *vmalloc_node(unsigned long size, int node)
{
	return __vmalloc_node(size, 1, GFP_KERNEL, NUMA_NO_NODE, __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc_node);

noinline void *vzalloc_node(unsigned long size, int node)
{
	return __vmalloc_node(size, 1, GFP_KERNEL | __GFP_ZERO, NUMA_NO_NODE, __builtin_return_address(0));
}
EXPORT_SYMBOL(vzalloc_node);

/**
 * vmalloc_32 - vmalloc() of pages a 32-bit device can reach
 * @size: bytes
 *
 * On a 64-bit kernel the pages come from ZONE_DMA32 (below 4 GB).  On
 * i386 without PAE every page of RAM is below 4 GB, so Linux's
 * GFP_VMALLOC32 is plain GFP_KERNEL and HighMem pages are fine: this is
 * vmalloc() under the name drivers use.
 */
noinline void *vmalloc_32(unsigned long size)
{
	return __vmalloc_node(size, 1, GFP_KERNEL, NUMA_NO_NODE, __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc_32);

/* vmalloc_array - vmalloc(@n * @size); NULL if that overflows. */
noinline void *vmalloc_array(size_t n, size_t size)
{
	size_t bytes;

	if (unlikely(__builtin_mul_overflow(n, size, &bytes)))
		return NULL;
	return __vmalloc_node(bytes, 1, GFP_KERNEL, NUMA_NO_NODE, __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc_array);

/* vcalloc - vmalloc_array() of zeroed memory. */
noinline void *vcalloc(size_t n, size_t size)
{
	size_t bytes;

	if (unlikely(__builtin_mul_overflow(n, size, &bytes)))
		return NULL;
	return __vmalloc_node(bytes, 1, GFP_KERNEL | __GFP_ZERO, NUMA_NO_NODE, __builtin_return_address(0));
}
EXPORT_SYMBOL(vcalloc);

/**
 * vfree - free memory from vmalloc()
 * @addr: what vmalloc() returned; NULL does nothing
 *
 * Unmaps the area, flushes the TLB for it, and gives its pages back to the
 * buddy allocator; the address range can then be reused.  The area of a
 * vmap() is only unmapped: its pages belong to the caller (as in Linux).
 * An address that is not the start of a live area (a kmalloc pointer, the
 * middle of an area, an area already freed) is reported with a WARNING
 * and nothing is changed.  Allowed in interrupt context, as in Linux: the
 * free is deferred to the next vmalloc-family call in process context.
 */
noinline void vfree(const void *addr)
{
	const void *caller = __builtin_return_address(0);
	unsigned long flags = arch_local_save_flags();

	/* Not preemptible, or interrupts off: one test for both checks. */
	if (unlikely(atomic_flags(flags))) {
		if (in_interrupt()) {		/* Linux: __vfree_deferred() */
			vfree_defer(addr, caller);
			return;
		}
		__might_sleep_flags(__FILE__, __LINE__, flags);	/* might_sleep() */
	}
	if (!addr)
		return;
	drain_deferred();
	__vfree(addr, caller, VM_REFUSE);
}
EXPORT_SYMBOL(vfree);

/**
 * vfree_atomic - vfree() from any context: the free is always deferred
 * @addr: what vmalloc() returned; NULL does nothing
 */
noinline void vfree_atomic(const void *addr)
{
	vfree_defer(addr, __builtin_return_address(0));
}
EXPORT_SYMBOL(vfree_atomic);

/*
 * vmalloc_init - the area allocator's first free range (the whole area),
 * and the oops's words for vmalloc addresses (mm/describe.c).  At boot,
 * after kmem_cache_init(), once the parameters have fixed VMALLOC_START.
 */
void __init vmalloc_init(void)
{
	vmap_area_init();
	vmalloc_describe_hook = vmalloc_describe;
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
