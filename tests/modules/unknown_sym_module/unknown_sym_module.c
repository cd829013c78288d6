// SPDX-License-Identifier: GPL-2.0
/*
 * unknown_sym_module.c - a test module that calls functions the kernel
 * does not export: one that does not exist at all, and one that exists in
 * the kernel but is not exported.  The loader must name both and refuse
 * the module.
 */
#include <linux/module.h>

MODULE_LICENSE("GPL");

void no_such_function(void);
void mm_init(void);	/* in the kernel image, but not exported */

static int __init unknown_sym_init(void)
{
	no_such_function();
	mm_init();
	return 0;
}

module_init(unknown_sym_init);
