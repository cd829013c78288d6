/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dump.h - the /proc-style tables: dump=NAME on the command line, and the
 * shell's commands of the same names.
 *
 * Each dump is registered with proc_dump("buddyinfo", show_fn) and prints
 * Linux's own /proc/NAME format, after a "==> /proc/NAME <==" header so a
 * reader can split a log that holds several.
 */
#ifndef _MM386_DUMP_H
#define _MM386_DUMP_H

#include <linux/compiler.h>
#include <linux/types.h>

struct proc_dump {
	const char *name;
	void (*show)(void);
};

#define proc_dump(name, fn)						\
	static const struct proc_dump __proc_dump_##fn			\
		__used __section(".proc_dumps") __aligned(4) = { name, fn }

/* proc_dump_show - print dump @name with its header; -ENOENT if unknown. */
int proc_dump_show(const char *name);
/* Is @name one of the dumps listed in dump=? */
bool proc_dump_wanted(const char *name);
/* proc_dump_text - /proc/@name's text for a program (meminfo...), or ERR_PTR. */
char *proc_dump_text(const char *name, size_t *len);
/* Print the dumps listed in the dump= parameter. */
void proc_dump_boot(void);
/* The names of all dumps, separated by spaces, for help texts. */
const char *proc_dump_names(void);

#endif
