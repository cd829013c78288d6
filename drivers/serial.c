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
 *
 * COM2 (ttyS1) is no console: it is a raw, polled byte channel that
 * kernel/telemetry.c opens with serial2_init() when the "telemetry"
 * parameter asks for it, so that machine-readable data never mixes with
 * what a person reads on COM1.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/errno.h>
#include <asm/io.h>

#define COM1		0x3f8
#define COM2		0x2f8
#define UART_TX		0	/* transmit holding register (DLAB=0) */
#define UART_RX		0	/* receive buffer (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_SCR	7	/* scratch: a byte the UART keeps, nothing else */
#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_DR	0x01	/* a byte is waiting */
#define UART_LSR_THRE	0x20	/* transmitter can take a byte */
#define UART_IER_RDI	0x01	/* interrupt when a byte is received */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* on a PC, gates the UART's IRQ line */
#define UART_BAUD_BASE	115200

static int serial_ready, serial2_ready;

// 115200 8N1, FIFOs on, polled: no interrupts yet.
static void uart_init(unsigned int base)
{
	unsigned int divisor = UART_BAUD_BASE / 115200;

	outb(0x00, base + UART_IER);		/* polled: no interrupts */
	outb(UART_LCR_DLAB, base + UART_LCR);
	outb(divisor & 0xff, base + UART_DLL);
	outb(divisor >> 8, base + UART_DLM);
	outb(UART_LCR_8N1, base + UART_LCR);
	outb(0xc7, base + UART_FCR);		/* enable and clear FIFOs */
	outb(0x03, base + UART_MCR);		/* DTR, RTS */
}

// Wait (a bounded while) for room in the transmitter, then send @c.
static void uart_putc(unsigned int base, char c)
{
	int spins = 100000;

	while (!(inb(base + UART_LSR) & UART_LSR_THRE) && --spins)
		__asm__ __volatile__("pause");
	outb(c, base + UART_TX);
}

static void serial_init(void)
{
	uart_init(COM1);
	serial_ready = 1;
}

void serial_putc(char c)
{
	if (serial_ready)
		uart_putc(COM1, c);
}

/**
 * serial2_init - open COM2 (ttyS1) as a raw output channel
 *
 * Return: 0, or -ENODEV when no UART answers at 0x2f8 (its scratch
 * register does not keep what is written to it).
 */
int serial2_init(void)
{
	outb(0x5a, COM2 + UART_SCR);
	if (inb(COM2 + UART_SCR) != 0x5a)
		return -ENODEV;
	uart_init(COM2);
	serial2_ready = 1;
	return 0;
}

/* serial2_write - send @n bytes to COM2 as they are (no CR added). */
void serial2_write(const char *s, unsigned int n)
{
	while (serial2_ready && n--)
		uart_putc(COM2, *s++);
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
