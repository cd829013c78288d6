/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/multiboot.h - what a multiboot v1 loader hands the kernel.
 *
 * The loader leaves EAX = MULTIBOOT_BOOTLOADER_MAGIC and EBX = the physical
 * address of struct multiboot_info.  Each field is valid only if its flag
 * bit is set.  The structures sit in memory the kernel will reuse, so
 * kernel/setup.c copies what it needs before anything is allocated.
 */
#ifndef _ASM_MULTIBOOT_H
#define _ASM_MULTIBOOT_H

#include <linux/types.h>

#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002

#define MULTIBOOT_INFO_MEMORY		0x001
#define MULTIBOOT_INFO_CMDLINE		0x004
#define MULTIBOOT_INFO_MODS		0x008
#define MULTIBOOT_INFO_MEM_MAP		0x040
#define MULTIBOOT_INFO_BOOT_LOADER_NAME	0x200

struct multiboot_info {
	u32 flags;
	u32 mem_lower, mem_upper;	/* KB below 1 MB, KB above 1 MB */
	u32 boot_device;
	u32 cmdline;			/* physical address of a C string */
	u32 mods_count, mods_addr;
	u32 syms[4];
	u32 mmap_length, mmap_addr;
	u32 drives_length, drives_addr;
	u32 config_table;
	u32 boot_loader_name;
	u32 apm_table;
} __packed;

/* One memory map entry; @size does not count itself. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __packed;

struct multiboot_mod_list {
	u32 mod_start, mod_end;		/* physical, end exclusive */
	u32 cmdline;
	u32 pad;
} __packed;

#endif
