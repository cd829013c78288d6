/* SPDX-License-Identifier: GPL-2.0 */
/* string.h - memory and string routines (lib/string.c). */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>
#include <linux/compiler.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
void *__memcpy(void *dst, const void *src, size_t n);
void *__memmove(void *dst, const void *src, size_t n);
void *__memset(void *s, int c, size_t n);

/*
 * In a KASAN build, memcpy/memmove/memset check their range
 * (mm/kasan/shadow.c); a file the compiler does not instrument (the
 * allocators, which work inside poisoned memory) uses the raw ones, as
 * Linux's <asm/string_32.h> arranges.
 */
#if defined(CONFIG_KASAN) && !defined(__SANITIZE_ADDRESS__)
#define memcpy(d, s, n)		__memcpy(d, s, n)
#define memmove(d, s, n)	__memmove(d, s, n)
#define memset(s, c, n)		__memset(s, c, n)
#endif

/*
 * __memset_rep - memset's two "rep stos", inline and unchecked: the body
 * of lib/string.c's __memset.
 */
static __always_inline void *__memset_rep(void *s, int c, size_t n)
{
	void *ret = s;
	unsigned int v = (unsigned char)c * 0x01010101U;
	size_t words = n / 4;

	__asm__ __volatile__("rep stosl" : "+D"(s), "+c"(words) : "a"(v) : "memory");
	n &= 3;
	__asm__ __volatile__("rep stosb" : "+D"(s), "+c"(n) : "a"(v) : "memory");
	return ret;
}

/*
 * __memset_inline - memset() without the call, for a hot path that zeroes
 * a size known only at run time (the slab's kzalloc and init_on_alloc),
 * where the call, its frame and its saved registers cost as many
 * instructions as the stores of a small object.  In a file built with a
 * sanitizer (the host fuzzers build mm/slab.c with ASan) it is memset(),
 * which the sanitizer checks.
 */
static __always_inline void *__memset_inline(void *s, int c, size_t n)
{
#ifdef __SANITIZE_ADDRESS__
	return memset(s, c, n);
#else
	return __memset_rep(s, c, n);
#endif
}

int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memchr_inv(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
ssize_t strscpy(char *dst, const char *src, size_t size);
char *strcat(char *dst, const char *src);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strsep(char **s, const char *delim);
size_t strcspn(const char *s, const char *reject);
char *skip_spaces(const char *s);
char *strim(char *s);
bool next_word(const char **list, char sep, char *buf, size_t size);
int match_word(const char *list, const char *word, char sep);

/* memzero_explicit - memset(0) that the compiler may not drop (secrets). */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	__asm__ __volatile__("" : : "r"(s) : "memory");
}

/* mm/util.c: a NUL-terminated copy of the first @len bytes of @s. */
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);

#endif
