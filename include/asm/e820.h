/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/e820.h - the firmware's physical memory map.
 *
 * The BIOS describes RAM with "e820" entries (after the BIOS call that
 * returns them): address, size and type.  The multiboot loader passes them
 * on; kernel/setup.c copies them here, mem= trims them, and memblock
 * (mm/memblock.c) is built from the usable ones.
 */
#ifndef _ASM_E820_H
#define _ASM_E820_H

#include <linux/types.h>

#define E820_MAX_ENTRIES	128

enum e820_type {
	E820_TYPE_RAM		= 1,
	E820_TYPE_RESERVED	= 2,
	E820_TYPE_ACPI		= 3,
	E820_TYPE_NVS		= 4,
	E820_TYPE_UNUSABLE	= 5,
};

struct e820_entry {
	u64 addr;
	u64 size;
	enum e820_type type;
};

struct e820_table {
	unsigned int nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

void e820__print_table(const char *who);
const char *e820_type_name(enum e820_type type);

#endif
