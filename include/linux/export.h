/* SPDX-License-Identifier: GPL-2.0 */
/*
 * export.h - EXPORT_SYMBOL(): the kernel functions and variables a module
 * may use.
 *
 * A module is linked when it is loaded, not when it is built: its calls to
 * kmalloc() or printk() are left as "undefined symbol" relocations, and
 * the loader (kernel/module/relocate.c) fills each one in with the address of the
 * kernel's symbol of that name.  Only symbols the kernel exports can be
 * found there, as in Linux.  EXPORT_SYMBOL(kmalloc), written next to the
 * definition of kmalloc, adds one { address, name } entry to the
 * __ksymtab section; linker.ld collects them all between __start___ksymtab
 * and __stop___ksymtab.
 *
 * mm386 has one kind of export: EXPORT_SYMBOL_GPL is accepted and means
 * the same (Linux keeps GPL-only exports in a table of their own and
 * refuses them to modules without a GPL-compatible MODULE_LICENSE).
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

/* One entry of the kernel's export table (Linux's struct kernel_symbol). */
struct kernel_symbol {
	unsigned long value;	/* the symbol's address */
	const char *name;
};

#define EXPORT_SYMBOL(sym)						\
	extern __typeof__(sym) sym;					\
	static const char __kstrtab_##sym[] = #sym;			\
	static const struct kernel_symbol __ksymtab_##sym		\
		__used __section("__ksymtab") __aligned(4) =		\
		{ (unsigned long)&sym, __kstrtab_##sym }

#define EXPORT_SYMBOL_GPL(sym)	EXPORT_SYMBOL(sym)

#endif
