/* SPDX-License-Identifier: GPL-2.0 */
/* swab.h - byte swapping: swab32(0x12345678) is 0x78563412 (one bswap). */
#ifndef _LINUX_SWAB_H
#define _LINUX_SWAB_H

#include <linux/types.h>

static __always_inline u32 swab32(u32 x)
{
	return __builtin_bswap32(x);
}

#define swab(x)	swab32(x)	/* unsigned long is 32 bits on i386 */

#endif
