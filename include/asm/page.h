/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/page.h - page size and the direct map of the 3G/1G split.
 *
 * Virtual 0xC0000000 (PAGE_OFFSET, "3G") maps physical 0.  Every lowmem
 * byte has a kernel virtual address __va(phys) = phys + PAGE_OFFSET, and
 * __pa() goes back.  This is the "fixed offset" the seed articles describe
 * for kmalloc and __get_free_page memory.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_OFFSET	0xC0000000UL

#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((unsigned long long)(x) << PAGE_SHIFT)

#define __pa(x)		((unsigned long)(x) - PAGE_OFFSET)
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))

#include <asm-generic/getorder.h>

#endif
