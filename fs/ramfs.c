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
 * (mm/memory.c, do_file_fault).  A file is never removed.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define RAMFS_MAX_FILES	32

static struct ramfs_file *files[RAMFS_MAX_FILES];
static int nr_files;

/**
 * ramfs_create - a new file called @name holding @size bytes of @data
 * @args: what the boot loader gave after the file name (may be "")
 * Return: the file, or NULL (out of memory, too many files).
 */
struct ramfs_file *ramfs_create(const char *name, const char *args, const void *data,
				unsigned long size)
{
	struct ramfs_file *f;
	unsigned long i;

	if (nr_files == RAMFS_MAX_FILES)
		return NULL;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return NULL;
	strscpy(f->name, name, sizeof(f->name));
	strscpy(f->args, args, sizeof(f->args));
	f->size = size;
	f->nr_pages = PFN_UP(size);
	f->ino = nr_files + 2;
	f->pages = kcalloc(f->nr_pages ? f->nr_pages : 1, sizeof(*f->pages), GFP_KERNEL);
	if (!f->pages)
		goto fail;
	for (i = 0; i < f->nr_pages; i++) {
		unsigned long n = min(size - i * PAGE_SIZE, PAGE_SIZE);
		void *kaddr;

		f->pages[i] = alloc_page(GFP_HIGHUSER_MOVABLE);
		if (!f->pages[i])
			goto fail;
		kaddr = kmap_atomic(f->pages[i]);
		memcpy(kaddr, (const char *)data + i * PAGE_SIZE, n);
		memset((char *)kaddr + n, 0, PAGE_SIZE - n);
		kunmap_atomic(kaddr);
	}
	files[nr_files++] = f;
	return f;
fail:
	for (i = 0; f->pages && i < f->nr_pages && f->pages[i]; i++)
		__free_page(f->pages[i]);
	kfree(f->pages);
	kfree(f);
	return NULL;
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
