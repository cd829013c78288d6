/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/sched/loadavg.h - the load averages' fixed point
 * (kernel/sched/loadavg.c keeps them; sysinfo() reads them).
 */
#ifndef _LINUX_SCHED_LOADAVG_H
#define _LINUX_SCHED_LOADAVG_H

#include <linux/jiffies.h>

#define FSHIFT		11		/* fraction bits */
#define FIXED_1		(1 << FSHIFT)	/* 1.0 */
#define LOAD_FREQ	(5 * HZ + 1)	/* 5 s between samples */
#define EXP_1		1884		/* 1 / exp(5 s / 1 min), FSHIFT bits */
#define EXP_5		2014		/* 1 / exp(5 s / 5 min) */
#define EXP_15		2037		/* 1 / exp(5 s / 15 min) */

extern unsigned long avenrun[3];	/* 1, 5 and 15 minutes */
void calc_global_load(void);

/**
 * calc_load - one step of an average
 * @load: the average so far (fixed point)
 * @exp: how much of it stays (EXP_1, EXP_5 or EXP_15)
 * @active: the runnable tasks now, times FIXED_1
 *
 * Return: @load * @exp + @active * (1 - @exp), rounded up while the
 * average rises, so that it reaches @active in the end.
 */
static inline unsigned long calc_load(unsigned long load, unsigned long exp,
				      unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

#endif
