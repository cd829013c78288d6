/* SPDX-License-Identifier: GPL-2.0 */
/* init.h - the steps start_kernel() calls, in order (kernel/main.c). */
#ifndef _MM386_INIT_H
#define _MM386_INIT_H

#include <linux/types.h>

void start_kernel(void);
void parse_early_param(void);	/* kernel/params.c */
void parse_args(void);

/* kernel/bench.c */
bool bench_requested(void);
int bench_run(void);
extern u64 boot_ready_tsc;

#endif
