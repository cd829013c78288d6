/* SPDX-License-Identifier: GPL-2.0 */
/*
 * highmem.h - giving HighMem pages a temporary kernel address.
 *
 * A HighMem page has no place in the kernel's direct map, so before the
 * kernel can touch it, it must be mapped somewhere:
 *
 *   kmap_atomic(page)   one of KM_MAX_IDX fixmap slots, used as a stack;
 *                       never sleeps, works in interrupt context; must be
 *                       undone (kunmap_atomic) in reverse order, soon
 *   kmap(page)          one of LAST_PKMAP (1024) pkmap slots; stays mapped
 *                       until kunmap(page); may sleep, so not in interrupts;
 *                       a page kmapped twice gets the same address and needs
 *                       two kunmap(page) calls; kunmap() never sleeps
 *
 * For a lowmem page both simply return page_address(page).
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>
#include <linux/string.h>

#include <linux/preempt.h>
#include <asm/fixmap.h>

void *__kmap_atomic_high(struct page *page);
void __kunmap_atomic_high(void *addr);

/**
 * kmap_atomic - map a page for a short while, in any context
 * @page: the page; a lowmem page just returns its page_address()
 *
 * Disables preemption until the matching kunmap_atomic().  Nested
 * mappings must be undone in reverse order.  The lowmem case is inline:
 * nothing is mapped, so it costs only the preemption count.
 * Return: a kernel address for the page.
 */
static inline void *kmap_atomic(struct page *page)
{
	preempt_disable();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return __kmap_atomic_high(page);
}

/**
 * kunmap_atomic - undo the most recent kmap_atomic()
 * @addr: the address kmap_atomic() returned
 *
 * Unmapping any slot but the most recent is reported as a BUG and refused,
 * so the stack of mappings stays consistent; so is an address that
 * kmap_atomic() never returns (neither lowmem nor a kmap_atomic slot), and
 * a lowmem address with no kmap_atomic() to undo is preempt_enable()'s
 * underflow report: preempt_count never goes below zero.
 */
static inline void kunmap_atomic(void *addr)
{
	if (virt_addr_valid(addr)) {
		preempt_enable();	/* lowmem: nothing was mapped */
		return;
	}
	__kunmap_atomic_high(addr);
}

void *kmap_high(struct page *page);
void kunmap_high(struct page *page);

/**
 * kmap - map a page into the kernel's address space until kunmap()
 * @page: the page; a lowmem page just returns its page_address()
 *
 * May sleep in Linux (when all pkmap slots are busy), so never call it in
 * interrupt or atomic context: might_sleep() reports that, and the mapping
 * is made anyway.  Mapping the same page twice returns the same address
 * and needs two kunmap() calls.  Inline, as in Linux: the lowmem case
 * costs the might_sleep() test and page_address(); kmap_high()
 * (mm/highmem.c) maps a HighMem page.
 * Return: the page's kernel address, or NULL (with a BUG report) when all
 * LAST_PKMAP slots are in use.
 */
static inline void *kmap(struct page *page)
{
	might_sleep();
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return kmap_high(page);
}

/**
 * kunmap - release a mapping made by kmap()
 * @page: the page that was passed to kmap(), not the address
 *
 * Never sleeps.  The slot keeps its PTE until the next lazy flush.  A
 * lowmem page is a no-op; a HighMem page with no kmap() users is reported
 * as a BUG (by kunmap_high()) and nothing is changed.
 */
static inline void kunmap(struct page *page)
{
	if (PageHighMem(page))
		kunmap_high(page);
}

/* Free every pkmap slot that has no users left, and flush the TLB. */
void kmap_flush_unused(void);

/* mm/init.c: set up the fixmap and pkmap page tables (paging_init). */
void kmap_init(void);
/* How many kmap_atomic slots are in use right now. */
int kmap_atomic_depth(void);
/* mm386: pop the slots above @depth (code that returned holding them). */
int kmap_atomic_unwind(int depth);
/* mm386: pkmap_count[nr] (0 free, 1 unused awaiting flush, n: n-1 users),
 * or -1 for a slot number out of range. */
int kmap_pkmap_count(unsigned int nr);
/* mm386: how many lazy flushes have freed pkmap slots since boot. */
unsigned long kmap_pkmap_flushes(void);

static inline void clear_highpage(struct page *page)
{
	void *addr = kmap_atomic(page);

	clear_page(addr);
	kunmap_atomic(addr);
}

#endif
