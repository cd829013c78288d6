// SPDX-License-Identifier: GPL-2.0
/*
 * kmap_module.c - a HighMem page, reached with kmap() and kmap_atomic().
 *
 * On a 32-bit kernel only lowmem (up to ~896 MB) is mapped all the time.
 * A page from ZONE_HIGHMEM has no kernel address until someone maps it:
 *
 *	kmap(page)          a slot in the pkmap window; may sleep; lasts
 *	                    until kunmap(page)
 *	kmap_atomic(page)   a per-CPU fixmap slot; never sleeps (interrupts
 *	                    are fine); must be undone soon, with kunmap_atomic()
 *
 * The module asks for a page with GFP_HIGHUSER (HighMem if there is any),
 * writes a message through kmap(), reads it back through kmap_atomic(), and
 * shows that the two addresses differ while the physical page is the same.
 * A lowmem page needs no mapping: both calls return its direct-map address.
 *
 *	make run M=examples/kmap_module MEM=160 APPEND="highmem=64M"
 *	make run M=examples/kmap_module MEM=2048
 *
 * docs/highmem.md explains the pkmap window and the fixmap.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/string.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kmap() and kmap_atomic() of a HighMem page");

static struct page *page;

static int __init kmap_module_init(void)
{
	char *p;

	page = alloc_page(GFP_HIGHUSER);
	if (!page)
		return -ENOMEM;
	pr_info("kmap_module: alloc_page(GFP_HIGHUSER) = pfn %#lx, a %s page\n",
		page_to_pfn(page), PageHighMem(page) ? "HighMem" : "lowmem");

	p = kmap(page);
	pr_info("kmap_module: kmap(pfn %#lx) = 0x%08lx\n", page_to_pfn(page), (unsigned long)p);
	strscpy(p, "written through kmap()", PAGE_SIZE);
	kunmap(page);

	p = kmap_atomic(page);
	pr_info("kmap_module: kmap_atomic(pfn %#lx) = 0x%08lx reads \"%s\"\n", page_to_pfn(page),
		(unsigned long)p, p);
	kunmap_atomic(p);
	return 0;
}

static void __exit kmap_module_exit(void)
{
	__free_page(page);
	pr_info("kmap_module: freed the page\n");
}

module_init(kmap_module_init);
module_exit(kmap_module_exit);
