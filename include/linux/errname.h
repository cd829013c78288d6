/* SPDX-License-Identifier: GPL-2.0 */
/* errname.h - the name of an error number ("-ENOMEM"), as in Linux. */
#ifndef _LINUX_ERRNAME_H
#define _LINUX_ERRNAME_H

/**
 * errname - the name of a negative error number
 * @err: -ENOMEM, -EINVAL...
 *
 * printk's "%pe" prints an ERR_PTR() this way.
 * Return: "-ENOMEM" for -ENOMEM (and "ENOMEM" for ENOMEM), or NULL for a
 * number that <linux/errno.h> does not define.
 */
const char *errname(int err);

#endif
