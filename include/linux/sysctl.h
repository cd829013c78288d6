/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysctl.h - the /proc/sys/vm knobs from inside the kernel (kernel/sysctl.c):
 * the shell's sysctl command reads and sets them with a write's checks.
 */
#ifndef _LINUX_SYSCTL_H
#define _LINUX_SYSCTL_H

#include <linux/types.h>

int vm_sysctl_read(const char *name, char *buf, size_t size);
int vm_sysctl_write(const char *name, char *val);
const char *vm_sysctl_name(unsigned int i);

#endif
