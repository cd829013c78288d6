// SPDX-License-Identifier: GPL-2.0
/*
 * shell/line.c - the Explorer's line editor and its history.
 *
 * Bytes come in one at a time from the serial port and the PS/2 keyboard
 * (drivers/tty.c); shell_line_feed() turns them into a line, echoing what
 * the user sees: printable characters, Backspace, Ctrl-U, Ctrl-C, Enter
 * (CR, LF or CR LF), and the arrows up and down through the last
 * SHELL_HISTORY lines; "!!" repeats the last line.  It knows nothing of
 * the devices (the echo is a function pointer), so the ktest suite
 * "shell" feeds it bytes and reads back the echo.  shell.c reads lines
 * with it and runs them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <mm386/shell.h>

#define CTRL(c)		((c) & 0x1f)
#define ESC		0x1b
#define DEL		0x7f

/* ---------------------------------------------------------------------
 * History
 */

void shell_history_add(struct shell_history *h, const char *line)
{
	const char *newest = shell_history_get(h, 1);

	if (!*line || (newest && !strcmp(newest, line)))
		return;
	strscpy(h->line[h->count % SHELL_HISTORY], line, SHELL_LINE_MAX);
	h->count++;
}

const char *shell_history_get(const struct shell_history *h, unsigned int back)
{
	if (!back || back > h->count || back > SHELL_HISTORY)
		return NULL;
	return h->line[(h->count - back) % SHELL_HISTORY];
}

int shell_history_expand(const struct shell_history *h, const char *in, char *out,
			 size_t size)
{
	const char *last = shell_history_get(h, 1), *bang;
	size_t need = strlen(in) + 1, n = 0;

	if (!strstr(in, "!!")) {
		strscpy(out, in, size);
		return 0;
	}
	if (!last)
		return -ENOENT;
	for (bang = in; (bang = strstr(bang, "!!")); bang += 2)
		need += strlen(last) - 2;
	if (need > size)
		return -E2BIG;
	while ((bang = strstr(in, "!!"))) {
		memcpy(out + n, in, bang - in);
		n += bang - in;
		n += strscpy(out + n, last, size - n);
		in = bang + 2;
	}
	strscpy(out + n, in, size - n);
	return 1;
}

/* ---------------------------------------------------------------------
 * The line editor
 */

void shell_line_init(struct shell_line *l, struct shell_history *h,
		     void (*echo)(const char *s, unsigned int n))
{
	l->len = 0;
	l->buf[0] = '\0';
	l->back = 0;
	l->esc = 0;
	l->hist = h;
	l->echo = echo;
}

// Rub out the whole line on the screen (Backspace, space, Backspace).
static void line_erase(struct shell_line *l)
{
	for (; l->len; l->len--)
		l->echo("\b \b", 3);
	l->buf[0] = '\0';
}

// Put @text in the line, replacing what was there, and show it.
static void line_replace(struct shell_line *l, const char *text)
{
	line_erase(l);
	l->len = strscpy(l->buf, text, sizeof(l->buf));
	l->echo(l->buf, l->len);
}

// Up (@older) or down through the history; the new line is kept aside.
static void line_history(struct shell_line *l, bool older)
{
	const char *text;

	if (older) {
		text = shell_history_get(l->hist, l->back + 1);
		if (!text)
			return;
		if (!l->back)
			strscpy(l->draft, l->buf, sizeof(l->draft));
		l->back++;
	} else {
		if (!l->back)
			return;
		l->back--;
		text = l->back ? shell_history_get(l->hist, l->back) : l->draft;
	}
	line_replace(l, text);
}

/*
 * line_escape - a byte inside an escape sequence.  ESC [ or ESC O, then
 * parameters, then a final byte in 0x40-0x7e: A is up, B down; the rest
 * (left, right, Delete...) are read and ignored.
 */
static void line_escape(struct shell_line *l, int c)
{
	if (l->esc == 1) {
		l->esc = (c == '[' || c == 'O') ? 2 : 0;
		return;
	}
	if (c < 0x40 || c > 0x7e)
		return;			/* a parameter byte: keep reading */
	l->esc = 0;
	if (c == 'A' || c == 'B')
		line_history(l, c == 'A');
}

enum shell_line_state shell_line_feed(struct shell_line *l, int c)
{
	bool after_cr = l->cr;

	l->cr = false;
	if (l->esc) {
		line_escape(l, c);
		return SHELL_LINE_EDITING;
	}
	if (c == '\n' && after_cr)
		return SHELL_LINE_EDITING;	/* the LF of CR LF */
	switch (c) {
	case '\r':
	case '\n':
		l->cr = c == '\r';
		l->echo("\n", 1);
		return SHELL_LINE_DONE;
	case CTRL('C'):
		l->echo("^C\n", 3);
		l->len = 0;
		l->buf[0] = '\0';
		return SHELL_LINE_CANCELLED;
	case CTRL('U'):
		line_erase(l);
		return SHELL_LINE_EDITING;
	case DEL:
	case '\b':
		if (l->len) {
			l->buf[--l->len] = '\0';
			l->echo("\b \b", 3);
		}
		return SHELL_LINE_EDITING;
	case ESC:
		l->esc = 1;
		return SHELL_LINE_EDITING;
	case '\t':
		c = ' ';
		break;
	}
	if (c < ' ' || c > '~' || l->len >= sizeof(l->buf) - 1)
		return SHELL_LINE_EDITING;	/* other control bytes; a full line */
	l->buf[l->len++] = c;
	l->buf[l->len] = '\0';
	l->echo(&l->buf[l->len - 1], 1);
	return SHELL_LINE_EDITING;
}
