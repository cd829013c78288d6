// SPDX-License-Identifier: GPL-2.0
/*
 * mm/highmem.c - temporary kernel mappings for HighMem pages.
 *
 * RAM above lowmem (about 888 MB) has no permanent kernel address: the
 * kernel's gigabyte is too small to map it all (seed 001's "高端内存映射").
 * To touch such a page the kernel maps it for a while:
 *
 * kmap_atomic(page): the fixmap slots FIX_KMAP_BEGIN..FIX_KMAP_END form a
 *   stack.  Mapping takes the next slot, sets its PTE and returns the slot's
 *   fixed address; kunmap_atomic() must release the most recent one, clear
 *   its PTE and flush that one TLB entry.  No search, no lock, no sleeping:
 *   it works in interrupt handlers (an interrupt just pushes above the slots
 *   the interrupted code holds).  Preemption is off in between, as in Linux.
 *
 * The page tables for the fixmap and for the pkmap window are allocated
 * once at boot (kmap_init), so mapping never has to allocate.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/memblock.h>
#include <linux/init.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* The kmap_atomic stack: slots 0..kmap_atomic_idx-1 are in use. */
static int kmap_atomic_idx;

// Give the 4 MB at @vaddr a page table of its own (boot only).
static pte_t *__init one_page_table_init(unsigned long vaddr)
{
	pgd_t *pgd = &swapper_pg_dir[pgd_index(vaddr)];

	if (!pgd_present(*pgd)) {
		pte_t *table = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

		*pgd = __pa(table) | _PAGE_TABLE;
	}
	return pgd_page_vaddr(*pgd);
}

void __init kmap_init(void)
{
	one_page_table_init(PKMAP_BASE);
	one_page_table_init(FIXADDR_START);
	one_page_table_init(FIXADDR_TOP - 1);
}

static inline pte_t *kmap_slot_pte(int idx)
{
	return lookup_address(fix_to_virt(FIX_KMAP_BEGIN + idx));
}

/**
 * kmap_atomic - map a page for a short while, in any context
 * @page: the page; a lowmem page just returns its page_address()
 *
 * Disables preemption until the matching kunmap_atomic().  Nested
 * mappings must be undone in reverse order.
 * Return: a kernel address for the page.
 */
void *kmap_atomic(struct page *page)
{
	unsigned long flags, vaddr;
	int idx;

	preempt_disable();
	if (!PageHighMem(page))
		return page_address(page);
	local_irq_save(flags);
	idx = kmap_atomic_idx++;
	if (idx >= KM_MAX_IDX)
		panic("kmap_atomic: more than %d nested mappings (pfn %#lx)", KM_MAX_IDX,
		      page_to_pfn(page));
	vaddr = fix_to_virt(FIX_KMAP_BEGIN + idx);
	*kmap_slot_pte(idx) = pfn_pte(page_to_pfn(page), PAGE_KERNEL);
	local_irq_restore(flags);
	return (void *)vaddr;
}

/**
 * kunmap_atomic - undo the most recent kmap_atomic()
 * @addr: the address kmap_atomic() returned
 *
 * Unmapping any slot but the most recent is reported as a BUG and refused,
 * so the stack of mappings stays consistent.
 */
void kunmap_atomic(void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK, flags, expect;
	int idx;

	if (vaddr < fix_to_virt(FIX_KMAP_END) || vaddr > fix_to_virt(FIX_KMAP_BEGIN)) {
		preempt_enable();	/* a lowmem page: nothing was mapped */
		return;
	}
	local_irq_save(flags);
	idx = kmap_atomic_idx - 1;
	expect = idx >= 0 ? fix_to_virt(FIX_KMAP_BEGIN + idx) : 0;
	if (vaddr != expect) {
		local_irq_restore(flags);
		report_begin();
		pr_err("BUG: kunmap_atomic(0x%08lx) from %pS: out of order, the most recent kmap_atomic is 0x%08lx (%d in use); refused\n",
		       (unsigned long)addr, __builtin_return_address(0), expect, idx + 1);
		report_end(0);
		return;
	}
	*kmap_slot_pte(idx) = 0;
	__flush_tlb_one_kernel(vaddr);
	kmap_atomic_idx = idx;
	local_irq_restore(flags);
	preempt_enable();
}

/* kmap_atomic_depth - slots in use now (tests, the shell). */
int kmap_atomic_depth(void)
{
	return kmap_atomic_idx;
}
