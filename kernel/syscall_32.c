// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/syscall_32.c - int $0x80: the i386 system call table.
 *
 * The ABI is Linux i386's: the number in eax (arch/x86/entry/syscalls/
 * syscall_32.tbl), up to six arguments in ebx, ecx, edx, esi, edi, ebp,
 * the result in eax, a negative errno on failure.  do_int80_syscall_32()
 * (called from kernel/idt.c for vector 0x80) turns interrupts back on,
 * looks the number up and calls the handler.  A number mm386 does not
 * implement returns -ENOSYS and is logged once, with its name:
 *
 *   mm386: mallocdemo[1] called unknown system call 386 (rseq), returning -ENOSYS
 *
 * The handlers live with their subsystem, under Linux's names (sys_brk in
 * mm/mmap.c, sys_write in fs/file.c, sys_newuname in kernel/sys.c...);
 * this file has the table and the small ones for processes and stat.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/bitops.h>
#include <linux/uaccess.h>
#include <linux/irqflags.h>
#include <linux/resource.h>

#define NR_syscalls	451

typedef long (*syscall_fn_t)(long, long, long, long, long, long);

const char *syscall_name(unsigned long nr);
unsigned long nr_syscalls_made;

/* ---------------------------------------------------------------------
 * Processes
 */

static long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

static long sys_fork(void)
{
	struct kernel_clone_args args = { .regs = task_pt_regs(current) };

	return kernel_clone(&args);
}

static long sys_vfork(void)
{
	struct kernel_clone_args args = { .flags = CLONE_VFORK, .regs = task_pt_regs(current) };

	return kernel_clone(&args);
}

/*
 * clone() with i386's argument order (flags, newsp, parent_tid, tls,
 * child_tid): what fork and vfork are, with the TID stores glibc's fork
 * asks for.  Threads (CLONE_VM without CLONE_VFORK, a new stack, TLS) are
 * not supported: -EINVAL.
 */
static long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
		      unsigned long tls, int __user *child_tid)
{
	unsigned long known = CSIGNAL | CLONE_VFORK | CLONE_VM | CLONE_PARENT_SETTID |
			      CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;
	struct kernel_clone_args args = {
		.flags = flags, .parent_tid = parent_tid, .child_tid = child_tid,
		.regs = task_pt_regs(current),
	};

	if ((flags & ~known) || (flags & CSIGNAL) != SIGCHLD || newsp ||
	    ((flags & CLONE_VM) && !(flags & CLONE_VFORK)))
		return -EINVAL;		/* threads are not supported */
	return kernel_clone(&args);
}

static long sys_wait4(pid_t pid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	struct rusage r;
	long ret = kernel_wait4(pid, (int *)stat_addr, options, true, ru ? &r : NULL);

	if (ret > 0 && ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	return ret;
}

static long sys_waitpid(pid_t pid, int __user *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}

static long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

static long sys_set_robust_list(void __user *head, size_t len)
{
	return len == 12 ? 0 : -EINVAL;	/* sizeof(struct robust_list_head) */
}

/* ---------------------------------------------------------------------
 * stat, statx, readlink
 */

unsigned int file_mode(const struct file *f);
unsigned long file_size(const struct file *f);

struct stat64 {			/* i386's struct stat64: 96 bytes */
	u64 st_dev;
	u32 __pad0;
	u32 __st_ino;
	u32 st_mode, st_nlink, st_uid, st_gid;
	u64 st_rdev;
	u32 __pad3;
	s64 st_size;
	u32 st_blksize;
	u64 st_blocks;
	u32 st_atime, st_atime_nsec, st_mtime, st_mtime_nsec, st_ctime, st_ctime_nsec;
	u64 st_ino;
} __attribute__((packed));

static long sys_fstat64(unsigned int fd, struct stat64 __user *statbuf)
{
	struct file *f = fget(fd);
	struct stat64 st;

	if (!f)
		return -EBADF;
	memset(&st, 0, sizeof(st));
	st.st_mode = file_mode(f);
	st.st_nlink = 1;
	st.st_size = file_size(f);
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = DIV_ROUND_UP(st.st_size, 512);
	if ((st.st_mode & S_IFMT) == S_IFCHR)
		st.st_rdev = (5 << 8) | 1;	/* /dev/console: 5, 1 */
	st.st_ino = st.__st_ino = f->f_ramfs ? f->f_ramfs->ino : 1;
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

#define AT_EMPTY_PATH	0x1000
#define STATX_BASIC_STATS 0x7ff

struct statx {			/* 256 bytes */
	u32 stx_mask, stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink, stx_uid, stx_gid;
	u16 stx_mode, __spare0;
	u64 stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	u64 times[8];		/* atime, btime, ctime, mtime: { s64 sec; u32 nsec; s32 pad } */
	u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	u64 spare[14];
};

#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_NO_AUTOMOUNT		0x800
#define AT_STATX_SYNC_TYPE	0x6000
#define STATX__RESERVED		0x80000000U

static long sys_statx(int dfd, const char __user *filename, unsigned int flags,
		      unsigned int mask, struct statx __user *buffer)
{
	struct statx sx;
	struct file *f;
	char *name;
	bool empty;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	name = getname_flags(filename, flags & AT_EMPTY_PATH);
	if (IS_ERR(name))
		return PTR_ERR(name);
	empty = !name[0];
	putname(name);
	if (!empty)
		return -ENOENT;	/* mm386 knows descriptors here, not paths */
	f = fget(dfd);
	if (!f)
		return -EBADF;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS;
	sx.stx_blksize = PAGE_SIZE;
	sx.stx_nlink = 1;
	sx.stx_mode = file_mode(f);
	sx.stx_ino = f->f_ramfs ? f->f_ramfs->ino : 1;
	sx.stx_size = file_size(f);
	sx.stx_blocks = DIV_ROUND_UP(sx.stx_size, 512);
	if ((sx.stx_mode & S_IFMT) == S_IFCHR) {
		sx.stx_rdev_major = 5;
		sx.stx_rdev_minor = 1;
	}
	return copy_to_user(buffer, &sx, sizeof(sx)) ? -EFAULT : 0;
}

static long sys_readlink(const char __user *path, char __user *buf, int bufsiz)
{
	char *name = getname(path), target[RAMFS_NAME_LEN + 2];
	long ret;
	size_t n;

	if (IS_ERR(name))
		return PTR_ERR(name);
	if (bufsiz <= 0)
		ret = -EINVAL;
	else if (strcmp(name, "/proc/self/exe") || !current->mm || !current->mm->exe_file)
		ret = ramfs_lookup(name) ? -EINVAL : -ENOENT;	/* not a symbolic link */
	else {
		snprintf(target, sizeof(target), "/%s", current->mm->exe_file->name);
		n = min_t(size_t, strlen(target), bufsiz);
		ret = copy_to_user(buf, target, n) ? -EFAULT : (long)n;
	}
	putname(name);
	return ret;
}

/* ---------------------------------------------------------------------
 * Memory: mmap2, old mmap, munmap, mprotect (the work is in mm/)
 */

unsigned long do_mmap_file(struct ramfs_file *file, struct file *f, unsigned long addr,
			   unsigned long len, unsigned long prot, unsigned long flags,
			   unsigned long pgoff);

static long sys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
			   unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct file *f = NULL;

	if (!(flags & MAP_ANONYMOUS)) {
		f = fget(fd);
		if (!f)
			return -EBADF;
		if (!f->f_ramfs && !f->f_op->mmap)
			return -ENODEV;
		if ((flags & MAP_TYPE) == MAP_SHARED && (prot & PROT_WRITE) &&
		    (f->f_flags & O_ACCMODE) != O_RDWR)
			return -EACCES;
		if (f->f_ramfs && (flags & MAP_TYPE) != MAP_PRIVATE && (prot & PROT_WRITE))
			return -EACCES;	/* ramfs files are read-only */
	}
	return do_mmap_file(f ? f->f_ramfs : NULL, f && f->f_op->mmap ? f : NULL, addr, len,
			    prot, flags, pgoff);
}

struct mmap_arg_struct {
	u32 addr, len, prot, flags, fd, offset;
};

static long sys_old_mmap(struct mmap_arg_struct __user *arg)
{
	struct mmap_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	if (a.offset & ~PAGE_MASK)
		return -EINVAL;
	return sys_mmap_pgoff(a.addr, a.len, a.prot, a.flags, a.fd, a.offset >> PAGE_SHIFT);
}

static long sys_munmap(unsigned long addr, size_t len)
{
	return do_munmap(current->mm, addr, len);
}

static long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	return do_mprotect(start, len, prot);
}

/* ---------------------------------------------------------------------
 * The table
 */

long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_open(const char __user *filename, int flags, int mode);
long sys_openat(int dfd, const char __user *filename, int flags, int mode);
long sys_close(unsigned int fd);
long sys_dup(unsigned int fd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_writev(unsigned int fd, const void __user *vec, unsigned long vlen);
long sys_readv(unsigned int fd, const void __user *vec, unsigned long vlen);
long sys_execve(const char __user *filename, const char *const __user *argv,
		const char *const __user *envp);
long sys_getpid(void);
struct user_desc;
long sys_set_thread_area(struct user_desc __user *u_info);
long sys_get_thread_area(struct user_desc __user *u_info);
long sys_getppid(void);
long sys_getuid(void);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_tgkill(pid_t tgid, pid_t pid, int sig);
long sys_tkill(pid_t pid, int sig);
long sys_rt_sigaction(int sig, const struct k_sigaction __user *act,
		      struct k_sigaction __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const sigset_t __user *nset, sigset_t __user *oset,
			size_t sigsetsize);
long sys_rt_sigpending(sigset_t __user *uset, size_t sigsetsize);
long sys_rt_sigsuspend(const sigset_t __user *umask, size_t sigsetsize);
long sys_rt_sigtimedwait_time32(const sigset_t __user *uthese, u32 __user *uinfo,
				const s32 __user *uts, size_t sigsetsize);
long sys_rt_sigtimedwait_time64(const sigset_t __user *uthese, u32 __user *uinfo,
				const s64 __user *uts, size_t sigsetsize);
long sys_rt_sigqueueinfo(pid_t pid, int sig, const u32 __user *uinfo);
long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss);
long sys_sigreturn(void);
long sys_rt_sigreturn(void);
long sys_newuname(void __user *name);
long sys_getrlimit(unsigned int resource, u32 __user *rlim);
long sys_prlimit64(pid_t pid, unsigned int resource, const u64 __user *new_rlim,
		   u64 __user *old_rlim);
long sys_getrandom(char __user *buf, size_t count, unsigned int flags);
long sys_getrusage(int who, struct rusage __user *ru);
unsigned long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
			 unsigned long flags, unsigned long new_addr);
long sys_mincore(unsigned long start, size_t len, unsigned char __user *vec);
long sys_madvise(unsigned long start, size_t len_in, int behavior);
long sys_times(u32 __user *tbuf);
struct sysinfo;
long sys_sysinfo(struct sysinfo __user *info);
long sys_clock_gettime64(int clock, u64 __user *tp);
long sys_clock_gettime32(int clock, u32 __user *tp);
long sys_gettimeofday(u32 __user *tv, void __user *tz);
long sys_time32(u32 __user *tloc);
long sys_nanosleep_time32(const s32 __user *rqtp, s32 __user *rmtp);
long sys_clock_nanosleep_time64(int clock, int flags, const s64 __user *rqtp, s64 __user *rmtp);
long sys_clock_nanosleep_time32(int clock, int flags, const s32 __user *rqtp, s32 __user *rmtp);

#define SYS(nr, fn)	[nr] = (syscall_fn_t)(void (*)(void))(fn)

static const syscall_fn_t sys_call_table[NR_syscalls] = {
	SYS(1, sys_exit),
	SYS(2, sys_fork),
	SYS(3, sys_read),
	SYS(4, sys_write),
	SYS(5, sys_open),
	SYS(6, sys_close),
	SYS(7, sys_waitpid),
	SYS(11, sys_execve),
	SYS(13, sys_time32),
	SYS(19, sys_lseek),
	SYS(20, sys_getpid),
	SYS(24, sys_getuid),
	SYS(29, sys_pause),
	SYS(37, sys_kill),
	SYS(45, sys_brk),
	SYS(47, sys_getuid),		/* getgid */
	SYS(49, sys_getuid),		/* geteuid */
	SYS(50, sys_getuid),		/* getegid */
	SYS(41, sys_dup),
	SYS(43, sys_times),
	SYS(54, sys_ioctl),
	SYS(63, sys_dup2),
	SYS(64, sys_getppid),
	SYS(65, sys_getpgrp),
	SYS(76, sys_getrlimit),
	SYS(77, sys_getrusage),
	SYS(78, sys_gettimeofday),
	SYS(85, sys_readlink),
	SYS(90, sys_old_mmap),
	SYS(91, sys_munmap),
	SYS(114, sys_wait4),
	SYS(116, sys_sysinfo),
	SYS(119, sys_sigreturn),
	SYS(120, sys_clone),
	SYS(122, sys_newuname),
	SYS(125, sys_mprotect),
	SYS(132, sys_getpgid),
	SYS(145, sys_readv),
	SYS(146, sys_writev),
	SYS(158, sys_sched_yield),
	SYS(162, sys_nanosleep_time32),
	SYS(163, sys_mremap),
	SYS(173, sys_rt_sigreturn),
	SYS(174, sys_rt_sigaction),
	SYS(175, sys_rt_sigprocmask),
	SYS(176, sys_rt_sigpending),
	SYS(177, sys_rt_sigtimedwait_time32),
	SYS(178, sys_rt_sigqueueinfo),
	SYS(179, sys_rt_sigsuspend),
	SYS(186, sys_sigaltstack),
	SYS(190, sys_vfork),
	SYS(191, sys_getrlimit),	/* ugetrlimit */
	SYS(192, sys_mmap_pgoff),	/* mmap2 */
	SYS(197, sys_fstat64),
	SYS(199, sys_getuid),		/* getuid32 */
	SYS(200, sys_getuid),		/* getgid32 */
	SYS(201, sys_getuid),		/* geteuid32 */
	SYS(202, sys_getuid),		/* getegid32 */
	SYS(218, sys_mincore),
	SYS(219, sys_madvise),
	SYS(224, sys_getpid),		/* gettid: one thread per process */
	SYS(238, sys_tkill),
	SYS(243, sys_set_thread_area),
	SYS(244, sys_get_thread_area),
	SYS(252, sys_exit),		/* exit_group */
	SYS(258, sys_set_tid_address),
	SYS(265, sys_clock_gettime32),
	SYS(267, sys_clock_nanosleep_time32),
	SYS(270, sys_tgkill),
	SYS(295, sys_openat),
	SYS(311, sys_set_robust_list),
	SYS(330, sys_dup3),
	SYS(340, sys_prlimit64),
	SYS(355, sys_getrandom),
	SYS(383, sys_statx),
	SYS(403, sys_clock_gettime64),
	SYS(407, sys_clock_nanosleep_time64),
	SYS(421, sys_rt_sigtimedwait_time64),
};

static unsigned long enosys_logged[BITS_TO_LONGS(NR_syscalls + 1)];

/* nr_syscalls_implemented - how many numbers the table serves (docs, tests). */
unsigned int nr_syscalls_implemented(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < NR_syscalls; i++)
		n += sys_call_table[i] != NULL;
	return n;
}

/*
 * do_int80_syscall_32 - the system call in @regs: number in orig_ax,
 * arguments in bx, cx, dx, si, di, bp; the result goes into ax.
 */
void do_int80_syscall_32(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	long ret;

	local_irq_enable();
	nr_syscalls_made++;
	if (nr < NR_syscalls && sys_call_table[nr]) {
		ret = sys_call_table[nr](regs->bx, regs->cx, regs->dx, regs->si, regs->di,
					 regs->bp);
	} else {
		unsigned long bit = min(nr, (unsigned long)NR_syscalls);

		if (!test_and_set_bit(bit, enosys_logged)) {
			pr_info("mm386: %s[%d] called unknown system call %lu (%s), returning -ENOSYS\n",
				current->comm, current->pid, nr,
				syscall_name(nr) ? syscall_name(nr) : "not a Linux i386 system call");
		}
		ret = -ENOSYS;
	}
	regs->ax = ret;
	local_irq_disable();
}
