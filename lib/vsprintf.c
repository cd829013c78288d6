// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsprintf.c - formatted output into a buffer.
 *
 * Everything the kernel prints goes through vsnprintf(): the layout table,
 * the /proc dumps, the oops.  Supported:
 *   conversions  %d %i %u %x %X %o %c %s %p %%
 *   flags        - (left align)  0 (zero pad)  + and space (sign)  # (0x)
 *   width and precision, as numbers or *
 *   modifiers    hh h l ll z t
 *   pointers     %p   the address, 8 hex digits (mm386 does not hash
 *                     pointers: seeing real addresses is the point)
 *                %pS  symbol+0xoff/0xsize, %ps  symbol name only,
 *                %pB  the same for a return address (call traces)
 *                %pe  an ERR_PTR() by name: "-ENOMEM" (lib/errname.c);
 *                     a pointer that is no error prints as %p
 * Like C's snprintf, the return value is the length the full output would
 * have had; scnprintf() returns what was really written.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <linux/errno.h>
#include <linux/errname.h>
#include <linux/export.h>

#define F_LEFT		0x01
#define F_ZERO		0x02
#define F_PLUS		0x04
#define F_SPACE		0x08
#define F_SPECIAL	0x10
#define F_UPPER		0x20
#define F_SIGNED	0x40

struct spec {
	unsigned int flags;
	int width;		/* -1: none */
	int precision;		/* -1: none */
	unsigned int base;
};

/* A bounded output cursor: counts everything, stores what fits. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

// Emit @s (length @n) padded to the spec's width.
static void put_field(struct out *o, const char *s, int n, const struct spec *sp)
{
	int pad = sp->width > n ? sp->width - n : 0;

	if (!(sp->flags & F_LEFT))
		put_pad(o, ' ', pad);
	while (n-- > 0)
		put(o, *s++);
	if (sp->flags & F_LEFT)
		put_pad(o, ' ', pad);
}

static void put_number(struct out *o, unsigned long long num, struct spec sp)
{
	const char *digits = (sp.flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], sign = 0;
	const char *prefix = "";
	int n = 0, zeros, pad, plen;

	if ((sp.flags & F_SIGNED) && (long long)num < 0) {
		sign = '-';
		num = -(long long)num;
	} else if (sp.flags & F_SIGNED) {
		sign = (sp.flags & F_PLUS) ? '+' : (sp.flags & F_SPACE) ? ' ' : 0;
	}
	if (sp.flags & F_SPECIAL) {
		if (sp.base == 16)
			prefix = (sp.flags & F_UPPER) ? "0X" : "0x";
		else if (sp.base == 8)
			prefix = "0";
	}
	if (num == 0 && sp.precision != 0)
		tmp[n++] = '0';
	while (num) {
		if (sp.base == 10) {		/* keep 64-bit division rare */
			tmp[n++] = digits[num % 10];
			num /= 10;
		} else {
			unsigned int shift = sp.base == 16 ? 4 : 3;

			tmp[n++] = digits[num & (sp.base - 1)];
			num >>= shift;
		}
	}
	plen = strlen(prefix) + (sign != 0);
	zeros = sp.precision > n ? sp.precision - n : 0;
	pad = sp.width - plen - zeros - n;
	if ((sp.flags & F_ZERO) && !(sp.flags & F_LEFT) && sp.precision < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}
	if (!(sp.flags & F_LEFT))
		put_pad(o, ' ', pad);
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	put_pad(o, '0', zeros);
	while (n > 0)
		put(o, tmp[--n]);
	if (sp.flags & F_LEFT)
		put_pad(o, ' ', pad);
}

// %p and its extensions; returns how many extra format chars were used.
static int put_pointer(struct out *o, const char *ext, void *ptr, struct spec sp)
{
	char sym[KSYM_SYMBOL_LEN];

	if (*ext == 'S' || *ext == 's' || *ext == 'B') {
		struct ksym ks;
		int n;

		if (*ext == 's' && kallsyms_lookup((unsigned long)ptr, &ks))
			n = snprintf(sym, sizeof(sym), "%s", ks.name);
		else if (*ext == 'B')
			n = sprint_backtrace(sym, sizeof(sym), (unsigned long)ptr);
		else
			n = sprint_symbol(sym, sizeof(sym), (unsigned long)ptr);
		put_field(o, sym, min_t(int, n, (int)sizeof(sym) - 1), &sp);
		return 1;
	}
	if (*ext == 'e' && IS_ERR(ptr)) {	/* %pe: ERR_PTR(-ENOMEM) is "-ENOMEM" */
		const char *name = errname(PTR_ERR(ptr));

		if (name) {
			put_field(o, name, strlen(name), &sp);
		} else {
			sp.flags = (sp.flags & ~F_ZERO) | F_SIGNED;	/* "-1234" */
			sp.base = 10;
			put_number(o, (long long)PTR_ERR(ptr), sp);
		}
		return 1;
	}
	sp.base = 16;
	if (sp.width < 0) {
		sp.width = 8;
		sp.flags |= F_ZERO;
	}
	put_number(o, (unsigned long)ptr, sp);
	return *ext == 'x' || *ext == 'e' ? 1 : 0;
}

static int read_int(const char **fmt)
{
	int n = 0;

	while (**fmt >= '0' && **fmt <= '9')
		n = n * 10 + (*(*fmt)++ - '0');
	return n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		struct spec sp = { 0, -1, -1, 10 };
		unsigned long long num;
		int lmod = 0;	/* -2 hh, -1 h, 1 l, 2 ll */

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (;;) {	/* flags */
			char c = *++fmt;

			if (c == '-')
				sp.flags |= F_LEFT;
			else if (c == '0')
				sp.flags |= F_ZERO;
			else if (c == '+')
				sp.flags |= F_PLUS;
			else if (c == ' ')
				sp.flags |= F_SPACE;
			else if (c == '#')
				sp.flags |= F_SPECIAL;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(args, int);
			if (sp.width < 0) {
				sp.flags |= F_LEFT;
				sp.width = -sp.width;
			}
			fmt++;
		} else if (*fmt >= '0' && *fmt <= '9') {
			sp.width = read_int(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				sp.precision = va_arg(args, int);
				fmt++;
			} else {
				sp.precision = read_int(&fmt);
			}
		}
		for (;; fmt++) {	/* length modifiers */
			if (*fmt == 'h')
				lmod = lmod < 0 ? -2 : -1;
			else if (*fmt == 'l')
				lmod++;
			else if (*fmt == 'z' || *fmt == 't')
				lmod = 1;	/* size_t and ptrdiff_t are long-sized */
			else
				break;
		}

		switch (*fmt) {
		case '%':
			put(&o, '%');
			continue;
		case 'c': {
			char c = (char)va_arg(args, int);

			put_field(&o, &c, 1, &sp);
			continue;
		}
		case 's': {
			const char *s = va_arg(args, const char *);

			if (!s)
				s = "(null)";
			put_field(&o, s, strnlen(s, sp.precision < 0 ? SIZE_MAX : (size_t)sp.precision), &sp);
			continue;
		}
		case 'p':
			fmt += put_pointer(&o, fmt + 1, va_arg(args, void *), sp);
			continue;
		case 'd':
		case 'i':
			sp.flags |= F_SIGNED;
			break;
		case 'u':
			break;
		case 'X':
			sp.flags |= F_UPPER;
			/* fall through */
		case 'x':
			sp.base = 16;
			break;
		case 'o':
			sp.base = 8;
			break;
		case '\0':
			fmt--;
			continue;
		default:	/* unknown conversion: print it as is */
			put(&o, '%');
			put(&o, *fmt);
			continue;
		}

		if (lmod >= 2)
			num = va_arg(args, unsigned long long);
		else if (lmod == 1)
			num = va_arg(args, unsigned long);
		else
			num = va_arg(args, unsigned int);
		if (sp.flags & F_SIGNED) {	/* sign-extend to 64 bits */
			if (lmod == -2)
				num = (signed char)num;
			else if (lmod == -1)
				num = (short)num;
			else if (lmod < 2)
				num = (long)num;
		} else if (lmod == -2) {
			num = (unsigned char)num;
		} else if (lmod == -1) {
			num = (unsigned short)num;
		}
		put_number(&o, num, sp);
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}
EXPORT_SYMBOL(vsnprintf);

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(snprintf);

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n < (int)size ? n : (int)size - 1;
}
EXPORT_SYMBOL(scnprintf);

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(sprintf);
