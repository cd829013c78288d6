// SPDX-License-Identifier: GPL-2.0
/*
 * mm/debug.c - what a page free must not be, and "BUG: Bad page state".
 *
 * free_page_is_bad() names the first thing wrong with freeing a page at an
 * order (a double free, a reserved or slab page, a tail page, a wrong
 * order...); bad_page() and bad_free_address() print Linux's report for
 * it, with the page's flags as format_page_flags() spells them (also the
 * shell's and the oops's).  mm/page_alloc.c calls them and then leaves the
 * page alone: a bad free never touches the free lists.  Linux keeps
 * dump_page() and its flag names in this file too.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include "internal.h"

int format_page_flags(char *buf, size_t size, const struct page *page)
{
	static const char *const names[__NR_PAGEFLAGS] = {
		"reserved", "buddy", "slab", "head", "tail", "highmem", "anon"
	};
	int i, n = scnprintf(buf, size, "%#lx(", page->flags);

	for (i = 0; i < __NR_PAGEFLAGS; i++)
		if (page->flags & (1UL << i))
			n += scnprintf(buf + n, size - n, "%s|", names[i]);
	return n + scnprintf(buf + n, size - n, "zone=%s)", zone_names(page_zonenum(page)));
}

static void dump_page_flags(const struct page *page)
{
	char buf[96];

	format_page_flags(buf, sizeof(buf), page);
	pr_alert("flags: %s\n", buf);
}

/*
 * bad_page - report a page that must not be freed like this, as Linux's
 * "BUG: Bad page state" does.  The page is left alone: the free lists are
 * never touched by a bad free.
 */
void bad_page(const char *func, const struct page *page, unsigned int order,
		     const char *reason, unsigned long caller)
{
	report_begin();
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n", current->comm,
		 page_to_pfn(page));
	pr_alert("%s(pfn %#lx, order %u) called from %pS\n", func, page_to_pfn(page), order,
		 (void *)caller);
	pr_alert("page:%p refcount:%d private(order):%lu\n", page, page_count(page), page->private);
	dump_page_flags(page);
	pr_alert("page dumped because: %s\n", reason);
	report_end(0);
}

void bad_free_address(const char *func, unsigned long addr, unsigned int order,
			     const char *reason, unsigned long caller)
{
	report_begin();
	pr_alert("BUG: Bad page state: %s(0x%08lx, %u) called from %pS: %s\n", func, addr,
		 order, (void *)caller, reason);
	report_end(0);
}

/* free_page_is_bad - the reason @page cannot be freed at @order, or NULL. */
const char *free_page_is_bad(const struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	if (PageBuddy(page))
		return "double free: the page is already free in the buddy allocator";
	if (PageReserved(page))
		return "freeing a reserved page (never given out by the allocator)";
	if (PageSlab(page))
		return "freeing a slab page: it belongs to a kmem_cache, use kfree()";
	if (PageTail(page))
		return "freeing a page inside a compound block: free its first page";
	if (page_count(page) <= 0)
		return "freeing a page that is not allocated (refcount 0): a double free, or a page inside another block";
	if (pfn & ((1UL << order) - 1))
		return "pfn is not aligned to the order being freed";
	if (page->private != order)
		return "freeing with a different order than it was allocated with";
	return NULL;
}
