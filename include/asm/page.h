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

#ifndef __ASSEMBLER__
/*
 * clear_page - zero the 4 KB page at kernel address @addr (page-aligned).
 *
 * With SSE's 16-byte stores: 256 of them, written out in full (nested
 * .irp: 16 rows of 16), with no loop to count, about 260 instructions,
 * where memset's rep stosl makes 1024 iterations (each one an instruction
 * to QEMU's -icount, as it is a step to the CPU).  That is 1.7 KB of code
 * in each of the four functions it is inlined into (vmalloc(),
 * __vmalloc_node_range(), kernel_init_pages(), clear_user_highpage()); a
 * loop of 32 stores a round cost 26 more instructions a page.
 * Linux i386 does the same with MMX's 8-byte stores on 3DNow! CPUs
 * (fast_clear_page in arch/x86/lib/mmx_32.c), between kernel_fpu_begin()
 * and kernel_fpu_end().  Here only %xmm0 is used, so saving it first and
 * restoring it last is that bracket: the task's own value (a user
 * program's) comes back, and an interrupt handler that clears a page
 * brackets its own use the same way.  fpu_init() (boot) turns SSE on
 * before the first page is allocated.  KASAN checks memset, so a KASAN
 * build uses that.
 */
static inline void clear_page(void *addr)
{
#ifdef CONFIG_KASAN
	__builtin_memset(addr, 0, PAGE_SIZE);
#else
	struct { unsigned long w[4]; } xmm0_saved;

	__asm__ __volatile__(
		"movups %%xmm0, %[save]\n\t"
		"xorps %%xmm0, %%xmm0\n\t"
		".irp row, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
		".irp col, 0,16,32,48,64,80,96,112,128,144,160,176,192,208,224,240\n\t"
		"movaps %%xmm0, \\row*256+\\col(%[p])\n\t"
		".endr\n\t"
		".endr\n\t"
		"movups %[save], %%xmm0"
		: [save] "=m"(xmm0_saved)
		: [p] "r"(addr)
		: "memory");
#endif
}
#endif

#endif
