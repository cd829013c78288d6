// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/gdt.c - the Global Descriptor Table.
 *
 * i386 segmentation cannot be switched off, only made harmless: every
 * segment here starts at 0 and spans 4 GB, so a "logical" address is the
 * linear address and paging does all the real work.  The boot loader's GDT
 * lives in memory we will reuse, so ours is loaded first thing.
 */
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/segment.h>

// base 0, limit 4 GB (granularity 4 KB), 32-bit, given access byte.
#define FLAT_SEGMENT(access)	(0x00cf000000000000ULL | ((u64)(access) << 40) | 0xffffULL)

static u64 gdt_table[GDT_ENTRIES] __aligned(8) = {
	[0]			= 0,			/* the null descriptor */
	[GDT_ENTRY_KERNEL_CS]	= FLAT_SEGMENT(0x9a),	/* ring 0 code, readable */
	[GDT_ENTRY_KERNEL_DS]	= FLAT_SEGMENT(0x92),	/* ring 0 data, writable */
	[GDT_ENTRY_USER_CS]	= FLAT_SEGMENT(0xfa),	/* ring 3 code */
	[GDT_ENTRY_USER_DS]	= FLAT_SEGMENT(0xf2),	/* ring 3 data */
};

void gdt_init(void)
{
	struct desc_ptr gdtr = { sizeof(gdt_table) - 1, (u32)gdt_table };

	__asm__ __volatile__(
		"lgdt %0\n\t"
		"ljmp %1, $1f\n"
		"1:\n\t"
		"mov %2, %%ds\n\t"
		"mov %2, %%es\n\t"
		"mov %2, %%ss\n\t"
		"mov %3, %%fs\n\t"
		"mov %3, %%gs\n\t"
		: : "m"(gdtr), "i"(__KERNEL_CS), "r"(__KERNEL_DS), "r"(0) : "memory");
}
