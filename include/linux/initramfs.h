/* SPDX-License-Identifier: GPL-2.0 */
/*
 * initramfs.h - what the boot loader brought, in ramfs (fs/initramfs.c,
 * fs/boot_programs.c).
 *
 * A cpio archive in the "newc" format (Linux's usr/gen_init_cpio and
 * `cpio -o -H newc` write it; tools/mkinitramfs.py here) is a sequence of
 * entries, each a 110-byte header of ASCII fields, the entry's name, its
 * data, with padding so that each header and each file's data start at a
 * multiple of 4 bytes.  The entry named TRAILER!!! ends an archive; zero
 * bytes may follow it, then another archive.
 *
 *   offset  size  field
 *        0     6  c_magic     "070701" ("070702": c_check is the data's byte sum)
 *        6     8  c_ino       each field 8 hexadecimal digits
 *       14     8  c_mode      file type and permissions (0100755: a program)
 *       22     8  c_uid
 *       30     8  c_gid
 *       38     8  c_nlink
 *       46     8  c_mtime
 *       54     8  c_filesize  bytes of data after the name
 *       62     8  c_devmajor
 *       70     8  c_devminor
 *       78     8  c_rdevmajor
 *       86     8  c_rdevminor
 *       94     8  c_namesize  bytes of the name, its NUL included
 *      102     8  c_check
 *      110        the name, NUL-terminated, padded to 4 (with the header)
 *                 the data, padded to 4
 */
#ifndef _LINUX_INITRAMFS_H
#define _LINUX_INITRAMFS_H

#include <linux/types.h>

#define CPIO_HEADER_LEN	110
#define CPIO_TRAILER	"TRAILER!!!"

/* What unpack_to_rootfs() did with an archive. */
struct initramfs_stats {
	unsigned int files;		/* regular files now in ramfs */
	unsigned int programs;		/* of those: ELF executables */
	unsigned int modules;		/* of those: kernel modules (.ko) */
	unsigned int dirs;		/* directories (the names of the files hold them) */
	unsigned int skipped;		/* entries skipped, each with a line of its own */
	unsigned long bytes;		/* data of the files unpacked */
};

struct ramfs_file;

const char *unpack_to_rootfs(const char *buf, unsigned long len, struct initramfs_stats *st);
void populate_rootfs(void);
void run_boot_programs(void);

/* The programs given as boot modules of their own, in the order given. */
extern unsigned int nr_boot_programs;
extern struct ramfs_file *boot_programs[];

#endif
