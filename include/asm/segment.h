/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/segment.h - the GDT selectors, in Linux i386's layout
 * (arch/x86/include/asm/segment.h), so that GDB, the oops lines and
 * set_thread_area() see the numbers they see on Linux.  kernel/gdt.c
 * builds the table.
 *
 *   entry  selector  what
 *   0      -         the null descriptor
 *   6-8    0x33-0x43 TLS: three user descriptors per task, which
 *                    set_thread_area() fills; glibc loads 0x33 into %gs
 *   12     0x60      __KERNEL_CS
 *   13     0x68      __KERNEL_DS
 *   14     0x73      __USER_CS  (ring 3: the selector's low bits are 3)
 *   15     0x7b      __USER_DS
 *   16     0x80      the TSS: esp0, the kernel stack a ring 3 -> ring 0
 *                    transition switches to
 *   31     0xf8      reserved for the double-fault TSS (a task gate)
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_TLS_MIN	6
#define GDT_ENTRY_TLS_ENTRIES	3
#define GDT_ENTRY_TLS_MAX	(GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)
#define GDT_ENTRY_KERNEL_CS	12
#define GDT_ENTRY_KERNEL_DS	13
#define GDT_ENTRY_DEFAULT_USER_CS 14
#define GDT_ENTRY_DEFAULT_USER_DS 15
#define GDT_ENTRY_TSS		16
#define GDT_ENTRY_LDT		17
#define GDT_ENTRY_DOUBLEFAULT_TSS 31
#define GDT_ENTRIES		32

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)		/* 0x60 */
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)		/* 0x68 */
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)	/* 0x73 */
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)	/* 0x7b */
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)			/* 0x80 */

#define SEGMENT_RPL_MASK	0x3
#define USER_RPL		0x3

#endif
