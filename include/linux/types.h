/* SPDX-License-Identifier: GPL-2.0 */
/*
 * types.h - the fixed-size and kernel types, as Linux names them.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef int64_t  s64;

typedef int ssize_t;
typedef u64 phys_addr_t;	/* wide enough for RAM reported above 4 GB */
typedef unsigned int gfp_t;
typedef int pid_t;
typedef unsigned int vm_fault_t;
typedef long long loff_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif
