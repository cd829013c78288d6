/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmalloc.h - virtually contiguous kernel memory (mm/vmalloc.c; mm/vmalloc.h
 * lists the files behind it).
 *
 * vmalloc(size) takes whole pages from the buddy allocator, one at a time
 * and from any zone (HighMem first), and maps them side by side in the
 * vmalloc area, VMALLOC_START..VMALLOC_END, with their own PTEs.  The
 * memory is contiguous for the CPU but not in RAM (seed 000: "虚拟内存空间
 * 给出一块连续的内存区，但这片连续的虚拟内存在物理内存中并不一定连续"), so it
 * is no use for DMA, and virt_to_phys() does not work on it: ask
 * vmalloc_to_page() for each page instead.
 *
 * Every area is followed by one unmapped guard page: an overrun faults
 * instead of landing in the next area.  Areas are described by
 *
 *   struct vm_struct   what the area holds: its pages, who made it, its kind
 *   struct vmap_area   where it is: a range of the vmalloc address space
 *
 * vmap(pages, n, ...) maps pages the caller already has; vunmap() takes the
 * mapping away and leaves the pages to the caller.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/gfp.h>
#include <asm/pgtable.h>

struct page;

/* vm_struct->flags (Linux's values) */
#define VM_IOREMAP		0x00000001	/* a plain reservation (ioremap-like) */
#define VM_ALLOC		0x00000002	/* vmalloc(): the area owns its pages */
#define VM_MAP			0x00000004	/* vmap(): the caller owns the pages */
#define VM_USERMAP		0x00000008	/* may be mapped to user space (vmalloc_user) */
#define VM_DMA_COHERENT		0x00000010	/* dma_alloc_coherent (none in mm386) */
#define VM_NO_GUARD		0x00000040	/* no guard page after the area */
#define VM_UNINITIALIZED	0x00000020	/* being set up: hidden from vmallocinfo */
#define VM_FREE_DEFERRED	0x00001000	/* mm386: vfree()d in an interrupt, not yet freed */

/*
 * struct vm_struct - one area of the vmalloc address space, as its user
 * sees it.
 * @addr:     first byte
 * @size:     bytes reserved, guard page included (get_vm_area_size() is
 *            the usable part), as /proc/vmallocinfo shows it
 * @flags:    VM_ALLOC, VM_MAP, VM_IOREMAP...
 * @pages:    VM_ALLOC: the pages mapped at addr, addr + PAGE_SIZE...; for
 *            one page, the slot in the area's vmap_area node; else kmalloc
 *            memory, or itself vmalloc memory when it needs more than a page
 * @nr_pages: how many of @pages are there (0 for vmap and reservations)
 * @caller:   the code that asked for the area, printed with %pS
 * @next:     the next area whose vfree() waits (VM_FREE_DEFERRED)
 */
struct vm_struct {
	struct vm_struct *next;
	void *addr;
	unsigned long size;
	unsigned long flags;
	struct page **pages;
	unsigned int nr_pages;
	const void *caller;
};

/*
 * struct vmap_area - a range [va_start, va_end) of the vmalloc address
 * space: either a busy area (guard page included), or a free range.
 * @rb_node: in vmap_area_root (busy) or free_vmap_area_root (free), both
 *           red-black trees keyed by va_start (mm/vmap_area.c)
 * @list:    in vmap_area_list or free_vmap_area_list, in address order
 * @subtree_max_size: free: the largest free range in this node's subtree
 * @vm:      busy: what the area holds, @own_vm (or NULL: vm_map_ram)
 * @age:     mm386: when the node was allocated (a serial number); when
 *           ranges merge, the oldest node is the one kept (mm/vmap_area.c)
 * @own_vm:  mm386: a busy area's vm_struct lives in its node, so that the
 *           area's bookkeeping is one allocation (Linux kmallocs the
 *           vm_struct apart); it lives as long as the area is busy
 * @own_pages: the pages[] array of a one-page vmalloc() (@own_vm.pages)
 */
struct vmap_area {
	unsigned long va_start;
	unsigned long va_end;
	unsigned long age;
	struct rb_node rb_node;
	struct list_head list;
	union {
		unsigned long subtree_max_size;
		struct vm_struct *vm;
	};
	struct vm_struct own_vm;
	struct page *own_pages[1];
};

/* get_vm_area_size - the usable size of @area: its size less the guard page. */
static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	if (!(area->flags & VM_NO_GUARD))
		return area->size - PAGE_SIZE;
	return area->size;
}

/* is_vmalloc_addr - is @x in the vmalloc area (mapped or not)? */
static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);

/* mm/vmalloc_user.c: vmalloc memory that a program maps (a driver's mmap) */
struct vm_area_struct;
void *vmalloc_user(unsigned long size);
void *vmalloc_32_user(unsigned long size);
int remap_vmalloc_range(struct vm_area_struct *vma, void *addr, unsigned long pgoff);
int remap_vmalloc_range_partial(struct vm_area_struct *vma, unsigned long uaddr, void *kaddr,
				unsigned long pgoff, unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp);
void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp, int node,
		     const void *caller);
void *vmalloc_node(unsigned long size, int node);
void *vzalloc_node(unsigned long size, int node);
void *vmalloc_32(unsigned long size);
void *vmalloc_array(size_t n, size_t size);
void *vcalloc(size_t n, size_t size);
void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp, pgprot_t prot, unsigned long vm_flags,
			   const void *caller);
void vfree(const void *addr);
void vfree_atomic(const void *addr);
/* mm386: do the vfree()s that interrupt handlers deferred (see vmalloc.c). */
void vfree_deferred_drain(void);

void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void *vm_map_ram(struct page **pages, unsigned int count, int node);
void vm_unmap_ram(const void *mem, unsigned int count);
void vunmap(const void *addr);

struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
struct vm_struct *__get_vm_area_node(unsigned long size, unsigned long align,
				     unsigned long flags, unsigned long start,
				     unsigned long end, gfp_t gfp, const void *caller);
struct vm_struct *find_vm_area(const void *addr);
void free_vm_area(struct vm_struct *area);

/*
 * struct vmalloc_info - the vmalloc area in numbers (Linux had this until
 * 4.4 for /proc/meminfo's VmallocUsed and VmallocChunk).
 * @used:          bytes of the areas, guard pages included
 * @largest_chunk: the largest free range of addresses
 * @nr_areas:      areas on the busy list
 * @nr_pages:      pages mapped by vmalloc() areas (= NR_VMALLOC)
 */
struct vmalloc_info {
	unsigned long used;
	unsigned long largest_chunk;
	unsigned long nr_areas;
	unsigned long nr_pages;
};
void get_vmalloc_info(struct vmalloc_info *vmi);

/*
 * vmalloc_describe - what the vmalloc address @addr is: inside which area
 * (start, size, caller, the pfn there), in which area's guard page, or in
 * free vmalloc space.  describe_address() and so the oops use it, through
 * the hook vmalloc_init() sets (mm/describe.c).
 */
void vmalloc_describe(unsigned long addr, char *buf, size_t size);

/*
 * vmalloc_populate_page_tables - mm386: give every 4 MB of the vmalloc area
 * its page table now, instead of on first use.  Page tables are never
 * freed, so tests call this before they measure "nothing lost".
 * Return: how many page tables it had to allocate; -ENOMEM on failure.
 */
int vmalloc_populate_page_tables(void);

/*
 * vmalloc_check - mm386: check the vmalloc area's bookkeeping from
 * scratch (both trees, both lists, the tiling, subtree_max_size).
 * Return: the number of problems found (each printed), 0 if none.
 */
int vmalloc_check(void);

void vmalloc_init(void);
void vmalloc_for_each_area(void (*fn)(const struct vm_struct *vm, void *arg), void *arg);

#endif
