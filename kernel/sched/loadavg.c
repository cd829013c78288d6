// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/loadavg.c - the load average: how many tasks want the CPU,
 * smoothed over 1, 5 and 15 minutes.
 *
 * Every LOAD_FREQ (5 s and a tick) the timer interrupt counts the tasks on
 * the run queue (running or waiting to run) and folds the count into three
 * exponentially decaying averages, in fixed point with FSHIFT fraction
 * bits: avg = avg * e + n * (1 - e), where e = exp(-5 s / 1 min) for the
 * first (1884 / 2048), exp(-5 s / 5 min) and exp(-5 s / 15 min) for the
 * others, Linux's EXP_1, EXP_5, EXP_15.  A program that spins for a minute
 * takes the first average from 0 to 0.63 (1 - 1/e), as on Linux.
 *
 * Linux also counts tasks asleep in TASK_UNINTERRUPTIBLE (waiting for a
 * disk); mm386 has no disk, and its zombies wait that way, so it counts
 * the runnable ones only.  sysinfo() reads the averages (kernel/sys.c).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/sched/loadavg.h>

/* The three averages, FSHIFT bits of fraction; written by the timer only. */
unsigned long avenrun[3];
static unsigned long calc_load_update = LOAD_FREQ;	/* jiffies of the next sample */

/**
 * calc_global_load - take a sample, when one is due
 *
 * From the timer interrupt, every tick; does its work every LOAD_FREQ.
 */
void calc_global_load(void)
{
	unsigned long active;

	if (time_before(jiffies, calc_load_update))
		return;
	active = nr_running() * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
	calc_load_update += LOAD_FREQ;
}
