/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault-inject.h - making allocations fail on purpose, Linux's way
 * (Documentation/fault-injection/fault-injection.rst).
 *
 * A struct fault_attr decides, call by call, whether to force a failure:
 *
 *   probability  percent of the calls that may fail (0: never)
 *   interval     only every interval-th call is a candidate
 *   times        how many failures at most (-1: no limit)
 *   space        bytes let through before the first failure
 *   verbose      0 quiet, 1 a line per failure, 2 the line and a stack
 *                (rate-limited: 10 in 5 seconds)
 *   task-filter  Y: only tasks whose /proc/PID/make-it-fail is 1 (and
 *                never an interrupt) see failures, so one program can be
 *                tested while the rest of the system runs normally
 *
 * Boot parameters give the first four, in Linux's order:
 *
 *   failslab=<interval>,<probability>,<space>,<times>
 *   fail_page_alloc=<interval>,<probability>,<space>,<times>
 *
 * and the other knobs, which Linux keeps in debugfs, are boot parameters
 * here (failslab.ignore_gfp_wait=N, failslab.task_filter=Y...) and shell
 * commands (fault failslab ignore-gfp-wait=N task-filter=Y).  A task's
 * fail-nth (Linux's /proc/thread-self/fail-nth, set_fail_nth()) fails
 * exactly its Nth allocation, whatever the probability: a test walks every
 * failure point of an operation that way (tests/kernel/stress_test.c,
 * user/failnth.c).
 *
 * mm386 injects only once boot is done (system_state RUNNING): the boot's
 * own caches are created with SLAB_PANIC.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>
#include <linux/ratelimit.h>
#include <linux/compiler.h>
#include <linux/gfp.h>

struct fault_attr {
	const char *name;
	unsigned long probability;
	unsigned long interval;
	int times;
	int space;
	unsigned long verbose;
	bool task_filter;		/* only current->make_it_fail tasks fail */
	unsigned long count;		/* candidate calls seen (for interval) */
	unsigned long failures;		/* mm386: failures forced so far */
	struct ratelimit_state ratelimit_state;
};

#define FAULT_ATTR_INITIALIZER(attr_name) {				\
	.name = (attr_name),						\
	.interval = 1,							\
	.times = 1,							\
	.verbose = 2,							\
	.ratelimit_state = RATELIMIT_STATE_INIT(DEFAULT_RATELIMIT_INTERVAL, \
						DEFAULT_RATELIMIT_BURST), \
}

/* A facility's own knob ("ignore-gfp-wait"): a bool or a u32. */
struct fault_knob {
	const char *name;
	bool *flag;
	u32 *value;
};

/* A place that can fail (failslab, fail_page_alloc), for the shell. */
struct fault_facility {
	const char *name;
	struct fault_attr *attr;
	const struct fault_knob *knobs;	/* ends with an empty entry */
};

/* mm/failslab.c, mm/fail_page_alloc.c */
extern const struct fault_facility failslab_facility, fail_page_alloc_facility;

/* Any fault_attr may fail: the fast paths test this one word first. */
extern bool fault_inject_active;

bool should_fail(struct fault_attr *attr, ssize_t size);
/* "<interval>,<probability>,<space>,<times>" into @attr; 0 or -errno (param_* reason set). */
int setup_fault_attr(struct fault_attr *attr, char *str);
/* Set one knob of @f by name ("probability", "ignore-gfp-wait"...): 0 or -EINVAL. */
int fault_facility_set(const struct fault_facility *f, const char *key, const char *val);
void fault_facility_show(const struct fault_facility *f);
/* Recompute fault_inject_active after a change. */
void fault_inject_update(void);

/* Linux's per-task fail-nth: @t's Nth should_fail() in process context fails (0: off). */
struct task_struct;
void set_fail_nth(struct task_struct *t, unsigned int n);

/*
 * fault_knob_param - a boot parameter for one of @facility's settings,
 * "failslab.ignore_gfp_wait=N" (Linux has these in debugfs only).
 */
#define fault_knob_param(fn, str, facility, key)			\
static int __init fn(char *val)						\
{									\
	if (fault_facility_set(&(facility), key, val))			\
		return param_invalid("%s: Y/N or a number in range", key); \
	return 0;							\
}									\
__setup(str, fn)

/* mm/failslab.c: should a slab allocation from @s fail? (fast path: fault_inject_active) */
struct kmem_cache;
bool __should_failslab(struct kmem_cache *s, gfp_t gfp);
/* mm/fail_page_alloc.c */
bool __should_fail_alloc_page(gfp_t gfp, unsigned int order);

static __always_inline bool should_failslab(struct kmem_cache *s, gfp_t gfp)
{
	return unlikely(fault_inject_active) && __should_failslab(s, gfp);
}

static __always_inline bool should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	return unlikely(fault_inject_active) && __should_fail_alloc_page(gfp, order);
}

#endif
