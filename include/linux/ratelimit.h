/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ratelimit.h - at most @burst messages in each @interval jiffies, as
 * Linux's <linux/ratelimit.h> (DEFAULT_RATELIMIT_INTERVAL is 5 seconds,
 * DEFAULT_RATELIMIT_BURST 10).  Used where a failure can repeat thousands
 * of times a second: injected faults, page allocation failures.
 */
#ifndef _LINUX_RATELIMIT_H
#define _LINUX_RATELIMIT_H

#include <linux/jiffies.h>

#define DEFAULT_RATELIMIT_INTERVAL	(5 * HZ)
#define DEFAULT_RATELIMIT_BURST		10

struct ratelimit_state {
	int interval;
	int burst;
	int printed;
	int missed;		/* suppressed in the current interval */
	unsigned long begin;	/* jiffies when the interval began */
	unsigned long suppressed;	/* mm386: suppressed in all */
};

#define RATELIMIT_STATE_INIT(interval_init, burst_init) {	\
	.interval = (interval_init), .burst = (burst_init) }

#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init)	\
	struct ratelimit_state name = RATELIMIT_STATE_INIT(interval_init, burst_init)

/* __ratelimit - true if this message may be printed; @func for the "callbacks suppressed" line. */
int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state)	___ratelimit(state, __func__)

#endif
