/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/getorder.h - get_order(): the buddy order that holds @size
 * bytes (Linux's name and place; <asm/page.h> includes it).
 *
 *   get_order(1) .. get_order(4096) = 0, get_order(4097) = 1,
 *   get_order(1 MB) = 8, get_order(0) = 20 (undefined in Linux; as there)
 */
#ifndef _ASM_GENERIC_GETORDER_H
#define _ASM_GENERIC_GETORDER_H

static inline __attribute__((const)) int get_order(unsigned long size)
{
	size--;
	size >>= 12;			/* PAGE_SHIFT */
	return size ? 32 - __builtin_clzl(size) : 0;
}

#endif
