// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fragment.c - the fragmentation lesson: why vmalloc exists.
 *
 * The seed articles say kmalloc memory is physically contiguous and
 * vmalloc memory is not, and that vmalloc is for large buffers.  Why
 * should that matter, when RAM is mostly free?  Because "free" is not
 * "free in one piece".  The lesson:
 *
 *   1. fragment lowmem: take every block of 1 MB or more (order >= 8) and
 *      give back every other page of it.  Half of those pages are free
 *      again, but no two free pages are buddies any more: buddyinfo shows
 *      thousands of order-0 blocks and nothing above;
 *   2. kmalloc(1 MB) and alloc_pages(GFP_KERNEL, 8) fail, each with
 *      Linux's "page allocation failure: order:8" report, although
 *      megabytes are free;
 *   3. vmalloc(1 MB) succeeds: it needs 256 pages, not 256 contiguous
 *      pages; its page tables make them contiguous for the CPU;
 *   4. kvmalloc(1 MB) tries kmalloc quietly (__GFP_NORETRY|__GFP_NOWARN)
 *      and falls back to vmalloc without a word;
 *   5. everything is given back: buddyinfo is exactly as before.
 *
 * `fragment` in the shell runs it (printing each step); ktest=fragment
 * checks it at -m 160 and -m 2048.  The pages held are chained through
 * page->lru, so the lesson itself needs no memory.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/list.h>
#include <linux/string.h>
#include <mm386/dump.h>
#include <mm386/fragment.h>

#define LESSON_ORDER	8			/* 1 MB */
#define LESSON_SIZE	(PAGE_SIZE << LESSON_ORDER)

// Lowmem's largest free block, after the pcp lists are drained.
static int largest_lowmem_order(void)
{
	int z, order, best = -1;

	drain_all_pages();
	for (z = ZONE_DMA; z <= ZONE_NORMAL; z++)
		for (order = MAX_ORDER - 1; order > best; order--)
			if (contig_page_data.node_zones[z].free_area[order].nr_free)
				best = order;
	return best;
}

static unsigned long lowmem_free_pages(void)
{
	drain_all_pages();
	return contig_page_data.node_zones[ZONE_DMA].free_pages +
	       contig_page_data.node_zones[ZONE_NORMAL].free_pages;
}

/*
 * fragment_lowmem - step 1.  Rounds of: take every block of order >= 8
 * lowmem still has, split it, keep its odd pages and free its even ones.
 * A round frees half of what it took, so blocks the watermarks kept back
 * in one round are taken in the next; it ends when no such block is left.
 */
static void fragment_lowmem(struct fragment_lesson *l)
{
	bool took;

	do {
		int order;

		took = false;
		for (order = MAX_ORDER - 1; order >= LESSON_ORDER; order--) {
			struct page *page;

			while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order))) {
				unsigned long i;

				split_page(page, order);
				for (i = 0; i < (1UL << order); i++) {
					if (i & 1) {
						list_add(&page[i].lru, &l->held);
						l->pages_held++;
					} else {
						__free_page(page + i);
					}
				}
				took = true;
			}
		}
	} while (took);
}

static void release(struct fragment_lesson *l)
{
	struct page *page, *next;

	vfree(l->vmalloc_buf);
	kvfree(l->kvmalloc_buf);
	kfree(l->kmalloc_buf);
	if (l->pages)
		__free_pages(l->pages, LESSON_ORDER);
	list_for_each_entry_safe(page, next, &l->held, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}

// How many physically contiguous runs the pages behind a vmalloc buffer make.
static unsigned int contiguous_runs(const void *buf, unsigned long size)
{
	unsigned long off, prev = ~0UL;
	unsigned int runs = 0;

	for (off = 0; off < size; off += PAGE_SIZE) {
		unsigned long pfn = vmalloc_to_pfn((const char *)buf + off);

		if (pfn != prev + 1)
			runs++;
		prev = pfn;
	}
	return runs;
}

/**
 * fragment_lesson_run - run the lesson's five steps
 * @l: filled in with what each step saw (the caller checks or prints it)
 * @verbose: explain each step, and print buddyinfo before and after
 *
 * Everything the lesson took is given back before it returns.
 */
void fragment_lesson_run(struct fragment_lesson *l, bool verbose)
{
	memset(l, 0, sizeof(*l));
	INIT_LIST_HEAD(&l->held);
	vmalloc_populate_page_tables();		/* so that "after" can equal "before" */
	kmem_cache_shrink_all();
	l->free_before = lowmem_free_pages();
	l->largest_before = largest_lowmem_order();
	if (verbose) {
		pr_info("fragment: lowmem has %lu kB free, the largest block is order %d (%lu kB)\n",
			l->free_before << 2, l->largest_before, 4UL << l->largest_before);
		proc_dump_show("buddyinfo");
		pr_info("fragment: 1. taking every block of order >= %d and giving back every other page of it\n",
			LESSON_ORDER);
	}
	fragment_lowmem(l);
	l->free_fragmented = lowmem_free_pages();
	l->largest_fragmented = largest_lowmem_order();
	if (verbose) {
		pr_info("fragment: %lu pages held, %lu kB of lowmem free, but the largest free block is order %d (%lu kB):\n",
			l->pages_held, l->free_fragmented << 2, l->largest_fragmented,
			4UL << max(l->largest_fragmented, 0));
		proc_dump_show("buddyinfo");
		pr_info("fragment: 2. kmalloc(%lu, GFP_KERNEL) and alloc_pages(GFP_KERNEL, %d) need %lu contiguous kB:\n",
			LESSON_SIZE, LESSON_ORDER, LESSON_SIZE >> 10);
	}
	l->kmalloc_buf = kmalloc(LESSON_SIZE, GFP_KERNEL);
	l->pages = alloc_pages(GFP_KERNEL, LESSON_ORDER);
	if (verbose)
		pr_info("fragment: kmalloc: %s; alloc_pages: %s\n",
			l->kmalloc_buf ? "succeeded" : "NULL", l->pages ? "succeeded" : "NULL");
	l->vmalloc_buf = vmalloc(LESSON_SIZE);
	if (l->vmalloc_buf)
		l->vmalloc_runs = contiguous_runs(l->vmalloc_buf, LESSON_SIZE);
	if (verbose)
		pr_info("fragment: 3. vmalloc(%lu) = 0x%08lx: %lu pages in %u physically contiguous runs\n",
			LESSON_SIZE, (unsigned long)l->vmalloc_buf, LESSON_SIZE >> PAGE_SHIFT,
			l->vmalloc_runs);
	l->kvmalloc_buf = kvmalloc(LESSON_SIZE, GFP_KERNEL);
	l->kvmalloc_was_vmalloc = is_vmalloc_addr(l->kvmalloc_buf);
	if (verbose)
		pr_info("fragment: 4. kvmalloc(%lu, GFP_KERNEL) = 0x%08lx: %s, and no report\n",
			LESSON_SIZE, (unsigned long)l->kvmalloc_buf,
			!l->kvmalloc_buf ? "NULL" : is_vmalloc_addr(l->kvmalloc_buf) ?
			"kmalloc failed quietly, vmalloc served it" : "kmalloc served it");
	release(l);
	kmem_cache_shrink_all();	/* the slabs that vmalloc's bookkeeping grew */
	l->free_after = lowmem_free_pages();
	l->largest_after = largest_lowmem_order();
	if (verbose) {
		pr_info("fragment: 5. all given back: %lu kB free, the largest block is order %d again\n",
			l->free_after << 2, l->largest_after);
		proc_dump_show("buddyinfo");
	}
}
