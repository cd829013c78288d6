/* SPDX-License-Identifier: GPL-2.0 */
/* crash.h - deliberate faults for crash=TYPE (kernel/crash.c). */
#ifndef _MM386_CRASH_H
#define _MM386_CRASH_H

#include <linux/compiler.h>

struct crash_type {
	const char *name;
	void (*fn)(void);
};

/* Other subsystems add crash types of their own (vmalloc_guard...). */
#define crash_type(name, fn)						\
	static const struct crash_type __crash_##fn			\
		__used __section(".crash_types") __aligned(4) = { name, fn }

void crash_boot(void);

#endif
