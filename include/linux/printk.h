/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk.h - the kernel's printf, with Linux's log levels.
 *
 * A message may start with a KERN_<LEVEL> prefix ("\001" then a digit).
 * Messages at or below console_loglevel go to every console (serial and
 * VGA); all of them go to the log buffer.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/compiler.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#define LOGLEVEL_DEFAULT	4
#define CONSOLE_LOGLEVEL_DEFAULT 7

extern int console_loglevel;

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);

/* A task's printk() text caught in a buffer (kernel/printk.c). */
struct task_struct;
struct printk_capture {
	char *buf;
	size_t size, len;
	bool overflow;			/* text was cut at @size */
	struct task_struct *task;
};
int printk_capture_start(struct printk_capture *c);
void printk_capture_stop(struct printk_capture *c);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

/* Console output with no log level handling, used by oops and panic. */
void console_write(const char *s, unsigned int len);

/* The log buffer (dmesg): a ring of the last LOG_BUF_LEN bytes printed. */
#define LOG_BUF_LEN	(64 * 1024)
/* log_buf_read - copy out the newest @size bytes of the log; returns count. */
unsigned long log_buf_read(char *dst, unsigned long size);


#endif
