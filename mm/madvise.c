// SPDX-License-Identifier: GPL-2.0
/*
 * mm/madvise.c - madvise(): a program tells the kernel how it will use a
 * range of its memory.
 *
 * The advice that matters most to the articles' malloc is MADV_DONTNEED:
 * "I will not need these pages' contents".  The kernel takes the pages
 * away at once (zap_page_range, as munmap does) but keeps the VMA, so the
 * range stays valid: the next touch faults in a fresh zeroed page.  That
 * is how an allocator gives memory back from the middle of its heap, where
 * brk cannot shrink: glibc's malloc_trim() does it for the free chunks
 * between used ones (user/trim.c shows it).  MADV_FREE says the same but
 * lets the kernel wait until memory is short; mm386 frees at once, which
 * MADV_FREE allows.  In shared anonymous memory (mm/shmem.c) DONTNEED
 * drops only this process's PTEs: the pages stay the mapping's, and the
 * next touch finds the same bytes; MADV_REMOVE is what gives them back.
 *
 * The rest:
 *   MADV_POPULATE_READ/WRITE  fault the pages in now (a read maps the zero
 *                             page where nothing was written yet);
 *   MADV_DONTFORK/DOFORK      a child of fork() does not get the range, or
 *                             does again (kernel/fork.c, dup_mm);
 *   MADV_WIPEONFORK/KEEPONFORK  a child gets the range empty (zero-filled);
 *   MADV_REMOVE               shared anonymous memory gives the pages back,
 *                             in every process that maps them (a hole
 *                             punched in Linux's shmem file);
 *   MADV_NORMAL/RANDOM/SEQUENTIAL, DONTDUMP/DODUMP  flags on the VMA only:
 *                             mm386 reads ahead nothing and dumps no core;
 *   MADV_WILLNEED, COLD, PAGEOUT  hints with nothing to do here: all of a
 *                             file is in memory already, and there is no
 *                             swap to page out to.
 * mm386 is a Linux built without KSM, transparent huge pages and memory
 * failure handling, so their advice (MERGEABLE, HUGEPAGE, COLLAPSE,
 * HWPOISON...) is -EINVAL, as it is on such a Linux.
 *
 * A range may cover several VMAs and holes: the advice is applied to the
 * VMAs, and a hole makes the call fail with -ENOMEM at the end (Linux's
 * madvise_walk_vmas).  Each rule and errno is Linux 6.1's.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/shmem_fs.h>
#include "internal.h"

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_DONTNEED: case MADV_DONTNEED_LOCKED: case MADV_FREE: case MADV_REMOVE:
	case MADV_DONTFORK: case MADV_DOFORK: case MADV_DONTDUMP: case MADV_DODUMP:
	case MADV_WIPEONFORK: case MADV_KEEPONFORK: case MADV_COLD: case MADV_PAGEOUT:
	case MADV_POPULATE_READ: case MADV_POPULATE_WRITE:
		return true;
	default:
		return false;
	}
}

// MADV_DONTNEED, _LOCKED, MADV_FREE: the pages of [@start, @end) go.
static int madvise_dontneed_free(struct vm_area_struct *vma, unsigned long start,
				 unsigned long end, int behavior)
{
	unsigned long forbidden = VM_PFNMAP | (behavior == MADV_DONTNEED_LOCKED ? 0 : VM_LOCKED);

	if (vma->vm_flags & forbidden)
		return -EINVAL;
	if (behavior == MADV_FREE && (vma->vm_file || vma->vm_ops))
		return -EINVAL;		/* only private anonymous memory can be freed lazily */
	zap_page_range(vma, start, end);
	return 0;
}

/*
 * MADV_POPULATE_READ/WRITE: fault in every page of [@start, @end) that is
 * not there (or, to write, not writable) yet, as the first touch would.
 */
static int madvise_populate(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, int behavior)
{
	bool write = behavior == MADV_POPULATE_WRITE;
	unsigned long addr;

	if ((vma->vm_flags & (VM_IO | VM_PFNMAP)) ||
	    !(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return -EINVAL;		/* Linux's "incompatible mapping or permissions" */
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = follow_pte(vma->vm_mm, addr);
		vm_fault_t ret;

		if (ptep && (*ptep & _PAGE_PRESENT) && (!write || (*ptep & _PAGE_RW)))
			continue;
		ret = handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0);
		if (ret & VM_FAULT_OOM)
			return -ENOMEM;
		if (ret & VM_FAULT_ERROR)
			return -EFAULT;
	}
	return 0;
}

// The advice that only changes the VMA's flags; the VMA is split to fit.
static int madvise_update_flags(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, int behavior)
{
	unsigned long flags = vma->vm_flags;

	switch (behavior) {
	case MADV_NORMAL:
		flags &= ~(VM_RAND_READ | VM_SEQ_READ);
		break;
	case MADV_SEQUENTIAL:
		flags = (flags & ~VM_RAND_READ) | VM_SEQ_READ;
		break;
	case MADV_RANDOM:
		flags = (flags & ~VM_SEQ_READ) | VM_RAND_READ;
		break;
	case MADV_DONTFORK:
		flags |= VM_DONTCOPY;
		break;
	case MADV_DOFORK:
		if (flags & VM_IO)
			return -EINVAL;
		flags &= ~VM_DONTCOPY;
		break;
	case MADV_WIPEONFORK:
		if (vma->vm_file || (flags & VM_SHARED))
			return -EINVAL;	/* anonymous private memory only */
		flags |= VM_WIPEONFORK;
		break;
	case MADV_KEEPONFORK:
		flags &= ~VM_WIPEONFORK;
		break;
	case MADV_DONTDUMP:
		flags |= VM_DONTDUMP;
		break;
	case MADV_DODUMP:
		if (flags & VM_SPECIAL)
			return -EINVAL;
		flags &= ~VM_DONTDUMP;
		break;
	}
	/* no memory for a split: -EAGAIN, "try again", as Linux says it */
	return vma_modify_flags(vma, start, end, flags) ? -EAGAIN : 0;
}

// @behavior on [@start, @end), which lies inside @vma.
static int madvise_vma(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		       int behavior)
{
	switch (behavior) {
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
		return madvise_dontneed_free(vma, start, end, behavior);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, start, end, behavior);
	case MADV_REMOVE:
		if (vma->vm_flags & VM_LOCKED || !(vma->vm_file || vma_is_anon_shmem(vma)))
			return -EINVAL;
		if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
			return -EACCES;
		if (vma->vm_file)
			return -EOPNOTSUPP;	/* ramfs cannot punch holes, nor can Linux's */
		shmem_punch_hole(vma, start, end);	/* shared anonymous memory can */
		return 0;
	case MADV_WILLNEED:
		return 0;
	case MADV_COLD:
	case MADV_PAGEOUT:
		return vma->vm_flags & (VM_LOCKED | VM_PFNMAP) ? -EINVAL : 0;
	default:
		return madvise_update_flags(vma, start, end, behavior);
	}
}

/**
 * sys_madvise - advise the kernel about [@start, @start + @len_in)
 * @start: page-aligned
 * @len_in: bytes (rounded up to pages); 0 does nothing
 * @behavior: MADV_*
 *
 * Return: 0; -EINVAL (unknown advice, unaligned @start, a range that
 * wraps, or advice the VMA cannot take), -ENOMEM (part of the range is not
 * mapped: the rest got the advice), -EAGAIN (no memory to split a VMA),
 * -EACCES, -EOPNOTSUPP (MADV_REMOVE), -EFAULT (MADV_POPULATE_* on a page
 * that cannot be mapped).
 */
long sys_madvise(unsigned long start, size_t len_in, int behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, len, tmp;
	struct vm_area_struct *vma;
	int unmapped_error = 0, err;

	if (!madvise_behavior_valid(behavior) || (start & ~PAGE_MASK))
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;		/* rounded up past 4 GB */
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	for (vma = find_vma(mm, start); ; vma = find_vma(mm, start)) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;	/* a hole: noted, and skipped */
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		err = madvise_vma(vma, start, tmp, behavior);
		if (err)
			return err;
		start = tmp;
		if (start >= end)
			break;
	}
	return unmapped_error;
}
