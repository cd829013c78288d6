/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/string.h - the one string routine that needs the CPU's wide stores.
 *
 * lib/string.c has memset and memcpy in plain C for everything else; this
 * header is where mm/ gets SSE without writing instructions itself (the
 * algorithms in mm/ do not touch hardware: see docs/hacking.md).
 */
#ifndef _ASM_STRING_H
#define _ASM_STRING_H

/*
 * fill_32byte_pattern - copy the 32 bytes at @pattern over and over into
 * [@dst, @end), which must be 16-byte aligned and a multiple of 32 long.
 *
 * Two 16-byte SSE stores per 32 bytes, five instructions a round where a
 * structure copy takes a dozen (the boot writes every struct page of
 * mem_map with this: mm/mm_init.c).  %xmm0 and %xmm1 are saved and
 * restored around it, as clear_page() does with %xmm0 (asm/page.h), so the
 * caller's (a user program's) values survive.  KASAN builds copy in C,
 * which KASAN checks.
 */
static inline void fill_32byte_pattern(void *dst, void *end, const void *pattern)
{
#ifdef CONFIG_KASAN
	struct chunk { unsigned long w[32 / sizeof(unsigned long)]; };
	struct chunk *p = dst;

	while ((void *)p < end)
		*p++ = *(const struct chunk *)pattern;
#else
	struct { unsigned long w[32 / sizeof(unsigned long)]; } saved;

	if (dst >= end)
		return;
	__asm__ __volatile__(
		"movups %%xmm0, %[save]\n\t"
		"movups %%xmm1, 16+%[save]\n\t"
		"movups (%[t]), %%xmm0\n\t"
		"movups 16(%[t]), %%xmm1\n"
		"1:\n\t"
		"movaps %%xmm0, (%[p])\n\t"
		"movaps %%xmm1, 16(%[p])\n\t"
		"add $32, %[p]\n\t"
		"cmp %[end], %[p]\n\t"
		"jb 1b\n\t"
		"movups %[save], %%xmm0\n\t"
		"movups 16+%[save], %%xmm1"
		: [p] "+r"(dst), [save] "=m"(saved)
		: [end] "r"(end), [t] "r"(pattern), "m"(*(const char (*)[32])pattern)
		: "memory", "cc");
#endif
}

#endif
