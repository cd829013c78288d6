// SPDX-License-Identifier: GPL-2.0
/*
 * mm/maccess.c - memory access that survives a page fault.
 *
 * Each byte is moved by one instruction that has an exception-table entry
 * (asm/extable.h).  If it faults, kernel/fault.c finds the entry and
 * resumes at the fixup, which sets the error and skips the store.  So a
 * probe of an unmapped address costs one page fault, not an oops.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/extable.h>

// Store one byte to @dst; -EFAULT if that faults.
static inline int put_kernel_byte(u8 *dst, u8 v)
{
	int err = 0;

	__asm__ __volatile__(
		"1:	movb %1, %2\n"
		"2:\n"
		".pushsection .text.fixup, \"ax\"\n"
		"3:	movl %3, %0\n"
		"	jmp 2b\n"
		".popsection\n"
		_ASM_EXTABLE(1b, 3b)
		: "+r"(err) : "q"(v), "m"(*dst), "i"(-EFAULT) : "memory");
	return err;
}

/**
 * copy_from_kernel_nofault - copy memory that may not be mapped
 * @dst: destination (must be mapped)
 * @src: source, possibly unmapped
 * @size: bytes to copy
 *
 * Return: 0, or -EFAULT if any byte of @src could not be read.
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (get_byte_nofault((u8 *)dst + i, (const u8 *)src + i))
			return -EFAULT;
	return 0;
}

/**
 * copy_to_kernel_nofault - write memory that may not be mapped or writable
 * @dst: destination, possibly unmapped or read-only
 * @src: source (must be mapped)
 * @size: bytes to copy
 *
 * Return: 0, or -EFAULT if any byte could not be written.
 */
long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (put_kernel_byte((u8 *)dst + i, ((const u8 *)src)[i]))
			return -EFAULT;
	return 0;
}
