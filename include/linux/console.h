/* SPDX-License-Identifier: GPL-2.0 */
/*
 * console.h - where printk output goes.
 *
 * A console has a write() method; printk() calls every registered one.
 * mm386 has two: the 16550 UART on COM1 (what tests and graders read) and
 * the VGA text screen.  Input (for the shell) comes from console_getc().
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int n);
	struct console *next;
};

void register_console(struct console *con);

/* drivers/serial.c */
void serial_console_init(void);
void serial_putc(char c);
int serial_getc(void);		/* -1 when no byte is waiting */

/* drivers/vga.c */
void vga_console_init(void);

#endif
