/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/desc.h - segment and gate descriptors: the GDT and the IDT.
 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <linux/types.h>

struct desc_ptr {
	u16 size;
	u32 address;
} __attribute__((packed));

#define NR_VECTORS_USED	48	/* 32 exceptions + 16 PIC interrupts */
#define FIRST_EXTERNAL_VECTOR	0x20

void gdt_init(void);
void idt_init(void);

#endif
