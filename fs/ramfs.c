// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ramfs.c - files that live in memory, their bytes in whole pages.
 *
 * The programs the boot loader brings (QEMU -initrd, GRUB module lines)
 * are copied here (fs/initramfs.c), so that the initrd's memory can be
 * given back and the shell's `run PROG` can start them again later.  A
 * file is an array of pages (allocated with GFP_HIGHUSER_MOVABLE, as
 * Linux's page cache): they are the file's page cache, and the ELF loader
 * maps them straight into the processes that run the program, read-only
 * (mm/memory.c, do_file_fault).
 *
 * The namespace is flat: a name may hold slashes ("bin/hello", from a cpio
 * archive), and it is the whole key.  A file is removed (ramfs_unlink) only
 * while no process maps it: the tests do that to give an archive's files
 * back.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/elf.h>
#include <linux/sched.h>

static struct ramfs_file *files[RAMFS_MAX_FILES];
static int nr_files;
static unsigned long next_ino = 2;	/* 1 would be the root directory */

// Free @f and the pages it has (a NULL in pages[] ends them).
static void free_file(struct ramfs_file *f)
{
	unsigned long i;

	for (i = 0; f->pages && i < f->nr_pages && f->pages[i]; i++)
		__free_page(f->pages[i]);
	kfree(f->pages);
	kfree(f);
}

/**
 * ramfs_create - a new file called @name holding @size bytes of @data
 * @args: what the boot loader gave after the file name (may be "")
 * Return: the file, or ERR_PTR: -ENAMETOOLONG (a name of RAMFS_NAME_LEN or
 * more), -ENOSPC (RAMFS_MAX_FILES files already), -ENOMEM (nothing of it
 * is kept).  Two files may have the same name (one program given twice
 * with other arguments): ramfs_lookup() finds the first.
 */
struct ramfs_file *ramfs_create(const char *name, const char *args, const void *data,
				unsigned long size)
{
	struct ramfs_file *f;
	unsigned long i;

	if (strlen(name) >= RAMFS_NAME_LEN)
		return ERR_PTR(-ENAMETOOLONG);
	if (nr_files == RAMFS_MAX_FILES)
		return ERR_PTR(-ENOSPC);
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return ERR_PTR(-ENOMEM);
	strscpy(f->name, name, sizeof(f->name));
	strscpy(f->args, args, sizeof(f->args));
	f->size = size;
	f->nr_pages = PFN_UP(size);
	f->pages = kcalloc(f->nr_pages ? f->nr_pages : 1, sizeof(*f->pages), GFP_KERNEL);
	if (!f->pages)
		goto fail;
	for (i = 0; i < f->nr_pages; i++) {
		unsigned long n = min(size - i * PAGE_SIZE, PAGE_SIZE);
		void *kaddr;

		f->pages[i] = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN);
		if (!f->pages[i])
			goto fail;
		kaddr = kmap_atomic(f->pages[i]);
		memcpy(kaddr, (const char *)data + i * PAGE_SIZE, n);
		memset((char *)kaddr + n, 0, PAGE_SIZE - n);
		kunmap_atomic(kaddr);
	}
	f->ino = next_ino++;
	files[nr_files++] = f;
	return f;
fail:
	free_file(f);
	return ERR_PTR(-ENOMEM);
}

// Does a process map @f, or run it?
static bool file_in_use(const struct ramfs_file *f)
{
	struct task_struct *t;
	struct vm_area_struct *vma;

	list_for_each_entry(t, &task_list, tasks) {
		if (!t->mm)
			continue;
		if (t->mm->exe_file == f)
			return true;
		for_each_vma(t->mm, vma)
			if (vma->vm_file == f)
				return true;
	}
	return false;
}

/**
 * ramfs_unlink - remove @f and give its pages back
 * Return: 0, or -EBUSY while a process maps it (its pages are that
 * process's page cache).
 */
int ramfs_unlink(struct ramfs_file *f)
{
	int i;

	if (file_in_use(f))
		return -EBUSY;
	for (i = 0; i < nr_files && files[i] != f; i++)
		;
	if (i == nr_files)
		return -ENOENT;
	memmove(&files[i], &files[i + 1], (nr_files - i - 1) * sizeof(files[0]));
	nr_files--;
	free_file(f);
	return 0;
}

/* ramfs_lookup - the file called @name ("/name" too), or NULL. */
struct ramfs_file *ramfs_lookup(const char *name)
{
	int i;

	if (name[0] == '/')
		name++;
	for (i = 0; i < nr_files; i++)
		if (!strcmp(files[i]->name, name))
			return files[i];
	return NULL;
}

/* ramfs_get_page - page @index of @f (its page cache page), or NULL past the end. */
struct page *ramfs_get_page(struct ramfs_file *f, unsigned long index)
{
	return index < f->nr_pages ? f->pages[index] : NULL;
}

/**
 * ramfs_read - copy @len bytes at @pos of @f into kernel buffer @buf
 * Return: 0, or -EINVAL when the range is not inside the file.
 */
int ramfs_read(struct ramfs_file *f, void *buf, unsigned long pos, unsigned long len)
{
	while (len) {
		unsigned long off = pos & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);
		void *kaddr;

		if (pos >= f->size || f->size - pos < len)
			return -EINVAL;
		kaddr = kmap_atomic(f->pages[pos >> PAGE_SHIFT]);
		memcpy(buf, (char *)kaddr + off, n);
		kunmap_atomic(kaddr);
		buf = (char *)buf + n;
		pos += n;
		len -= n;
	}
	return 0;
}

/**
 * ramfs_file_kind - what @f holds, from its first bytes and its name: an
 * ELF executable (ET_EXEC, or a static-pie's ET_DYN) is a program; an ELF
 * relocatable file, or any file named NAME.ko, a kernel module.
 */
enum ramfs_kind ramfs_file_kind(struct ramfs_file *f)
{
	size_t len = strlen(f->name);
	Elf32_Ehdr eh;

	if (len > 3 && !strcmp(f->name + len - 3, ".ko"))
		return RAMFS_MODULE;
	if (ramfs_read(f, &eh, 0, sizeof(eh)) || memcmp(eh.e_ident, ELFMAG, SELFMAG))
		return RAMFS_DATA;
	if (eh.e_type == ET_EXEC || eh.e_type == ET_DYN)
		return RAMFS_PROGRAM;
	return eh.e_type == ET_REL ? RAMFS_MODULE : RAMFS_DATA;
}

void ramfs_for_each(void (*fn)(struct ramfs_file *f, void *arg), void *arg)
{
	int i;

	for (i = 0; i < nr_files; i++)
		fn(files[i], arg);
}

int ramfs_count(void)
{
	return nr_files;
}
