/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kallsyms.h - turning a code address back into "function+0xoff/0xsize".
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN		64
#define KSYM_SYMBOL_LEN		(KSYM_NAME_LEN + 48)

struct ksym {
	const char *name;
	unsigned long addr;	/* start of the symbol */
	unsigned long size;
	const char *module;	/* NULL for the kernel image */
};

/* kallsyms_lookup - find the symbol containing @addr; false if none. */
bool kallsyms_lookup(unsigned long addr, struct ksym *sym);
/* kallsyms_lookup_name - address of the kernel symbol @name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);
/* sprint_symbol - "name+0xoff/0xsize [module]", or the bare hex address. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);
/* sprint_backtrace - the same for a return address (looked up at addr - 1). */
int sprint_backtrace(char *buf, size_t size, unsigned long addr);
/* print_ip_sym - one line of a call trace: " name+0xoff/0xsize". */
void print_ip_sym(const char *prefix, unsigned long ip);

/* A second table (loaded modules) can be plugged in: kernel/module/kallsyms.c. */
extern bool (*kallsyms_module_lookup)(unsigned long addr, struct ksym *sym);

#endif
