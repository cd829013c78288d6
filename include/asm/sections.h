/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sections.h - where the kernel image's parts begin and end, as linker.ld
 * defines them (Linux: <asm-generic/sections.h>).  Each is an address in
 * the higher half; __pa() gives the physical one.
 *
 *   _text .. _etext                  code (read-only once paging_init ran)
 *   __start_rodata .. __end_rodata   read-only data, the exception table,
 *                                    kallsyms, the registries (.ktests...)
 *   _sdata .. _edata                 initialised data
 *   __init_begin .. __init_end       __init code and data, freed after boot
 *   __bss_start .. __bss_stop        zeroed data; _end ends the image
 *   __start_once .. __end_once       WARN_ONCE()'s flags (in .data)
 */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

#include <linux/types.h>

extern char _text[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[];
extern char __start_once[], __end_once[];
extern char __init_begin[], __init_end[];
extern char __bss_start[], __bss_stop[], _end[];

/* is_kernel_rodata - is @addr in the image's read-only data? */
static inline bool is_kernel_rodata(unsigned long addr)
{
	return addr >= (unsigned long)__start_rodata && addr < (unsigned long)__end_rodata;
}

#endif
