// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/i8259.c - the two cascaded 8259A interrupt controllers.
 *
 * At power-on the master PIC delivers IRQ 0-7 on vectors 8-15, which the
 * CPU also uses for exceptions (8 is double fault!).  init_8259A() moves
 * them: master IRQ 0-7 -> vectors 0x20-0x27, slave IRQ 8-15 -> 0x28-0x2f.
 * Every line starts masked; request_irq() unmasks the ones in use.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <asm/io.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_IMR	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_IMR	0xa1
#define PIC_EOI		0x20
#define PIC_CASCADE_IR	2

static unsigned int cached_irq_mask = 0xffff;

static void write_masks(void)
{
	outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
	outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
}

void init_8259A(void)
{
	outb(0x11, PIC_MASTER_CMD);	/* ICW1: edge, cascade, ICW4 follows */
	io_delay();
	outb(0x20, PIC_MASTER_IMR);	/* ICW2: vectors 0x20-0x27 */
	io_delay();
	outb(1 << PIC_CASCADE_IR, PIC_MASTER_IMR);	/* ICW3: slave on IR2 */
	io_delay();
	outb(0x01, PIC_MASTER_IMR);	/* ICW4: 8086 mode, normal EOI */
	io_delay();
	outb(0x11, PIC_SLAVE_CMD);
	io_delay();
	outb(0x28, PIC_SLAVE_IMR);	/* vectors 0x28-0x2f */
	io_delay();
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);	/* cascade identity */
	io_delay();
	outb(0x01, PIC_SLAVE_IMR);
	io_delay();
	cached_irq_mask = 0xffff & ~(1 << PIC_CASCADE_IR);
	write_masks();
}

void enable_8259A_irq(unsigned int irq)
{
	cached_irq_mask &= ~(1u << irq);
	write_masks();
}

void disable_8259A_irq(unsigned int irq)
{
	cached_irq_mask |= 1u << irq;
	write_masks();
}

/* ack_8259A_irq - end of interrupt: let the PIC deliver the next one. */
void ack_8259A_irq(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}
