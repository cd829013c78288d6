// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mprotect.c - mprotect(): new permissions for a range of VMAs.
 *
 * glibc's startup calls it once on every static program: the data after
 * RELRO ("read-only after relocation") becomes read-only, which splits
 * the data VMA in two.  A VMA's permissions are its vm_flags; the PTEs of
 * its pages already mapped are rewritten to match (change_protection in
 * mm/memory.c).  VM_MAY* bits say what mprotect may ever grant: a shared
 * mapping of a file opened read-only can never become writable (-EACCES).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/errno.h>

int mprotect_fixup(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		   unsigned long newflags);

/**
 * do_mprotect - mprotect(@start, @len, @prot) for current
 * Return: 0; -EINVAL (unaligned start, unknown prot bits), -ENOMEM (part
 * of the range is not mapped, or it wraps), -EACCES (not allowed by the
 * VMA's VM_MAY* bits).  As in Linux, VMAs before a hole keep their change.
 */
int do_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, nstart, tmp, newflags;
	struct vm_area_struct *vma, *next;
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if ((prot & (PROT_GROWSDOWN | PROT_GROWSUP)) == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	for (nstart = start; ; vma = next) {
		newflags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) |
			   ((prot & PROT_READ) ? VM_READ : 0) | ((prot & PROT_WRITE) ? VM_WRITE : 0) |
			   ((prot & PROT_EXEC) ? VM_EXEC : 0);
		/* newflags >> 4 shifts VM_MAY% in place of VM_% */
		if ((newflags & ~(newflags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC))
			return -EACCES;
		tmp = min(vma->vm_end, end);
		next = vma_next(vma);
		err = mprotect_fixup(vma, nstart, tmp, newflags);
		if (err)
			return err;
		nstart = tmp;
		if (nstart >= end)
			return 0;
		vma = find_vma(mm, nstart);
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
		next = vma;
	}
}
