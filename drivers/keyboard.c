// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/keyboard.c - the PS/2 keyboard, so the shell can be used at the
 * VGA screen as well as over the serial port.
 *
 * The keyboard talks to the i8042 controller, which raises IRQ 1 for every
 * byte it has for us at port 0x60.  With "translation" on (the BIOS turns
 * it on, and so do we) those bytes are scancode set 1:
 *
 *   make code   0x01-0x58     a key went down (0x1e is A, 0x1c Enter...)
 *   break code  make | 0x80   it came up again
 *   0xe0 ...    the next code is an "extended" key: the grey arrows,
 *               right Ctrl, keypad Enter...
 *
 * A scancode names a key, not a character: the driver keeps the state of
 * Shift, Ctrl and Caps Lock and turns each key press into what a terminal
 * would send down a serial line: 'a' or 'A', 0x03 for Ctrl-C, 0x7f for
 * Backspace, "\033[A" for the up arrow.  Those bytes go into the console
 * input queue (drivers/tty.c) next to the serial port's, so the shell's
 * line editor reads one language whichever device the user types on.
 * The layout is US.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <asm/io.h>

#define I8042_DATA		0x60
#define I8042_STATUS		0x64	/* read */
#define I8042_COMMAND		0x64	/* write */
#define I8042_STR_OBF		0x01	/* a byte waits at I8042_DATA */
#define I8042_STR_IBF		0x02	/* the controller has not taken our last byte */
#define I8042_STR_AUXDATA	0x20	/* ... and it is from the mouse port */
#define I8042_CMD_CTL_RCTR	0x20	/* read the controller's configuration byte */
#define I8042_CMD_CTL_WCTR	0x60	/* write it */
#define I8042_CTR_KBDINT	0x01	/* IRQ 1 for keyboard bytes */
#define I8042_CTR_KBDDIS	0x10	/* keyboard clock off */
#define I8042_CTR_XLATE		0x40	/* translate to scancode set 1 */
#define I8042_TIMEOUT		100000

#define SC_EXTENDED	0xe0
#define SC_BREAK	0x80
#define SC_LCTRL	0x1d	/* right Ctrl is 0xe0 0x1d */
#define SC_LSHIFT	0x2a
#define SC_RSHIFT	0x36
#define SC_CAPSLOCK	0x3a
#define SC_UP		0x48	/* extended */
#define SC_LEFT		0x4b
#define SC_RIGHT	0x4d
#define SC_DOWN		0x50
#define SC_HOME		0x47
#define SC_END		0x4f
#define SC_DELETE	0x53
#define SC_ENTER	0x1c
#define SC_KP_SLASH	0x35
#define SC_KP_FIRST	0x47	/* keypad 7 ... */
#define SC_KP_LAST	0x53	/* ... keypad . */

/*
 * Scancode set 1, 0x00-0x39, to characters: unshifted and shifted.  0 is a
 * key that types nothing (Ctrl, Shift, Alt).  Backspace sends DEL (0x7f)
 * and Enter CR, as terminals do.
 */
static const char keymap[2][0x3a] = {
	/* 0x00 */ "\0\033" "1234567890-=" "\x7f\t"
	/* 0x10 */ "qwertyuiop[]" "\r\0" "as"
	/* 0x20 */ "dfghjkl;'`" "\0" "\\zxcv"
	/* 0x30 */ "bnm,./" "\0*\0 ",
	/* 0x00 */ "\0\033" "!@#$%^&*()_+" "\x7f\t"
	/* 0x10 */ "QWERTYUIOP{}" "\r\0" "AS"
	/* 0x20 */ "DFGHJKL:\"~" "\0" "|ZXCV"
	/* 0x30 */ "BNM<>?" "\0*\0 ",
};

/* The keypad, SC_KP_FIRST-SC_KP_LAST, with Num Lock taken as on. */
static const char keypad[] = "789-456+1230.";

static bool shift_l, shift_r, ctrl_l, ctrl_r, caps_lock, extended;

/* Extended keys (after 0xe0), as a VT100 terminal sends them. */
static const struct {
	unsigned char code;
	const char *seq;
} extended_keys[] = {
	{ SC_UP, "\033[A" }, { SC_DOWN, "\033[B" }, { SC_RIGHT, "\033[C" },
	{ SC_LEFT, "\033[D" }, { SC_HOME, "\033[H" }, { SC_END, "\033[F" },
	{ SC_DELETE, "\033[3~" }, { SC_ENTER, "\r" }, { SC_KP_SLASH, "/" },
};

// A key after 0xe0: right Ctrl, or one of extended_keys[] going down.
static void extended_key(unsigned char code)
{
	unsigned int i;

	if ((code & ~SC_BREAK) == SC_LCTRL) {
		ctrl_r = !(code & SC_BREAK);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(extended_keys); i++)
		if (extended_keys[i].code == code)	/* a break code matches none */
			console_input_str(extended_keys[i].seq);
}

// One scancode byte: track the modifiers, queue what a key press types.
static void keyboard_scancode(unsigned char code)
{
	bool down = !(code & SC_BREAK);
	unsigned char key = code & ~SC_BREAK;
	char c = 0;

	if (code == SC_EXTENDED) {
		extended = true;
		return;
	}
	if (extended) {
		extended = false;
		extended_key(code);
		return;
	}
	switch (key) {
	case SC_LSHIFT:
		shift_l = down;
		return;
	case SC_RSHIFT:
		shift_r = down;
		return;
	case SC_LCTRL:
		ctrl_l = down;
		return;
	case SC_CAPSLOCK:
		if (down)
			caps_lock = !caps_lock;
		return;
	}
	if (!down)
		return;
	if (key < ARRAY_SIZE(keymap[0]))
		c = keymap[shift_l || shift_r][key];
	else if (key >= SC_KP_FIRST && key <= SC_KP_LAST)
		c = keypad[key - SC_KP_FIRST];
	if (!c)
		return;
	if (caps_lock && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c ^= 0x20;
	if ((ctrl_l || ctrl_r) && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c &= 0x1f;	/* Ctrl-C is 0x03, Ctrl-U 0x15 */
	console_input(c);
}

// IRQ 1: take every byte the controller holds.
static void keyboard_interrupt(unsigned int irq, void *dev)
{
	u8 status;

	while ((status = inb(I8042_STATUS)) & I8042_STR_OBF) {
		u8 data = inb(I8042_DATA);

		if (!(status & I8042_STR_AUXDATA))
			keyboard_scancode(data);
	}
}

// Wait until the controller can take a byte; false on timeout.
static bool i8042_wait_write(void)
{
	int i;

	for (i = 0; i < I8042_TIMEOUT; i++)
		if (!(inb(I8042_STATUS) & I8042_STR_IBF))
			return true;
	return false;
}

// Wait for a byte from the controller; -1 on timeout.
static int i8042_read(void)
{
	int i;

	for (i = 0; i < I8042_TIMEOUT; i++)
		if (inb(I8042_STATUS) & I8042_STR_OBF)
			return inb(I8042_DATA);
	return -1;
}

/**
 * keyboard_init - type into console_getc() from the PS/2 keyboard
 *
 * Makes sure the i8042 interrupts on keyboard bytes and translates them
 * to set 1, then takes IRQ 1.  Without a controller (it does not answer)
 * the keyboard is left alone: the serial console still works.
 */
void keyboard_init(void)
{
	int ctr, i;

	for (i = 0; i < 16 && (inb(I8042_STATUS) & I8042_STR_OBF); i++)
		inb(I8042_DATA);	/* stale bytes from the BIOS */
	if (!i8042_wait_write())
		goto absent;
	outb(I8042_CMD_CTL_RCTR, I8042_COMMAND);
	ctr = i8042_read();
	if (ctr < 0)
		goto absent;
	ctr = (ctr | I8042_CTR_KBDINT | I8042_CTR_XLATE) & ~I8042_CTR_KBDDIS;
	if (!i8042_wait_write())
		goto absent;
	outb(I8042_CMD_CTL_WCTR, I8042_COMMAND);
	if (!i8042_wait_write())
		goto absent;
	outb(ctr, I8042_DATA);
	if (request_irq(IRQ_KEYBOARD, keyboard_interrupt, "keyboard", NULL) == 0)
		return;
absent:
	pr_info("keyboard: no i8042 controller answers; use the serial console\n");
}
