// SPDX-License-Identifier: GPL-2.0
/*
 * mm/shmem.c - shared anonymous memory: mmap(MAP_SHARED | MAP_ANONYMOUS).
 *
 * A private anonymous page belongs to the one process that touched it:
 * fork shares it copy-on-write, and MADV_DONTNEED simply drops it (the
 * next touch gets a zero page again).  A shared anonymous mapping is a
 * promise of something else: every process that maps it, the parent and
 * the children it forks, sees the same bytes, even in a page first
 * touched after the fork, and a process that drops its PTEs with
 * MADV_DONTNEED finds the bytes again on its next touch.  So the pages
 * cannot belong to a process.  Linux gives them to a file of its own
 * internal tmpfs, shown as "/dev/zero (deleted)" in /proc/PID/maps
 * (shmem_zero_setup()); here the file is a struct shmem_object:
 *
 *   vma->vm_private_data --> struct shmem_object
 *                              pages[0]  page, or NULL until first touched
 *                              pages[1]  ...
 *                              nr_pages  the mapping's length at mmap()
 *
 * A fault in the mapping (mm/memory.c, do_shared_fault) asks the object
 * for page vm_pgoff + (addr - vm_start) / 4096: the first touch, in any
 * process, allocates and zeroes it; every later one maps the same page.
 * The object holds one reference on each of its pages and each PTE holds
 * one more, so a page lives while the object has it.  The object lives
 * while a VMA maps it: fork and a split add one (vm_ops->open), munmap
 * and exit take one away (vm_ops->close), and the last close gives every
 * page back ("nothing lost").  mremap() that grows the VMA past the
 * object's size gives SIGBUS past the end, as Linux does (the tmpfs file
 * keeps its size).  The pages count in RssShmem (/proc/PID/status) and in
 * meminfo's Shmem, not in AnonPages.
 *
 * Committed_AS counts the object, not its VMAs (which have no VM_ACCOUNT):
 * its whole size is promised when it is made and taken back when it goes,
 * however many processes map it.  With MAP_NORESERVE each page is promised
 * as it is allocated instead, and a page that cannot be is SIGBUS, as
 * Linux's tmpfs does (shmem_acct_size, shmem_acct_block).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/vmstat.h>
#include <linux/shmem_fs.h>
#include "internal.h"

/*
 * struct shmem_object - the memory behind one shared anonymous mmap()
 * Invariant: @vmas is the number of VMAs, in all processes, whose
 * vm_private_data points here; at 0 the object and its pages are gone.
 */
struct shmem_object {
	unsigned int vmas;
	bool noreserve;			/* MAP_NORESERVE: promised page by page */
	unsigned long ino;		/* its inode number, for /proc/PID/maps */
	unsigned long nr_pages;		/* its size */
	struct page **pages;		/* [nr_pages]: each holds a reference, or NULL */
};

static unsigned long shmem_last_ino;

// Give back the object's pages [@first, @last) (a PTE may still hold one).
static void shmem_release_pages(struct shmem_object *obj, unsigned long first,
				unsigned long last)
{
	unsigned long i;

	for (i = first; i < last; i++) {
		if (!obj->pages[i])
			continue;
		put_page(obj->pages[i]);
		obj->pages[i] = NULL;
		mod_vm_stat(NR_SHMEM, -1);
		if (obj->noreserve)
			vm_unacct_memory(1);
	}
}

// vm_ops->open: one more VMA maps the object (fork, a split, mremap's copy).
static void shmem_open(struct vm_area_struct *vma)
{
	struct shmem_object *obj = vma->vm_private_data;

	obj->vmas++;
}

// vm_ops->close: a VMA that mapped it goes; the last one frees the object.
static void shmem_close(struct vm_area_struct *vma)
{
	struct shmem_object *obj = vma->vm_private_data;

	if (WARN_ONCE(!obj->vmas, "shmem_close: object %lu has no VMA left\n", obj->ino))
		return;
	if (--obj->vmas)
		return;
	shmem_release_pages(obj, 0, obj->nr_pages);
	if (!obj->noreserve)
		vm_unacct_memory(obj->nr_pages);
	kvfree(obj->pages);
	kfree(obj);
}

/*
 * shmem_fault - vm_ops->fault: the object's page @pgoff, allocated and
 * zeroed on its first touch, with a reference for the PTE in *@pagep.
 * Return: 0, VM_FAULT_SIGBUS past the object's end or when a
 * MAP_NORESERVE page cannot be promised, VM_FAULT_OOM.
 */
static vm_fault_t shmem_fault(struct vm_area_struct *vma, unsigned long pgoff,
			      struct page **pagep)
{
	struct shmem_object *obj = vma->vm_private_data;
	struct page *page;

	if (pgoff >= obj->nr_pages)
		return VM_FAULT_SIGBUS;
	page = obj->pages[pgoff];
	if (!page) {
		if (obj->noreserve && security_vm_enough_memory_mm(current->mm, 1))
			return VM_FAULT_SIGBUS;
		page = alloc_user_page();
		if (!page) {
			if (obj->noreserve)
				vm_unacct_memory(1);
			return VM_FAULT_OOM;
		}
		clear_highpage(page);
		obj->pages[pgoff] = page;
		mod_vm_stat(NR_SHMEM, 1);
	}
	get_page(page);
	*pagep = page;
	return 0;
}

const struct vm_operations_struct shmem_anon_vm_ops = {
	.name	= "/dev/zero (deleted)",
	.open	= shmem_open,
	.close	= shmem_close,
	.fault	= shmem_fault,
};

/**
 * shmem_zero_setup - give new shared anonymous VMA @vma its object
 * (do_mmap: MAP_SHARED | MAP_ANONYMOUS), as big as the VMA; its offset
 * is 0, whatever mmap() was given, as in Linux.  Unless the VMA has
 * VM_NORESERVE, the whole size is promised now (Committed_AS).
 * Return: 0 or -ENOMEM (no memory, or the promise refused).
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	bool noreserve = vma->vm_flags & VM_NORESERVE;
	struct shmem_object *obj;

	if (!noreserve && security_vm_enough_memory_mm(current->mm, vma_pages(vma)))
		return -ENOMEM;
	obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	if (!obj)
		goto unacct;
	obj->nr_pages = vma_pages(vma);
	obj->pages = kvcalloc(obj->nr_pages, sizeof(*obj->pages), GFP_KERNEL);
	if (!obj->pages) {
		kfree(obj);
		goto unacct;
	}
	obj->noreserve = noreserve;
	obj->vmas = 1;
	obj->ino = ++shmem_last_ino;
	vma->vm_pgoff = 0;
	vma->vm_private_data = obj;
	vma->vm_ops = &shmem_anon_vm_ops;
	return 0;
unacct:
	if (!noreserve)
		vm_unacct_memory(vma_pages(vma));
	return -ENOMEM;
}

// @vma's object's inode number, for /proc/PID/maps; 0 if it has none.
unsigned long shmem_ino(const struct vm_area_struct *vma)
{
	return vma_is_anon_shmem(vma) ? ((struct shmem_object *)vma->vm_private_data)->ino : 0;
}

// Does @vma's object have its page @pgoff (mincore)?
bool shmem_resident(const struct vm_area_struct *vma, unsigned long pgoff)
{
	const struct shmem_object *obj = vma->vm_private_data;

	return pgoff < obj->nr_pages && obj->pages[pgoff];
}

/**
 * shmem_punch_hole - MADV_REMOVE on [@start, @end) of shared anonymous
 * VMA @vma: the object gives those pages back, and every process that
 * maps them loses its PTEs for them (a later touch gets a new zeroed
 * page), as Linux's hole punch does with unmap_mapping_range().
 */
void shmem_punch_hole(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct shmem_object *obj = vma->vm_private_data;
	unsigned long first = linear_page_index(vma, start), last = linear_page_index(vma, end);
	struct task_struct *t;
	struct vm_area_struct *v;

	last = min(last, obj->nr_pages);
	if (first >= last)
		return;
	list_for_each_entry(t, &task_list, tasks) {
		if (!t->mm)
			continue;
		for_each_vma(t->mm, v) {
			unsigned long lo, hi;

			if (v->vm_private_data != obj || !vma_is_anon_shmem(v))
				continue;
			lo = max(first, v->vm_pgoff);
			hi = min(last, v->vm_pgoff + vma_pages(v));
			if (lo < hi)
				zap_page_range(v, v->vm_start + ((lo - v->vm_pgoff) << PAGE_SHIFT),
					       v->vm_start + ((hi - v->vm_pgoff) << PAGE_SHIFT));
		}
	}
	shmem_release_pages(obj, first, last);
}
