// SPDX-License-Identifier: GPL-2.0
/*
 * lib/ratelimit.c - at most a burst of messages per interval (Linux's
 * lib/ratelimit.c, one CPU and no lock: interrupts are off instead).
 * When an interval with suppressed messages ends, the next message is
 * preceded by Linux's line "FUNC: N callbacks suppressed".
 */
#include <linux/kernel.h>
#include <linux/ratelimit.h>
#include <linux/irqflags.h>

int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	unsigned long flags;
	int ret, missed = 0;

	if (!rs->interval)
		return 1;
	local_irq_save(flags);
	if (!rs->begin)
		rs->begin = jiffies ? jiffies : 1;
	if (time_after(jiffies, rs->begin + rs->interval)) {
		missed = rs->missed;
		rs->begin = jiffies ? jiffies : 1;
		rs->printed = 0;
		rs->missed = 0;
	}
	if (rs->burst && rs->burst > rs->printed) {
		rs->printed++;
		ret = 1;
	} else {
		rs->missed++;
		rs->suppressed++;
		ret = 0;
	}
	local_irq_restore(flags);
	if (missed)
		printk(KERN_WARNING "%s: %d callbacks suppressed\n", func, missed);
	return ret;
}
