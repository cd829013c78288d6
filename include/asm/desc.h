/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/desc.h - segment and gate descriptors: the GDT, the TSS, the IDT.
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
#define IA32_SYSCALL_VECTOR	0x80	/* int $0x80: the i386 system call */

struct thread_struct;

void gdt_init(void);
void idt_init(void);
/* kernel/gdt.c, kernel/idt.c: for the double-fault task (kernel/doublefault.c) */
void gdt_set_entry(unsigned int entry, u64 desc);
void idt_set_task_gate(unsigned int vector, u16 tss_selector);
void doublefault_init(void);
/* kernel/gdt.c: what a task switch changes in the CPU's tables */
void update_task_stack(unsigned long sp0);
void load_TLS(const struct thread_struct *t);
u64 gdt_entry(unsigned int i);

#endif
