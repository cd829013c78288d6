/* SPDX-License-Identifier: GPL-2.0 */
/* errno.h - the error numbers mm386 returns, with Linux's values. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOEXEC		8
#define EBADF		9
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define ENOTDIR		20
#define EISDIR		21
#define EINVAL		22
#define EMFILE		24
#define ENOTTY		25
#define ENOSPC		28
#define ESPIPE		29
#define EROFS		30
#define ERANGE		34
#define ENAMETOOLONG	36
#define ENOSYS		38
#define ENOTEMPTY	39
#define EOVERFLOW	75
#define EOPNOTSUPP	95
#define ENOKEY		126

#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x)	unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline int IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }
static inline int IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }

/*
 * Kernel-internal: a system call that a signal interrupted asks to be
 * restarted (kernel/signal_32.c decides, on the way back to ring 3).  A
 * program never sees these: they become the call again, or -EINTR.
 */
#define ERESTARTSYS		512	/* restart if the handler has SA_RESTART */
#define ERESTARTNOINTR		513	/* always restart */
#define ERESTARTNOHAND		514	/* restart only if no handler ran */

#endif
