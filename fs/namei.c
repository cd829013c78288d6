// SPDX-License-Identifier: GPL-2.0
/*
 * fs/namei.c - a path name from user space (Linux: getname() in
 * fs/namei.c).
 *
 * Every system call that takes a path (open, openat, execve, readlink,
 * statx) copies it into the kernel first, with Linux's limits and errors:
 *
 *   the string cannot be read               -EFAULT
 *   it has PATH_MAX (4096) bytes or more    -ENAMETOOLONG
 *   it is empty                             -ENOENT (unless AT_EMPTY_PATH)
 *   one of its components is longer than
 *   NAME_MAX (255)                          -ENAMETOOLONG (Linux finds that
 *                                           while it walks the path)
 *
 * The copy lives in a kmalloc'ed buffer of PATH_MAX bytes (Linux: the
 * names_cache), never on the 16 KB kernel stack; putname() frees it.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/fs.h>

/**
 * getname_flags - copy the user path @filename into the kernel
 * @empty_ok: an empty path is allowed (AT_EMPTY_PATH)
 * Return: the name (free it with putname()), or an ERR_PTR: -EFAULT,
 * -ENAMETOOLONG, -ENOENT, -ENOMEM.
 */
char *getname_flags(const char __user *filename, bool empty_ok)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL), *c;
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || (!len && !empty_ok)) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : len ? -ENAMETOOLONG : -ENOENT);
	}
	for (c = name; *c; ) {
		size_t n = strcspn(c, "/");

		if (n > NAME_MAX) {
			kfree(name);
			return ERR_PTR(-ENAMETOOLONG);
		}
		c += n + (c[n] == '/');
	}
	return name;
}

/* getname - getname_flags() for a path that must not be empty. */
char *getname(const char __user *filename)
{
	return getname_flags(filename, false);
}

void putname(char *name)
{
	kfree(name);
}
