// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmap_pages.c - the vmalloc area's page tables: mapping pages at an
 * area's addresses, and taking them away.
 *
 * Seed 003's "virtually contiguous, physically not": once vmap_area.c has
 * found an area, vmap_pages_range() writes one PTE per page in
 * swapper_pg_dir, so the CPU sees pages from anywhere in RAM side by
 * side; the guard page's PTE stays empty.  vunmap_range() clears the PTEs
 * and flushes the TLB.  mm/vmalloc.c calls both; mm/vmalloc.h lists the
 * other files.
 *
 * Page tables.  The vmalloc area gets its page tables on demand: the first
 * PTE in a 4 MB range allocates a lowmem page for its page table (counted
 * in NR_PAGETABLE), and it is never freed, as in Linux.  All kernel
 * mappings live in swapper_pg_dir, the one page directory mm386 has (no
 * processes, no per-process copies of the kernel's PDEs), so a PDE made
 * here is seen at once by everyone: no vmalloc_fault() to copy it into
 * another page directory, as 32-bit Linux without PAE needs.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/vmstat.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/export.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include "vmalloc.h"

/*
 * vmap_table_alloc - vmap_pte_alloc() when the 4 MB around @addr has no
 * page table yet (@pgd is its entry): a zeroed lowmem page becomes one.
 * Return: the PTE, or NULL when no page could be had for the table.
 */
static noinline pte_t *vmap_table_alloc(pgd_t *pgd, unsigned long addr, gfp_t gfp, bool *made)
{
	struct page *table;
	unsigned long flags;

	table = alloc_page(bookkeeping_gfp(gfp) | __GFP_ZERO);
	if (!table)
		return NULL;
	local_irq_save(flags);
	if (!pgd_present(*pgd)) {	/* an interrupt may have made it meanwhile */
		pgd_populate_kernel(pgd, page_address(table));
		mod_vm_stat(NR_PAGETABLE, 1);
		table = NULL;
		if (made)
			*made = true;
	}
	local_irq_restore(flags);
	if (table)
		__free_page(table);
	return pte_offset_kernel(pgd, addr);
}

/*
 * vmap_pte_alloc - the PTE for vmalloc address @addr; its page table is
 * allocated (vmap_table_alloc()) if the 4 MB around @addr has none yet.
 * The common case, a table that is there, is inline.
 * Return: the PTE, or NULL when no page could be had for the table.
 */
static __always_inline pte_t *vmap_pte_alloc(unsigned long addr, gfp_t gfp, bool *made)
{
	pgd_t *pgd = pgd_offset_k(addr);

	if (likely(pgd_present(READ_ONCE(*pgd))))
		return pte_offset_kernel(pgd, addr);
	return vmap_table_alloc(pgd, addr, gfp, made);
}

/*
 * vmap_refused - the report of a page vmap_pages_range() will not map:
 * @pte (for @addr) is already present, which means the bookkeeping is
 * broken, or @pages[@i] is no struct page of mem_map.  A NULL entry would
 * be mapped as page_to_pfn(NULL), some pfn near the kernel image,
 * read-write; a pointer that is not one of mem_map's entries names no pfn
 * at all.  Linux warns and fails the vmap (vmap_pages_pte_range); so does
 * mm386, naming the entry.  Inline in the loop's cold branch, so the
 * WARNING names vmap_pages_range, as Linux's names vmap_pages_pte_range.
 * Return: -EBUSY or -EINVAL, for vmap_pages_range() to return.
 */
static __always_inline int vmap_refused(unsigned long addr, const pte_t *pte, struct page **pages,
				 unsigned int i)
{
	struct page *page = pages[i];

	if (WARN(!pte_none(*pte), "vmap: the PTE for 0x%08lx already maps pfn %#lx\n",
		 addr, pte_pfn(*pte)))
		return -EBUSY;
	if (WARN(!page, "vmap: pages[%u] is NULL: no page to map; refused\n", i))
		return -EINVAL;
	WARN(1, "vmap: pages[%u] = 0x%08lx is not a struct page of mem_map (0x%08lx, %lu pages); refused\n",
	     i, (unsigned long)page, (unsigned long)mem_map, max_pfn);
	return -EINVAL;
}

/*
 * vmap_pages_range - map @pages[0..@nr-1] at @addr, @addr + PAGE_SIZE, ...
 * The range must be a reserved area whose PTEs are all empty.  Each PTE is
 * checked to be empty and each entry to be a struct page of mem_map (NULL
 * fails the range test too: it lies far below mem_map); vmap_refused()
 * reports what failed.
 * Return: 0; -ENOMEM (no page table), -EBUSY, or -EINVAL (an entry of
 * @pages that is no page); the caller then unmaps.
 */
int vmap_pages_range(unsigned long addr, struct page **pages, unsigned int nr,
			    pgprot_t prot, gfp_t gfp)
{
	pte_t *pte = NULL;
	unsigned int i;

	for (i = 0; i < nr; i++, addr += PAGE_SIZE, pte++) {
		unsigned long off = (unsigned long)pages[i] - (unsigned long)mem_map;

		/* One page-table lookup per 4 MB, then the next PTE is adjacent. */
		if (!pte || !(addr & ~PMD_MASK)) {
			pte = vmap_pte_alloc(addr, gfp, NULL);
			if (!pte)
				return -ENOMEM;
		}
		if (unlikely(!pte_none(*pte) || off % sizeof(struct page) ||
			     off / sizeof(struct page) >= max_pfn))
			return vmap_refused(addr, pte, pages, i);
		set_pte(pte, pfn_pte(off / sizeof(struct page), prot));
	}
	return 0;
}

/*
 * vunmap_range - clear every PTE in [@start, @end) and flush the TLB for
 * the range, so that no CPU can still reach the pages through it.  4 MB
 * ranges with no page table have nothing to clear.
 */
void vunmap_range(unsigned long start, unsigned long end)
{
	unsigned long addr = start;

	while (addr < end) {
		pgd_t *pgd = pgd_offset_k(addr);
		unsigned long next = (addr & PMD_MASK) + PMD_SIZE;	/* this 4 MB's end */
		pte_t *pte;

		if (!next || next > end)
			next = end;
		if (pgd_present(*pgd))
			for (pte = pte_offset_kernel(pgd, addr); addr < next; addr += PAGE_SIZE)
				pte_clear(pte++);
		addr = next;
	}
	flush_tlb_kernel_range(start, end);
}

/**
 * vmalloc_populate_page_tables - make every page table of the vmalloc area
 *
 * Page tables are made on first use and then kept for good, so a test that
 * wants to see every page come back ("nothing lost") makes them all first.
 * Return: how many page tables were allocated now, or -ENOMEM.
 */
int vmalloc_populate_page_tables(void)
{
	unsigned long addr;
	int made = 0;

	for (addr = VMALLOC_START & PMD_MASK; addr < VMALLOC_END; addr += PMD_SIZE) {
		bool new = false;

		if (!vmap_pte_alloc(max(addr, VMALLOC_START), GFP_KERNEL, &new))
			return -ENOMEM;
		made += new;
		if (addr + PMD_SIZE < addr)
			break;
	}
	return made;
}

/**
 * vmalloc_to_page - the page mapped at a vmalloc (or vmap) address
 * @vmalloc_addr: any address inside the area
 *
 * Return: the struct page its PTE points to, or NULL where nothing is
 * mapped (a guard page, free space).
 */
struct page *vmalloc_to_page(const void *vmalloc_addr)
{
	pte_t *pte = lookup_address((unsigned long)vmalloc_addr);
	pte_t entry;

	if (!pte)
		return NULL;
	entry = READ_ONCE(*pte);
	if (!pte_present(entry) || !pfn_valid(pte_pfn(entry)))
		return NULL;
	return pfn_to_page(pte_pfn(entry));
}
EXPORT_SYMBOL(vmalloc_to_page);

/* vmalloc_to_pfn - the pfn mapped at @vmalloc_addr, 0 if none. */
unsigned long vmalloc_to_pfn(const void *vmalloc_addr)
{
	struct page *page = vmalloc_to_page(vmalloc_addr);

	return page ? page_to_pfn(page) : 0;
}
EXPORT_SYMBOL(vmalloc_to_pfn);
