// SPDX-License-Identifier: GPL-2.0
/*
 * mm/fail_page_alloc.c - page allocations that fail on purpose (Linux's
 * fail_page_alloc, which lives in mm/page_alloc.c there).
 *
 *   fail_page_alloc=<interval>,<probability>,<space>,<times>
 *   fail_page_alloc.ignore_gfp_wait=N      fail GFP_KERNEL requests too
 *   fail_page_alloc.ignore_gfp_highmem=N   and __GFP_HIGHMEM ones
 *   fail_page_alloc.task_filter=Y          only in tasks with make-it-fail set
 *   fail_page_alloc.min_order=0            and single pages
 *   fail_page_alloc.verbose=0|1|2
 *
 * Linux's defaults: ignore-gfp-wait Y, ignore-gfp-highmem Y, min-order 1
 * (single pages, the most common request, are spared).  alloc_pages()
 * asks should_fail_alloc_page() first; the bulk allocator (vmalloc's)
 * then takes every page through alloc_pages(), so each one may fail.
 * Space counts pages.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/gfp.h>
#include <linux/fault-inject.h>

static struct {
	struct fault_attr attr;
	bool ignore_gfp_highmem;
	bool ignore_gfp_reclaim;
	u32 min_order;
} fail_page_alloc = {
	.attr = FAULT_ATTR_INITIALIZER("fail_page_alloc"),
	.ignore_gfp_reclaim = true,
	.ignore_gfp_highmem = true,
	.min_order = 1,
};

static const struct fault_knob fail_page_alloc_knobs[] = {
	{ "ignore-gfp-wait", &fail_page_alloc.ignore_gfp_reclaim, NULL },
	{ "ignore-gfp-highmem", &fail_page_alloc.ignore_gfp_highmem, NULL },
	{ "min-order", NULL, &fail_page_alloc.min_order },
	{}
};

const struct fault_facility fail_page_alloc_facility = {
	.name = "fail_page_alloc", .attr = &fail_page_alloc.attr, .knobs = fail_page_alloc_knobs,
};

bool __should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	if (order < fail_page_alloc.min_order)
		return false;
	if (gfp & __GFP_NOFAIL)
		return false;
	if (fail_page_alloc.ignore_gfp_highmem && (gfp & __GFP_HIGHMEM))
		return false;
	if (fail_page_alloc.ignore_gfp_reclaim && (gfp & __GFP_DIRECT_RECLAIM))
		return false;
	return should_fail(&fail_page_alloc.attr, 1 << order);
}

static int __init setup_fail_page_alloc(char *str)
{
	return setup_fault_attr(&fail_page_alloc.attr, str);
}
__setup("fail_page_alloc=", setup_fail_page_alloc);

fault_knob_param(fail_page_alloc_ignore_gfp_wait, "fail_page_alloc.ignore_gfp_wait=",
		 fail_page_alloc_facility, "ignore-gfp-wait");
fault_knob_param(fail_page_alloc_ignore_gfp_highmem, "fail_page_alloc.ignore_gfp_highmem=",
		 fail_page_alloc_facility, "ignore-gfp-highmem");
fault_knob_param(fail_page_alloc_min_order, "fail_page_alloc.min_order=",
		 fail_page_alloc_facility, "min-order");
fault_knob_param(fail_page_alloc_task_filter, "fail_page_alloc.task_filter=",
		 fail_page_alloc_facility, "task-filter");
fault_knob_param(fail_page_alloc_verbose, "fail_page_alloc.verbose=", fail_page_alloc_facility,
		 "verbose");
