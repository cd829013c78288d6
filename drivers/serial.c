// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/serial.c - the 16550 UART on COM1, 115200 8N1.
 *
 * This is mm386's most important output: everything the kernel says goes
 * here, and tests, CI and graders read it.  Output is polled (wait until
 * the transmit holding register is empty, then write the byte) so that it
 * works from any context, including an oops with interrupts off.
 *
 * Input is for the shell: serial_input_init() turns on the UART's
 * "received data" interrupt (IRQ 4), and the handler moves every waiting
 * byte into the console input queue (drivers/tty.c).
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <asm/io.h>

#define COM1		0x3f8
#define UART_TX		0	/* transmit holding register (DLAB=0) */
#define UART_RX		0	/* receive buffer (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_DR	0x01	/* a byte is waiting */
#define UART_LSR_THRE	0x20	/* transmitter can take a byte */
#define UART_IER_RDI	0x01	/* interrupt when a byte is received */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* on a PC, gates the UART's IRQ line */
#define UART_BAUD_BASE	115200

static int serial_ready;

static void serial_init(void)
{
	unsigned int divisor = UART_BAUD_BASE / 115200;

	outb(0x00, COM1 + UART_IER);		/* polled: no interrupts */
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(divisor & 0xff, COM1 + UART_DLL);
	outb(divisor >> 8, COM1 + UART_DLM);
	outb(UART_LCR_8N1, COM1 + UART_LCR);
	outb(0xc7, COM1 + UART_FCR);		/* enable and clear FIFOs */
	outb(0x03, COM1 + UART_MCR);		/* DTR, RTS */
	serial_ready = 1;
}

void serial_putc(char c)
{
	int spins = 100000;

	if (!serial_ready)
		return;
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE) && --spins)
		__asm__ __volatile__("pause");
	outb(c, COM1 + UART_TX);
}

int serial_getc(void)
{
	if (!serial_ready || !(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RX);
}

// IRQ 4: a byte (or a FIFO's worth) arrived; queue them all for the shell.
static void serial_interrupt(unsigned int irq, void *dev)
{
	int c;

	while ((c = serial_getc()) >= 0)
		console_input(c);
}

/**
 * serial_input_init - deliver received bytes to console_getc()
 *
 * Enables the receive interrupt; output stays polled.
 */
void serial_input_init(void)
{
	if (!serial_ready || request_irq(IRQ_COM1, serial_interrupt, "serial", NULL))
		return;
	outb(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2, COM1 + UART_MCR);
	outb(UART_IER_RDI, COM1 + UART_IER);	/* raised at once if bytes wait */
}

// Terminals want CR LF.
static void serial_write(struct console *con, const char *s, unsigned int n)
{
	while (n--) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s++);
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
};

void serial_console_init(void)
{
	serial_init();
	register_console(&serial_console);
}
