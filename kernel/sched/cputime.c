// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/cputime.c - how much CPU a process used, one tick at a time.
 *
 * Each timer interrupt charges the whole tick (1/HZ s, TICK_NSEC) to the
 * task that was running, as user time if the interrupt came from ring 3
 * and system time if it came from the kernel: Linux's tick-based
 * accounting (account_process_tick, without VIRT_CPU_ACCOUNTING).  It is
 * a sample, not a stopwatch: a program that runs 3 ms between ticks is
 * charged nothing, one that happens to be running at the tick 10 ms.
 * Over many ticks it comes out right, which is all clock(), times() and
 * getrusage() promise.
 *
 * A tick that finds no task running (the CPU halted in schedule(), in the
 * context of the task that went to sleep) is idle time, nobody's.
 *
 * The figures are read by clock_gettime(CLOCK_PROCESS_CPUTIME_ID), which
 * glibc's clock() uses, times() and getrusage() (kernel/sys.c), and wait4's
 * struct rusage; a reaped child's are added to its parent's cutime and
 * cstime (kernel/exit.c).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/jiffies.h>

/**
 * account_process_tick - charge @p the tick that has just ended
 * @p: the task that was current when the timer interrupt came
 * @user_tick: the interrupt came from user mode
 *
 * Interrupt context.  A sleeping @p (off the run queue: the CPU was idle
 * in its context) is not charged.
 */
void account_process_tick(struct task_struct *p, int user_tick)
{
	if (!p->on_rq)
		return;
	if (user_tick)
		p->utime += TICK_NSEC;
	else
		p->stime += TICK_NSEC;
}
