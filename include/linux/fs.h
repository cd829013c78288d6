/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fs.h - files, as little of Linux's VFS as user programs need.
 *
 * struct ramfs_file: a program or data file kept in memory, its bytes in
 * whole pages (fs/ramfs.c): the boot loader's programs are copied there
 * from the initrd, which is then freed.  The pages are the file's "page
 * cache": the ELF loader maps them into a process read-only, and a write
 * to a private mapping copies the page first (copy-on-write).
 *
 * struct file: an open file, shared by the descriptors that point at it
 * (after fork).  Its f_op says what read, write, mmap... do: the console,
 * a ramfs file, /proc/self/maps, /dev/mm386.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/compiler.h>

struct page;
struct file;
struct vm_area_struct;

#define RAMFS_NAME_LEN	64
#define RAMFS_ARGS_LEN	128
#define RAMFS_MAX_FILES	64

struct ramfs_file {
	char name[RAMFS_NAME_LEN];	/* "mallocdemo": its path is /NAME */
	char args[RAMFS_ARGS_LEN];	/* the boot loader's arguments for it */
	unsigned long ino;		/* inode number, for /proc/PID/maps */
	unsigned long size;		/* bytes */
	unsigned long nr_pages;
	struct page **pages;		/* its data, one page each (HighMem allowed) */
};

struct file_operations {
	ssize_t (*read)(struct file *f, char __user *buf, size_t count);
	ssize_t (*write)(struct file *f, const char __user *buf, size_t count);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *f, struct vm_area_struct *vma);
	void (*release)(struct file *f);
	unsigned int mode;		/* S_IFCHR, S_IFREG... for fstat */
};

struct file {
	const struct file_operations *f_op;
	int f_count;			/* descriptors (in all tasks) that point here */
	unsigned int f_flags;		/* O_RDONLY... */
	loff_t f_pos;
	struct ramfs_file *f_ramfs;	/* a ramfs file, or NULL */
	char *f_buf;			/* a /proc file: its text, made at open */
	size_t f_size;
	pid_t f_pid;			/* a /proc/PID file: whose (make-it-fail and
					 * fail-nth look the task up at each use) */
	const char *f_name;		/* what was opened, for messages */
};

#define NR_OPEN_DEFAULT	32

struct files_struct {
	int count;			/* tasks sharing it (always 1 here) */
	struct file *fd[NR_OPEN_DEFAULT];
};

/* file modes for fstat */
#define S_IFMT		00170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)

/* open() flags */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_CLOEXEC	02000000
#define AT_FDCWD	-100

/* fs/ramfs.c */
enum ramfs_kind { RAMFS_DATA, RAMFS_PROGRAM, RAMFS_MODULE };

struct ramfs_file *ramfs_create(const char *name, const char *args, const void *data,
				unsigned long size);
int ramfs_unlink(struct ramfs_file *f);
enum ramfs_kind ramfs_file_kind(struct ramfs_file *f);
struct ramfs_file *ramfs_lookup(const char *name);
struct page *ramfs_get_page(struct ramfs_file *f, unsigned long index);
void ramfs_for_each(void (*fn)(struct ramfs_file *f, void *arg), void *arg);
int ramfs_read(struct ramfs_file *f, void *buf, unsigned long pos, unsigned long len);
int ramfs_count(void);

/* fs/namei.c: a path from user space, in a PATH_MAX buffer */
#define PATH_MAX	4096
#define NAME_MAX	255
char *getname_flags(const char __user *filename, bool empty_ok);
char *getname(const char __user *filename);
void putname(char *name);

/* fs/file.c */
struct files_struct *files_alloc_console(void);
struct files_struct *dup_files(struct files_struct *old);
void put_files(struct files_struct *files);
struct file *fget(int fd);
int fd_install_new(struct file *f);
struct file *alloc_file(const struct file_operations *fop, const char *name);
void fput(struct file *f);

/* fs/proc.c */
const char *vma_label(const struct vm_area_struct *vma, char *buf, size_t size);
int print_pid_text(pid_t pid, const char *what);
struct task_struct;
void proc_dump_exit(struct task_struct *t);

/* fs/initramfs.c, fs/boot_programs.c: <linux/initramfs.h> */
#include <linux/initramfs.h>

/* fs/file.c: a read() of an in-kernel buffer, as Linux's fs/libfs.c has it */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from,
				size_t available);

#endif
