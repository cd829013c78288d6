// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mincore.c - mincore(): which pages of a range are in memory now.
 *
 * Demand paging made visible from user space: one byte per page, 1 if the
 * page is resident.  After malloc(1 MB) every byte is 0, because nothing
 * is mapped until it is touched (mm/memory.c); after a memset every byte
 * is 1; after madvise(MADV_DONTNEED) they are 0 again.
 *
 * An anonymous page is resident when its PTE is present (the zero page a
 * read fault maps counts, as in Linux).  A page of a file is resident when
 * the file has it in memory, mapped here or not: ramfs keeps the whole
 * file in memory, so every page before its end is 1.  Shared anonymous
 * memory is such a file (mm/shmem.c): a page is resident when its object
 * has it, even where this process dropped its PTE.  The rules and
 * errors are Linux 6.1's: -EINVAL for an unaligned start, -ENOMEM for a
 * range beyond TASK_SIZE or with a hole, -EFAULT for a bad vector.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/shmem_fs.h>
#include "internal.h"

#define MINCORE_BATCH	64	/* bytes of the vector filled at a time */

// Is the page at @addr of @vma in memory?
static unsigned char page_resident(struct vm_area_struct *vma, unsigned long addr)
{
	pte_t *ptep = follow_pte(vma->vm_mm, addr);

	if (ptep && *ptep)
		return 1;	/* present, or PROT_NONE over a page */
	if (vma_is_anon_shmem(vma))
		return shmem_resident(vma, linear_page_index(vma, addr));
	if (!vma->vm_file || (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)))
		return 0;
	/* ramfs: all of the file is in memory */
	return linear_page_index(vma, addr) < vma->vm_file->nr_pages;
}

/*
 * do_mincore - fill @vec with up to @pages bytes for the pages from @addr,
 * within the one VMA that holds @addr.  Return: how many, or -ENOMEM (no
 * VMA there).
 */
static long do_mincore(unsigned long addr, unsigned long pages, unsigned char *vec)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);
	unsigned long i, n;

	if (!vma || vma->vm_start > addr)
		return -ENOMEM;
	n = min(pages, (vma->vm_end - addr) >> PAGE_SHIFT);
	for (i = 0; i < n; i++)
		vec[i] = page_resident(vma, addr + i * PAGE_SIZE);
	return n;
}

/**
 * sys_mincore - which pages of [@start, @start + @len) are resident
 * @start: page-aligned
 * @len: bytes; the last page may be partial
 * @vec: one byte per page: 1 resident, 0 not
 *
 * Return: 0, -EINVAL (unaligned @start), -ENOMEM (the range goes past
 * TASK_SIZE or has unmapped pages), -EFAULT (@vec cannot be written).
 */
long sys_mincore(unsigned long start, size_t len, unsigned char __user *vec)
{
	unsigned char buf[MINCORE_BATCH];
	unsigned long pages;
	long n;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!access_ok((void __user *)start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + ((len & ~PAGE_MASK) != 0);
	if (!access_ok(vec, pages))
		return -EFAULT;
	while (pages) {
		n = do_mincore(start, min(pages, (unsigned long)MINCORE_BATCH), buf);
		if (n < 0)
			return n;
		if (copy_to_user(vec, buf, n))
			return -EFAULT;
		pages -= n;
		vec += n;
		start += n << PAGE_SHIFT;
	}
	return 0;
}
