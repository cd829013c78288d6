// SPDX-License-Identifier: GPL-2.0
/*
 * fs/file.c - open files and file descriptors, and the system calls that
 * use them: read, write, writev, open, openat, close, dup, lseek, ioctl.
 *
 * Each task has a table of descriptors (struct files_struct); a
 * descriptor points at a struct file, which fork shares between parent
 * and child.  Descriptors 0, 1 and 2 are the console (the serial port and
 * the screen for writes, the keyboard queue for reads).  open() knows a
 * few names: the ramfs files ("/mallocdemo"), /dev/console, /dev/mm386
 * (drivers: mm386's device for mmap demos) and /proc/self/maps and
 * /proc/self/status (fs/proc.c), whose text is made at open.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/console.h>
#include <linux/irqflags.h>
#include <linux/fs.h>

/* ---------------------------------------------------------------------
 * The console
 */

static ssize_t console_file_write(struct file *f, const char __user *buf, size_t count)
{
	char chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		unsigned long flags;

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		local_irq_save(flags);
		console_write(chunk, n);
		local_irq_restore(flags);
		done += n;
	}
	return done;
}

// A line from the keyboard queue: the bytes up to and with '\n', at most @count.
static ssize_t console_file_read(struct file *f, char __user *buf, size_t count)
{
	size_t done = 0;

	while (done < count) {
		int c = console_getc_user();

		if (c < 0)
			return done ? (ssize_t)done : c;
		if (c == '\r')
			c = '\n';
		if (put_user(c, buf + done))
			return done ? (ssize_t)done : -EFAULT;
		done++;
		if (c == '\n')
			break;
	}
	return done;
}

#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413

struct termios {		/* the i386 struct termios of TCGETS */
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line, c_cc[19];
};

static long console_file_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	if (cmd == TCGETS) {
		struct termios t = {
			.c_iflag = 0x500, .c_oflag = 0x5, .c_cflag = 0xbf, .c_lflag = 0x8a3b,
			.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 },
		};

		return copy_to_user((void __user *)arg, &t, sizeof(t)) ? -EFAULT : 0;
	}
	if (cmd == TIOCGWINSZ) {
		u16 ws[4] = { 25, 80, 0, 0 };

		return copy_to_user((void __user *)arg, ws, sizeof(ws)) ? -EFAULT : 0;
	}
	return -ENOTTY;
}

static const struct file_operations console_fops = {
	.read = console_file_read,
	.write = console_file_write,
	.ioctl = console_file_ioctl,
	.mode = S_IFCHR | 0620,
};

/* ---------------------------------------------------------------------
 * ramfs files and /proc text: reading from memory
 */

static ssize_t ramfs_file_read(struct file *f, char __user *buf, size_t count)
{
	struct ramfs_file *rf = f->f_ramfs;
	char chunk[256];
	size_t done = 0;

	while (done < count && f->f_pos < rf->size) {
		size_t n = min(min(count - done, sizeof(chunk)), (size_t)(rf->size - f->f_pos));

		ramfs_read(rf, chunk, f->f_pos, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
		f->f_pos += n;
	}
	return done;
}

static const struct file_operations ramfs_fops = {
	.read = ramfs_file_read,
	.mode = S_IFREG | 0755,
};

/**
 * simple_read_from_buffer - a read() of @from's @available bytes, from *@ppos
 * @to: the user's buffer, @count bytes
 * Return: bytes copied (0 at the end), *@ppos moved on; -EFAULT.
 */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from,
				size_t available)
{
	size_t n;

	if (*ppos >= available)
		return 0;
	n = min(count, (size_t)(available - *ppos));
	if (copy_to_user(to, (const char *)from + *ppos, n))
		return -EFAULT;
	*ppos += n;
	return n;
}

ssize_t text_file_read(struct file *f, char __user *buf, size_t count)
{
	return simple_read_from_buffer(buf, count, &f->f_pos, f->f_buf, f->f_size);
}

/* ---------------------------------------------------------------------
 * struct file and the descriptor table
 */

struct file *alloc_file(const struct file_operations *fop, const char *name)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (f) {
		f->f_op = fop;
		f->f_count = 1;
		f->f_name = name;
	}
	return f;
}

void fput(struct file *f)
{
	if (--f->f_count)
		return;
	if (f->f_op->release)
		f->f_op->release(f);
	kvfree(f->f_buf);	/* a /proc table's may be vmalloc()ed (kernel/dump.c) */
	kfree(f);
}

/* files_alloc_console - a table with 0, 1, 2 on one console file. */
struct files_struct *files_alloc_console(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);
	struct file *con;

	if (!files)
		return NULL;
	con = alloc_file(&console_fops, "/dev/console");
	if (!con) {
		kfree(files);
		return NULL;
	}
	files->count = 1;
	files->fd[0] = files->fd[1] = files->fd[2] = con;
	con->f_count = 3;
	return files;
}

/* dup_files - fork: the child's table points at the same files. */
struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);
	int fd;

	if (!files)
		return NULL;
	files->count = 1;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		files->fd[fd] = old->fd[fd];
		if (files->fd[fd])
			files->fd[fd]->f_count++;
	}
	return files;
}

void put_files(struct files_struct *files)
{
	int fd;

	if (--files->count)
		return;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kfree(files);
}

/* fget - current's file for @fd, or NULL (the caller says -EBADF). */
struct file *fget(int fd)
{
	if (fd < 0 || fd >= NR_OPEN_DEFAULT || !current->files)
		return NULL;
	return current->files->fd[fd];
}

/* fd_install_new - the lowest free descriptor now points at @f; -EMFILE if none. */
int fd_install_new(struct file *f)
{
	int fd;

	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (!current->files->fd[fd]) {
			current->files->fd[fd] = f;
			return fd;
		}
	return -EMFILE;
}

/* ---------------------------------------------------------------------
 * The system calls
 */

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_WRONLY || !f->f_op->read)
		return -EBADF;
	if (!count)
		return 0;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->read(f, buf, count);
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_RDONLY && f->f_op != &console_fops)
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	if (!count)
		return 0;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->write(f, buf, count);
}

struct iovec {
	u32 iov_base;
	u32 iov_len;
};

#define UIO_MAXIOV	1024

// readv/writev: each iovec in turn, stopping at the first short one.
static long do_iov(unsigned int fd, const struct iovec __user *vec, unsigned long vlen, bool wr)
{
	long total = 0, ret;
	unsigned long i;

	if (!fget(fd))
		return -EBADF;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	for (i = 0; i < vlen; i++) {
		struct iovec iov;

		if (copy_from_user(&iov, vec + i, sizeof(iov)))
			return -EFAULT;
		if ((long)iov.iov_len < 0)
			return -EINVAL;
		if (!iov.iov_len)
			continue;
		ret = wr ? sys_write(fd, (const char __user *)iov.iov_base, iov.iov_len) :
			   sys_read(fd, (char __user *)iov.iov_base, iov.iov_len);
		if (ret < 0)
			return total ? total : ret;
		total += ret;
		if (ret < iov.iov_len)
			break;
	}
	return total;
}

long sys_writev(unsigned int fd, const struct iovec __user *vec, unsigned long vlen)
{
	return do_iov(fd, vec, vlen, true);
}

long sys_readv(unsigned int fd, const struct iovec __user *vec, unsigned long vlen)
{
	return do_iov(fd, vec, vlen, false);
}

struct file *proc_open(const char *path, long *err);
struct file *proc_sys_open(const char *path, long *err);
struct file *mm386_dev_open(void);

// The file behind @path, opened: console, /dev/mm386, /proc/sys/vm/..., /proc/..., a ramfs file.
static struct file *open_path(const char *path, long *err)
{
	struct ramfs_file *rf;
	struct file *f;

	if (!strcmp(path, "/dev/console") || !strcmp(path, "/dev/tty"))
		f = alloc_file(&console_fops, "/dev/console");
	else if (!strcmp(path, "/dev/mm386"))
		f = mm386_dev_open();
	else if (!strncmp(path, "/proc/sys/", 10))
		return proc_sys_open(path, err);
	else if (!strncmp(path, "/proc/", 6))
		return proc_open(path, err);
	else if ((rf = ramfs_lookup(path)) != NULL) {
		f = alloc_file(&ramfs_fops, rf->name);
		if (f)
			f->f_ramfs = rf;
	} else {
		*err = -ENOENT;
		return NULL;
	}
	if (!f)
		*err = -ENOMEM;
	return f;
}

long sys_openat(int dfd, const char __user *filename, int flags, int mode)
{
	char *path = getname(filename);
	long err = 0;
	struct file *f;
	int fd;

	if (IS_ERR(path))
		return PTR_ERR(path);
	if (path[0] != '/' && dfd != AT_FDCWD)
		err = fget(dfd) ? -ENOTDIR : -EBADF;
	else if (flags & O_CREAT)
		err = ramfs_lookup(path) ? -EACCES : -EROFS;
	f = err ? NULL : open_path(path, &err);
	putname(path);
	if (!f)
		return err;
	f->f_flags = flags;
	fd = fd_install_new(f);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_open(const char __user *filename, int flags, int mode)
{
	return sys_openat(AT_FDCWD, filename, flags, mode);
}

long sys_close(unsigned int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	current->files->fd[fd] = NULL;
	fput(f);
	return 0;
}

/* dup - the lowest free descriptor now points at @fd's file too. */
long sys_dup(unsigned int fd)
{
	struct file *f = fget(fd);
	int nfd;

	if (!f)
		return -EBADF;
	nfd = fd_install_new(f);
	if (nfd >= 0)
		f->f_count++;
	return nfd;
}

/* dup3 - @newfd (closed first if open) points at @oldfd's file; -EINVAL if they are equal. */
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *f = fget(oldfd);

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	if (!f)
		return -EBADF;
	f->f_count++;
	if (current->files->fd[newfd])
		fput(current->files->fd[newfd]);
	current->files->fd[newfd] = f;
	return newfd;
}

/* dup2 - dup3 without flags, and @oldfd == @newfd is fine if it is open. */
long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd)
		return fget(oldfd) ? newfd : -EBADF;
	return sys_dup3(oldfd, newfd, 0);
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, cmd, arg);
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t pos;

	if (!f)
		return -EBADF;
	if (f->f_op == &console_fops)
		return -ESPIPE;
	if (whence > 2)
		return -EINVAL;
	pos = whence == 0 ? 0 : whence == 1 ? f->f_pos :
	      (f->f_ramfs ? (loff_t)f->f_ramfs->size : (loff_t)f->f_size);
	pos += offset;
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

/* file_mode - what fstat says: character device, regular file. */
unsigned int file_mode(const struct file *f)
{
	return f->f_op->mode ? f->f_op->mode : S_IFREG | 0444;
}

unsigned long file_size(const struct file *f)
{
	return f->f_ramfs ? f->f_ramfs->size : f->f_size;
}
