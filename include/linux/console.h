/* SPDX-License-Identifier: GPL-2.0 */
/*
 * console.h - where printk output goes.
 *
 * A console has a write() method; printk() calls every registered one.
 * mm386 has two: the 16550 UART on COM1 (what tests and graders read) and
 * the VGA text screen.  Input (for the shell) comes from console_getc():
 * the serial port and the PS/2 keyboard both feed one queue (drivers/tty.c).
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
void serial_input_init(void);	/* received bytes go to console_getc() */
int serial2_init(void);		/* COM2 as a raw channel; -ENODEV if absent */
void serial2_write(const char *s, unsigned int n);

/* drivers/vga.c */
void vga_console_init(void);

/* drivers/keyboard.c: the PS/2 keyboard, typing into console_getc() */
void keyboard_init(void);

/* drivers/tty.c: the input queue */
void console_input(char c);		/* from interrupt handlers */
void console_input_str(const char *s);
int console_getc(void);			/* sleeps until the next byte */
int console_getc_user(void);		/* the same, or -EINTR for a killed reader */

#endif
