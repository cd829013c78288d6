/* SPDX-License-Identifier: GPL-2.0 */
/* fragment.h - the fragmentation lesson (kernel/fragment.c). */
#ifndef _MM386_FRAGMENT_H
#define _MM386_FRAGMENT_H

#include <linux/types.h>
#include <linux/list.h>

struct page;

/* What each step of the lesson saw; lowmem free pages and largest orders. */
struct fragment_lesson {
	unsigned long free_before, free_fragmented, free_after;
	int largest_before, largest_fragmented, largest_after;
	struct list_head held;		/* the pages kept to fragment lowmem */
	unsigned long pages_held;
	void *kmalloc_buf;		/* kmalloc(1 MB): NULL once fragmented */
	struct page *pages;		/* alloc_pages(GFP_KERNEL, 8): NULL too */
	void *vmalloc_buf;		/* vmalloc(1 MB): works */
	unsigned int vmalloc_runs;	/* its physically contiguous runs */
	void *kvmalloc_buf;		/* kvmalloc(1 MB): vmalloc memory */
	bool kvmalloc_was_vmalloc;
};

void fragment_lesson_run(struct fragment_lesson *l, bool verbose);

#endif
