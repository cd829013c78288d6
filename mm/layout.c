// SPDX-License-Identifier: GPL-2.0
/*
 * mm/layout.c - the kernel's gigabyte, printed: "virtual kernel memory
 * layout", in the format Linux printed at boot until v4.17
 * (arch/x86/mm/init_32.c), from the top of memory down:
 *
 *   fixmap   compile-time slots at the very top (kmap_atomic)
 *   pkmap    1024 slots for kmap()
 *   vmalloc  VMALLOC_START (high_memory + 8 MB) .. VMALLOC_END
 *   lowmem   PAGE_OFFSET .. high_memory: all of lowmem, mapped 1:1
 *     .init / .data / .text: the kernel image, inside lowmem
 *
 * dump=layout prints it again at the end of boot.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/pgtable.h>
#include <asm/fixmap.h>
#include <mm386/dump.h>

extern char _text[], _etext[], _edata[], __init_begin[], __init_end[];

#define KB(a, b)	(((unsigned long)(b) - (unsigned long)(a)) >> 10)
#define MB(a, b)	(((unsigned long)(b) - (unsigned long)(a)) >> 20)

void print_memory_layout(void)
{
	pr_info("virtual kernel memory layout:\n"
		"    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"    pkmap   : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n"
		"    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n"
		"      .init : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"      .data : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"      .text : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		FIXADDR_START, FIXADDR_TOP, KB(FIXADDR_START, FIXADDR_TOP),
		PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE,
		KB(PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE),
		VMALLOC_START, VMALLOC_END, MB(VMALLOC_START, VMALLOC_END),
		PAGE_OFFSET, (unsigned long)high_memory, MB(PAGE_OFFSET, high_memory),
		(unsigned long)__init_begin, (unsigned long)__init_end,
		KB(__init_begin, __init_end),
		(unsigned long)_etext, (unsigned long)_edata, KB(_etext, _edata),
		(unsigned long)_text, (unsigned long)_etext, KB(_text, _etext));
}

proc_dump("layout", print_memory_layout);
