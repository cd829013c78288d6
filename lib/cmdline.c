// SPDX-License-Identifier: GPL-2.0
/*
 * lib/cmdline.c - sizes with K/M/G suffixes, as Linux's memparse().
 *
 * "64M" is 64 << 20, "1G" is 1 << 30, "4096" is 4096, "0x1000" is 4096.
 * memparse() parses what it can and says where it stopped; parse_size()
 * accepts a whole string or returns -EINVAL / -ERANGE, for parameters.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include "kstrtox.h"

static unsigned int suffix_shift(char c)
{
	switch (c) {
	case 'G': case 'g':
		return 30;
	case 'M': case 'm':
		return 20;
	case 'K': case 'k':
		return 10;
	}
	return 0;
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long v = simple_strtoull(ptr, &end, 0);
	unsigned int shift = suffix_shift(*end);

	if (shift)
		end++;
	if (retptr)
		*retptr = end;
	return v << shift;
}

/*
 * parse_size - a whole string as a size: 0, -EINVAL when it is not a size
 * ("12Q", "", "M"), -ERANGE when it does not fit in 64 bits.
 */
int parse_size(const char *s, unsigned long long *res)
{
	unsigned long long v;
	unsigned int base = 0, n, shift;
	const char *p;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	p = _parse_integer_fixup_radix(s, &base);
	n = _parse_integer(p, base, &v);
	p += n & ~KSTRTOX_OVERFLOW;
	shift = suffix_shift(*p);
	if (shift)
		p++;
	if (*p != '\0')
		return -EINVAL;
	if ((n & KSTRTOX_OVERFLOW) || v > (~0ULL >> shift))
		return -ERANGE;
	*res = v << shift;
	return 0;
}
