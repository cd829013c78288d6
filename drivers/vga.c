// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/vga.c - the VGA text console: 80x25 characters at physical
 * 0xB8000, seen by the kernel at __va(0xB8000) like any lowmem address.
 *
 * Each cell is two bytes: the character and its colour.  The screen
 * scrolls when the cursor falls off the bottom, and the hardware cursor
 * (CRT controller registers 0x0E/0x0F) follows the text.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/string.h>
#include <asm/io.h>

#define VGA_PHYS	0xB8000
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x07	/* light grey on black */
#define CRTC_INDEX	0x3d4
#define CRTC_DATA	0x3d5

static u16 *vga_mem;
static unsigned int col, row;

static void vga_update_cursor(void)
{
	unsigned int pos = row * VGA_COLS + col;

	outb(0x0f, CRTC_INDEX);
	outb(pos & 0xff, CRTC_DATA);
	outb(0x0e, CRTC_INDEX);
	outb(pos >> 8, CRTC_DATA);
}

static void vga_scroll(void)
{
	unsigned int i;

	memmove(vga_mem, vga_mem + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	for (i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = (VGA_ATTR << 8) | ' ';
	row = VGA_ROWS - 1;
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col)
			col--;
		vga_mem[row * VGA_COLS + col] = (VGA_ATTR << 8) | ' ';
		break;
	case '\t':
		col = (col + 8) & ~7u;
		break;
	default:
		vga_mem[row * VGA_COLS + col] = (VGA_ATTR << 8) | (u8)c;
		col++;
	}
	if (col >= VGA_COLS) {
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS)
		vga_scroll();
}

static void vga_write(struct console *con, const char *s, unsigned int n)
{
	while (n--)
		vga_putc(*s++);
	vga_update_cursor();
}

static struct console vga_console = {
	.name = "tty0",
	.write = vga_write,
};

void vga_console_init(void)
{
	unsigned int i;

	vga_mem = phys_to_virt(VGA_PHYS);
	for (i = 0; i < VGA_COLS * VGA_ROWS; i++)
		vga_mem[i] = (VGA_ATTR << 8) | ' ';
	col = row = 0;
	register_console(&vga_console);
}
