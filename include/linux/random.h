/* SPDX-License-Identifier: GPL-2.0 */
/*
 * random.h - a small deterministic pseudo-random generator for tests.
 *
 * prandom_u32_state() is xorshift128: four words of state, a few shifts
 * and xors per number.  Seeded the same way, it gives the same sequence on
 * every boot, so a stress test that fails can be replayed exactly.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

struct rnd_state {
	u32 s1, s2, s3, s4;
};

void prandom_seed_state(struct rnd_state *state, u64 seed);
u32 prandom_u32_state(struct rnd_state *state);

/* The kernel-wide generator: seeded once at boot, for per-boot secrets. */
void random_init(u64 seed);
u32 get_random_u32(void);

/* A number in [0, ceil), ceil > 0. */
static inline u32 prandom_u32_below(struct rnd_state *state, u32 ceil)
{
	return (u32)(((u64)prandom_u32_state(state) * ceil) >> 32);
}

#endif
