// SPDX-License-Identifier: GPL-2.0
/*
 * mm/highmem.c - temporary kernel mappings for HighMem pages.
 *
 * RAM above lowmem (about 888 MB) has no permanent kernel address: the
 * kernel's gigabyte is too small to map it all (seed 001's "高端内存映射").
 * To touch such a page the kernel maps it for a while, in one of two ways
 * (seed 001's table: kmap 可睡眠, kmap_atomic 不可睡眠):
 *
 * kmap(page): the pkmap window, one page table at PKMAP_BASE whose
 *   LAST_PKMAP (1024) PTEs are the slots.  The mapping lasts until
 *   kunmap(page) and is shared: page->virtual remembers the slot, so a
 *   second kmap of the same page takes the same slot again.  Each slot has
 *   a count, pkmap_count[nr]:
 *
 *     0    free: no PTE, no TLB entry; a new mapping may take it
 *     1    unused, but still mapped: the PTE and page->virtual are kept
 *          and the TLB may hold the translation.  A kmap of that same
 *          page takes it back; nobody else may until the next flush
 *     n>1  mapped, with n - 1 users
 *
 *   kunmap() only takes the count down to 1: no PTE is cleared and no TLB
 *   entry is flushed there.  A new mapping searches for a free slot from
 *   last_pkmap_nr on; each time the search wraps round to slot 0,
 *   flush_all_zero_pkmaps() frees every slot at 1 (clears its PTE and its
 *   page->virtual, count 0) and then flushes the TLB for the whole window
 *   once.  This is the lazy flushing: one flush per 1024 mappings instead
 *   of one per kunmap (on SMP Linux it saves an IPI to every CPU, too).
 *   kmap_flush_unused() runs the same flush on demand.
 *
 *   When every slot is busy even after a flush, Linux puts the caller to
 *   sleep on pkmap_map_wait until a kunmap() frees one: that is why kmap()
 *   may sleep, and why it starts with might_sleep().  mm386 has no
 *   scheduler to sleep on, so it reports a BUG and kmap() returns NULL.
 *   kmap() from an interrupt handler gets the might_sleep() report and
 *   then proceeds, so the pkmap data are changed with interrupts off
 *   (Linux uses kmap_lock without irqsave: kmap is never legal there).
 *
 * kmap_atomic(page): the fixmap slots FIX_KMAP_BEGIN..FIX_KMAP_END form a
 *   stack.  Mapping takes the next slot, sets its PTE and returns the slot's
 *   fixed address; kunmap_atomic() must release the most recent one, clear
 *   its PTE and flush that one TLB entry.  No search, no lock, no sleeping:
 *   it works in interrupt handlers (an interrupt just pushes above the slots
 *   the interrupted code holds).  Preemption is off in between, as in Linux.
 *
 * For a lowmem page both return page_address(page) and map nothing.
 * The page tables for the fixmap and for the pkmap window are allocated
 * once at boot (kmap_init() in mm/init.c, where Linux's arch code does
 * it), so mapping never has to allocate.
 * dump=kmaps prints the slots in use (kmaps_show); crash=kmap_stale
 * (kernel/crash.c) shows a kmap() address used after kunmap().
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/export.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <mm386/dump.h>
#include "internal.h"

/* The kmap_atomic stack: slots 0..kmap_atomic_idx-1 are in use. */
static int kmap_atomic_idx;

/*
 * The pkmap window.  Changed only with interrupts off.  Invariants:
 *  - pkmap_count[nr] >= 1  <=>  PTE nr is present, and the page it maps
 *    has page->virtual == PKMAP_ADDR(nr);
 *  - pkmap_count[nr] == 0  <=>  PTE nr is clear and no TLB entry for
 *    PKMAP_ADDR(nr) survives (the last clear was followed by a flush).
 */
static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;	/* where the last search stopped */
pte_t *pkmap_page_table;		/* the window's one page table (kmap_init) */
static unsigned long pkmap_flushes;	/* lazy flushes that cleared a slot */

/* ---------------------------------------------------------------------
 * kmap: the pkmap window
 */

/*
 * flush_all_zero_pkmaps - free every slot whose count is 1 (unused but
 * still mapped): clear its PTE and the page's ->virtual, set the count to
 * 0, and then flush the TLB for the whole window once.  Interrupts off.
 */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;
	unsigned int nr;

	for (nr = 0; nr < LAST_PKMAP; nr++) {
		pte_t pte = pkmap_page_table[nr];

		if (pkmap_count[nr] != 1)
			continue;
		if (!pte_present(pte))
			panic("flush_all_zero_pkmaps: pkmap slot %u has count 1 but no PTE", nr);
		pfn_to_page(pte_pfn(pte))->virtual = NULL;
		pkmap_page_table[nr] = 0;
		pkmap_count[nr] = 0;
		need_flush = true;
	}
	if (need_flush) {
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
		pkmap_flushes++;
	}
}

/*
 * map_new_virtual - put @page into a free pkmap slot.  Interrupts off.
 *
 * The search goes on from last_pkmap_nr and flushes whenever it wraps to
 * slot 0, so every slot is looked at once after a flush before it gives
 * up.  Return: the slot's address, its count now 1; 0 if all are busy.
 */
static unsigned long map_new_virtual(struct page *page)
{
	unsigned int left = LAST_PKMAP;
	unsigned long vaddr;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & (LAST_PKMAP - 1);
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			left = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (!--left)
			return 0;	/* Linux sleeps on pkmap_map_wait here */
	}
	vaddr = PKMAP_ADDR(last_pkmap_nr);
	/* The slot's PTE was clear and flushed: no stale TLB entry to drop. */
	pkmap_page_table[last_pkmap_nr] = pfn_pte(page_to_pfn(page), PAGE_KERNEL);
	pkmap_count[last_pkmap_nr] = 1;
	page->virtual = (void *)vaddr;
	return vaddr;
}

/*
 * kmap_high - kmap() of a HighMem page (kmap's lowmem case is inline in
 * highmem.h): reuse its slot or find one; one more user.
 */
void *kmap_high(struct page *page)
{
	unsigned long flags, vaddr, caller = _RET_IP_;

	local_irq_save(flags);
	vaddr = (unsigned long)page->virtual;
	if (!vaddr)
		vaddr = map_new_virtual(page);
	if (vaddr)
		pkmap_count[PKMAP_NR(vaddr)]++;
	local_irq_restore(flags);
	if (!vaddr) {
		report_begin();
		pr_err("BUG: kmap(pfn %#lx) from %pS: all %d pkmap slots are in use; returning NULL\n",
		       page_to_pfn(page), (void *)caller, LAST_PKMAP);
		pr_err("Linux would sleep until a kunmap() frees a slot; mm386 has no scheduler to sleep on\n");
		report_end(0);
	}
	return (void *)vaddr;
}

EXPORT_SYMBOL(kmap_high);

/*
 * kunmap_high - kunmap() of a HighMem page: one user less; a misuse is
 * reported and refused.
 */
void kunmap_high(struct page *page)
{
	unsigned long flags, vaddr, caller = _RET_IP_;
	unsigned int nr = 0;
	int count = 0;

	local_irq_save(flags);
	vaddr = (unsigned long)page->virtual;
	if (vaddr >= PKMAP_BASE && vaddr < PKMAP_ADDR(LAST_PKMAP)) {
		nr = PKMAP_NR(vaddr);
		count = pkmap_count[nr];
		if (count >= 2)
			pkmap_count[nr]--;	/* at 1 the slot waits for the lazy flush */
	}
	local_irq_restore(flags);
	if (count >= 2)
		return;

	report_begin();
	if (!vaddr)
		pr_err("BUG: kunmap(pfn %#lx) from %pS: the page is not kmapped; refused\n",
		       page_to_pfn(page), (void *)caller);
	else if (count == 1)
		pr_err("BUG: kunmap(pfn %#lx) from %pS: the page is not kmapped (pkmap slot %u at 0x%08lx has no users left); refused\n",
		       page_to_pfn(page), (void *)caller, nr, vaddr);
	else
		pr_err("BUG: kunmap(pfn %#lx) from %pS: page->virtual 0x%08lx is not a kmap address; refused\n",
		       page_to_pfn(page), (void *)caller, vaddr);
	report_end(0);
}

EXPORT_SYMBOL(kunmap_high);

/**
 * kmap_flush_unused - free the pkmap slots that nobody uses any more
 *
 * Clears every slot whose count is 1 and flushes the TLB for the window,
 * as the slot search does when it wraps round.  Afterwards the addresses
 * kunmap()ed before it fault.
 */
void kmap_flush_unused(void)
{
	unsigned long flags;

	local_irq_save(flags);
	flush_all_zero_pkmaps();
	local_irq_restore(flags);
}

/* kmap_pkmap_count - pkmap_count[@nr]: 0 free, 1 unused, n: n-1 users. */
int kmap_pkmap_count(unsigned int nr)
{
	return nr < LAST_PKMAP ? READ_ONCE(pkmap_count[nr]) : -1;
}

/* kmap_pkmap_flushes - how many lazy flushes have freed slots so far. */
unsigned long kmap_pkmap_flushes(void)
{
	return READ_ONCE(pkmap_flushes);
}

/* ---------------------------------------------------------------------
 * kmap_atomic: the fixmap stack
 */

/*
 * kmap_pte - the PTE of slot 0 (kmap_init() looks it up once, as Linux's
 * kmap_pte).  The slots count down from FIXADDR_TOP inside one page table,
 * so slot idx's PTE is kmap_pte - idx: no page-table walk per mapping.
 */
pte_t *kmap_pte;

static inline pte_t *kmap_slot_pte(int idx)
{
	BUILD_BUG_ON(__fix_to_virt(FIX_KMAP_BEGIN) >> PGDIR_SHIFT !=
		     __fix_to_virt(FIX_KMAP_END) >> PGDIR_SHIFT);
	return kmap_pte - idx;
}

/*
 * __kmap_atomic_high - kmap_atomic() of a HighMem page: push a fixmap slot.
 * Preemption is already off (kmap_atomic in highmem.h).  Interrupts stay
 * on, as in Linux's kmap_local: the slot is taken (the index raised)
 * before its PTE is written, and an interrupt handler's own mappings are
 * pushed above it and popped before the handler returns.
 */
void *__kmap_atomic_high(struct page *page)
{
	int idx = kmap_atomic_idx++;

	if (unlikely(idx >= KM_MAX_IDX))
		panic("kmap_atomic: more than %d nested mappings (pfn %#lx)", KM_MAX_IDX,
		      page_to_pfn(page));
	*kmap_slot_pte(idx) = pfn_pte(page_to_pfn(page), PAGE_KERNEL);
	return (void *)fix_to_virt(FIX_KMAP_BEGIN + idx);
}
EXPORT_SYMBOL(__kmap_atomic_high);

// The report of a kunmap_atomic() that is refused (out of line: cold).
static noinline void kunmap_atomic_refused(void *addr, int idx, unsigned long caller)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;

	report_begin();
	if (vaddr > fix_to_virt(FIX_KMAP_BEGIN) || vaddr < fix_to_virt(FIX_KMAP_END))
		pr_err("BUG: kunmap_atomic(0x%08lx) from %pS: not an address kmap_atomic() returns (neither lowmem nor a kmap_atomic slot); refused\n",
		       (unsigned long)addr, (void *)caller);
	else if (idx < 0)
		pr_err("BUG: kunmap_atomic(0x%08lx) from %pS: no kmap_atomic mapping is in use; refused\n",
		       (unsigned long)addr, (void *)caller);
	else
		pr_err("BUG: kunmap_atomic(0x%08lx) from %pS: out of order, the most recent kmap_atomic is 0x%08lx (%d in use); refused\n",
		       (unsigned long)addr, (void *)caller, fix_to_virt(FIX_KMAP_BEGIN + idx),
		       idx + 1);
	report_end(0);
}

/*
 * __kunmap_atomic_high - kunmap_atomic() of an address outside lowmem: pop
 * the most recent slot.  Anything else is reported and refused: an unmap
 * out of order, with no slot in use, or of an address that is no slot at
 * all (one comparison covers the three: only the top slot's address
 * passes).  preempt_count is then not touched: no kmap_atomic() raised it
 * for this address.
 */
void __kunmap_atomic_high(void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	int idx = kmap_atomic_idx - 1;

	if (unlikely(idx < 0 || vaddr != fix_to_virt(FIX_KMAP_BEGIN + idx))) {
		kunmap_atomic_refused(addr, idx, _RET_IP_);
		return;
	}
	*kmap_slot_pte(idx) = 0;
	__flush_tlb_one_kernel(vaddr);
	kmap_atomic_idx = idx;		/* the slot is free once its PTE is */
	preempt_enable();
}
EXPORT_SYMBOL(__kunmap_atomic_high);

/*
 * kmap_atomic_unwind - pop the kmap_atomic slots above @depth, clearing
 * their PTEs, without touching preempt_count (the caller puts that back
 * too).  For code that returned holding mappings it should have undone: a
 * module's init function (do_one_initcall) or a test case.
 * Return: how many slots were popped.
 */
int kmap_atomic_unwind(int depth)
{
	unsigned long flags;
	int n = 0;

	local_irq_save(flags);
	while (kmap_atomic_idx > depth && kmap_atomic_idx > 0) {
		int idx = --kmap_atomic_idx;

		*kmap_slot_pte(idx) = 0;
		__flush_tlb_one_kernel(fix_to_virt(FIX_KMAP_BEGIN + idx));
		n++;
	}
	local_irq_restore(flags);
	return n;
}

/* kmap_atomic_depth - slots in use now (tests, the shell). */
int kmap_atomic_depth(void)
{
	return kmap_atomic_idx;
}

/* ---------------------------------------------------------------------
 * dump=kmaps
 */

/*
 * kmaps_show - the pkmap slots with users (count >= 2), how many wait for
 * the lazy flush, and the kmap_atomic stack.  One slot is read at a time
 * with interrupts off, so a row is always consistent.
 */
static void kmaps_show(void)
{
	unsigned int nr, used = 0, unused = 0;
	unsigned long flags, pfn;
	int count, idx;

	pr_info("pkmap: 0x%08lx-0x%08lx, %d slots, last_pkmap_nr %u, %lu lazy flushes\n",
		PKMAP_BASE, PKMAP_ADDR(LAST_PKMAP), LAST_PKMAP, READ_ONCE(last_pkmap_nr),
		kmap_pkmap_flushes());
	pr_info(" slot  address     count  users  pfn\n");
	for (nr = 0; nr < LAST_PKMAP; nr++) {
		local_irq_save(flags);
		count = pkmap_count[nr];
		pfn = pte_pfn(pkmap_page_table[nr]);
		local_irq_restore(flags);
		if (count == 1)
			unused++;
		if (count < 2)
			continue;
		used++;
		pr_info("%5u  0x%08lx  %5d  %5d  0x%05lx\n", nr, PKMAP_ADDR(nr), count,
			count - 1, pfn);
	}
	pr_info("pkmap slots: %u in use, %u unused awaiting flush, %u free\n", used, unused,
		LAST_PKMAP - used - unused);
	pr_info("kmap_atomic: %d of %d slots in use\n", kmap_atomic_depth(), KM_MAX_IDX);
	pr_info(" slot  address     pfn\n");
	for (idx = 0; idx < kmap_atomic_depth(); idx++)
		pr_info("%5d  0x%08lx  0x%05lx\n", idx, fix_to_virt(FIX_KMAP_BEGIN + idx),
			pte_pfn(*kmap_slot_pte(idx)));
}
proc_dump("kmaps", kmaps_show);
