/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/pgtable.h - i386 two-level page tables, and the kernel's 1 GB map.
 *
 * A 32-bit virtual address is split 10 / 10 / 12: the top 10 bits pick one
 * of 1024 entries in the page directory (the PDE, each covering 4 MB), the
 * next 10 pick one of 1024 entries in a page table (the PTE, 4 KB each),
 * and the last 12 are the offset in the page.
 *
 * The kernel's gigabyte, 0xC0000000-0xFFFFFFFF (mm386 uses Linux 6.1's
 * formula for VMALLOC_START):
 *
 *   boundary        value at -m 160  formula
 *   PAGE_OFFSET     0xc0000000       the 3G/1G split
 *   high_memory     0xc9fe0000       __va(max_low_pfn << PAGE_SHIFT): end of lowmem
 *   VMALLOC_OFFSET  8 MB             the guard gap after lowmem
 *   VMALLOC_START   0xca7e0000       high_memory + VMALLOC_OFFSET        (Linux 6.1)
 *   VMALLOC_END     0xff7fe000       PKMAP_BASE - 2 * PAGE_SIZE
 *   PKMAP_BASE      0xff800000       (FIXADDR_START - (LAST_PKMAP + 1) pages) & PMD_MASK
 *   LAST_PKMAP      1024 slots       one page table's worth: 4 MB
 *   FIXADDR_START   0xfffee000       FIXADDR_TOP - __end_of_fixed_addresses pages
 *   FIXADDR_TOP     0xfffff000
 *   MAXMEM          0x377fe000       VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE
 *
 * __VMALLOC_RESERVE is 128 MB (VMALLOC_OFFSET + 120 MB of vmalloc space)
 * unless vmalloc=SIZE sets it to SIZE + VMALLOC_OFFSET.  MAXMEM caps lowmem
 * at about 888 MB: RAM above it becomes HighMem.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/page.h>
#include <asm/fixmap.h>

#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_USER	0x004
#define _PAGE_PWT	0x008
#define _PAGE_PCD	0x010
#define _PAGE_ACCESSED	0x020
#define _PAGE_DIRTY	0x040
#define _PAGE_PSE	0x080	/* in a PDE: a 4 MB page */
#define _PAGE_GLOBAL	0x100
/* A PROT_NONE user page: not present for the CPU, still ours (Linux's trick). */
#define _PAGE_PROTNONE	_PAGE_GLOBAL
#define _PAGE_USER_TABLE (_PAGE_TABLE | _PAGE_USER)	/* a PDE for user space */

#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL_RO	(_PAGE_PRESENT | _PAGE_ACCESSED)
#define PAGE_KERNEL_LARGE (PAGE_KERNEL | _PAGE_PSE)	/* a PDE: 4 MB of lowmem */

/*
 * How lowmem is mapped (Linux's pg_level; on i386 without PAE its "2M"
 * level is a 4 MB page): direct_pages_count[] counts the direct map's
 * pages at each level (mm/init.c), /proc/meminfo's DirectMap4k and
 * DirectMap4M.
 */
enum pg_level { PG_LEVEL_NONE, PG_LEVEL_4K, PG_LEVEL_2M, PG_LEVEL_NUM };
extern unsigned long direct_pages_count[PG_LEVEL_NUM];

#define PGDIR_SHIFT	22
#define PTRS_PER_PGD	1024
#define PTRS_PER_PTE	1024
#define PMD_SIZE	(1UL << PGDIR_SHIFT)	/* one PDE: 4 MB */
#define PMD_MASK	(~(PMD_SIZE - 1))
#define KERNEL_PGD_BOUNDARY	(PAGE_OFFSET >> PGDIR_SHIFT)	/* 768 */

typedef unsigned long pte_t;
typedef unsigned long pgd_t;
typedef unsigned long pgprot_t;

#define pgd_index(addr)		((addr) >> PGDIR_SHIFT)
#define pte_index(addr)		(((addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))
#define pte_pfn(pte)		((pte) >> PAGE_SHIFT)
#define pte_present(pte)	((pte) & _PAGE_PRESENT)
#define pfn_pte(pfn, prot)	(((unsigned long)(pfn) << PAGE_SHIFT) | (prot))
#define pgd_present(pgd)	((pgd) & _PAGE_PRESENT)
#define pgd_page_vaddr(pgd)	((pte_t *)__va((pgd) & PAGE_MASK))

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

/* The pkmap window (kmap): one page table, 1024 slots. */
#define LAST_PKMAP	1024
#define PKMAP_BASE	((FIXADDR_START - PAGE_SIZE * (LAST_PKMAP + 1)) & PMD_MASK)
#define PKMAP_ADDR(nr)	(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(virt)	(((virt) - PKMAP_BASE) >> PAGE_SHIFT)

#define VMALLOC_OFFSET	(8UL << 20)
#define VMALLOC_START	((unsigned long)high_memory + VMALLOC_OFFSET)
#ifdef CONFIG_KASAN
/* KASAN's shadow of the kernel's 1 GB takes the top 128 MB below pkmap. */
#define VMALLOC_END	(0xf7800000UL - 2 * PAGE_SIZE)
#else
#define VMALLOC_END	(PKMAP_BASE - 2 * PAGE_SIZE)
#endif

extern unsigned long __VMALLOC_RESERVE;
#define MAXMEM		(VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE)
#define MAXMEM_PFN	PFN_DOWN(MAXMEM)

extern void *high_memory;

/*
 * Writing kernel page-table entries.  mm/ code changes the page tables only
 * through these (and flushes through asm/tlbflush.h), never by hand.  The
 * kernel's mappings are made in swapper_pg_dir; each process's page
 * directory holds a copy of its entries 768-1023 (mm/pgtable.c).
 */
#define pte_none(pte)		(!(pte))

/* pgd_offset_k - the page-directory entry that covers kernel address @addr. */
static inline pgd_t *pgd_offset_k(unsigned long addr)
{
	return &swapper_pg_dir[pgd_index(addr)];
}

/* pte_offset_kernel - the PTE for @addr in the page table that @pgd points to. */
static inline pte_t *pte_offset_kernel(pgd_t *pgd, unsigned long addr)
{
	return pgd_page_vaddr(*pgd) + pte_index(addr);
}

/* mm/pgtable.c: copy swapper_pg_dir[@index] into every process's pgd. */
void arch_sync_kernel_mappings(unsigned int index);

/*
 * pgd_populate_kernel - make the lowmem page @table the page table for the
 * 4 MB that @pgd covers.  Linux calls this pmd_populate_kernel (on i386
 * without PAE the pmd level is folded into the pgd).  A not-present PDE is
 * never cached by the TLB, so no flush is needed.  Every process has its
 * own page directory with a copy of the kernel's entries 768-1023, so a
 * new kernel page table is copied into all of them at once
 * (arch_sync_kernel_mappings, as Linux i386 without PAE does).
 */
static inline void pgd_populate_kernel(pgd_t *pgd, pte_t *table)
{
	WRITE_ONCE(*pgd, __pa(table) | _PAGE_TABLE);
	arch_sync_kernel_mappings(pgd - swapper_pg_dir);
}

/*
 * set_pte - write one PTE.  Filling a PTE that was not present needs no
 * flush; changing or clearing a present one must be followed by a TLB
 * flush of that address before anyone relies on the change.
 */
static inline void set_pte(pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(*ptep, pte);
}

/* pte_clear - clear one PTE (flush the TLB for its address afterwards). */
static inline void pte_clear(pte_t *ptep)
{
	WRITE_ONCE(*ptep, 0);
}

/*
 * lookup_address - the PTE that maps kernel address @addr, or NULL when no
 * page table covers it: nothing is mapped there, or a 4 MB page of lowmem
 * is (paging_init(); virt_to_pfn() then says which frame).  The PTE itself
 * may still be "not present".
 */
static inline pte_t *lookup_address(unsigned long addr)
{
	pgd_t pgd = swapper_pg_dir[pgd_index(addr)];	/* kernel entries: the same everywhere */

	if (!pgd_present(pgd) || (pgd & _PAGE_PSE))
		return NULL;
	return pgd_page_vaddr(pgd) + pte_index(addr);
}

#endif
