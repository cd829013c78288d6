// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty.c - the console's input side: one queue of typed bytes.
 *
 * Output is easy: printk() writes to every console.  Input comes from two
 * places at once, the serial port (a terminal, or a test script driving
 * QEMU's -serial stdio) and the PS/2 keyboard under the VGA screen.  Both
 * drivers push what arrives from their interrupt handlers into one ring
 * buffer, as Linux's tty drivers push into the tty flip buffer, and the
 * shell takes bytes out in order.  Special keys arrive already spelled as
 * a terminal spells them ("\033[A" for the up arrow), so the line editor
 * reads one language whichever device the user types on.
 *
 * The producers run in hard interrupt context with interrupts off; the
 * consumer takes bytes with interrupts off.  On one CPU that is all the
 * locking the ring needs.  A byte that finds the ring full is dropped.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/irqflags.h>

#define TTY_BUF_SIZE	512	/* a power of two */

static char tty_buf[TTY_BUF_SIZE];
/* tty_head - tty_tail bytes wait; both only grow (indices mod TTY_BUF_SIZE). */
static unsigned int tty_head, tty_tail;

/**
 * console_input - queue a byte that arrived on a console
 * @c: the byte, as a terminal would send it
 *
 * Called by the serial and keyboard interrupt handlers (interrupts off).
 */
void console_input(char c)
{
	if (tty_head - tty_tail >= TTY_BUF_SIZE)
		return;
	tty_buf[tty_head++ % TTY_BUF_SIZE] = c;
}

/**
 * console_input_str - queue several bytes (a key that sends a sequence)
 * @s: NUL-terminated bytes
 */
void console_input_str(const char *s)
{
	while (*s)
		console_input(*s++);
}

// Take the oldest byte, or -1.  Interrupts must be off.
static int tty_pop(void)
{
	if (tty_head == tty_tail)
		return -1;
	return (unsigned char)tty_buf[tty_tail++ % TTY_BUF_SIZE];
}

/**
 * console_getc - the next typed byte, halting the CPU until one comes
 *
 * Must be called with interrupts on (the shell, in process context).  The
 * check and the halt are one step ("sti; hlt" cannot be split by an
 * interrupt), so a byte that arrives in between still wakes the CPU.  The
 * timer keeps ticking meanwhile.
 */
int console_getc(void)
{
	int c;

	for (;;) {
		local_irq_disable();
		c = tty_pop();
		if (c >= 0) {
			local_irq_enable();
			return c;
		}
		safe_halt();
	}
}
