// SPDX-License-Identifier: GPL-2.0
/*
 * mm/layout.c - dump=layout: where everything sits in the 4 GB map.
 *
 * Prints the block Linux printed at boot until v4.17 (arch/x86/mm/init_32.c),
 * "virtual kernel memory layout:", with the kernel image's sections.
 */
#include <linux/kernel.h>
#include <mm386/dump.h>

extern char _text[], _etext[], _edata[], __init_begin[], __init_end[];

#define KB(a, b)	(((unsigned long)(b) - (unsigned long)(a)) >> 10)

void print_memory_layout(void)
{
	pr_info("virtual kernel memory layout:\n"
		"      .init : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"      .data : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"      .text : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		(unsigned long)__init_begin, (unsigned long)__init_end,
		KB(__init_begin, __init_end),
		(unsigned long)_etext, (unsigned long)_edata, KB(_etext, _edata),
		(unsigned long)_text, (unsigned long)_etext, KB(_text, _etext));
}

proc_dump("layout", print_memory_layout);
