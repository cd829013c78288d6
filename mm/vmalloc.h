/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/vmalloc.h - what the files of the vmalloc area share.
 *
 *   vmap.c         vmap, vunmap, vm_map_ram, vm_unmap_ram: pages the
 *                  caller already has, at consecutive addresses
 *   vmalloc.c      vmalloc, vfree; vm_struct areas; the misuse reports
 *                  and the crash types
 *   vmap_area.c    the area allocator: which addresses are busy and free
 *                  (struct vmap_area, two red-black trees), first fit,
 *                  merging; vmalloc_check()
 *   vmap_pages.c   the page tables: mapping pages at an area's addresses,
 *                  unmapping them, vmalloc_to_page()
 *   vmallocinfo.c  the views: /proc/vmallocinfo, the oops's description
 *                  of an address, get_vmalloc_info()
 *
 * Each depends only on the ones below it in this list.
 */
#ifndef _MM_VMALLOC_H
#define _MM_VMALLOC_H

#include <linux/list.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>

/* Flags for the bookkeeping (kmalloc) and for page tables: lowmem, no zeroing. */
static inline gfp_t bookkeeping_gfp(gfp_t gfp)
{
	return gfp & ~(GFP_ZONEMASK | __GFP_ZERO | __GFP_COMP);
}

/* ---------------------------------------------------------------------
 * mm/vmalloc.c
 */

/*
 * context_gfp - @gfp as the work below may use it.  A caller that may not
 * sleep has just been reported by might_sleep(); go on without sleeping
 * (as GFP_NOWAIT would), so that each allocation below does not report the
 * same mistake again.
 */
static inline gfp_t context_gfp(gfp_t gfp)
{
	if (system_state == SYSTEM_RUNNING && (preempt_count() || irqs_disabled()))
		return gfp & ~__GFP_DIRECT_RECLAIM;
	return gfp;
}

/* What remove_vm_area() found at an address it was asked to remove. */
struct vm_lookup {
	unsigned long start, end, usable;
	unsigned long flags;
	const void *caller;
	bool inside, freed, map_ram;
};

/* What removing an area refuses: one being set up, or already vfree()d. */
#define VM_REFUSE	(VM_UNINITIALIZED | VM_FREE_DEFERRED)

bool remove_vm_area_checked(unsigned long addr, unsigned long refuse, struct vm_lookup *l);
void explain_bad_free(char *buf, size_t size, const char *func, unsigned long addr,
		      const void *caller, const struct vm_lookup *l);

/* ---------------------------------------------------------------------
 * mm/vmap_area.c
 */

/*
 * The busy areas in address order (vmap_area.c changes the list; the
 * views walk it with interrupts off).
 */
extern struct list_head vmap_area_list;

/* One of the last few areas vfree() took away, so that a report can say whose it was. */
struct freed_area {
	unsigned long start, end;
	const void *caller;
};

struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  unsigned long vstart, unsigned long vend, gfp_t gfp,
				  const struct vm_struct *vm, unsigned long *largest);
unsigned int unlink_vmap_area_locked(struct vmap_area *va, struct vmap_area *dead[2]);
void free_vmap_areas(struct vmap_area *dead[], unsigned int n);
struct vmap_area *find_vmap_area_locked(unsigned long addr);
struct vmap_area *find_vmap_area_bounded_locked(unsigned long addr);
const struct freed_area *find_freed_locked(unsigned long addr);
unsigned long largest_free_locked(void);
void vmap_area_init(void);

/* ---------------------------------------------------------------------
 * mm/vmap_pages.c
 */

int vmap_pages_range(unsigned long addr, struct page **pages, unsigned int nr, pgprot_t prot,
		     gfp_t gfp);
void vunmap_range(unsigned long start, unsigned long end);

/* ---------------------------------------------------------------------
 * mm/vmallocinfo.c
 */

/* "vmalloc", "vmap", "ioremap" or "reserved": an area's kind by its flags. */
const char *vm_kind(unsigned long flags);
// "0x...-0x... (N bytes) from caller+0x../0x..": how reports name an area.
int format_area(char *buf, size_t size, unsigned long start, unsigned long end,
		const void *caller);

#endif
