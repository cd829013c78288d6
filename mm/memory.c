// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memory.c - user page tables and page faults: demand paging and
 * copy-on-write.
 *
 * A process's VMAs (mm/mmap.c) only say what MAY be at an address.  What
 * IS there is decided here, one page at a time, when the process first
 * touches it and the CPU raises a page fault (kernel/fault.c calls
 * handle_mm_fault):
 *
 *   first touch, anonymous VMA (heap, stack, mmap(MAP_ANONYMOUS)):
 *     a read maps the one shared zero page, read-only;
 *     a write allocates a page with GFP_HIGHUSER_MOVABLE (HighMem first:
 *     the kernel reaches it only through kmap_atomic, to clear it) and
 *     maps it writable                                  (do_anonymous_page)
 *   first touch, file VMA (the program's text and data):
 *     a read maps the file's own page (fs/ramfs.c) read-only, shared by
 *     every process that runs the program;
 *     a write to a private mapping copies the page first (do_cow_fault)
 *   first touch, shared anonymous VMA (mmap(MAP_SHARED | MAP_ANONYMOUS)):
 *     the page of the mapping's object (mm/shmem.c), allocated and zeroed
 *     on the first touch in any process that maps it; never the zero
 *     page, never a copy                                (do_shared_fault)
 *   write to a present read-only page of a writable private VMA
 *     (after fork, or the zero page, or a file page): copy-on-write.
 *     A page only this process still uses (an anonymous page with
 *     refcount 1) is just made writable; otherwise a new page gets a copy
 *     (the zero page: a cleared one) and this process's PTE points at it
 *                                                       (do_wp_page)
 *
 * Each fault counts as a minor fault of the task (min_flt; there is no
 * disk, so no major faults); copies are counted in cow_flt too.  The boot
 * parameter vmtrace logs every fault and what it did, and at fork which
 * pages the child shares (vmtrace=PROG: only that program's).
 *
 * User page tables come from lowmem (GFP_KERNEL, as Linux without
 * CONFIG_HIGHPTE), their PDEs carry _PAGE_USER, and they count in the
 * process's VmPTE and in meminfo's PageTables (NR_USER_PAGETABLE).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/shmem_fs.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include "internal.h"

struct page *empty_zero_page;
bool vm_trace;
static char vm_trace_comm[TASK_COMM_LEN];	/* vmtrace=PROG: only this program's */

static int __init vmtrace_setup(char *val)
{
	vm_trace = true;
	return 0;
}
__setup("vmtrace", vmtrace_setup);

static int __init vmtrace_comm_setup(char *val)
{
	strscpy(vm_trace_comm, val, sizeof(vm_trace_comm));
	vm_trace = true;
	return 0;
}
__setup("vmtrace=", vmtrace_comm_setup);

// Is current's memory traced (vmtrace, or vmtrace=its name)?
static bool tracing(void)
{
	return vm_trace && (!vm_trace_comm[0] || !strcmp(current->comm, vm_trace_comm));
}

void __init mm_memory_init(void)
{
	empty_zero_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!empty_zero_page)
		panic("mm_memory_init: no page for the zero page");
}

/* A user PTE that holds a page: present, or PROT_NONE (present to us). */
static inline bool upte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	mm->rss_stat[member] += value;
}

unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_ANONPAGES] +
	       mm->rss_stat[MM_SHMEMPAGES];
}

void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}

// Raise *@maxrss (pages) to @mm's peak RSS, for getrusage()'s ru_maxrss.
void setmax_mm_hiwater_rss(unsigned long *maxrss, const struct mm_struct *mm)
{
	unsigned long hiwater = max(mm->hiwater_rss, get_mm_rss(mm));

	if (*maxrss < hiwater)
		*maxrss = hiwater;
}

/*
 * Which rss counter @page counts in; @shmem: it is a page of shared
 * anonymous memory (vma_is_anon_shmem() of its VMA, which the loops over
 * a VMA's pages read once: a PTE store could alias the VMA for the
 * compiler, which would read it again for every page).
 */
static int mm_counter(bool shmem, const struct page *page)
{
	if (shmem)
		return MM_SHMEMPAGES;
	return PageAnon(page) ? MM_ANONPAGES : MM_FILEPAGES;
}

/*
 * page_add_new_anon_rmap - @page, just allocated, becomes an anonymous page
 * of a process: counted in meminfo's AnonPages until its last mapping goes.
 */
static void page_add_new_anon_rmap(struct page *page)
{
	__SetPageAnon(page);
	mod_vm_stat(NR_ANON_MAPPED, 1);
}

// Drop a mapping's reference on a user page; the last one frees it.
static void put_user_page(struct page *page)
{
	if (page_count(page) == 1 && PageAnon(page)) {
		__ClearPageAnon(page);
		mod_vm_stat(NR_ANON_MAPPED, -1);
	}
	put_page(page);
}

// Flush @addr from the TLB if @mm's page directory is the loaded one.
static void flush_tlb_mm_page(struct mm_struct *mm, unsigned long addr)
{
	if (mm == current->active_mm)
		__flush_tlb_one_kernel(addr);
}

static void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	if (mm == current->active_mm)
		flush_tlb_kernel_range(start, end);
}

pte_t *follow_pte(struct mm_struct *mm, unsigned long addr)
{
	pgd_t pgd = mm->pgd[pgd_index(addr)];

	if (!pgd_present(pgd) || addr >= TASK_SIZE)
		return NULL;
	return pgd_page_vaddr(pgd) + pte_index(addr);
}

/* pte_alloc - the PTE for @addr, its page table made if needed; NULL: no memory. */
static pte_t *pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = &mm->pgd[pgd_index(addr)];

	if (!pgd_present(*pgd)) {
		unsigned long table = get_zeroed_page(GFP_KERNEL | __GFP_NOWARN);

		if (!table)
			return NULL;
		*pgd = __pa(table) | _PAGE_USER_TABLE;
		mm->pgtables_bytes += PAGE_SIZE;
		mod_vm_stat(NR_USER_PAGETABLE, 1);
	}
	return pgd_page_vaddr(*pgd) + pte_index(addr);
}

static void copy_user_highpage(struct page *to, struct page *from)
{
	void *vfrom = kmap_atomic(from), *vto = kmap_atomic(to);

	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_atomic(vto);
	kunmap_atomic(vfrom);
}

// The PTE bits for a page of @vma, writable when @write is allowed.
static pte_t mk_pte(struct page *page, struct vm_area_struct *vma, bool write)
{
	pte_t pte = pfn_pte(page_to_pfn(page), vma->vm_page_prot);

	if (write)
		pte |= _PAGE_RW | _PAGE_DIRTY;
	return pte;
}

static void trace_fault(const char *what, struct vm_area_struct *vma, unsigned long addr,
			struct page *page)
{
	if (tracing())
		pr_info("vmtrace: %s[%d] %s at %08lx -> pfn %#lx%s\n", current->comm,
			current->pid, what, addr, page ? page_to_pfn(page) : 0UL,
			page && PageHighMem(page) ? " (HighMem)" : "");
}

static vm_fault_t do_anonymous_page(struct vm_area_struct *vma, unsigned long addr,
				    pte_t *ptep, unsigned int flags)
{
	struct page *page;

	if (!(flags & FAULT_FLAG_WRITE)) {
		set_pte(ptep, pfn_pte(page_to_pfn(empty_zero_page),
				      vma->vm_page_prot & ~_PAGE_RW));
		trace_fault("read fault: zero page", vma, addr, empty_zero_page);
		return 0;
	}
	page = alloc_user_page();
	if (!page)
		return VM_FAULT_OOM;
	clear_highpage(page);
	page_add_new_anon_rmap(page);
	set_pte(ptep, mk_pte(page, vma, true));
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1);
	trace_fault("write fault: new zeroed page", vma, addr, page);
	return 0;
}

// First touch of a file mapping: the file's page, or a private copy of it.
static vm_fault_t do_file_fault(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep,
				unsigned int flags)
{
	struct page *page = ramfs_get_page(vma->vm_file, linear_page_index(vma, addr)), *copy;

	if (!page)
		return VM_FAULT_SIGBUS;		/* beyond the end of the file */
	if (!(flags & FAULT_FLAG_WRITE) || (vma->vm_flags & VM_SHARED)) {
		get_page(page);
		set_pte(ptep, mk_pte(page, vma, (flags & FAULT_FLAG_WRITE) != 0));
		add_mm_counter(vma->vm_mm, MM_FILEPAGES, 1);
		trace_fault("read fault: file page", vma, addr, page);
		return 0;
	}
	copy = alloc_user_page();
	if (!copy)
		return VM_FAULT_OOM;
	copy_user_highpage(copy, page);
	page_add_new_anon_rmap(copy);
	set_pte(ptep, mk_pte(copy, vma, true));
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1);
	current->cow_flt++;
	trace_fault("write fault: private copy of a file page", vma, addr, copy);
	return 0;
}

/*
 * do_shared_fault - first touch of a page of a VMA with memory of its own
 * (shared anonymous memory): map the page its vm_ops->fault gives, the
 * same page in every process that maps it.
 */
static vm_fault_t do_shared_fault(struct vm_area_struct *vma, unsigned long addr,
				  pte_t *ptep, unsigned int flags)
{
	struct page *page;
	vm_fault_t ret = vma->vm_ops->fault(vma, linear_page_index(vma, addr), &page);

	if (ret)
		return ret;
	set_pte(ptep, mk_pte(page, vma, (flags & FAULT_FLAG_WRITE) != 0));
	add_mm_counter(vma->vm_mm, MM_SHMEMPAGES, 1);
	trace_fault(flags & FAULT_FLAG_WRITE ? "write fault: shared page" :
		    "read fault: shared page", vma, addr, page);
	return 0;
}

/*
 * do_wp_page - a write to a present, read-only page of a writable VMA:
 * reuse it if nobody else has it, else copy it (copy-on-write).
 */
static vm_fault_t do_wp_page(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep)
{
	struct page *old = pfn_to_page(pte_pfn(*ptep)), *page;
	struct mm_struct *mm = vma->vm_mm;
	bool zero = old == empty_zero_page;

	/* a shared VMA's page is everyone's: writable in place (never the zero page) */
	if ((vma->vm_flags & VM_SHARED) && !zero) {
		set_pte(ptep, *ptep | _PAGE_RW | _PAGE_DIRTY);
		flush_tlb_mm_page(mm, addr);
		return 0;
	}
	if (!zero && PageAnon(old) && page_count(old) == 1) {
		set_pte(ptep, *ptep | _PAGE_RW | _PAGE_DIRTY);
		flush_tlb_mm_page(mm, addr);
		trace_fault("write fault: COW page no longer shared, reused", vma, addr, old);
		return 0;
	}
	page = alloc_user_page();
	if (!page)
		return VM_FAULT_OOM;
	if (zero)
		clear_highpage(page);
	else
		copy_user_highpage(page, old);
	page_add_new_anon_rmap(page);
	set_pte(ptep, mk_pte(page, vma, true));
	flush_tlb_mm_page(mm, addr);
	add_mm_counter(mm, MM_ANONPAGES, 1);
	if (!zero) {
		add_mm_counter(mm, mm_counter(false, old), -1);	/* not shared: see above */
		put_user_page(old);
		current->cow_flt++;
	}
	trace_fault(zero ? "write fault: zero page replaced by a new page" :
		    "write fault: COW copy", vma, addr, page);
	return 0;
}

/**
 * handle_mm_fault - resolve a page fault at @address inside @vma
 * @flags: FAULT_FLAG_WRITE for a write, FAULT_FLAG_USER from ring 3
 *
 * The caller (kernel/fault.c) has checked that @vma allows the access.
 * Return: 0, or VM_FAULT_OOM (no page), VM_FAULT_SIGBUS.
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	unsigned long addr = address & PAGE_MASK;
	struct mm_struct *mm = vma->vm_mm;
	pte_t *ptep = pte_alloc(mm, addr);
	vm_fault_t ret;

	if (!ptep)
		return VM_FAULT_OOM;
	current->min_flt++;
	if (!upte_present(*ptep)) {
		if (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP))	/* a driver's: all mapped at mmap */
			ret = VM_FAULT_SIGBUS;
		else if (vma->vm_ops && vma->vm_ops->fault)
			ret = do_shared_fault(vma, addr, ptep, flags);
		else if (vma->vm_file)
			ret = do_file_fault(vma, addr, ptep, flags);
		else
			ret = do_anonymous_page(vma, addr, ptep, flags);
	} else if ((flags & FAULT_FLAG_WRITE) && !(*ptep & _PAGE_RW)) {
		ret = do_wp_page(vma, addr, ptep);
	} else {
		flush_tlb_mm_page(mm, addr);	/* a stale TLB entry: nothing to do */
		ret = 0;
	}
	update_hiwater_rss(mm);
	return ret;
}

/* zap_page_range - unmap [start, end) of @vma: drop every page's reference. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	const bool shmem = vma_is_anon_shmem(vma), pfnmap = vma->vm_flags & VM_PFNMAP;
	unsigned long addr;

	update_hiwater_rss(mm);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = follow_pte(mm, addr);
		struct page *page;

		if (!ptep) {
			addr = (addr | ~PMD_MASK) & PAGE_MASK;	/* no table: skip its 4 MB */
			continue;
		}
		if (!upte_present(*ptep))
			continue;
		page = pfn_to_page(pte_pfn(*ptep));
		pte_clear(ptep);
		if (pfnmap || page == empty_zero_page)
			continue;
		add_mm_counter(mm, mm_counter(shmem, page), -1);
		put_user_page(page);
	}
	flush_tlb_mm_range(mm, start, end);
}

/*
 * move_page_tables - mremap's move (mm/mremap.c): move the PTEs of
 * [@old_addr, @old_addr + @len) to the same offsets from @new_addr, making
 * page tables there as needed.  Each page keeps its frame, contents and
 * reference count; only its address changes.
 * Return: how many bytes were moved: @len, or less when a page table
 * could not be had.  Moving back what was moved cannot fail: the page
 * tables it goes back to are still there.
 */
unsigned long move_page_tables(struct mm_struct *mm, unsigned long old_addr,
			       unsigned long new_addr, unsigned long len)
{
	unsigned long done;

	for (done = 0; done < len; done += PAGE_SIZE) {
		pte_t *old = follow_pte(mm, old_addr + done), *new;

		if (!old) {		/* no page table: skip the rest of its 4 MB */
			done = (((old_addr + done) | ~PMD_MASK) & PAGE_MASK) - old_addr;
			continue;
		}
		if (!*old)
			continue;
		new = pte_alloc(mm, new_addr + done);
		if (!new)
			break;
		*new = *old;
		pte_clear(old);
	}
	done = min(done, len);
	flush_tlb_mm_range(mm, old_addr, old_addr + done);
	return done;
}

/*
 * free_pgtables - free the page tables (4 MB each) that covered [start, end)
 * and that no VMA uses any more.  The VMAs of the range must already be
 * gone; @floor is where the VMA before the range ends (0 if none) and
 * @ceiling where the one after it starts (TASK_SIZE if none), as in Linux:
 * a page table is free when its 4 MB lie between the two.
 */
void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long floor, unsigned long ceiling)
{
	unsigned long addr;

	for (addr = start & PMD_MASK; addr < end && addr < TASK_SIZE; addr += PMD_SIZE) {
		pgd_t *pgd = &mm->pgd[pgd_index(addr)];

		if (!pgd_present(*pgd) || addr < floor || addr + PMD_SIZE > ceiling)
			continue;
		free_page((unsigned long)pgd_page_vaddr(*pgd));
		*pgd = 0;
		mm->pgtables_bytes -= PAGE_SIZE;
		mod_vm_stat(NR_USER_PAGETABLE, -1);
	}
	if (mm == current->active_mm)
		__flush_tlb_all();
}

/*
 * copy_page_range - fork: give @dst the pages of @vma as @src has them.
 * Pages are shared, not copied: each gets one more reference, and in a
 * private writable VMA both PTEs lose their write bit, so the first write
 * on either side faults into do_wp_page.  Return: 0 or -ENOMEM.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	bool cow = (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
	const bool shmem = vma_is_anon_shmem(vma);
	unsigned long addr, shared = 0, cowed = 0;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *sp = follow_pte(src, addr), *dp, pte;
		struct page *page;

		if (!sp || !upte_present(*sp))
			continue;
		dp = pte_alloc(dst, addr);
		if (!dp)
			return -ENOMEM;
		pte = *sp;
		if (cow && (pte & _PAGE_RW)) {
			pte &= ~_PAGE_RW;
			set_pte(sp, pte);
		}
		cowed += cow && (vma->vm_flags & VM_WRITE);	/* the trace: writable ones */
		set_pte(dp, pte);
		shared++;
		if (vma->vm_flags & VM_PFNMAP)
			continue;
		page = pfn_to_page(pte_pfn(pte));
		if (page == empty_zero_page)
			continue;
		get_page(page);
		add_mm_counter(dst, mm_counter(shmem, page), 1);
	}
	if (src == current->active_mm)
		__flush_tlb_all();
	if (tracing() && shared)
		pr_info("vmtrace: %s[%d] fork: %08lx-%08lx %c%c%c%c: %lu pages shared with the child, %lu of them copy-on-write (read-only in both until written)\n",
			current->comm, current->pid, vma->vm_start, vma->vm_end,
			vma->vm_flags & VM_READ ? 'r' : '-', vma->vm_flags & VM_WRITE ? 'w' : '-',
			vma->vm_flags & VM_EXEC ? 'x' : '-', vma->vm_flags & VM_MAYSHARE ? 's' : 'p',
			shared, cowed);
	return 0;
}

/*
 * change_protection - mprotect: rewrite the PTEs of [start, end) with
 * @newprot, keeping their pages.  A private writable mapping stays
 * write-protected (the next write is a COW fault, which reuses a page only
 * this process has); PROT_NONE pages become not-present to the CPU.
 */
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		       unsigned long newprot)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = follow_pte(vma->vm_mm, addr);

		if (!ptep || !upte_present(*ptep))
			continue;
		set_pte(ptep, (*ptep & (PAGE_MASK | _PAGE_DIRTY)) | (newprot & ~_PAGE_DIRTY));
	}
	flush_tlb_mm_range(vma->vm_mm, start, end);
}

/**
 * remap_pfn_range - map physical pages into a user VMA (a driver's mmap)
 * @vma: the VMA being set up; it becomes VM_IO | VM_PFNMAP
 * @addr: first user address
 * @pfn: first page frame
 * @size: bytes, a multiple of PAGE_SIZE
 * @prot: PTE protection bits
 * Return: 0 or -ENOMEM; the pages' refcounts are not touched (the driver
 * owns them), so zap and fork leave them alone.
 */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn,
		    unsigned long size, unsigned long prot)
{
	unsigned long end = addr + PAGE_ALIGN(size);

	vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	for (; addr < end; addr += PAGE_SIZE, pfn++) {
		pte_t *ptep = pte_alloc(vma->vm_mm, addr);

		if (!ptep)
			return -ENOMEM;
		set_pte(ptep, pfn_pte(pfn, prot));
	}
	return 0;
}

/**
 * vm_insert_page - map one page the kernel allocated into a user VMA
 * @vma: the VMA being set up (a driver's mmap); it becomes VM_MIXEDMAP
 * @addr: the user address, inside @vma
 * @page: the page; it gets a reference for the mapping, and counts in the
 *	process's RSS as a file page does (Linux's insert_page)
 *
 * Unlike remap_pfn_range(), the page keeps a refcount per mapping, so it
 * outlives its driver's free until the last process unmaps it, and fork
 * shares it.  Return: 0; -EFAULT (@addr outside @vma), -EINVAL (a
 * VM_PFNMAP VMA), -ENOMEM (no page table), -EBUSY (already mapped).
 */
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page)
{
	pte_t *ptep;

	if (addr < vma->vm_start || addr >= vma->vm_end)
		return -EFAULT;
	if (vma->vm_flags & VM_PFNMAP)
		return -EINVAL;
	vma->vm_flags |= VM_MIXEDMAP;
	ptep = pte_alloc(vma->vm_mm, addr);
	if (!ptep)
		return -ENOMEM;
	if (upte_present(*ptep))
		return -EBUSY;
	get_page(page);
	set_pte(ptep, mk_pte(page, vma, false));
	add_mm_counter(vma->vm_mm, mm_counter(false, page), 1);	/* a driver's page */
	return 0;
}
