/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bitops.h - single bits and bitmaps, find-first/last-set, and log2.
 *
 * set_bit/clear_bit/test_bit work on arrays of unsigned long of any
 * length.  With one CPU, "atomic" only has to mean "one instruction", so
 * the x86 versions use bts/btr on memory.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>

#define BITS_PER_LONG		32
#define BIT(n)			(1UL << (n))
#define BIT_WORD(n)		((n) / BITS_PER_LONG)
#define BIT_MASK(n)		(1UL << ((n) % BITS_PER_LONG))
#define BITS_TO_LONGS(n)	(((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("btsl %1, %0" : "+m"(*(volatile long *)addr) : "Ir"(nr) : "memory");
}

static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("btrl %1, %0" : "+m"(*(volatile long *)addr) : "Ir"(nr) : "memory");
}

static inline int test_bit(unsigned int nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

static inline int test_and_set_bit(unsigned int nr, volatile unsigned long *addr)
{
	int old = test_bit(nr, addr);

	set_bit(nr, addr);
	return old;
}

static inline int test_and_clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	int old = test_bit(nr, addr);

	clear_bit(nr, addr);
	return old;
}

/* __ffs - index of the lowest set bit; @word must not be 0. */
static inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

/* __fls - index of the highest set bit; @word must not be 0. */
static inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

/* fls - 1-based index of the highest set bit, 0 for 0 (as Linux). */
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

static inline int ffs(unsigned int x)
{
	return __builtin_ffs(x);
}

static inline int hweight32(unsigned int w)
{
	return __builtin_popcount(w);
}

/* ilog2 - floor(log2(n)) for n > 0. */
static inline int ilog2(unsigned long n)
{
	return __fls(n);
}

static inline int is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

static inline unsigned long roundup_pow_of_two(unsigned long n)
{
	return n <= 1 ? 1 : 1UL << fls(n - 1);
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);
#define find_first_bit(a, s)		find_next_bit(a, s, 0)
#define find_first_zero_bit(a, s)	find_next_zero_bit(a, s, 0)

void bitmap_set(unsigned long *map, unsigned int start, unsigned int len);
void bitmap_clear(unsigned long *map, unsigned int start, unsigned int len);

#define for_each_set_bit(bit, addr, size)				\
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size);	\
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

#endif
