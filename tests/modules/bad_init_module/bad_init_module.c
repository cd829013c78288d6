// SPDX-License-Identifier: GPL-2.0
/*
 * bad_init_module.c - a test module whose init function fails: it takes
 * some memory, gives it back (as a correct init does on its error path)
 * and returns -EINVAL.  The loader must then free the module again
 * without running its exit function, and leave nothing behind.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

MODULE_LICENSE("GPL");

static int __init bad_init_init(void)
{
	void *v = vmalloc(8192), *k = kmalloc(200, GFP_KERNEL);

	pr_info("bad_init_module: init takes memory, gives it back, and fails\n");
	vfree(v);
	kfree(k);
	return -EINVAL;
}

static void __exit bad_init_exit(void)
{
	pr_info("bad_init_module: exit ran (it must not)\n");
}

module_init(bad_init_init);
module_exit(bad_init_exit);
