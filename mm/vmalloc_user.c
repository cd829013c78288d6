// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmalloc_user.c - vmalloc memory that user space maps (seed 001's
 * "vmalloc memory can be mapped to user space").
 *
 * A driver that shares a buffer with a program allocates it with
 * vmalloc_user() (zeroed, so no stale kernel data reaches user space, and
 * marked VM_USERMAP: meant to be mapped) and, in its mmap handler, calls
 * remap_vmalloc_range(): each page of the area is inserted into the
 * process's VMA (vm_insert_page, mm/memory.c).  The same physical pages
 * are then at two virtual addresses: the kernel's, in the vmalloc area
 * (PDEs 768-1023, shared by every process), and the program's, below
 * 3 GB in its own page tables.  What one writes, the other reads.
 *
 * vmalloc_32_user() is the same with pages a 32-bit device could reach:
 * on i386 (no ZONE_DMA32) that means lowmem, never HighMem.
 *
 * The other way to give a program kernel memory is remap_pfn_range() of
 * physically contiguous pages (kmalloc, __get_free_pages): page frames,
 * no refcounts (drivers/mm386_dev.c shows both).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/errno.h>
#include <linux/export.h>

#define SHMLBA	PAGE_SIZE	/* i386's alignment for shared mappings */

/**
 * vmalloc_user - zeroed vmalloc memory, to be mapped into user space
 * @size: bytes (whole pages are mapped)
 * Return: the kernel address, or NULL.
 */
noinline void *vmalloc_user(unsigned long size)
{
	return __vmalloc_node_range(size, SHMLBA, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO, PAGE_KERNEL, VM_USERMAP,
				    __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc_user);

/**
 * vmalloc_32_user - vmalloc_user() with 32-bit addressable pages: on i386,
 * lowmem (GFP_VMALLOC32 has no __GFP_HIGHMEM)
 */
noinline void *vmalloc_32_user(unsigned long size)
{
	return __vmalloc_node_range(size, SHMLBA, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_DMA32 | __GFP_ZERO, PAGE_KERNEL, VM_USERMAP,
				    __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc_32_user);

/**
 * remap_vmalloc_range_partial - map @size bytes of a vmalloc_user() area
 * at @kaddr into user VMA @vma at @uaddr
 * @pgoff: the offset in pages the program asked for (already in @kaddr)
 *
 * Return: 0; -EINVAL when @kaddr is not in an area made to be mapped
 * (VM_USERMAP), or the range runs past the area's end or the VMA's;
 * -ENOMEM (no page table).  The caller undoes a partial mapping.
 */
int remap_vmalloc_range_partial(struct vm_area_struct *vma, unsigned long uaddr, void *kaddr,
				unsigned long pgoff, unsigned long size)
{
	struct vm_struct *area = find_vm_area(kaddr);
	unsigned long end_of_area, i;
	int err;

	size = PAGE_ALIGN(size);
	if (!area || !(area->flags & VM_USERMAP) || ((unsigned long)kaddr & ~PAGE_MASK))
		return -EINVAL;
	end_of_area = (unsigned long)area->addr + get_vm_area_size(area);
	if ((unsigned long)kaddr + size < (unsigned long)kaddr ||
	    (unsigned long)kaddr + size > end_of_area ||
	    uaddr < vma->vm_start || size > vma->vm_end - uaddr)
		return -EINVAL;
	for (i = 0; i < size; i += PAGE_SIZE) {
		err = vm_insert_page(vma, uaddr + i, vmalloc_to_page((char *)kaddr + i));
		if (err)
			return err;
	}
	vma->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
	return 0;
}

/**
 * remap_vmalloc_range - map the vmalloc_user() area at @addr, from page
 * @pgoff on, over the whole of user VMA @vma (a driver's mmap handler)
 * Return: 0 or -errno, as remap_vmalloc_range_partial().
 */
int remap_vmalloc_range(struct vm_area_struct *vma, void *addr, unsigned long pgoff)
{
	return remap_vmalloc_range_partial(vma, vma->vm_start,
					   (char *)addr + (pgoff << PAGE_SHIFT), pgoff,
					   vma->vm_end - vma->vm_start);
}
EXPORT_SYMBOL(remap_vmalloc_range);
