// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/fragment_test.c - ktest suite "fragment": the
 * fragmentation lesson (kernel/fragment.c).  With lowmem cut into single
 * free pages, kmalloc(1 MB) and alloc_pages(order 8) fail although far
 * more than 1 MB is free, vmalloc(1 MB) succeeds on scattered pages, and
 * kvmalloc(1 MB) falls back to vmalloc; then nothing is lost.  The
 * "page allocation failure" reports themselves are checked from the log
 * by tests/host/test_linux_api.py (two: kmalloc's and alloc_pages's, none
 * from kvmalloc).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <mm386/fragment.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

static void kmalloc_fails_vmalloc_works(struct ktest *t)
{
	struct buddy_snapshot before;
	struct fragment_lesson l;

	vmalloc_populate_page_tables();
	kt_need_pages(t, 2 * 4 * 256, false);	/* half of it is free after step 1 */
	slab_baseline(&before);
	fragment_lesson_run(&l, false);
	KT_EXPECT_GE(t, l.largest_before, 8);
	KT_EXPECT_LT(t, l.largest_fragmented, 8);
	KT_EXPECT_GT(t, l.free_fragmented, 4 * 256);	/* megabytes free, none in one piece */
	KT_EXPECT_GT(t, l.pages_held, 256);
	KT_EXPECT_NULL(t, l.kmalloc_buf);
	KT_EXPECT_NULL(t, l.pages);
	KT_EXPECT_NOT_NULL(t, l.vmalloc_buf);
	KT_EXPECT_GT(t, l.vmalloc_runs, 1);
	KT_EXPECT_NOT_NULL(t, l.kvmalloc_buf);
	KT_EXPECT_TRUE(t, l.kvmalloc_was_vmalloc);
	KT_EXPECT_EQ(t, l.free_after, l.free_before);
	KT_EXPECT_EQ(t, l.largest_after, l.largest_before);
	KT_EXPECT_REPORTS(t, 0);	/* failures are reported by warn_alloc, not as misuse */
	KT_EXPECT_NOTHING_LOST(t, &before);
}

static struct ktest_case fragment_cases[] = {
	KTEST_CASE(kmalloc_fails_vmalloc_works),
	{}
};

static struct ktest_suite fragment_suite = { .name = "fragment", .cases = fragment_cases };
ktest_register(fragment_suite);
