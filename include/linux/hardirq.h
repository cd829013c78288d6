/* SPDX-License-Identifier: GPL-2.0 */
/* hardirq.h - entering and leaving hardware interrupt context. */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

#define irq_enter()	preempt_count_add(HARDIRQ_OFFSET)
#define irq_exit()	preempt_count_sub(HARDIRQ_OFFSET)

#endif
