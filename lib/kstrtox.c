// SPDX-License-Identifier: GPL-2.0
/*
 * lib/kstrtox.c - numbers from strings.
 *
 * simple_strto*() parse as far as they can and say where they stopped.
 * kstrto*() accept a whole string or fail with -EINVAL (not a number) or
 * -ERANGE (too big): what parameter parsing and the shell want.
 * Base 0 means "0x" is hex, a leading "0" is octal, otherwise decimal.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/export.h>
#include "kstrtox.h"

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

// Work out the base and skip its prefix.
const char *_parse_integer_fixup_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16)
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	return s;
}

// Parse digits: the count read, with KSTRTOX_OVERFLOW if they overflowed.
unsigned int _parse_integer(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	unsigned int n = 0, overflow = 0;
	int d;

	while ((d = digit_value(s[n])) < (int)base) {
		if (v > (~0ULL - d) / base)
			overflow = KSTRTOX_OVERFLOW;
		v = v * base + d;
		n++;
	}
	*res = v;
	return n | overflow;
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;
	const char *s = _parse_integer_fixup_radix(cp, &base);
	unsigned int n = _parse_integer(s, base, &v) & ~KSTRTOX_OVERFLOW;

	if (endp)
		*endp = (char *)(n ? s + n : cp);
	return v;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtoul);

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -(long)simple_strtoul(cp + 1, endp, base);
	return simple_strtoul(cp, endp, base);
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	unsigned int n, overflow;

	if (*s == '+')
		s++;
	s = _parse_integer_fixup_radix(s, &base);
	n = _parse_integer(s, base, &v);
	overflow = n & KSTRTOX_OVERFLOW;
	n &= ~KSTRTOX_OVERFLOW;
	if (n == 0)
		return -EINVAL;
	if (s[n] == '\n')
		n++;
	if (s[n] != '\0')
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > ULONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}
EXPORT_SYMBOL(kstrtoul);

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}
EXPORT_SYMBOL(kstrtouint);

int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	int neg = *s == '-';
	int err = kstrtoull(s + neg, base, &v);

	if (err)
		return err;
	if (v > (unsigned long long)INT_MAX + neg)
		return -ERANGE;
	*res = neg ? -(int)v : (int)v;
	return 0;
}
EXPORT_SYMBOL(kstrtoint);

/**
 * kstrtobool - a yes/no value as Linux's parameters spell it
 * @s: "y", "Y", "1", "t", "on" (true) or "n", "N", "0", "f", "off" (false);
 *     only the first one or two characters count, as in Linux
 * @res: the value
 *
 * Return: 0, or -EINVAL (and *@res untouched).
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);
