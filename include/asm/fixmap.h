/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/fixmap.h - the fixmap: a handful of virtual pages at the very top of
 * the address space whose addresses are known at compile time.
 *
 * Each enum entry below is one page, counted down from FIXADDR_TOP:
 * fix_to_virt(i) = FIXADDR_TOP - i * PAGE_SIZE.  What a slot maps can change
 * at run time (one set_pte plus one invlpg), but its address never does.
 * kmap_atomic() uses the KM_MAX_IDX slots from FIX_KMAP_BEGIN as a stack:
 * that is what lets it work in interrupt context, with no lock and no
 * search (mm/highmem.c).
 *
 *   FIXADDR_TOP   = 0xfffff000   (the last page stays unmapped, as in Linux)
 *   FIXADDR_START = FIXADDR_TOP - __end_of_fixed_addresses * PAGE_SIZE
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <asm/page.h>

#define KM_MAX_IDX	16	/* kmap_atomic nesting depth (asm-generic/kmap_size.h) */

enum fixed_addresses {
	FIX_HOLE,		/* the page at FIXADDR_TOP: never mapped */
	FIX_KMAP_BEGIN,		/* kmap_atomic slots, nested as a stack */
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_TOP	0xfffff000UL
#define FIXADDR_SIZE	((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START	(FIXADDR_TOP - FIXADDR_SIZE)

#define __fix_to_virt(x)	(FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x)	((FIXADDR_TOP - ((x) & PAGE_MASK)) >> PAGE_SHIFT)
#define fix_to_virt(x)		__fix_to_virt(x)
#define virt_to_fix(x)		__virt_to_fix(x)

#endif
