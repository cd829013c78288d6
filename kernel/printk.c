// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/printk.c - printk(), the log buffer and the consoles.
 *
 * printk() formats a message, strips its KERN_<LEVEL> prefix, appends it
 * to the log buffer (which the shell's dmesg reads) and, if the level is
 * below console_loglevel, writes it to every console.  Interrupts are off
 * while one message is written so that a timer-interrupt printk cannot
 * cut another message in half.
 *
 * Old-style levels: until Linux 3.5, KERN_ALERT was the string "<1>", and
 * modules of that time (seed 003's among them) write printk("<1>...").
 * Since 3.6 the prefix is KERN_SOH "1", and "<1>" at the start of a
 * message is printed as it stands.  mm386 takes "<0>" to "<7>" at the start
 * of a message as the level, as 2.6 did, so that such a module prints what
 * its author meant (docs/modules.md).
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/export.h>

#define PRINTK_LINE_MAX	1024

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static struct console *console_list;

/* The log buffer: a ring of characters; log_head counts all ever written. */
static char log_buf[LOG_BUF_LEN];
static unsigned long log_head;

/* printk_capture_start(): where the capturing task's text goes, or NULL */
static struct printk_capture *capture;

void register_console(struct console *con)
{
	con->next = console_list;
	console_list = con;
}

void console_write(const char *s, unsigned int len)
{
	struct console *con;

	for (con = console_list; con; con = con->next)
		con->write(con, s, len);
}

static void log_store(const char *s, unsigned int len)
{
	while (len--)
		log_buf[log_head++ % LOG_BUF_LEN] = *s++;
}

/* log_buf_read - copy out the newest @size bytes of the log; returns count. */
unsigned long log_buf_read(char *dst, unsigned long size)
{
	unsigned long avail = min_t(unsigned long, log_head, LOG_BUF_LEN);
	unsigned long n = min(avail, size), start = log_head - n, i;

	for (i = 0; i < n; i++)
		dst[i] = log_buf[(start + i) % LOG_BUF_LEN];
	return n;
}

int vprintk(const char *fmt, va_list args)
{
	char line[PRINTK_LINE_MAX];
	const char *text = line;
	int level = LOGLEVEL_DEFAULT, len;
	unsigned long flags;

	len = vsnprintf(line, sizeof(line), fmt, args);
	if (len >= (int)sizeof(line)) {		/* cut: still one line, as Linux's records */
		len = sizeof(line) - 1;
		line[len - 1] = '\n';
	}
	if (line[0] == KERN_SOH[0] && line[1]) {
		if (line[1] >= '0' && line[1] <= '7')
			level = line[1] - '0';
		text += 2;
		len -= 2;
	} else if (line[0] == '<' && line[1] >= '0' && line[1] <= '7' && line[2] == '>') {
		level = line[1] - '0';	/* Linux 2.6's "<1>" */
		text += 3;
		len -= 3;
	}
	local_irq_save(flags);
	if (capture && capture->task == current && !in_interrupt()) {
		unsigned int n = min_t(size_t, len, capture->size - capture->len);

		memcpy(capture->buf + capture->len, text, n);
		capture->len += n;
		capture->overflow |= n < (unsigned int)len;
	} else {
		log_store(text, len);
		if (level < console_loglevel)
			console_write(text, len);
	}
	local_irq_restore(flags);
	return len;
}
EXPORT_SYMBOL(vprintk);

/**
 * printk_capture_start - send this task's printk() text to @c instead of
 * the log and the console, until printk_capture_stop(): how a table that
 * prints itself for dump= (meminfo, slabinfo...) becomes the text of
 * /proc/meminfo for a program (kernel/dump.c).  Interrupt handlers and
 * other tasks still print to the log.  One capture at a time.
 * Return: 0, or -EBUSY if another is running.
 */
int printk_capture_start(struct printk_capture *c)
{
	if (capture)
		return -EBUSY;
	c->task = current;
	c->len = 0;
	c->overflow = false;
	capture = c;
	return 0;
}

void printk_capture_stop(struct printk_capture *c)
{
	if (capture == c)
		capture = NULL;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(printk);

static int __init loglevel_setup(char *val)
{
	int level;

	if (kstrtoint(val, 10, &level) || level < 0 || level > 8)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);
