// SPDX-License-Identifier: GPL-2.0
/*
 * lib/errname.c - error numbers by name.
 *
 * "insmod: refused (-EEXIST)" says more than "(-17)".  Each name is kept
 * once, with its minus sign; a positive number gets the same string one
 * character on.  Only the numbers <linux/errno.h> defines have names.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/errname.h>

#define E(err)	[err] = "-" #err

static const char *const names[] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG), E(ENOEXEC),
	E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES), E(EFAULT), E(EBUSY),
	E(EEXIST), E(ENODEV), E(ENOTDIR), E(EISDIR), E(EINVAL), E(EMFILE), E(ENOTTY),
	E(ENOSPC), E(ESPIPE), E(EROFS), E(ERANGE), E(ENAMETOOLONG), E(ENOSYS),
	E(ENOTEMPTY), E(EOVERFLOW), E(EOPNOTSUPP), E(ENOKEY),
};

const char *errname(int err)
{
	unsigned int e = err < 0 ? -(unsigned int)err : (unsigned int)err;
	const char *name = e < ARRAY_SIZE(names) ? names[e] : NULL;

	if (!name)
		return NULL;
	return err < 0 ? name : name + 1;
}
