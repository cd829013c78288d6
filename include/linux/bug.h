/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bug.h - BUG(), BUG_ON(), WARN() and WARN_ON(), as in Linux.
 *
 * BUG() means "the kernel cannot go on": it prints "kernel BUG at
 * file:line!", a register dump and a call trace, then powers off with the
 * oops status.  WARN() prints a "WARNING: ... at file:line func+off/size"
 * report with a call trace and carries on; it returns its condition so it
 * can sit inside an if().
 *
 * Every report (WARN, BUG-style misuse reports from the allocators)
 * increments misuse_reports, so tests can assert an exact count.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

extern unsigned long misuse_reports;

void __warn(const char *file, int line, unsigned long caller, const char *fmt, ...)
	__printf(4, 5);
void __noreturn __bug(const char *file, int line);
void clear_warn_once(void);

#define WARN(cond, fmt, ...) ({						\
	int __ret_warn = !!(cond);					\
	if (unlikely(__ret_warn))					\
		__warn(__FILE__, __LINE__, 0, fmt, ##__VA_ARGS__);	\
	unlikely(__ret_warn);						\
})
#define WARN_ON(cond)	WARN(cond, NULL)

/*
 * WARN_ONCE() reports the first time only.  Its flags sit together in
 * .data.once, as in Linux, so that clear_warn_once() can re-arm them all:
 * Linux's "echo 1 > /sys/kernel/debug/clear_warn_once".  The flag is read
 * and written with READ_ONCE/WRITE_ONCE: nothing takes its address, so the
 * compiler could otherwise assume no call clears it and keep it in mind.
 */
#define WARN_ONCE(cond, fmt, ...) ({					\
	static int __section(".data.once") __warned;			\
	int __ret_once = !!(cond);					\
	if (unlikely(__ret_once && !READ_ONCE(__warned))) {		\
		WRITE_ONCE(__warned, 1);				\
		__warn(__FILE__, __LINE__, 0, fmt, ##__VA_ARGS__);	\
	}								\
	unlikely(__ret_once);						\
})
#define WARN_ON_ONCE(cond)	WARN_ONCE(cond, NULL)

#define BUG()		__bug(__FILE__, __LINE__)
#define BUG_ON(cond)	do { if (unlikely(cond)) BUG(); } while (0)

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

/* kernel/panic.c */
void __noreturn panic(const char *fmt, ...) __printf(1, 2);
void dump_stack(void);
/* Begin and end a BUG/WARNING report: "cut here" line, trace, end marker. */
void report_begin(void);
void report_end(unsigned long caller);

#endif
