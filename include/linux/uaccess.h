/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uaccess.h - reading and writing memory that might not be mapped: kernel
 * memory probed on purpose, and user memory handed in by a system call.
 *
 * copy_from_kernel_nofault() copies like memcpy but returns -EFAULT instead
 * of oopsing when an address is not mapped (a vmalloc guard page, a freed
 * area, NULL).  Tests use it to prove that a guard page really faults; the
 * shell's peek and poke use it so a typo cannot crash the kernel.
 *
 * copy_from_user() and friends move bytes between the kernel and the
 * current process's user space, which the kernel never trusts:
 *
 *   - access_ok() first: the whole range must lie below TASK_SIZE
 *     (0xC0000000) without wrapping, so a user can never make the kernel
 *     read or write the kernel's own gigabyte;
 *   - then the copy itself, one instruction (rep movsb) listed in the
 *     exception table.  If it faults, the page fault handler first tries
 *     to fix the fault the normal way (handle_mm_fault: demand paging and
 *     copy-on-write work under copy_to_user too) and only when the address
 *     is really bad resumes at the fixup, which stops the copy;
 *   - the caller gets the number of bytes NOT copied (copy_*_user,
 *     clear_user) or -EFAULT (get_user, put_user, strncpy_from_user): a
 *     bad user pointer is an error code, never an oops.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/processor.h>
#include <asm/extable.h>
#include <linux/errno.h>

/*
 * get_byte_nofault - load one byte from @src into *@dst with one
 * instruction listed in the exception table: -EFAULT instead of an oops
 * if it faults (for kernel probes and user strings alike).
 */
static inline int get_byte_nofault(u8 *dst, const u8 *src)
{
	int err = 0;
	u8 v = 0;

	__asm__ __volatile__(
		"1:	movb %2, %1\n"
		"2:\n"
		".pushsection .text.fixup, \"ax\"\n"
		"3:	movl %3, %0\n"
		"	jmp 2b\n"
		".popsection\n"
		_ASM_EXTABLE(1b, 3b)
		: "+r"(err), "+q"(v) : "m"(*src), "i"(-EFAULT));
	*dst = v;
	return err;
}

long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
long copy_to_kernel_nofault(void *dst, const void *src, size_t size);

/* access_ok - does [@addr, @addr + @size) lie in user space, unwrapped? */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	return size <= TASK_SIZE && (unsigned long)addr <= TASK_SIZE - size;
}

/* lib/usercopy.c: each returns the bytes it could not copy (0: all done). */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/*
 * strncpy_from_user - copy a NUL-terminated string of at most @count bytes
 * Return: its length (without the NUL; @count if no NUL came), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* strnlen_user - length including the NUL, 0 on a fault, > @n if none in @n. */
long strnlen_user(const char __user *str, long n);

#define get_user(x, ptr) ({						\
	unsigned long long __gu_b = 0;					\
	int __gu_err = copy_from_user(&__gu_b, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
	(x) = *(__typeof__(ptr))(void *)&__gu_b;			\
	__gu_err;							\
})

#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_v = (x);				\
	copy_to_user((ptr), &__pu_v, sizeof(*(ptr))) ? -EFAULT : 0;	\
})

#endif
