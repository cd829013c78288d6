/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/tlbflush.h - telling the CPU that a page-table entry changed.
 *
 * The TLB caches translations.  After a PTE is changed or cleared, the old
 * translation may still be used until it is flushed: invlpg drops one page,
 * reloading CR3 drops them all (mm386 uses no global pages).
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <asm/processor.h>
#include <asm/page.h>

static inline void __flush_tlb_all(void)
{
	write_cr3(read_cr3());
}

static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* flush_tlb_kernel_range - drop [start, end); a full flush for big ranges. */
static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	if (end - start > 32 * PAGE_SIZE) {
		__flush_tlb_all();
		return;
	}
	for (start &= PAGE_MASK; start < end; start += PAGE_SIZE)
		__flush_tlb_one_kernel(start);
}

#endif
