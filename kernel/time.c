// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time.c - the 8253/8254 PIT timer and jiffies.
 *
 * Channel 0 of the PIT counts down from 1193182 / HZ at 1.193182 MHz and
 * raises IRQ 0 each time it wraps: HZ interrupts a second.  The handler
 * counts them in jiffies, runs queued irq_work, charges the tick to the
 * running task (user or system time, kernel/sched/cputime.c), lets the
 * scheduler preempt and samples the load average; it is the "interrupt
 * context" of the seed articles' GFP flag tree.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/sched/loadavg.h>
#include <linux/rcupdate.h>
#include <asm/io.h>
#include <linux/sched.h>
#include <asm/processor.h>
#include <asm/irq_regs.h>
#include <asm/ptrace.h>

#define PIT_TICK_RATE	1193182
#define PIT_CH0		0x40
#define PIT_MODE	0x43
#define LATCH		((PIT_TICK_RATE + HZ / 2) / HZ)

volatile unsigned long jiffies;

static void timer_interrupt(unsigned int irq, void *dev)
{
	jiffies++;
	irq_work_run();
	rcu_sched_clock_irq(0);		/* a quiescent state? (kernel/rcu/tiny.c) */
	account_process_tick(current, user_mode(get_irq_regs()));
	scheduler_tick();
	calc_global_load();
	timer_wake_sleepers();
}

void time_init(void)
{
	outb(0x34, PIT_MODE);		/* channel 0, lo/hi byte, mode 2 (rate) */
	outb(LATCH & 0xff, PIT_CH0);
	outb(LATCH >> 8, PIT_CH0);
	if (request_irq(IRQ_TIMER, timer_interrupt, "timer", NULL))
		panic("time_init: cannot get IRQ 0");
}

void wait_ticks(unsigned long n)
{
	unsigned long end = jiffies + n;

	while (time_before(jiffies, end))
		halt();
}
