// SPDX-License-Identifier: GPL-2.0
/*
 * mm/failslab.c - slab allocations that fail on purpose (Linux's failslab).
 *
 *   failslab=<interval>,<probability>,<space>,<times>
 *   failslab.ignore_gfp_wait=N      fail GFP_KERNEL allocations too
 *   failslab.task_filter=Y          only in tasks with make-it-fail set
 *   failslab.verbose=0|1|2
 *
 * As in Linux, allocations that may sleep are left alone unless
 * ignore-gfp-wait is N (its default is Y: a GFP_KERNEL allocation in Linux
 * rarely fails, an atomic one may), and so are __GFP_NOFAIL requests and
 * the cache of caches.  slab_alloc() (mm/slab.h) asks should_failslab()
 * before anything else, so a forced failure looks exactly like a slab that
 * could not grow: NULL, nothing taken.  The shell's "fault" command
 * changes the settings; include/linux/fault-inject.h explains them.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/fault-inject.h>
#include "slab.h"

static struct {
	struct fault_attr attr;
	bool ignore_gfp_reclaim;
} failslab = {
	.attr = FAULT_ATTR_INITIALIZER("failslab"),
	.ignore_gfp_reclaim = true,
};

static const struct fault_knob failslab_knobs[] = {
	{ "ignore-gfp-wait", &failslab.ignore_gfp_reclaim, NULL },
	{}
};

const struct fault_facility failslab_facility = {
	.name = "failslab", .attr = &failslab.attr, .knobs = failslab_knobs,
};

bool __should_failslab(struct kmem_cache *s, gfp_t gfp)
{
	if (unlikely(s == kmem_cache))		/* no injection for the bootstrap cache */
		return false;
	if (gfp & __GFP_NOFAIL)
		return false;
	if (failslab.ignore_gfp_reclaim && (gfp & __GFP_DIRECT_RECLAIM))
		return false;
	return should_fail(&failslab.attr, s->object_size);
}

static int __init setup_failslab(char *str)
{
	return setup_fault_attr(&failslab.attr, str);
}
__setup("failslab=", setup_failslab);

fault_knob_param(failslab_ignore_gfp_wait, "failslab.ignore_gfp_wait=", failslab_facility,
		 "ignore-gfp-wait");
fault_knob_param(failslab_task_filter, "failslab.task_filter=", failslab_facility, "task-filter");
fault_knob_param(failslab_verbose, "failslab.verbose=", failslab_facility, "verbose");
