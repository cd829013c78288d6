/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm.h - the core memory-management interface.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <asm/page.h>

/*
 * describe_address - name the region of the 4 GB map that @addr is in
 * ("NULL page", "user space", "lowmem (kernel .text)", "vmalloc guard page
 * of ...", "pkmap", "fixmap", "unmapped ...") into @buf.  Used by the oops.
 */
void describe_address(unsigned long addr, char *buf, size_t size);

#endif
