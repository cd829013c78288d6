// SPDX-License-Identifier: GPL-2.0
/*
 * fs/initramfs.c - what the boot loader brought, into ramfs; then the
 * initrd's memory goes back to the page allocator.
 *
 * A boot module (QEMU -initrd, a GRUB module line, v86's initrd) is one of:
 *
 *  - a cpio archive in the "newc" format, an initramfs as Linux has it
 *    (<linux/initramfs.h> draws the format): unpack_to_rootfs() puts each
 *    regular file into ramfs under its name ("mallocdemo", "bin/hello";
 *    a leading "/" or "./" dropped).  Directories need nothing (ramfs is
 *    flat: the names hold them); symbolic links, devices, FIFOs and
 *    sockets are skipped with a line each.  Its programs wait for the
 *    shell's `run` or rdinit= (fs/boot_programs.c), its .ko files are
 *    loaded at boot as the modules given on their own are
 *    (kernel/module/boot.c);
 *  - an ELF executable (ET_EXEC, or a static-pie's ET_DYN): a program,
 *    kept in ramfs under its base name with the arguments that followed
 *    its file name on the module's line, and run at boot;
 *  - anything else, a .ko first of all: a kernel module, left where it is
 *    for the module loader.
 *
 * The pages of the archives and programs are then freed, with Linux's
 *
 *   Freeing initrd memory: 1460K
 *
 * A malformed archive is refused at its first bad entry with one line, as
 * Linux's "Initramfs unpacking failed: ..." but naming the entry and
 * saying what is kept: the files of the entries before it stay in ramfs
 * (Linux keeps them too), the bad entry leaves nothing, and the rest of
 * the archive is not read.  Malformed means: no cpio magic where a header
 * should start (an "070707" archive gets Linux's "use -H newc"), a header,
 * a name or a file's data running past the end, a field that is not 8
 * hexadecimal digits, a name size of 0 or over PATH_MAX or a name that is
 * not a string of that size, a header after padding at an offset that is
 * not a multiple of 4 (Linux's "broken padding"), a wrong checksum in an
 * "070702" archive, and a file bigger than the free memory.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/elf.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <asm/setup.h>

unsigned int nr_boot_programs;
struct ramfs_file *boot_programs[MAX_BOOT_MODULES];

/* The header's fields after the magic, in their order. */
enum cpio_field {
	C_INO, C_MODE, C_UID, C_GID, C_NLINK, C_MTIME, C_FILESIZE, C_DEVMAJOR,
	C_DEVMINOR, C_RDEVMAJOR, C_RDEVMINOR, C_NAMESIZE, C_CHECK, NR_CPIO_FIELDS
};

static const char *const field_names[NR_CPIO_FIELDS] = {
	"c_ino", "c_mode", "c_uid", "c_gid", "c_nlink", "c_mtime", "c_filesize",
	"c_devmajor", "c_devminor", "c_rdevmajor", "c_rdevminor", "c_namesize", "c_check",
};

/* One entry of an archive, as cpio_next() found it. */
struct cpio_entry {
	unsigned int index;		/* 1 for the archive's first entry */
	unsigned long offset;		/* of its header */
	unsigned long field[NR_CPIO_FIELDS];
	const char *name;		/* NUL-terminated, inside the archive */
	const char *data;		/* field[C_FILESIZE] bytes */
};

/* Reading an archive: where the next header is, and why it stopped. */
struct cpio_reader {
	const char *buf;
	unsigned long len, pos;
	unsigned int index;		/* entries read */
	bool after_trailer;		/* the last entry was TRAILER!!! */
	char *why;			/* the message when it stops */
	size_t why_size;
};

// A 4-byte boundary, never past the end of the archive.
static unsigned long pad4(const struct cpio_reader *r, unsigned long pos)
{
	return min(ALIGN(pos, 4), r->len);
}

// Format why reading stopped at entry @index, header at @offset (@name, if known).
static int stop(struct cpio_reader *r, unsigned int index, unsigned long offset, const char *name,
		const char *fmt, va_list args)
{
	int n;

	if (name)
		n = scnprintf(r->why, r->why_size, "entry %u \"%s\" at offset 0x%lx: ", index, name,
			      offset);
	else
		n = scnprintf(r->why, r->why_size, "entry %u at offset 0x%lx: ", index, offset);
	vsnprintf(r->why + n, r->why_size - n, fmt, args);
	return -EINVAL;
}

// Stop at the header at @r's position, not read yet (printf style).
static __printf(3, 4) int cpio_bad(struct cpio_reader *r, const char *name, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	stop(r, r->index + 1, r->pos, name, fmt, args);
	va_end(args);
	return -EINVAL;
}

// Stop at entry @e, read already (printf style).
static __printf(3, 4) int entry_bad(struct cpio_reader *r, const struct cpio_entry *e,
				    const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	stop(r, e->index, e->offset, e->name, fmt, args);
	va_end(args);
	return -EINVAL;
}

// The value of hexadecimal digit @c, or -1.
static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;	/* lower case */
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Field @i of the header at @h: exactly 8 hexadecimal digits (Linux is laxer).
static int parse_field(struct cpio_reader *r, const char *h, int i, unsigned long *val)
{
	const char *s = h + 6 + 8 * i;
	unsigned long v = 0;
	int k;

	for (k = 0; k < 8; k++) {
		if (hex_digit(s[k]) < 0)
			return cpio_bad(r, NULL, "%s is \"%.8s\", not 8 hexadecimal digits",
					field_names[i], s);
		v = v << 4 | hex_digit(s[k]);
	}
	*val = v;
	return 0;
}

// The data's byte sum, which an "070702" archive carries in c_check.
static unsigned long data_sum(const char *data, unsigned long len)
{
	unsigned long sum = 0;

	while (len--)
		sum += (unsigned char)*data++;
	return sum;
}

/*
 * cpio_next - read the entry at @r's position into @e (trailers included)
 * Return: 1 for an entry, 0 at the end of the archive (of zero padding
 * after a trailer, too), -EINVAL with @r->why set for a malformed one.
 */
static int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	const char *h;
	unsigned long name_at, data_at, left;
	int i;

	while (r->pos < r->len && !r->buf[r->pos])	/* padding between archives */
		r->pos++;
	if (r->pos == r->len)
		return 0;
	h = r->buf + r->pos;
	left = r->len - r->pos;
	if (r->pos & 3)
		return cpio_bad(r, NULL, "broken padding: a header must start at a multiple of 4");
	if (left >= 6 && !memcmp(h, "070707", 6))
		return cpio_bad(r, NULL, "incorrect cpio method used: use -H newc option");
	if (left < 6 || (memcmp(h, "070701", 6) && memcmp(h, "070702", 6)))
		return cpio_bad(r, NULL, "%s (the bytes there are not \"070701\")",
				r->after_trailer ? "junk after the archive's TRAILER!!!" :
				"no cpio magic");
	if (left < CPIO_HEADER_LEN)
		return cpio_bad(r, NULL, "its header runs past the end of the archive (%lu of %d bytes)",
				left, CPIO_HEADER_LEN);
	for (i = 0; i < NR_CPIO_FIELDS; i++)
		if (parse_field(r, h, i, &e->field[i]))
			return -EINVAL;
	if (!e->field[C_NAMESIZE] || e->field[C_NAMESIZE] > PATH_MAX)
		return cpio_bad(r, NULL, "bad c_namesize %lu (1 to PATH_MAX, %d, with the NUL)",
				e->field[C_NAMESIZE], PATH_MAX);
	name_at = r->pos + CPIO_HEADER_LEN;
	if (e->field[C_NAMESIZE] > r->len - name_at)
		return cpio_bad(r, NULL, "its name (%lu bytes) runs past the end of the archive (%lu bytes left)",
				e->field[C_NAMESIZE], r->len - name_at);
	e->name = r->buf + name_at;
	if (strnlen(e->name, e->field[C_NAMESIZE]) != e->field[C_NAMESIZE] - 1)
		return cpio_bad(r, NULL, "its name is not a string of c_namesize (%lu) bytes ending in NUL",
				e->field[C_NAMESIZE]);
	data_at = pad4(r, name_at + e->field[C_NAMESIZE]);
	if (e->field[C_FILESIZE] > r->len - data_at)
		return cpio_bad(r, e->name, "its data (%lu bytes) runs past the end of the archive (%lu bytes left)",
				e->field[C_FILESIZE], r->len - data_at);
	e->data = r->buf + data_at;
	if (h[5] == '2' && S_ISREG(e->field[C_MODE]) &&
	    data_sum(e->data, e->field[C_FILESIZE]) != e->field[C_CHECK])
		return cpio_bad(r, e->name, "bad data checksum (c_check %08lx, the data sums to %08lx)",
				e->field[C_CHECK], data_sum(e->data, e->field[C_FILESIZE]));
	e->index = ++r->index;
	e->offset = r->pos;
	r->after_trailer = !strcmp(e->name, CPIO_TRAILER);
	r->pos = pad4(r, data_at + e->field[C_FILESIZE]);
	return 1;
}

// The name an entry's file gets in ramfs: no leading "/" or "./"; "" for the root.
static const char *ramfs_name(const char *name)
{
	for (;;) {
		if (name[0] == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else if (name[0] == '.' && !name[1])
			return "";
		else
			return name;
	}
}

static const char *type_name(unsigned long mode)
{
	switch (mode & S_IFMT) {
	case S_IFLNK:
		return "a symbolic link";
	case S_IFCHR:
		return "a character device";
	case S_IFBLK:
		return "a block device";
	case S_IFIFO:
		return "a FIFO";
	case S_IFSOCK:
		return "a socket";
	}
	return "of no known file type";
}

static const char *const kind_names[] = {
	[RAMFS_DATA] = "file", [RAMFS_PROGRAM] = "program", [RAMFS_MODULE] = "kernel module",
};

static const char *const kind_hints[] = {
	[RAMFS_DATA] = "",
	[RAMFS_PROGRAM] = " (the shell's run starts it)",
	[RAMFS_MODULE] = " (loaded at the end of boot)",
};

/*
 * unpack_file - regular file entry @e into ramfs, as @name
 * Return: 0 (made, or skipped with a line), or -errno with @r->why set:
 * the archive stops there.
 */
static int unpack_file(struct cpio_reader *r, const struct cpio_entry *e, const char *name,
		       struct initramfs_stats *st)
{
	unsigned long size = e->field[C_FILESIZE], free_kb = nr_free_pages() << (PAGE_SHIFT - 10);
	struct ramfs_file *f;
	enum ramfs_kind kind;

	if (PFN_UP(size) > nr_free_pages())
		return entry_bad(r, e, "too big for memory: its %lu kB are more than the %lu kB free",
				 DIV_ROUND_UP(size, 1024), free_kb);
	f = ramfs_lookup(name) ? ERR_PTR(-EEXIST) : ramfs_create(name, "", e->data, size);
	if (IS_ERR(f) && PTR_ERR(f) == -ENOMEM)
		return entry_bad(r, e, "no memory for its %lu bytes (%lu kB free)", size, free_kb);
	if (IS_ERR(f) && PTR_ERR(f) == -ENOSPC)
		return entry_bad(r, e, "ramfs is full (%d files)", RAMFS_MAX_FILES);
	if (IS_ERR(f)) {
		pr_warn("initramfs: %s: %s, skipped\n", e->name, PTR_ERR(f) == -EEXIST ?
			"a file of that name is in ramfs already (never replaced)" :
			"its name is too long for ramfs (63 characters at most)");
		st->skipped++;
		return 0;
	}
	kind = ramfs_file_kind(f);
	st->files++;
	st->programs += kind == RAMFS_PROGRAM;
	st->modules += kind == RAMFS_MODULE;
	st->bytes += size;
	pr_info("initramfs:   /%s: %s, %lu bytes%s\n", f->name, kind_names[kind], size,
		kind_hints[kind]);
	return 0;
}

/**
 * unpack_to_rootfs - unpack the cpio archive(s) @buf[@len] into ramfs
 * @st: zeroed by the caller; what was unpacked
 *
 * Return: NULL when every entry was unpacked (or skipped with a line of
 * its own), else why it stopped, naming the bad entry.  The files of the
 * entries before that one stay in ramfs; the bad entry left nothing.
 */
const char *unpack_to_rootfs(const char *buf, unsigned long len, struct initramfs_stats *st)
{
	static char message[256];
	struct cpio_reader r = { .buf = buf, .len = len, .why = message,
				 .why_size = sizeof(message) };
	struct cpio_entry e;
	int ret;

	while ((ret = cpio_next(&r, &e)) > 0) {
		unsigned long mode = e.field[C_MODE];
		const char *name = ramfs_name(e.name);

		if (r.after_trailer || !*name)
			continue;
		if (S_ISDIR(mode)) {
			st->dirs++;
		} else if (S_ISREG(mode)) {
			if (unpack_file(&r, &e, name, st))
				return message;
		} else {
			pr_warn("initramfs: %s: %s, skipped (ramfs holds regular files only)\n",
				e.name, type_name(mode));
			st->skipped++;
		}
	}
	return ret ? message : NULL;
}

/* ---------------------------------------------------------------------
 * The boot modules
 */

// The boot module's file name ("build/user/mallocdemo"), or "initrd" if it has none.
static void module_file(const struct boot_module *bm, char *file, size_t size)
{
	strscpy(file, bm->cmdline[0] ? bm->cmdline : "initrd", size);
	file[strcspn(file, " ")] = '\0';
}

// Is boot module @bm in lowmem, where __va() reaches it?
static bool in_lowmem(const struct boot_module *bm)
{
	return bm->end >= bm->start && bm->end <= __pa(high_memory);
}

// Does @bm start like a cpio archive ("0707": 070701, 070702, or the refused 070707)?
static bool is_cpio(const struct boot_module *bm)
{
	return in_lowmem(bm) && bm->end - bm->start >= 6 && !memcmp(__va(bm->start), "0707", 4);
}

/*
 * Is the boot module @bm (in lowmem) an ELF executable?  A file named
 * NAME.ko is always meant as a kernel module: the module loader gets it,
 * and refuses it in its own words if it is not ET_REL.
 */
static bool is_program(const struct boot_module *bm)
{
	const Elf32_Ehdr *eh = __va(bm->start);
	size_t len = strcspn(bm->cmdline, " ");

	if (len >= 3 && !strncmp(bm->cmdline + len - 3, ".ko", 3))
		return false;
	if (!in_lowmem(bm) || bm->end - bm->start < sizeof(*eh))
		return false;
	return !memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	       (eh->e_type == ET_EXEC || eh->e_type == ET_DYN);
}

// Unpack the archive @bm into ramfs, with a line for each file and one for the whole.
static void unpack_initramfs(const struct boot_module *bm)
{
	struct initramfs_stats st = { 0 };
	char file[BOOT_MODULE_NAME_LEN];
	const char *err;

	module_file(bm, file, sizeof(file));
	pr_info("Unpacking initramfs...\n");
	pr_info("initramfs: %s: a cpio archive, %lu bytes\n", file, bm->end - bm->start);
	err = unpack_to_rootfs(__va(bm->start), bm->end - bm->start, &st);
	if (err) {
		if (st.files)
			pr_err("Initramfs unpacking failed: %s: %s; the %u file%s unpacked before it %s in ramfs\n",
			       file, err, st.files, st.files == 1 ? "" : "s",
			       st.files == 1 ? "stays" : "stay");
		else
			pr_err("Initramfs unpacking failed: %s: %s; nothing was unpacked before it\n",
			       file, err);
		return;
	}
	pr_info("initramfs: %s: %u file%s unpacked into ramfs (%u program%s, %u kernel module%s, %lu bytes), %u director%s, %u skipped\n",
		file, st.files, st.files == 1 ? "" : "s", st.programs, st.programs == 1 ? "" : "s",
		st.modules, st.modules == 1 ? "" : "s", st.bytes, st.dirs,
		st.dirs == 1 ? "y" : "ies", st.skipped);
}

// Program @bm into ramfs under its base name, with its arguments, to run at boot.
static void keep_program(const struct boot_module *bm)
{
	char file[BOOT_MODULE_NAME_LEN], *base, *args;
	struct ramfs_file *rf;

	strscpy(file, bm->cmdline, sizeof(file));
	args = file + strcspn(file, " ");
	if (*args)
		*args++ = '\0';
	base = strrchr(file, '/');
	base = base ? base + 1 : file;
	rf = ramfs_create(base[0] ? base : "program", skip_spaces(args), __va(bm->start),
			  bm->end - bm->start);
	if (IS_ERR(rf)) {
		pr_err("initramfs: %s: not kept in ramfs (%pe); not run\n", base, rf);
		return;
	}
	pr_info("initramfs: %s: program, %lu bytes, kept in ramfs as /%s%s%s\n", file,
		rf->size, rf->name, rf->args[0] ? ", arguments: " : "", rf->args);
	boot_programs[nr_boot_programs++] = rf;
}

// Do pages [@start, @end) overlap a boot module other than number @skip?
static bool pages_shared(unsigned long start, unsigned long end, unsigned int skip)
{
	unsigned int i;

	for (i = 0; i < nr_boot_modules; i++)
		if (i != skip && boot_modules[i].start < end &&
		    PAGE_ALIGN(boot_modules[i].end) > start)
			return true;
	return false;
}

/*
 * Take boot module @i off the list and free its pages (a page it shares
 * with another module stays reserved).  Return: the bytes freed.
 */
static unsigned long release_module(unsigned int i)
{
	struct boot_module *bm = &boot_modules[i];
	unsigned long start = PAGE_ALIGN(bm->start), end = bm->end & PAGE_MASK;

	if (!pages_shared(bm->start & PAGE_MASK, PAGE_ALIGN(bm->end), i)) {
		start = bm->start & PAGE_MASK;
		end = PAGE_ALIGN(bm->end);
	}
	memmove(bm, bm + 1, (nr_boot_modules - i - 1) * sizeof(*bm));
	nr_boot_modules--;
	return end > start ? free_reserved_area(start, end) : 0;
}

/**
 * populate_rootfs - unpack the cpio archives among the boot modules and
 * keep the programs in ramfs, then free their initrd memory (the .ko
 * modules stay where they are, for the module loader).
 */
void __init populate_rootfs(void)
{
	unsigned long freed = 0;
	unsigned int i = 0;
	bool any = false;

	while (i < nr_boot_modules) {
		if (is_cpio(&boot_modules[i]))
			unpack_initramfs(&boot_modules[i]);
		else if (is_program(&boot_modules[i]))
			keep_program(&boot_modules[i]);
		else {
			i++;
			continue;
		}
		freed += release_module(i);
		any = true;
	}
	if (any)
		pr_info("Freeing initrd memory: %luK\n", freed >> 10);
}
