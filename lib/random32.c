// SPDX-License-Identifier: GPL-2.0
/*
 * lib/random32.c - xorshift128 (Marsaglia, 2003), deterministic by design.
 */
#include <linux/random.h>

void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	/* Spread the seed with a 32-bit multiplicative hash; never all zero. */
	u32 lo = (u32)seed, hi = (u32)(seed >> 32);

	state->s1 = lo * 2654435761u + 1;
	state->s2 = hi * 2246822519u + 3;
	state->s3 = (lo ^ hi) * 3266489917u + 5;
	state->s4 = 0x9e3779b9u ^ lo;
}

u32 prandom_u32_state(struct rnd_state *state)
{
	u32 t = state->s1 ^ (state->s1 << 11);

	state->s1 = state->s2;
	state->s2 = state->s3;
	state->s3 = state->s4;
	state->s4 = state->s4 ^ (state->s4 >> 19) ^ t ^ (t >> 8);
	return state->s4;
}
