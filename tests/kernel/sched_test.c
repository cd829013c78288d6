// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/sched_test.c - ktest suite "sched": what the timer tick
 * counts for the scheduler's clients: CPU time charged a tick at a time
 * (kernel/sched/cputime.c), the registers the tick interrupted
 * (get_irq_regs), and the load averages' arithmetic (loadavg.h), checked
 * against the figures Linux's fixed point gives.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/jiffies.h>
#include <linux/hardirq.h>
#include <linux/string.h>
#include <asm/irq_regs.h>
#include <asm/ptrace.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

// One task runnable for a minute takes the 1-minute average to 1 - 1/e.
static void loadavg_rises_and_decays(struct ktest *t)
{
	unsigned long load = 0, five = 0;
	int i;

	for (i = 0; i < 12; i++) {		/* 12 samples, 5 s apart */
		load = calc_load(load, EXP_1, FIXED_1);
		five = calc_load(five, EXP_5, FIXED_1);
	}
	KT_EXPECT_EQ(t, load, 1299);		/* 0.634 */
	KT_EXPECT_EQ(t, five, 378);		/* 0.185: the 5-minute one is slower */
	for (; i < 68; i++)
		load = calc_load(load, EXP_1, FIXED_1);
	KT_EXPECT_EQ(t, load, FIXED_1);		/* rounding up lets it reach 1.00 */
	for (i = 0; i < 67; i++)
		load = calc_load(load, EXP_1, 0);
	KT_EXPECT_EQ(t, load, 1);
	KT_EXPECT_EQ(t, calc_load(load, EXP_1, 0), 0);	/* and back to 0.00 */
	KT_EXPECT_EQ(t, calc_load(0, EXP_1, FIXED_1), 164);	/* the first step: 0.08 */
	KT_EXPECT_EQ(t, calc_load(0, EXP_1, 2 * FIXED_1), 328);	/* two tasks: twice that */
}

// Each tick goes to user or system time, and none to a task that sleeps.
static void ticks_are_charged(struct ktest *t)
{
	static struct task_struct fake;

	memset(&fake, 0, sizeof(fake));
	fake.on_rq = 1;
	account_process_tick(&fake, 1);
	account_process_tick(&fake, 1);
	account_process_tick(&fake, 0);
	KT_EXPECT_EQ(t, fake.utime, 2 * TICK_NSEC);
	KT_EXPECT_EQ(t, fake.stime, TICK_NSEC);
	fake.on_rq = 0;			/* the CPU idles in the context of a sleeper */
	account_process_tick(&fake, 0);
	account_process_tick(&fake, 1);
	KT_EXPECT_EQ(t, fake.utime, 2 * TICK_NSEC);
	KT_EXPECT_EQ(t, fake.stime, TICK_NSEC);
}

struct regs_probe {
	bool set, user;
};

static void probe_regs(void *arg)
{
	struct regs_probe *p = arg;

	p->set = get_irq_regs() != NULL;
	p->user = p->set && user_mode(get_irq_regs());
}

// In an interrupt the handler sees where it came from; outside, nothing.
static void irq_regs_in_interrupt_only(struct ktest *t)
{
	struct regs_probe p = { false, true };

	KT_EXPECT_NULL(t, get_irq_regs());
	run_in_hardirq(probe_regs, &p);
	KT_EXPECT_TRUE(t, p.set);
	KT_EXPECT_FALSE(t, p.user);		/* it interrupted this kernel code */
	KT_EXPECT_NULL(t, get_irq_regs());
}

// Busy in the kernel for a few ticks: the current task is charged system time.
static void kernel_work_is_system_time(struct ktest *t)
{
	u64 utime = current->utime, stime = current->stime;
	unsigned long end = jiffies + 4;

	KT_ASSERT_TRUE(t, current->on_rq);
	while (time_before(jiffies, end))
		cpu_relax();			/* not hlt: the CPU is busy */
	KT_EXPECT_GE(t, current->stime - stime, 3 * TICK_NSEC);
	KT_EXPECT_EQ(t, current->utime, utime);
	KT_EXPECT_GE(t, nr_running(), 1);	/* current, at least */
}

static struct ktest_case sched_cases[] = {
	KTEST_CASE(loadavg_rises_and_decays),
	KTEST_CASE(ticks_are_charged),
	KTEST_CASE(irq_regs_in_interrupt_only),
	KTEST_CASE(kernel_work_is_system_time),
	{}
};

static struct ktest_suite sched_suite = { .name = "sched", .cases = sched_cases };
ktest_register(sched_suite);
