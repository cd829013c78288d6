// SPDX-License-Identifier: GPL-2.0
/*
 * lib/random32.c - xorshift128 (Marsaglia, 2003), deterministic by design.
 *
 * get_random_u32() draws from one kernel-wide state, seeded at boot by
 * random_init() (start_kernel passes the TSC): secrets that only need to
 * differ from boot to boot, such as each slab cache's freelist key
 * (mm/slab.c, CONFIG_SLAB_FREELIST_HARDENED).  Not for cryptography.
 */
#include <linux/random.h>
#include <linux/irqflags.h>

static struct rnd_state kernel_rnd = { 0x2545f491u, 0x9e3779b9u, 0x6a09e667u, 0xbb67ae85u };

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

// Seed get_random_u32() (start_kernel, with the TSC).
void random_init(u64 seed)
{
	prandom_seed_state(&kernel_rnd, seed);
}

// A number from the kernel-wide state; any context.
u32 get_random_u32(void)
{
	unsigned long flags;
	u32 v;

	local_irq_save(flags);
	v = prandom_u32_state(&kernel_rnd);
	local_irq_restore(flags);
	return v;
}
