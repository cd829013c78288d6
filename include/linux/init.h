/* SPDX-License-Identifier: GPL-2.0 */
/*
 * init.h - __init code and data, and boot parameters.
 *
 * __init functions live in the .init section of the image: code that only
 * runs while booting.  The "virtual kernel memory layout" block prints where
 * that section is.
 *
 * In a module (kernel/module/, docs/modules.md) the same markers mean:
 *   __init, __initdata, __initconst   needed only by the init function: the
 *                                     loader puts them in a vmalloc area of
 *                                     their own and frees it once init has
 *                                     returned (Linux's init_layout);
 *   __exit, __exitdata                needed only to unload: kept with the
 *                                     module's code.  The kernel image has no
 *                                     use for them (built-in code is never
 *                                     unloaded) and linker.ld discards them.
 *
 * early_param() and __setup() register a handler for one kernel parameter.
 * Early ones (mem=, highmem=, vmalloc=) run before memory is set up; the
 * others run once the allocators work.  See kernel/params.c.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>

#define __init		__section(".init.text") noinline
#define __initdata	__section(".init.data")
#define __initconst	__section(".init.rodata")
#define __exit		__section(".exit.text") noinline __maybe_unused
#define __exitdata	__section(".exit.data")

/* module_init() and module_exit() take functions of these types. */
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

struct obs_kernel_param {
	const char *str;	/* "mem=" (takes a value) or "poweroff" (a flag) */
	int (*setup_func)(char *val);	/* 0, or -errno: the default is kept */
	int early;
};

struct param_table {
	const struct obs_kernel_param *start, *end;
};

/* kernel/params.c: run @tab's handlers over @args; returns how many were
 * rejected.  The kernel's own table is the .init.setup section. */
int parse_params(char *args, const struct param_table *tab, bool early);
/* kernel/params.c: split "name=value" off @args (quotes kept together);
 * the rest of the line is returned.  Module parameters use it too. */
char *next_arg(char *args, char **param, char **val);
/*
 * For handlers: give the reason the value is refused.  param_invalid() is
 * for a value that does not parse ("Malformed kernel parameter", -EINVAL),
 * param_out_of_range() for one that parses but is not acceptable here
 * ("Kernel parameter ... rejected", -ERANGE).
 */
int param_invalid(const char *fmt, ...) __printf(1, 2);
int param_out_of_range(const char *fmt, ...) __printf(1, 2);
/* Refuse a parameter later, once it is known not to fit (one line). */
void param_reject(const char *param, const char *fmt, ...) __printf(2, 3);

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] = str;		\
	static const struct obs_kernel_param __setup_##unique_id	\
		__used __section(".init.setup") __aligned(4) =		\
		{ __setup_str_##unique_id, fn, early }

#define __setup(str, fn)	__setup_param(str, fn, fn, 0)
#define early_param(str, fn)	__setup_param(str "=", fn, fn, 1)

#endif
