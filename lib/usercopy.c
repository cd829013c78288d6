// SPDX-License-Identifier: GPL-2.0
/*
 * lib/usercopy.c - copying to and from user space (Linux:
 * arch/x86/lib/usercopy_32.c and lib/strncpy_from_user.c).
 *
 * Every access to a user address is one instruction with an entry in the
 * exception table (asm/extable.h): `rep movsb` for copies, `rep stosb`
 * for clear_user, a `movb` for the string helpers.  When such an
 * instruction faults on an address no VMA allows, kernel/fault.c resumes
 * at the fixup, with ECX still counting the bytes left: that count is
 * what copy_*_user() return.  A fault that demand paging or copy-on-write
 * can resolve is resolved first, and the instruction just goes on.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/extable.h>

// rep movsb @n bytes; returns how many were left when it faulted (0: none).
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	__asm__ __volatile__(
		"1:	rep movsb\n"
		"2:\n"
		_ASM_EXTABLE(1b, 2b)
		: "+c"(n), "+D"(to), "+S"(from) : : "memory");
	return n;
}

/**
 * copy_from_user - copy @n bytes from user address @from to kernel @to
 * Return: the bytes not copied; those are zeroed in @to, as Linux does.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = __copy_user(to, (const void *)from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

/**
 * copy_to_user - copy @n bytes from kernel @from to user address @to
 * Return: the bytes not copied (0 on success).
 */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user((void *)to, from, n);
}

/**
 * clear_user - zero @n bytes of user memory at @to
 * Return: the bytes not cleared.
 */
unsigned long clear_user(void __user *to, unsigned long n)
{
	void *p = (void *)to;

	if (!access_ok(to, n))
		return n;
	__asm__ __volatile__(
		"1:	rep stosb\n"
		"2:\n"
		_ASM_EXTABLE(1b, 2b)
		: "+c"(n), "+D"(p) : "a"(0) : "memory");
	return n;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		if (!access_ok(src + i, 1) || get_byte_nofault((u8 *)&dst[i], (const u8 *)src + i))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}

long strnlen_user(const char __user *str, long n)
{
	long i;
	char c;

	for (i = 0; i < n; i++) {
		if (!access_ok(str + i, 1) || get_byte_nofault((u8 *)&c, (const u8 *)str + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
