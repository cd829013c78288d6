// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/initramfs_test.c - ktest suite "initramfs": the cpio
 * reader of fs/initramfs.c, unpack_to_rootfs().
 *
 * Each case writes a small archive in the "newc" format into a buffer (as
 * tools/mkinitramfs.py would), unpacks it into the real ramfs, and checks
 * what is there after: the files with their bytes, or, for a malformed
 * archive, the one message that names the bad entry, the files of the
 * entries before it kept, nothing of the bad one.  Then the files go
 * (ramfs_unlink) and everything must be back: free pages, buddyinfo and
 * every slab cache as before.  The last case makes every allocation of an
 * unpacking fail in turn (fail-nth): each time the archive stops with
 * "no memory" and nothing is lost.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/fault-inject.h>
#include <mm386/ktest.h>
#include "mm_helpers.h"

#define AR_SIZE		(8 * PAGE_SIZE)

static char *ar;			/* the archive being written */
static unsigned long ar_len;
static unsigned int ar_ino;
static struct buddy_snapshot before;
static struct initramfs_stats st;

/* An ELF header of an i386 ET_EXEC (the rest zero): a program to ramfs_file_kind(). */
static const char program[52] = "\177ELF\1\1\1\0\0\0\0\0\0\0\0\0\2\0\3\0";
static const char text[] = "hello from an initramfs\n";
static char filler[8000];		/* the data of bigger files */

static void ar_pad(void)
{
	while (ar_len & 3)
		ar[ar_len++] = '\0';
}

/*
 * ar_entry - append an entry with @magic ("070701"/"070702"), @name, @size
 * bytes of @data and @mode; @namesize 0 means strlen(@name) + 1.
 * Return: the offset of its header.
 */
static unsigned long ar_entry_raw(const char *magic, const char *name, unsigned long namesize,
				  const void *data, unsigned long size, unsigned long mode)
{
	unsigned long at = ar_len, sum = 0, i;

	for (i = 0; i < size; i++)
		sum += ((const unsigned char *)data)[i];
	ar_len += scnprintf(ar + ar_len, AR_SIZE - ar_len,
			    "%s%08X%08lX%08X%08X%08X%08X%08lX%08X%08X%08X%08X%08lX%08lX", magic,
			    ar_ino++, mode, 0, 0, 1, 0, size, 0, 0, 0, 0,
			    namesize ? namesize : strlen(name) + 1, magic[5] == '2' ? sum : 0);
	memcpy(ar + ar_len, name, strlen(name) + 1);
	ar_len += strlen(name) + 1;
	ar_pad();
	memcpy(ar + ar_len, data, size);
	ar_len += size;
	ar_pad();
	return at;
}

static unsigned long ar_file(const char *name, const void *data, unsigned long size)
{
	return ar_entry_raw("070701", name, 0, data, size, S_IFREG | 0755);
}

static void ar_trailer(void)
{
	ar_entry_raw("070701", CPIO_TRAILER, 0, "", 0, 0);
}

// A fresh archive; the allocator's state noted first ("nothing lost").
static bool begin(struct ktest *t)
{
	slab_baseline(&before);
	ar = kzalloc(AR_SIZE, GFP_KERNEL);
	ar_len = 0;
	ar_ino = 721;
	memset(&st, 0, sizeof(st));
	if (!ar)
		KT_FAIL(t, "no memory for the archive");
	return ar;
}

// Remove the files @names (NULL-terminated) that must be in ramfs, then check nothing was lost.
static void end(struct ktest *t, const char *const *names)
{
	for (; *names; names++) {
		struct ramfs_file *f = ramfs_lookup(*names);

		if (!f)
			KT_FAIL(t, "%s is not in ramfs", *names);
		else
			KT_EXPECT_EQ(t, ramfs_unlink(f), 0);
	}
	kfree(ar);
	ar = NULL;
	KT_EXPECT_NOTHING_LOST(t, &before);
}

// Is @f's content @size bytes of @data?
static bool same_bytes(struct ramfs_file *f, const void *data, unsigned long size)
{
	char buf[64];

	return f && f->size == size && size <= sizeof(buf) && !ramfs_read(f, buf, 0, size) &&
	       !memcmp(buf, data, size);
}

static void good_archive_is_unpacked(struct ktest *t)
{
	static const char *const files[] = { "kt_prog", "kt_dir/kt_text", "kt_mod.ko", "kt_c", NULL };
	const char *err;
	int n = ramfs_count();

	if (!begin(t))
		return;
	ar_entry_raw("070701", ".", 0, "", 0, S_IFDIR | 0755);
	ar_file("./kt_prog", program, sizeof(program));
	ar_entry_raw("070701", "kt_dir", 0, "", 0, S_IFDIR | 0755);
	ar_file("kt_dir/kt_text", text, sizeof(text) - 1);
	ar_entry_raw("070701", "kt_link", 0, "kt_prog", 7, S_IFLNK | 0777);
	ar_file("/kt_mod.ko", "", 0);
	ar_trailer();
	ar_len += 8;		/* zero padding, then a second archive (as Linux accepts) */
	ar_entry_raw("070702", "kt_c", 0, text, 5, S_IFREG | 0644);
	ar_trailer();
	err = unpack_to_rootfs(ar, ar_len, &st);
	KT_EXPECT_NULL(t, err);
	KT_EXPECT_EQ(t, st.files, 4);
	KT_EXPECT_EQ(t, st.programs, 1);
	KT_EXPECT_EQ(t, st.modules, 1);
	KT_EXPECT_EQ(t, st.dirs, 1);
	KT_EXPECT_EQ(t, st.skipped, 1);		/* the symbolic link */
	KT_EXPECT_EQ(t, st.bytes, sizeof(program) + sizeof(text) - 1 + 5);
	KT_EXPECT_EQ(t, ramfs_count(), n + 4);
	KT_EXPECT_TRUE(t, same_bytes(ramfs_lookup("kt_prog"), program, sizeof(program)));
	KT_EXPECT_TRUE(t, same_bytes(ramfs_lookup("/kt_dir/kt_text"), text, sizeof(text) - 1));
	KT_EXPECT_TRUE(t, same_bytes(ramfs_lookup("kt_c"), text, 5));
	KT_EXPECT_NULL(t, ramfs_lookup("kt_link"));
	KT_EXPECT_EQ(t, ramfs_file_kind(ramfs_lookup("kt_prog")), RAMFS_PROGRAM);
	KT_EXPECT_EQ(t, ramfs_file_kind(ramfs_lookup("kt_mod.ko")), RAMFS_MODULE);
	KT_EXPECT_EQ(t, ramfs_file_kind(ramfs_lookup("kt_c")), RAMFS_DATA);
	end(t, files);
	KT_EXPECT_EQ(t, ramfs_count(), n);
}

/* One malformation: how to break the archive after its first good file. */
struct malformed {
	const char *what;
	void (*make)(void);
	const char *why;		/* in the message */
	unsigned int entry;		/* the entry it names */
	const char *name;		/* its name in the message, if known */
};

static unsigned long bad_at;		/* the bad entry's header */

static void bad_magic(void)
{
	bad_at = ar_file("kt_bad", text, 5);
	memcpy(ar + bad_at, "070801", 6);
}

static void odc_archive(void)
{
	bad_at = ar_file("kt_bad", text, 5);
	memcpy(ar + bad_at, "070707", 6);
}

static void header_cut(void)
{
	bad_at = ar_file("kt_bad", text, 5);
	ar_len = bad_at + 60;
}

static void name_cut(void)
{
	bad_at = ar_file("kt_bad_long_name", text, 5);
	ar_len = bad_at + CPIO_HEADER_LEN + 4;
}

static void data_cut(void)
{
	bad_at = ar_file("kt_bad", text, sizeof(text) - 1);
	ar_len -= 8;
}

static void bad_hex(void)
{
	bad_at = ar_file("kt_bad", text, 5);
	memcpy(ar + bad_at + 6 + 8 * 6 + 4, "zz", 2);	/* c_filesize */
}

static void namesize_zero(void)
{
	bad_at = ar_entry_raw("070701", "kt_bad", 0, text, 5, S_IFREG | 0644);
	memcpy(ar + bad_at + 6 + 8 * 11, "00000000", 8);
}

static void namesize_huge(void)
{
	bad_at = ar_entry_raw("070701", "kt_bad", 0x2000, text, 5, S_IFREG | 0644);
}

static void name_unterminated(void)
{
	bad_at = ar_entry_raw("070701", "kt_bad", 4, text, 5, S_IFREG | 0644);
}

static void broken_padding(void)
{
	ar_trailer();
	ar_len += 2;				/* two zero bytes, then a header at 4n + 2 */
	bad_at = ar_len;
	ar_file("kt_bad", text, 5);
}

static void bad_checksum(void)
{
	bad_at = ar_entry_raw("070702", "kt_bad", 0, text, 5, S_IFREG | 0644);
	ar[ar_len - 4] ^= 1;			/* a byte of the data */
}

static void junk_after_trailer(void)
{
	ar_trailer();
	bad_at = ar_len;
	memcpy(ar + ar_len, "JUNK", 4);
	ar_len += 4;
}

static void too_big(void)
{
	char size[9];

	bad_at = ar_file("kt_bad", text, 5);
	/* c_filesize of 3.5 GB: cut by the end of the archive before memory is asked */
	scnprintf(size, sizeof(size), "%08X", 0xe0000000);
	memcpy(ar + bad_at + 6 + 8 * 6, size, 8);
}

static const struct malformed malformed[] = {
	{ "bad magic", bad_magic, "no cpio magic", 2, NULL },
	{ "odc archive", odc_archive, "incorrect cpio method used: use -H newc option", 2, NULL },
	{ "header cut", header_cut, "its header runs past the end of the archive (60 of 110 bytes)", 2, NULL },
	{ "name cut", name_cut, "its name (17 bytes) runs past the end of the archive (4 bytes left)", 2, NULL },
	{ "data cut", data_cut, "its data (24 bytes) runs past the end of the archive (16 bytes left)", 2, "kt_bad" },
	{ "bad hex", bad_hex, "c_filesize is \"0000zz05\", not 8 hexadecimal digits", 2, NULL },
	{ "name size 0", namesize_zero, "bad c_namesize 0", 2, NULL },
	{ "name size > PATH_MAX", namesize_huge, "bad c_namesize 8192", 2, NULL },
	{ "name not a string", name_unterminated, "its name is not a string of c_namesize (4) bytes ending in NUL", 2, NULL },
	{ "broken padding", broken_padding, "broken padding", 3, NULL },
	{ "bad checksum", bad_checksum, "bad data checksum", 2, "kt_bad" },
	{ "junk after the trailer", junk_after_trailer, "junk after the archive's TRAILER!!!", 3, NULL },
	{ "c_filesize past the end", too_big, "its data (3758096384 bytes) runs past the end", 2, "kt_bad" },
};

static void malformed_archives_are_refused(struct ktest *t)
{
	static const char *const kept[] = { "kt_first", NULL };
	char want[96];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(malformed); i++) {
		const struct malformed *m = &malformed[i];
		const char *err;

		if (!begin(t))
			return;
		ar_file("kt_first", text, sizeof(text) - 1);
		m->make();
		err = unpack_to_rootfs(ar, ar_len, &st);
		if (!err) {
			KT_FAIL(t, "%s: accepted", m->what);
			end(t, kept);
			continue;
		}
		pr_info("initramfs test: %s: %s\n", m->what, err);
		if (m->name)
			scnprintf(want, sizeof(want), "entry %u \"%s\" at offset 0x%lx: ", m->entry,
				  m->name, bad_at);
		else
			scnprintf(want, sizeof(want), "entry %u at offset 0x%lx: ", m->entry, bad_at);
		if (strncmp(err, want, strlen(want)))
			KT_FAIL(t, "%s: the message does not start \"%s\"", m->what, want);
		if (!strstr(err, m->why))
			KT_FAIL(t, "%s: the message does not say \"%s\"", m->what, m->why);
		KT_EXPECT_EQ(t, st.files, 1);			/* the file before it stays */
		KT_EXPECT_NULL(t, ramfs_lookup("kt_bad"));	/* nothing of the bad one */
		KT_EXPECT_NULL(t, ramfs_lookup("kt_bad_long_name"));
		end(t, kept);
	}
}

// The first entry bad: nothing unpacked, nothing lost.
static void bad_first_entry_keeps_nothing(struct ktest *t)
{
	static const char *const none[] = { NULL };
	int n = ramfs_count();
	const char *err;

	if (!begin(t))
		return;
	ar_file("kt_bad", text, sizeof(text) - 1);
	ar_len -= 4;
	err = unpack_to_rootfs(ar, ar_len, &st);
	KT_EXPECT_NOT_NULL(t, err);
	KT_EXPECT_EQ(t, st.files, 0);
	KT_EXPECT_EQ(t, ramfs_count(), n);
	end(t, none);
}

// A name ramfs has is skipped with a line, the rest goes on.
static void existing_name_is_not_replaced(struct ktest *t)
{
	static const char *const files[] = { "kt_one", "kt_two", NULL };
	const char *err;

	if (!begin(t))
		return;
	ar_file("kt_one", text, 5);
	ar_file("kt_one", program, sizeof(program));
	ar_file("kt_two", text, 3);
	ar_trailer();
	err = unpack_to_rootfs(ar, ar_len, &st);
	KT_EXPECT_NULL(t, err);
	KT_EXPECT_EQ(t, st.files, 2);
	KT_EXPECT_EQ(t, st.skipped, 1);
	KT_EXPECT_TRUE(t, same_bytes(ramfs_lookup("kt_one"), text, 5));
	end(t, files);
}

// A file bigger than the free memory is refused before any page is taken.
static void file_too_big_for_memory(struct ktest *t)
{
	static const char *const none[] = { NULL };
	unsigned long big = (nr_free_pages() + 16) << PAGE_SHIFT;
	const char *err;
	char *huge;

	/* the archive says it is that long; the reader stops before the data */
	if (!begin(t))
		return;
	huge = ar;
	ar_file("kt_huge", text, 0);
	scnprintf(huge + 6 + 8 * 6, 9, "%08lX", big);
	huge[6 + 8 * 7] = '0';				/* scnprintf's NUL */
	err = unpack_to_rootfs(huge, ar_len + big, &st);
	KT_EXPECT_NOT_NULL(t, err);
	if (err && !strstr(err, "too big for memory"))
		KT_FAIL(t, "not refused as too big: %s", err);
	KT_EXPECT_NULL(t, ramfs_lookup("kt_huge"));
	end(t, none);
}

/*
 * Every allocation of an unpacking fails in turn: the archive stops at
 * the file it was making, "no memory", with nothing of it left, and
 * once the files before it are gone, nothing is lost.
 */
static void every_failure_point(struct ktest *t)
{
	static const char *const names[] = { "kt_a", "kt_b", "kt_c", NULL };
	static const char *const none[] = { NULL };
	unsigned long n;
	unsigned int i;
	u32 saved[16];

	fault_knobs_arm(true, saved);	/* fail-nth alone decides */
	for (n = 1;; n++) {
		const char *err;

		if (!begin(t))
			break;
		for (i = 0; names[i]; i++)
			ar_file(names[i], filler, 3000 + 2500 * i);	/* 1, 2 and 2 pages */
		ar_trailer();
		set_fail_nth(current, n);
		err = unpack_to_rootfs(ar, ar_len, &st);
		set_fail_nth(current, 0);
		if (!err) {
			end(t, names);
			break;
		}
		if (!strstr(err, "no memory"))
			KT_FAIL(t, "allocation %lu failing: %s", n, err);
		for (i = 0; names[i]; i++) {
			struct ramfs_file *f = ramfs_lookup(names[i]);

			if (i < st.files)
				KT_EXPECT_EQ(t, f ? ramfs_unlink(f) : -ENOENT, 0);
			else
				KT_EXPECT_NULL(t, f);
		}
		end(t, none);
	}
	fault_knobs_arm(false, saved);
	fault_inject_update();
	pr_info("initramfs test: %lu allocations, each made to fail in turn: nothing lost\n", n - 1);
	KT_EXPECT_GE(t, n - 1, 11);	/* 3 files: 2 tables each, and 5 pages */
}

static struct ktest_case initramfs_cases[] = {
	KTEST_CASE(good_archive_is_unpacked),
	KTEST_CASE(malformed_archives_are_refused),
	KTEST_CASE(bad_first_entry_keeps_nothing),
	KTEST_CASE(existing_name_is_not_replaced),
	KTEST_CASE(file_too_big_for_memory),
	KTEST_CASE(every_failure_point),
	{}
};

static struct ktest_suite initramfs_suite = { .name = "initramfs", .cases = initramfs_cases };
ktest_register(initramfs_suite);
