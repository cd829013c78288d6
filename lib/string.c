// SPDX-License-Identifier: GPL-2.0
/*
 * lib/string.c - the memory and string routines a freestanding kernel has
 * to bring itself.  The compiler also calls memcpy/memset/memmove/memcmp
 * on its own (struct copies, zeroing), so these must exist.
 *
 * memcpy and memset use "rep movsl/stosl" for the bulk: short, and on x86
 * as fast as anything cleverer for the sizes the allocators use.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/export.h>

/*
 * __memcpy, __memmove and __memset do the work; memcpy, memmove and memset
 * are the same functions - unless the kernel is built with KASAN, where
 * mm/kasan/shadow.c checks the range first.  Files that are not
 * instrumented call these directly (<linux/string.h>).
 */
void *__memcpy(void *dst, const void *src, size_t n)
{
	void *ret = dst;
	size_t words = n / 4;

	__asm__ __volatile__("rep movsl" : "+D"(dst), "+S"(src), "+c"(words) : : "memory");
	n &= 3;
	__asm__ __volatile__("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
	return ret;
}
EXPORT_SYMBOL(__memcpy);

void *__memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return __memcpy(dst, src, n);
	while (n--)		/* overlapping, destination above: copy down */
		d[n] = s[n];
	return dst;
}
EXPORT_SYMBOL(__memmove);

void *__memset(void *s, int c, size_t n)
{
	return __memset_rep(s, c, n);
}
EXPORT_SYMBOL(__memset);

#ifndef CONFIG_KASAN
#undef memcpy
#undef memmove
#undef memset
void *memcpy(void *dst, const void *src, size_t n) __alias(__memcpy);
EXPORT_SYMBOL(memcpy);
void *memmove(void *dst, const void *src, size_t n) __alias(__memmove);
EXPORT_SYMBOL(memmove);
void *memset(void *s, int c, size_t n) __alias(__memset);
EXPORT_SYMBOL(memset);
#endif

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}
EXPORT_SYMBOL(memcmp);

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr);

/* memchr_inv - first byte of @s that is NOT @c, or NULL (poison checks). */
void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr_inv);

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}
EXPORT_SYMBOL(strlen);

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}
EXPORT_SYMBOL(strnlen);

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}
EXPORT_SYMBOL(strcmp);

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}
EXPORT_SYMBOL(strncmp);

char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}
EXPORT_SYMBOL(strcpy);

char *strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}
EXPORT_SYMBOL(strncpy);

/*
 * strscpy - copy a string into a buffer of @size bytes, always terminated.
 * Returns the length copied, or -E2BIG if @src did not fit (truncated).
 */
ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t i;

	if (!size)
		return -7;	/* -E2BIG */
	for (i = 0; i < size - 1 && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
	return src[i] ? -7 : (ssize_t)i;
}
EXPORT_SYMBOL(strscpy);

char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}
EXPORT_SYMBOL(strcat);

char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (!*s)
			return NULL;
	return (char *)s;
}
EXPORT_SYMBOL(strchr);

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}
EXPORT_SYMBOL(strrchr);

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}
EXPORT_SYMBOL(strstr);

/* strcspn - length of the prefix of @s made of characters not in @reject. */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

/* strsep - split off the token before the first of @delim; NULL at the end. */
char *strsep(char **s, const char *delim)
{
	char *start = *s, *p;

	if (!start)
		return NULL;
	for (p = start; *p; p++) {
		if (strchr(delim, *p)) {
			*p = '\0';
			*s = p + 1;
			return start;
		}
	}
	*s = NULL;
	return start;
}

char *skip_spaces(const char *s)
{
	while (isspace(*s))
		s++;
	return (char *)s;
}

/* strim - remove leading and trailing white space, in place. */
char *strim(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		s[--n] = '\0';
	return skip_spaces(s);
}

/*
 * next_word - split the next @sep-separated item off *@list into @buf
 * (truncated to @size - 1 characters).  Empty items are skipped.
 * Returns false when the list is used up.
 */
bool next_word(const char **list, char sep, char *buf, size_t size)
{
	const char *p = *list;
	size_t len;

	while (*p == sep)
		p++;
	if (!*p)
		return false;
	for (len = 0; p[len] && p[len] != sep; len++)
		;
	strscpy(buf, p, min(len + 1, size));
	*list = p + len;
	return true;
}

/* match_word - is @word one of the @sep-separated items of @list? */
int match_word(const char *list, const char *word, char sep)
{
	char item[64];

	while (next_word(&list, sep, item, sizeof(item)))
		if (!strcmp(item, word))
			return 1;
	return 0;
}
