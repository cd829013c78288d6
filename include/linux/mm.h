/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm.h - the core memory-management interface: frames, pages, addresses.
 *
 * Three ways to name one page of RAM, and how to go between them:
 *
 *   pfn                page frame number: physical address >> PAGE_SHIFT
 *   struct page *      its entry in mem_map[]: pfn_to_page / page_to_pfn
 *   kernel address     lowmem only: __va(pfn << PAGE_SHIFT);
 *                      page_address(page) / virt_to_page(addr)
 *
 * A HighMem page has no permanent kernel address: page_address() is NULL
 * unless kmap() has given it one.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>
#include <asm/page.h>
#include <asm/pgtable.h>

extern struct page *mem_map;		/* one struct page per pfn, 0..max_pfn-1 */
extern unsigned long max_pfn;		/* highest RAM pfn + 1 */
extern unsigned long max_low_pfn;	/* end of lowmem (pfn) */
extern unsigned long min_low_pfn;	/* first pfn after the kernel image */
extern unsigned long highstart_pfn, highend_pfn;
extern unsigned long totalram_pages_count, totalhigh_pages_count;

#define pfn_to_page(pfn)	(mem_map + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define pfn_valid(pfn)		((pfn) < max_pfn)
#define page_to_phys(page)	((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)

/*
 * virt_addr_valid - is @kaddr in the direct map of lowmem (and RAM)?
 * One unsigned comparison: below PAGE_OFFSET, __pa() wraps to a huge pfn.
 * The pfn it computes is the one virt_to_page() needs next.
 */
static inline bool virt_addr_valid(const void *kaddr)
{
	return ((unsigned long)kaddr - PAGE_OFFSET) >> PAGE_SHIFT < max_low_pfn;
}

#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define virt_to_page(kaddr)	pfn_to_page(virt_to_pfn(kaddr))

/*
 * kernel_addr_pfn - the page frame behind kernel address @addr, in *@pfn:
 * lowmem by the fixed offset (a 4 MB page maps most of it, paging_init()),
 * anything else (pkmap, fixmap, vmalloc) by its PTE.
 * Return: false if nothing is mapped there, or @addr is a user address.
 */
static inline bool kernel_addr_pfn(unsigned long addr, unsigned long *pfn)
{
	pte_t *pte;

	if (virt_addr_valid((void *)addr)) {
		*pfn = virt_to_pfn(addr);
		return true;
	}
	pte = lookup_address(addr);
	if (addr < PAGE_OFFSET || !pte || !pte_present(*pte))
		return false;
	*pfn = pte_pfn(*pte);
	return true;
}

/* virt_to_head_page - the first page of the (compound) block @x is in. */
static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)(page->flags >> ZONES_PGSHIFT);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_pfn(page) << PAGE_SHIFT);
}

/* page_address - kernel address of @page, or NULL for an unmapped highmem page */
static inline void *page_address(const struct page *page)
{
	if (PageHighMem(page))
		return page->virtual;
	return lowmem_page_address(page);
}

static inline unsigned long totalram_pages(void)
{
	return totalram_pages_count;
}

static inline unsigned long totalhigh_pages(void)
{
	return totalhigh_pages_count;
}

/* Reference counts: an allocated page starts at 1, put_page() frees at 0. */
// How many pages @vma spans.
static inline long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

static inline int page_count(const struct page *page)
{
	return page->_refcount;
}

static inline void set_page_count(struct page *page, int v)
{
	page->_refcount = v;
}

static inline void get_page(struct page *page)
{
	page->_refcount++;
}

void put_page(struct page *page);

/*
 * describe_address - name the region of the 4 GB map that @addr is in
 * ("NULL page", "user space", "lowmem (kernel .text)", "vmalloc guard page
 * of ...", "pkmap", "fixmap", "unmapped ...") into @buf.  Used by the oops.
 */
void describe_address(unsigned long addr, char *buf, size_t size);

/*
 * format_page_flags - @page's flags as "Bad page state" prints them:
 * "0x40000002(buddy|zone=Normal)".  Returns the length written.
 */
int format_page_flags(char *buf, size_t size, const struct page *page);

/*
 * init_on_alloc= and init_on_free= (mm/page_alloc.c): Linux's hardening
 * that zeroes every page, slab object and vmalloc area when it is handed
 * out, or when it is given back.  Slab caches with a constructor or
 * SLAB_TYPESAFE_BY_RCU are exempt (their free objects must stay intact).
 */
extern bool init_on_alloc, init_on_free;

static inline bool want_init_on_alloc(gfp_t gfp)
{
	return init_on_alloc || (gfp & __GFP_ZERO);
}

static inline bool want_init_on_free(void)
{
	return init_on_free;
}

/* mm/init.c: set up all of memory management (called by start_kernel). */
void mm_init(void);
void print_memory_layout(void);
unsigned long free_reserved_area(unsigned long start, unsigned long end);

/* ---------------------------------------------------------------------
 * User address spaces: VMAs, faults, mmap (mm/mmap.c, mm/memory.c)
 */

/* vm_flags (Linux's values) */
#define VM_NONE		0x00000000
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008
#define VM_MAYREAD	0x00000010	/* mprotect() may add VM_READ later */
#define VM_MAYWRITE	0x00000020
#define VM_MAYEXEC	0x00000040
#define VM_MAYSHARE	0x00000080
#define VM_GROWSDOWN	0x00000100	/* the stack: grows down on a fault below it */
#define VM_PFNMAP	0x00000400	/* remap_pfn_range(): no struct page refcounts */
#define VM_SEQ_READ	0x00008000	/* madvise(MADV_SEQUENTIAL): a hint */
#define VM_RAND_READ	0x00010000	/* madvise(MADV_RANDOM): a hint */
#define VM_DONTCOPY	0x00020000	/* madvise(MADV_DONTFORK): a child does not get it */
#define VM_LOCKED	0x00002000
#define VM_IO		0x00004000
#define VM_DONTEXPAND	0x00040000
#define VM_ACCOUNT	0x00100000
#define VM_NORESERVE	0x00200000
#define VM_WIPEONFORK	0x02000000	/* madvise(MADV_WIPEONFORK): a child gets it empty */
#define VM_DONTDUMP	0x04000000
#define VM_MIXEDMAP	0x10000000	/* vm_insert_page(): pages with refcounts, no faults */
#define VM_SPECIAL	(VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP)	/* a driver's */
#define VM_STACK	VM_GROWSDOWN
#define VM_DATA_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_DEFAULT_FLAGS	VM_DATA_DEFAULT_FLAGS

/* VM_FAULT_* : what handle_mm_fault() says */
#define VM_FAULT_OOM	0x0001
#define VM_FAULT_SIGBUS	0x0002
#define VM_FAULT_SIGSEGV 0x0040
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/* FAULT_FLAG_* */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_USER		0x40

struct vm_operations_struct {
	const char *name;		/* for /proc/PID/maps ("/dev/mm386") */
	void (*open)(struct vm_area_struct *vma);	/* a copy was made: fork, split */
	void (*close)(struct vm_area_struct *vma);	/* it goes: munmap, exit */
	/* a page of its own memory at @pgoff, with a reference for the PTE (shmem) */
	vm_fault_t (*fault)(struct vm_area_struct *vma, unsigned long pgoff,
			    struct page **pagep);
};

#define stack_guard_gap		(256UL << PAGE_SHIFT)	/* Linux's default: 1 MB */
#define STACK_RLIMIT		(8UL << 20)		/* RLIMIT_STACK's default */

extern struct page *empty_zero_page;	/* the shared zero page (mm/memory.c) */

unsigned long vm_get_page_prot(unsigned long vm_flags);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);
struct vm_area_struct *vma_next(struct vm_area_struct *vma);
struct vm_area_struct *vma_prev(struct vm_area_struct *vma);
#define for_each_vma(mm, vma) list_for_each_entry(vma, &(mm)->mmap_list, vm_list)
unsigned long get_unmapped_area(struct ramfs_file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff, unsigned long flags);
unsigned long do_mmap(struct ramfs_file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);
int do_mprotect(unsigned long start, size_t len, unsigned long prot);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
void vm_area_cache_init(void);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
void vm_area_free(struct vm_area_struct *vma);
void exit_mmap(struct mm_struct *mm);
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
bool vma_is_stack(const struct vm_area_struct *vma);
bool vma_is_heap(const struct vm_area_struct *vma);

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags);
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long floor, unsigned long ceiling);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma);
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		       unsigned long newprot);
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn,
		    unsigned long size, unsigned long prot);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
unsigned long sys_brk(unsigned long brk);
/* follow_pte - the PTE for @addr in @mm, or NULL if no page table covers it. */
pte_t *follow_pte(struct mm_struct *mm, unsigned long addr);
unsigned long get_mm_rss(const struct mm_struct *mm);
void update_hiwater_rss(struct mm_struct *mm);
void setmax_mm_hiwater_rss(unsigned long *maxrss, const struct mm_struct *mm);
void mm_memory_init(void);

/* mm/pgtable.c */
int pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm);
void arch_sync_kernel_mappings(unsigned int pgd_index);
void switch_mm(struct mm_struct *prev, struct mm_struct *next);

/* kernel/fork.c */
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
extern bool vm_trace;		/* vmtrace: log every user fault and COW */

#endif
