/* SPDX-License-Identifier: GPL-2.0 */
/*
 * reboot.h - powering off, with a status QEMU hands back to the caller.
 *
 * QEMU's isa-debug-exit device (port 0xf4) ends QEMU with exit status
 * (value << 1) | 1.  These values are part of the contract that CI and
 * graders read (docs/interface.md):
 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

#define EXIT_BOOT_OK		0x10	/* QEMU status 33: all work done, tests passed */
#define EXIT_TEST_FAILED	0x11	/* QEMU status 35: a test failed */
#define EXIT_OOPS		0x12	/* QEMU status 37: oops or panic */

void __noreturn mm386_power_off(unsigned int value);

#endif
