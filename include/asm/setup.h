/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/setup.h - what boot hands to the rest of the kernel.
 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>

#define COMMAND_LINE_SIZE	2048
/* boot/head.asm maps this much of low RAM (EARLY_MAP_MB in boot.inc). */
#define EARLY_MAP_SIZE		(32UL << 20)
#define MAX_BOOT_MODULES	16
#define BOOT_MODULE_NAME_LEN	512	/* file name and parameters */

/* A file the boot loader loaded next to the kernel (a GRUB "module" line
 * or QEMU -initrd).  mm386 loads them as kernel modules (.ko). */
struct boot_module {
	unsigned long start, end;	/* physical, end exclusive */
	char cmdline[BOOT_MODULE_NAME_LEN];
};

extern char boot_command_line[COMMAND_LINE_SIZE];
extern char boot_loader_name[64];
extern struct boot_module boot_modules[MAX_BOOT_MODULES];
extern unsigned int nr_boot_modules;
extern u64 boot_tsc;		/* TSC at _start (boot/head.asm) */

void setup_arch(void);

#endif
