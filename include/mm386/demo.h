/* SPDX-License-Identifier: GPL-2.0 */
/* demo.h - the seed articles' example, run in the kernel (kernel/demo.c). */
#ifndef _MM386_DEMO_H
#define _MM386_DEMO_H

#include <linux/types.h>

bool demo_requested(void);
void demo_run(void);

#endif
