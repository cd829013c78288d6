/* SPDX-License-Identifier: GPL-2.0 */
/* jiffies.h - the timer tick count.  The PIT interrupts HZ times a second. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#define HZ	100
#define TICK_NSEC	(1000000000UL / HZ)	/* a tick, in ns */
#define USER_HZ	100	/* clock_t ticks a second, as user space sees them */

extern volatile unsigned long jiffies;

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)

void time_init(void);
unsigned int nsec_to_clock_t(unsigned long long ns);	/* kernel/sys.c */
unsigned long timeout_deadline(unsigned long long sec, unsigned long long nsec);
int sleep_until_deadline(unsigned long deadline);
/* Wait (halting between ticks) until @n more ticks have passed. */
void wait_ticks(unsigned long n);

#endif
