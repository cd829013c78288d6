/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uaccess.h - reading and writing memory that might not be mapped.
 *
 * copy_from_kernel_nofault() copies like memcpy but returns -EFAULT instead
 * of oopsing when an address is not mapped (a vmalloc guard page, a freed
 * area, NULL).  Tests use it to prove that a guard page really faults; the
 * shell's peek and poke use it so a typo cannot crash the kernel.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>

long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
long copy_to_kernel_nofault(void *dst, const void *src, size_t size);

#endif
