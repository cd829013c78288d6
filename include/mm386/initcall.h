/* SPDX-License-Identifier: GPL-2.0 */
/*
 * initcall.h - calling code that must return the CPU as it found it
 * (kernel/initcall.c): module init functions, ktest cases.
 */
#ifndef _MM386_INITCALL_H
#define _MM386_INITCALL_H

#include <linux/types.h>
#include <linux/init.h>

struct cpu_context {
	unsigned long preempt_count;
	int kmap_atomic;		/* kmap_atomic slots in use */
};

void cpu_context_save(struct cpu_context *c);
bool cpu_context_restore(const struct cpu_context *c, char *what, size_t size);
int do_one_initcall(initcall_t fn);

#endif
