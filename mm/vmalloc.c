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
 * Busy areas are on vmap_area_list, sorted by address; the free ranges are
 * the gaps between them.
 *
 * The search is first fit over that list, with a hint (the scheme Linux
 * used from 2.6.36 to 5.1, written anew here):
 *
 *   free_vmap_cache   the area the last search placed; the next search
 *                     may start at its end instead of at VMALLOC_START
 *   cached_hole_size  the largest gap below free_vmap_cache (measured at
 *                     the alignment of the searches that skipped it)
 *   cached_align      the alignment those gaps were measured at
 *
 *   Invariant: every gap below free_vmap_cache->va_end offers at most
 *   cached_hole_size bytes to a request aligned to cached_align or more.
 *
 * A request of more than cached_hole_size bytes, aligned at least as
 * strictly, cannot fit below the hint, so it starts there; any other
 * request starts from VMALLOC_START and rebuilds the hint.  Placing an
 * area only makes gaps smaller, so it never breaks the invariant; freeing
 * an area at or below the hint makes a bigger gap there, so it drops the
 * hint.  Cost, with n busy areas: O(n) for a search in the worst case,
 * O(1) amortized when areas of one size are allocated and freed in a
 * stack-like way (the hint sits at the top); vfree() finds its area by
 * walking the list, O(n).  Linux since 5.2 keeps the free ranges in an
 * rbtree augmented with the largest free size below each node, which makes
 * both O(log n); mm386 keeps the list so that the whole search fits on one
 * screen.
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
 * batches this: lazily freed areas are purged together), takes the range
 * off the list and gives the pages back to the buddy allocator.  A bad
 * vfree() (an address vmalloc never returned, the middle of an area, an
 * area already freed) is reported with a WARNING and changes nothing.
 *
 * Context.  vmalloc(), vmap() and vfree() may sleep, as seed 000 says:
 * from an interrupt, might_sleep() reports "BUG: sleeping function called
 * from invalid context", and then the work is done without sleeping (all
 * list and page-table changes are made with interrupts off, for exactly
 * such calls).  Linux since 3.10 quietly accepts vfree() in an interrupt
 * by deferring the work to a workqueue (__vfree_deferred); mm386 has no
 * workqueues and keeps the older, stricter rule (docs/vmalloc.md).
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
#include <linux/bitops.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <mm386/crash.h>
#include <mm386/dump.h>

/*
 * The entry points are noinline: they name their caller with
 * __builtin_return_address(0), which must be the caller's code, also when
 * the caller is in this file (the crash types below).
 *
 * The busy areas, sorted by va_start, never overlapping; changed only with
 * interrupts off.  nr_vmap_areas counts them (walks are bounded by it, so
 * an oops that describes an address cannot loop on a broken list).
 */
static LIST_HEAD(vmap_area_list);
static unsigned long nr_vmap_areas;
static struct kmem_cache *vmap_area_cachep;

/* The search hint and its invariant: see the comment at the top. */
static struct vmap_area *free_vmap_cache;
static unsigned long cached_hole_size;
static unsigned long cached_align;

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

/*
 * find_vmap_area_locked - the busy area with va_start <= @addr < va_end
 * (guard page included), or NULL.  Interrupts off.
 */
static struct vmap_area *find_vmap_area_locked(unsigned long addr)
{
	unsigned long n = 0;
	struct vmap_area *va;

	list_for_each_entry(va, &vmap_area_list, list) {
		if (n++ > nr_vmap_areas || va->va_start > addr)
			break;
		if (addr < va->va_end)
			return va;
	}
	return NULL;
}

/*
 * find_vmap_gap - first fit for @size bytes aligned to @align in
 * [@vstart, @vend), using the hint when the range is the whole vmalloc
 * area.  Interrupts off.
 * Return: true with the address in *@addrp and the list position to insert
 * after in *@prevp; false if no gap is big enough.
 */
static bool find_vmap_gap(unsigned long size, unsigned long align, unsigned long vstart,
			  unsigned long vend, unsigned long *addrp, struct list_head **prevp)
{
	bool hint = vstart == VMALLOC_START && vend == VMALLOC_END;
	struct list_head *prev = &vmap_area_list;
	struct vmap_area *va;
	unsigned long addr;

	if (hint) {
		if (!free_vmap_cache || size <= cached_hole_size || align < cached_align) {
			free_vmap_cache = NULL;
			cached_hole_size = 0;
		}
		cached_align = align;
	}
	if (hint && free_vmap_cache) {
		prev = &free_vmap_cache->list;
		addr = ALIGN(free_vmap_cache->va_end, align);
		if (addr < free_vmap_cache->va_end)
			goto fail;	/* wrapped past 4 GB */
	} else {
		addr = ALIGN(vstart, align);
		if (addr < vstart)
			goto fail;
	}
	for (va = list_entry(prev->next, struct vmap_area, list); &va->list != &vmap_area_list;
	     va = list_next_entry(va, list)) {
		if (va->va_end <= addr) {		/* wholly below the candidate */
			prev = &va->list;
			continue;
		}
		if (va->va_start >= vend)
			break;
		if (addr < va->va_start && va->va_start - addr >= size)
			break;				/* the gap before va fits */
		if (hint && addr < va->va_start && va->va_start - addr > cached_hole_size)
			cached_hole_size = va->va_start - addr;
		addr = ALIGN(va->va_end, align);
		if (addr < va->va_end)
			goto fail;
		prev = &va->list;
	}
	if (addr < vstart || addr > vend || vend - addr < size)
		goto fail;
	*addrp = addr;
	*prevp = prev;
	return true;
fail:
	if (hint) {
		free_vmap_cache = NULL;
		cached_hole_size = 0;
	}
	return false;
}

// The largest free range of the vmalloc area.  Interrupts off.
static unsigned long largest_free_locked(void)
{
	unsigned long addr = VMALLOC_START, largest = 0;
	struct vmap_area *va;

	list_for_each_entry(va, &vmap_area_list, list) {
		if (va->va_start > addr)
			largest = max(largest, va->va_start - addr);
		addr = max(addr, va->va_end);
	}
	if (VMALLOC_END > addr)
		largest = max(largest, VMALLOC_END - addr);
	return largest;
}

/*
 * alloc_vmap_area - reserve @size bytes (guard page included) aligned to
 * @align in [@vstart, @vend) for @vm.  No space is reported with a WARNING
 * (unless __GFP_NOWARN), naming the size.
 * Return: the area, on the busy list; NULL if there is no memory for the
 * bookkeeping or no gap big enough.
 */
static struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
					 unsigned long vstart, unsigned long vend, gfp_t gfp,
					 struct vm_struct *vm)
{
	struct vmap_area *va = kmem_cache_alloc(vmap_area_cachep, bookkeeping_gfp(gfp));
	struct list_head *prev;
	unsigned long flags, addr, largest;
	bool found;

	if (!va)
		return NULL;
	local_irq_save(flags);
	found = find_vmap_gap(size, align, vstart, vend, &addr, &prev);
	if (found) {
		va->va_start = addr;
		va->va_end = addr + size;
		va->vm = vm;
		list_add(&va->list, prev);
		nr_vmap_areas++;
		if (vstart == VMALLOC_START && vend == VMALLOC_END)
			free_vmap_cache = va;
	}
	largest = found ? 0 : largest_free_locked();
	local_irq_restore(flags);
	if (found)
		return va;
	kmem_cache_free(vmap_area_cachep, va);
	WARN(!(gfp & __GFP_NOWARN),
	     "vmap allocation for size %lu (from %pS) failed: use vmalloc=<size> to increase size (largest free range %lu bytes)\n",
	     size, vm->caller, largest);
	return NULL;
}

/*
 * unlink_vmap_area_locked - take @va off the busy list, fix the hint, and
 * remember it as freed.  Interrupts off.
 */
static void unlink_vmap_area_locked(struct vmap_area *va)
{
	struct freed_area *f = &freed_areas[freed_next++ % NR_FREED_AREAS];

	if (free_vmap_cache && va->va_start <= free_vmap_cache->va_start) {
		free_vmap_cache = NULL;		/* a bigger gap below the hint */
		cached_hole_size = 0;
	}
	list_del(&va->list);
	nr_vmap_areas--;
	f->start = va->va_start;
	f->end = va->va_end;
	f->caller = va->vm ? va->vm->caller : NULL;
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
 * @end: the area must end at or below this
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
 * remove_vm_area_checked - unmap the area that starts at @addr and take it
 * off the busy list, unless its kind is in @refuse.  Interrupts are off
 * from the lookup to the unlink, so nobody can be given the range while
 * its PTEs are still there.
 * Return: the area's vm_struct (pages and struct still to be freed by the
 * caller); NULL with *@l saying what is at @addr instead.
 */
static struct vm_struct *remove_vm_area_checked(unsigned long addr, unsigned long refuse,
						struct vm_lookup *l)
{
	struct vm_struct *vm = NULL;
	struct vmap_area *va;
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
			unlink_vmap_area_locked(va);
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
	if (vm)
		kmem_cache_free(vmap_area_cachep, va);
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

/* vzalloc - vmalloc() of zeroed memory (seed 001's vzalloc). */
noinline void *vzalloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO, PAGE_KERNEL, 0,
				    __builtin_return_address(0));
}

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

/* vmalloc_to_pfn - the pfn mapped at @vmalloc_addr, 0 if none. */
unsigned long vmalloc_to_pfn(const void *vmalloc_addr)
{
	struct page *page = vmalloc_to_page(vmalloc_addr);

	return page ? page_to_pfn(page) : 0;
}

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
 * vmalloc_init - the cache for struct vmap_area.  After kmem_cache_init();
 * the address space itself needs no setting up (the list starts empty).
 */
void __init vmalloc_init(void)
{
	vmap_area_cachep = kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0,
					     SLAB_PANIC, NULL);
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
