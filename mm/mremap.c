// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mremap.c - mremap(): make a mapping bigger or smaller, moving it if
 * it has to, without copying a byte.
 *
 * This is how glibc's realloc() grows a block it got from mmap() (one of
 * 128 KB and more, the articles' "large malloc"): it asks the kernel to
 * remap the block at its new size.  Three ways, cheapest first:
 *
 *   shrink         the tail is unmapped, as munmap() would (do_munmap);
 *   grow in place  nothing is mapped after the VMA: its end moves up, and
 *                  the new pages come later, on first touch (vma_expand_end);
 *   move           with MREMAP_MAYMOVE, a new VMA where there is room
 *                  (copy_vma), and the page table entries move there one
 *                  by one (move_page_tables): each page keeps its frame,
 *                  its contents and its reference count; only its virtual
 *                  address changes.  The old range is then unmapped, which
 *                  finds no pages left in it.
 *
 * So realloc(8 MB -> 16 MB) costs no copy and no page fault for the 8 MB
 * already there, where a malloc, memcpy and free would touch 4096 pages.
 * MREMAP_FIXED names the new address (anything mapped there goes first);
 * MREMAP_DONTUNMAP moves the pages but keeps the old VMA, empty, as Linux
 * 5.7 and later do (a userfaultfd or a garbage collector's trick).
 *
 * The rules and errors are Linux 6.1's (mm/mremap.c), checked by
 * user/errnos.c against Linux itself.  A zero old_len duplicates a shared
 * mapping: a second VMA of the same memory (shared anonymous memory's
 * object, mm/shmem.c, or the file), where nothing moves and nothing is
 * unmapped; of a private mapping it is -EINVAL, as in Linux 6.1.  One
 * difference: a driver's VMA that moves is not asked first (Linux's
 * vm_ops->mremap).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include "internal.h"

/*
 * vma_expand_end - mremap() growing in place: @vma takes the @delta bytes
 * after its end, if no VMA is there and they are below TASK_SIZE (Linux's
 * vma_expandable: the stack's guard gap is not looked at), and if an
 * accounted VMA can be promised them (Committed_AS).
 * Return: 0, or -ENOMEM if the range is not free or not promised.
 */
static int vma_expand_end(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end || end > TASK_SIZE ||
	    find_vma_intersection(vma->vm_mm, vma->vm_end, end))
		return -ENOMEM;
	if ((vma->vm_flags & VM_ACCOUNT) &&
	    security_vm_enough_memory_mm(vma->vm_mm, delta >> PAGE_SHIFT))
		return -ENOMEM;
	vma_adjust(vma, vma->vm_start, end);
	return 0;
}

/*
 * move_vma - give the pages of [@old_addr, +@old_len) of @vma a new home at
 * [@new_addr, +@new_len), which is free, and unmap the old range (unless
 * MREMAP_DONTUNMAP is in @flags).
 *
 * Committed_AS: an accounted VMA is promised what it grows by first; with
 * DONTUNMAP, whose old range stays, the whole new length.  The old range's
 * promise moves with its pages: unmapping it takes it back, so it is made
 * again (Linux hides VM_ACCOUNT from that unmap instead; the sum is the
 * same), and if the unmap failed the old range still owes it.
 * Return: @new_addr or -ENOMEM.
 */
static unsigned long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
			      unsigned long old_len, unsigned long new_len, unsigned long new_addr,
			      unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	bool account = vma->vm_flags & VM_ACCOUNT;
	long charged = (long)((flags & MREMAP_DONTUNMAP) ? new_len : new_len - old_len) >> PAGE_SHIFT;
	struct vm_area_struct *new_vma;
	unsigned long moved;

	if (!account)
		charged = 0;
	if (charged && security_vm_enough_memory_mm(mm, charged))
		return -ENOMEM;
	new_vma = copy_vma(vma, new_addr, new_len, linear_page_index(vma, old_addr));
	if (!new_vma) {
		vm_unacct_memory(charged);
		return -ENOMEM;
	}
	moved = move_page_tables(mm, old_addr, new_addr, old_len);
	if (moved < old_len) {
		/* out of page tables: everything back, and the new range goes */
		move_page_tables(mm, new_addr, old_addr, moved);
		do_munmap(mm, new_addr, new_len);
		/* that unmap took back new_len's promise; only @charged was new */
		if (account)
			vm_acct_memory((long)(new_len >> PAGE_SHIFT) - charged);
		return -ENOMEM;
	}
	/*
	 * Only the VMA and page tables are left there.  If its VMA cannot be
	 * split (no memory), the old range stays mapped, empty, and the move
	 * still stands, as in Linux.
	 */
	if (!(flags & MREMAP_DONTUNMAP)) {
		do_munmap(mm, old_addr, old_len);
		/* gone: its promise taken back, now made again; kept: it owes one too */
		if (account)
			vm_acct_memory(old_len >> PAGE_SHIFT);
	}
	return new_addr;
}

/*
 * vma_to_resize - the VMA that [@addr, @addr + @old_len) lies in, if it may
 * become @new_len long.  Return: the VMA, or ERR_PTR(-EFAULT) (not mapped,
 * or the range crosses the VMA's end, or a driver's mapping that may not
 * grow), ERR_PTR(-EINVAL) (a zero @old_len of a private mapping, which
 * would only make a new one; DONTUNMAP of a driver's mapping; a file
 * offset that wraps).
 */
static struct vm_area_struct *vma_to_resize(unsigned long addr, unsigned long old_len,
					    unsigned long new_len, unsigned long flags)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);

	if (!vma || vma->vm_start > addr)
		return ERR_PTR(-EFAULT);
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE)))
		return ERR_PTR(-EINVAL);
	if ((flags & MREMAP_DONTUNMAP) && (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return ERR_PTR(-EINVAL);
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);
	if (new_len == old_len)
		return vma;
	if (linear_page_index(vma, addr) + (new_len >> PAGE_SHIFT) < linear_page_index(vma, addr))
		return ERR_PTR(-EINVAL);
	if (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP))
		return ERR_PTR(-EFAULT);
	return vma;
}

// mremap with a new address: MREMAP_FIXED's, or DONTUNMAP's (a hint).
static unsigned long mremap_to(unsigned long addr, unsigned long old_len, unsigned long new_addr,
			       unsigned long new_len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret;

	if ((new_addr & ~PAGE_MASK) || new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;		/* the two ranges overlap */
	if (flags & MREMAP_FIXED) {
		ret = do_munmap(mm, new_addr, new_len);
		if (ret)
			return ret;
	}
	if (old_len > new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret)
			return ret;
		old_len = new_len;
	}
	vma = vma_to_resize(addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	ret = get_unmapped_area(vma->vm_file, new_addr, new_len, linear_page_index(vma, addr),
				flags & MREMAP_FIXED ? MAP_FIXED : 0);
	if (IS_ERR_VALUE(ret))
		return ret;
	return move_vma(vma, addr, old_len, new_len, ret, flags);
}

/**
 * sys_mremap - resize, and maybe move, the mapping at @addr
 * @addr: where it starts (page-aligned)
 * @old_len: its length now (rounded up to pages)
 * @new_len: the length wanted (rounded up to pages; not 0)
 * @flags: MREMAP_MAYMOVE (it may move), MREMAP_FIXED (to @new_addr, with
 *	MAYMOVE), MREMAP_DONTUNMAP (move, same length, the old VMA stays)
 * @new_addr: with MREMAP_FIXED, where it goes
 *
 * Return: the mapping's address, or -EINVAL (bad flags or alignment, a
 * zero length, overlapping ranges), -EFAULT (@addr not mapped, or the range
 * crosses a VMA's end), -ENOMEM (no room to grow and may not move; no
 * memory).  A shrink is an munmap of the tail.
 */
unsigned long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
			 unsigned long flags, unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr)
		return -EFAULT;		/* even for a shrink, as Linux since 5.16 */
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return mremap_to(addr, old_len, new_addr, new_len, flags);
	if (old_len >= new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		return ret && old_len != new_len ? ret : addr;
	}
	vma = vma_to_resize(addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if (old_len == vma->vm_end - addr && !vma_expand_end(vma, new_len - old_len))
		return addr;
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	ret = get_unmapped_area(vma->vm_file, 0, new_len, linear_page_index(vma, addr), 0);
	if (IS_ERR_VALUE(ret))
		return ret;
	return move_vma(vma, addr, old_len, new_len, ret, flags);
}
