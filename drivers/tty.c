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
 *
 * A reader with nothing to read sleeps on tty_wait (the shell in task 0,
 * or a program in read(0, ...)); each byte that arrives wakes it.  While
 * it sleeps, other tasks run: a program started with the shell's `run -b`
 * goes on while the shell waits for the next line.  With nobody to run,
 * schedule() halts the CPU until the next interrupt.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/errno.h>

#define TTY_BUF_SIZE	512	/* a power of two */

static char tty_buf[TTY_BUF_SIZE];
/* tty_head - tty_tail bytes wait; both only grow (indices mod TTY_BUF_SIZE). */
static unsigned int tty_head, tty_tail;
static DECLARE_WAIT_QUEUE_HEAD(tty_wait);

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
	wake_up(&tty_wait);
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

static bool tty_has_input(void *arg)
{
	return tty_head != tty_tail;
}

// The next byte; -ERESTARTSYS if @interruptible and a signal came first.
static int tty_getc(bool interruptible)
{
	unsigned long flags;
	int c;

	local_irq_save(flags);
	if (interruptible) {
		if (wait_event_interruptible_irqoff(&tty_wait, tty_has_input, NULL)) {
			local_irq_restore(flags);
			return -ERESTARTSYS;
		}
	} else {
		wait_event_irqoff(&tty_wait, tty_has_input, NULL);
	}
	c = tty_pop();
	local_irq_restore(flags);
	return c;
}

/**
 * console_getc - the next typed byte, sleeping until one comes
 *
 * Must be called in process context (the shell in task 0, a system call).
 * The check and the sleep happen with interrupts off, so a byte that
 * arrives in between still wakes the reader.  The timer keeps ticking
 * meanwhile, and other tasks run.
 */
int console_getc(void)
{
	return tty_getc(false);
}

/* console_getc_user - console_getc() for read(): -ERESTARTSYS when a signal comes. */
int console_getc_user(void)
{
	return tty_getc(true);
}
