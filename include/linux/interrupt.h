/* SPDX-License-Identifier: GPL-2.0 */
/*
 * interrupt.h - hardware interrupt handlers.
 *
 * request_irq() attaches a handler to one of the 16 PIC lines.  Handlers
 * run in hard interrupt context: in_irq() is true, interrupts are off, and
 * nothing may sleep (GFP_ATOMIC only).
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <asm/ptrace.h>

#define NR_IRQS		16
#define IRQ_TIMER	0
#define IRQ_KEYBOARD	1
#define IRQ_COM1	4

typedef void (*irq_handler_t)(unsigned int irq, void *dev);

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev);
void do_IRQ(struct pt_regs *regs);
extern unsigned long irq_count[NR_IRQS];

/* kernel/i8259.c */
void init_8259A(void);
void enable_8259A_irq(unsigned int irq);
void disable_8259A_irq(unsigned int irq);
void ack_8259A_irq(unsigned int irq);

#endif
