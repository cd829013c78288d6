/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm_types.h - struct page: one for every physical page frame.
 *
 * mem_map[] holds one struct page per page frame from pfn 0 to max_pfn
 * (a flat array, as Linux's FLATMEM), so pfn_to_page(pfn) is &mem_map[pfn].
 * Every byte counts: at 3 GB of RAM there are 786432 of them, so the
 * struct is exactly 32 bytes (0.78% of RAM; BUILD_BUG_ON in mm/mm_init.c).
 *
 *   offset  field        why it exists
 *   0       flags        PG_* state bits (page-flags.h); the zone number in
 *                        the top two bits, so page_zone() needs no lookup
 *   4       _refcount    users of an allocated page; 0 while free
 *   8       lru          PageBuddy: link in zone->free_area[order].free_list
 *                        PageSlab:  link in its cache's full/partial/free list
 *   16      private      PageBuddy: the order of the free block it heads
 *                        allocated: the order it was allocated with, so that
 *                        free_pages() with the wrong order is caught
 *                        PageSlab:  objects in use (slab_inuse)
 *   20      slab_cache   PageSlab: the cache that owns this slab, which is
 *                        how kfree() finds the cache from an address alone
 *   24      freelist     PageSlab: the first free object of this slab
 *   28      virtual      HighMem: the address kmap() gave it, or NULL
 *                        (lowmem pages have a fixed one: __va(pfn << 12))
 *           s_mem        PageSlab (always lowmem): the slab's first object,
 *                        so kfree() finds an object's index with one
 *                        subtraction
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

struct kmem_cache;

struct page {
	unsigned long flags;
	int _refcount;
	struct list_head lru;
	unsigned long private;
	struct kmem_cache *slab_cache;
	void *freelist;
	union {
		void *virtual;
		void *s_mem;
	};
};

/*
 * User address spaces (mm/mmap.c, mm/memory.c), Linux's structures.
 *
 * struct vm_area_struct - one range [vm_start, vm_end) of a process's
 * address space with the same permissions and the same backing: the
 * program's text, its data, the heap, one mmap(), the stack.  A process's
 * VMAs never overlap; they sit in an rbtree keyed by address (for
 * find_vma, O(log n)) and on a sorted list (for walking them in order), as
 * in Linux before 6.1's maple tree.  Nothing is mapped in the page tables
 * when a VMA is made: pages come on the first touch (demand paging).
 */
#include <linux/list.h>
#include <linux/rbtree.h>

struct mm_struct;
struct ramfs_file;
struct vm_operations_struct;

struct vm_area_struct {
	unsigned long vm_start;		/* first byte */
	unsigned long vm_end;		/* first byte after */
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	unsigned long vm_page_prot;	/* PTE bits for its pages (from vm_flags) */
	unsigned long vm_flags;		/* VM_READ, VM_WRITE, VM_SHARED, ... */
	struct rb_node vm_rb;		/* in mm->mm_rb */
	struct list_head vm_list;	/* in mm->mmap_list, by address */
	unsigned long vm_pgoff;		/* file offset of vm_start, in pages */
	struct ramfs_file *vm_file;	/* the file it maps, or NULL: anonymous */
	const struct vm_operations_struct *vm_ops;	/* special mappings (/dev/mm386) */
	void *vm_private_data;
};

enum {
	MM_FILEPAGES,	/* resident pages of a file (the program's text) */
	MM_ANONPAGES,	/* resident anonymous pages (heap, stack, COW copies) */
	MM_SWAPENTS,	/* always 0: mm386 does not swap */
	MM_SHMEMPAGES,	/* resident shared anonymous pages */
	NR_MM_COUNTERS
};

/*
 * struct mm_struct - a process's address space: its page directory and its
 * VMAs.  Entries 0-767 of @pgd are its own (user space); 768-1023 are the
 * kernel's, the same in every page directory (mm/pgtable.c keeps them so).
 */
struct mm_struct {
	struct rb_root mm_rb;		/* VMAs by address */
	struct list_head mmap_list;	/* VMAs in address order */
	int map_count;			/* number of VMAs */
	unsigned long *pgd;		/* its page directory (a lowmem page) */
	struct list_head pgd_list;	/* on the list of all page directories */
	int mm_users;			/* tasks using it */
	unsigned long mmap_base;	/* where top-down mmap() starts */
	unsigned long task_size;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long total_vm;		/* pages mapped (VmSize) */
	unsigned long data_vm;		/* private writable, not stack (VmData) */
	unsigned long exec_vm;		/* executable, not writable (VmExe + VmLib) */
	unsigned long stack_vm;		/* VM_GROWSDOWN (VmStk) */
	unsigned long hiwater_vm;	/* the peak of total_vm (VmPeak) */
	unsigned long hiwater_rss;	/* the peak of RSS (VmHWM) */
	long rss_stat[NR_MM_COUNTERS];
	unsigned long pgtables_bytes;	/* its user page tables (VmPTE) */
	unsigned long saved_auxv[48];	/* the auxiliary vector, for /proc */
	struct ramfs_file *exe_file;	/* /proc/self/exe */
};

#endif
