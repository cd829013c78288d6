// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmap.c - pages the caller already has, at consecutive addresses.
 *
 * vmap() gives @count pages (from any zone: a HighMem page gets a kernel
 * address this way) a vm_struct area like vmalloc's, with its guard page;
 * vunmap() takes the mapping away and leaves the pages to their owner.
 * vm_map_ram() is the light version for mappings made and dropped often:
 * a range of addresses without a vm_struct or a guard page.  The areas
 * come from mm/vmap_area.c, the PTEs from mm/vmap_pages.c, the removal and
 * its misuse reports from mm/vmalloc.c, as for vmalloc() itself (Linux
 * keeps all of it in mm/vmalloc.c).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/numa.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/export.h>
#include <linux/kasan.h>
#include <asm/pgtable.h>
#include "internal.h"
#include "vmalloc.h"

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
	vfree_deferred_drain();
	if (!count || count > totalram_pages())
		return NULL;
	area = __get_vm_area_node((unsigned long)count << PAGE_SHIFT, 1, flags | VM_MAP,
				  VMALLOC_START, VMALLOC_END, context_gfp(GFP_KERNEL), caller);
	if (!area)
		return NULL;
	if (vmap_pages_range((unsigned long)area->addr, pages, count, prot,
			     context_gfp(GFP_KERNEL)) ||
	    kasan_populate_vmalloc((unsigned long)area->addr, area->size, context_gfp(GFP_KERNEL))) {
		remove_vm_area_checked((unsigned long)area->addr, VM_REFUSE, &l);
		return NULL;
	}
	kasan_unpoison_vmalloc(area->addr, (unsigned long)count << PAGE_SHIFT);
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
	struct vm_lookup l;
	char why[320];

	might_sleep();
	if (!addr)
		return;
	vfree_deferred_drain();
	if (likely(remove_vm_area_checked((unsigned long)addr, VM_REFUSE | VM_ALLOC, &l)))
		return;
	explain_bad_free(why, sizeof(why), "vunmap", (unsigned long)addr,
			 __builtin_return_address(0), &l);
	WARN(1, "%s\n", why);
}
EXPORT_SYMBOL(vunmap);

/* ---------------------------------------------------------------------
 * vm_map_ram and vm_unmap_ram
 */

/**
 * vm_map_ram - map pages for a short while, without a vm_struct
 * @pages: @count pages (any zone)
 * @count: how many
 * @node: NUMA_NO_NODE or 0
 *
 * vmap()'s light cousin, for mappings made and dropped often (file
 * systems, media drivers): just a range of addresses, no guard page and
 * no vm_struct, so vmallocinfo shows it as "vm_map_ram".  Linux packs
 * small ones (up to 32 pages) into per-CPU 4 MB blocks; mm386 gives each
 * its own range.  Undo with vm_unmap_ram(addr, @count).  May sleep.
 * Return: the address, or NULL.
 */
noinline void *vm_map_ram(struct page **pages, unsigned int count, int node)
{
	unsigned long size = (unsigned long)count << PAGE_SHIFT, largest;
	struct vmap_area *va;

	might_sleep();
	vfree_deferred_drain();
	if (!count || count > totalram_pages())
		return NULL;
	va = alloc_vmap_area(size, PAGE_SIZE, VMALLOC_START, VMALLOC_END,
			     context_gfp(GFP_KERNEL), NULL, &largest);
	if (IS_ERR(va))
		return NULL;
	if (vmap_pages_range(va->va_start, pages, count, PAGE_KERNEL, context_gfp(GFP_KERNEL)) ||
	    kasan_populate_vmalloc(va->va_start, size, context_gfp(GFP_KERNEL))) {
		vm_unmap_ram((void *)va->va_start, count);
		return NULL;
	}
	kasan_unpoison_vmalloc((void *)va->va_start, size);
	return (void *)va->va_start;
}
EXPORT_SYMBOL(vm_map_ram);

/**
 * vm_unmap_ram - drop a mapping made by vm_map_ram()
 * @mem: what vm_map_ram() returned
 * @count: the same count
 *
 * Anything else (another kind of area, a wrong count) is a WARNING and
 * changes nothing (Linux: BUG_ON).
 */
noinline void vm_unmap_ram(const void *mem, unsigned int count)
{
	unsigned long addr = (unsigned long)mem, flags;
	struct vmap_area *va, *dead[2];
	unsigned int n = 0;
	bool ok;

	local_irq_save(flags);
	va = is_vmalloc_addr(mem) ? find_vmap_area_locked(addr) : NULL;
	ok = va && !va->vm && va->va_start == addr &&
	     va->va_end - va->va_start == (unsigned long)count << PAGE_SHIFT;
	if (ok) {
		kasan_poison_vmalloc((void *)va->va_start, va->va_end - va->va_start);
		vunmap_range(va->va_start, va->va_end);
		n = unlink_vmap_area_locked(va, dead);
	}
	local_irq_restore(flags);
	if (!ok) {
		WARN(1, "vm_unmap_ram(0x%08lx, %u) from %pS: not a vm_map_ram() mapping of %u pages; refused\n",
		     addr, count, __builtin_return_address(0), count);
		return;
	}
	free_vmap_areas(dead, n);
}
EXPORT_SYMBOL(vm_unmap_ram);
