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
 * vma_modify_flags() (split, new flags, merge back) serves madvise's
 * advice too, which changes flags and leaves the PTEs alone.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/shmem_fs.h>
#include "internal.h"

/*
 * vmas_join - may @a and @b, the VMA right after it, become one VMA?
 * Their flags must be the same; anonymous VMAs join, and so do two VMAs
 * of a file where @b's pages follow @a's in it.  Shared anonymous memory
 * is such a file (Linux's shmem): two VMAs of one object join when @b's
 * pages follow @a's in it.  A driver's VMAs never join.
 */
static bool vmas_join(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start)
		return false;
	if (vma_is_anon_shmem(a) && vma_is_anon_shmem(b))
		return a->vm_flags == b->vm_flags && a->vm_private_data == b->vm_private_data &&
		       linear_page_index(a, b->vm_start) == b->vm_pgoff;
	return !b->vm_ops && can_merge(a, b->vm_flags, b->vm_file, b->vm_pgoff, b->vm_start);
}

/*
 * vma_modify_flags - give [@start, @end) of @vma the flags @newflags:
 * split it off, set them, merge it back with a neighbour if they now
 * match.  The PTEs are left as they are (mprotect_fixup rewrites them;
 * madvise's flags do not need it).  Return: 0 or -ENOMEM (no VMA for a
 * split).
 */
int vma_modify_flags(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		     unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev, *merged;
	long npages = (end - start) >> PAGE_SHIFT;

	if (newflags == vma->vm_flags)
		return 0;
	if (start > vma->vm_start && split_vma(mm, vma, start, 1))
		return -ENOMEM;
	if (end < vma->vm_end && split_vma(mm, vma, end, 0))
		return -ENOMEM;
	vm_stat_account(mm, vma->vm_flags, -npages);
	vm_stat_account(mm, newflags, npages);
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	/* Merge back: with the VMA before, then with the one after. */
	prev = vma_prev(vma);
	if (prev && vmas_join(prev, vma)) {
		unsigned long e = vma->vm_end;

		vma_unlink(mm, vma);
		remove_vma(vma);
		vma_adjust(prev, prev->vm_start, e);
		vma = prev;
	}
	merged = vma_next(vma);
	if (merged && !(newflags & VM_GROWSDOWN) && vmas_join(vma, merged)) {
		unsigned long e = merged->vm_end;

		vma_unlink(mm, merged);
		remove_vma(merged);
		vma_adjust(vma, vma->vm_start, e);
	}
	return 0;
}

/*
 * mprotect_fixup - give [@start, @end) of @vma the flags @newflags, and
 * its PTEs the protection that goes with them.  A private mapping that
 * becomes writable for the first time is promised its pages now
 * (Committed_AS; -ENOMEM if it cannot be); one made read-only again keeps
 * its promise, as in Linux (VM_ACCOUNT stays).
 */
static int mprotect_fixup(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			  unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	long charged = 0;
	int err;

	if (newflags == vma->vm_flags)
		return 0;
	if ((newflags & VM_WRITE) &&
	    !(vma->vm_flags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE))) {
		charged = (end - start) >> PAGE_SHIFT;
		if (security_vm_enough_memory_mm(mm, charged))
			return -ENOMEM;
		newflags |= VM_ACCOUNT;
	}
	err = vma_modify_flags(vma, start, end, newflags);
	if (err) {
		vm_unacct_memory(charged);
		return err;
	}
	change_protection(find_vma(mm, start), start, end, vm_get_page_prot(newflags));
	return 0;
}

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
