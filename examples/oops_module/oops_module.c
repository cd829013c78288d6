// SPDX-License-Identifier: GPL-2.0
/*
 * oops_module.c - a module that crashes on purpose, to show an oops in a
 * module.
 *
 * Its init function calls a helper that writes through a NULL pointer.
 * The page fault becomes an oops, as for any kernel code, and the call
 * trace names the module's functions with the module in brackets:
 *
 *	EIP: oops_module_write+0x1c/0x2b [oops_module]
 *	Call Trace:
 *	 oops_module_write+0x1c/0x2b [oops_module]
 *	 oops_module_init+0x8/0x10 [oops_module]
 *	 load_module+0x...
 *
 * The loader keeps each module's symbols (kernel/module/kallsyms.c) and kallsyms
 * asks it about addresses outside the kernel image.  The EIP is a vmalloc
 * address: module code lives in the vmalloc area.  "Modules linked in:"
 * lists oops_module(+): it was still loading.  QEMU exits with status 37.
 *
 *	make run M=examples/oops_module
 */
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Writes through a NULL pointer from its init function");

/* volatile: the compiler may not assume anything about what it points to */
static int *volatile target;

static noinline void oops_module_write(void)
{
	pr_info("oops_module: writing through a NULL pointer\n");
	*target = 0x2a;
}

static int __init oops_module_init(void)
{
	oops_module_write();
	return 0;
}

static void __exit oops_module_exit(void)
{
}

module_init(oops_module_init);
module_exit(oops_module_exit);
