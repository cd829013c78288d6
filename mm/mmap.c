// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmap.c - a process's address space as a set of VMAs: mmap, munmap,
 * brk, and where new mappings go.
 *
 * The articles' malloc lives here.  glibc's malloc asks the kernel for
 * memory in two ways, and both only make VMAs (the pages come later, on
 * the first touch: mm/memory.c):
 *
 *   small requests: brk() moves the end of the heap, the "[heap]" VMA right
 *   after the program's bss, up (and down) - sys_brk;
 *   large requests (128 KB and more, glibc's M_MMAP_THRESHOLD): an
 *   anonymous mmap() of their own, placed top-down below mmap_base and
 *   returned whole to the kernel by free() - do_mmap, do_munmap.
 *
 * The layout, Linux i386's "legacy off" one with randomization disabled
 * (as randomize_va_space=0 or norandmaps: mm386 has no randomization, so
 * addresses are the same at every run):
 *
 *   0x08048000  the program (ET_EXEC's fixed address), then data and bss
 *   brk         the heap: from the page after the bss, growing up
 *   ...         free
 *   mmap_base   0xb8000000: TASK_SIZE minus the stack gap (RLIMIT_STACK,
 *               8 MB, plus the 1 MB stack_guard_gap, at least 128 MB);
 *               mmap() takes the highest free range below it
 *   ...         the stack, growing down from TASK_SIZE (0xc0000000)
 *
 * The VMAs are kept in an rbtree by address (find_vma: O(log n)) and on a
 * sorted list (Linux until 6.0; 6.1 replaced both with the maple tree).
 * munmap and mprotect split VMAs at their boundaries (split_vma); mmap and
 * brk merge a new anonymous range into a neighbour that ends or starts
 * exactly there with the same flags (vma_merge), so a growing heap stays
 * one VMA.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/shmem_fs.h>
#include "internal.h"

#define MMAP_MIN_ADDR		65536UL		/* vm.mmap_min_addr as Debian sets it */
#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)

static struct kmem_cache *vm_area_cachep;

/*
 * vm_area_cache_init - the VMAs' cache, made at boot with the other
 * process caches (fork_init), as Linux's proc_caches_init() makes it: not
 * at the first VMA, which would make a test's first mmap look like a
 * cache that leaked (tests/kernel/mm_helpers.c compares the caches).
 */
void vm_area_cache_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);
	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
	}
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

/*
 * vm_get_page_prot - the PTE bits for a VMA's pages (Linux's
 * protection_map): present and user for any access; writable only for a
 * shared writable mapping.  A private writable mapping starts read-only:
 * its pages become writable one by one, by the write fault that copies or
 * claims them.  i386 without PAE cannot forbid execution, so VM_EXEC
 * changes nothing.  No access at all: PROT_NONE, not present to the CPU.
 */
unsigned long vm_get_page_prot(unsigned long vm_flags)
{
	unsigned long prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return _PAGE_PROTNONE | _PAGE_ACCESSED;
	if ((vm_flags & (VM_WRITE | VM_SHARED)) == (VM_WRITE | VM_SHARED))
		prot |= _PAGE_RW;
	return prot;
}

/* vm_stat_account - VmSize, VmData, VmExe, VmStk bookkeeping for @npages. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_STACK)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE)
		mm->data_vm += npages;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
}

/**
 * find_vma - the first VMA that ends above @addr (it may start above it too)
 * Return: the VMA, or NULL when every VMA ends at or below @addr.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct, vm_rb);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

/* find_vma_intersection - a VMA overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	struct list_head *n = vma->vm_list.next;

	return n == &vma->vm_mm->mmap_list ? NULL :
	       list_entry(n, struct vm_area_struct, vm_list);
}

struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	struct list_head *p = vma->vm_list.prev;

	return p == &vma->vm_mm->mmap_list ? NULL :
	       list_entry(p, struct vm_area_struct, vm_list);
}

/*
 * The previous VMA of the (not yet linked) range starting at @addr.
 * Always inline, as vma_merge below: both are on the path of every brk and
 * mmap, where a call would cost more than they do.
 */
static __always_inline struct vm_area_struct *find_vma_prev(struct mm_struct *mm,
							     unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma)
		return vma_prev(vma);
	return list_empty(&mm->mmap_list) ? NULL :
	       list_last_entry(&mm->mmap_list, struct vm_area_struct, vm_list);
}

/*
 * Free the page tables of the hole [@start, @end) that the VMAs around it
 * do not reach into (mm/memory.c's free_pgtables).
 */
static void free_hole_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *prev = find_vma_prev(mm, start);
	struct vm_area_struct *next = find_vma(mm, start);

	free_pgtables(mm, start, end, prev ? prev->vm_end : 0,
		      next ? next->vm_start : TASK_SIZE);
}

bool vma_is_stack(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_GROWSDOWN;
}

bool vma_is_heap(const struct vm_area_struct *vma)
{
	return vma->vm_start <= vma->vm_mm->brk && vma->vm_end >= vma->vm_mm->start_brk &&
	       !vma->vm_file;
}

/* The lowest address a stack VMA keeps free below it: its guard gap. */
static unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= stack_guard_gap;
		if (start > vma->vm_start)
			start = 0;
	}
	return start;
}

/**
 * insert_vm_struct - link @vma (not overlapping any other) into @mm and
 * account it.  Return: 0, or -ENOMEM if it overlaps.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *next;

	while (*link) {
		struct vm_area_struct *v = rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		if (vma->vm_end <= v->vm_start)
			link = &parent->rb_left;
		else if (vma->vm_start >= v->vm_end)
			link = &parent->rb_right;
		else
			return -ENOMEM;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	next = find_vma(mm, vma->vm_end);
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap_list);
	vma->vm_mm = mm;
	mm->map_count++;
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	return 0;
}

// Take @vma out of @mm's tree and list, and out of the accounting.
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	list_del(&vma->vm_list);
	mm->map_count--;
	vm_stat_account(mm, vma->vm_flags, -vma_pages(vma));
}

/*
 * vma_adjust - give @vma new bounds, keeping the tree ordered (the
 * neighbours are not touched, so the order cannot change).
 */
void vma_adjust(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	vm_stat_account(mm, vma->vm_flags, -vma_pages(vma));
	vma->vm_pgoff -= ((long)vma->vm_start - (long)start) >> PAGE_SHIFT;
	vma->vm_start = start;
	vma->vm_end = end;
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
}

/* The VMA's own close (vm_ops), then the VMA goes; it is off the tree already. */
void remove_vma(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	vm_area_free(vma);
}

/*
 * split_vma - cut @vma at @addr into two VMAs, the new one below @addr
 * (@new_below) or above it.  Return: 0 or -ENOMEM.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below)
{
	struct vm_area_struct *new = vm_area_alloc(mm);

	if (!new)
		return -ENOMEM;
	*new = *vma;
	INIT_LIST_HEAD(&new->vm_list);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);		/* one more VMA on the driver's memory */
	if (new_below) {
		new->vm_end = addr;
		vma_adjust(vma, addr, vma->vm_end);
	} else {
		new->vm_start = addr;
		new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma_adjust(vma, vma->vm_start, addr);
	}
	if (insert_vm_struct(mm, new)) {
		/* only an overlap, which no caller makes: put @vma back whole */
		WARN_ONCE(1, "split_vma: [%lx-%lx) overlaps a VMA\n", new->vm_start, new->vm_end);
		vma_adjust(vma, min(vma->vm_start, new->vm_start), max(vma->vm_end, new->vm_end));
		remove_vma(new);
		return -ENOMEM;
	}
	return 0;
}

// Can [@start, @end) with @flags/@file/@pgoff join @vma on its side?
bool can_merge(const struct vm_area_struct *vma, unsigned long flags,
	       struct ramfs_file *file, unsigned long pgoff, unsigned long start)
{
	if (vma->vm_flags != flags || vma->vm_file != file || vma->vm_ops)
		return false;
	if (file && linear_page_index(vma, start) != pgoff)
		return false;
	return true;
}

/*
 * vma_merge - try to cover [@addr, @end) by growing @prev or the next VMA
 * (or both into one).  Return: the VMA that now covers it, or NULL.
 */
static __always_inline struct vm_area_struct *vma_merge(struct mm_struct *mm,
							 struct vm_area_struct *prev,
							 unsigned long addr, unsigned long end,
							 unsigned long flags, struct ramfs_file *file,
							 unsigned long pgoff)
{
	struct vm_area_struct *next = prev ? vma_next(prev) : find_vma(mm, addr);
	bool with_prev = prev && prev->vm_end == addr && can_merge(prev, flags, file, pgoff, addr);
	bool with_next = next && next->vm_start == end && !file &&
			 can_merge(next, flags, file, pgoff, addr) && !(flags & VM_GROWSDOWN);

	if (with_prev && with_next) {
		unsigned long next_end = next->vm_end;

		vma_unlink(mm, next);
		vm_area_free(next);
		vma_adjust(prev, prev->vm_start, next_end);
		return prev;
	}
	if (with_prev) {
		vma_adjust(prev, prev->vm_start, end);
		return prev;
	}
	if (with_next) {
		vma_adjust(next, addr, next->vm_end);
		return next;
	}
	return NULL;
}

/**
 * copy_vma - a VMA like @vma for [@addr, @addr + @len), file offset @pgoff:
 * where mremap() moves @vma's pages.  The range must be free; it joins a
 * neighbour when it can (vma_merge).
 * Return: the VMA that covers the range, or NULL (no memory).
 */
struct vm_area_struct *copy_vma(struct vm_area_struct *vma, unsigned long addr,
				unsigned long len, unsigned long pgoff)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new;

	if (!vma->vm_ops) {
		new = vma_merge(mm, find_vma_prev(mm, addr), addr, addr + len, vma->vm_flags,
				vma->vm_file, pgoff);
		if (new)
			return new;
	}
	new = vm_area_alloc(mm);
	if (!new)
		return NULL;
	*new = *vma;
	INIT_LIST_HEAD(&new->vm_list);
	new->vm_start = addr;
	new->vm_end = addr + len;
	new->vm_pgoff = pgoff;
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);		/* one more VMA on the driver's memory */
	if (insert_vm_struct(mm, new)) {	/* an overlap: the caller checked for none */
		WARN_ONCE(1, "copy_vma: [%lx-%lx) overlaps a VMA\n", addr, addr + len);
		remove_vma(new);
		return NULL;
	}
	return new;
}

// Is [@addr, @addr + @len) free of VMAs and their stack guard gaps?
static bool range_is_free(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *next = find_vma(mm, addr);

	return !next || addr + len <= vm_start_gap(next);
}

/*
 * unmapped_area_topdown - the highest free range of @len bytes below
 * mmap_base (Linux's vm_unmapped_area with VM_UNMAPPED_AREA_TOPDOWN), or
 * -ENOMEM.
 */
static unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len)
{
	unsigned long limit = mm->mmap_base, low = max(MMAP_MIN_ADDR, PAGE_SIZE);
	struct vm_area_struct *vma;

	list_for_each_entry_reverse(vma, &mm->mmap_list, vm_list) {
		if (vma->vm_end < limit && limit - vma->vm_end >= len)
			return limit - len;	/* the gap [vm_end, limit) fits */
		limit = min(limit, vm_start_gap(vma));
		if (limit < low + len)
			return -ENOMEM;
	}
	return limit >= low + len ? limit - len : -ENOMEM;
}

// Bottom-up from TASK_UNMAPPED_BASE: the fallback when top-down finds nothing.
static unsigned long unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long addr = TASK_UNMAPPED_BASE;
	struct vm_area_struct *vma;

	for_each_vma(mm, vma) {
		unsigned long gap_end = vm_start_gap(vma);

		if (vma->vm_end <= addr)
			continue;
		/* [addr, gap_end) fits: no addr + len, which wraps past 4 GB */
		if (gap_end > addr && gap_end - addr >= len)
			return addr;
		addr = vma->vm_end;
	}
	return TASK_SIZE - addr >= len ? addr : -ENOMEM;
}

/**
 * get_unmapped_area - where a mapping of @len bytes goes
 * @addr: a hint, or the address itself with MAP_FIXED
 * @flags: MAP_FIXED: exactly @addr
 * Return: the address, or -ENOMEM (no room, or beyond TASK_SIZE).
 */
unsigned long get_unmapped_area(struct ramfs_file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr > TASK_SIZE - len ? -ENOMEM : addr;
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (TASK_SIZE - len >= addr && addr >= MMAP_MIN_ADDR && range_is_free(mm, addr, len)) {
			struct vm_area_struct *prev = find_vma_prev(mm, addr);

			if (!prev || addr >= prev->vm_end)
				return addr;
		}
	}
	ret = unmapped_area_topdown(mm, len);
	if (IS_ERR_VALUE(ret))
		ret = unmapped_area(mm, len);
	return ret;
}

/*
 * accountable_mapping - does a mapping with @vm_flags count in Committed_AS?
 * A private writable one does: each of its pages may become a page of its
 * own.  A shared one is its object's (mm/shmem.c) or a driver's, a
 * read-only one never needs a copy, and MAP_NORESERVE asked not to.
 */
static bool accountable_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/*
 * mmap_region - make [@addr, @addr + @len) a mapping with @vm_flags,
 * replacing whatever was there (MAP_FIXED), merged with a neighbour when
 * it can be.  An accountable mapping (and the heap: VM_ACCOUNT in
 * @vm_flags) is promised first (__vm_enough_memory, mm/util.c).
 * Return: @addr or -errno.
 */
static unsigned long mmap_region(struct ramfs_file *file, struct file *f, unsigned long addr,
				 unsigned long len, unsigned long vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	long charged = 0;
	int err;

	if (find_vma_intersection(mm, addr, addr + len)) {
		err = do_munmap(mm, addr, len);
		if (err)
			return err;
	}
	if ((vm_flags & VM_ACCOUNT) || accountable_mapping(vm_flags)) {
		charged = len >> PAGE_SHIFT;
		if (security_vm_enough_memory_mm(mm, charged))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}
	prev = find_vma_prev(mm, addr);
	/* (never shared anonymous memory: a VMA of it has vm_ops, can_merge() says no) */
	if (!f && vma_merge(mm, prev, addr, addr + len, vm_flags, file, pgoff))
		return addr;
	err = -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		goto unacct;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	vma->vm_file = file;
	/* MAP_SHARED | MAP_ANONYMOUS: memory of its own (mm/shmem.c) */
	if (!file && !f && (vm_flags & VM_SHARED)) {
		err = shmem_zero_setup(vma);
		if (err)
			goto free_vma;
	}
	if (f && f->f_op->mmap) {
		err = f->f_op->mmap(f, vma);
		if (err) {
			zap_page_range(vma, vma->vm_start, vma->vm_end);
			free_hole_pgtables(mm, addr, addr + len);
			goto free_vma;
		}
	}
	err = insert_vm_struct(mm, vma);
	if (err) {
		remove_vma(vma);
		goto unacct;
	}
	return addr;
free_vma:
	vm_area_free(vma);
unacct:
	vm_unacct_memory(charged);
	return err;
}

static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/**
 * do_mmap_file - mmap() with Linux's checks and errors
 * @file: a ramfs file (private file mapping), or NULL
 * @f: the open file whose f_op->mmap sets the VMA up (/dev/mm386), or NULL
 * Return: the address, or -EINVAL (length 0, bad flags, unaligned
 * MAP_FIXED), -ENOMEM (no room, beyond TASK_SIZE), -EEXIST
 * (MAP_FIXED_NOREPLACE over a mapping), -EOVERFLOW (offset wraps),
 * -EOPNOTSUPP (MAP_SHARED_VALIDATE with a flag mmap does not know).
 */
unsigned long do_mmap_file(struct ramfs_file *file, struct file *f, unsigned long addr,
			   unsigned long len, unsigned long prot, unsigned long flags,
			   unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;

	if (!len)
		return -EINVAL;
	if (!(flags & MAP_FIXED) && addr && addr < MMAP_MIN_ADDR)
		addr = PAGE_ALIGN(MMAP_MIN_ADDR);	/* round_hint_to_min */
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if ((flags & MAP_FIXED) && (addr & ~PAGE_MASK))
		return -EINVAL;
	if (mm->map_count > 65530)		/* sysctl_max_map_count */
		return -ENOMEM;
	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;
	vm_flags = calc_vm_prot_bits(prot) | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:	/* unknown flags are an error, not ignored */
		if (!file && !f)
			return -EINVAL;
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		fallthrough;
	case MAP_SHARED:
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		/* a ramfs file is never open for writing: never writable through it */
		if (file)
			vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		break;
	case MAP_PRIVATE:
		break;
	default:
		return -EINVAL;
	}
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	/* not counted in Committed_AS, unless vm.overcommit_memory is 2 */
	if ((flags & MAP_NORESERVE) && sysctl_overcommit_memory != OVERCOMMIT_NEVER)
		vm_flags |= VM_NORESERVE;
	return mmap_region(file, f, addr, len, vm_flags, pgoff);
}

unsigned long do_mmap(struct ramfs_file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff)
{
	return do_mmap_file(file, NULL, addr, len, prot, flags, pgoff);
}

/*
 * unmap_vma - @vma goes from @mm: its pages, its place in the tree, its
 * promise in Committed_AS, then the VMA itself.
 */
static void unmap_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	zap_page_range(vma, vma->vm_start, vma->vm_end);
	vma_unlink(mm, vma);
	if (vma->vm_flags & VM_ACCOUNT)
		vm_unacct_memory(vma_pages(vma));
	remove_vma(vma);
}

/**
 * do_munmap - unmap [@start, @start + @len): VMAs inside go, VMAs across
 * an edge are split; the pages and page tables that are left unused are
 * freed.  Return: 0 (also when nothing was mapped) or -EINVAL (unaligned,
 * length 0, beyond TASK_SIZE), -ENOMEM (no VMA for a split).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end;
	struct vm_area_struct *vma, *next;

	if ((start & ~PAGE_MASK) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (start > vma->vm_start) {
		if (split_vma(mm, vma, start, 1))
			return -ENOMEM;
	}
	for (; vma && vma->vm_start < end; vma = next) {
		if (vma->vm_end > end && split_vma(mm, vma, end, 0))
			return -ENOMEM;
		next = vma_next(vma);
		unmap_vma(mm, vma);
	}
	free_hole_pgtables(mm, start, end);
	return 0;
}

/*
 * vm_brk_flags - an anonymous private mapping at exactly [@addr, @addr +
 * @len) (the heap, or the ELF loader's bss), merged with the VMA before it.
 */
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags)
{
	unsigned long vm_flags = VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT | flags;
	unsigned long ret;

	len = PAGE_ALIGN(len);
	if (!len)
		return 0;
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	ret = mmap_region(NULL, NULL, addr, len, vm_flags, 0);
	return IS_ERR_VALUE(ret) ? (int)ret : 0;
}

/**
 * sys_brk - move the end of the heap to @brk
 *
 * Linux's rules: a request below the start of the heap (or 0, which
 * glibc uses to ask) changes nothing; growing into another mapping (or
 * its guard gap) fails; shrinking unmaps the pages above the new end.
 * Return: the new end, or on any failure the old one (never an errno).
 */
unsigned long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;
	struct vm_area_struct *next;

	if (brk < mm->start_brk || brk > TASK_SIZE)
		return mm->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		mm->brk = brk;
		return brk;
	}
	if (brk <= mm->brk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			return mm->brk;
		mm->brk = brk;
		return brk;
	}
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		return mm->brk;
	if (vm_brk_flags(oldbrk, newbrk - oldbrk, 0))
		return mm->brk;
	mm->brk = brk;
	return brk;
}

/**
 * expand_stack - grow stack VMA @vma down to cover @address
 * Return: 0, or -ENOMEM beyond RLIMIT_STACK (8 MB), into the guard gap
 * above another mapping, or when the new pages cannot be promised
 * (Committed_AS: the stack counts as it grows).
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct vm_area_struct *prev = vma_prev(vma);

	address &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN) || address >= vma->vm_start)
		return address >= vma->vm_start ? 0 : -ENOMEM;
	if (vma->vm_end - address > STACK_RLIMIT)
		return -ENOMEM;
	if (address < MMAP_MIN_ADDR)
		return -ENOMEM;
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) &&
	    (prev->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)) &&
	    address - prev->vm_end < stack_guard_gap)
		return -ENOMEM;
	if (prev && prev->vm_end > address)
		return -ENOMEM;
	/* (Linux 6.1 asks for any stack; one without VM_ACCOUNT would keep the promise forever) */
	if ((vma->vm_flags & VM_ACCOUNT) &&
	    security_vm_enough_memory_mm(vma->vm_mm, (vma->vm_start - address) >> PAGE_SHIFT))
		return -ENOMEM;
	vma_adjust(vma, address, vma->vm_end);
	return 0;
}

/* exit_mmap - the end of an address space: every page, table and VMA goes. */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *n;

	list_for_each_entry_safe(vma, n, &mm->mmap_list, vm_list)
		unmap_vma(mm, vma);
	free_pgtables(mm, 0, TASK_SIZE, 0, TASK_SIZE);
}
