// SPDX-License-Identifier: GPL-2.0
/*
 * mem_module.c - seed 003's example module, with its typos fixed.
 *
 * The article takes memory three ways and prints the three addresses, to
 * show that on a 160 MB machine the first two lie in the direct map of RAM
 * (3G up to 3G+160M) and the third in the vmalloc area, beyond the 8 MB
 * gap.  Build and run it with
 *
 *	make run M=examples/mem_module
 *
 * The module itself is loaded into vmalloc memory too (seed 000), so its
 * code address lies near vmallocmem's, not near pagemem's.
 *
 * The article's listing did not compile.  What was changed, in its order:
 *
 *  1. A sentence from the paragraph above it ("换句话说, 这意味着调用函数是代表
 *     一个进程在执行一个系统调用") was pasted in front of the first #include:
 *     removed.
 *  2. get_free_page(0): there is no get_free_page(); it is
 *     __get_free_page(GFP_KERNEL).  Flags 0 would mean "may neither sleep
 *     nor dip into the reserves", which is not what the article means.
 *  3. kamlloc(100, 0): kmalloc(100, GFP_KERNEL).
 *  4. vmallocmeme = ...: the variable is vmallocmem; "vmallocmeme" was
 *     never declared.  The messages said kmallocmeme and vmallocmeme too;
 *     they now print the variables' names.
 *  5. printf(): there is no C library in the kernel; printk().
 *  6. "%x" for a pointer: it prints an unsigned int, and the compiler warns
 *     (an error here, with -Werror).  "0x%08lx" with a cast to unsigned long.
 *  7. No "\n" at the ends of the messages: added.  Linux since 4.9 starts
 *     a new line at the next printk anyway; older kernels and mm386 run the
 *     messages together.
 *  8. free_page(pagemem): free_page() takes the address as an unsigned
 *     long, and pagemem is a pointer: free_page((unsigned long)pagemem).
 *  9. module_exit(mem_module_exit(;: module_exit(mem_module_exit);.
 * 10. <asm/io.h> for virt_to_phys(), which prints each physical address:
 *     added, with the physical addresses in the messages.
 *
 * The article does not check its allocations on purpose ("仅仅作为演示代码，
 * 没有检查"); this version does, and frees what it got if one fails.
 *
 * "<1>" is KERN_ALERT as Linux 2.6 wrote it.  Linux 3.6 and later print it
 * literally; mm386's printk() still takes it as the level (docs/modules.md).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/io.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Seed 003: __get_free_page, kmalloc and vmalloc, and where their memory is");

unsigned char *pagemem;
unsigned char *kmallocmem;
unsigned char *vmallocmem;

int __init mem_module_init(void)
{
	pagemem = (unsigned char *)__get_free_page(GFP_KERNEL);
	kmallocmem = (unsigned char *)kmalloc(100, GFP_KERNEL);
	vmallocmem = (unsigned char *)vmalloc(100000);
	if (!pagemem || !kmallocmem || !vmallocmem) {
		free_page((unsigned long)pagemem);
		kfree(kmallocmem);
		vfree(vmallocmem);
		return -ENOMEM;
	}
	printk("<1>pagemem addr=0x%08lx phys=0x%08lx\n", (unsigned long)pagemem,
	       virt_to_phys(pagemem));
	printk("<1>kmallocmem addr=0x%08lx phys=0x%08lx\n", (unsigned long)kmallocmem,
	       virt_to_phys(kmallocmem));
	printk("<1>vmallocmem addr=0x%08lx\n", (unsigned long)vmallocmem);
	printk("<1>mem_module: my own code, mem_module_init, is at 0x%08lx\n",
	       (unsigned long)mem_module_init);
	return 0;
}

void __exit mem_module_exit(void)
{
	free_page((unsigned long)pagemem);
	kfree(kmallocmem);
	vfree(vmallocmem);
	printk("<1>mem_module: freed pagemem, kmallocmem and vmallocmem\n");
}

module_init(mem_module_init);
module_exit(mem_module_exit);
